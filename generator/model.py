"""Model: one typed declaration per content kind; validation, JSON Schema and the editors' guide
all come from these classes and their field docstrings."""

from __future__ import annotations

import re
from datetime import date
from typing import Annotated, Literal
from urllib.parse import urlsplit

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field, WithJsonSchema

from generator.load import CONTROL, INVISIBLE

BIDI_CONTROLS = re.compile("[\u202a-\u202e\u2066-\u2069]")
SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
RESERVED = {
    "index", "assets", "search", "404", "sitemap", "feeds", "feed", "explainers", "people",
    "parties", "conflicts", "archive", "tags", "page", "guide", "stylesheets",
    "javascripts", "con", "prn", "aux", "nul", *(f"com{n}" for n in range(1, 10)),
    *(f"lpt{n}" for n in range(1, 10)),
}  # fmt: skip
HOST = re.compile(r"^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z][a-z0-9-]{0,62}[a-z0-9]$")
LANGUAGE = re.compile(r"^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$")


def _text(value: str) -> str:
    if not value.strip():
        raise ValueError("must not be empty")
    if bad := CONTROL.search(value) or BIDI_CONTROLS.search(value):
        raise ValueError(f"contains the invisible control character U+{ord(bad.group()):04X}; delete it")
    return value


def _line(value: str) -> str:
    _text(value)
    if "\n" in value.strip("\n"):
        raise ValueError("must be a single line")
    return value.strip("\n")


def _name(value: str) -> str:
    _line(value)
    if bad := INVISIBLE.search(value):
        raise ValueError(f"contains the invisible character U+{ord(bad.group()):04X}; retype the name")
    return value


def _slug(value: str) -> str:
    if not SLUG.match(value):
        raise ValueError(f"'{value}' is not a slug: use lowercase a-z, digits and single hyphens, like 'aleppo-pause'")
    if len(value) > 80:
        raise ValueError("is longer than 80 characters")
    if value in RESERVED:
        raise ValueError(f"'{value}' is reserved for the site's own pages; choose another")
    return value


def _url(value: str) -> str:
    if CONTROL.search(value) or INVISIBLE.search(value) or re.search(r"\s", value):
        raise ValueError("URL contains spaces or invisible characters")
    if not value.startswith("https://"):
        raise ValueError(f"'{value}' must be an absolute https:// URL")
    parts = urlsplit(value)
    if "@" in parts.netloc:
        raise ValueError("URL must not carry a user name or password")
    if not HOST.match(parts.hostname or ""):
        raise ValueError(f"'{value}' has no valid host name")
    if any(c in value for c in "<>\"'`\\{}|^"):
        raise ValueError("URL contains a character that must be percent-encoded")
    return value


def _date(value: object) -> object:
    if not isinstance(value, str):
        return value
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        raise ValueError(f"'{value}' is not a date; write it as YYYY-MM-DD, like 2016-10-18")
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise ValueError(f"'{value}' is not a real date") from None


def _flag(value: object) -> object:
    if value in ("true", "false"):
        return value == "true"
    if isinstance(value, str):
        raise ValueError(f"'{value}' is not true or false; write true or false")
    return value


def _partial_date(value: str) -> str:
    if not re.fullmatch(r"\d{4}(?:-\d{2}(?:-\d{2})?)?", value):
        raise ValueError(f"'{value}' is not a date; write YYYY, YYYY-MM or YYYY-MM-DD")
    year, month, day = (int(p) for p in (value + "-01-01")[:10].split("-"))
    try:
        date(year, month, day)
    except ValueError:
        raise ValueError(f"'{value}' is not a real date") from None
    return value


def _number(value: object) -> object:
    if isinstance(value, str):
        if not value.isdigit():
            raise ValueError(f"'{value}' is not a whole number")
        return int(value)
    return value


def _language(value: str) -> str:
    if not LANGUAGE.match(value):
        raise ValueError(f"'{value}' is not a language code such as en, ar, ru or fa")
    return value


Text = Annotated[str, AfterValidator(_text)]
Line = Annotated[str, AfterValidator(_line)]
Name = Annotated[str, AfterValidator(_name)]
Slug = Annotated[str, AfterValidator(_slug)]
Url = Annotated[str, AfterValidator(_url), WithJsonSchema({"type": "string", "format": "uri", "pattern": "^https://"})]
IsoDate = Annotated[date, BeforeValidator(_date), WithJsonSchema({"type": "string", "format": "date"})]
Flag = Annotated[bool, BeforeValidator(_flag)]
PartialDate = Annotated[str, AfterValidator(_partial_date), WithJsonSchema({"type": "string", "pattern": r"^\d{4}(-\d{2}(-\d{2})?)?$"})]
Language = Annotated[str, AfterValidator(_language)]
Count = Annotated[int, Field(ge=1, le=1000), BeforeValidator(_number)]
Venue = Literal["interview", "news-conference", "statement", "briefing", "social-post", "speech", "testimony"]


class Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, strict=True, use_attribute_docstrings=True)


class Source(Model):
    """A published source: a report, transcript, video or document."""

    id: Slug
    """Short name that quotes use to cite this source, like 'report'."""
    title: Line
    """The source's own title or headline, as published."""
    publisher: Line | None = None
    """Who published it, like 'United Nations' (leave out if the source does not say)."""
    published: IsoDate | None = None
    """When it was published."""
    url: Url | None = None
    """Link to the source; https only. Leave out only for sources that are not online."""


