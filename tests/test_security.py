"""Hostile and careless input: editor text is shown exactly as typed and never becomes markup,
bad URLs, slugs, paths and Unicode are located errors, and story Markdown is sanitised."""

from __future__ import annotations

import json
import shutil

import pytest
from bs4 import BeautifulSoup

from generator.errors import ContentErrors
from generator.generate import check
from generator.text import render_markdown
from tests.conftest import FIXTURES, build, make_project

TRUCE = "explainers/truce-signed.yaml"


@pytest.fixture
def content(tmp_path):
    root = tmp_path / "content"
    shutil.copytree(FIXTURES / "content", root)
    return root


def edit(root, rel, old, new):
    path = root / rel
    text = path.read_text()
    assert old in text
    path.write_text(text.replace(old, new, 1))


def problems(root) -> list[str]:
    with pytest.raises(ContentErrors) as raised:
        check(root)
    return [str(e) for e in raised.value.errors]


@pytest.mark.parametrize(
    "url",
    [
        "javascript:alert(1)",
        "JavaScript:alert(1)",
        "HTTPS://news.example.org/x",
        "http://news.example.org/x",
        "data:text/html,<script>alert(1)</script>",
        "//news.example.org/x",
        "https://user:pass@news.example.org/x",
        "https://news.example.org@evil.example/x",
        "https&#58;//news.example.org/x",
        "https%3A//news.example.org/x",
        "https://news.example.org/a b",
        "https:/news.example.org/x",
        "https://",
        "https://localhost/x",
        "https://news.example.org/\u200bx",
        'https://news.example.org/"onmouseover="alert(1)',
        " https://news.example.org/x",
        "vbscript:msgbox(1)",
        "https://ex\u0430mple.org/",
    ],
)
def test_bad_urls_are_refused(content, url):
    edit(content, TRUCE, "    url: https://news.example.org/truce", f"    url: {json.dumps(url)}")
    found = problems(content)
    assert len(found) == 1 and found[0].startswith("content/explainers/truce-signed.yaml:19:10: sources[0].url: "), found


@pytest.mark.parametrize(
    ("slug", "message"),
    [
        ("../etc/passwd", "is not a slug"),
        ("/truce", "is not a slug"),
        ("Truce-Signed", "is not a slug"),
        ("truce--signed", "is not a slug"),
        ("tr\u0443ce", "is not a slug"),  # Cyrillic u, looks like a Latin y
        ("truce\u200bsigned", "is not a slug"),
        ("con", "is reserved"),
        ("lpt1", "is reserved"),
        ("index", "is reserved"),
        ("assets", "is reserved"),
        ("search", "is reserved"),
        ("404", "is reserved"),
        ("sitemap", "is reserved"),
        ("feeds", "is reserved"),
        ("a" * 81, "is longer than 80 characters"),
    ],
)
def test_bad_slugs_are_refused(content, slug, message):
    edit(content, TRUCE, "slug: truce-signed", f"slug: {json.dumps(slug)}")
    found = problems(content)
    assert len(found) == 1 and found[0].startswith("content/explainers/truce-signed.yaml:1:7: slug: ") and message in found[0], found


def test_file_names_are_slugs(content):
    (content / "people/dana-levi.yaml").rename(content / "people/Dana Levi.yaml")
    assert (
        "content/people/Dana Levi.yaml:1:1: (file): file name: 'Dana Levi' is not a slug: use lowercase a-z, digits and single hyphens, like 'aleppo-pause'"
        in problems(content)
    )


def test_symlinks_leaving_content_are_refused(content, tmp_path):
    secret = tmp_path / "secret.yaml"
    secret.write_text("name: Secret\nroles:\n  - title: x\n")
    (content / "people/secret.yaml").symlink_to(secret)
    page_secret = tmp_path / "secret.md"
    page_secret.write_text("# secret")
    assert problems(content) == ["content/people/secret.yaml:1:1: (file): is a link to a file outside content/; copy the file in instead"]
    (content / "people/secret.yaml").unlink()
    (content / "pages/secret.md").symlink_to(page_secret)
    from generator.generate import generate

    with pytest.raises(ContentErrors) as raised:
        generate(content)
    assert [str(e) for e in raised.value.errors] == ["content/pages/secret.md:1:1: (file): is a link to a file outside content/; copy the file in instead"]


