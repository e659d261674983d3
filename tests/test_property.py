"""Property: whatever text editors type into any text field, the built site shows it as typed
and contains no element, attribute or URL that the templates did not put there."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.load import load
from tests.conftest import FIXTURES, build, make_project

pytestmark = pytest.mark.slow

ADVERSARIAL = [
    "<script>alert(1)</script>",
    '"><img src=x onerror=alert(1)>',
    "'><svg onload=alert(1)>",
    "</title><script>alert(1)</script>",
    "</script><!--",
    "{{ config.site_name }}",
    '{% include "mkdocs.yml" %}',
    '--8<-- "mkdocs.yml"',
    "[click](javascript:alert(1))",
    "![x](data:text/html,<script>alert(1)</script>)",
    "text { onclick=alert(1) }",
    '!!! danger "x"',
    "# Heading",
    "| a | b |",
    '=== "Tab"',
    ":smile: ++ctrl+alt++ {++add++} ==mark== ~~del~~",
    "&lt;b&gt; &amp; &#60;",
    "]]> <![CDATA[ x",
    "\\u003cscript\\u003e",
    "</aside></div><div class=x>",
    "https://evil.example/ <https://evil.example/>",
    "سنفي بوعدنا",
    "Сергей Шойгу",
    "مهر\u200cنوش",
]

# Every field shown as plain text, by file and path in the fixture content.
FIELDS = [
    ("explainers/truce-signed.yaml", ("headline",)),
    ("explainers/truce-signed.yaml", ("summary",)),
    ("explainers/truce-signed.yaml", ("authors", 0)),
    ("explainers/truce-signed.yaml", ("sections", 0, "heading")),
    ("explainers/truce-signed.yaml", ("quotes", 1, "text")),
    ("explainers/truce-signed.yaml", ("quotes", 2, "outlet")),
    ("explainers/truce-signed.yaml", ("quotes", 2, "context")),
    ("explainers/truce-signed.yaml", ("quotes", 0, "original")),
    ("explainers/truce-signed.yaml", ("sources", 0, "title")),
    ("explainers/truce-signed.yaml", ("sources", 0, "publisher")),
    ("explainers/truce-signed.yaml", ("corrections", 0, "text")),
    ("people/piotr-nowak.yaml", ("name",)),
    ("people/amal-haddad.yaml", ("roles", 1, "title")),
    ("parties/river-council.yaml", ("name",)),
    ("conflicts/valley-dispute.yaml", ("name",)),
    ("conflicts/valley-dispute.yaml", ("summary",)),
    ("conflicts/valley-dispute.yaml", ("timeline", 2, "text")),
    ("conflicts/valley-dispute.yaml", ("timeline", 2, "source")),
]

# Letters, marks, numbers, punctuation, symbols and spaces from all scripts: the characters
# the models accept in every text field (no controls, format characters or surrogates).
CHARS = st.characters(codec="utf-8", exclude_categories=("Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp"))
TEXT = st.text(CHARS, min_size=1, max_size=40).filter(lambda s: s.strip() and not s.strip().startswith("#"))
VALUE = st.one_of(st.sampled_from(ADVERSARIAL), TEXT)


def set_field(data, path, value):
    for part in path[:-1]:
        data = data[part]
    data[path[-1]] = value


def write_content(dest: Path, values: list[str]) -> None:
    shutil.copytree(FIXTURES / "content", dest)
    docs = {}
    for (rel, path), value in zip(FIELDS, values, strict=True):
        if rel not in docs:
            docs[rel], errors = load(dest / rel, rel)
            assert not errors
        set_field(docs[rel].data, path, value)
    for rel, doc in docs.items():
        (dest / rel).write_text(yaml.safe_dump(doc.data, default_style='"', allow_unicode=True, sort_keys=False))


def signature(site: Path) -> dict[str, list]:
    """Per page: every element with its attribute names and URLs (sorted: lists ordered by
    name, such as the people index, may reorder)."""
    out = {}
    for path in sorted(site.rglob("*.html")):
        page = BeautifulSoup(path.read_text("utf-8"), "html.parser")
        for script in page.select('script[type="application/ld+json"]'):
            script.string = ""
        tags = [(tag.name, sorted(tag.attrs), tag.get("href") or "", tag.get("src") or "") for tag in page.find_all(True)]
        out[path.relative_to(site).as_posix()] = sorted(tags)
    return out


def flat(text: str) -> str:
    return " ".join(text.split())


@pytest.fixture(scope="module")
def baseline(tmp_path_factory):
    root = tmp_path_factory.mktemp("baseline")
    write_content(root / "content", [f"Plain value {i}" for i in range(len(FIELDS))])
    return signature(build(make_project(root / "p", root / "content")))


@settings(max_examples=20, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(values=st.lists(VALUE, min_size=len(FIELDS), max_size=len(FIELDS)))
def test_any_text_is_shown_as_typed_and_adds_no_markup(tmp_path_factory, baseline, values):
    root = tmp_path_factory.mktemp("prop")
    write_content(root / "content", values)
    site = build(make_project(root / "p", root / "content"))
    assert signature(site) == baseline
    explainer = flat(BeautifulSoup((site / "explainers/truce-signed/index.html").read_text("utf-8"), "html.parser").get_text())
    hub = flat(BeautifulSoup((site / "conflicts/valley-dispute/index.html").read_text("utf-8"), "html.parser").get_text())
    for (rel, path), value in zip(FIELDS, values, strict=True):
        where = hub if rel.startswith(("conflicts", "parties")) and path[0] in ("timeline",) else explainer
        if rel.startswith("parties") or path == ("name",) and rel.startswith("conflicts"):
            where = explainer + hub
        assert flat(value) in where, (rel, path, value)
