"""Build: generate the Markdown, run the engine into a scratch folder, and only on success put
the result where the old site was. A failed build leaves the previous site exactly as it was."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from datetime import UTC, date, datetime
from pathlib import Path

from generator.generate import check, render
from generator.link import Index, modified
from generator.read import Cache
from generator.write import replace_folder, write_tree

ENGINES = {"mkdocs": "mkdocs", "properdocs": "properdocs"}


class BuildFailed(Exception):
    """The engine did not build the site; its output says why."""


def source_date(index: Index) -> str:
    """SOURCE_DATE_EPOCH from the content itself, so the engine's build dates are reproducible."""
    latest = max((modified(e) for e in index.explainers), default=date(2000, 1, 1))
    latest = max([latest, *(c.reviewed for c in index.conflicts.values())])
    return str(int(datetime(latest.year, latest.month, latest.day, tzinfo=UTC).timestamp()))


def generate_to(content: Path, docs: Path) -> tuple[Index, list[str]]:
    """Check all content, then write the docs folder; nothing is written if any file is invalid."""
    index = check(content)
    return index, write_tree(docs, render(index, content))


class Preview:
    """What the live preview keeps between regenerations: validated files, rendered explainer
    pages and the files last written. One edited file is read again, the explainers whose
    inputs it touched are rendered again, and only files whose text changed are written."""

    def __init__(self) -> None:
        self.files: Cache = {}
        self.pages: dict = {}
        self.written: dict[str, str] = {}

    def regenerate(self, content: Path, docs: Path) -> list[str]:
        """Like generate_to; on a content error nothing is written and the cache is kept."""
        index = check(content, self.files)
        return write_tree(docs, render(index, content, self.pages), self.written)


def run_engine(config: Path, site: Path, index: Index, engine: str = "mkdocs") -> None:
    """Build with the engine into a scratch folder beside `site`, then swap it in."""
    scratch = site.with_name(site.name + ".new")
    shutil.rmtree(scratch, ignore_errors=True)
    env = {
        **os.environ,
        "SOURCE_DATE_EPOCH": source_date(index),
        "NO_MKDOCS_2_WARNING": "1",
        "EXPLAINERS_GENERATED": "1",
        "EXPLAINERS_SITE_NAME": index.site.name,
        "EXPLAINERS_SITE_URL": index.site.url,
    }
    command = [sys.executable, "-m", ENGINES[engine], "build", "--strict", "--quiet", "-f", str(config), "-d", str(scratch)]
    result = subprocess.run(command, env=env, capture_output=True, text=True)
    if result.returncode != 0:
        shutil.rmtree(scratch, ignore_errors=True)
        raise BuildFailed((result.stdout + result.stderr).strip())
    replace_folder(scratch, site)
