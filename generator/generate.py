"""The pipeline: read and check everything, then render every page; nothing is written here."""

from __future__ import annotations

from pathlib import Path

from generator.errors import ContentErrors
from generator.feeds import feed_files
from generator.guide import guide_pages
from generator.link import Index, link
from generator.pages import markdown_file
from generator.read import read_all
from generator.render_explainer import render_explainer
from generator.render_site import archive_pages, conflict_pages, home_pages, party_pages, people_pages, tag_pages


def check(content: Path) -> Index:
    """Load, validate and cross-check all content; raise ContentErrors listing every problem."""
    site, entries, errors = read_all(content)
    if errors or site is None:
        raise ContentErrors(errors)
    return link(site, entries)


def render(index: Index, content: Path | None = None) -> dict[str, str]:
    """Every output file, by its path in the docs folder."""
    pages = [render_explainer(index, e) for e in index.explainers]
    pages += home_pages(index) + archive_pages(index) + tag_pages(index)
    pages += people_pages(index) + party_pages(index) + conflict_pages(index) + guide_pages(index)
    files = {page.path: markdown_file(page) for page in pages}
    files.update(feed_files(index))
    if content is not None:
        files.update(hand_written(content))
    return files


def hand_written(content: Path) -> dict[str, str]:
    """Editors' hand-written Markdown pages in content/pages, copied as they are."""
    folder = content / "pages"
    if not folder.is_dir():
        return {}
    return {path.relative_to(folder).as_posix(): path.read_text("utf-8") for path in sorted(folder.rglob("*.md"))}


def generate(content: Path) -> dict[str, str]:
    return render(check(content), content)
