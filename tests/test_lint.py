"""The code stays linted and formatted (ruff, configured in pyproject.toml)."""

from __future__ import annotations

import subprocess
import sys

from tests.conftest import ROOT

CODE = ["generator", "tests", "bench"]


def ruff(*args: str) -> subprocess.CompletedProcess:
    paths = [p for p in CODE if (ROOT / p).is_dir()]
    return subprocess.run([sys.executable, "-m", "ruff", *args, *paths], cwd=ROOT, capture_output=True, text=True)


def test_ruff_finds_nothing():
    result = ruff("check")
    assert result.returncode == 0, result.stdout + result.stderr


def test_code_is_formatted():
    result = ruff("format", "--check")
    assert result.returncode == 0, result.stdout + result.stderr
