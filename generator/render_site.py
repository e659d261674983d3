"""Render the pages around the explainers: home with pagination, archive by month, tags,
people, parties and conflict hubs. Pure: index in, pages out."""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from collections.abc import Callable

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


def chunks(items, size: int) -> list[list]:
    """Items in pages of `size`; always at least one (possibly empty) page."""
    items = list(items)
    return [items[i : i + size] for i in range(0, len(items), size)] or [[]]


def numbered(title: str, number: int) -> str:
    return title if number == 1 else f"{title}, page {number}"


def pager(here: str, base: str, number: int, total: int, newer: str, older: str) -> str:
    """Links to the neighbouring pages of a paginated list."""
    links = []
    if number > 1:
        links.append(f'<a rel="prev" href="{paths.href(here, paths.paged(base, number - 1))}">{newer}</a>')
    if number < total:
        links.append(f'<a rel="next" href="{paths.href(here, paths.paged(base, number + 1))}">{older}</a>')
    return f'<nav class="pager" aria-label="Pages">{" ".join(links)}</nav>' if links else ""


def explainer_pages(index: Index, base: str, title: str, intro: str, explainers: list[Explainer], footer=lambda here: "") -> list[Page]:
    """A paginated list of explainers, newest first, `per_page` to a page."""
    pages = []
    groups = chunks(explainers, index.site.per_page)
    for number, group in enumerate(groups, start=1):
        here = paths.paged(base, number)
        name = numbered(title, number)
        links = pager(here, base, number, len(groups), "Newer explainers", "Older explainers")
        body = f'<div class="listing">{heading(name, intro)}{cards(index, group, here)}{links}{footer(here)}</div>'
        pages.append(Page(here, body, meta.website(index, name, intro or name + ".", here)))
    return pages


def home_pages(index: Index) -> list[Page]:
    """Latest explainers first, with links to the feeds."""

    def feeds(here: str) -> str:
        return f'<p class="feed-link"><a href="{paths.href(here, "atom.xml")}">Atom feed</a> · <a href="{paths.href(here, "feed.json")}">JSON Feed</a></p>'

    return explainer_pages(index, "", "Latest explainers", index.site.description, list(index.explainers), feeds)


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
        pages += explainer_pages(index, url, f"Explainers from {title}", f"Explainers published in {title}.", explainers)
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
        pages += explainer_pages(index, url, f"Tag: {name}", f"Explainers tagged {name}.", explainers)
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
        quote = quote_block(index, s.explainer, s.quote).removeprefix('<li class="quote">').removesuffix("</li>")
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


def quote_pages(index: Index, base: str, title: str, said: list[Said], first: Callable[[str], Page], *, show_speaker: bool) -> list[Page]:
    """A person's or party's quotes, newest first, `per_page` to a page. The first page is
    `first(quotes_html)`; later pages hold quotes only."""
    groups = chunks(said, index.site.quotes_per_page)
    pages = []
    for number, group in enumerate(groups, start=1):
        here = paths.paged(base, number)
        quotes = said_list(index, group, here, show_speaker=show_speaker) if group else "<p>No quotes yet.</p>"
        links = pager(here, base, number, len(groups), "Newer quotes", "Older quotes")
        if number == 1:
            pages.append(first(quotes + links))
            continue
        name = numbered(title, number)
        body = f'<div class="listing">{heading(name)}{quotes}{links}</div>'
        pages.append(Page(here, body, meta.website(index, name, name + ".", here)))
    return pages


def people_pages(index: Index) -> list[Page]:
    pages = []
    rows = []
    for pid, person in sorted(index.people.items(), key=lambda kv: (kv[1].name.casefold(), kv[0])):
        here = paths.person(pid)
        said = list(index.said_by.get(pid, ()))
        also = f'<p class="person__also">Also written: {", ".join(inline(n) for n in person.other_names)}</p>' if person.other_names else ""
        summary = f"<p>{escape(person.summary)}</p>" if person.summary else ""
        top = f'<div class="person">{heading(person.name)}{also}{summary}<h2 id="roles">Roles</h2>{_roles(index, pid, here)}<h2 id="quotes">Quotes, newest first</h2>'
        description = f"What {person.name} said, across explainers: {len(said)} quote{'s' if len(said) != 1 else ''}."
        head = meta.person(index, pid, person, description)

        def first(quotes: str, here=here, top=top, head=head) -> Page:
            return Page(here, f"{top}{quotes}</div>", head)

        pages += quote_pages(index, here, f"Quotes by {person.name}", said, first, show_speaker=False)
        names = inline(person.name) + (f' <span class="also">({", ".join(inline(n) for n in person.other_names)})</span>' if person.other_names else "")
        rows.append(f'<li><a href="{paths.href("people/", here)}">{names}</a> · {inline(person.roles[-1].title)}</li>')
    pages.append(listing(index, "people/", "People", "Everyone quoted in our explainers.", "people", rows))
    return pages


def party_pages(index: Index) -> list[Page]:
    pages = []
    rows = []
    for pid, party in index.parties.items():
        here = paths.party(pid)
        members = index.people_of(pid)
        said = [s for person in members for s in index.said_by.get(person, ()) if s.role.party == pid]
        said.sort(key=lambda s: (s.quote.date, s.explainer.slug), reverse=True)
        summary = f"<p>{escape(party.summary)}</p>" if party.summary else ""
        people = "".join(f'<li><a href="{paths.href(here, paths.person(p))}">{inline(index.people[p].name)}</a></li>' for p in members)
        top = f'<div class="party">{heading(party.name)}{summary}<h2 id="people">People</h2><ul>{people}</ul><h2 id="who-said-what">Who said what</h2>'
        head = meta.website(index, party.name, f"Who among {party.name} said what, across explainers.", here)

        def first(quotes: str, here=here, top=top, head=head) -> Page:
            return Page(here, f"{top}{quotes}</div>", head)

        pages += quote_pages(index, here, f"Who said what: {party.name}", said, first, show_speaker=True)
        rows.append(f'<li><a href="{paths.href("parties/", here)}">{inline(party.name)}</a></li>')
    pages.append(listing(index, "parties/", "Parties", "Governments, organisations and groups whose people we quote.", "parties", rows))
    return pages


def conflict_pages(index: Index) -> list[Page]:
    pages = []
    rows = []
    for cid, conflict in index.conflicts.items():
        here = paths.conflict(cid)
        explainers = index.explainers_on(cid)
        groups = chunks(explainers, index.site.per_page)
        feeds = f'<p class="feed-link"><a href="{paths.href(here, here + "atom.xml")}">Atom feed</a> · <a href="{paths.href(here, here + "feed.json")}">JSON Feed</a></p>'
        body = (
            f'<div class="conflict">{heading(conflict.name)}<p class="conflict__dates">Began {partial_date(conflict.started)} · background reviewed {long_date(conflict.reviewed)}</p>'
            f'{paragraphs(conflict.summary)}<h2 id="parties">Parties</h2>{parties_list(index, conflict, here)}'
            f'<h2 id="timeline">Timeline</h2>{timeline(conflict.timeline, here)}'
            f'<h2 id="explainers">Explainers, newest first</h2>{cards(index, groups[0], here, level=3)}'
            f"{pager(here, here, 1, len(groups), 'Newer explainers', 'Older explainers')}{feeds}</div>"
        )
        pages.append(Page(here, body, meta.website(index, conflict.name, conflict.summary, here)))
        pages += explainer_pages(index, here, f"Explainers on {conflict.name}", "", explainers)[1:]
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
