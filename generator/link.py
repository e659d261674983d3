"""Link: resolve every reference between content files and build the one index that renderers
read. Anything that points nowhere, or contradicts another file, is an error here."""

from __future__ import annotations

import difflib
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date

from generator.errors import ContentError, ContentErrors
from generator.load import dotted
from generator.model import Conflict, Explainer, Party, Person, Quote, Role, Site
from generator.read import Entry


@dataclass(frozen=True)
class Said:
    """A quote in its explainer, with the role its speaker held that day."""

    explainer: Explainer
    quote: Quote
    role: Role


@dataclass(frozen=True)
class Index:
    """All content, cross-checked, in the orders pages list it."""

    site: Site
    explainers: tuple[Explainer, ...]
    people: dict[str, Person]
    parties: dict[str, Party]
    conflicts: dict[str, Conflict]
    said_by: dict[str, tuple[Said, ...]] = field(default_factory=dict)

    def explainers_on(self, conflict_id: str) -> list[Explainer]:
        return [e for e in self.explainers if e.conflict == conflict_id]

    def people_of(self, party_id: str) -> list[str]:
        """Ids of people who held a role for the party, by name."""
        ids = [pid for pid, p in self.people.items() if any(r.party == party_id for r in p.roles)]
        return sorted(ids, key=lambda pid: (self.people[pid].name.casefold(), pid))


def role_at(person: Person, day: date) -> Role:
    """The role a person held on a day: the latest-starting role that covers it."""
    covering = [r for r in person.roles if (r.start is None or r.start <= day) and (r.end is None or day <= r.end)]
    if not covering:
        return person.roles[0]
    return max(covering, key=lambda r: r.start or date.min)


def modified(explainer: Explainer) -> date:
    """The explainer's last change: its update or its latest correction."""
    return max([explainer.published, explainer.updated or explainer.published, *(c.date for c in explainer.corrections)])


def _unknown(what: str, value: str, known: list[str]) -> str:
    close = difflib.get_close_matches(value, known, n=1, cutoff=0.5)
    hint = f" (did you mean '{close[0]}'?)" if close else ""
    return f"unknown {what} '{value}'{hint}"


class _Checker:
    def __init__(self):
        self.errors: list[ContentError] = []

    def error(self, entry: Entry, loc: tuple, message: str) -> None:
        line, col = entry.doc.position(loc)
        self.errors.append(ContentError(entry.doc.path, line, col, dotted(loc), message))

    def reference(self, entry: Entry, loc: tuple, value: str | None, what: str, known: dict) -> None:
        if value is not None and value not in known:
            self.error(entry, loc, _unknown(what, value, sorted(known)))


def link(site: Site, entries: list[Entry]) -> Index:
    """Cross-check all entries and build the index; raise ContentErrors listing every problem."""
    by_kind: dict[str, dict[str, Entry]] = defaultdict(dict)
    for entry in entries:
        by_kind[entry.kind][entry.id] = entry
    people = {k: e.item for k, e in by_kind["people"].items()}
    parties = {k: e.item for k, e in by_kind["parties"].items()}
    conflicts = {k: e.item for k, e in by_kind["conflicts"].items()}
    check = _Checker()

    for entry in by_kind["people"].values():
        for i, role in enumerate(entry.item.roles):
            check.reference(entry, ("roles", i, "party"), role.party, "party", parties)
            if role.start and role.end and role.end < role.start:
                check.error(entry, ("roles", i, "end"), "ends before it starts")
    for entry in by_kind["conflicts"].values():
        for i, party in enumerate(entry.item.parties):
            check.reference(entry, ("parties", i), party, "party", parties)

    slugs: dict[str, Entry] = {}
    explainers: list[Explainer] = []
    for entry in sorted((e for e in entries if e.kind == "explainers"), key=lambda e: e.doc.path):
        item: Explainer = entry.item
        folded = item.slug.casefold()
        if folded in slugs:
            check.error(entry, ("slug",), f"slug '{item.slug}' is already used by {slugs[folded].doc.path}")
        else:
            slugs[folded] = entry
        check.reference(entry, ("conflict",), item.conflict, "conflict", conflicts)
        if item.updated and item.updated < item.published:
            check.error(entry, ("updated",), "is before the published date")
        source_ids: set[str] = set()
        for i, source in enumerate(item.sources):
            if source.id in source_ids:
                check.error(entry, ("sources", i, "id"), f"source id '{source.id}' is used twice")
            source_ids.add(source.id)
        for i, quote in enumerate(item.quotes):
            check.reference(entry, ("quotes", i, "speaker"), quote.speaker, "speaker", people)
            check.reference(entry, ("quotes", i, "source"), quote.source, "source", {s: 1 for s in source_ids})
            if quote.date > (item.updated or item.published):
                check.error(entry, ("quotes", i, "date"), f"{quote.date} is after the explainer's date ({item.updated or item.published})")
            if quote.original and not quote.translated:
                check.error(entry, ("quotes", i, "original"), "an original text is given but 'translated' is not true")
        for i, sought in enumerate(item.sought_comment):
            check.reference(entry, ("sought_comment", i, "party"), sought.party, "party", parties)
        explainers.append(item)

    if check.errors:
        raise ContentErrors(check.errors)

    explainers.sort(key=lambda e: (e.published, e.slug), reverse=True)
    said_by: dict[str, list[Said]] = defaultdict(list)
    for explainer in explainers:
        for quote in explainer.quotes:
            said_by[quote.speaker].append(Said(explainer, quote, role_at(people[quote.speaker], quote.date)))
    for quotes in said_by.values():
        quotes.sort(key=lambda s: (s.quote.date, s.explainer.published, s.explainer.slug), reverse=True)
    return Index(
        site=site,
        explainers=tuple(explainers),
        people=dict(sorted(people.items())),
        parties=dict(sorted(parties.items())),
        conflicts=dict(sorted(conflicts.items())),
        said_by={k: tuple(v) for k, v in sorted(said_by.items())},
    )
