"""The floors the generator and the engine are measured against (run by bench/run.py as child
processes, so each has its own interpreter and its own peak memory).

    python bench/floor.py generate CONTENT DOCS DEST
        Read every YAML file under CONTENT with libyaml (yaml.load, CSafeLoader) and write the
        bytes of every file under DOCS (read beforehand, not timed) into DEST. Prints JSON with
        the untimed preload seconds, so the caller can subtract them.

    python bench/floor.py pages COUNT BYTES DEST
        Write an MkDocs project into DEST: COUNT plain Markdown pages of about BYTES bytes each,
        in directory-URL folders, a small nav, Material (no fonts) and the search plugin.
"""

from __future__ import annotations

import json
import random
import sys
import time
from pathlib import Path


def generate_floor(content: Path, docs: Path, dest: Path) -> dict:
    start = time.perf_counter()
    outputs = {p.relative_to(docs).as_posix(): p.read_bytes() for p in sorted(docs.rglob("*")) if p.is_file()}
    preload = time.perf_counter() - start

    import yaml

    loaded = [yaml.load(p.read_bytes(), Loader=yaml.CSafeLoader) for p in sorted(content.rglob("*.yaml"))]
    for rel, data in outputs.items():
        target = dest / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
    return {"preload_s": preload, "yaml_files": len(loaded), "files_written": len(outputs), "bytes_written": sum(map(len, outputs.values()))}


CONFIG = """site_name: Engine floor
site_url: https://floor.example.org/
docs_dir: docs
theme:
  name: material
  language: en
  font: false
  features:
    - navigation.tabs
    - navigation.prune
plugins:
  - search
markdown_extensions:
  - toc
  - admonition
nav:
  - Home: index.md
{nav}
"""

WORDS = "ceasefire convoy valley river council alliance border talks envoy harbour corridor relief agency truce minister statement briefing".split()


def page(rng: random.Random, number: int, size: int) -> str:
    """A plain Markdown page of about `size` bytes: headings, paragraphs, a list and links."""
    parts = [f"# Page {number}\n"]
    total = len(parts[0])
    section = 0
    while total < size:
        section += 1
        words = " ".join(rng.choice(WORDS) for _ in range(60))
        chunk = (
            f"\n## Section {section}\n\n{words.capitalize()}. Some **bold** and *italic* words, and [a link](https://example.org/{number}/{section}).\n\n"
            f"- {rng.choice(WORDS)} item\n- {rng.choice(WORDS)} item\n\n> {words[:120]}.\n"
        )
        parts.append(chunk)
        total += len(chunk)
    return "".join(parts)


def pages_floor(count: int, size: int, dest: Path) -> dict:
    rng = random.Random(count)
    docs = dest / "docs"
    docs.mkdir(parents=True, exist_ok=True)
    sections = ["conflicts", "people", "parties", "archive", "tags", "guide"]
    (docs / "index.md").write_text(page(rng, 0, size), "utf-8")
    for name in sections:
        (docs / name).mkdir(exist_ok=True)
        (docs / name / "index.md").write_text(page(rng, 0, size), "utf-8")
    for number in range(count - 1 - len(sections)):
        folder = docs / "p" / f"{number:05d}"
        folder.mkdir(parents=True, exist_ok=True)
        (folder / "index.md").write_text(page(rng, number, size), "utf-8")
    nav = "\n".join(f"  - {name.title()}: {name}/index.md" for name in sections)
    (dest / "mkdocs.yml").write_text(CONFIG.format(nav=nav), "utf-8")
    return {"pages": count}


def main(argv: list[str]) -> None:
    if argv[0] == "generate":
        result = generate_floor(Path(argv[1]), Path(argv[2]), Path(argv[3]))
    elif argv[0] == "pages":
        result = pages_floor(int(argv[1]), int(argv[2]), Path(argv[3]))
    else:
        raise SystemExit(__doc__)
    print(json.dumps(result))


if __name__ == "__main__":
    main(sys.argv[1:])
