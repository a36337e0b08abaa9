"""The Bedrock guardrail simulation (authoring/runtime/simulate/bedrock.py): every answer valid against
botocore's output shape, AWS's error codes and statuses, state across updates and versions, installed
only inside MotoAccount, stepping aside for what moto implements; and a guardrail pack proven by dry-run
with the simulated operations reported."""

from __future__ import annotations

import copy
import json
import xml.etree.ElementTree as ET

import pytest

from authoring.runtime import MotoAccount
from simulate_support import checked_client, error_of
from authoring.runtime.simulate import simulations, take_recorded

MESSAGES = {"blockedInputMessaging": "Sorry.", "blockedOutputsMessaging": "Sorry, no."}
EVERY_POLICY = {
    "description": "every policy type",
    "contentPolicyConfig": {"filtersConfig": [
        {"type": "HATE", "inputStrength": "HIGH", "outputStrength": "MEDIUM"},
        {"type": "PROMPT_ATTACK", "inputStrength": "HIGH", "outputStrength": "NONE"}]},
    "topicPolicyConfig": {"topicsConfig": [
        {"name": "Investment advice", "definition": "Recommending stocks or funds.", "type": "DENY",
         "examples": ["Which stock should I buy?"]}]},
    "wordPolicyConfig": {"wordsConfig": [{"text": "competitor"}], "managedWordListsConfig": [{"type": "PROFANITY"}]},
    "sensitiveInformationPolicyConfig": {
        "piiEntitiesConfig": [{"type": "EMAIL", "action": "ANONYMIZE"}, {"type": "PHONE", "action": "BLOCK"}],
        "regexesConfig": [{"name": "order-id", "pattern": "ORD-[0-9]{6}", "action": "ANONYMIZE"}]},
    "contextualGroundingPolicyConfig": {"filtersConfig": [
        {"type": "GROUNDING", "threshold": 0.75}, {"type": "RELEVANCE", "threshold": 0.5}]},
}


@pytest.fixture
def bedrock():
    """A bedrock client on the simulated account; every answer it gets is checked against the model."""
    with MotoAccount("us-east-1") as account:
        yield checked_client(account, "bedrock")


def create(bedrock, name: str = "support", **config) -> dict:
    return bedrock.create_guardrail(name=name, **MESSAGES, **config)


def pii(answer: dict) -> dict[str, str]:
    return {e["type"]: e["action"] for e in answer["sensitiveInformationPolicy"]["piiEntities"]}


# --- answers ----------------------------------------------------------------------------------------------


def test_every_answer_is_checked_against_the_output_shape(bedrock):
    bedrock.get_guardrail(guardrailIdentifier=create(bedrock)["guardrailId"])
    assert bedrock.checked == ["CreateGuardrail", "GetGuardrail"]


def test_create_answers_a_draft_with_an_id_and_its_arn(bedrock):
    created = create(bedrock)
    assert created["version"] == "DRAFT"
    assert created["guardrailArn"].endswith(f":123456789012:guardrail/{created['guardrailId']}")


def test_every_policy_type_is_answered_as_configured(bedrock):
    got = bedrock.get_guardrail(guardrailIdentifier=create(bedrock, **copy.deepcopy(EVERY_POLICY))["guardrailId"])
    assert got["status"] == "READY" and got["version"] == "DRAFT"
    assert [f["type"] for f in got["contentPolicy"]["filters"]] == ["HATE", "PROMPT_ATTACK"]
    assert got["topicPolicy"]["topics"][0]["name"] == "Investment advice"
    assert got["wordPolicy"]["words"] == [{"text": "competitor"}]
    assert got["wordPolicy"]["managedWordLists"] == [{"type": "PROFANITY"}]
    assert pii(got) == {"EMAIL": "ANONYMIZE", "PHONE": "BLOCK"}
    assert got["sensitiveInformationPolicy"]["regexes"][0]["pattern"] == "ORD-[0-9]{6}"
    assert [f["threshold"] for f in got["contextualGroundingPolicy"]["filters"]] == [0.75, 0.5]


def test_a_guardrail_is_found_by_its_arn_as_by_its_id(bedrock):
    created = create(bedrock, **copy.deepcopy(EVERY_POLICY))
    by_arn = bedrock.get_guardrail(guardrailIdentifier=created["guardrailArn"])
    by_id = bedrock.get_guardrail(guardrailIdentifier=created["guardrailId"])
    assert {k: v for k, v in by_arn.items() if k != "ResponseMetadata"} == \
        {k: v for k, v in by_id.items() if k != "ResponseMetadata"}


def test_a_kms_key_id_is_answered_as_its_arn(bedrock):
    key = "1234abcd-12ab-34cd-56ef-1234567890ab"
    got = bedrock.get_guardrail(guardrailIdentifier=create(bedrock, kmsKeyId=key)["guardrailId"])
    assert got["kmsKeyArn"] == f"arn:aws:kms:us-east-1:123456789012:key/{key}"


# --- state and versions -----------------------------------------------------------------------------------


