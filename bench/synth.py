"""Synthesise made-up newsroom content at any scale, in the proportions of the real content:
explainers with a dozen quotes, a few sections and sources; a few hundred people with roles;
a few dozen conflicts with timelines; parties; site.yaml and one hand-written page.

Deterministic: the same `n` and `seed` give byte-identical files. Every file passes
`python -m generator check`. All names, places and words are invented.

    python bench/synth.py 1000 build/bench/content
"""

from __future__ import annotations

import argparse
import json
import random
import shutil
from datetime import date, timedelta
from pathlib import Path

WORDS = (
    "ceasefire convoy valley river council alliance border talks envoy harbour corridor relief "
    "agency delegation summit truce garrison province capital minister spokesman statement "
    "briefing shelling evacuation refugees monitors mandate sanctions negotiators observers "
    "district checkpoint supplies hospital governor mediators withdrawal offensive pause aid "
    "region bridge crossing deadline agreement proposal guarantees civilians fighters report"
).split()
FIRST = "Amal Dana Piotr Lena Omar Ines Tariq Mira Jonas Sofia Karim Nadia Pavel Yara Emil Hana Rafael Leila Anton Zora".split()
LAST = "Haddad Levi Nowak Varga Okafor Lindqvist Moreau Rahimi Petrov Castillo Mendes Aziz Novak Kovacs Brandt Sato Ferreira Holm".split()
VENUES = ["interview", "news-conference", "statement", "briefing", "social-post", "speech", "testimony"]
LANGUAGES = ["en", "en", "en", "ar", "ru", "fa", "fr", "uk"]
ORIGINAL = {
    "ar": "سنفي بوعدنا ونحمي المدنيين.",
    "ru": "Мы сдержим слово.",
    "fa": "ما به قول خود عمل می‌کنیم.",
    "fr": "Nous tiendrons parole.",
    "uk": "Ми дотримаємо слова.",
}
START = date(2011, 1, 1)
SPAN_DAYS = 15 * 365


