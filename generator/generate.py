"""The pipeline: read and check everything, then render every page; nothing is written here."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from generator.errors import ContentError, ContentErrors
from generator.feeds import feed_files
from generator.guide import guide_pages
from generator.link import Index, link
from generator.model import RESERVED, Explainer
from generator.pages import markdown_file
from generator.read import Cache, outside, read_all
from generator.render_explainer import render_explainer
from generator.render_site import archive_pages, conflict_pages, home_pages, party_pages, people_pages, redirect_files, tag_pages


def check(content: Path, cache: Cache | None = None) -> Index:
    """Load, validate and cross-check all content; raise ContentErrors listing every problem."""
    site, entries, errors = read_all(content, cache)
    if errors or site is None:
        raise ContentErrors(errors)
    return link(site, entries)


def render(index: Index, content: Path | None = None, cache: dict | None = None) -> Iterator[tuple[str, str]]:
    """Every output file as (path in the docs folder, text), one at a time so that the whole
    site is never held in memory. Hand-written pages are checked before the first file. With a
    `cache` (kept by the live preview), an explainer whose inputs are the very same objects as
    last time is not rendered again."""
    pages = hand_written(content) if content is not None else {}
    for explainer in index.explainers:
        yield explainer_file(index, explainer, cache)
    for make in (home_pages, archive_pages, tag_pages, people_pages, party_pages, conflict_pages, guide_pages):
        for page in make(index):
            yield page.path, markdown_file(page)
    yield from feed_files(index).items()
    yield from redirect_files(index).items()
    yield from pages.items()


def explainer_file(index: Index, explainer: Explainer, cache: dict | None) -> tuple[str, str]:
    """An explainer's file, from `cache` when nothing it is rendered from has changed."""
    people = [index.people[p] for p in dict.fromkeys(q.speaker for q in explainer.quotes)]
    conflict = index.conflicts[explainer.conflict]
    parties = [index.parties[p] for p in conflict.parties] + [index.parties[r.party] for p in people for r in p.roles if r.party]
    inputs = (explainer, index.site, conflict, *people, *parties)
    if cache is not None and explainer.slug in cache:
        before, file = cache[explainer.slug]
        if len(before) == len(inputs) and all(a is b for a, b in zip(before, inputs, strict=True)):
            return file
    page = render_explainer(index, explainer)
    file = (page.path, markdown_file(page))
    if cache is not None:
        cache[explainer.slug] = (inputs, file)
    return file


def hand_written(content: Path) -> dict[str, str]:
    """Editors' hand-written Markdown pages in content/pages, copied as they are. Their first
    path segment may not be one of the site's own (reserved) names."""
    folder = content / "pages"
    paths = sorted(folder.rglob("*.md")) if folder.is_dir() else []
    errors = [e for e in (outside(p, content) for p in paths) if e]
    for path in paths:
        first = path.relative_to(folder).parts[0].removesuffix(".md")
        if first in RESERVED or first in ("atom.xml", "feed.json"):
            errors.append(
                ContentError(f"content/pages/{path.relative_to(folder).as_posix()}", 1, 1, "", f"'{first}' is one of the site's own pages; rename the file")
            )
    if errors:
        raise ContentErrors(errors)
    return {path.relative_to(folder).as_posix(): path.read_text("utf-8") for path in paths}


def generate(content: Path) -> dict[str, str]:
    return dict(render(check(content), content))
