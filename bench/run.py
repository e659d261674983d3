"""Speed and memory at newsroom scale (`make bench`).

For each N (default 100, 1000, 5000 explainers) this synthesises made-up content (bench/synth.py),
then measures, each command in its own child process (wall time, peak RSS from wait4):

  generate        python -m generator generate          (cold: empty docs folder)
  generate floor  libyaml reading the same YAML + writing the same bytes (bench/floor.py)
  build           python -m generator build              (cold; peak RSS of the generator and,
                                                          polled from /proc, of the engine child)
  engine floor    mkdocs build --strict of as many plain Markdown pages of the same mean size,
                  small nav, Material, search plugin

and, at one N (default 1000), the live-preview path (generator.build.Preview, as `mkdocs serve`
uses it): regenerating unchanged content (must write nothing and keep every mtime), editing one
explainer, and the engine's dirty rebuild.
Figures go to bench/results.json; a table and the targets are printed.

    python bench/run.py                       # the whole benchmark
    python bench/run.py --sizes 100,1000      # a quicker one
    python bench/hotspots.py --n 1000          # cProfile of generation -> bench/profile.txt
"""

from __future__ import annotations

import argparse
import json
import math
import os
import platform
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

import synth  # noqa: E402

PY = sys.executable
WORK = ROOT / "build" / "bench"
TARGETS = {
    "generate_vs_floor": 2.0,
    "build_vs_engine_floor": 1.3,
    "build_exponent": 1.1,
    "peak_rss_mb": 1024,
}


# ---------------------------------------------------------------- measuring child processes


def _children(pid: int) -> list[int]:
    found = []
    try:
        for task in os.listdir(f"/proc/{pid}/task"):
            with open(f"/proc/{pid}/task/{task}/children") as f:
                found += [int(c) for c in f.read().split()]
    except OSError:
        pass
    return found + [d for c in found for d in _children(c)]


