"""Fixtures and helpers for the browser tests (test_browser_*.py): the built sites served over
HTTP on 127.0.0.1, one real Chromium for the session, and a fresh browser context per visit.
Loaded as a pytest plugin by tests/conftest.py."""

from __future__ import annotations

import contextlib
import functools
import http.server
import os
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import playwright.sync_api as playwright_api
import pytest

ROOT = Path(__file__).resolve().parent.parent
ARTIFACTS = ROOT / "test-artifacts"
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"]

DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 375, "height": 740}

REAL = "real"
FIXTURE = "fixture"
REAL_EXPLAINER = "explainers/aleppo-humanitarian-pause/"
FIXTURE_EXPLAINER = "explainers/truce-signed/"
# Home, an explainer, a person and a conflict: the pages a reader lands on.
READER_PAGES = [
    (REAL, ""),
    (REAL, REAL_EXPLAINER),
    (REAL, "people/asma-al-assad/"),
    (REAL, "conflicts/syrian-conflict/"),
    (FIXTURE, ""),
    (FIXTURE, FIXTURE_EXPLAINER),
    (FIXTURE, "people/amal-haddad/"),
    (FIXTURE, "conflicts/valley-dispute/"),
]
EXPLAINERS = [(REAL, REAL_EXPLAINER), (REAL, "explainers/syria-first-lady-will-not-leave/"), (FIXTURE, FIXTURE_EXPLAINER)]


def ids(pages):
    return [f"{site}:/{path}" for site, path in pages]


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format, *args):  # noqa: A002 - the stdlib's signature
        pass


@contextlib.contextmanager
def _serve(directory: Path) -> Iterator[str]:
    """Serve `directory` on 127.0.0.1 at a free port, like a static host would."""
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_QuietHandler, directory=str(directory)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture(scope="session")
def servers(real_site: Path, fixture_site: Path) -> Iterator[dict[str, str]]:
    with _serve(real_site) as real, _serve(fixture_site) as fixture:
        yield {REAL: real, FIXTURE: fixture}


@pytest.fixture(scope="session")
def chromium():
    assert Path(CHROMIUM).exists(), f"no Chromium at {CHROMIUM}: apt-get install chromium (as .ci/run does), or set CHROMIUM=/path/to/chromium"
    with playwright_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@dataclass
class Visit:
    page: object
    requests: list = field(default_factory=list)
    failures: list = field(default_factory=list)


@pytest.fixture
def visit(chromium, servers):
    """Open a page in a fresh context: `visit(site, path, viewport=..., **context_options)`.

    Every request the context makes (page, workers) is recorded, and every failed one."""
    contexts = []

    def open_page(site: str, path: str, viewport=DESKTOP, wait_until="load", **options) -> Visit:
        context = chromium.new_context(viewport=viewport, **options)
        contexts.append(context)
        seen = Visit(page=None)
        context.on("request", lambda r: seen.requests.append(r))
        context.on("requestfailed", lambda r: seen.failures.append(f"{r.url}: {r.failure}"))

        def on_response(response):
            if response.status >= 400:
                seen.failures.append(f"{response.url}: HTTP {response.status}")

        context.on("response", on_response)
        seen.page = context.new_page()
        response = seen.page.goto(servers[site] + path, wait_until=wait_until)
        assert response is not None and response.ok, f"{path}: {response and response.status}"
        return seen

    yield open_page
    for context in contexts:
        context.close()


def box(locator) -> dict:
    found = locator.bounding_box()
    assert found is not None, f"{locator} is not rendered"
    return found


def bottom(b: dict) -> float:
    return b["y"] + b["height"]


def right(b: dict) -> float:
    return b["x"] + b["width"]
