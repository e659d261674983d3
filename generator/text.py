"""Turning editor text into safe HTML: plain text is escaped so that no Markdown extension,
template engine or browser reads it as anything but text; story Markdown is rendered with
raw HTML switched off and then passed through an allow-list sanitiser."""

from __future__ import annotations

import re
from datetime import date

import markdown
import nh3

# Characters that mean something to Markdown, its extensions (snippets, emoji, critic,
# keys, attribute lists) or templates; as numeric references they display unchanged.
_SPECIAL = "&<>\"'`*_{}[]()#+-!|~^=:$\\@%;"
_TABLE = {ord(c): f"&#{ord(c)};" for c in _SPECIAL}

ALLOWED_TAGS = {"p", "a", "em", "strong", "ul", "ol", "li", "blockquote", "code", "pre", "h3", "h4", "h5", "h6", "br", "hr"}
SAFE_URL = re.compile(r"^(?:https?://[^\s]+|mailto:[^\s:/]+@[^\s]+)$")
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]
RTL = {"ar", "he", "fa", "ur", "ps", "yi", "ckb", "dv", "sd", "ug"}
LANGUAGES = {
    "en": "English",
    "ar": "Arabic",
    "ru": "Russian",
    "fa": "Persian",
    "he": "Hebrew",
    "fr": "French",
    "de": "German",
    "es": "Spanish",
    "tr": "Turkish",
    "uk": "Ukrainian",
    "zh": "Chinese",
    "ku": "Kurdish",
    "ur": "Urdu",
}


def escape(text: str) -> str:
    """Plain text as HTML that no later stage can read as markup."""
    return text.translate(_TABLE)


def inline(text: str) -> str:
    """A short piece of editor text, isolated from the direction of the text around it."""
    return f"<bdi>{escape(text)}</bdi>"


def paragraphs(text: str, attrs: str = "") -> str:
    """Multi-line plain text as paragraphs: blank lines separate them; a single line break
    is a space, as in Markdown, so editors may wrap long lines."""
    blocks = [b.strip("\n") for b in re.split(r"\n[ \t]*\n", text.strip("\n")) if b.strip()]
    return "".join(f"<p{attrs}>{escape(' '.join(block.split(chr(10))))}</p>" for block in blocks)


def _keep_safe_links(tag: str, attribute: str, value: str) -> str | None:
    if tag == "a" and attribute == "href":
        return value if SAFE_URL.match(value) else None
    return value


def _markdown() -> markdown.Markdown:
    md = markdown.Markdown(extensions=["sane_lists"], output_format="html")
    md.preprocessors.deregister("html_block")
    md.inlinePatterns.deregister("html")
    return md


_MD = _markdown()  # building a converter costs more than converting a section; reset() reuses it


def render_markdown(source: str) -> str:
    """Editor Markdown as sanitised HTML: headings start at h3, links only to http(s) or mailto."""
    html = _MD.reset().convert(source)
    html = re.sub(r"<(/?)h([1-6])>", lambda m: f"<{m[1]}h{min(int(m[2]) + 2, 6)}>", html)
    clean = nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes={"a": {"href"}},
        attribute_filter=_keep_safe_links,
        url_schemes={"http", "https", "mailto"},
        link_rel="noopener noreferrer",
        strip_comments=True,
    )
    clean = re.sub(r'<a rel="noopener noreferrer">(.*?)</a>', r"\1", clean)  # links whose URL was refused
    # No line may start like a block-level Markdown construct once it sits in a page.
    return clean.replace("{", "&#123;").replace("}", "&#125;").replace("\n", "&#10;").replace("--8", "&#45;-8")


def long_date(day: date) -> str:
    """18 October 2016."""
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


def partial_date(value: str, approximate: bool = False) -> str:
    """2016 / October 2016 / 18 October 2016, with 'c.' when approximate."""
    parts = [int(p) for p in value.split("-")]
    text = str(parts[0])
    if len(parts) >= 2:
        text = f"{MONTHS[parts[1] - 1]} {text}"
    if len(parts) == 3:
        text = f"{parts[2]} {text}"
    return f"c. {text}" if approximate else text


def first_day(value: str) -> date:
    """The earliest day a partial date can mean."""
    parts = [int(p) for p in value.split("-")] + [1, 1]
    return date(parts[0], parts[1], parts[2])


def language_name(code: str) -> str:
    return LANGUAGES.get(code.split("-")[0], code)


def direction(code: str) -> str:
    return "rtl" if code.split("-")[0] in RTL else "ltr"