def scale(n: int) -> dict[str, int]:
    """How many of each kind go with `n` explainers: a few hundred people and a few dozen
    conflicts at newsroom scale, fewer for small runs."""
    conflicts = max(2, min(40, n // 25))
    return {
        "explainers": n,
        "conflicts": conflicts,
        "parties": max(5, min(120, conflicts * 3)),
        "people": max(8, min(400, n // 3)),
        "tags": max(6, min(150, n // 10)),
    }


def q(text: str) -> str:
    """A double-quoted YAML scalar (JSON strings are valid YAML)."""
    return json.dumps(text, ensure_ascii=False)


def block(text: str, indent: int) -> str:
    """A literal block scalar, indented by `indent` spaces."""
    pad = " " * indent
    return "|\n" + "\n".join(pad + line if line else "" for line in text.split("\n")) + "\n"


class Synth:
    def __init__(self, n: int, seed: int = 7):
        self.n = n
        self.rng = random.Random(seed * 1_000_003 + n)
        self.counts = scale(n)

    def words(self, lo: int, hi: int) -> str:
        return " ".join(self.rng.choice(WORDS) for _ in range(self.rng.randint(lo, hi)))

    def sentence(self, lo: int = 8, hi: int = 18) -> str:
        text = self.words(lo, hi)
        return text[0].upper() + text[1:] + "."

    def paragraph(self, sentences: int) -> str:
        return " ".join(self.sentence() for _ in range(sentences))

    def day(self, lo: date, hi: date) -> date:
        return lo + timedelta(days=self.rng.randint(0, max(0, (hi - lo).days)))

    def files(self) -> dict[str, str]:
        """Every content file, by its path inside the content folder."""
        c = self.counts
        rng = self.rng
        files: dict[str, str] = {}
        parties = [f"party-{i:03d}" for i in range(c["parties"])]
        for pid in parties:
            files[f"parties/{pid}.yaml"] = f"name: {q('The ' + self.words(1, 2) + ' ' + pid.replace('-', ' '))}\nsummary: {q(self.sentence())}\n"

        people = [f"person-{i:04d}" for i in range(c["people"])]
        person_party: dict[str, list[str]] = {}
        for i, pid in enumerate(people):
            name = f"{FIRST[i % len(FIRST)]} {LAST[(i // len(FIRST)) % len(LAST)]} {i}"
            first_party, second_party = parties[i % len(parties)], rng.choice(parties)
            switch = START + timedelta(days=rng.randint(400, SPAN_DAYS - 400))
            lines = [f"name: {q(name)}"]
            if i % 3 == 0:
                lines += ["other_names:", f"  - {q(name.replace(' ', ' al-', 1))}"]
            lines.append(f"summary: {q(self.sentence(6, 10))}")
            lines += ["roles:", f"  - title: {q(self.words(2, 3) + ' spokesperson')}", f"    party: {first_party}", f"    end: {switch - timedelta(days=1)}"]
            lines += [f"  - title: {q(self.words(1, 2) + ' minister')}", f"    party: {second_party}", f"    start: {switch}"]
            files[f"people/{pid}.yaml"] = "\n".join(lines) + "\n"
            person_party[pid] = [first_party, second_party]

        conflicts = [f"conflict-{i:02d}" for i in range(c["conflicts"])]
        self.voices: dict[str, list[str]] = {}
        for i, cid in enumerate(conflicts):
            members = sorted({parties[(i * 3 + k) % len(parties)] for k in range(rng.randint(2, 4))})
            started = START + timedelta(days=rng.randint(0, 300))
            lines = [
                f"name: {q('The ' + self.words(1, 2) + ' conflict ' + str(i))}",
                "summary: " + block(self.paragraph(3) + "\n\n" + self.paragraph(2), 2).rstrip("\n"),
                f'started: "{started.year}-{started.month:02d}"',
                "parties:",
                *(f"  - {p}" for p in members),
                f"reviewed: {START + timedelta(days=SPAN_DAYS + 30)}",
                "timeline:",
            ]
            days = sorted(self.day(started, START + timedelta(days=SPAN_DAYS)) for _ in range(rng.randint(10, 20)))
            for k, d in enumerate(days):
                when = f"{d.year}-{d.month:02d}" if k % 4 == 1 else d.isoformat()
                lines += [f'  - date: "{when}"', f"    text: {q(self.sentence())}", f"    source: {q('The Made-up Gazette')}"]
                if k % 2 == 0:
                    lines.append(f"    url: https://gazette.example.org/{cid}/{k}")
                if k % 7 == 3:
                    lines.append("    approximate: true")
            files[f"conflicts/{cid}.yaml"] = "\n".join(lines) + "\n"
            self.voices[cid] = [p for p in people if set(person_party[p]) & set(members)] or people

        tags = [f"topic-{i:03d}" for i in range(c["tags"])]
        for i in range(self.n):
            files[f"explainers/explainer-{i:05d}.yaml"] = self.explainer(i, conflicts, tags, people, person_party, parties)

        files["site.yaml"] = (
            "name: Made-up Desk\nurl: https://desk.example.org/\ndescription: Made-up explainers for measuring speed.\n"
            "language: en\npublisher: Made-up Desk\nper_page: 20\nreview_days: 3650\n"
        )
        files["pages/about.md"] = "# About\n\nMade-up content for the benchmark.\n"
        return files

    def explainer(self, i: int, conflicts, tags, people, person_party, parties) -> str:
        rng = self.rng
        slug = f"explainer-{i:05d}"
        published = START + timedelta(days=400 + (i * (SPAN_DAYS - 400)) // max(1, self.n))
        conflict = conflicts[i % len(conflicts)]
        lines = [
            f"slug: {slug}",
            f"headline: {q(self.sentence(6, 11).rstrip('.') + ' ' + str(i))}",
            "summary: " + q(self.sentence() + " " + self.sentence()),
            f"published: {published}",
        ]
        if i % 5 == 0:
            lines.append(f"updated: {published + timedelta(days=rng.randint(1, 20))}")
        lines += ["authors:", "  - Made-up Writer"] + (["  - Second Writer"] if i % 4 == 0 else [])
        lines.append(f"conflict: {conflict}")
        lines += ["tags:", *(f"  - {t}" for t in sorted(set(rng.sample(tags, rng.randint(2, 4)))))]
        lines.append("sections:")
        for heading in ["What happened", "Why it matters", "What comes next"][: rng.randint(2, 3)] + (["Reactions"] if i % 3 == 0 else []):
            body = self.paragraph(3) + f" See the [report](https://gazette.example.org/{slug}).\n\nThe **{self.words(1, 2)}** " + self.paragraph(2).lower()
            lines += [f"  - heading: {heading}", "    body: " + block(body, 6).rstrip("\n")]
        sources = ["report", "transcript", "briefing"][: rng.randint(2, 3)]
        lines.append("sources:")
        for s in sources:
            lines += [f"  - id: {s}", f"    title: {q(self.sentence(5, 9))}", "    publisher: The Made-up Gazette", f"    published: {published}"]
            lines.append(f"    url: https://gazette.example.org/{slug}/{s}")
        lines.append("quotes:")
        voices = self.voices[conflict]
        speakers = rng.sample(voices, min(len(voices), rng.randint(3, 6)))
        for k in range(12):
            speaker = speakers[k % len(speakers)]
            language = rng.choice(LANGUAGES)
            lines += [
                f"  - speaker: {speaker}",
                f"    venue: {rng.choice(VENUES)}",
                f"    date: {published - timedelta(days=rng.randint(0, 6))}",
                f"    source: {rng.choice(sources)}",
                "    text: " + (block(self.paragraph(2) + "\n\n" + self.paragraph(1), 6).rstrip("\n") if k % 3 == 0 else q(self.paragraph(2))),
            ]
            if k % 4 == 0:
                lines.append(f"    outlet: {q('Made-up Radio')}")
            if k % 5 == 0:
                lines.append(f"    place: {q('Capital ' + str(k))}")
            if language != "en":
                lines += [f"    language: {language}", "    translated: true", f"    original: {q(ORIGINAL[language])}"]
            if k % 2 == 0:
                lines.append(f"    context: {q(self.sentence(6, 10))}")
        if i % 10 == 0:
            lines += ["corrections:", f"  - date: {published + timedelta(days=2)}", f"    text: {q(self.sentence())}"]
        if i % 6 == 0:
            lines += ["sought_comment:", f"  - party: {parties[i % len(parties)]}", f"    date: {published}"]
        return "\n".join(lines) + "\n"


def write(n: int, dest: Path, seed: int = 7) -> dict[str, int]:
    """Replace `dest` with synthesised content for `n` explainers; return the counts."""
    synth = Synth(n, seed)
    files = synth.files()
    shutil.rmtree(dest, ignore_errors=True)
    for rel, text in files.items():
        target = dest / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, "utf-8")
    return synth.counts


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("n", type=int, help="number of explainers")
    parser.add_argument("dest", type=Path, help="content folder to (re)create")
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    print(json.dumps(write(args.n, args.dest, args.seed)))


if __name__ == "__main__":
    main()