class Section(Model):
    """One part of the story, with its own heading."""

    heading: Line
    """The section heading, like 'What happened'."""
    body: Text
    """The section's text in Markdown: paragraphs, **bold**, *italic*, lists and https links."""


class Quote(Model):
    """Words someone said, attributed and sourced."""

    speaker: Slug
    """The id of the person who said it: the file name of their file in content/people."""
    text: Text
    """The words, exactly as published (in English when translated)."""
    date: IsoDate
    """When the words were said (or, when `date_is_report` is true, first reported)."""
    date_is_report: Flag = False
    """true when the source gives no date of its own and `date` is the date of the report."""
    venue: Venue | None = None
    """Where it was said: interview, news-conference, statement, briefing, social-post, speech or testimony."""
    outlet: Line | None = None
    """The outlet or forum, like 'Russia-24' or 'UN Geneva briefing'."""
    place: Line | None = None
    """The place it was said, like 'Washington'."""
    source: Slug
    """The id of the entry in this explainer's `sources` that published the quote."""
    language: Language = "en"
    """Language of the words as spoken (en, ar, ru, fa ...)."""
    translated: Flag = False
    """true when `text` is a translation."""
    original: Text | None = None
    """The words in the original language, when known."""
    context: Line | None = None
    """One line of context shown with the quote."""


class Correction(Model):
    """A dated correction, shown on the page and in the feeds."""

    date: IsoDate
    """When the correction was made."""
    text: Text
    """What was wrong and what is right now."""


class SoughtComment(Model):
    """A record that a party was asked for comment (right of reply)."""

    party: Slug
    """The id of the party asked (from content/parties)."""
    date: IsoDate
    """When comment was sought."""
    response: Line | None = None
    """What they answered, if anything."""


class Explainer(Model):
    """One explainer page."""

    slug: Slug
    """The page's address: lowercase words joined by hyphens, unique across all explainers."""
    headline: Line
    """The headline as it appears on the page and in search results."""
    summary: Text
    """One or two sentences shown under the headline, in lists and in link previews."""
    published: IsoDate
    """The date of first publication."""
    updated: IsoDate | None = None
    """The date of the last substantive update, if any."""
    authors: list[Name] = Field(min_length=1)
    """The writers' names, as bylined."""
    conflict: Slug
    """The id of the conflict this explainer is about: a file name in content/conflicts."""
    tags: list[Slug] = []
    """Topic tags, lowercase with hyphens, like 'aleppo'."""
    sections: list[Section] = Field(min_length=1)
    """The story, in sections."""
    quotes: list[Quote] = []
    """What people said, shown in the 'Who said what' sidebar."""
    sources: list[Source] = Field(min_length=1)
    """Every source the explainer relies on."""
    corrections: list[Correction] = []
    """Corrections, oldest first."""
    sought_comment: list[SoughtComment] = []
    """Parties asked for comment who are not quoted."""


class Role(Model):
    """A position a person held, with the dates they held it when known."""

    title: Line
    """The role as a reader would describe it, like 'Russian defence minister'."""
    party: Slug | None = None
    """The id of the party they spoke for in this role (from content/parties)."""
    start: IsoDate | None = None
    """When they took up the role, if known."""
    end: IsoDate | None = None
    """When they left it, if they have."""


class Person(Model):
    """Someone quoted in explainers; the file name is their id."""

    name: Name
    """Their name as the site writes it."""
    other_names: list[Name] = []
    """Other spellings and transliterations, like 'Sergey Shoigu'."""
    roles: list[Role] = Field(min_length=1)
    """Roles held, so each quote shows the role held when it was said."""
    summary: Line | None = None
    """One line about who they are."""


class Party(Model):
    """A government, organisation or group that people speak for; the file name is its id."""

    name: Line
    """The party's name, like 'Russian government'."""
    summary: Line | None = None
    """One line about the party."""


class Event(Model):
    """A dated event on a conflict's timeline."""

    date: PartialDate
    """YYYY, YYYY-MM or YYYY-MM-DD: write only as much as is known."""
    approximate: Flag = False
    """true when the date is approximate."""
    text: Text
    """What happened, in one or two sentences."""
    source: Line
    """Where this is documented: a source title, or an https URL."""
    url: Url | None = None
    """Link to the source, when online."""


class Conflict(Model):
    """A conflict's shared background; the file name is its id."""

    name: Line
    """The conflict's name, like 'The Syrian conflict'."""
    summary: Text
    """A short background shown on every explainer about this conflict."""
    started: PartialDate
    """When the conflict began: YYYY, YYYY-MM or YYYY-MM-DD."""
    parties: list[Slug] = Field(min_length=1)
    """The ids of the parties to the conflict (from content/parties)."""
    timeline: list[Event] = Field(min_length=1)
    """Events, in date order."""
    reviewed: IsoDate
    """When an editor last checked this background."""


class Site(Model):
    """Settings for the whole site, in content/site.yaml."""

    name: Line
    """The site's name, shown in titles and feeds."""
    url: Url
    """The address the site is published at, ending with '/'."""
    description: Line
    """One line describing the site."""
    language: Language = "en"
    """The site's language."""
    publisher: Line
    """The organisation that publishes the site."""
    per_page: Count = 20
    """How many explainers each home page lists."""
    quotes_per_page: Count = 50
    """How many quotes each page of a person's or party's quotes lists."""
    review_days: Annotated[int, Field(ge=1), BeforeValidator(_number)] = 180
    """After how many days a conflict background counts as not reviewed."""


KINDS: dict[str, type[Model]] = {
    "explainers": Explainer,
    "people": Person,
    "parties": Party,
    "conflicts": Conflict,
}
