"""The command line, run as an editor runs it: `python -m generator VERB` in a project folder,
asserting what it prints and its exit code. Content is written here, beside the assertions."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from generator.cli import annotation
from generator.errors import ContentError
from generator.read import read_all
from generator.schema import MARKER, schema_files

SITE = """\
# yaml-language-server: $schema=../schemas/site.schema.json
name: Test desk
url: https://desk.example.org/
description: A made-up desk.
publisher: Test desk
review_days: 30
"""
PARTIES = {"north": "name: North Council\n", "south": "name: South Front\n"}
PERSON = """\
# yaml-language-server: $schema=../../schemas/people.schema.json
name: Ana North
roles:
  - title: North spokeswoman
    party: north
    start: 2020-01-01
"""
CONFLICT = """\
# yaml-language-server: $schema=../../schemas/conflicts.schema.json
name: The river war
summary: A made-up war over a river.
started: 2019
parties:
  - north
  - south
timeline:
  - date: 2019-05
    text: The war starts.
    source: A report
reviewed: 2024-01-10
"""
EXPLAINER = """\
# yaml-language-server: $schema=../../schemas/explainers.schema.json
slug: bridge
headline: The bridge is closed
summary: The bridge over the river is closed.
published: 2024-01-10
authors:
  - Test Desk
conflict: river-war
sections:
  - heading: What happened
    body: The bridge closed.
sources:
  - id: report
    title: A report
quotes:
  - speaker: ana-north
    date: 2024-01-09
    source: report
    text: The bridge is closed.
sought_comment:
  - party: south
    date: 2024-01-09
