"""Live preview: `python -m generator serve` regenerates when content changes, prints content
errors, and keeps serving the last good pages while a file is broken."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conftest import make_project, run_generator

pytestmark = pytest.mark.slow

EXPLAINER = "content/explainers/aleppo-humanitarian-pause.yaml"
HEADLINE = 'headline: Russia halts Aleppo air raids ahead of a "humanitarian pause"'
PAGE = "explainers/aleppo-humanitarian-pause/"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def fetch(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8")
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return ""


def wait_for(condition: Callable[[], bool], what: str, proc: subprocess.Popen, log: Path, seconds: float = 120) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return
        assert proc.poll() is None, f"the server stopped while waiting for {what}:\n{log.read_text()}"
        time.sleep(0.5)
    pytest.fail(f"timed out after {seconds}s waiting for {what}:\n{log.read_text()}")


def stop(proc: subprocess.Popen) -> None:
    """End the server and the engine it started (they share the process group started here)."""
    if proc.poll() is None:
        os.killpg(proc.pid, signal.SIGTERM)
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait(timeout=15)


def test_preview_regenerates_and_survives_a_bad_edit(tmp_path):
    project = make_project(tmp_path / "project")
    generated = run_generator(project, "generate")
    assert generated.returncode == 0, generated.stderr
    explainer = project / EXPLAINER
    original = explainer.read_text("utf-8")
    assert HEADLINE in original

    port = free_port()
    url = f"http://127.0.0.1:{port}/{PAGE}"
    log = tmp_path / "serve.log"
    with log.open("w") as out:
        proc = subprocess.Popen(
            [sys.executable, "-m", "generator", "serve", "--address", f"127.0.0.1:{port}"],
            cwd=project,
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    try:
        wait_for(lambda: "Russia halts Aleppo air raids" in fetch(url), "the first page", proc, log)

        explainer.write_text(original.replace(HEADLINE, "headline: Edited in the live preview"), "utf-8")
        wait_for(lambda: "Edited in the live preview" in fetch(url), "the edited headline", proc, log)

        explainer.write_text(original.replace(HEADLINE, "headline: [this list is never closed"), "utf-8")
        wait_for(lambda: "aleppo-humanitarian-pause.yaml:" in log.read_text(), "the error to be printed", proc, log)
        output = log.read_text()
        assert "content has errors; still showing the last good version" in output
        assert "headline" in output or "not valid YAML" in output
        time.sleep(1)
        assert proc.poll() is None, "the server stopped on a content error"
        assert "Edited in the live preview" in fetch(url), "the last good page is no longer served"

        explainer.write_text(original.replace(HEADLINE, "headline: Fixed after the mistake"), "utf-8")
        wait_for(lambda: "Fixed after the mistake" in fetch(url), "the fixed headline", proc, log)
    finally:
        stop(proc)
    assert proc.poll() is not None
