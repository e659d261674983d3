"""Write: the only code that touches output folders. Unchanged files are left alone (same bytes,
same modification time); files no longer produced are removed."""

from __future__ import annotations

import os
import shutil
from pathlib import Path


def write_tree(root: Path, files: dict[str, str]) -> list[str]:
    """Make `root` hold exactly `files` (path -> text); return the paths actually written."""
    root.mkdir(parents=True, exist_ok=True)
    written = []
    for rel, text in sorted(files.items()):
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
    wanted = set(files)
    for path in sorted(root.rglob("*"), reverse=True):
        rel = path.relative_to(root).as_posix()
        if path.is_file() and rel not in wanted:
            path.unlink()
        elif path.is_dir() and not any(path.iterdir()):
            path.rmdir()
    return written


def replace_folder(new: Path, old: Path) -> None:
    """Put the finished folder `new` where `old` is, in two renames."""
    retired = old.with_name(old.name + ".old")
    shutil.rmtree(retired, ignore_errors=True)
    if old.exists():
        os.rename(old, retired)
    os.rename(new, old)
    shutil.rmtree(retired, ignore_errors=True)
