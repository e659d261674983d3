"""Render the pages around the explainers: home with pagination, archive by month, tags,
people, parties and conflict hubs. Pure: index in, pages out."""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict

from generator import meta, paths
from generator.link import Index, Said
from generator.model import Explainer
from generator.pages import Page
from generator.render_explainer import parties_list, quote_block, time, timeline
from generator.text import MONTHS, escape, inline, long_date, paragraphs, partial_date


def cards(index: Index, explainers: list[Explainer], here: str, level: int = 2) -> str:
    """A list of explainers, as the home, archive, tag and hub pages show them; `level` is the
    heading level of each title, one below the heading the list sits under."""
    items = []
    for e in explainers:
        conflict = index.conflicts[e.conflict]
        items.append(
            f'<li class="card"><h{level} class="card__title"><a href="{paths.href(here, paths.explainer(e.slug))}">{escape(e.headline)}</a></h{level}>'
            f'<p class="card__summary">{escape(e.summary)}</p>'
            f'<p class="card__meta">{time(e.published)} · <a href="{paths.href(here, paths.conflict(e.conflict))}">{inline(conflict.name)}</a></p></li>'
        )
    return '<ul class="cards">' + "".join(items) + "</ul>"


def heading(title: str, intro: str = "") -> str:
    return f"<h1>{escape(title)}</h1>" + (f'<p class="page__intro">{escape(intro)}</p>' if intro else "")


def listing(index: Index, url: str, title: str, intro: str, css: str, rows: list[str]) -> Page:
    """An index page: a heading, one line of introduction, and a list of links."""
    body = f'<div class="listing">{heading(title, intro)}<ul class="{css}">{"".join(rows)}</ul></div>'
    return Page(url, body, meta.website(index, title, intro, url))


def home_pages(index: Index) -> list[Page]:
    """Latest explainers first, `per_page` to a page."""
    size = index.site.per_page
    chunks = [list(index.explainers[i : i + size]) for i in range(0, len(index.explainers), size)] or [[]]
    pages = []
    for number, chunk in enumerate(chunks, start=1):
        here = paths.home(number)
        title = "Latest explainers" if number == 1 else f"Latest explainers, page {number}"
        links = []
        if number > 1:
            links.append(f'<a rel="prev" href="{paths.href(here, paths.home(number - 1))}">Newer explainers</a>')
        if number < len(chunks):
            links.append(f'<a rel="next" href="{paths.href(here, paths.home(number + 1))}">Older explainers</a>')
        pager = f'<nav class="pager" aria-label="Pages">{" ".join(links)}</nav>' if links else ""
        feed = f'<p class="feed-link"><a href="{paths.href(here, "atom.xml")}">Atom feed</a> · <a href="{paths.href(here, "feed.json")}">JSON Feed</a></p>'
        body = f'<div class="listing">{heading(title, index.site.description)}{cards(index, chunk, here)}{pager}{feed}</div>'
        pages.append(Page(here, body, meta.website(index, title, index.site.description, here)))
    return pages


def archive_pages(index: Index) -> list[Page]:
    months: dict[tuple[int, int], list[Explainer]] = defaultdict(list)
    for e in index.explainers:
        months[(e.published.year, e.published.month)].append(e)
    pages = []
    rows = []
    for (year, month), explainers in sorted(months.items(), reverse=True):
        url = paths.month(year, month)
        title = f"{MONTHS[month - 1]} {year}"
        rows.append(f'<li><a href="{paths.href("archive/", url)}">{title}</a> ({len(explainers)})</li>')
        body = f'<div class="listing">{heading("Explainers from " + title)}{cards(index, explainers, url)}</div>'
        pages.append(Page(url, body, meta.website(index, f"Explainers from {title}", f"Explainers published in {title}.", url)))
    pages.append(listing(index, "archive/", "Archive", "Every explainer, by month of publication.", "archive", rows))
    return pages


def tag_pages(index: Index) -> list[Page]:
    tagged: dict[str, list[Explainer]] = defaultdict(list)
    for e in index.explainers:
        for t in e.tags:
            tagged[t].append(e)
    pages = []
    rows = []
    for name, explainers in sorted(tagged.items()):
        url = paths.tag(name)
        rows.append(f'<li><a href="{paths.href("tags/", url)}">{escape(name)}</a> ({len(explainers)})</li>')
        body = f'<div class="listing">{heading("Tag: " + name)}{cards(index, explainers, url)}</div>'
        pages.append(Page(url, body, meta.website(index, f"Tag: {name}", f"Explainers tagged {name}.", url)))
    pages.append(listing(index, "tags/", "Tags", "Explainers by topic.", "tags", rows))
    return pages


def said_list(index: Index, said: tuple[Said, ...] | list[Said], here: str, *, show_speaker: bool) -> str:
    items = []
    for s in said:
        speaker = ""
        if show_speaker:
            person = index.people[s.quote.speaker]
            speaker = (
                f'<p class="said__speaker"><a href="{paths.href(here, paths.person(s.quote.speaker))}">{inline(person.name)}</a>, {inline(s.role.title)}</p>'
            )
        role = "" if show_speaker else f'<p class="said__role">As {inline(s.role.title)}</p>'
        quote = quote_block(index, s.explainer, s.quote, here).removeprefix('<li class="quote">').removesuffix("</li>")
        items.append(
            f'<li class="said">{speaker}{role}{quote}<p class="said__explainer">In <a href="{paths.href(here, paths.explainer(s.explainer.slug))}">{escape(s.explainer.headline)}</a></p></li>'
        )
    return '<ul class="said-list">' + "".join(items) + "</ul>"


