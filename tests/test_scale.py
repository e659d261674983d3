"""Scale: the structural properties that keep the build linear in the number of explainers, on
small synthesised content (bench/synth.py). The timings themselves are in `make bench`."""

from __future__ import annotations

import importlib.util
import math
from pathlib import Path

import pytest
import yaml

from generator.build import generate_to
from generator.generate import check

ROOT = Path(__file__).resolve().parent.parent
_spec = importlib.util.spec_from_file_location("bench_synth", ROOT / "bench" / "synth.py")
synth = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(synth)

SMALL, LARGE = 30, 90
NAV = ["index.md", "conflicts/index.md", "people/index.md", "parties/index.md", "archive/index.md", "tags/index.md", "about.md", "guide/index.md"]


class _ConfigLoader(yaml.SafeLoader):
    """Reads mkdocs.yml: `!ENV [NAME, default]` gives the default."""


_ConfigLoader.add_constructor("!ENV", lambda loader, node: loader.construct_sequence(node)[-1])


def nav_files(nav) -> list[str]:
    out = []
    for item in nav:
        value = next(iter(item.values())) if isinstance(item, dict) else item
        out += nav_files(value) if isinstance(value, list) else [value]
    return out


@pytest.fixture(scope="module")
def generated(tmp_path_factory) -> dict[int, tuple[Path, Path]]:
    """Content and generated docs for a small and a three times larger archive."""
    out = {}
    for n in (SMALL, LARGE):
        root = tmp_path_factory.mktemp(f"n{n}")
        synth.write(n, root / "content")
        generate_to(root / "content", root / "docs")
        out[n] = (root / "content", root / "docs")
    return out


def snapshot(folder: Path) -> dict[str, tuple[int, bytes]]:
    return {p.relative_to(folder).as_posix(): (p.stat().st_mtime_ns, p.read_bytes()) for p in folder.rglob("*") if p.is_file()}


def test_synthesised_content_is_valid_and_deterministic(tmp_path, generated):
    content, _ = generated[SMALL]
    index = check(content)
    assert len(index.explainers) == SMALL
    assert sum(len(e.quotes) for e in index.explainers) == 12 * SMALL
    synth.write(SMALL, tmp_path / "again")
    assert snapshot_bytes(tmp_path / "again") == snapshot_bytes(content)


def snapshot_bytes(folder: Path) -> dict[str, bytes]:
    return {k: v for k, (_, v) in snapshot(folder).items()}


def test_nav_is_fixed_and_lists_no_explainer(generated):
    """MkDocs' cost per page grows with the nav; the nav must not grow with the archive."""
    config = yaml.load((ROOT / "mkdocs.yml").read_text("utf-8"), Loader=_ConfigLoader)
    files = nav_files(config["nav"])
    assert files == NAV
    assert not any(f.startswith("explainers/") for f in files)
    for n in (SMALL, LARGE):
        docs = generated[n][1]
        for rel in files:
            assert (docs / rel).is_file() or rel == "about.md", rel


def cards(page: str) -> int:
    return page.count('<li class="card">')


def test_home_pages_list_at_most_per_page(generated):
    for n in (SMALL, LARGE):
        content, docs = generated[n]
        per_page = check(content).site.per_page
        home = [docs / "index.md", *sorted((docs / "page").glob("*/index.md"))]
        assert len(home) == math.ceil(n / per_page)
        assert all(cards(p.read_text("utf-8")) <= per_page for p in home)
        assert sum(cards(p.read_text("utf-8")) for p in home) == n


def test_explainer_pages_do_not_grow_with_the_archive(generated):
    """An explainer's page holds its own story and quotes and its conflict's background, and
    nothing about the rest of the archive."""

    def mean_size(docs: Path) -> float:
        pages = list((docs / "explainers").glob("*/index.md"))
        return sum(p.stat().st_size for p in pages) / len(pages)

    assert mean_size(generated[LARGE][1]) < 1.25 * mean_size(generated[SMALL][1])


def test_generated_bytes_per_explainer_do_not_grow(generated):
    def per_explainer(docs: Path, n: int) -> float:
        return sum(p.stat().st_size for p in docs.rglob("*") if p.is_file()) / n

    assert per_explainer(generated[LARGE][1], LARGE) < 1.25 * per_explainer(generated[SMALL][1], SMALL)


def test_no_list_page_grows_with_the_archive(generated):
    """Besides the explainers themselves, the largest page should not grow with N."""

    def largest(docs: Path) -> int:
        return max(p.stat().st_size for p in docs.rglob("*.md") if not p.relative_to(docs).as_posix().startswith("explainers/"))

    assert largest(generated[LARGE][1]) < 1.5 * largest(generated[SMALL][1])


def test_regenerating_unchanged_content_writes_nothing(generated):
    content, docs = generated[SMALL]
    before = snapshot(docs)
    _, written = generate_to(content, docs)
    assert written == []
    assert snapshot(docs) == before


def allowed_for(content: Path, slug: str) -> set[str]:
    """What an edit of one explainer may rewrite: its page, and the pages and feeds that list
    it or its quotes. The set depends on the explainer alone, not on the size of the archive."""
    index = check(content)
    position, e = next((i, x) for i, x in enumerate(index.explainers) if x.slug == slug)
    home = position // index.site.per_page + 1
    speakers = {q.speaker for q in e.quotes}
    parties = {r.party for pid in speakers for r in index.people[pid].roles if r.party}
    # Paginated lists: any page of the list may hold the explainer or its quotes.
    lists = [f"archive/{e.published.year:04d}/{e.published.month:02d}/", f"conflicts/{e.conflict}/"]
    lists += [f"tags/{t}/" for t in e.tags] + [f"people/{pid}/" for pid in speakers] + [f"parties/{pid}/" for pid in parties]
    return {
        f"explainers/{slug}/index.md",
        "index.md" if home == 1 else f"page/{home}/index.md",
        *(f"conflicts/{e.conflict}/{name}" for name in ("atom.xml", "feed.json")),
        "atom.xml",
        "feed.json",
        *(f"{base}index.md" for base in lists),
        *(f"{base}page/{n}/index.md" for base in lists for n in range(2, 100)),
    }


@pytest.mark.parametrize("edit", ["body", "headline"])
def test_editing_one_explainer_rewrites_a_bounded_set(tmp_path, edit):
    content, docs = tmp_path / "content", tmp_path / "docs"
    synth.write(SMALL, content)
    generate_to(content, docs)
    target = sorted((content / "explainers").glob("*.yaml"))[SMALL // 2]
    text = target.read_text("utf-8")
    if edit == "body":
        changed = text.replace("    body: |\n      ", "    body: |\n      Edited. ", 1)
    else:
        changed = text.replace('headline: "', 'headline: "Edited ', 1)
    assert changed != text
    target.write_text(changed, "utf-8")
    before = snapshot(docs)
    _, written = generate_to(content, docs)
    after = snapshot(docs)
    slug = target.stem
    if edit == "body":
        assert written == [f"explainers/{slug}/index.md"]
    else:
        assert f"explainers/{slug}/index.md" in written
        assert set(written) <= allowed_for(content, slug)
    for rel, (mtime, data) in before.items():
        if rel not in written:
            assert after[rel] == (mtime, data), rel
