"""Where generation time goes: cProfile of check, render and write at N explainers.

python bench/hotspots.py --n 1000          # -> bench/profile.txt
"""

from __future__ import annotations

import argparse
import cProfile
import io
import pstats
import shutil
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import synth  # noqa: E402
from run import ROOT, project  # noqa: E402

from generator.generate import check, render  # noqa: E402
from generator.write import write_tree  # noqa: E402


def profile(n: int, dest: Path) -> None:
    proj = project(n)
    synth.write(n, proj / "content")
    docs = proj / "build" / "docs"
    shutil.rmtree(docs, ignore_errors=True)
    stages = {}
    prof = cProfile.Profile()
    prof.enable()
    t = time.perf_counter()
    index = check(proj / "content")
    stages["check (read, validate, link)"] = time.perf_counter() - t
    t = time.perf_counter()
    files = dict(render(index, proj / "content"))
    stages["render"] = time.perf_counter() - t
    t = time.perf_counter()
    write_tree(docs, files.items())
    stages["write_tree (cold)"] = time.perf_counter() - t
    t = time.perf_counter()
    write_tree(docs, files.items())
    stages["write_tree (unchanged)"] = time.perf_counter() - t
    prof.disable()
    buf = io.StringIO()
    buf.write(f"cProfile of generation at N={n} (times under the profiler are inflated)\n\n")
    for name, seconds in stages.items():
        buf.write(f"{name:32} {seconds:7.2f} s\n")
    for key in ("cumulative", "tottime"):
        buf.write(f"\n--- by {key} ---\n")
        pstats.Stats(prof, stream=buf).sort_stats(key).print_stats(35)
    text = buf.getvalue().replace(str(ROOT) + "/", "").replace(sys.prefix + "/", "")
    dest.write_text(text, "utf-8")
    print(text[:4000])


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=1000, help="number of explainers (default: 1000)")
    profile(parser.parse_args().n, ROOT / "bench" / "profile.txt")
