"""Write: the only code that touches output folders. Unchanged files are left alone (same bytes,
same modification time); files no longer produced are removed."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterable
from pathlib import Path


def write_tree(root: Path, files: Iterable[tuple[str, str]], known: dict[str, str] | None = None) -> list[str]:
    """Make `root` hold exactly `files` ((path, text) pairs, consumed one at a time); return the
    paths actually written, sorted. `known` (kept by the live preview) remembers what was
    written last time, so unchanged files are recognised without reading them back."""
    sweep = known is None or not known
    written = []
    wanted = set()
    for rel, text in files:
        wanted.add(rel)
        if known is not None:
            if known.get(rel) == text:
                continue
            known[rel] = text
        target = root / rel
        data = text.encode("utf-8")
        try:
            if target.read_bytes() == data:
                continue
        except (FileNotFoundError, IsADirectoryError, NotADirectoryError):
            pass
        target.parent.mkdir(parents=True, exist_ok=True)
        scratch = target.with_name(f".{target.name}.tmp")
        scratch.write_bytes(data)
        os.replace(scratch, target)
        written.append(rel)
    if known is not None and known.keys() != wanted:
        sweep = True
        for rel in set(known) - wanted:
            del known[rel]
    root.mkdir(parents=True, exist_ok=True)
    if sweep:
        for path in sorted(root.rglob("*"), reverse=True):
            rel = path.relative_to(root).as_posix()
            if path.is_file() and rel not in wanted:
                path.unlink()
            elif path.is_dir() and not any(path.iterdir()):
                path.rmdir()
    return sorted(written)


def replace_folder(new: Path, old: Path) -> None:
    """Put the finished folder `new` where `old` is, in two renames."""
    retired = old.with_name(old.name + ".old")
    shutil.rmtree(retired, ignore_errors=True)
    if old.exists():
        os.rename(old, retired)
    os.rename(new, old)
    shutil.rmtree(retired, ignore_errors=True)
