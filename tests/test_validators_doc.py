"""docs/validators.md cannot rot: every YAML block marked `<!-- recipe: <task-id> -->` becomes the task
file of that id in a copy of tests/packs/dryrun-cookbook, which must lint without a finding and dry-run with every
recipe verified (fails before its solution, passes after, rejects each counterexample with exactly its
`fails`, survives every other recipe's solution)."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from authoring.cli import cli
from authoring.matchers import MATCHERS

TESTS = Path(__file__).parent
DOC = TESTS.parent / "docs" / "validators.md"
COOKBOOK = TESTS / "packs" / "dryrun-cookbook"
RECIPE = re.compile(r"^<!-- recipe: ([a-z0-9-]+) -->\n```yaml\n(.*?)^```$", re.S | re.M)
FRAGMENT_KEYS = {"validators", "solution", "counterexamples"}
# what issue 10 asks the cookbook to show
TOPICS = {"s3-website", "api-proxy-integration", "cors-preflight", "dynamodb-ttl-and-indexes", "sqs-redrive",
          "sns-subscription", "step-functions-logging", "waf-association", "lambda-configuration",
          "bedrock-invocation-logging"}

HEADER = """\
id: {id}
title: Recipe {id}
description: The `{id}` recipe of docs/validators.md.
depends_on: []
highlight: [account]
points: 10
estimated_minutes: 5
"""


def recipes() -> dict[str, str]:
    """recipe id -> its YAML, in document order."""
    found = RECIPE.findall(DOC.read_text(encoding="utf-8"))
    assert len({name for name, _ in found}) == len(found), "two recipes share a name"
    return dict(found)


def cli_run(root: Path, *args: str):
    return CliRunner().invoke(cli, ["--root", str(root), *map(str, args)], catch_exceptions=False)


@pytest.fixture(scope="module")
def cookbook(tmp_path_factory) -> Path:
    """A content root holding the cookbook pack with one task file per recipe."""
    root = tmp_path_factory.mktemp("cookbook")
    pack = root / "packs" / "dryrun-cookbook"
    shutil.copytree(COOKBOOK, pack)
    (pack / "tasks").mkdir()
    for name, body in recipes().items():
        (pack / "tasks" / f"{name}.yaml").write_text(HEADER.format(id=name) + body, encoding="utf-8")
    return pack


@pytest.fixture(scope="module")
def dry_run_report(cookbook) -> dict:
    result = cli_run(cookbook.parent.parent, "dry-run", cookbook, "--format", "json")
    return {t["id"]: t for t in json.loads(result.stdout)["tasks"]}


def test_the_cookbook_has_a_recipe_for_every_topic_and_a_task_for_every_recipe():
    pack_tasks = yaml.safe_load((COOKBOOK / "pack.yaml").read_text(encoding="utf-8"))["tasks"]
    assert list(recipes()) == pack_tasks
    assert TOPICS <= set(recipes())


@pytest.mark.parametrize("name", list(recipes()))
def test_recipe_is_a_task_fragment_with_a_solution(name):
    fragment = yaml.safe_load(recipes()[name])
    assert set(fragment) <= FRAGMENT_KEYS and fragment["validators"] and fragment["solution"]


def test_cookbook_recipes_lint_without_findings(cookbook):
    result = cli_run(cookbook.parent.parent, "lint", "--strict", "--format", "json", cookbook)
    assert json.loads(result.stdout)["findings"] == [] and result.exit_code == 0, result.stdout


@pytest.mark.parametrize("name", list(recipes()))
def test_recipe_is_verified_by_dry_run(dry_run_report, name):
    record = dry_run_report[name]
    assert (record["status"], record["problems"], record["unsupported"]) == ("verified", [], [])


@pytest.mark.parametrize("name", list(recipes()))
def test_every_validator_of_a_recipe_rejects_some_counterexample(name):
    fragment = yaml.safe_load(recipes()[name])
    rejected = {v for c in fragment.get("counterexamples", []) for v in c["fails"]}
    assert {v["id"] for v in fragment["validators"]} <= rejected


def test_every_matcher_is_used_by_a_proven_recipe():
    used = set()
    for body in recipes().values():
        for validator in yaml.safe_load(body)["validators"]:
            for step in validator.get("steps", [validator]):
                used.update(key for e in step.get("expect", []) for key in e if key != "path")
    assert set(MATCHERS) <= used


def test_every_matcher_has_an_entry_in_the_guide():
    text = DOC.read_text(encoding="utf-8")
    assert [m for m in MATCHERS if f"**`{m}`**" not in text] == []


POLICY = re.compile(r"^<!-- policy: cookbook -->\n```json\n(.*?)^```$", re.S | re.M)
# IAM actions that are not <signing name>:<Operation>
IAM_EXCEPTIONS = {("s3", "HeadObject"): "s3:GetObject", ("s3", "HeadBucket"): "s3:ListBucket"}


def iam_action(call: str) -> str:
    """The IAM action a boto3 `service.method` call needs (the Service Authorization Reference's naming)."""
    import botocore.session
    from botocore import xform_name

    service, method = call.split(".")
    model = botocore.session.get_session().get_service_model(service)
    operation = next(op for op in model.operation_names if xform_name(op) == method)
    if service == "apigateway":
        return f"apigateway:{model.operation_model(operation).http['method']}"
    return IAM_EXCEPTIONS.get((service, operation), f"{model.signing_name}:{operation}")


def test_the_minimal_read_policy_lists_exactly_the_actions_the_cookbook_calls():
    needed = set()
    for body in recipes().values():
        for validator in yaml.safe_load(body)["validators"]:
            needed.update(iam_action(step["call"]) for step in validator.get("steps", [validator]))
    (statement,) = json.loads(POLICY.search(DOC.read_text(encoding="utf-8")).group(1))["Statement"]
    assert sorted(statement["Action"]) == sorted(needed)
