"""Shared test fixtures: temporary projects built with the real engine."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"


def make_project(dest: Path, content: Path | None = None) -> Path:
    """A copy of the project's site configuration and theme in `dest`, with `content` (default:
    the real content) as its content folder."""
    dest.mkdir(parents=True, exist_ok=True)
    shutil.copy(ROOT / "mkdocs.yml", dest / "mkdocs.yml")
    shutil.copytree(ROOT / "theme", dest / "theme")
    shutil.copytree(content or ROOT / "content", dest / "content", symlinks=True)
    return dest


def run_generator(project: Path, *args: str) -> subprocess.CompletedProcess:
    """Run the command-line entry point in `project`, as an editor would."""
    return subprocess.run([sys.executable, "-m", "generator", *args], cwd=project, capture_output=True, text=True)


def build(project: Path, *args: str) -> Path:
    result = run_generator(project, "build", *args)
    assert result.returncode == 0, result.stdout + result.stderr
    return project / "site"


@pytest.fixture(scope="session")
def real_site(tmp_path_factory) -> Path:
    """The real content, built once with `mkdocs build --strict`."""
    return build(make_project(tmp_path_factory.mktemp("real")))


@pytest.fixture(scope="session")
def fixture_site(tmp_path_factory) -> Path:
    """The made-up fixture content (tests/fixtures/content), built once."""
    return build(make_project(tmp_path_factory.mktemp("fixture"), FIXTURES / "content"))


pytest_plugins = ["tests.browsing"]
