"""Two `<<` merge keys in one mapping are refused: YAML 1.1 leaves their order and precedence open."""

from __future__ import annotations

import pytest

from authoring.yamlsrc import YamlError, parse_yaml

TWO_MERGES = "a: &a {x: 1}\nb: &b {x: 2}\nc:\n  <<: *a\n  <<: *b\n"


def _error(text: str) -> YamlError:
    with pytest.raises(YamlError) as info:
        parse_yaml(text.encode("utf-8"), "f.yaml")
    return info.value


def test_two_merge_keys_in_one_mapping_are_refused_at_the_second():
    error = _error(TWO_MERGES)
    assert (error.pos.line, error.pos.column) == (5, 3)
    assert "line 4" in error.message and "<<: [*a, *b]" in error.message


def test_two_merge_keys_in_a_flow_mapping_are_refused():
    error = _error("a: &a {x: 1}\nc: {<<: *a, <<: *a}\n")
    assert (error.pos.line, error.pos.column) == (2, 13)


def test_merge_keys_in_two_mappings_are_each_fine():
    doc = parse_yaml(b"a: &a {x: 1}\nc:\n  <<: *a\nd:\n  <<: *a\n  y: 2\n", "f.yaml")
    assert doc.data["c"] == {"x": 1} and doc.data["d"] == {"x": 1, "y": 2}


def test_two_merge_keys_in_a_task_file_are_one_yaml_syntax_finding(copy_pack, run):
    pack = copy_pack("clean")
    path = pack / "tasks" / "enable-website.yaml"
    path.write_text(path.read_text(encoding="utf-8") + "x-defaults: &d {a: 1}\nx-step:\n  <<: *d\n  <<: *d\n")
    result = run("lint", pack)
    assert result.exit_code == 1
    [line] = [line for line in result.output.splitlines() if "enable-website.yaml" in line]
    assert line.endswith("[yaml-syntax]")
    assert "Traceback" not in result.output
