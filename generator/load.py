"""Load: read one YAML file strictly into plain data with the position of every key and value.

Only a small, predictable part of YAML is accepted: one document holding a mapping of
mappings, lists and text. Every scalar stays the text the editor typed (no booleans,
numbers or dates guessed from it); anchors, aliases, tags, duplicate keys, tabs and comments
that cut a value short are errors. The file is read from libyaml's event stream, so an alias
is refused before anything is expanded and deep nesting stops at a fixed depth.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from generator.errors import ContentError

MAX_BYTES = 256 * 1024
MAX_DEPTH = 10
FieldPath = tuple[str | int, ...]

# Invisible characters that can make two keys, names or slugs look alike or reorder text.
INVISIBLE = re.compile("[\u200b\u200d\u2060\ufeff\u202a-\u202e\u2066-\u2069\u00ad]")
CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
TRAILING_COMMENT = re.compile(r"[ \t]+#")


@dataclass
class Document:
    """A content file's data, every scalar a string, with positions for error messages."""

    path: str
    data: dict
    values: dict[FieldPath, tuple[int, int]] = field(default_factory=dict)
    keys: dict[FieldPath, tuple[int, int]] = field(default_factory=dict)

    def position(self, loc: FieldPath, *, key: bool = False) -> tuple[int, int]:
        """The line and column of a field, or of the nearest enclosing one that exists."""
        if key and loc in self.keys:
            return self.keys[loc]
        while loc:
            if loc in self.values:
                return self.values[loc]
            if loc in self.keys:
                return self.keys[loc]
            loc = loc[:-1]
        return self.values.get((), (1, 1))


class _Stop(Exception):
    """Parsing cannot go on; the error has been recorded."""


class _Reader:
    def __init__(self, path: str, text: str):
        self.path = path
        self.lines = text.splitlines()
        self.text = text
        self.errors: list[ContentError] = []
        self.doc = Document(path, {})

    def error(self, mark, loc: FieldPath, message: str) -> None:
        line, col = (mark.line + 1, mark.column + 1) if mark is not None else (1, 1)
        self.errors.append(ContentError(self.path, line, col, dotted(loc), message))

    def read(self) -> Document:
        events = yaml.parse(self.text, Loader=yaml.CSafeLoader)
        try:
            documents = 0
            for event in events:
                if isinstance(event, yaml.DocumentStartEvent):
                    documents += 1
                    if documents > 1:
                        self.error(event.start_mark, (), "a file holds one document; remove the '---' and what follows it, or move it to its own file")
                        raise _Stop
                elif isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent, yaml.ScalarEvent, yaml.AliasEvent)):
                    if not isinstance(event, yaml.MappingStartEvent):
                        self.error(event.start_mark, (), "the file must be a mapping of 'key: value' lines, not a list or a single value")
                        raise _Stop
                    self.doc.data = self.node(event, events, (), 1)
            if documents == 0:
                self.errors.append(ContentError(self.path, 1, 1, "", "the file is empty"))
        except yaml.MarkedYAMLError as exc:
            mark = exc.problem_mark or exc.context_mark
            problem = exc.problem or exc.context or "not valid YAML"
            self.error(mark, (), f"not valid YAML: {problem}")
        except _Stop:
            pass
        return self.doc

    def check_event(self, event, loc: FieldPath) -> None:
        if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
            self.error(event.start_mark, loc, "anchors and aliases (&name, *name) are not allowed; write the value out in full")
            raise _Stop
        if getattr(event, "tag", None) is not None:
            self.error(event.start_mark, loc, f"explicit tags such as {event.tag!r} are not allowed; remove the '!' part")
            raise _Stop

    def node(self, event, events, loc: FieldPath, depth: int):
        self.check_event(event, loc)
        if depth > MAX_DEPTH:
            self.error(event.start_mark, loc, f"nested more than {MAX_DEPTH} levels deep")
            raise _Stop
        self.doc.values[loc] = (event.start_mark.line + 1, event.start_mark.column + 1)
        if isinstance(event, yaml.ScalarEvent):
            return self.scalar(event, loc)
        if isinstance(event, yaml.SequenceStartEvent):
            items = []
            for child in events:
                if isinstance(child, yaml.SequenceEndEvent):
                    return items
                items.append(self.node(child, events, (*loc, len(items)), depth + 1))
            raise _Stop
        mapping: dict = {}
        for key_event in events:
            if isinstance(key_event, yaml.MappingEndEvent):
                return mapping
            key = self.key(key_event, loc)
            key_loc = (*loc, key)
            if key in mapping:
                first = self.doc.keys[key_loc]
                self.error(key_event.start_mark, key_loc, f"duplicate key '{key}' (first at line {first[0]}); keep only one")
            else:
                self.doc.keys[key_loc] = (key_event.start_mark.line + 1, key_event.start_mark.column + 1)
            value = self.node(next(events), events, key_loc, depth + 1)
            mapping.setdefault(key, value)
        raise _Stop

    def key(self, event, loc: FieldPath) -> str:
        self.check_event(event, loc)
        if not isinstance(event, yaml.ScalarEvent):
            self.error(event.start_mark, loc, "a key must be a plain word, not a list or mapping")
            raise _Stop
        bad = INVISIBLE.search(event.value) or CONTROL.search(event.value)
        if bad:
            self.error(event.start_mark, (*loc, event.value), f"key contains the invisible character U+{ord(bad.group()):04X}; retype the key")
        return event.value

    def scalar(self, event, loc: FieldPath) -> str | None:
        if not event.style:  # plain: check that a comment did not cut the value short
            end = event.end_mark
            rest = self.lines[end.line][end.column :] if end.line < len(self.lines) else ""
            if comment := TRAILING_COMMENT.match(rest):
                line, column = end.line + 1, end.column + comment.end()
                self.errors.append(
                    ContentError(
                        self.path,
                        line,
                        column,
                        dotted(loc),
                        "' #' starts a comment, so the text after it is dropped; put the whole value in quotes, or move the comment to a line of its own",
                    )
                )
            if event.value == "":
                return None
        return event.value


