"""Where each page lives: one place that knows the site's URL scheme."""

from __future__ import annotations


def explainer(slug: str) -> str:
    return f"explainers/{slug}/"


def person(pid: str) -> str:
    return f"people/{pid}/"


def party(pid: str) -> str:
    return f"parties/{pid}/"


def conflict(cid: str) -> str:
    return f"conflicts/{cid}/"


def tag(name: str) -> str:
    return f"tags/{name}/"


def month(year: int, number: int) -> str:
    return f"archive/{year:04d}/{number:02d}/"


def paged(base: str, number: int) -> str:
    """Page `number` of a paginated list whose first page is at `base`."""
    return base if number == 1 else f"{base}page/{number}/"


def source_file(url: str) -> str:
    """The Markdown file that MkDocs turns into the page at `url` (directory URLs)."""
    return f"{url}index.md"


def href(here: str, there: str) -> str:
    """A relative link from the page at URL `here` to the page or file at URL `there`.

    Both are site-relative URLs without '..' ("explainers/x/", "atom.xml", "" for the home
    page), so plain segment arithmetic does what posixpath.relpath would, many times faster."""
    start = here.split("/")[:-1] if here else []
    target = there.split("/")
    common = 0
    while common < len(start) and common < len(target) - 1 and start[common] == target[common]:
        common += 1
    return "../" * (len(start) - common) + "/".join(target[common:]) or "./"
