"""Skeletons for `new`: a content file that passes `check` as written, with a free file name,
today's date and TODO placeholders that `check` points out until they are filled in."""

from __future__ import annotations

import json
import re
import unicodedata
from datetime import date
from pathlib import Path

from generator.load import load
from generator.model import RESERVED, _slug
from generator.read import content_files
from generator.schema import schema_line

FOLDERS = {"explainer": "explainers", "person": "people", "conflict": "conflicts", "party": "parties"}


class ScaffoldError(Exception):
    """The skeleton cannot be made; the message says what to do instead."""


def _q(text: str) -> str:
    """A YAML double-quoted scalar (JSON strings are valid YAML)."""
    return json.dumps(text, ensure_ascii=False)


def slugify(text: str) -> str:
    """'Aleppo's "humanitarian pause"' -> 'aleppos-humanitarian-pause'."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text.replace("'", "").lower()).strip("-")
    while len(slug) > 60 and "-" in slug:
        slug = slug.rsplit("-", 1)[0]
    return slug[:60]


def taken(content: Path, folder: str) -> set[str]:
    """Ids in use in one content folder: file names, and for explainers their slugs too."""
    ids = set()
    for path in content_files(content, folder):
        ids.add(path.stem)
        if folder == "explainers":
            doc, _ = load(path, path.name)
            if isinstance(doc.data.get("slug"), str):
                ids.add(doc.data["slug"].casefold())
    return ids


def free_slug(base: str, used: set[str]) -> str:
    """`base`, or `base-2`, `base-3` ... whichever is not used or reserved."""
    slug, n = base, 1
    while slug in used or slug in RESERVED:
        n += 1
        slug = f"{base}-{n}"
    return slug


def _first(content: Path, folder: str, given: str | None, hint: str) -> str:
    ids = sorted(p.stem for p in content_files(content, folder))
    if given is not None:
        if given not in ids:
            raise ScaffoldError(f"there is no content/{folder}/{given}.yaml; known: {', '.join(ids) or 'none'}")
        return given
    if not ids:
        raise ScaffoldError(f"there are no {folder} yet; {hint}")
    return ids[0]


def explainer(slug: str, today: date, content: Path, title: str | None, conflict: str | None) -> str:
    conflict_id = _first(content, "conflicts", conflict, "add one first with: python -m generator new conflict")
    return f"""\
slug: {slug}
headline: {_q(title or "TODO: write the headline")}
summary: >-
  TODO: one or two sentences shown under the headline, in lists and in link previews.
published: {today.isoformat()}
authors:
  - "TODO: your name, as bylined"
conflict: {conflict_id}
tags: []
sections:
  - heading: What happened
    body: |
      TODO: the story, in Markdown. Leave a blank line between paragraphs.
  - heading: Why it matters
    body: |
      TODO
sources:
  - id: report
    title: "TODO: the source's title, as published"
    # publisher: Who published it
    # published: {today.isoformat()}
    # url: https://...
# Each quote needs a speaker (a file name in content/people) and a source (an id above).
#  - speaker: person-id
#    date: {today.isoformat()}
#    source: report
#    text: The words, exactly as published.
quotes: []
# Parties to the conflict that were asked for comment and are not quoted:
#  - party: party-id
#    date: {today.isoformat()}
#    response: Did not reply.
sought_comment: []
"""


def person(slug: str, today: date, content: Path, name: str | None, party: str | None) -> str:
    party_line = f"    party: {_first(content, 'parties', party, '')}\n" if party else "    # party: party-id (a file name in content/parties)\n"
    return f"""\
name: {_q(name or "TODO: their name as the site writes it")}
summary: "TODO: one line about who they are"
other_names: []
roles:
  - title: "TODO: the role as a reader would describe it, like 'Russian defence minister'"
{party_line}    # start: {today.isoformat()}
    # end: {today.isoformat()}
"""


def party(slug: str, today: date, content: Path, name: str | None, _: str | None) -> str:
    return f"""\
name: {_q(name or "TODO: the party's name, like 'Russian government'")}
summary: "TODO: one line about the party"
"""


def conflict(slug: str, today: date, content: Path, name: str | None, party: str | None) -> str:
    party_id = _first(content, "parties", party, "add one first with: python -m generator new party")
    return f"""\
name: {_q(name or "TODO: the conflict's name, like 'The Syrian conflict'")}
summary: |
  TODO: a short background shown on every explainer about this conflict.
started: "{today.year}"
parties:
  - {party_id}
timeline:
  - date: "{today.isoformat()}"
    text: "TODO: what happened, in one or two sentences."
    source: "TODO: where this is documented"
reviewed: {today.isoformat()}
"""


SKELETONS = {"explainer": explainer, "person": person, "party": party, "conflict": conflict}


def new(content: Path, kind: str, *, slug: str | None = None, title: str | None = None, link: str | None = None, today: date) -> Path:
    """Write a new skeleton file of `kind` into `content` and return its path; never overwrites.
    `title` is the headline (explainer) or name; `link` the conflict (explainer) or party."""
    folder = FOLDERS[kind]
    used = taken(content, folder)
    if slug is not None:
        try:
            _slug(slug)
        except ValueError as exc:
            raise ScaffoldError(f"--slug: {exc}") from None
        if slug in used:
            raise ScaffoldError(f"'{slug}' is already used in content/{folder}/; choose another --slug")
    else:
        slug = free_slug(slugify(title or "") or f"new-{kind}", used)
    path = content / folder / f"{slug}.yaml"
    body = SKELETONS[kind](slug, today, content, title, link)
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        with path.open("x", encoding="utf-8", newline="\n") as out:
            out.write(schema_line(path.relative_to(content)) + "\n" + body)
    except FileExistsError:
        raise ScaffoldError(f"{path} already exists; it was left as it is") from None
    return path
