"""The editors' JSON Schema for each content kind, made from the models, for autocompletion and
checking in the editor (yaml-language-server) and with check-jsonschema.

The generator's loader keeps every scalar as the text the editor typed, but editors and
check-jsonschema read YAML 1.2, where `true` is a boolean, `20` an integer and `2011` a
number. So the schema accepts what a YAML 1.2 parser makes of text the models accept."""

from __future__ import annotations

import json
import typing
from pathlib import Path

from pydantic.json_schema import GenerateJsonSchema
from pydantic_core import core_schema

from generator.model import KINDS, LANGUAGE, SLUG, PartialDate, Site, _language, _line, _name, _slug, _text

SCHEMA_DIR = Path("schemas")
MARKER = "# yaml-language-server: $schema="
KIND_NAMES = [*KINDS, "site"]

_PARTIAL_DATE = next(m.json_schema for m in typing.get_args(PartialDate)[1:] if hasattr(m, "json_schema"))


class _EditorSchema(GenerateJsonSchema):
    """Pydantic's schema, plus the rules its validators check, in the types YAML 1.2 gives."""

    def function_after_schema(self, schema: core_schema.AfterValidatorFunctionSchema) -> dict:
        out = super().function_after_schema(schema)
        check = schema["function"]["function"]
        if check is _slug:
            out.update(pattern=SLUG.pattern, maxLength=80)
        elif check is _language:
            out.update(pattern=LANGUAGE.pattern)
        elif check in (_text, _line, _name):
            out.update(minLength=1)
        return out

    def int_schema(self, schema: core_schema.IntSchema) -> dict:
        return {"anyOf": [{"type": "integer", "minimum": 0}, {"type": "string", "pattern": "^[0-9]+$"}]}


def _yaml_friendly(node):
    """A partial date such as 2011, unquoted, is a number to YAML 1.2 and text to our loader."""
    if isinstance(node, dict):
        if {k: v for k, v in node.items() if k in _PARTIAL_DATE} == _PARTIAL_DATE:
            rest = {k: v for k, v in node.items() if k not in _PARTIAL_DATE}
            return {**rest, "anyOf": [dict(_PARTIAL_DATE), {"type": "integer", "minimum": 1000, "maximum": 9999}]}
        return {k: _yaml_friendly(v) for k, v in node.items()}
    if isinstance(node, list):
        return [_yaml_friendly(v) for v in node]
    return node


def _snippets(definition: dict) -> None:
    """A completion snippet for each list item kind (quote, source, section ...) with its required keys."""
    keys = definition.get("required", [])
    if keys:
        body = {key: f"${{{i}}}" for i, key in enumerate(keys, start=1)}
        definition["defaultSnippets"] = [{"label": f"new {definition['title'].lower()}", "description": definition.get("description", ""), "body": body}]


def schema(kind: str) -> dict:
    """The JSON Schema for one content kind ('explainers', 'people', ... or 'site')."""
    model = Site if kind == "site" else KINDS[kind]
    data = _yaml_friendly(model.model_json_schema(mode="validation", schema_generator=_EditorSchema))
    for definition in data.get("$defs", {}).values():
        _snippets(definition)
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", "$id": f"{kind}.schema.json", **data}


def schema_files() -> dict[str, str]:
    """Schema file name -> JSON text, for every kind and the site settings."""
    return {f"{kind}.schema.json": json.dumps(schema(kind), indent=2, ensure_ascii=False) + "\n" for kind in KIND_NAMES}


def stale(folder: Path = SCHEMA_DIR) -> list[str]:
    """Names of the schema files in `folder` that are missing or differ from the models."""
    return [name for name, text in schema_files().items() if not (folder / name).is_file() or (folder / name).read_text("utf-8") != text]


def write(folder: Path = SCHEMA_DIR) -> list[str]:
    """Write the schema files that changed; return their names."""
    folder.mkdir(parents=True, exist_ok=True)
    changed = stale(folder)
    files = schema_files()
    for name in changed:
        (folder / name).write_text(files[name], encoding="utf-8", newline="\n")
    return changed


def kind_of(relative: Path) -> str | None:
    """The content kind of a file, from its path inside the content folder."""
    if relative.as_posix() == "site.yaml":
        return "site"
    return relative.parts[0] if len(relative.parts) > 1 and relative.parts[0] in KINDS else None


def schema_line(relative: Path) -> str:
    """The first line of a content file at `relative` (inside content/), pointing the editor at its
    schema in schemas/ beside the content folder."""
    kind = kind_of(relative)
    if kind is None:
        raise ValueError(f"{relative.as_posix()} is not a content file")
    return f"{MARKER}{'../' * len(relative.parts)}{SCHEMA_DIR.as_posix()}/{kind}.schema.json"
