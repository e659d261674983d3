"""The pipeline: read and check everything, then render every page; nothing is written here."""

from __future__ import annotations

from pathlib import Path

from generator.errors import ContentError, ContentErrors
from generator.feeds import feed_files
from generator.guide import guide_pages
from generator.link import Index, link
from generator.pages import markdown_file
from generator.read import outside, read_all
from generator.render_explainer import render_explainer
from generator.render_site import archive_pages, conflict_pages, home_pages, party_pages, people_pages, redirect_files, tag_pages


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
    files.update(redirect_files(index))
    if content is not None:
        pages = hand_written(content)
        clashes = [
            ContentError(f"content/pages/{rel}", 1, 1, "", f"clashes with the generated page {rel}; rename the file")
            for rel in pages
            if rel in files or rel.replace(".md", "/index.md") in files
        ]
        if clashes:
            raise ContentErrors(clashes)
        files.update(pages)
    return files


def hand_written(content: Path) -> dict[str, str]:
    """Editors' hand-written Markdown pages in content/pages, copied as they are."""
    folder = content / "pages"
    paths = sorted(folder.rglob("*.md")) if folder.is_dir() else []
    if errors := [e for e in (outside(p, content) for p in paths) if e]:
        raise ContentErrors(errors)
    return {path.relative_to(folder).as_posix(): path.read_text("utf-8") for path in paths}


def generate(content: Path) -> dict[str, str]:
    return render(check(content), content)
