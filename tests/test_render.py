"""Rendering: golden files for the whole generated tree of the made-up fixture content, plus
the behaviours that matter most, asserted directly. UPDATE_GOLDEN=1 rewrites the golden files;
review their diff like code."""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

import pytest

from generator.generate import check, render
from generator.link import role_at
from generator.render_explainer import render_explainer
from tests.conftest import FIXTURES

GOLDEN = Path(__file__).parent / "golden"


@pytest.fixture(scope="module")
def index():
    return check(FIXTURES / "content")


@pytest.fixture(scope="module")
def files(index):
    return dict(render(index, FIXTURES / "content"))


def test_golden_tree(files):
    if os.environ.get("UPDATE_GOLDEN"):
        for old in GOLDEN.rglob("*"):
            if old.is_file():
                old.unlink()
        for rel, text in files.items():
            (GOLDEN / rel).parent.mkdir(parents=True, exist_ok=True)
            (GOLDEN / rel).write_text(text, encoding="utf-8")
    expected = {p.relative_to(GOLDEN).as_posix(): p.read_text("utf-8") for p in GOLDEN.rglob("*") if p.is_file()}
    assert sorted(files) == sorted(expected)
    for rel, text in files.items():
        assert text == expected[rel], f"{rel} differs from tests/golden/{rel}; run UPDATE_GOLDEN=1 pytest and review the diff"


def test_rendering_is_deterministic(index):
    assert list(render(index)) == list(render(check(FIXTURES / "content")))


def test_role_shown_is_the_one_held_when_quoted(index):
    person = index.people["amal-haddad"]
    assert role_at(person, date(2020, 2, 1)).title == "Council spokeswoman"
    assert role_at(person, date(2021, 7, 11)).title == "Council chair"
    talks = render_explainer(index, next(e for e in index.explainers if e.slug == "talks-break-down")).body
    assert "<bdi>Council spokeswoman</bdi>" in talks and "Council chair" not in talks


def test_background_shows_the_timeline_as_of_the_explainer(index):
    truce = render_explainer(index, next(e for e in index.explainers if e.slug == "truce-signed")).body
    assert "A truce is signed." in truce
    assert "The truce breaks down." not in truce
    assert 'What came after: 1 later event on <a href="../../conflicts/valley-dispute/">' in truce
    assert 'Updated <time datetime="2021-07-14">14 July 2021</time>' in truce  # its correction
    hub = dict(render(index))["conflicts/valley-dispute/index.md"]
    assert hub.index("Talks over the valley") < hub.index("Fighting spreads") < hub.index("A truce is signed.") < hub.index("The truce breaks down.")


def test_sidebar_groups_quotes_by_speaker_in_order_of_first_quote(index):
    truce = render_explainer(index, next(e for e in index.explainers if e.slug == "truce-signed")).body
    aside = truce[truce.index("<aside") : truce.index("</aside>")]
    assert aside.count('<section class="speaker"') == 2
    amal = aside[aside.index("speaker-amal-haddad") : aside.index("speaker-piotr-nowak")]
    assert amal.count('<li class="quote">') == 2


def test_translation_is_marked_with_its_original(index):
    truce = render_explainer(index, next(e for e in index.explainers if e.slug == "truce-signed")).body
    assert '<p class="quote__translated">Translated from Arabic</p>' in truce
    assert '<blockquote lang="ar" dir="rtl"><p>سنفي بوعدنا.</p></blockquote>' in truce
    assert '<blockquote class="quote__text" lang="ar" dir="rtl"><p>السلام أولاً، ثم الباقي.</p></blockquote>' in truce
