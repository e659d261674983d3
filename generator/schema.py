"""The editors' JSON Schema for each content kind, made from the models."""

from __future__ import annotations

import json

from generator.model import KINDS, Site

SCHEMA_DIR = "schemas"


def schema(kind: str) -> dict:
    model = Site if kind == "site" else KINDS[kind]
    data = model.model_json_schema(mode="validation")
    data["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    data["$id"] = f"{kind}.schema.json"
    return data


def schema_files() -> dict[str, str]:
    """Schema file name -> JSON text, for every kind and the site settings."""
    return {f"{kind}.schema.json": json.dumps(schema(kind), indent=2, sort_keys=True, ensure_ascii=False) + "\n" for kind in [*KINDS, "site"]}
