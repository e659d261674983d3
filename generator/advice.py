"""Newsroom advice: things that are valid content but that an editor should look at before
publishing (right of reply, stale backgrounds, unmarked translations, out-of-date roles,
unfilled skeletons). `check` prints them as warnings; `check --strict` fails on them."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from generator.errors import ContentError, ContentErrors
from generator.link import Index, link, role_at
from generator.load import FieldPath, dotted
from generator.model import Conflict, Explainer
from generator.read import Entry, read_all

PLACEHOLDER = "TODO"


@dataclass(frozen=True, order=True)
class Advice(ContentError):
    """A warning about one place in a content file; it does not stop the build."""

    def __str__(self) -> str:
        return f"{self.path}:{self.line}:{self.column}: {self.field or '(file)'}: warning: {self.message}"


@dataclass(frozen=True)
class Review:
    """Checked content with the entries it came from, and the advice about it."""

    index: Index
    entries: list[Entry]
    advice: list[Advice]


def _at(entry: Entry, loc: FieldPath, message: str) -> Advice:
    line, col = entry.doc.position(loc)
    return Advice(entry.doc.path, line, col, dotted(loc), message)


def right_of_reply(index: Index, entry: Entry) -> Iterator[Advice]:
    """Each party to the conflict should be quoted or recorded as asked for comment."""
    explainer: Explainer = entry.item
    conflict = index.conflicts[explainer.conflict]
    quoted = {role_at(index.people[q.speaker], q.date).party for q in explainer.quotes}
    asked = {s.party for s in explainer.sought_comment}
    for party in conflict.parties:
        if party not in quoted and party not in asked:
            name = index.parties[party].name
            yield _at(
                entry,
                ("conflict",),
                f"no one speaking for '{party}' ({name}), a party to this conflict, is quoted; quote them, "
                f"or record under sought_comment when they were asked for comment (right of reply)",
            )


def translations(index: Index, entry: Entry) -> Iterator[Advice]:
    """A quote in another language than the site's is a translation and must say so."""
    site_language = index.site.language.split("-")[0].casefold()
    for i, quote in enumerate(entry.item.quotes):
        if quote.language.split("-")[0].casefold() != site_language and not quote.translated:
            yield _at(
                entry,
                ("quotes", i, "language"),
                f"the quote was said in '{quote.language}' but the site is in '{index.site.language}'; "
                f"if the text is a translation, add 'translated: true' (and the original words under 'original', if known)",
            )


def roles(index: Index, entry: Entry) -> Iterator[Advice]:
    """A speaker should be shown with a role they held on the day they spoke."""
    for i, quote in enumerate(entry.item.quotes):
        role = role_at(index.people[quote.speaker], quote.date)
        person = f"content/people/{quote.speaker}.yaml"
        if role.end is not None and role.end < quote.date:
            when = f"ended on {role.end}, before"
        elif role.start is not None and quote.date < role.start:
            when = f"began on {role.start}, after"
        else:
            continue
        yield _at(
            entry,
            ("quotes", i, "speaker"),
            f"'{quote.speaker}' is shown as '{role.title}', a role that {when} the quote's date ({quote.date}); add the role they held then to {person}",
        )


def review_due(index: Index, entry: Entry, today: date) -> Iterator[Advice]:
    """A conflict's background should have been checked by an editor recently."""
    conflict: Conflict = entry.item
    age = (today - conflict.reviewed).days
    if age > index.site.review_days:
        yield _at(
            entry,
            ("reviewed",),
            f"the background was last reviewed {age} days ago ({conflict.reviewed}), more than the site's review_days "
            f"({index.site.review_days}); check the summary and timeline, then set reviewed to today's date",
        )


def placeholders(entry: Entry) -> Iterator[Advice]:
    """Text still holding a skeleton's fill-in placeholder."""

    def walk(value, loc: FieldPath) -> Iterator[Advice]:
        if isinstance(value, dict):
            for key, child in value.items():
                yield from walk(child, (*loc, key))
        elif isinstance(value, list):
            for i, child in enumerate(value):
                yield from walk(child, (*loc, i))
        elif isinstance(value, str) and value.lstrip().startswith(PLACEHOLDER):
            yield _at(entry, loc, f"still holds the placeholder '{value.strip()[:60]}'; replace it before publishing")

    yield from walk(entry.doc.data, ())


def advise(index: Index, entries: list[Entry], today: date) -> list[Advice]:
    """Every warning about the checked content, in file and line order."""
    found: list[Advice] = []
    for entry in entries:
        found += placeholders(entry)
        if entry.kind == "explainers":
            found += right_of_reply(index, entry)
            found += translations(index, entry)
            found += roles(index, entry)
        elif entry.kind == "conflicts":
            found += review_due(index, entry, today)
    return sorted(set(found))


def review(content: Path, today: date) -> Review:
    """Load, validate and cross-check all content, then advise on it; raise ContentErrors on any error."""
    site, entries, errors = read_all(content)
    if errors or site is None:
        raise ContentErrors(errors)
    index = link(site, entries)
    return Review(index, entries, advise(index, entries, today))
