"""`mcx-author lint`, `schema` and `new` through the real command line, in-process with CliRunner."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import yaml
from conftest import PACKS, TESTS, edit
from jsonschema import Draft7Validator, Draft202012Validator

from authoring.lint.registry import load_rules

SARIF_SCHEMA = json.loads((TESTS / "data" / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
W_FILE = "tasks/enable-website.yaml"
GITHUB_LINE = re.compile(r"^::(error|warning) file=([^,:]*),line=(\d+),col=(\d+),title=([^,:]*)::(.*)$")


def lint(run, root: Path, *args: str):
    return run("--root", root, "lint", *args)


# --- exit codes -------------------------------------------------------------------------------------


def test_clean_pack_exits_0(run):
    result = lint(run, TESTS, PACKS / "clean")
    assert result.exit_code == 0
    assert result.stdout == "no problems in 3 files\n"


def test_clean_pack_exits_0_with_strict(run):
    assert lint(run, TESTS, "--strict", PACKS / "clean").exit_code == 0


def test_errors_exit_1(run):
    assert lint(run, TESTS, PACKS / "wrong-type").exit_code == 1


def test_warnings_only_exit_0_without_strict(run):
    result = lint(run, TESTS, PACKS / "unused-component")
    assert result.exit_code == 0
    assert "0 errors, 1 warning" in result.stdout


def test_warnings_only_exit_1_with_strict(run):
    assert lint(run, TESTS, "--strict", PACKS / "unused-component").exit_code == 1


def test_unknown_option_exits_2(run):
    result = lint(run, TESTS, "--bogus", PACKS / "clean")
    assert result.exit_code == 2
    assert "--bogus" in result.stderr


def test_missing_path_exits_2(run):
    result = lint(run, TESTS, PACKS / "no-such-pack")
    assert result.exit_code == 2
    assert "no-such-pack" in result.stderr


def test_unknown_format_exits_2(run):
    result = lint(run, TESTS, "--format", "xml", PACKS / "clean")
    assert result.exit_code == 2
    assert "xml" in result.stderr


def test_missing_root_exits_2(run, tmp_path):
    assert run("--root", tmp_path / "nowhere", "lint").exit_code == 2


def test_list_rules_lists_every_rule_with_its_severity(run):
    result = run("lint", "--list-rules")
    assert result.exit_code == 0
    listed = {line.split()[0]: line.split()[1] for line in result.stdout.splitlines()}
    assert listed == {rule_id: rule.severity for rule_id, rule in load_rules().items()}


# --- output formats ---------------------------------------------------------------------------------


def test_text_format_is_file_line_column_severity_message_rule(run):
    result = lint(run, TESTS, PACKS / "wrong-type")
    assert result.stdout.splitlines() == [
        "packs/wrong-type/tasks/enable-website.yaml:13:9: error: `points` must be an integer, not text [schema]",
        "1 error, 0 warnings in 3 files",
    ]


def test_json_format_has_exactly_the_contract_keys(run):
    result = lint(run, TESTS, "--format", "json", PACKS / "param-typo", PACKS / "unused-component")
    payload = json.loads(result.stdout)
    assert set(payload) == {"findings", "summary"}
    assert set(payload["summary"]) == {"errors", "warnings", "files"}
    assert payload["summary"] == {"errors": 1, "warnings": 1, "files": 6}
    assert len(payload["findings"]) == 2
    for finding in payload["findings"]:
        assert set(finding) == {"rule", "severity", "file", "line", "column", "message"}
        assert isinstance(finding["line"], int) and isinstance(finding["column"], int)
        assert finding["severity"] in ("error", "warning")


def test_json_finding_values(run):
    payload = json.loads(lint(run, TESTS, "--format", "json", PACKS / "highlight-typo").stdout)
    assert payload["findings"] == [
        {
            "rule": "unknown-reference",
            "severity": "error",
            "file": "packs/highlight-typo/tasks/enable-website.yaml",
            "line": 12,
            "column": 13,
            "message": "unknown component `site-bukket` (did you mean `site-bucket`?)",
        }
    ]


def test_json_for_a_clean_pack_has_no_findings(run):
    payload = json.loads(lint(run, TESTS, "--format", "json", PACKS / "clean").stdout)
    assert payload == {"findings": [], "summary": {"errors": 0, "warnings": 0, "files": 3}}


def test_sarif_validates_against_the_sarif_2_1_0_schema(run):
    result = lint(run, TESTS, "--format", "sarif", PACKS / "param-typo", PACKS / "unused-component")
    log = json.loads(result.stdout)
    errors = sorted(Draft7Validator(SARIF_SCHEMA).iter_errors(log), key=lambda e: list(e.path))
    assert errors == [], [e.message for e in errors]


def test_sarif_of_a_clean_pack_validates(run):
    log = json.loads(lint(run, TESTS, "--format", "sarif", PACKS / "clean").stdout)
    Draft7Validator(SARIF_SCHEMA).validate(log)
    assert log["runs"][0]["results"] == []


def test_sarif_results_carry_rule_level_and_region(run):
    log = json.loads(lint(run, TESTS, "--format", "sarif", PACKS / "unused-component").stdout)
    [run_] = log["runs"]
    [result] = run_["results"]
    assert result["ruleId"] == "unused-component"
    assert result["level"] == "warning"
    location = result["locations"][0]["physicalLocation"]
    assert location["artifactLocation"]["uri"] == "packs/unused-component/pack.yaml"
    assert location["region"] == {"startLine": 35, "startColumn": 12}
    rules = run_["tool"]["driver"]["rules"]
    assert rules[result["ruleIndex"]]["id"] == "unused-component"
    assert {r["id"] for r in rules} == set(load_rules())


def test_github_format_is_one_workflow_command_per_finding(run):
    result = lint(run, TESTS, "--format", "github", PACKS / "param-typo", PACKS / "unused-component")
    lines = result.stdout.splitlines()
    assert len(lines) == 2
    parsed = [GITHUB_LINE.match(line) for line in lines]
    assert all(parsed), lines
    assert {(m[1], m[2], m[3], m[4], m[5]) for m in parsed} == {
        ("error", "packs/param-typo/tasks/enable-website.yaml", "38", "7", "invalid-params"),
        ("warning", "packs/unused-component/pack.yaml", "35", "12", "unused-component"),
    }


def test_github_format_prints_nothing_for_a_clean_pack(run):
    result = lint(run, TESTS, "--format", "github", PACKS / "clean")
    assert (result.exit_code, result.stdout) == (0, "")


def test_github_format_escapes_properties_and_message(run, copy_pack, content_root):
    pack = copy_pack("clean")
    (pack / "tasks" / "notes:v1,draft.txt").write_text("not a task\n")  # `:` and `,` in the file property
    edit(pack / "tasks" / "enable-website.yaml", "objectives:", '"100%\\nsure": true\nobjectives:')
    result = lint(run, content_root, "--format", "github", pack)
    lines = result.stdout.splitlines()
    assert "::warning file=packs/clean/tasks/notes%3Av1%2Cdraft.txt,line=1,col=1,title=orphan-file::" in result.stdout
    [unknown_key] = [line for line in lines if "title=unknown-key" in line]
    assert unknown_key.startswith("::error file=packs/clean/tasks/enable-website.yaml,line=5,col=1,title=unknown-key::")
    assert "unknown key `100%25%0Asure`" in unknown_key
    assert len(lines) == 2  # the newline in the message did not split the command


# --- paths ------------------------------------------------------------------------------------------


def test_paths_in_output_are_relative_to_the_content_root(run, copy_pack, content_root):
    pack = copy_pack("param-typo")
    payload = json.loads(lint(run, content_root, "--format", "json", pack.resolve()).stdout)
    assert {f["file"] for f in payload["findings"]} == {"packs/param-typo/tasks/enable-website.yaml"}


def test_content_root_is_found_upwards_from_the_current_directory(run, copy_pack, monkeypatch):
    pack = copy_pack("unused-component")
    monkeypatch.chdir(pack / "tasks")
    result = run("lint", "--format", "json")
    assert [f["file"] for f in json.loads(result.stdout)["findings"]] == ["packs/unused-component/pack.yaml"]


def test_root_option_overrides_the_current_directory(run, copy_pack, content_root, monkeypatch, tmp_path):
    copy_pack("unused-component")
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)
    result = run("--root", content_root, "lint")  # no paths: every pack under the root
    assert result.exit_code == 0
    assert result.stdout.startswith("packs/unused-component/pack.yaml:35:12: warning:")


def test_lint_accepts_a_pack_yaml_path(run):
    result = lint(run, TESTS, PACKS / "wrong-type" / "pack.yaml")
    assert result.exit_code == 1
    assert "packs/wrong-type/tasks/enable-website.yaml:13:9" in result.stdout



def test_lint_of_a_task_file_reports_only_that_files_findings(run):
    pack = PACKS / "param-typo"
    assert lint(run, TESTS, pack / "tasks" / "enable-versioning.yaml").stdout.startswith("no problems")
    result = lint(run, TESTS, "--format", "json", pack / "tasks" / "enable-website.yaml")
    assert result.exit_code == 1
    assert {f["file"] for f in json.loads(result.stdout)["findings"]} == {"packs/param-typo/tasks/enable-website.yaml"}


def test_lint_of_a_task_file_still_checks_references_to_other_files(run):
    result = lint(run, TESTS, PACKS / "unknown-dependency" / "tasks" / "enable-website.yaml")
    assert result.exit_code == 1
    assert "enable-website.yaml:11:14: error: unknown task `enable-versoning`" in result.stdout


def test_lint_of_several_packs_reports_each(run):
    result = lint(run, TESTS, "--format", "json", PACKS / "clean", PACKS / "wrong-type", PACKS / "unused-component")
    payload = json.loads(result.stdout)
    assert [f["file"].split("/")[1] for f in payload["findings"]] == ["unused-component", "wrong-type"]
    assert payload["summary"] == {"errors": 1, "warnings": 1, "files": 9}

# --- suppression and configuration -------------------------------------------------------------------

LEAK_LINE = "  - text: The index document is `index.html`.\n"  # line 9 of free-hint-leak's enable-website.yaml


def _findings(run, root: Path, pack: Path) -> set[tuple[str, str, int]]:
    payload = json.loads(lint(run, root, "--format", "json", pack).stdout)
    return {(f["rule"], f["file"].split("/", 2)[2], f["line"]) for f in payload["findings"]}


def test_inline_suppression_hides_that_finding(run, copy_pack, content_root):
    pack = copy_pack("free-hint-leak")
    edit(pack / W_FILE, LEAK_LINE, LEAK_LINE.rstrip("\n") + "  # mcx: disable=hint-leak\n")
    assert _findings(run, content_root, pack) == set()


def test_inline_suppression_hides_only_that_line_and_rule(run, copy_pack, content_root):
    pack = copy_pack("free-hint-leak")
    edit(pack / W_FILE, LEAK_LINE, LEAK_LINE.rstrip("\n") + "  # mcx: disable=hint-leak\n")
    # the same mistake on another line and another rule's finding in the same file stay reported
    edit(pack / W_FILE, "  - text: Look at the bucket's **Properties** tab.", "  - text: Use `index.html`.")
    edit(pack / W_FILE, "highlight: [site-bucket]", "highlight: [site-bucket, cdn]")
    assert _findings(run, content_root, pack) == {
        ("hint-leak", W_FILE, 8),
        ("unknown-reference", W_FILE, 11),  # free-hint-leak lost the `cost:` line
    }


def test_inline_suppression_on_another_line_hides_nothing(run, copy_pack, content_root):
    pack = copy_pack("free-hint-leak")
    edit(pack / W_FILE, "hints:\n", "hints:  # mcx: disable=hint-leak\n")
    assert _findings(run, content_root, pack) == {("hint-leak", W_FILE, 9)}


def test_inline_suppression_of_another_rule_hides_nothing(run, copy_pack, content_root):
    pack = copy_pack("free-hint-leak")
    edit(pack / W_FILE, LEAK_LINE, LEAK_LINE.rstrip("\n") + "  # mcx: disable=unused-component\n")
    assert _findings(run, content_root, pack) == {("hint-leak", W_FILE, 9)}


def test_inline_suppression_accepts_several_rules_and_all(run, copy_pack, content_root):
    pack = copy_pack("free-hint-leak")
    edit(pack / W_FILE, LEAK_LINE, LEAK_LINE.rstrip("\n") + "  # mcx: disable=unused-component, hint-leak\n")
    edit(pack / W_FILE, "highlight: [site-bucket]", "highlight: [site-bucket, cdn]  # mcx: disable=all")
    assert _findings(run, content_root, pack) == set()


def test_inline_suppression_in_pack_yaml(run, copy_pack, content_root):
    pack = copy_pack("unused-component")
    edit(pack / "pack.yaml", "service: cloudfront}", "service: cloudfront}  # mcx: disable=unused-component")
    assert _findings(run, content_root, pack) == set()


def test_mcx_toml_disable_hides_a_rule(run, copy_pack, content_root):
    pack = copy_pack("unused-component")
    (content_root / "mcx.toml").write_text('[lint]\ndisable = ["unused-component"]\n')
    result = lint(run, content_root, "--strict", pack)
    assert result.exit_code == 0
    assert result.stdout == "no problems in 3 files\n"


def test_mcx_toml_disable_leaves_other_rules_on(run, copy_pack, content_root):
    pack = copy_pack("unused-component")
    (content_root / "mcx.toml").write_text('[lint]\ndisable = ["hint-leak"]\n')
    assert _findings(run, content_root, pack) == {("unused-component", "pack.yaml", 35)}


def test_mcx_toml_key_typo_exits_1_with_position_and_suggestion(run, copy_pack, content_root):
    pack = copy_pack("clean")
    (content_root / "mcx.toml").write_text('[lint]\ndisabel = ["hint-leak"]\n')
    result = lint(run, content_root, pack)
    assert result.exit_code == 1
    assert result.stderr == "mcx.toml:2:1: unknown key `disabel` in [lint] (did you mean `disable`?)\n"


def test_mcx_toml_unknown_rule_in_disable_exits_1_with_position_and_suggestion(run, copy_pack, content_root):
    pack = copy_pack("clean")
    (content_root / "mcx.toml").write_text('[lint]\ndisable = ["hint-lek"]\n')
    result = lint(run, content_root, pack)
    assert result.exit_code == 1
    assert result.stderr.startswith("mcx.toml:2:13: ")
    assert "`hint-lek`" in result.stderr and "did you mean `hint-leak`?" in result.stderr


def test_mcx_toml_error_position_ignores_comments(run, copy_pack, content_root):
    pack = copy_pack("clean")
    (content_root / "mcx.toml").write_text('# TODO: drop hint-lek once fixed\n[lint]\ndisable = ["hint-lek"]\n')
    assert lint(run, content_root, pack).stderr.startswith("mcx.toml:3:13: ")


def test_mcx_toml_syntax_error_exits_1_with_position(run, copy_pack, content_root):
    pack = copy_pack("clean")
    (content_root / "mcx.toml").write_text("[lint]\ndisable = [\"hint-leak\"\n")
    result = lint(run, content_root, pack)
    assert result.exit_code == 1
    assert re.match(r"mcx\.toml:\d+:\d+: ", result.stderr)
    assert "Traceback" not in result.output


# --- schema -----------------------------------------------------------------------------------------


@pytest.mark.parametrize("kind", ["pack", "task"])
def test_schema_prints_a_valid_json_schema_2020_12(run, kind):
    result = run("schema", kind)
    assert result.exit_code == 0
    schema = json.loads(result.stdout)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    Draft202012Validator.check_schema(schema)


@pytest.mark.parametrize(("kind", "file"), [("pack", "pack.yaml"), ("task", W_FILE)])
def test_clean_pack_files_validate_against_the_printed_schema(run, kind, file):
    schema = json.loads(run("schema", kind).stdout)
    data = yaml.safe_load((PACKS / "clean" / file).read_text(encoding="utf-8"))
    assert list(Draft202012Validator(schema).iter_errors(data)) == []


@pytest.mark.parametrize("kind", ["pack", "task"])
def test_shipped_schema_matches_its_generator(run, kind):
    from authoring.schema import _generate

    assert json.loads(run("schema", kind).stdout) == json.loads(json.dumps(getattr(_generate, kind.upper())))


def test_schema_of_unknown_kind_exits_2(run):
    assert run("schema", "validator").exit_code == 2


# --- new --------------------------------------------------------------------------------------------


def test_new_pack_lints_clean(run, content_root):
    created = run("--root", content_root, "new", "pack", "data-pipeline")
    assert created.exit_code == 0
    assert created.stdout.splitlines() == [
        "created packs/data-pipeline/pack.yaml",
        "created packs/data-pipeline/tasks/enable-versioning.yaml",
    ]
    result = lint(run, content_root, "--strict")
    assert (result.exit_code, result.stdout) == (0, "no problems in 2 files\n")


def test_new_task_is_appended_to_the_pack_task_list(run, content_root):
    run("--root", content_root, "new", "pack", "demo")
    created = run("--root", content_root, "new", "task", "demo", "add-logging")
    assert created.exit_code == 0
    assert created.stdout.splitlines() == ["created packs/demo/tasks/add-logging.yaml", "updated packs/demo/pack.yaml"]
    pack_yaml = (content_root / "packs" / "demo" / "pack.yaml").read_text()
    assert yaml.safe_load(pack_yaml)["tasks"] == ["enable-versioning", "add-logging"]
    assert pack_yaml.startswith("# Challenge pack demo")  # the rest of the file, comments included, is kept


def test_new_task_lints_clean(run, content_root):
    run("--root", content_root, "new", "pack", "demo")
    run("--root", content_root, "new", "task", "demo", "add-logging")
    result = lint(run, content_root, "--strict")
    assert (result.exit_code, result.stdout) == (0, "no problems in 3 files\n")


def test_new_task_appends_to_a_flow_list(run, content_root):
    run("--root", content_root, "new", "pack", "demo")
    pack_yaml = content_root / "packs" / "demo" / "pack.yaml"
    edit(pack_yaml, "tasks:\n  - enable-versioning\n", "tasks: [enable-versioning]\n")
    assert run("--root", content_root, "new", "task", "demo", "add-logging").exit_code == 0
    assert yaml.safe_load(pack_yaml.read_text())["tasks"] == ["enable-versioning", "add-logging"]
    assert lint(run, content_root, "--strict").exit_code == 0


def test_new_task_accepts_a_pack_directory(run, copy_pack, content_root):
    pack = copy_pack("clean")
    assert run("--root", content_root, "new", "task", pack, "add-logging").exit_code == 0
    assert lint(run, content_root, "--strict", pack).exit_code == 0


def test_new_task_appends_to_a_multi_line_flow_list(run, copy_pack, content_root):
    pack = copy_pack("clean")
    edit(pack / "pack.yaml", "tasks:\n  - enable-versioning\n  - enable-website\n",
         "tasks: [enable-versioning,\n        enable-website]\n")
    assert run("--root", content_root, "new", "task", "clean", "add-logging").exit_code == 0
    assert yaml.safe_load((pack / "pack.yaml").read_text())["tasks"] == [
        "enable-versioning", "enable-website", "add-logging",
    ]


@pytest.mark.parametrize("bad_id", ["Data-Pipeline", "data_pipeline", "9lives", "double--hyphen", "a" * 65])
def test_new_pack_with_a_bad_id_exits_2(run, content_root, bad_id):
    result = run("--root", content_root, "new", "pack", bad_id)
    assert result.exit_code == 2
    assert "invalid pack id" in result.stderr
    assert list((content_root / "packs").iterdir()) == []


def test_new_pack_that_exists_exits_2_and_changes_nothing(run, copy_pack, content_root):
    pack = copy_pack("clean")
    before = (pack / "pack.yaml").read_bytes()
    result = run("--root", content_root, "new", "pack", "clean")
    assert result.exit_code == 2
    assert "already exists" in result.stderr
    assert (pack / "pack.yaml").read_bytes() == before


def test_new_task_that_exists_exits_2(run, copy_pack, content_root):
    copy_pack("clean")
    assert run("--root", content_root, "new", "task", "clean", "enable-website").exit_code == 2


def test_new_task_in_an_unknown_pack_exits_2(run, content_root):
    assert run("--root", content_root, "new", "task", "nowhere", "add-logging").exit_code == 2


# --- summary ------------------------------------------------------------------------------------------


def test_summary_counts_unreadable_task_files(run, copy_pack, content_root):
    pack = copy_pack("clean")
    edit(pack / "tasks" / "enable-versioning.yaml", "points: 10", "points: [10")
    payload = json.loads(lint(run, content_root, "--format", "json", pack).stdout)
    assert payload["summary"]["files"] == 3



def test_lint_rules_doc_is_generated_from_the_registry():
    from pathlib import Path

    from authoring.lint.docs import render

    doc = Path(__file__).resolve().parent.parent / "docs" / "lint-rules.md"
    assert doc.read_text(encoding="utf-8") == render(), "run: python -m authoring.lint.docs > docs/lint-rules.md"


def test_every_rule_documents_a_failing_and_a_passing_example():
    from authoring.lint.registry import load_rules

    for rule in load_rules().values():
        assert rule.section("Fails") and rule.section("Passes"), rule.id
