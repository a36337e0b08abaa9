"""`mcx-author dry-run`: each failure class reported in the phase where it happens, on scenario packs
(tests/packs/dryrun-*), and the JSON, JUnit, SARIF and GitHub shapes."""

from __future__ import annotations

import json
import time
import xml.etree.ElementTree as ET

import pytest


def dry_run_json(run, copy_pack, scenario: str, *extra: str) -> tuple[int, dict]:
    pack = copy_pack(f"dryrun-{scenario}")
    result = run("dry-run", pack, "--format", "json", *extra)
    return result.exit_code, json.loads(result.stdout)


def task(report: dict, task_id: str) -> dict:
    return next(t for t in report["tasks"] if t["id"] == task_id)


def phases_of(record: dict) -> set[tuple[str, str | None]]:
    return {(p["phase"], p["validator"]) for p in record["problems"]}


def test_clean_pack_is_all_verified(run, copy_pack):
    code, report = dry_run_json(run, copy_pack, "clean")
    assert code == 0
    assert [t["status"] for t in report["tasks"]] == ["verified", "verified"]
    assert report["summary"] == {"verified": 2, "failed": 0, "unsupported": 0}


def test_vacuous_validator_fails_in_phase_before(run, copy_pack):
    code, report = dry_run_json(run, copy_pack, "vacuous")
    assert code == 1
    assert ("before", "versioning-enabled") in phases_of(task(report, "enable-versioning"))
    assert task(report, "enable-website")["status"] == "verified"


def test_unsatisfiable_validator_fails_in_phase_after_with_found_and_expected(run, copy_pack):
    code, report = dry_run_json(run, copy_pack, "unsatisfiable")
    record = task(report, "enable-versioning")
    after = [p for p in record["problems"] if p["phase"] == "after"]
    assert code == 1 and record["status"] == "failed"
    assert [p["validator"] for p in after] == ["versioning-enabled"]
    assert '"Enabled"' in after[0]["detail"] and '"On"' in after[0]["detail"]


def test_leaky_counterexample_fails_in_phase_counterexample(run, copy_pack):
    code, report = dry_run_json(run, copy_pack, "leaky")
    assert code == 1
    assert phases_of(task(report, "enable-versioning")) == {("counterexample", "versioning-enabled")}


def test_later_task_breaking_an_earlier_one_fails_in_phase_full(run, copy_pack):
    code, report = dry_run_json(run, copy_pack, "later-breaks")
    assert code == 1
    assert phases_of(task(report, "enable-versioning")) == {("full", "versioning-enabled")}
    assert task(report, "tidy-up")["status"] == "verified"


def test_mutating_validator_is_refused_and_names_the_operation(run, copy_pack):
    code, report = dry_run_json(run, copy_pack, "mutating")
    problems = task(report, "enable-versioning")["problems"]
    assert code == 1
    assert problems and all(p["detail"].startswith("refused mutating call s3:PutBucketVersioning") for p in problems)


def test_unsupported_operation_is_neither_a_pass_nor_a_failure(run, copy_pack):
    code, report = dry_run_json(run, copy_pack, "unsupported")
    record = task(report, "enable-versioning")
    assert code == 1
    assert record["status"] == "unsupported" and record["unsupported"] == ["bedrock:GetInferenceProfile"]


def test_allow_unsupported_exits_zero_when_nothing_failed(run, copy_pack):
    code, _ = dry_run_json(run, copy_pack, "unsupported", "--allow-unsupported")
    assert code == 0


def test_python_validator_that_raises_fails_with_one_line(run, copy_pack):
    code, report = dry_run_json(run, copy_pack, "python-raises")
    details = {p["detail"] for p in task(report, "enable-website")["problems"] if p["validator"] == "index-page-served"}
    assert code == 1
    assert details == {"raised ValueError: the author forgot a case"}


