"""The live preview's cache: one edit re-reads one file and re-renders only what it touches,
and the result is exactly what a fresh generation writes."""

from __future__ import annotations

import shutil

import pytest

from generator import render_explainer
from generator.build import Preview, generate_to
from generator.errors import ContentErrors
from tests.conftest import FIXTURES


def tree(folder):
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_preview_regenerates_only_what_an_edit_touches(tmp_path, monkeypatch):
    content = tmp_path / "content"
    shutil.copytree(FIXTURES / "content", content)
    preview = Preview()
    preview.regenerate(content, tmp_path / "docs")
    rendered = []
    original = render_explainer.render_explainer
    monkeypatch.setattr("generator.generate.render_explainer", lambda index, e: rendered.append(e.slug) or original(index, e))

    assert preview.regenerate(content, tmp_path / "docs") == []
    assert rendered == []

    path = content / "explainers/aid-convoy.yaml"
    path.write_text(path.read_text().replace("The convoy arrived.", "The convoy arrived at dawn."))
    assert preview.regenerate(content, tmp_path / "docs") == ["explainers/aid-convoy/index.md"]
    assert rendered == ["aid-convoy"]

    # A person's file feeds every explainer that quotes them.
    rendered.clear()
    person = content / "people/amal-haddad.yaml"
    person.write_text(person.read_text().replace("title: Council chair", "title: Council president"))
    preview.regenerate(content, tmp_path / "docs")
    assert sorted(rendered) == ["talks-break-down", "truce-signed"]

    generate_to(content, tmp_path / "fresh")
    assert tree(tmp_path / "docs") == tree(tmp_path / "fresh")


def test_preview_keeps_the_last_good_pages_on_a_content_error(tmp_path):
    content = tmp_path / "content"
    shutil.copytree(FIXTURES / "content", content)
    preview = Preview()
    preview.regenerate(content, tmp_path / "docs")
    before = tree(tmp_path / "docs")
    (content / "people/dana-levi.yaml").write_text("name: [broken\n")
    with pytest.raises(ContentErrors):
        preview.regenerate(content, tmp_path / "docs")
    assert tree(tmp_path / "docs") == before


def test_hand_written_pages_may_not_take_the_sites_own_names(tmp_path):
    content = tmp_path / "content"
    shutil.copytree(FIXTURES / "content", content)
    (content / "pages/tags.md").write_text("# Tags by hand\n")
    with pytest.raises(ContentErrors) as raised:
        generate_to(content, tmp_path / "docs")
    assert [str(e) for e in raised.value.errors] == ["content/pages/tags.md:1:1: (file): 'tags' is one of the site's own pages; rename the file"]
    assert not (tmp_path / "docs").exists()
