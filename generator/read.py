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


def read_one(path: Path, root: Path, kind: str, model: type[Model]) -> tuple[Entry | None, list[ContentError]]:
    """Load and validate one content file; an entry only if it has no error at all."""
    shown = _shown(path, root)
    if problem := outside(path, root):
        return None, [problem]
    doc, errors = load(path, shown)
    if errors:
        return None, errors
    item, errors = validate(doc, model)
    if kind not in ("explainers", "site"):
        try:
            _slug(path.stem)
        except ValueError as exc:
            errors.append(ContentError(shown, 1, 1, "", f"file name: {exc}"))
    return (Entry(kind, path.stem, item, doc) if item is not None and not errors else None), errors


Cache = dict[Path, tuple[tuple[int, int], Entry | None, list[ContentError]]]


def read_all(root: Path, cache: Cache | None = None) -> tuple[Site | None, list[Entry], list[ContentError]]:
    """Load and validate the site settings and every content file under `root`. With a `cache`
    (kept by the live preview), a file whose size and modification time are unchanged is not
    read again, and its entry is the very same object as last time."""
    errors: list[ContentError] = []
    entries: list[Entry] = []
    site = None
    site_path = root / "site.yaml"
    files = [(site_path, "site", Site)] if site_path.is_file() else []
    if not files:
        errors.append(ContentError(_shown(site_path, root), 1, 1, "", "the site settings file is missing"))
    files += [(path, kind, model) for kind, model in KINDS.items() for path in content_files(root, kind)]
    for path, kind, model in files:
        stat = path.stat()
        key = (stat.st_mtime_ns, stat.st_size)
        if cache is not None and path in cache and cache[path][0] == key:
            entry, more = cache[path][1:]
        else:
            entry, more = read_one(path, root, kind, model)
            if cache is not None:
                cache[path] = (key, entry, more)
        errors += more
        if entry is not None and kind == "site":
            site = entry.item
        elif entry is not None:
            entries.append(entry)
    if cache is not None:
        for gone in set(cache) - {path for path, _, _ in files}:
            del cache[gone]
    return site, entries, errors