def dotted(loc: FieldPath) -> str:
    """A field path as editors write it: quotes[2].speaker."""
    out = ""
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


def _position(raw: bytes, offset: int) -> tuple[int, int]:
    before = raw[:offset]
    line = before.count(b"\n") + 1
    column = len(before[before.rfind(b"\n") + 1 :].decode("utf-8", "replace")) + 1
    return line, column


def _text_errors(path: str, raw: bytes) -> tuple[str | None, list[ContentError]]:
    if raw.startswith(b"\xef\xbb\xbf"):
        return None, [ContentError(path, 1, 1, "", "the file starts with a byte order mark (BOM); save it as UTF-8 without BOM")]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line, col = _position(raw, exc.start)
        return None, [ContentError(path, line, col, "", f"byte 0x{raw[exc.start]:02X} is not UTF-8; save the file as UTF-8")]
    errors = []
    for number, line in enumerate(text.split("\n"), start=1):
        line = line.removesuffix("\r")
        for match in re.finditer(r"\t", line):
            errors.append(ContentError(path, number, match.start() + 1, "", "tab character; YAML needs spaces, so replace the tab with spaces"))
            break
        for match in CONTROL.finditer(line):
            errors.append(ContentError(path, number, match.start() + 1, "", f"control character U+{ord(match.group()):04X}; delete it"))
            break
    if not text.strip():
        errors.append(ContentError(path, 1, 1, "", "the file is empty"))
    return (None if errors else text), errors


def load(path: Path, shown: str) -> tuple[Document, list[ContentError]]:
    """Read the file at `path`; `shown` is the path to print in error messages."""
    size = path.stat().st_size
    if size > MAX_BYTES:
        return Document(shown, {}), [ContentError(shown, 1, 1, "", f"the file is {size} bytes; the limit is {MAX_BYTES}")]
    text, errors = _text_errors(shown, path.read_bytes())
    if text is None:
        return Document(shown, {}), errors
    reader = _Reader(shown, text)
    document = reader.read()
    return document, reader.errors