def _hwm_kb(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/status") as f:
            for line in f:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


def run(command: list[str], cwd: Path, env: dict | None = None) -> dict:
    """Run `command`; return wall seconds, peak RSS (MB) of the process tree (wait4 reports the
    maximum over the child and its waited-for descendants) and, polled from /proc, the peak RSS
    of its descendants alone (the engine, when the generator starts it)."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": "1700000000", **(env or {})}
    start = time.perf_counter()
    proc = subprocess.Popen(command, cwd=cwd, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    descendants: dict[int, int] = {}
    out_chunks: list[bytes] = []
    # stdout/stderr are small here (quiet commands); read them after exit.
    while True:
        pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
        if pid:
            break
        for child in _children(proc.pid):
            descendants[child] = max(descendants.get(child, 0), _hwm_kb(child))
        time.sleep(0.05)
    seconds = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    stdout, stderr = proc.stdout.read().decode(), proc.stderr.read().decode()
    out_chunks.append(stdout.encode())
    if proc.returncode != 0:
        raise SystemExit(f"{' '.join(command)} failed ({proc.returncode}):\n{stdout}\n{stderr}")
    return {
        "seconds": round(seconds, 3),
        "peak_rss_mb": round(usage.ru_maxrss / 1024, 1),
        "child_peak_rss_mb": round(max(descendants.values(), default=0) / 1024, 1),
        "stdout": stdout,
    }


def tree_size(folder: Path, pattern: str = "*") -> tuple[int, int]:
    files = [p for p in folder.rglob(pattern) if p.is_file()]
    return len(files), sum(p.stat().st_size for p in files)


def project(n: int) -> Path:
    """build/bench/nN: synthesised content plus the site's mkdocs.yml and theme, like a checkout."""
    dest = WORK / f"n{n}"
    dest.mkdir(parents=True, exist_ok=True)
    shutil.copy(ROOT / "mkdocs.yml", dest / "mkdocs.yml")
    shutil.rmtree(dest / "theme", ignore_errors=True)
    shutil.copytree(ROOT / "theme", dest / "theme")
    return dest


# ---------------------------------------------------------------- one size


def measure(n: int, incremental: bool) -> dict:
    proj = project(n)
    counts = synth.write(n, proj / "content")
    content_files, content_bytes = tree_size(proj / "content", "*.yaml")
    for folder in ("build", "site", "floor-out", "engine-floor"):
        shutil.rmtree(proj / folder, ignore_errors=True)
    print(f"N={n}: content {content_files} files, {content_bytes / 1e6:.1f} MB", flush=True)

    gen = run([PY, "-m", "generator", "generate"], proj)
    docs_files, docs_bytes = tree_size(proj / "build" / "docs")
    md_files, md_bytes = tree_size(proj / "build" / "docs", "*.md")
    print(f"  generate {gen['seconds']:.2f} s, {gen['peak_rss_mb']:.0f} MB", flush=True)

    floor = run([PY, str(ROOT / "bench" / "floor.py"), "generate", "content", "build/docs", "floor-out"], proj)
    preload = json.loads(floor["stdout"])["preload_s"]
    floor["seconds"] = round(floor["seconds"] - preload, 3)
    shutil.rmtree(proj / "floor-out", ignore_errors=True)
    print(f"  generate floor {floor['seconds']:.2f} s", flush=True)

    shutil.rmtree(proj / "build", ignore_errors=True)
    build = run([PY, "-m", "generator", "build"], proj)
    site_files, site_bytes = tree_size(proj / "site")
    html_files, html_bytes = tree_size(proj / "site", "*.html")
    print(f"  build {build['seconds']:.2f} s, generator+engine {build['peak_rss_mb']:.0f} MB, engine {build['child_peak_rss_mb']:.0f} MB", flush=True)
    inc = incremental_run(proj) if incremental else None  # after the build: the engine's dirty rebuild needs the site

    floor_proj = proj / "engine-floor"
    subprocess.run([PY, str(ROOT / "bench" / "floor.py"), "pages", str(md_files), str(md_bytes // md_files), str(floor_proj)], check=True, capture_output=True)
    engine = run([PY, "-m", "mkdocs", "build", "--strict", "--quiet", "-f", "mkdocs.yml", "-d", "site"], floor_proj)
    floor_site_files, floor_site_bytes = tree_size(floor_proj / "site")
    shutil.rmtree(floor_proj, ignore_errors=True)
    print(f"  engine floor {engine['seconds']:.2f} s, {engine['peak_rss_mb']:.0f} MB ({md_files} pages)", flush=True)

    for r in (gen, floor, build, engine):
        r.pop("stdout")
    return {
        "n": n,
        "counts": counts,
        "content": {"files": content_files, "bytes": content_bytes},
        "docs": {"files": docs_files, "bytes": docs_bytes, "markdown_pages": md_files, "markdown_bytes": md_bytes},
        "generate": gen,
        "generate_floor": floor,
        "build": build,
        "engine_floor": {**engine, "pages": md_files, "page_bytes": md_bytes // md_files, "site_files": floor_site_files, "site_bytes": floor_site_bytes},
        "site": {"files": site_files, "bytes": site_bytes, "html_files": html_files, "html_bytes": html_bytes, "bytes_per_explainer": site_bytes // n},
        "per_explainer_ms": {"generate": round(1000 * gen["seconds"] / n, 2), "build": round(1000 * build["seconds"] / n, 2)},
        "incremental": inc,
    }


def incremental_run(proj: Path) -> dict:
    result = subprocess.run([PY, str(ROOT / "bench" / "run.py"), "incremental", str(proj)], capture_output=True, text=True, cwd=proj)
    if result.returncode != 0:
        raise SystemExit(result.stdout + result.stderr)
    inc = json.loads(result.stdout)
    print(
        f"  incremental: unchanged {inc['unchanged']['seconds']:.2f} s, {inc['unchanged']['written']} written, mtimes kept: {inc['unchanged']['mtimes_kept']}; "
        f"edit body {inc['edit_body']['seconds']:.2f} s ({len(inc['edit_body']['written'])} files); "
        f"edit headline {inc['edit_headline']['seconds']:.2f} s ({len(inc['edit_headline']['written'])} files)",
        flush=True,
    )
    return inc


def snapshot(folder: Path) -> dict[str, tuple[int, int]]:
    return {p.relative_to(folder).as_posix(): (p.stat().st_mtime_ns, p.stat().st_size) for p in folder.rglob("*") if p.is_file()}


def incremental_worker(proj: Path) -> dict:
    """In one process, as `mkdocs serve` does with its plugin's Preview: a first regeneration
    fills the cache; then regenerate unchanged content, then edit one explainer's body, then its
    headline (the file is put back afterwards)."""
    from generator.build import Preview, generate_to

    content, docs = proj / "content", proj / "build" / "docs"
    preview = Preview()
    start = time.perf_counter()
    preview.regenerate(content, docs)
    cold = round(time.perf_counter() - start, 3)
    before = snapshot(docs)
    time.sleep(0.01)
    start = time.perf_counter()
    written = preview.regenerate(content, docs)
    unchanged = {"seconds": round(time.perf_counter() - start, 3), "written": len(written), "mtimes_kept": snapshot(docs) == before}

    paths = sorted((content / "explainers").glob("*.yaml"))
    target = paths[len(paths) // 2]
    original = target.read_text("utf-8")
    out = {"cold": cold, "unchanged": unchanged, "explainer": target.name}
    try:
        for name, edit in [
            ("edit_body", lambda t: t.replace("  - heading: What happened\n    body: |\n      ", "  - heading: What happened\n    body: |\n      Edited. ", 1)),
            ("edit_headline", lambda t: t.replace('headline: "', 'headline: "Edited ', 1)),
        ]:
            text = edit(original)
            assert text != original, name
            target.write_text(text, "utf-8")
            start = time.perf_counter()
            written = preview.regenerate(content, docs)
            out[name] = {"seconds": round(time.perf_counter() - start, 3), "written": written}
        # The engine's share of a preview refresh: a dirty rebuild (only changed pages) into the
        # already built site, as `mkdocs serve --dirty` does (here with its start-up cost added).
        env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "EXPLAINERS_GENERATED": "1"}
        start = time.perf_counter()
        subprocess.run([sys.executable, "-m", "mkdocs", "build", "--dirty", "-q", "-d", str(proj / "site")], cwd=proj, env=env, check=True, capture_output=True)
        out["engine_dirty_rebuild_seconds"] = round(time.perf_counter() - start, 3)
    finally:
        target.write_text(original, "utf-8")
        generate_to(content, docs)
    return out


# ---------------------------------------------------------------- report


def ratio(a: float, b: float) -> float:
    return round(a / b, 2) if b else float("inf")


def targets(runs: list[dict]) -> list[dict]:
    big = runs[-1]
    rows = []
    for r in runs:
        rows.append(
            {
                "target": f"generate within {TARGETS['generate_vs_floor']}x of its floor (N={r['n']})",
                "value": ratio(r["generate"]["seconds"], r["generate_floor"]["seconds"]),
                "limit": TARGETS["generate_vs_floor"],
            }
        )
    for r in runs:
        rows.append(
            {
                "target": f"build within {TARGETS['build_vs_engine_floor']}x of the engine floor (N={r['n']})",
                "value": ratio(r["build"]["seconds"], r["engine_floor"]["seconds"]),
                "limit": TARGETS["build_vs_engine_floor"],
            }
        )
    by_n = {r["n"]: r for r in runs}
    if len(runs) >= 2:
        a, b = runs[-2], runs[-1]
        for key, label in (("build", "build"), ("engine_floor", "engine floor"), ("generate", "generate")):
            exponent = math.log(b[key]["seconds"] / a[key]["seconds"]) / math.log(b["n"] / a["n"])
            limit = TARGETS["build_exponent"] if key == "build" else None
            rows.append(
                {
                    "target": f"{label} time exponent N={a['n']}->{b['n']}" + (f" at most {limit}" if limit else " (for reference)"),
                    "value": round(exponent, 2),
                    "limit": limit,
                }
            )
    peak = max(big["generate"]["peak_rss_mb"], big["build"]["peak_rss_mb"], big["build"]["child_peak_rss_mb"])
    rows.append({"target": f"peak memory at N={big['n']} under {TARGETS['peak_rss_mb']} MB", "value": peak, "limit": TARGETS["peak_rss_mb"]})
    per = [by_n[n]["site"]["bytes_per_explainer"] for n in sorted(by_n)]
    rows.append({"target": "site bytes per explainer not growing with N (largest/smallest N)", "value": ratio(per[-1], per[0]), "limit": 1.05})
    for row in rows:
        row["met"] = None if row["limit"] is None else row["value"] <= row["limit"]
    return rows


def table(runs: list[dict]) -> str:
    head = [
        "N",
        "gen s",
        "gen MB",
        "floor s",
        "build s",
        "gen+eng MB",
        "engine MB",
        "eng floor s",
        "floor MB",
        "site MB",
        "files",
        "KB/expl",
        "ms/expl gen",
        "ms/expl build",
    ]
    lines = [head]
    for r in runs:
        lines.append(
            [
                str(r["n"]),
                f"{r['generate']['seconds']:.2f}",
                f"{r['generate']['peak_rss_mb']:.0f}",
                f"{r['generate_floor']['seconds']:.2f}",
                f"{r['build']['seconds']:.1f}",
                f"{r['build']['peak_rss_mb']:.0f}",
                f"{r['build']['child_peak_rss_mb']:.0f}",
                f"{r['engine_floor']['seconds']:.1f}",
                f"{r['engine_floor']['peak_rss_mb']:.0f}",
                f"{r['site']['bytes'] / 1e6:.1f}",
                str(r["site"]["files"]),
                f"{r['site']['bytes_per_explainer'] / 1024:.1f}",
                f"{r['per_explainer_ms']['generate']:.2f}",
                f"{r['per_explainer_ms']['build']:.1f}",
            ]
        )
    widths = [max(len(row[i]) for row in lines) for i in range(len(head))]
    return "\n".join("  ".join(cell.rjust(w) for cell, w in zip(row, widths, strict=True)) for row in lines)


def main() -> None:
    parser = argparse.ArgumentParser(description="Speed and memory at newsroom scale.")
    parser.add_argument("what", nargs="?", default="bench", choices=["bench", "incremental"])
    parser.add_argument("project", nargs="?", type=Path, help="incremental: the project folder")
    parser.add_argument("--sizes", default="100,1000,5000", help="numbers of explainers (default: 100,1000,5000)")
    parser.add_argument("--incremental-at", type=int, default=1000, help="N at which to measure regeneration (default: 1000)")
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "results.json")
    args = parser.parse_args()
    if args.what == "incremental":
        print(json.dumps(incremental_worker(args.project)))
        return

    sizes = [int(s) for s in args.sizes.split(",")]
    started = time.perf_counter()
    runs = [measure(n, incremental=n == args.incremental_at) for n in sizes]
    rows = targets(runs)
    total = time.perf_counter() - started
    results = {
        "machine": {"cpus": os.cpu_count(), "python": platform.python_version(), "platform": platform.platform()},
        "total_seconds": round(total, 1),
        "runs": runs,
        "targets": rows,
    }
    args.out.write_text(json.dumps(results, indent=2) + "\n", "utf-8")
    print()
    print(table(runs))
    inc = next((r["incremental"] for r in runs if r["incremental"]), None)
    if inc:
        print(
            f"\nlive preview (Preview.regenerate, cache warm) at N={args.incremental_at}: unchanged {inc['unchanged']['seconds']:.2f} s, "
            f"{inc['unchanged']['written']} files written, mtimes kept: {inc['unchanged']['mtimes_kept']}; "
            f"edit one body {inc['edit_body']['seconds']:.2f} s -> {len(inc['edit_body']['written'])} files; "
            f"edit one headline {inc['edit_headline']['seconds']:.2f} s -> {len(inc['edit_headline']['written'])} files; "
            f"engine dirty rebuild {inc['engine_dirty_rebuild_seconds']:.2f} s (with start-up)"
        )
    print("\ntargets:")
    for row in rows:
        mark = "  -  " if row["met"] is None else ("  ok " if row["met"] else " MISS")
        limit = "" if row["limit"] is None else f" (limit {row['limit']})"
        print(f"{mark} {row['target']}: {row['value']}{limit}")
    print(f"\n{args.out} written; the whole run took {total:.0f} s")


if __name__ == "__main__":
    main()
