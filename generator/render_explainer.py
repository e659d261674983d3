"""Render an explainer page: header, the "Who said what" sidebar, the story, the "Background of
the conflict" section and the sources. Pure: index and explainer in, Page out."""

from __future__ import annotations

from generator import meta, paths
from generator.link import Index, modified, role_at
from generator.model import Conflict, Explainer, Quote
from generator.pages import Page
from generator.text import (
    direction,
    escape,
    first_day,
    inline,
    language_name,
    long_date,
    paragraphs,
    partial_date,
    render_markdown,
)

VENUES = {
    "interview": "Interview",
    "news-conference": "News conference",
    "statement": "Statement",
    "briefing": "Briefing",
    "social-post": "Social media post",
    "speech": "Speech",
    "testimony": "Testimony",
}


def time(day) -> str:
    return f'<time datetime="{day.isoformat()}">{long_date(day)}</time>'


def byline(explainer: Explainer) -> str:
    names = [inline(a) for a in explainer.authors]
    who = names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]
    parts = [f'<span class="explainer__authors">By {who}</span>', f"Published {time(explainer.published)}"]
    if modified(explainer) > explainer.published:  # an update or a correction
        parts.append(f"Updated {time(modified(explainer))}")
    return f'<p class="explainer__byline">{" · ".join(parts)}</p>'


# Quotes appear on their explainer, their speaker's pages and their party's pages; the HTML is
# the same everywhere, so it is made once per (quote, explainer, site) object. Keyed by id and
# checked by identity: the entry holds the objects, so an id cannot be reused while cached.
_QUOTES: dict[int, tuple[Quote, Explainer, object, str]] = {}


def quote_block(index: Index, explainer: Explainer, quote: Quote) -> str:
    """One quote: its words, then where, when and from which source."""
    hit = _QUOTES.get(id(quote))
    if hit and hit[0] is quote and hit[1] is explainer and hit[2] is index.site:
        return hit[3]
    html = _quote_block(index, explainer, quote)
    _QUOTES[id(quote)] = (quote, explainer, index.site, html)
    return html


def _quote_block(index: Index, explainer: Explainer, quote: Quote) -> str:
    lang = quote.language if not quote.translated else index.site.language
    text = paragraphs(quote.text)
    details = []
    if quote.venue:
        details.append(VENUES[quote.venue])
    if quote.outlet:
        details.append(inline(quote.outlet))
    if quote.place:
        details.append(inline(quote.place))
    details.append(("Reported " if quote.date_is_report else "") + time(quote.date))
    source = next(s for s in explainer.sources if s.id == quote.source)
    if source.url:
        details.append(f'<a class="quote__source" href="{escape(source.url)}" rel="noopener">Source: {inline(source.title)}</a>')
    else:
        details.append(f'<span class="quote__source">Source: {inline(source.title)}</span>')
    parts = [f'<blockquote class="quote__text" lang="{escape(lang)}" dir="{direction(lang)}">{text}</blockquote>']
    if quote.context:
        parts.append(f'<p class="quote__context">{escape(quote.context)}</p>')
    if quote.translated:
        parts.append(f'<p class="quote__translated">Translated from {escape(language_name(quote.language))}</p>')
        if quote.original:
            parts.append(
                f'<details class="quote__original"><summary>Original ({escape(language_name(quote.language))})</summary>'
                f'<blockquote lang="{escape(quote.language)}" dir="{direction(quote.language)}">{paragraphs(quote.original)}</blockquote></details>'
            )
    parts.append(f'<p class="quote__meta">{" · ".join(details)}</p>')
    return f'<li class="quote">{"".join(parts)}</li>'


def sidebar(index: Index, explainer: Explainer, here: str) -> str:
    """The "Who said what" sidebar: speakers in order of first quote, each with their quotes."""
    speakers: dict[str, list[Quote]] = {}
    for quote in explainer.quotes:
        speakers.setdefault(quote.speaker, []).append(quote)
    if not speakers:
        return ""
    blocks = []
    for pid, quotes in speakers.items():
        person = index.people[pid]
        role = role_at(person, quotes[0].date)
        role_line = inline(role.title)
        if role.party:
            party_url = paths.href(here, paths.party(role.party))
            role_line += f' · <a href="{party_url}">{inline(index.parties[role.party].name)}</a>'
        items = "".join(quote_block(index, explainer, q) for q in quotes)
        blocks.append(
            f'<section class="speaker" aria-labelledby="speaker-{pid}">'
            f'<h3 class="speaker__name" id="speaker-{pid}"><a href="{paths.href(here, paths.person(pid))}">{inline(person.name)}</a></h3>'
            f'<p class="speaker__role">{role_line}</p><ul class="speaker__quotes">{items}</ul></section>'
        )
    return '<aside class="who-said-what" aria-labelledby="who-said-what"><h2 id="who-said-what">Who said what</h2>' + "".join(blocks) + "</aside>"


