"""Atom and JSON Feed for the whole site and each conflict, dated from the content alone."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from datetime import date

from generator import paths
from generator.link import Index, modified
from generator.meta import absolute, one_line
from generator.model import Explainer
from generator.text import long_date

LIMIT = 50
ATOM = "http://www.w3.org/2005/Atom"


def stamp(day: date) -> str:
    return f"{day.isoformat()}T00:00:00Z"


def _content(explainer: Explainer) -> str:
    """Plain text shown by feed readers: the summary, then any corrections."""
    lines = [explainer.summary.strip()]
    for c in explainer.corrections:
        lines.append(f"Correction, {long_date(c.date)}: {c.text.strip()}")
    return "\n\n".join(lines)


def atom(index: Index, title: str, url: str, feed_url: str, explainers: list[Explainer]) -> str:
    ET.register_namespace("", ATOM)
    feed = ET.Element(f"{{{ATOM}}}feed")

    def add(parent, tag, text=None, **attrs):
        el = ET.SubElement(parent, f"{{{ATOM}}}{tag}", attrs)
        if text is not None:
            el.text = text
        return el

    add(feed, "title", title)
    add(feed, "id", absolute(index, feed_url))
    add(feed, "link", rel="self", href=absolute(index, feed_url))
    add(feed, "link", rel="alternate", type="text/html", href=absolute(index, url))
    add(feed, "updated", stamp(max((modified(e) for e in explainers), default=date(2000, 1, 1))))
    author = add(feed, "author")
    add(author, "name", index.site.publisher)
    for e in explainers[:LIMIT]:
        entry = add(feed, "entry")
        link = absolute(index, paths.explainer(e.slug))
        add(entry, "title", e.headline)
        add(entry, "id", link)
        add(entry, "link", rel="alternate", type="text/html", href=link)
        add(entry, "published", stamp(e.published))
        add(entry, "updated", stamp(modified(e)))
        for name in e.authors:
            add(add(entry, "author"), "name", name)
        for t in e.tags:
            add(entry, "category", term=t)
        add(entry, "summary", one_line(e.summary))
        add(entry, "content", _content(e), type="text")
    return '<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(feed, encoding="unicode") + "\n"


def json_feed(index: Index, title: str, url: str, feed_url: str, explainers: list[Explainer]) -> str:
    items = []
    for e in explainers[:LIMIT]:
        link = absolute(index, paths.explainer(e.slug))
        items.append(
            {
                "id": link,
                "url": link,
                "title": e.headline,
                "summary": one_line(e.summary),
                "content_text": _content(e),
                "date_published": stamp(e.published),
                "date_modified": stamp(modified(e)),
                "authors": [{"name": a} for a in e.authors],
                "tags": list(e.tags),
            }
        )
    data = {
        "version": "https://jsonfeed.org/version/1.1",
        "title": title,
        "home_page_url": absolute(index, url),
        "feed_url": absolute(index, feed_url),
        "language": index.site.language,
        "items": items,
    }
    return json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def feed_files(index: Index) -> dict[str, str]:
    """Every feed, by its path in the site."""
    files = {
        "atom.xml": atom(index, index.site.name, "", "atom.xml", list(index.explainers)),
        "feed.json": json_feed(index, index.site.name, "", "feed.json", list(index.explainers)),
    }
    for cid, conflict in index.conflicts.items():
        hub = paths.conflict(cid)
        explainers = index.explainers_on(cid)
        title = f"{index.site.name}: {conflict.name}"
        files[f"{hub}atom.xml"] = atom(index, title, hub, f"{hub}atom.xml", explainers)
        files[f"{hub}feed.json"] = json_feed(index, title, hub, f"{hub}feed.json", explainers)
    return files
