"""A finding or error whose place in the file is unknown names the file alone, never `file:0:0`."""

from __future__ import annotations

import json

from authoring.errors import InputError, Pos


def _dangling_task(copy_pack):
    pack = copy_pack("clean")
    (pack / "tasks" / "gone.yaml").symlink_to("nowhere.yaml")  # exists as a name, cannot be read
    return pack


def test_text_finding_without_a_line_names_the_file_alone(copy_pack, run):
    result = run("lint", _dangling_task(copy_pack))
    [line] = [line for line in result.output.splitlines() if "gone.yaml" in line]
    assert line.startswith("packs/clean/tasks/gone.yaml: error: ")
    assert ":0" not in result.output


def test_github_finding_without_a_line_has_no_line_or_col(copy_pack, run):
    result = run("lint", "--format", "github", _dangling_task(copy_pack))
    [line] = [line for line in result.output.splitlines() if "gone.yaml" in line]
    assert line.startswith("::error file=packs/clean/tasks/gone.yaml,title=")


def test_sarif_finding_without_a_line_has_no_region(copy_pack, run):
    log = json.loads(run("lint", "--format", "sarif", _dangling_task(copy_pack)).output)
    [location] = [r["locations"][0]["physicalLocation"] for r in log["runs"][0]["results"]
                  if r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"].endswith("gone.yaml")]
    assert "region" not in location


def test_error_with_a_line_and_no_column_prints_the_line_alone():
    assert str(InputError("bad", Pos("a.po", 7))) == "a.po:7: bad"
    assert str(Pos("a.po", 0, 3)) == "a.po"