def test_a_version_freezes_the_draft_as_it_was(bedrock):
    guardrail = create(bedrock, sensitiveInformationPolicyConfig={
        "piiEntitiesConfig": [{"type": "EMAIL", "action": "ANONYMIZE"}]})["guardrailId"]
    assert bedrock.create_guardrail_version(guardrailIdentifier=guardrail)["version"] == "1"
    bedrock.update_guardrail(guardrailIdentifier=guardrail, name="support", **MESSAGES, sensitiveInformationPolicyConfig={
        "piiEntitiesConfig": [{"type": "EMAIL", "action": "BLOCK"}]})
    assert pii(bedrock.get_guardrail(guardrailIdentifier=guardrail, guardrailVersion="1")) == {"EMAIL": "ANONYMIZE"}
    assert pii(bedrock.get_guardrail(guardrailIdentifier=guardrail, guardrailVersion="DRAFT")) == {"EMAIL": "BLOCK"}


def test_versions_are_numbered_in_order_and_never_reused(bedrock):
    guardrail = create(bedrock)["guardrailId"]
    assert [bedrock.create_guardrail_version(guardrailIdentifier=guardrail)["version"] for _ in range(2)] == ["1", "2"]
    bedrock.delete_guardrail(guardrailIdentifier=guardrail, guardrailVersion="2")
    assert bedrock.create_guardrail_version(guardrailIdentifier=guardrail)["version"] == "3"


def test_an_update_replaces_the_whole_draft(bedrock):
    guardrail = create(bedrock, **copy.deepcopy(EVERY_POLICY))["guardrailId"]
    bedrock.update_guardrail(guardrailIdentifier=guardrail, name="support", **MESSAGES,
                             wordPolicyConfig={"managedWordListsConfig": [{"type": "PROFANITY"}]})
    got = bedrock.get_guardrail(guardrailIdentifier=guardrail)
    assert "wordPolicy" in got and "sensitiveInformationPolicy" not in got and "contentPolicy" not in got


def test_list_answers_every_draft_or_every_version_of_one_guardrail(bedrock):
    first, _ = create(bedrock, "first")["guardrailId"], create(bedrock, "second")
    bedrock.create_guardrail_version(guardrailIdentifier=first)
    assert sorted(g["name"] for g in bedrock.list_guardrails()["guardrails"]) == ["first", "second"]
    assert [g["version"] for g in bedrock.list_guardrails(guardrailIdentifier=first)["guardrails"]] == ["DRAFT", "1"]


def test_list_pages_with_max_results_and_next_token(bedrock):
    for name in ("a", "b", "c"):
        create(bedrock, name)
    page = bedrock.list_guardrails(maxResults=2)
    rest = bedrock.list_guardrails(maxResults=2, nextToken=page["nextToken"])
    assert len(page["guardrails"]) == 2 and len(rest["guardrails"]) == 1 and "nextToken" not in rest


def test_deleting_a_version_keeps_the_guardrail(bedrock):
    guardrail = create(bedrock)["guardrailId"]
    bedrock.create_guardrail_version(guardrailIdentifier=guardrail)
    bedrock.delete_guardrail(guardrailIdentifier=guardrail, guardrailVersion="1")
    assert [g["version"] for g in bedrock.list_guardrails(guardrailIdentifier=guardrail)["guardrails"]] == ["DRAFT"]


def test_deleting_a_guardrail_removes_every_version(bedrock):
    guardrail = create(bedrock)["guardrailId"]
    bedrock.create_guardrail_version(guardrailIdentifier=guardrail)
    bedrock.delete_guardrail(guardrailIdentifier=guardrail)
    assert bedrock.list_guardrails()["guardrails"] == []
    assert error_of(bedrock.get_guardrail, guardrailIdentifier=guardrail, guardrailVersion="1")[0] == \
        "ResourceNotFoundException"


def test_tags_given_at_creation_are_seen_by_motos_own_tagging_operations(bedrock):
    arn = create(bedrock, tags=[{"key": "team", "value": "support"}])["guardrailArn"]
    bedrock.tag_resource(resourceARN=arn, tags=[{"key": "stage", "value": "test"}])
    assert bedrock.list_tags_for_resource(resourceARN=arn)["tags"] == [
        {"key": "team", "value": "support"}, {"key": "stage", "value": "test"}]


def test_guardrails_are_saved_and_restored_with_the_rest_of_motos_state(bedrock):
    snapshot = bedrock.account.snapshot()
    create(bedrock)
    bedrock.account.restore(snapshot)
    assert bedrock.list_guardrails()["guardrails"] == []


# --- errors: AWS's codes, the status the service model gives them -------------------------------------


def test_an_unknown_guardrail_is_resource_not_found_404(bedrock):
    assert error_of(bedrock.get_guardrail, guardrailIdentifier="abcdefgh1234") == ("ResourceNotFoundException", 404)


def test_an_unknown_version_is_resource_not_found_404(bedrock):
    guardrail = create(bedrock)["guardrailId"]
    assert error_of(bedrock.get_guardrail, guardrailIdentifier=guardrail, guardrailVersion="7") == \
        ("ResourceNotFoundException", 404)