def _roles(index: Index, pid: str, here: str) -> str:
    items = []
    for role in index.people[pid].roles:
        text = inline(role.title)
        if role.party:
            text += f' · <a href="{paths.href(here, paths.party(role.party))}">{inline(index.parties[role.party].name)}</a>'
        span = " – ".join(long_date(d) if d else "" for d in (role.start, role.end)) if (role.start or role.end) else ""
        items.append(f"<li>{text}{' (' + span + ')' if span else ''}</li>")
    return '<ul class="roles">' + "".join(items) + "</ul>"


def people_pages(index: Index) -> list[Page]:
    pages = []
    rows = []
    for pid, person in sorted(index.people.items(), key=lambda kv: (kv[1].name.casefold(), kv[0])):
        here = paths.person(pid)
        said = index.said_by.get(pid, ())
        also = f'<p class="person__also">Also written: {", ".join(inline(n) for n in person.other_names)}</p>' if person.other_names else ""
        summary = f"<p>{escape(person.summary)}</p>" if person.summary else ""
        quotes = said_list(index, said, here, show_speaker=False) if said else "<p>No quotes yet.</p>"
        body = (
            f'<div class="person">{heading(person.name)}{also}{summary}<h2 id="roles">Roles</h2>{_roles(index, pid, here)}'
            f'<h2 id="quotes">Quotes, newest first</h2>{quotes}</div>'
        )
        description = f"What {person.name} said, across explainers: {len(said)} quote{'s' if len(said) != 1 else ''}."
        pages.append(Page(here, body, meta.person(index, pid, person, description)))
        names = inline(person.name) + (f' <span class="also">({", ".join(inline(n) for n in person.other_names)})</span>' if person.other_names else "")
        rows.append(f'<li><a href="{paths.href("people/", here)}">{names}</a> · {inline(person.roles[-1].title)}</li>')
    pages.append(listing(index, "people/", "People", "Everyone quoted in our explainers.", "people", rows))
    return pages


def party_pages(index: Index) -> list[Page]:
    pages = []
    rows = []
    for pid, party in index.parties.items():
        here = paths.party(pid)
        said = [s for person in index.people_of(pid) for s in index.said_by.get(person, ()) if s.role.party == pid]
        said.sort(key=lambda s: (s.quote.date, s.explainer.slug), reverse=True)
        summary = f"<p>{escape(party.summary)}</p>" if party.summary else ""
        people = "".join(f'<li><a href="{paths.href(here, paths.person(p))}">{inline(index.people[p].name)}</a></li>' for p in index.people_of(pid))
        quotes = said_list(index, said, here, show_speaker=True) if said else "<p>No quotes yet.</p>"
        body = f'<div class="party">{heading(party.name)}{summary}<h2 id="people">People</h2><ul>{people}</ul><h2 id="who-said-what">Who said what</h2>{quotes}</div>'
        pages.append(Page(here, body, meta.website(index, party.name, f"Who among {party.name} said what, across explainers.", here)))
        rows.append(f'<li><a href="{paths.href("parties/", here)}">{inline(party.name)}</a></li>')
    pages.append(listing(index, "parties/", "Parties", "Governments, organisations and groups whose people we quote.", "parties", rows))
    return pages


def conflict_pages(index: Index) -> list[Page]:
    pages = []
    rows = []
    for cid, conflict in index.conflicts.items():
        here = paths.conflict(cid)
        explainers = index.explainers_on(cid)
        feeds = f'<p class="feed-link"><a href="{paths.href(here, paths.conflict(cid) + "atom.xml")}">Atom feed</a> · <a href="{paths.href(here, paths.conflict(cid) + "feed.json")}">JSON Feed</a></p>'
        body = (
            f'<div class="conflict">{heading(conflict.name)}<p class="conflict__dates">Began {partial_date(conflict.started)} · background reviewed {long_date(conflict.reviewed)}</p>'
            f'{paragraphs(conflict.summary)}<h2 id="parties">Parties</h2>{parties_list(index, conflict, here)}'
            f'<h2 id="timeline">Timeline</h2>{timeline(conflict.timeline, here)}'
            f'<h2 id="explainers">Explainers, newest first</h2>{cards(index, explainers, here, level=3)}{feeds}</div>'
        )
        pages.append(Page(here, body, meta.website(index, conflict.name, conflict.summary, here)))
        rows.append(f'<li><a href="{paths.href("conflicts/", here)}">{inline(conflict.name)}</a> ({len(explainers)})</li>')
    pages.append(listing(index, "conflicts/", "Conflicts", "Background, timelines and explainers for each conflict we cover.", "conflicts", rows))
    return pages


def ascii_slug(name: str) -> str:
    """'Sergey Shoigu' -> 'sergey-shoigu'; names with no Latin letters give ''."""
    plain = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return "-".join(re.findall(r"[a-z0-9]+", plain.lower()))


def redirect_files(index: Index) -> dict[str, str]:
    """people/<other-spelling>/ leads to the person's page, so any spelling in a link works."""
    files = {}
    for pid, person in index.people.items():
        for name in person.other_names:
            slug = ascii_slug(name)
            if not slug or slug in index.people or f"people/{slug}/index.html" in files:
                continue
            here = paths.person(slug)
            target = paths.href(here, paths.person(pid))
            files[f"{here}index.html"] = (
                f'<!doctype html>\n<html lang="{escape(index.site.language)}"><head><meta charset="utf-8">'
                f"<title>{escape(person.name)}</title>"
                f'<link rel="canonical" href="{escape(meta.absolute(index, paths.person(pid)))}">'
                f'<meta name="robots" content="noindex"><meta http-equiv="refresh" content="0; url={target}">'
                f'</head><body><p><a href="{target}">{escape(person.name)}</a></p></body></html>\n'
            )
    return files
