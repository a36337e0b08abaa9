"""`mcx-author i18n report --format sarif|github`: the report's problems as SARIF 2.1.0 results and as
GitHub workflow annotations, the same findings the JSON report lists."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from i18n_support import JA, i18n, report_json, translated_root
from jsonschema import Draft7Validator

SARIF_SCHEMA = json.loads((Path(__file__).parent / "data" / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
GITHUB_LINE = re.compile(r"^::(error|warning) file=([^,:]*),line=(\d+),title=([^,:]*)::(.*)$")
CHECKS = {"placeholder", "code-span", "glossary", "unchanged", "leftover", "punctuation", "whitespace", "width"}

PLACEHOLDER = "task/enable-versioning/validator/versioning-enabled/fail_message"
BROKEN = {
    PLACEHOLDER: JA[PLACEHOLDER].replace("{site_bucket}", "{bucket}"),  # error: placeholder
    "pack/title": "アマゾン S3 で静的ウェブサイトを公開する",  # error: glossary
    "pack/summary": JA["pack/summary"].rstrip("。"),  # warning: punctuation
}


@pytest.fixture
def root(copy_pack, run, monkeypatch):
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    return translated_root(copy_pack, run, strings=BROKEN)


def _problems(run, root) -> list[dict]:
    return report_json(run, root)[1]["problems"]


def _sarif(run, root) -> dict:
    result = i18n(run, root, "report", "--format", "sarif")
    assert result.exit_code == 1, result.output
    return json.loads(result.stdout)


def test_report_sarif_validates_against_the_sarif_2_1_0_schema(run, root):
    log = _sarif(run, root)
    errors = sorted(Draft7Validator(SARIF_SCHEMA).iter_errors(log), key=lambda e: list(e.path))
    assert errors == [], [e.message for e in errors]


def test_report_sarif_holds_a_result_per_problem(run, root):
    [run_] = _sarif(run, root)["runs"]
    got = sorted(
        (r["ruleId"], r["level"], r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
         r["locations"][0]["physicalLocation"]["region"]["startLine"], r["properties"]["msgctxt"])
        for r in run_["results"]
    )
    wanted = sorted((p["check"], p["severity"], p["file"], p["line"], p["msgctxt"]) for p in _problems(run, root))
    assert {w[0] for w in wanted} >= {"placeholder", "glossary", "punctuation"}
    assert got == wanted


def test_report_sarif_names_each_i18n_check_as_a_rule(run, root):
    [run_] = _sarif(run, root)["runs"]
    rules = run_["tool"]["driver"]["rules"]
    assert {r["id"] for r in rules} == CHECKS | {"completeness"}
    assert all(r["shortDescription"]["text"] for r in rules)
    for result in run_["results"]:
        assert rules[result["ruleIndex"]]["id"] == result["ruleId"]


def test_report_github_prints_one_annotation_per_problem(run, root):
    result = i18n(run, root, "report", "--format", "github")
    assert result.exit_code == 1, result.output
    parsed = [GITHUB_LINE.match(line) for line in result.stdout.splitlines()]
    assert all(parsed), result.stdout
    got = sorted((m[1], m[2], int(m[3]), m[4]) for m in parsed)
    assert got == sorted((p["severity"], p["file"], p["line"], p["check"]) for p in _problems(run, root))


def test_report_sarif_of_a_passing_translation_exits_0_with_no_results(copy_pack, run, monkeypatch):
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    root = translated_root(copy_pack, run)
    result = i18n(run, root, "report", "--format", "sarif")
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["runs"][0]["results"] == []


def test_report_github_names_a_locale_below_its_gate(copy_pack, run):
    root = copy_pack("clean").parent.parent
    run("--root", root, "i18n", "update", "--locale", "ja")
    result = run("--root", root, "i18n", "report", "--locale", "ja", "--format", "github")
    assert result.exit_code == 1
    [line] = [l for l in result.stdout.splitlines() if "title=completeness" in l]
    assert "below the gate of 100%" in line and "task/" in line