@pytest.mark.parametrize(
    ("name", "code"),
    [
        ("Amal\u202eHaddad", "U+202E"),
        ("Amal\u2066Haddad", "U+2066"),
        ("Amal\u200bHaddad", "U+200B"),
        ("Amal\u200dHaddad", "U+200D"),
        ("Amal\ufeffHaddad", "U+FEFF"),
    ],
)
def test_invisible_and_bidi_characters_in_names_are_errors(content, name, code):
    edit(content, "people/amal-haddad.yaml", "name: Amal Haddad", f"name: {json.dumps(name)}")
    found = problems(content)
    assert len(found) == 1 and found[0].startswith("content/people/amal-haddad.yaml:1:7: name: contains the invisible") and code in found[0]


def test_bidi_override_in_quote_text_is_an_error(content):
    edit(content, TRUCE, "text: The guns are quiet tonight.", 'text: "The guns \u202eare quiet"')
    assert problems(content) == ["content/explainers/truce-signed.yaml:33:11: quotes[1].text: contains the invisible control character U+202E; delete it"]


@pytest.mark.parametrize(
    ("markdown", "expected"),
    [
        ("[x](javascript:alert(1))", "<p>x</p>"),
        ("[x](JAVASCRIPT:alert(1))", "<p>x</p>"),
        ("[x](data:text/html;base64,PHNjcmlwdD4=)", "<p>x</p>"),
        ("[x](/relative/path)", "<p>x</p>"),
        ('[x](https://news.example.org/ "t")', '<p><a href="https://news.example.org/" title="t" rel="noopener noreferrer">x</a></p>'),
        ("[mail](mailto:desk@example.org)", '<p><a href="mailto:desk@example.org" rel="noopener noreferrer">mail</a></p>'),
        ("![img](https://news.example.org/x.png)", "<p></p>"),
        ("<script>alert(1)</script>", "<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>"),
        ('<img src=x onerror="alert(1)">', '<p>&lt;img src=x onerror="alert(1)"&gt;</p>'),
        ("para\n{: onclick=alert(1) }", "<p>para&#10;&#123;: onclick=alert(1) &#125;</p>"),
        ("# Big", "<h3>Big</h3>"),
        ('--8<-- "mkdocs.yml"', '<p>&#45;-8&lt;-- "mkdocs.yml"</p>'),
        ("{{ config }}", "<p>&#123;&#123; config &#125;&#125;</p>"),
    ],
)
def test_story_markdown_is_sanitised(markdown, expected):
    assert render_markdown(markdown) == expected


INJECTIONS = {
    "headline": '</title><script>alert("h")</script>',
    "summary": '"><img src=x onerror=alert(1)> --8<-- "mkdocs.yml"',
    "quote": "</script><script>alert(1)</script> {{ config.site_name }} [x](javascript:alert(1)) :smile: ++ctrl++",
    "outlet": "<b onmouseover=alert(1)>Radio</b> { onclick=alert(1) }",
    "name": "Piotr <i>Nowak</i> &amp; ]]>",
    "event": '!!! danger "Admonition"\n\n# Heading\n\n| a | b |',
    "correction": "<!-- comment --> {% include 'x' %} \\u003c",
}