def timeline(events, here: str) -> str:
    """A dated timeline as an ordered list, oldest first."""
    items = []
    for event in sorted(events, key=lambda e: (first_day(e.date), e.date)):
        source = inline(event.source)
        if event.url:
            source = f'<a href="{escape(event.url)}" rel="noopener">{source}</a>'
        items.append(
            f'<li class="timeline__event"><time class="timeline__date" datetime="{event.date}">{partial_date(event.date, event.approximate)}</time>'
            f'<div class="timeline__text">{paragraphs(event.text)}</div><p class="timeline__source">Source: {source}</p></li>'
        )
    return '<ol class="timeline">' + "".join(items) + "</ol>"


def parties_list(index: Index, conflict: Conflict, here: str) -> str:
    items = "".join(f'<li><a href="{paths.href(here, paths.party(p))}">{inline(index.parties[p].name)}</a></li>' for p in conflict.parties)
    return f'<ul class="background__parties">{items}</ul>'


def background(index: Index, explainer: Explainer, here: str) -> str:
    """The conflict's background and its timeline as known on the explainer's date."""
    conflict = index.conflicts[explainer.conflict]
    hub = paths.href(here, paths.conflict(explainer.conflict))
    as_of = explainer.published
    known = [e for e in conflict.timeline if first_day(e.date) <= as_of]
    later = len(conflict.timeline) - len(known)
    after = ""
    if later:
        noun = "event" if later == 1 else "events"
        after = f'<p class="background__later">What came after: {later} later {noun} on <a href="{hub}">{inline(conflict.name)}</a>.</p>'
    return (
        '<section class="background" aria-labelledby="background-of-the-conflict">'
        '<h2 id="background-of-the-conflict">Background of the conflict</h2>'
        f'<p class="background__name"><a href="{hub}">{inline(conflict.name)}</a> · began {partial_date(conflict.started)}</p>'
        f"{paragraphs(conflict.summary)}"
        f'<h3 id="parties">Parties</h3>{parties_list(index, conflict, here)}'
        f'<h3 id="timeline">Timeline to {long_date(as_of)}</h3>{timeline(known, here)}{after}</section>'
    )


def sources(explainer: Explainer) -> str:
    items = []
    for source in explainer.sources:
        title = inline(source.title)
        if source.url:
            title = f'<a href="{escape(source.url)}" rel="noopener">{title}</a>'
        extra = [inline(source.publisher)] if source.publisher else []
        if source.published:
            extra.append(time(source.published))
        items.append(f'<li id="source-{source.id}">{title}{" · " if extra else ""}{" · ".join(extra)}</li>')
    return '<section class="sources" aria-labelledby="sources"><h2 id="sources">Sources</h2><ul>' + "".join(items) + "</ul></section>"


def corrections(explainer: Explainer) -> str:
    if not explainer.corrections:
        return ""
    items = "".join(f"<li>{time(c.date)}: {paragraphs(c.text)}</li>" for c in explainer.corrections)
    return f'<section class="corrections" aria-labelledby="corrections"><h2 id="corrections">Corrections</h2><ul>{items}</ul></section>'


def story(explainer: Explainer) -> str:
    parts = []
    for number, section in enumerate(explainer.sections, start=1):
        parts.append(f'<h2 id="section-{number}">{escape(section.heading)}</h2>{render_markdown(section.body)}')
    return "".join(parts)


def tags(explainer: Explainer, here: str) -> str:
    if not explainer.tags:
        return ""
    items = "".join(f'<li><a href="{paths.href(here, paths.tag(t))}">{escape(t)}</a></li>' for t in explainer.tags)
    return f'<nav class="explainer__tags" aria-label="Tags"><ul>{items}</ul></nav>'


def render_explainer(index: Index, explainer: Explainer) -> Page:
    """The explainer's page."""
    here = paths.explainer(explainer.slug)
    body = (
        f'<article class="explainer" lang="{escape(index.site.language)}">'
        f'<header class="explainer__header"><h1>{escape(explainer.headline)}</h1>'
        f'<p class="explainer__dek">{escape(explainer.summary)}</p>{byline(explainer)}</header>'
        f"{sidebar(index, explainer, here)}"
        f'<div class="explainer__story">{corrections(explainer)}{story(explainer)}'
        f"{background(index, explainer, here)}{sources(explainer)}{tags(explainer, here)}</div></article>"
    )
    return Page(here, body, meta.article(index, explainer, modified(explainer)))