def test_another_accounts_arn_is_resource_not_found(bedrock):
    arn = create(bedrock)["guardrailArn"].replace("123456789012", "210987654321")
    assert error_of(bedrock.get_guardrail, guardrailIdentifier=arn) == ("ResourceNotFoundException", 404)


def test_a_name_in_use_is_a_conflict_with_the_models_status(bedrock):
    create(bedrock)
    status = bedrock.meta.service_model.shape_for("ConflictException").metadata["error"]["httpStatusCode"]
    assert error_of(create, bedrock=bedrock) == ("ConflictException", status)


def test_a_name_outside_the_documented_pattern_is_a_validation_error(bedrock):
    assert error_of(create, bedrock=bedrock, name="support guardrail") == ("ValidationException", 400)


def test_a_pii_type_outside_the_enum_is_a_validation_error(bedrock):
    config = {"piiEntitiesConfig": [{"type": "EMAIL_ADDRESS", "action": "ANONYMIZE"}]}
    assert error_of(create, bedrock=bedrock, sensitiveInformationPolicyConfig=config) == ("ValidationException", 400)


def test_a_prompt_attack_filter_on_the_output_is_a_validation_error(bedrock):
    config = {"filtersConfig": [{"type": "PROMPT_ATTACK", "inputStrength": "HIGH", "outputStrength": "HIGH"}]}
    assert error_of(create, bedrock=bedrock, contentPolicyConfig=config) == ("ValidationException", 400)


# --- the seam ---------------------------------------------------------------------------------------------


def test_only_simulated_operations_are_recorded(bedrock):
    take_recorded()
    create(bedrock)
    bedrock.get_model_invocation_logging_configuration()  # moto's own
    assert take_recorded() == ["bedrock:CreateGuardrail"]


def test_the_simulation_is_gone_once_the_account_is_closed():
    from moto import mock_aws
    from moto.bedrock.models import BedrockBackend

    with MotoAccount("us-east-1"):
        pass
    assert not hasattr(BedrockBackend, "create_guardrail")
    with mock_aws():
        import boto3

        client = boto3.client("bedrock", region_name="us-east-1", aws_access_key_id="x", aws_secret_access_key="x")
        with pytest.raises(NotImplementedError):
            client.get_guardrail(guardrailIdentifier="abcdefgh1234")


def test_installed_moto_implements_no_simulated_operation():
    """Fails loudly when a newer moto implements an operation the simulation provides: the simulation then
    steps aside for moto's (see the next test), so check moto's answers against the simulation's tests,
    delete the simulated operation, and update docs/validators.md's moto section."""
    overlap = {s.service: sorted(s.implemented_by_moto()) for s in simulations() if s.implemented_by_moto()}
    assert overlap == {}, f"moto now implements simulated operations {overlap}: remove them from the simulation"


def test_the_simulation_steps_aside_for_an_operation_moto_implements(monkeypatch):
    from moto.bedrock.responses import BedrockResponse
    from moto.core.responses import ActionResult

    def motos_list_guardrails(self):
        return ActionResult({"guardrails": []})
    monkeypatch.setattr(BedrockResponse, "list_guardrails", motos_list_guardrails, raising=False)
    with MotoAccount("us-east-1") as account:
        client = account.factory("bedrock")
        create(client)
        assert client.list_guardrails()["guardrails"] == []  # moto's answer, not the simulation's
        assert account.simulated() == ["bedrock:CreateGuardrail"]


# --- a guardrail pack, proven by dry-run ------------------------------------------------------------------


def test_guardrail_pack_is_verified_and_lists_its_simulated_operations(run, copy_pack):
    result = run("dry-run", copy_pack("dryrun-guardrail"), "--format", "json")
    record = json.loads(result.stdout)["tasks"][0]
    assert result.exit_code == 0 and record["status"] == "verified", result.stdout
    assert {"bedrock:CreateGuardrail", "bedrock:GetGuardrail", "bedrock:UpdateGuardrail"} <= set(record["simulated"])


def test_text_report_says_verified_with_the_simulated_operations(run, copy_pack):
    result = run("dry-run", copy_pack("dryrun-guardrail"))
    assert "verified (simulated: bedrock:CreateGuardrail," in result.stdout


def test_junit_report_carries_the_simulated_operations_as_a_property(run, copy_pack):
    result = run("dry-run", copy_pack("dryrun-guardrail"), "--format", "junit")
    case = ET.fromstring(result.stdout).find(".//testcase[@name='after']")
    assert "bedrock:GetGuardrail" in case.find("properties/property[@name='simulated']").get("value")


def test_a_check_of_the_draft_lets_the_draft_only_near_miss_slip_through(run, copy_pack):
    from conftest import edit

    pack = copy_pack("dryrun-guardrail")
    edit(pack / "tasks" / "mask-contact-details.yaml", 'guardrailVersion: "{latest_version}"', "guardrailVersion: DRAFT")
    record = json.loads(run("dry-run", pack, "--format", "json").stdout)["tasks"][0]
    assert record["status"] == "failed"
    assert {p["counterexample"] for p in record["problems"]} == {"masked on the draft only"}