@pytest.fixture(scope="module")
def injected_site(tmp_path_factory):
    root = tmp_path_factory.mktemp("inject")
    project = make_project(root / "p", FIXTURES / "content")
    content = project / "content"
    edit(content, TRUCE, "headline: A truce is signed in the valley", f"headline: {json.dumps(INJECTIONS['headline'])}")
    edit(content, TRUCE, "summary: The council and the alliance agree to stop fighting.", f"summary: {json.dumps(INJECTIONS['summary'])}")
    edit(content, TRUCE, "text: The guns are quiet tonight.", f"text: {json.dumps(INJECTIONS['quote'])}")
    edit(content, TRUCE, "outlet: Test Radio", f"outlet: {json.dumps(INJECTIONS['outlet'])}")
    edit(content, TRUCE, "text: An earlier version gave the wrong day for the signing.", f"text: {json.dumps(INJECTIONS['correction'])}")
    edit(content, "people/piotr-nowak.yaml", "name: Piotr Nowak", f"name: {json.dumps(INJECTIONS['name'])}")
    edit(content, "conflicts/valley-dispute.yaml", "text: A truce is signed.", f"text: {json.dumps(INJECTIONS['event'])}")
    return build(project)


def page_text(site, rel) -> tuple[BeautifulSoup, str]:
    page = BeautifulSoup((site / rel).read_text("utf-8"), "html.parser")
    return page, " ".join(page.get_text().split())


def test_injected_text_is_shown_as_typed_and_never_markup(injected_site, fixture_site):
    page, text = page_text(injected_site, "explainers/truce-signed/index.html")
    assert page.title.get_text() == INJECTIONS["headline"] + " - Test Desk"
    assert page.h1.get_text() == INJECTIONS["headline"]
    assert page.select_one('meta[name="description"]')["content"] == INJECTIONS["summary"]
    assert page.select_one('meta[property="og:title"]')["content"] == INJECTIONS["headline"]
    assert json.loads(page.select_one('script[type="application/ld+json"]').string)["headline"] == INJECTIONS["headline"]
    for value in INJECTIONS.values():
        if value is not INJECTIONS["event"]:
            assert " ".join(value.split()) in text, value
    # Only the scripts the theme puts there; no element or attribute from editor text.
    plain, _ = page_text(fixture_site, "explainers/truce-signed/index.html")
    assert [(s.get("src"), s.get("type")) for s in page.find_all("script")] == [(s.get("src"), s.get("type")) for s in plain.find_all("script")]
    assert not page.find_all(["img", "iframe", "object", "embed", "b", "i"])
    assert not page.select("[onerror], [onclick], [onmouseover]")
    assert not any(a.get("href", "").lower().startswith(("javascript", "data")) for a in page.find_all("a"))
    assert not page.select(".admonition")
    hub_page, hub_text = page_text(injected_site, "conflicts/valley-dispute/index.html")
    assert " ".join(INJECTIONS["event"].split()) in hub_text
    assert not hub_page.select(".admonition, table") and not hub_page.select(".timeline h1")
    person, person_text = page_text(injected_site, "people/piotr-nowak/index.html")
    assert person.title.get_text() == INJECTIONS["name"] + " - Test Desk" and not person.find_all("i")


def test_injected_text_is_safe_in_feeds_and_search(injected_site):
    import feedparser

    atom = feedparser.parse((injected_site / "atom.xml").read_bytes())
    assert not atom.bozo
    assert INJECTIONS["headline"] in [e.title for e in atom.entries]
    index = json.loads((injected_site / "search/search_index.json").read_text())
    doc = next(d for d in index["docs"] if d["location"] == "explainers/truce-signed/")
    assert "<script" not in doc["title"] and "<script" not in doc["text"]
    assert BeautifulSoup(doc["title"], "html.parser").get_text() == INJECTIONS["headline"]


def test_right_to_left_and_mixed_scripts_are_valid(content):
    edit(content, "people/dana-levi.yaml", "name: Dana Levi", "name: دانا لوی")  # Persian
    edit(content, "people/amal-haddad.yaml", "  - أمل حداد", "  - أمل حداد\n  - Амаль Хаддад\n  - עמל חדאד\n  - مهر\u200cنوش")
    index = check(content)
    assert index.people["dana-levi"].name == "دانا لوی"
    assert "مهر\u200cنوش" in index.people["amal-haddad"].other_names
