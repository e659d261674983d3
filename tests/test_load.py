"""Strict YAML loading: every surprise is an error at its line and column, never a traceback."""

from __future__ import annotations

import time

import pytest

from generator.load import load


def errors(tmp_path, text: str | bytes) -> list[str]:
    path = tmp_path / "x.yaml"
    path.write_bytes(text.encode() if isinstance(text, str) else text)
    _, found = load(path, "content/people/x.yaml")
    return [str(e) for e in found]


def data(tmp_path, text: str):
    path = tmp_path / "x.yaml"
    path.write_text(text)
    doc, found = load(path, "x.yaml")
    assert found == []
    return doc


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("name: A\nname: B\n", "content/people/x.yaml:2:1: name: duplicate key 'name' (first at line 1); keep only one"),
        ("a: &x 1\nb: *x\n", "content/people/x.yaml:1:4: a: anchors and aliases (&name, *name) are not allowed; write the value out in full"),
        (
            "a: !!python/object:os.system echo\n",
            "content/people/x.yaml:1:4: a: explicit tags such as 'tag:yaml.org,2002:python/object:os.system' are not allowed; remove the '!' part",
        ),
        ("a: !include other.yaml\n", "content/people/x.yaml:1:4: a: explicit tags such as '!include' are not allowed; remove the '!' part"),
        ("a: 1\n---\nb: 2\n", "content/people/x.yaml:2:1: (file): a file holds one document; remove the '---' and what follows it, or move it to its own file"),
        ("- a\n- b\n", "content/people/x.yaml:1:1: (file): the file must be a mapping of 'key: value' lines, not a list or a single value"),
        ("", "content/people/x.yaml:1:1: (file): the file is empty"),
        ("# only a comment\n", "content/people/x.yaml:1:1: (file): the file is empty"),
        (
            "name: We're #1 in Aleppo\n",
            "content/people/x.yaml:1:13: name: ' #' starts a comment, so the text after it is dropped; put the whole value in quotes, or move the comment to a line of its own",
        ),
        ("a:\n\t- b\n", "content/people/x.yaml:2:1: (file): tab character; YAML needs spaces, so replace the tab with spaces"),
        ("a: [1, 2\n", "content/people/x.yaml:2:1: (file): not valid YAML: did not find expected ',' or ']'"),
        ("a: x\x07y\n", "content/people/x.yaml:1:5: (file): control character U+0007; delete it"),
        ("na\u200bme: x\n", "content/people/x.yaml:1:1: na\u200bme: key contains the invisible character U+200B; retype the key"),
        ("? [a]\n: b\n", "content/people/x.yaml:1:3: (file): a key must be a plain word, not a list or mapping"),
    ],
)
def test_yaml_surprises_are_located_errors(tmp_path, text, expected):
    assert expected in errors(tmp_path, text)


def test_byte_order_mark_is_an_error(tmp_path):
    assert errors(tmp_path, b"\xef\xbb\xbfname: A\n") == [
        "content/people/x.yaml:1:1: (file): the file starts with a byte order mark (BOM); save it as UTF-8 without BOM"
    ]


def test_non_utf8_bytes_are_located(tmp_path):
    assert errors(tmp_path, b"name: A\nrole: caf\xe9\n") == ["content/people/x.yaml:2:10: (file): byte 0xE9 is not UTF-8; save the file as UTF-8"]


def test_scalars_keep_the_text_typed(tmp_path):
    doc = data(tmp_path, "a: no\nb: on\nc: 1.10\nd: 0123\ne: 12:30\nf: 2016-10-18\ng: ~\nh:\ni: '007'\n")
    assert doc.data == {"a": "no", "b": "on", "c": "1.10", "d": "0123", "e": "12:30", "f": "2016-10-18", "g": "~", "h": None, "i": "007"}


def test_positions_of_nested_values(tmp_path):
    doc = data(tmp_path, "quotes:\n  - speaker: x\n    text: >-\n      hello\n")
    assert doc.values[("quotes", 0, "speaker")] == (2, 14)
    assert doc.keys[("quotes", 0, "text")] == (3, 5)
    assert doc.position(("quotes", 0, "missing")) == (2, 5)


def test_deep_nesting_stops_early(tmp_path):
    text = "a: " + "[" * 5000 + "]" * 5000 + "\n"
    found = errors(tmp_path, text)
    assert found == ["content/people/x.yaml:1:13: a[0][0][0][0][0][0][0][0][0]: nested more than 10 levels deep"]


def test_alias_bomb_is_refused_in_bounded_time(tmp_path):
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x]"]
    lines += [f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 9) + "]" for i in range(1, 10)]
    start = time.perf_counter()
    found = errors(tmp_path, "\n".join(lines) + "\n")
    assert time.perf_counter() - start < 1
    assert found == ["content/people/x.yaml:1:5: a0: anchors and aliases (&name, *name) are not allowed; write the value out in full"]


def test_oversized_file_is_refused_before_parsing(tmp_path):
    found = errors(tmp_path, "a: " + "x" * 300_000 + "\n")
    assert found == ["content/people/x.yaml:1:1: (file): the file is 300004 bytes; the limit is 262144"]
