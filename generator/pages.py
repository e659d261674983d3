"""A rendered page: where it goes, its front matter and its HTML body, and how it is written
as a Markdown file that any MkDocs-compatible engine builds unchanged."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field

from generator import paths


@dataclass(frozen=True)
class Page:
    """One output file. `meta` values are already safe to print unescaped in HTML."""

    url: str
    body: str
    meta: dict = field(default_factory=dict)

    @property
    def path(self) -> str:
        return paths.source_file(self.url)


_UNSAFE_IN_YAML = re.compile('[\x00-\x1f\x7f-\x9f\u2028\u2029\ufeff\\\\"]|[\U00010000-\U0010ffff]')


def yaml_string(value: str) -> str:
    """A double-quoted YAML scalar that reads back as exactly `value`."""

    def code(match: re.Match) -> str:
        char = match.group()
        if char in '\\"':
            return "\\" + char
        number = ord(char)
        return f"\\x{number:02x}" if number < 0x100 else (f"\\u{number:04x}" if number < 0x10000 else f"\\U{number:08x}")

    return '"' + _UNSAFE_IN_YAML.sub(code, value) + '"'


def front_matter(meta: dict) -> str:
    lines = ["---"]
    for key, value in meta.items():
        if isinstance(value, list):
            lines.append(f"{key}:")
            lines += [f"  - {yaml_string(v)}" for v in value]
        else:
            lines.append(f"{key}: {yaml_string(str(value))}")
    return "\n".join(lines) + "\n---\n"


# A line break after these closing tags keeps the files readable in diffs; every line still
# starts with a tag or escaped text, so nothing in the block can read as Markdown.
_BREAK_AFTER = [f"</{tag}><" for tag in "header aside section article div li ul ol h1 h2 h3 h4 h5 h6 p blockquote details table nav".split()]


def markdown_file(page: Page) -> str:
    """The page as a Markdown file: front matter, then the body as one raw HTML block."""
    body = page.body.strip("\n")
    for closing in _BREAK_AFTER:
        body = body.replace(closing, closing[:-1] + "\n<")
    return front_matter(page.meta) + "\n" + body + "\n"


def json_for_script(data: object) -> str:
    """JSON that cannot end a <script> element or open a comment inside it."""
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026").replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")
