"""End to end: the real content, built with the real engine (`mkdocs build --strict`)."""

from __future__ import annotations

import hashlib

import pytest
from bs4 import BeautifulSoup

from tests.conftest import build, make_project, run_generator

pytestmark = pytest.mark.slow

SPEAKERS = {
    "Asma al-Assad": ("First lady of Syria", "Russia-24", "I never thought of being anywhere else at all"),
    "Sergei Shoigu": ("Russian defence minister", "News conference", "Russia now expects its take the baton"),
    "Jens Laerke": ("UN humanitarian spokesman", "Reported", "When the weapons fall silent, we need all weapons to fall silent."),
    "Mark Toner": ("State Department spokesman", "Washington", "But frankly, it's a bit too little, too late."),
}


def soup(path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text("utf-8"), "html.parser")


def test_seed_explainer_has_sidebar_with_all_speakers(real_site):
    page = soup(real_site / "explainers/aleppo-humanitarian-pause/index.html")
    aside = page.select_one("aside.who-said-what")
    assert aside.h2.get_text() == "Who said what"
    speakers = {s.select_one(".speaker__name").get_text(): s for s in aside.select("section.speaker")}
    assert set(speakers) == set(SPEAKERS)
    for name, (role, detail, words) in SPEAKERS.items():
        section = speakers[name]
        assert role in section.select_one(".speaker__role").get_text()
        quote = section.select_one("li.quote")
        assert words in quote.select_one("blockquote.quote__text").get_text()
        meta = quote.select_one(".quote__meta").get_text()
        assert detail in meta and "18 October 2016" in meta
        assert "Source: 'I was offered the opportunity to run' - Syria's first lady says she will not leave" in meta


def test_seed_explainer_has_background_and_timeline(real_site):
    page = soup(real_site / "explainers/aleppo-humanitarian-pause/index.html")
    background = page.select_one("section.background")
    assert background.h2.get_text() == "Background of the conflict"
    events = [li.select_one("time").get_text() for li in background.select("ol.timeline > li")]
    assert events == ["2011", "September 2016", "September 2016", "18 October 2016"]
    assert "humanitarian pause" not in background.select_one("ol.timeline").get_text()  # dated 20 October: after the story
    assert "1 later event" in background.get_text()
    sources = page.select_one("section.sources").get_text()
    assert "Syria's first lady says she will not leave" in sources


def test_story_sections_and_summary(real_site):
    page = soup(real_site / "explainers/aleppo-humanitarian-pause/index.html")
    assert page.h1.get_text() == 'Russia halts Aleppo air raids ahead of a "humanitarian pause"'
    assert [h.get_text() for h in page.select(".explainer__story > h2")][:3] == ["What happened", "Why it matters", "What comes next"]
    assert page.select_one(".explainer__story strong").get_text() == "Sergei Shoigu"
    assert page.title.get_text() == 'Russia halts Aleppo air raids ahead of a "humanitarian pause" - Explainers'


def test_nav_does_not_list_explainers(real_site):
    page = soup(real_site / "index.html")
    nav = page.select_one("nav.md-nav--primary")
    assert "explainers/" not in str(nav)


def digest(site) -> dict[str, str]:
    return {p.relative_to(site).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(site.rglob("*")) if p.is_file()}


def test_same_content_builds_a_byte_identical_site(tmp_path, real_site):
    again = build(make_project(tmp_path / "again"))
    assert digest(again) == digest(real_site)


def test_a_failed_build_leaves_the_previous_site_as_it_was(tmp_path):
    project = make_project(tmp_path / "p")
    site = build(project)
    before = digest(site)
    # A content error: nothing is written at all.
    explainer = project / "content/explainers/aleppo-humanitarian-pause.yaml"
    explainer.write_text(explainer.read_text().replace("speaker: mark-toner", "speaker: mark-tonner"))
    result = run_generator(project, "build")
    assert result.returncode == 1 and "quotes[2].speaker: unknown speaker 'mark-tonner'" in result.stderr
    assert digest(site) == before
    # An engine error (a broken theme template): the content is fine, the engine fails.
    explainer.write_text(explainer.read_text().replace("mark-tonner", "mark-toner"))
    (project / "theme/main.html").write_text("{% extends 'base.html' %}{% block content %}{{ broken( }}{% endblock %}")
    result = run_generator(project, "build")
    assert result.returncode == 1 and "the build failed; site was left as it was." in result.stderr
    assert "Traceback" not in result.stderr.splitlines()[-1]
    assert digest(site) == before
    assert not (project / "site.new").exists()


def test_engine_defaults_match_the_site_settings():
    """Engines run by hand (Zensical, plain mkdocs) use mkdocs.yml's defaults; they must agree."""
    import re

    from tests.conftest import ROOT

    config = (ROOT / "mkdocs.yml").read_text()
    site = (ROOT / "content/site.yaml").read_text()
    assert re.search(r'EXPLAINERS_SITE_URL, "([^"]+)"', config)[1] == re.search(r"^url: (\S+)$", site, re.M)[1]
    assert re.search(r'EXPLAINERS_SITE_NAME, "([^"]+)"', config)[1] == re.search(r"^name: (.+)$", site, re.M)[1]
