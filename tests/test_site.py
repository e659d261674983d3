"""The site around the explainers: page kinds, feeds, metadata, search and links."""

from __future__ import annotations

import json
import posixpath
import socket
import subprocess
import sys
import threading
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import unquote, urlsplit

import feedparser
import pytest
from bs4 import BeautifulSoup

pytestmark = pytest.mark.slow

BASE = "https://test.example.org/desk/"


def soup(site: Path, rel: str) -> BeautifulSoup:
    return BeautifulSoup((site / rel).read_text("utf-8"), "html.parser")


def html_pages(site: Path) -> list[Path]:
    return sorted(p for p in site.rglob("*.html") if p.name != "404.html")


def jsonld(page: BeautifulSoup) -> dict:
    scripts = page.select('script[type="application/ld+json"]')
    assert len(scripts) == 1
    return json.loads(scripts[0].string)


def test_person_page_lists_quotes_newest_first_with_role_then(fixture_site):
    page = soup(fixture_site, "people/amal-haddad/index.html")
    later = soup(fixture_site, "people/amal-haddad/page/2/index.html")  # quotes_per_page is 2 in the fixture
    said = page.select("li.said") + later.select("li.said")
    dates = [li.select_one(".quote__meta time")["datetime"] for li in said]
    assert dates == ["2021-07-12", "2021-07-11", "2020-02-01"]
    assert [li.select_one(".said__role").get_text() for li in said] == ["As Council chair", "As Council chair", "As Council spokeswoman"]
    assert said[2].select_one(".said__explainer a")["href"] == "../../../../explainers/talks-break-down/"
    assert page.select_one('a[rel="next"]')["href"] == "page/2/" and later.select_one('a[rel="prev"]')["href"] == "../../"
    assert "أمل حداد" in page.select_one(".person__also").get_text()
    data = jsonld(page)
    assert data["@type"] == "Person" and data["name"] == "Amal Haddad" and data["alternateName"] == ["أمل حداد"]


def test_other_spellings_lead_to_the_same_page(fixture_site, real_site):
    page = soup(real_site, "people/sergey-shoigu/index.html")
    assert page.select_one('meta[http-equiv="refresh"]')["content"] == "0; url=../sergei-shoigu/"
    assert page.select_one('link[rel="canonical"]')["href"] == "https://explainers.example.org/people/sergei-shoigu/"
    assert (fixture_site / "people/petr-novak/index.html").is_file()


def test_party_page_shows_who_among_them_said_what(fixture_site):
    page = soup(fixture_site, "parties/river-council/index.html")
    later = soup(fixture_site, "parties/river-council/page/2/index.html")
    assert [a.get_text() for a in page.select(".said__speaker a") + later.select(".said__speaker a")] == ["Amal Haddad"] * 3
    assert "Piotr Nowak" not in page.get_text()


def test_conflict_hub_has_background_full_timeline_and_explainers(fixture_site):
    page = soup(fixture_site, "conflicts/valley-dispute/index.html")
    assert [t.get_text() for t in page.select("ol.timeline time")] == ["March 2019", "c. 2020", "10 July 2021", "15 August 2021"]
    later = soup(fixture_site, "conflicts/valley-dispute/page/2/index.html")  # per_page is 2 in the fixture
    assert [a.get_text() for a in page.select(".card__title a") + later.select(".card__title a")] == [
        "An aid convoy reaches the valley",
        "A truce is signed in the valley",
        "Why the valley talks broke down",
    ]
    assert [a.get_text() for a in page.select(".background__parties a")] == ["River Council", "Hill Alliance"]


def test_home_is_paginated_newest_first(fixture_site):
    first = soup(fixture_site, "index.html")
    assert [a.get_text() for a in first.select(".card__title a")] == ["An aid convoy reaches the valley", "A truce is signed in the valley"]
    assert first.select_one('a[rel="next"]')["href"] == "page/2/"
    second = soup(fixture_site, "page/2/index.html")
    assert [a.get_text() for a in second.select(".card__title a")] == ["Why the valley talks broke down"]
    assert second.select_one('a[rel="prev"]')["href"] == "../../"


def test_archive_by_month_and_tags(fixture_site):
    archive = soup(fixture_site, "archive/index.html")
    assert [a.get_text() for a in archive.select("ul.archive a")] == ["August 2021", "July 2021", "March 2020"]
    july = soup(fixture_site, "archive/2021/07/index.html")
    assert [a.get_text() for a in july.select(".card__title a")] == ["A truce is signed in the valley"]
    tag = soup(fixture_site, "tags/truce/index.html")
    assert len(tag.select(".card")) == 2


def test_nav_does_not_grow_with_explainers(fixture_site):
    nav = soup(fixture_site, "index.html").select("nav.md-nav--primary a.md-nav__link")
    assert not any("explainers/" in (a.get("href") or "") for a in nav)