def test_python_validator_that_hangs_is_stopped_at_its_time_limit(run, copy_pack):
    started = time.perf_counter()
    code, report = dry_run_json(run, copy_pack, "python-hangs", "--validator-timeout", "0.2")
    problems = [p for p in task(report, "enable-website")["problems"] if p["validator"] == "index-page-served"]
    assert code == 1
    assert {p["phase"] for p in problems} == {"after", "full"}
    assert all("time limit of 0.2 s" in p["detail"] for p in problems)
    assert time.perf_counter() - started < 10


def test_asset_outside_the_pack_is_refused_in_one_line(run, copy_pack):
    result = run("dry-run", copy_pack("dryrun-path-escape"))
    assert result.exit_code == 1
    assert result.stdout == ""
    assert len(result.stderr.strip().splitlines()) == 1 and "pack.yaml:" in result.stderr


def test_json_has_the_documented_keys(run, copy_pack):
    _, report = dry_run_json(run, copy_pack, "unsatisfiable")
    assert set(report) >= {"pack", "tasks", "summary"}
    for record in report["tasks"]:
        assert set(record) >= {"id", "status", "problems", "unsupported", "simulated"}
        for problem in record["problems"]:
            assert set(problem) >= {"phase", "validator", "detail"}
            assert problem["phase"] in {"before", "after", "counterexample", "full"}


def test_failed_validator_carries_the_candidates_fail_message(run, copy_pack):
    _, report = dry_run_json(run, copy_pack, "unsatisfiable")
    after = next(p for p in task(report, "enable-versioning")["problems"] if p["phase"] == "after")
    assert after["fail_message"].startswith("Versioning is not enabled on `mcx-clean-site-")


def test_junit_has_one_testcase_per_task_and_phase(run, copy_pack):
    result = run("dry-run", copy_pack("dryrun-leaky"), "--format", "junit")
    cases = ET.fromstring(result.stdout).findall(".//testcase")
    names = {(c.get("classname"), c.get("name")) for c in cases}
    assert ("dryrun-leaky.enable-versioning", "counterexample: versioning suspended") in names
    assert {n for c, n in names if c == "dryrun-leaky.enable-website"} == {
        "before", "after", "counterexample: wrong index document", "full"}
    failed = [c for c in cases if c.find("failure") is not None]
    assert [(c.get("classname"), c.get("name")) for c in failed] == [
        ("dryrun-leaky.enable-versioning", "counterexample: versioning suspended")]


@pytest.mark.parametrize("fmt", ["sarif", "github"])
def test_problems_become_findings_at_the_validator(run, copy_pack, fmt):
    result = run("dry-run", copy_pack("dryrun-leaky"), "--format", fmt)
    assert result.exit_code == 1
    assert "packs/dryrun-leaky/tasks/enable-versioning.yaml" in result.stdout
    if fmt == "sarif":
        assert json.loads(result.stdout)["runs"][0]["results"][0]["ruleId"] == "dry-run-counterexample"


def test_jobs_give_the_same_results(run, copy_pack):
    pack = copy_pack("dryrun-later-breaks")
    alone = json.loads(run("dry-run", pack, "--format", "json").stdout)
    shared = json.loads(run("dry-run", pack, "--format", "json", "--jobs", "3").stdout)
    strip = lambda r: [(t["id"], t["status"], sorted(map(str, phases_of(t)))) for t in r["tasks"]]  # noqa: E731
    assert strip(alone) == strip(shared)


def test_task_option_proves_one_task_after_its_dependencies(run, copy_pack):
    code, report = dry_run_json(run, copy_pack, "clean", "--task", "enable-website")
    assert code == 0 and [t["id"] for t in report["tasks"]] == ["enable-website"]


def test_unknown_task_is_a_usage_error_with_a_suggestion(run, copy_pack):
    result = run("dry-run", copy_pack("dryrun-clean"), "--task", "enable-websit")
    assert result.exit_code == 2 and "enable-website" in result.stderr
