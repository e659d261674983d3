"""Read every content file: find the files, load each strictly, validate it against its model,
and turn validation failures into errors that name the file, line, column and field."""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from pathlib import Path

from pydantic import ValidationError

from generator.errors import ContentError
from generator.load import Document, dotted, load
from generator.model import KINDS, Model, Site, _slug


@dataclass(frozen=True)
class Entry:
    """One valid content file: its id (file name), typed object and source positions."""

    kind: str
    id: str
    item: Model
    doc: Document


def _message(model: type[Model], error: dict) -> tuple[str, bool]:
    """An editor-facing message for one pydantic error, and whether it is about the key."""
    kind, loc = error["type"], error["loc"]
    if kind == "extra_forbidden":
        owner = _model_at(model, loc[:-1])
        known = sorted(owner.model_fields) if owner else []
        close = difflib.get_close_matches(str(loc[-1]), known, n=1)
        hint = f" (did you mean '{close[0]}'?)" if close else f" (known keys: {', '.join(known)})"
        return f"unknown key '{loc[-1]}'{hint}", True
    if kind == "missing":
        return "is required but missing", False
    if kind in ("string_type", "list_type", "model_type", "dict_type", "bool_type", "date_type", "int_type"):
        expected = {
            "string_type": "text",
            "list_type": "a list of '- ' items",
            "model_type": "a mapping of 'key: value' lines",
            "dict_type": "a mapping",
            "bool_type": "true or false",
            "date_type": "a date",
            "int_type": "a whole number",
        }[kind]
        got = (
            "nothing" if error["input"] is None else type(error["input"]).__name__.replace("str", "text").replace("dict", "a mapping").replace("list", "a list")
        )
        return f"expected {expected}, got {got}", False
    if kind == "literal_error":
        return f"'{error['input']}' is not one of: {error['ctx']['expected']}", False
    if kind == "too_short":
        return "needs at least one item", False
    return error["msg"].removeprefix("Value error, "), False


def _model_at(model: type[Model], loc: tuple) -> type[Model] | None:
    for part in loc:
        if isinstance(part, int):
            continue
        field = model.model_fields.get(str(part))
        if field is None:
            return None
        annotation = field.annotation
        args = getattr(annotation, "__args__", ())
        candidates = [annotation, *args]
        model = next((c for c in candidates if isinstance(c, type) and issubclass(c, Model)), None)
        if model is None:
            return None
    return model


def validate(doc: Document, model: type[Model]) -> tuple[Model | None, list[ContentError]]:
    """The typed object for a loaded document, or every error in it."""
    try:
        return model.model_validate(doc.data), []
    except ValidationError as exc:
        errors = []
        for error in exc.errors():
            loc = tuple(error["loc"])
            message, on_key = _message(model, error)
            line, col = doc.position(loc, key=on_key)
            errors.append(ContentError(doc.path, line, col, dotted(loc), message))
        return None, errors


def content_files(root: Path, kind: str) -> list[Path]:
    """The YAML files of one kind, in a stable order."""
    folder = root / kind
    return sorted(folder.rglob("*.yaml")) if folder.is_dir() else []


def _shown(path: Path, root: Path) -> str:
    return (Path(root.name) / path.relative_to(root)).as_posix()


def outside(path: Path, root: Path) -> ContentError | None:
    """An error if `path`, once links are followed, is not inside the content folder."""
    if path.resolve().is_relative_to(root.resolve()):
        return None
    return ContentError(_shown(path, root), 1, 1, "", "is a link to a file outside content/; copy the file in instead")


def read_all(root: Path) -> tuple[Site | None, list[Entry], list[ContentError]]:
    """Load and validate the site settings and every content file under `root`."""
    errors: list[ContentError] = []
    entries: list[Entry] = []
    site = None
    site_path = root / "site.yaml"
    if not site_path.is_file():
        errors.append(ContentError(_shown(site_path, root), 1, 1, "", "the site settings file is missing"))
    else:
        doc, load_errors = load(site_path, _shown(site_path, root))
        site, more = validate(doc, Site) if not load_errors else (None, load_errors)
        errors += more
    for kind, model in KINDS.items():
        for path in content_files(root, kind):
            shown = _shown(path, root)
            if problem := outside(path, root):
                errors.append(problem)
                continue
            doc, load_errors = load(path, shown)
            if load_errors:
                errors += load_errors
                continue
            item, more = validate(doc, model)
            if kind != "explainers":
                try:
                    _slug(path.stem)
                except ValueError as exc:
                    more.append(ContentError(shown, 1, 1, "", f"file name: {exc}"))
            errors += more
            if item is not None and not more:
                entries.append(Entry(kind, path.stem, item, doc))
    return site, entries, errors
