"""Lint findings about part of a text stand at that part, and the usual YAML mistakes are one finding with
the cause named."""

from __future__ import annotations

from conftest import PACKS, TESTS, edit

from authoring.config import Config
from authoring.lint import lint_paths

W = "tasks/enable-website.yaml"


def findings(pack: str, root=TESTS):
    return lint_paths([str(PACKS / pack) if root is TESTS else str(root / "packs" / pack)], root, Config()).findings


def test_undefined_variable_in_line_9_of_a_block_description_is_reported_on_line_9(copy_pack, content_root):
    pack = copy_pack("clean")
    lines = "".join(f"  Paragraph line {i}.\n" for i in range(5, 9))
    edit(pack / W, "  Turn on static website hosting on `{site_bucket}` so that `index.html` is served for `/`.\n",
         f"  Turn on static website hosting.\n{lines}  Then call `{{function_nme}}` once.\n")
    [finding] = findings("clean", content_root)
    assert (finding.rule, finding.line, finding.column) == ("undefined-variable", 9, 14)
    assert (pack / W).read_text().splitlines()[8][13:].startswith("{function_nme}")


def test_undefined_variable_in_a_folded_description_is_reported_at_the_placeholder(copy_pack, content_root):
    pack = copy_pack("clean")
    edit(pack / W, "description: |-\n  Turn on static website hosting on `{site_bucket}`",
         "description: >-\n  Turn on static\n  website hosting on `{site_buckt}`")
    [finding] = findings("clean", content_root)
    assert (finding.line, finding.column) == (5, 23)


def test_undefined_variable_in_a_quoted_param_is_reported_at_the_placeholder():
    [finding] = findings("undefined-var")
    line = (PACKS / "undefined-var" / "tasks/enable-versioning.yaml").read_text().splitlines()[finding.line - 1]
    assert line[finding.column - 1 :].startswith("{site_buckt}")


def test_solution_save_in_a_fail_message_says_validators_see_setup_saves_only():
    [finding] = findings("solution-save-in-validator")
    assert finding.rule == "undefined-variable"
    assert "validators see setup saves only" in finding.message


def test_unquoted_placeholder_value_is_one_yaml_finding_saying_quote_it():
    [finding] = findings("unquoted-placeholder")
    assert (finding.rule, finding.file, finding.line, finding.column) == (
        "yaml-syntax", f"packs/unquoted-placeholder/{W}", 18, 22,
    )
    assert "placeholder at the start of a value must be quoted" in finding.message


def test_colon_in_a_value_names_the_cause():
    [finding] = findings("colon-in-value")
    assert "quote the value" in finding.message


def test_misspelled_file_reference_asks_did_you_mean_at_the_key(copy_pack, content_root):
    pack = copy_pack("clean")
    edit(pack / "pack.yaml", "Body: {$asset: assets/index.html}", "Body: {$assett: assets/index.html}")
    [finding] = findings("clean", content_root)
    assert (finding.rule, finding.line, finding.column) == ("invalid-params", 27, 14)
    assert "did you mean `$asset`" in finding.message


def test_misspelled_zip_reference_suggests_zip(copy_pack, content_root):
    pack = copy_pack("clean")
    edit(pack / "pack.yaml", "Body: {$asset: assets/index.html}", "Body: {$zipp: assets/index.html}")
    [finding] = findings("clean", content_root)
    assert "did you mean `$zip`" in finding.message
