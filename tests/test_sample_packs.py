"""The sample packs in packs/ are the product's showcase: they lint clean, their templates are
current, and their Japanese is complete with no problem the report can find."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from authoring.cli import cli

ROOT = Path(__file__).resolve().parent.parent


def run(*args):
    return CliRunner().invoke(cli, ["--root", str(ROOT), *args])


def test_sample_packs_lint_without_findings():
    result = run("lint", "--strict", "--format", "json")
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["findings"] == []


def test_sample_templates_are_up_to_date():
    result = run("i18n", "extract", "--check")
    assert result.exit_code == 0, result.output


@pytest.mark.parametrize("pack", ["serverless-web-app", "agentic-ai-app"])
def test_sample_japanese_is_complete_and_clean(pack):
    result = run("i18n", "report", "--format", "json", "--locale", "ja", str(ROOT / "packs" / pack))
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)["locales"]["ja"][pack]
    assert report["percent"] == 100.0 and report["incomplete_units"] == [] and report["problems"] == []


def dry_run(pack, *options):
    result = run("dry-run", "--format", "json", *options, str(ROOT / "packs" / pack))
    return result, json.loads(result.stdout)


def test_serverless_sample_is_verified_by_dry_run():
    result, report = dry_run("serverless-web-app")
    statuses = {task["id"]: task["status"] for task in report["tasks"]}
    assert set(statuses.values()) == {"verified"}, report
    assert result.exit_code == 0


def test_agentic_sample_is_verified_by_dry_run():
    result, report = dry_run("agentic-ai-app")
    statuses = {task["id"]: task["status"] for task in report["tasks"]}
    assert set(statuses.values()) == {"verified"}, report
    assert result.exit_code == 0


def test_agentic_sample_names_the_simulated_operations_its_proof_rests_on():
    _, report = dry_run("agentic-ai-app")
    simulated = {task["id"]: set(task["simulated"]) for task in report["tasks"]}
    assert simulated["enable-invocation-logging"] == set()
    assert {"bedrock:GetGuardrail", "bedrock-agent:UpdateAgent"} <= simulated["attach-guardrail"]
    assert {"bedrock-agent:GetAgentVersion", "bedrock-agent:ListAgentAliases"} <= simulated["publish-agent"]
    assert "bedrock-agent:ListAgentCollaborators" in simulated["add-supervisor-agent"]
