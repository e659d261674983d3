"""The publishing side: the GitHub workflow, and what a published site may and may not contain.

The workflow must be valid and pass zizmor; the built pages must be valid HTML, request nothing
from another host, and come out the same from MkDocs and from ProperDocs.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup

from tests.conftest import make_project, run_generator

ROOT = Path(__file__).resolve().parent.parent
WORKFLOW = ROOT / ".github" / "workflows" / "publish.yml"
BIN = Path(sys.executable).parent
VNU_JAR = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"

# Nu HTML Checker errors accepted on every page, each on Material's own markup, which the theme
# may only extend by block overrides (no forked templates): (message start, markup it is on, why).
ACCEPTED_VNU = [
    (
        "Attribute “autocomplete” is only allowed when the input type is",
        'type="checkbox" id="__drawer" autocomplete="off"',
        "Material's base.html: the hidden checkbox that opens the navigation drawer carries "
        "autocomplete=off so that Firefox does not restore it open after a reload",
    ),
    (
        "Attribute “autocomplete” is only allowed when the input type is",
        'type="checkbox" id="__search" autocomplete="off"',
        "Material's base.html: the same for the checkbox that opens the search overlay",
    ),
]

# <link rel> values that only name another address; the browser requests nothing for them.
NON_FETCHING_RELS = {"alternate", "author", "bookmark", "canonical", "external", "help", "license", "me", "next", "prev", "tag"}
# Attributes whose URL a browser requests while showing the page (a plain <a href> is not one).
FETCHING_ATTRIBUTES = {
    "script": ["src"],
    "img": ["src", "srcset"],
    "source": ["src", "srcset"],
    "iframe": ["src"],
    "frame": ["src"],
    "embed": ["src"],
    "object": ["data"],
    "video": ["src", "poster"],
    "audio": ["src"],
    "track": ["src"],
    "input": ["src"],
    "image": ["href", "xlink:href"],
    "use": ["href", "xlink:href"],
}
REMOTE = re.compile(r"^\s*(?:https?:)?//", re.IGNORECASE)
CSS_REMOTE = re.compile(r"""(?:url\(\s*['"]?|@import\s+['"])\s*((?:https?:)?//[^'")\s;]*)""", re.IGNORECASE)


def run(*args: str | Path) -> subprocess.CompletedProcess:
    return subprocess.run([str(arg) for arg in args], cwd=ROOT, capture_output=True, text=True, timeout=300)


# The workflow


def load_workflow() -> dict:
    workflow = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    workflow["on"] = workflow.pop(True)  # YAML 1.1 reads the key `on` as true
    return workflow


def test_workflow_matches_the_github_schema():
    result = run(BIN / "check-jsonschema", "--builtin-schema", "vendor.github-workflows", WORKFLOW)
    assert result.returncode == 0, result.stdout + result.stderr


def test_zizmor_finds_nothing_beyond_what_the_config_accepts():
    """Accepted findings live in .github/zizmor.yml, each with its reason; zizmor finds that
    file itself, as it does when run by hand."""
    result = run(BIN / "zizmor", "--offline", "--format", "json", ".github/workflows/")
    findings = [f"{finding['ident']}: {finding['desc']}" for finding in json.loads(result.stdout or "[]")]
    assert findings == [], findings
    assert result.returncode == 0, result.stderr


def test_only_a_green_build_on_main_deploys_and_only_the_deploy_job_may_write():
    workflow = load_workflow()
    build, deploy = workflow["jobs"]["build"], workflow["jobs"]["deploy"]
    assert set(workflow["on"]) == {"pull_request", "push"} and workflow["on"]["push"]["branches"] == ["main"]
    assert workflow["permissions"] == {}
    assert build["permissions"] == {"contents": "read"}
    assert deploy["permissions"] == {"pages": "write", "id-token": "write"}
    assert deploy["needs"] == "build"
    assert deploy["if"] == "github.event_name == 'push' && github.ref == 'refs/heads/main'"
    assert deploy["environment"]["name"] == "github-pages"
    runs = [step.get("run", "") for step in build["steps"]]
    assert any("generator check --format github" in line for line in runs)
    assert any(line.startswith("make test") for line in runs)
    assert any("generator build" in line for line in runs)
    checkout = next(step for step in build["steps"] if step.get("uses", "").startswith("actions/checkout@"))
    assert checkout["with"]["persist-credentials"] is False


# The built site


def html_pages(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


def vnu(*sites: Path) -> list[dict]:
    if not VNU_JAR.exists():
        pytest.fail(f"no Nu HTML Checker at {VNU_JAR.relative_to(ROOT)}: run `make node_modules` (npm ci)")
    if shutil.which("java") is None:
        pytest.fail("the Nu HTML Checker needs Java (17 or later) on the PATH")
    result = run("java", "-jar", VNU_JAR, "--skip-non-html", "--errors-only", "--format", "json", *sites)
    # vnu writes its JSON report to stderr and exits 1 when there is any message.
    return json.loads(result.stderr)["messages"]


def accepted_vnu(message: dict) -> tuple | None:
    for accepted in ACCEPTED_VNU:
        start, markup, _reason = accepted
        if message.get("message", "").startswith(start) and markup in message.get("extract", ""):
            return accepted
    return None


@pytest.mark.slow
def test_every_page_is_valid_html(real_site, fixture_site):
    messages = vnu(real_site, fixture_site)
    unexpected = [f"{m.get('url')}:{m.get('lastLine')}: {m['type']}: {m.get('message')}" for m in messages if not accepted_vnu(m)]
    assert unexpected == []
    # An accepted finding that no page shows any more has been fixed upstream: drop it.
    seen = {accepted_vnu(m) for m in messages}
    assert [accepted[2] for accepted in ACCEPTED_VNU if accepted not in seen] == []


def remote_requests(html: str) -> list[str]:
    """Every URL on another host that a browser would request when showing `html`."""
    soup = BeautifulSoup(html, "html.parser")
    found = []
    for tag in soup.find_all(True):
        attributes = list(FETCHING_ATTRIBUTES.get(tag.name, []))
        if tag.name == "link" and not set(tag.get_attribute_list("rel")) <= NON_FETCHING_RELS:
            attributes += ["href", "imagesrcset"]
        for attribute in attributes:
            value = tag.get(attribute) or ""
            urls = [part.split()[0] for part in value.split(",") if part.strip()] if "srcset" in attribute else [value]
            found += [f"<{tag.name} {attribute}={url}>" for url in urls if REMOTE.match(url)]
        found += [f"<{tag.name} style> {url}" for url in CSS_REMOTE.findall(tag.get("style") or "")]
        if tag.name == "style":
            found += [f"<style> {url}" for url in CSS_REMOTE.findall(tag.get_text())]
    return found


def test_remote_requests_are_found_in_each_place_they_can_hide():
    page = """<html><head>
        <script src="https://cdn.example.com/a.js"></script>
        <link rel="stylesheet" href="//fonts.example.com/css">
        <link rel="preconnect" href="https://fonts.gstatic.com">
        <link rel="icon" href="HTTPS://example.com/favicon.png">
        <link rel="canonical" href="https://explainers.example.org/">
        <style>body { background: url( "https://example.com/bg.png" ) }</style>
        </head><body>
        <a href="https://example.com/source">a source is only a link</a>
        <img src="../assets/local.png" srcset="local-2x.png 2x, https://example.com/3x.png 3x">
        <iframe src="https://video.example.com/embed/1"></iframe>
        <p style="background-image: url(//example.com/p.png)">text</p>
        <svg><use href="https://example.com/sprite.svg#icon"></use></svg>
        </body></html>"""
    assert remote_requests(page) == [
        "<script src=https://cdn.example.com/a.js>",
        "<link href=//fonts.example.com/css>",
        "<link href=https://fonts.gstatic.com>",
        "<link href=HTTPS://example.com/favicon.png>",
        "<style> https://example.com/bg.png",
        "<img srcset=https://example.com/3x.png>",
        "<iframe src=https://video.example.com/embed/1>",
        "<p style> //example.com/p.png",
        "<use href=https://example.com/sprite.svg#icon>",
    ]
    assert CSS_REMOTE.findall("@import 'https://x.example/a.css'; a { b: url(data:image/png;base64,AA) }") == ["https://x.example/a.css"]


@pytest.mark.slow
@pytest.mark.parametrize("site_fixture", ["real_site", "fixture_site"])
def test_no_page_requests_anything_from_another_host(site_fixture, request):
    site = request.getfixturevalue(site_fixture)
    pages = html_pages(site)
    assert pages
    found = [f"{page.relative_to(site)}: {url}" for page in pages for url in remote_requests(page.read_text(encoding="utf-8"))]
    found += [f"{css.relative_to(site)}: {url}" for css in sorted(site.rglob("*.css")) for url in CSS_REMOTE.findall(css.read_text(encoding="utf-8"))]
    assert found == []


@pytest.mark.slow
def test_mkdocs_and_properdocs_build_the_same_pages(real_site, tmp_path):
    other = tmp_path / "properdocs-site"
    result = run_generator(make_project(tmp_path / "project"), "build", "--engine", "properdocs", "--site", str(other))
    assert result.returncode == 0, result.stdout + result.stderr
    assert [p.relative_to(other) for p in html_pages(other)] == [p.relative_to(real_site) for p in html_pages(real_site)]
    # Beyond the set of pages: the same bytes, except the <meta name="generator"> naming the engine.
    generator = re.compile(r'<meta name="generator" content="[^"]*">')
    differ = [
        str(page.relative_to(real_site))
        for page in html_pages(real_site)
        if generator.sub("", page.read_text(encoding="utf-8")) != generator.sub("", (other / page.relative_to(real_site)).read_text(encoding="utf-8"))
    ]
    assert differ == []


@pytest.mark.slow
def test_the_site_has_no_dotfiles_the_pages_artifact_would_drop(real_site):
    assert [str(path.relative_to(real_site)) for path in real_site.rglob(".*")] == []
