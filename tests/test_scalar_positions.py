"""Positions inside text values: a character of the parsed value maps back to its own line and column."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from authoring.errors import Pos
from authoring.yamlsrc import YamlError, parse_yaml

MARK = "{function_nme}"


def source_position(text: str, needle: str) -> tuple[int, int]:
    """Where `needle` is written in `text` (1-based); it must occur once."""
    assert text.count(needle) == 1, needle
    before = text[: text.index(needle)]
    return before.count("\n") + 1, len(before) - (before.rfind("\n") + 1) + 1


def position_of(text: str, needle: str = MARK, path: tuple = ("description",)) -> tuple[int, int]:
    doc = parse_yaml(text.encode("utf-8"), "f.yaml")
    value = doc.data
    for part in path:
        value = value[part]
    pos = doc.text_pos(path, value.index(needle))
    return pos.line, pos.column


STYLES = {
    "literal": "description: |\n  Deploy the function.\n\n  Then call `" + MARK + "` once.\n",
    "literal strip": "id: x\ndescription: |-\n  One.\n  Two.\n\n\n    indented\n  Call " + MARK + " now.\n",
    "literal keep, explicit indentation": "description: |+2\n   leading space\n  and " + MARK + "\n\n",
    "folded": "description: >\n  A long line\n  folded into one\n\n  paragraph with " + MARK + " inside.\n",
    "folded strip, more-indented lines": "description: >-\n  Text\n    code block\n  after " + MARK + ".\n",
    "double quoted, multi-line": 'description: "First line\n  second line   \n\n  then ' + MARK + ' here"\n',
    "double quoted, escapes": 'description: "tab\\there \\u00e9\\\\ \\"q\\" \\\n   joined ' + MARK + '"\n',
    "single quoted, multi-line": "description: 'It''s\n  folded and ''quoted'' before " + MARK + "'\n",
    "plain, multi-line": "description: A plain value\n  that goes on\n\n  to " + MARK + " here\n",
    "plain, one line, after an anchor": "description: &d Call " + MARK + " now\n",
    "in a list, in a flow mapping": "hints:\n  - {text: \"see " + MARK + "\", cost: 5}\n",
}


@pytest.mark.parametrize("style", sorted(STYLES))
def test_a_character_of_the_value_is_reported_where_it_is_written(style):
    text = STYLES[style]
    path = ("hints", 0, "text") if style.startswith("in a list") else ("description",)
    assert position_of(text, path=path) == source_position(text, MARK)


def test_block_scalar_finding_is_on_its_own_line_not_at_the_indicator():
    text = "id: x\ndescription: |-\n" + "".join(f"  line {i}\n" for i in range(1, 9)) + "  uses " + MARK + "\n"
    assert position_of(text) == (11, 8)


def test_first_and_last_characters_of_a_folded_value():
    text = "description: >-\n  alpha\n  omega\n"
    doc = parse_yaml(text.encode(), "f.yaml")
    assert doc.data["description"] == "alpha omega"
    assert doc.text_pos(("description",), 0) == Pos("f.yaml", 2, 3)
    assert doc.text_pos(("description",), 10) == Pos("f.yaml", 3, 7)


def test_an_aliased_value_falls_back_to_where_the_alias_is():
    doc = parse_yaml(b"a: &t 'hello {x}'\nb: *t\n", "f.yaml")
    assert doc.text_pos(("b",), 6) == doc.pos(("b",)) == Pos("f.yaml", 2, 4)


def test_an_offset_past_the_end_falls_back_to_the_value():
    doc = parse_yaml(b"a: hello\n", "f.yaml")
    assert doc.text_pos(("a",), 99) == doc.pos(("a",))


def test_a_value_that_is_not_text_falls_back_to_the_value():
    doc = parse_yaml(b"a: [1, 2]\n", "f.yaml")
    assert doc.text_pos(("a",), 0) == doc.pos(("a",))


@pytest.mark.parametrize("style", sorted(set(STYLES) - {"double quoted, escapes"}))
def test_every_character_of_the_value_maps_to_the_same_character_in_the_source(style):
    text = STYLES[style]
    path = ("hints", 0, "text") if style.startswith("in a list") else ("description",)
    doc = parse_yaml(text.encode(), "f.yaml")
    value = doc.data
    for part in path:
        value = value[part]
    lines = text.splitlines()
    for offset, char in enumerate(value):
        pos = doc.text_pos(path, offset)
        if char not in " \n":  # line breaks and folded spaces stand at the end of their line
            assert lines[pos.line - 1][pos.column - 1] == char, (offset, char, pos)


PIECES = st.sampled_from(
    ["a", "{x}", " ", "  ", "\n", "\n  ", "\n\n  ", "\t", "'", "''", '"', "\\", "\\n", "\\x4", "\\u00e9", "#", ": ",
     "|", "|-", ">", ">+", "|2", "&a ", "!!str ", "- ", "é", "\\\n"]
)


def _strings(value, path=()):
    if isinstance(value, str):
        yield path, value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _strings(item, path + (key,))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _strings(item, path + (index,))


@settings(max_examples=400, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(PIECES, max_size=20).map("".join))
def test_every_offset_of_every_text_maps_to_a_place_in_the_file_or_to_the_value(body):
    text = "description: " + body + "\nnext: 1\n"
    try:
        doc = parse_yaml(text.encode(), "f.yaml")
    except YamlError:
        return
    lines = text.splitlines()
    for path, value in _strings(doc.data):
        for offset in range(len(value)):
            pos = doc.text_pos(path, offset)
            assert 1 <= pos.line <= len(lines) + 1
            if value[offset] not in " \n" and pos != doc.pos(path):
                assert lines[pos.line - 1][pos.column - 1 : pos.column] in (value[offset], "\\")