def test_atom_and_json_feeds(fixture_site):
    atom = feedparser.parse((fixture_site / "atom.xml").read_bytes())
    assert not atom.bozo, atom.bozo_exception
    assert [e.link for e in atom.entries] == [BASE + "explainers/aid-convoy/", BASE + "explainers/truce-signed/", BASE + "explainers/talks-break-down/"]
    truce = atom.entries[1]
    assert truce.published == "2021-07-12T00:00:00Z" and truce.updated == "2021-07-14T00:00:00Z"
    assert "Correction, 14 July 2021: An earlier version gave the wrong day" in truce.content[0].value
    assert atom.feed.updated == "2021-08-01T00:00:00Z"
    conflict = feedparser.parse((fixture_site / "conflicts/valley-dispute/atom.xml").read_bytes())
    assert not conflict.bozo and len(conflict.entries) == 3
    data = json.loads((fixture_site / "feed.json").read_text())
    assert data["version"] == "https://jsonfeed.org/version/1.1"
    assert data["items"][1]["date_modified"] == "2021-07-14T00:00:00Z"
    assert all(item["url"].startswith(BASE) for item in data["items"])
    # JSON Feed 1.1 requires version, title and items, each item an id and content.
    assert data["title"] and all(item["id"] and item["content_text"] for item in data["items"])


def test_corrections_show_on_the_page_and_set_modified(fixture_site):
    page = soup(fixture_site, "explainers/truce-signed/index.html")
    assert "An earlier version gave the wrong day" in page.select_one("section.corrections").get_text()
    assert page.select_one('meta[property="article:modified_time"]')["content"] == "2021-07-14"
    data = jsonld(page)
    assert data["@type"] == "NewsArticle"
    assert (data["headline"], data["datePublished"], data["dateModified"]) == ("A truce is signed in the valley", "2021-07-12", "2021-07-14")
    assert data["author"] == [{"@type": "Person", "name": "Test Writer"}]
    assert data["publisher"]["name"] == "Test Desk"


def test_every_page_has_unique_title_description_canonical_and_social_tags(fixture_site):
    titles = {}
    for path in html_pages(fixture_site):
        page = BeautifulSoup(path.read_text("utf-8"), "html.parser")
        if page.select_one('meta[http-equiv="refresh"]'):
            continue
        rel = path.relative_to(fixture_site).as_posix()
        title = page.title.get_text()
        assert title not in titles, f"{rel} and {titles[title]} share the title {title!r}"
        titles[title] = rel
        assert page.select_one('meta[name="description"]')["content"]
        canonical = page.select_one('link[rel="canonical"]')["href"]
        assert canonical == BASE + rel.removesuffix("index.html")
        for prop in ("og:title", "og:description", "og:url", "og:type"):
            assert page.select_one(f'meta[property="{prop}"]')["content"], (rel, prop)
        assert page.select_one('meta[name="twitter:card"]')["content"] == "summary"
        jsonld(page)


def test_sitemap_lists_explainers_with_content_dates(fixture_site):
    sitemap = (fixture_site / "sitemap.xml").read_text()
    assert f"<loc>{BASE}explainers/truce-signed/</loc>" in sitemap
    assert "<lastmod>2021-07-14</lastmod>" in sitemap


def test_search_index_finds_explainers_people_and_conflicts(real_site):
    docs = json.loads((real_site / "search/search_index.json").read_text())["docs"]
    locations = {d["location"] for d in docs}
    assert {"explainers/aleppo-humanitarian-pause/", "people/sergei-shoigu/", "conflicts/syrian-conflict/"} <= locations
    shoigu = " ".join(d["text"] for d in docs if d["location"] == "people/sergei-shoigu/")
    assert "Sergey Shoigu" in shoigu


def internal_targets(site: Path):
    """Every (page, href) pair whose href points inside the site."""
    for path in html_pages(site):
        page = BeautifulSoup(path.read_text("utf-8"), "html.parser")
        here = path.relative_to(site).as_posix()
        for tag in page.find_all(["a", "link", "script", "img"]):
            ref = tag.get("href") or tag.get("src")
            if not ref or urlsplit(ref).scheme or ref.startswith(("#", "//")):
                continue
            yield here, ref


def test_every_internal_link_resolves(fixture_site, real_site):
    broken = []
    for site in (fixture_site, real_site):
        for here, ref in internal_targets(site):
            target = posixpath.normpath(posixpath.join(posixpath.dirname(here), unquote(urlsplit(ref).path)))
            path = site / target
            if not (path.is_file() or (path / "index.html").is_file()):
                broken.append(f"{site.name}:{here} -> {ref}")
    assert broken == []


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_linkchecker_finds_no_broken_link(real_site, fixture_site):
    for site in (real_site, fixture_site):
        port = free_port()
        server = ThreadingHTTPServer(("127.0.0.1", port), partial(SimpleHTTPRequestHandler, directory=str(site)))
        server.RequestHandlerClass.log_message = lambda *a: None
        thread = threading.Thread(target=server.serve_forever, daemon=True)
        thread.start()
        try:
            result = subprocess.run(
                [sys.executable, "-m", "linkcheck", "--no-status", "--no-warnings", "--recursion-level=-1", f"http://127.0.0.1:{port}/"],
                capture_output=True,
                text=True,
                timeout=300,
            )
        finally:
            server.shutdown()
        assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-2000:]
        assert "0 errors found" in result.stdout
