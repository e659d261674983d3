"""The editors' JSON Schemas: committed, fresh, named on the first line of every content file,
and accepting real content as editors' tools (check-jsonschema, yaml-language-server) read it."""

from __future__ import annotations

import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from generator import schema
from generator.load import load
from generator.model import KINDS, Site
from generator.read import validate
from generator.scaffold import FOLDERS, new

ROOT = Path(__file__).resolve().parent.parent
CONTENT = ROOT / "content"
SCHEMAS = ROOT / "schemas"
CHECK_JSONSCHEMA = Path(sys.executable).parent / "check-jsonschema"


def content_files(root: Path) -> list[Path]:
    return sorted(p for p in root.rglob("*.yaml") if schema.kind_of(p.relative_to(root)))


def check_jsonschema(kind: str, files: list[Path]) -> subprocess.CompletedProcess:
    command = [str(CHECK_JSONSCHEMA), "--schemafile", str(SCHEMAS / f"{kind}.schema.json"), *map(str, files)]
    return subprocess.run(command, capture_output=True, text=True, timeout=120)


def by_kind(root: Path) -> dict[str, list[Path]]:
    found: dict[str, list[Path]] = {}
    for path in content_files(root):
        found.setdefault(schema.kind_of(path.relative_to(root)), []).append(path)
    return found


def test_committed_schemas_match_the_models():
    assert schema.stale(SCHEMAS) == [], "schemas/ is out of date: run `python -m generator schema --write` and commit it"
    assert sorted(p.name for p in SCHEMAS.glob("*.json")) == sorted(schema.schema_files())


def test_every_content_file_names_its_schema_on_line_one():
    files = content_files(CONTENT)
    assert len(files) > 5
    for path in files:
        rel = path.relative_to(CONTENT)
        first = path.read_text("utf-8").split("\n", 1)[0]
        assert first == schema.schema_line(rel), f"content/{rel.as_posix()} must start with: {schema.schema_line(rel)}"
        target = (path.parent / first.removeprefix(schema.MARKER)).resolve()
        assert target == SCHEMAS / f"{schema.kind_of(rel)}.schema.json"


@pytest.mark.parametrize("kind", list(FOLDERS))
def test_skeletons_name_their_schema_and_pass_it(tmp_path, kind):
    content = tmp_path / "content"
    for folder in ["conflicts", "parties"]:
        for path in (CONTENT / folder).glob("*.yaml"):
            (content / folder).mkdir(parents=True, exist_ok=True)
            (content / folder / path.name).write_text(path.read_text("utf-8"), "utf-8")
    path = new(content, kind, today=date(2024, 5, 1))
    rel = path.relative_to(content)
    assert path.read_text("utf-8").split("\n", 1)[0] == schema.schema_line(rel)
    result = check_jsonschema(FOLDERS[kind], [path])
    assert result.returncode == 0, result.stdout + result.stderr


def test_check_jsonschema_accepts_all_content():
    for root in [CONTENT, ROOT / "tests/fixtures/content"]:
        for kind, files in by_kind(root).items():
            result = check_jsonschema(kind, files)
            assert result.returncode == 0, f"{kind}: {result.stdout}{result.stderr}"


@pytest.mark.parametrize(
    ("kind", "text", "complaint"),
    [
        ("parties", "name: A party\nmotto: extra\n", "Additional properties are not allowed ('motto' was unexpected)"),
        ("people", "name: Someone\nroles:\n  - title: Minister\n    party: Not A Slug\n", "does not match"),
        ("people", "name: Someone\nroles: []\n", "should be non-empty"),
        (
            "conflicts",
            "name: War\nsummary: S\nstarted: early 2011\nparties: [a]\ntimeline: [{date: '2011', text: t, source: s}]\nreviewed: 2024-01-01\n",
            "early 2011",
        ),
    ],
)
def test_check_jsonschema_rejects_mistakes(tmp_path, kind, text, complaint):
    path = tmp_path / f"{kind}.yaml"
    path.write_text(text, "utf-8")
    result = check_jsonschema(kind, [path])
    assert result.returncode == 1
    assert complaint in result.stdout


# What editors type that a YAML 1.2 tool reads as a number, boolean or date, while the
# generator's loader keeps it as text: both must accept it.
YAML_12 = {
    "conflicts": "name: War\nsummary: S\nstarted: 2011\nparties:\n  - a\ntimeline:\n  - date: 2011\n    approximate: true\n    text: t\n    source: s\n  - date: 2011-03\n    text: t\n    source: s\nreviewed: 2024-01-01\n",
    "site": "name: N\nurl: https://x.example.org/\ndescription: D\npublisher: P\nper_page: 20\nreview_days: 365\n",
}


@pytest.mark.parametrize("kind", list(YAML_12))
def test_yaml_12_values_pass_the_models_and_the_schema(tmp_path, kind):
    path = tmp_path / f"{kind}.yaml"
    path.write_text(YAML_12[kind], "utf-8")
    doc, errors = load(path, path.name)
    assert errors == []
    item, errors = validate(doc, Site if kind == "site" else KINDS[kind])
    assert errors == [] and item is not None
    result = check_jsonschema(kind, [path])
    assert result.returncode == 0, result.stdout + result.stderr
