"""Content errors: each class is reported as path:line:col: field: message, all at once."""

from __future__ import annotations

import shutil

import pytest

from generator.errors import ContentErrors
from generator.generate import check
from tests.conftest import FIXTURES, make_project, run_generator


@pytest.fixture
def content(tmp_path):
    root = tmp_path / "content"
    shutil.copytree(FIXTURES / "content", root)
    return root


def edit(root, rel: str, old: str, new: str) -> None:
    path = root / rel
    text = path.read_text()
    assert old in text, f"{old!r} not in {rel}"
    path.write_text(text.replace(old, new, 1))


def problems(root) -> list[str]:
    with pytest.raises(ContentErrors) as raised:
        check(root)
    return [str(e) for e in raised.value.errors]


TRUCE = "explainers/truce-signed.yaml"


@pytest.mark.parametrize(
    ("rel", "old", "new", "expected"),
    [
        (
            TRUCE,
            "speaker: piotr-nowak",
            "speaker: piotr-nowk",
            "content/explainers/truce-signed.yaml:29:14: quotes[1].speaker: unknown speaker 'piotr-nowk' (did you mean 'piotr-nowak'?)",
        ),
        (
            TRUCE,
            "conflict: valley-dispute",
            "conflict: valley-dispte",
            "content/explainers/truce-signed.yaml:7:11: conflict: unknown conflict 'valley-dispte' (did you mean 'valley-dispute'?)",
        ),
        (
            TRUCE,
            "    source: gazette\n    text: The guns",
            "    text: The guns",
            "content/explainers/truce-signed.yaml:29:5: quotes[1].source: is required but missing",
        ),
        (
            TRUCE,
            "    source: gazette\n    text: The guns",
            "    source: gazete\n    text: The guns",
            "content/explainers/truce-signed.yaml:32:13: quotes[1].source: unknown source 'gazete' (did you mean 'gazette'?)",
        ),
        (
            TRUCE,
            "date: 2021-07-10\n    source: gazette",
            "date: 2021-07-30\n    source: gazette",
            "content/explainers/truce-signed.yaml:31:11: quotes[1].date: 2021-07-30 is after the explainer's date (2021-07-12)",
        ),
        (
            "explainers/aid-convoy.yaml",
            "slug: aid-convoy",
            "slug: truce-signed",
            "content/explainers/truce-signed.yaml:1:7: slug: slug 'truce-signed' is already used by content/explainers/aid-convoy.yaml",
        ),
        (TRUCE, "headline:", "hedline:", "content/explainers/truce-signed.yaml:2:1: hedline: unknown key 'hedline' (did you mean 'headline'?)"),
        (
            TRUCE,
            "    venue: statement",
            "    venu: statement",
            "content/explainers/truce-signed.yaml:30:5: quotes[1].venu: unknown key 'venu' (did you mean 'venue'?)",
        ),
        (
            TRUCE,
            "    venue: statement",
            "    venue: tweet",
            "content/explainers/truce-signed.yaml:30:12: quotes[1].venue: 'tweet' is not one of: 'interview', 'news-conference', 'statement', 'briefing', 'social-post', 'speech' or 'testimony'",
        ),
        (TRUCE, "published: 2021-07-12", "published: 2021-02-30", "content/explainers/truce-signed.yaml:4:12: published: '2021-02-30' is not a real date"),
        (
            TRUCE,
            "published: 2021-07-12",
            "published: 12/07/2021",
            "content/explainers/truce-signed.yaml:4:12: published: '12/07/2021' is not a date; write it as YYYY-MM-DD, like 2016-10-18",
        ),
        (
            TRUCE,
            "    translated: true",
            "    translated: yes",
            "content/explainers/truce-signed.yaml:26:17: quotes[0].translated: 'yes' is not true or false; write true or false",
        ),
        (TRUCE, "tags:\n  - truce", "tags: truce", "content/explainers/truce-signed.yaml:8:7: tags: expected a list of '- ' items, got text"),
        (
            "people/dana-levi.yaml",
            "  - title: Relief coordinator\n    party: relief-agency",
            "  - title: Relief coordinator\n    party: relief-agncy",
            "content/people/dana-levi.yaml:4:12: roles[0].party: unknown party 'relief-agncy' (did you mean 'relief-agency'?)",
        ),
        (
            "conflicts/valley-dispute.yaml",
            "  - date: 2019-03\n",
            "  - date: 2019-13\n",
            "content/conflicts/valley-dispute.yaml:10:11: timeline[0].date: '2019-13' is not a real date",
        ),
        (
            "conflicts/valley-dispute.yaml",
            "url: https://news.example.org/talks",
            "url: javascript:alert(1)",
            "content/conflicts/valley-dispute.yaml:13:10: timeline[0].url: 'javascript:alert(1)' must be an absolute https:// URL",
        ),
    ],
)
def test_each_class_of_content_error(content, rel, old, new, expected):
    edit(content, rel, old, new)
    assert expected in problems(content)


def test_all_errors_are_reported_at_once(content):
    edit(content, TRUCE, "speaker: piotr-nowak", "speaker: nobody")
    edit(content, "explainers/aid-convoy.yaml", "headline:", "headlin:")
    edit(content, "people/dana-levi.yaml", "name: Dana Levi", "name: Dana Levi\nname: Dana Levy")
    found = problems(content)
    assert [f.split(":")[0] for f in found] == ["content/explainers/aid-convoy.yaml", "content/explainers/aid-convoy.yaml", "content/people/dana-levi.yaml"]
    # The speaker error comes once the files parse: it is a cross-check, which needs every file valid.
    edit(content, "explainers/aid-convoy.yaml", "headlin:", "headline:")
    edit(content, "people/dana-levi.yaml", "name: Dana Levi\nname: Dana Levy", "name: Dana Levi")
    assert problems(content) == ["content/explainers/truce-signed.yaml:29:14: quotes[1].speaker: unknown speaker 'nobody'"]


def test_cli_reports_errors_exits_1_and_writes_nothing(tmp_path):
    project = make_project(tmp_path / "p", FIXTURES / "content")
    assert run_generator(project, "generate").returncode == 0
    docs = project / "build" / "docs"
    before = {p: p.read_bytes() for p in docs.rglob("*") if p.is_file()}
    edit(project / "content", TRUCE, "headline: A truce is signed in the valley", "headline: Changed")
    edit(project / "content", "explainers/aid-convoy.yaml", "speaker: dana-levi", "speaker: dana")
    edit(project / "content", "people/piotr-nowak.yaml", "name: Piotr Nowak", "name: [Piotr")
    result = run_generator(project, "generate")
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert result.stderr.splitlines()[0] == "content/people/piotr-nowak.yaml:2:12: (file): not valid YAML: did not find expected ',' or ']'"
    assert result.stderr.splitlines()[-1] == "1 error; nothing was written."
    assert {p: p.read_bytes() for p in docs.rglob("*") if p.is_file()} == before