"""
TODAY = "2024-01-20"  # ten days after the conflict's review: no warnings


def write_content(root: Path, *, explainer: str = EXPLAINER, person: str = PERSON, conflict: str = CONFLICT) -> Path:
    """A small, valid content folder in `root`, with one file of each kind changeable."""
    content = root / "content"
    files = {
        "site.yaml": SITE,
        "people/ana-north.yaml": person,
        "conflicts/river-war.yaml": conflict,
        "explainers/bridge.yaml": explainer,
        **{f"parties/{pid}.yaml": text for pid, text in PARTIES.items()},
    }
    for rel, text in files.items():
        (content / rel).parent.mkdir(parents=True, exist_ok=True)
        (content / rel).write_text(text, "utf-8")
    return content


def run(project: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "generator", *args], cwd=project, capture_output=True, text=True, timeout=120)


def line_of(text: str, needle: str) -> int:
    return text[: text.index(needle)].count("\n") + 1


@pytest.mark.parametrize("verb", ["check", "new", "generate", "build", "serve", "schema"])
def test_every_verb_has_help(tmp_path, verb):
    result = run(tmp_path, verb, "--help")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith(f"usage: python -m generator {verb}")


def test_check_passes_clean_content_silently(tmp_path):
    write_content(tmp_path)
    result = run(tmp_path, "check", "--today", TODAY, "--strict")
    assert result.returncode == 0, result.stderr
    assert result.stdout == "content OK: 1 explainers, 1 people, 1 conflicts; 0 warnings\n"
    assert result.stderr == ""


def test_check_prints_every_error_with_its_place_and_exits_1(tmp_path):
    broken = EXPLAINER.replace("speaker: ana-north", "speaker: ana-nort").replace("date: 2024-01-09\n    source", "date: 2024-13-09\n    source")
    write_content(tmp_path, explainer=broken)
    result = run(tmp_path, "check", "--today", TODAY)
    assert result.returncode == 1
    speaker, day = line_of(broken, "speaker: ana-nort"), line_of(broken, "date: 2024-13-09")
    assert result.stderr.splitlines() == [
        f"content/explainers/bridge.yaml:{day}:11: quotes[0].date: '2024-13-09' is not a real date",
        "1 error; nothing was written.",
    ]
    # once the date is fixed, the cross-check finds the unknown speaker
    write_content(tmp_path, explainer=broken.replace("2024-13-09", "2024-01-09"))
    result = run(tmp_path, "check", "--today", TODAY)
    assert result.returncode == 1
    assert (
        result.stderr.splitlines()[0]
        == f"content/explainers/bridge.yaml:{speaker}:14: quotes[0].speaker: unknown speaker 'ana-nort' (did you mean 'ana-north'?)"
    )


def test_check_github_format_prints_annotations(tmp_path):
    broken = EXPLAINER.replace("speaker: ana-north", "speaker: ana-nort")
    write_content(tmp_path, explainer=broken)
    result = run(tmp_path, "check", "--format", "github", "--today", TODAY)
    assert result.returncode == 1
    line = line_of(broken, "speaker: ana-nort")
    assert result.stdout.splitlines() == [
        f"::error file=content/explainers/bridge.yaml,line={line},col=14,title=quotes[0].speaker::unknown speaker 'ana-nort' (did you mean 'ana-north'?)"
    ]
    write_content(tmp_path, explainer=EXPLAINER.replace("  - party: south\n    date: 2024-01-09\n", "").replace("sought_comment:\n", ""))
    result = run(tmp_path, "check", "--format", "github", "--today", TODAY)
    assert result.returncode == 0
    assert result.stdout.splitlines()[0].startswith(
        f"::warning file=content/explainers/bridge.yaml,line={line_of(EXPLAINER, 'conflict:')},col=11,title=conflict::"
    )


def test_annotation_escapes_what_github_requires():
    error = ContentError("content/a,b:c%.yaml", 3, 4, "quotes[0].x:y,z", "50% done\r\nnext: line, more")
    assert annotation("error", error) == "::error file=content/a%2Cb%3Ac%25.yaml,line=3,col=4,title=quotes[0].x%3Ay%2Cz::50%25 done%0D%0Anext: line, more"
    assert annotation("warning", ContentError("f.yaml", 1, 1, "", "m")) == "::warning file=f.yaml,line=1,col=1,title=file::m"


def test_right_of_reply_warning_and_strict(tmp_path):
    unasked = EXPLAINER.replace("sought_comment:\n  - party: south\n    date: 2024-01-09\n", "")
    write_content(tmp_path, explainer=unasked)
    result = run(tmp_path, "check", "--today", TODAY)
    assert result.returncode == 0
    assert result.stderr.splitlines() == [
        f"content/explainers/bridge.yaml:{line_of(unasked, 'conflict:')}:11: conflict: warning: no one speaking for 'south' (South Front), "
        "a party to this conflict, is quoted; quote them, or record under sought_comment when they were asked for comment (right of reply)"
    ]
    assert result.stdout.endswith("; 1 warning\n")
    strict = run(tmp_path, "check", "--today", TODAY, "--strict")
    assert strict.returncode == 1
    assert strict.stderr.splitlines()[-1] == "1 warning, and --strict makes warnings fail."


def test_stale_background_warning(tmp_path):
    write_content(tmp_path)
    assert run(tmp_path, "check", "--today", "2024-02-09", "--strict").returncode == 0  # 30 days: still fresh
    result = run(tmp_path, "check", "--today", "2024-02-10")
    assert result.returncode == 0
    assert result.stderr.splitlines() == [
        f"content/conflicts/river-war.yaml:{line_of(CONFLICT, 'reviewed:')}:11: reviewed: warning: the background was last reviewed 31 days ago "
        "(2024-01-10), more than the site's review_days (30); check the summary and timeline, then set reviewed to today's date"
    ]


def test_untranslated_quote_warning(tmp_path):
    russian = EXPLAINER.replace("    text: The bridge is closed.\n", "    text: The bridge is closed.\n    language: ru\n")
    write_content(tmp_path, explainer=russian)
    result = run(tmp_path, "check", "--today", TODAY)
    assert result.returncode == 0
    assert result.stderr.splitlines() == [
        f"content/explainers/bridge.yaml:{line_of(russian, 'language: ru')}:15: quotes[0].language: warning: the quote was said in 'ru' but the site "
        "is in 'en'; if the text is a translation, add 'translated: true' (and the original words under 'original', if known)"
    ]
    write_content(tmp_path, explainer=russian.replace("language: ru\n", "language: ru\n    translated: true\n"))
    assert run(tmp_path, "check", "--today", TODAY, "--strict").returncode == 0


def test_ended_role_warning(tmp_path):
    write_content(tmp_path, person=PERSON + "    end: 2023-12-31\n")
    result = run(tmp_path, "check", "--today", TODAY)
    assert result.returncode == 0
    assert result.stderr.splitlines() == [
        f"content/explainers/bridge.yaml:{line_of(EXPLAINER, 'speaker:')}:14: quotes[0].speaker: warning: 'ana-north' is shown as 'North spokeswoman', "
        "a role that ended on 2023-12-31, before the quote's date (2024-01-09); add the role they held then to content/people/ana-north.yaml"
    ]


@pytest.mark.parametrize("kind", ["explainer", "person", "party", "conflict"])
def test_new_writes_a_skeleton_that_check_accepts(tmp_path, kind):
    write_content(tmp_path)
    result = run(tmp_path, "new", kind, "--today", TODAY)
    assert result.returncode == 0, result.stderr
    folder = {"explainer": "explainers", "person": "people", "party": "parties", "conflict": "conflicts"}[kind]
    path = tmp_path / "content" / folder / f"new-{kind}.yaml"
    assert result.stdout.startswith(f"created content/{folder}/new-{kind}.yaml\n")
    text = path.read_text("utf-8")
    assert text.startswith(f"{MARKER}../../schemas/{folder}.schema.json\n")
    check = run(tmp_path, "check", "--today", TODAY)
    assert check.returncode == 0, check.stderr
    # the placeholders are pointed out, and fail a strict check until they are replaced
    assert f"content/{folder}/new-{kind}.yaml:" in check.stderr and "still holds the placeholder 'TODO" in check.stderr
    assert run(tmp_path, "check", "--today", TODAY, "--strict").returncode == 1


def test_new_explainer_uses_the_options_and_todays_date(tmp_path):
    write_content(tmp_path)
    result = run(tmp_path, "new", "explainer", "--slug", "river-talks", "--title", 'Talks: "a first step", 100% hope', "--today", "2024-01-15")
    assert result.returncode == 0, result.stderr
    text = (tmp_path / "content/explainers/river-talks.yaml").read_text("utf-8")
    assert "slug: river-talks\n" in text and "published: 2024-01-15\n" in text and "conflict: river-war\n" in text
    check = run(tmp_path, "check", "--today", TODAY)
    assert check.returncode == 0, check.stderr
    assert ": headline: warning" not in check.stderr  # the headline given is not a placeholder
    _, entries, errors = read_all(tmp_path / "content")
    assert errors == []
    assert {e.id: e.item for e in entries}["river-talks"].headline == 'Talks: "a first step", 100% hope'
    assert run(tmp_path, "generate", "--docs", "docs").returncode == 0


def test_new_picks_a_free_name_and_never_overwrites(tmp_path):
    write_content(tmp_path)
    assert run(tmp_path, "new", "person", "--name", "Ana North", "--today", TODAY).stdout.startswith("created content/people/ana-north-2.yaml")
    assert run(tmp_path, "new", "explainer", "--title", "Bridge", "--today", TODAY).stdout.startswith("created content/explainers/bridge-2.yaml")
    before = (tmp_path / "content/explainers/bridge.yaml").read_bytes()
    taken = run(tmp_path, "new", "explainer", "--slug", "bridge", "--today", TODAY)
    assert taken.returncode == 1
    assert taken.stderr == "new explainer: 'bridge' is already used in content/explainers/; choose another --slug\n"
    assert (tmp_path / "content/explainers/bridge.yaml").read_bytes() == before
    bad = run(tmp_path, "new", "party", "--slug", "Not A Slug")
    assert bad.returncode == 1 and "is not a slug" in bad.stderr
    assert run(tmp_path, "check", "--today", TODAY).returncode == 0


def test_new_explainer_needs_a_known_conflict(tmp_path):
    write_content(tmp_path)
    result = run(tmp_path, "new", "explainer", "--conflict", "river-wars")
    assert result.returncode == 1
    assert result.stderr == "new explainer: there is no content/conflicts/river-wars.yaml; known: river-war\n"
    assert not (tmp_path / "content/explainers/new-explainer.yaml").exists()


def test_schema_verb_verifies_writes_and_shows(tmp_path):
    stale = run(tmp_path, "schema")
    assert stale.returncode == 1
    assert "differ from the models; run: python -m generator schema --write" in stale.stderr
    written = run(tmp_path, "schema", "--write")
    assert written.returncode == 0
    assert sorted(p.name for p in (tmp_path / "schemas").iterdir()) == sorted(schema_files())
    fresh = run(tmp_path, "schema")
    assert (fresh.returncode, fresh.stdout) == (0, "schemas/ is up to date\n")
    shown = run(tmp_path, "schema", "--show", "explainers")
    assert json.loads(shown.stdout)["$id"] == "explainers.schema.json"
