"""The Bedrock agent simulation (authoring/runtime/simulate/bedrock_agent.py): every answer valid against
botocore's output shape, AWS's error codes and statuses, the draft/prepare/version/alias life cycle, the
required combinations of an action group, collaborators, ingestion statistics from moto's S3, moto's own
operations seeing the simulated records, the overrides of moto's operations; and an agent pack proven by
dry-run with the simulated operations reported."""

from __future__ import annotations

import json

import pytest
from botocore.exceptions import ClientError

from authoring.runtime import MotoAccount
from authoring.runtime.simulate import bedrock_agent, simulations, take_recorded
from simulate_support import checked_client, error_of

ROLE = "arn:aws:iam::123456789012:role/AmazonBedrockExecutionRoleForAgents_support"
LAMBDA = "arn:aws:lambda:us-east-1:123456789012:function:order-lookup"
INSTRUCTION = "You are the support assistant of AnyCompany. Help customers with their orders."
FUNCTIONS = {"functions": [{"name": "get_order", "parameters": {"order_id": {"type": "string", "required": True}}}]}
VECTORS = {"type": "S3_VECTORS",
           "s3VectorsConfiguration": {"indexArn": "arn:aws:s3vectors:us-east-1:123456789012:bucket/v/index/docs"}}
KB_CONFIG = {"type": "VECTOR", "vectorKnowledgeBaseConfiguration": {
    "embeddingModelArn": "arn:aws:bedrock:us-east-1::foundation-model/amazon.titan-embed-text-v2:0"}}


@pytest.fixture
def account():
    with MotoAccount("us-east-1") as opened:
        yield opened


@pytest.fixture
def agents(account):
    """A bedrock-agent client on the simulated account; every answer it gets is checked against the model."""
    return checked_client(account, "bedrock-agent")


def agent(agents, name: str = "support", **config) -> str:
    return agents.create_agent(agentName=name, agentResourceRoleArn=ROLE, foundationModel="us.amazon.nova-lite-v1:0",
                               instruction=INSTRUCTION, **config)["agent"]["agentId"]


def action_group(agents, agent_id: str, name: str = "order-lookup", **config) -> dict:
    config = config or {"actionGroupExecutor": {"lambda": LAMBDA}, "functionSchema": FUNCTIONS}
    return agents.create_agent_action_group(agentId=agent_id, agentVersion="DRAFT", actionGroupName=name,
                                            **config)["agentActionGroup"]


def published(agents, agent_id: str, alias: str = "live") -> dict:
    agents.prepare_agent(agentId=agent_id)
    return agents.create_agent_alias(agentId=agent_id, agentAliasName=alias)["agentAlias"]


def knowledge_base(agents, name: str = "policies") -> str:
    return agents.create_knowledge_base(name=name, roleArn=ROLE, knowledgeBaseConfiguration=KB_CONFIG,
                                        storageConfiguration=VECTORS)["knowledgeBase"]["knowledgeBaseId"]


def status_of(agents, agent_id: str) -> str:
    return agents.get_agent(agentId=agent_id)["agent"]["agentStatus"]  # moto's own get_agent


def group_names(agents, agent_id: str, version: str) -> list[str]:
    found = agents.list_agent_action_groups(agentId=agent_id, agentVersion=version)["actionGroupSummaries"]
    return [g["actionGroupName"] for g in found]


# --- agents: the draft, preparation, moto's records ------------------------------------------------------


def test_every_answer_is_checked_against_the_output_shape(agents):
    agents.get_agent(agentId=agent(agents))
    assert agents.checked == ["CreateAgent", "GetAgent"]


def test_a_new_agent_is_not_prepared_and_is_the_draft(agents):
    created = agents.create_agent(agentName="support", agentResourceRoleArn=ROLE)["agent"]
    assert (created["agentStatus"], created["agentVersion"]) == ("NOT_PREPARED", "DRAFT")
    assert "preparedAt" not in created


def test_prepare_makes_the_agent_prepared_with_its_time(agents):
    agent_id = agent(agents)
    prepared = agents.prepare_agent(agentId=agent_id)
    assert (prepared["agentStatus"], prepared["agentVersion"]) == ("PREPARED", "DRAFT")
    assert agents.get_agent(agentId=agent_id)["agent"]["preparedAt"] == prepared["preparedAt"]


def test_an_update_makes_the_agent_not_prepared_again(agents):
    agent_id = agent(agents)
    agents.prepare_agent(agentId=agent_id)
    agents.update_agent(agentId=agent_id, agentName="support", agentResourceRoleArn=ROLE,
                        foundationModel="us.amazon.nova-lite-v1:0", instruction=INSTRUCTION)
    assert status_of(agents, agent_id) == "NOT_PREPARED"


def test_an_update_is_seen_by_motos_get_and_list(agents):
    agent_id = agent(agents)
    guardrail = {"guardrailIdentifier": "abcdefgh1234", "guardrailVersion": "1"}
    agents.update_agent(agentId=agent_id, agentName="support", agentResourceRoleArn=ROLE,
                        foundationModel="us.amazon.nova-lite-v1:0", guardrailConfiguration=guardrail)
    assert agents.get_agent(agentId=agent_id)["agent"]["guardrailConfiguration"] == guardrail
    assert agents.list_agents()["agentSummaries"][0]["guardrailConfiguration"] == guardrail


def test_an_update_replaces_the_whole_configuration(agents):
    agent_id = agent(agents, description="first")
    agents.update_agent(agentId=agent_id, agentName="support", agentResourceRoleArn=ROLE,
                        foundationModel="us.amazon.nova-lite-v1:0")
    got = agents.get_agent(agentId=agent_id)["agent"]
    assert "description" not in got and "instruction" not in got


def test_an_agent_without_an_idle_timeout_answers_awss_default(agents):
    assert agents.get_agent(agentId=agent(agents))["agent"]["idleSessionTTLInSeconds"] == 600


def test_changing_the_drafts_action_groups_makes_the_agent_not_prepared(agents):
    agent_id = agent(agents)
    agents.prepare_agent(agentId=agent_id)
    action_group(agents, agent_id)
    assert status_of(agents, agent_id) == "NOT_PREPARED"


def test_a_not_prepared_agent_can_be_deleted(agents):
    agent_id = agent(agents)
    assert agents.delete_agent(agentId=agent_id)["agentStatus"] == "DELETING"
    assert agents.list_agents()["agentSummaries"] == []


# --- versions and aliases ------------------------------------------------------------------------------


def test_an_alias_without_routing_freezes_the_prepared_draft_as_version_1(agents):
    agent_id = agent(agents)
    action_group(agents, agent_id)
    alias = published(agents, agent_id)
    assert alias["routingConfiguration"] == [{"agentVersion": "1"}] and alias["agentAliasStatus"] == "PREPARED"
    assert group_names(agents, agent_id, "1") == ["order-lookup"]


def test_a_version_has_what_the_draft_had_when_last_prepared(agents):
    agent_id = agent(agents)
    agents.prepare_agent(agentId=agent_id)
    action_group(agents, agent_id)  # after the last prepare: not in the new version
    agents.create_agent_alias(agentId=agent_id, agentAliasName="live")
    assert group_names(agents, agent_id, "1") == [] and group_names(agents, agent_id, "DRAFT") == ["order-lookup"]


def test_a_version_keeps_its_action_groups_when_the_draft_changes(agents):
    agent_id = agent(agents)
    group = action_group(agents, agent_id)
    published(agents, agent_id)
    agents.delete_agent_action_group(agentId=agent_id, agentVersion="DRAFT", actionGroupId=group["actionGroupId"])
    assert group_names(agents, agent_id, "1") == ["order-lookup"]


def test_an_alias_with_routing_points_to_an_existing_version(agents):
    agent_id = agent(agents)
    published(agents, agent_id)
    alias = agents.create_agent_alias(agentId=agent_id, agentAliasName="old",
                                      routingConfiguration=[{"agentVersion": "1"}])["agentAlias"]
    assert alias["routingConfiguration"] == [{"agentVersion": "1"}]
    assert [v["agentVersion"] for v in agents.list_agent_versions(agentId=agent_id)["agentVersionSummaries"]] == \
        ["DRAFT", "1"]


def test_updating_an_alias_without_routing_makes_a_new_version_and_keeps_history(agents):
    agent_id = agent(agents)
    alias = published(agents, agent_id)
    agents.prepare_agent(agentId=agent_id)
    updated = agents.update_agent_alias(agentId=agent_id, agentAliasId=alias["agentAliasId"],
                                        agentAliasName="live")["agentAlias"]
    assert updated["routingConfiguration"] == [{"agentVersion": "2"}]
    got = agents.get_agent_alias(agentId=agent_id, agentAliasId=alias["agentAliasId"])["agentAlias"]
    assert [e["routingConfiguration"][0]["agentVersion"] for e in got["agentAliasHistoryEvents"]] == ["2", "1"]


def test_every_agent_has_the_test_alias_on_the_draft(agents):
    aliases = agents.list_agent_aliases(agentId=agent(agents))["agentAliasSummaries"]
    assert [(a["agentAliasId"], a["routingConfiguration"]) for a in aliases] == [("TSTALIASID", [{"agentVersion": "DRAFT"}])]


def test_a_version_answers_the_configuration_it_froze(agents):
    agent_id = agent(agents, guardrailConfiguration={"guardrailIdentifier": "abcdefgh1234", "guardrailVersion": "1"})
    published(agents, agent_id)
    version = agents.get_agent_version(agentId=agent_id, agentVersion="1")["agentVersion"]
    assert (version["version"], version["agentStatus"]) == ("1", "PREPARED")
    assert version["guardrailConfiguration"]["guardrailVersion"] == "1"


def test_an_alias_is_taggable_with_motos_tagging(agents):
    arn = published(agents, agent(agents))["agentAliasArn"]
    agents.tag_resource(resourceArn=arn, tags={"team": "support"})
    assert agents.list_tags_for_resource(resourceArn=arn)["tags"] == {"team": "support"}


def test_an_alias_of_an_agent_never_prepared_is_a_validation_error(agents):
    assert error_of(agents.create_agent_alias, agentId=agent(agents), agentAliasName="live") == ("ValidationException", 400)


def test_an_alias_routed_to_a_missing_version_is_a_validation_error(agents):
    assert error_of(agents.create_agent_alias, agentId=agent(agents), agentAliasName="live",
                    routingConfiguration=[{"agentVersion": "3"}]) == ("ValidationException", 400)


def test_an_alias_name_in_use_is_a_conflict_409(agents):
    agent_id = agent(agents)
    published(agents, agent_id)
    assert error_of(agents.create_agent_alias, agentId=agent_id, agentAliasName="live") == ("ConflictException", 409)


# --- action groups -------------------------------------------------------------------------------------


def test_an_action_group_answers_its_executor_and_schema(agents):
    agent_id = agent(agents)
    group = action_group(agents, agent_id)
    got = agents.get_agent_action_group(agentId=agent_id, agentVersion="DRAFT",
                                        actionGroupId=group["actionGroupId"])["agentActionGroup"]
    assert got["actionGroupExecutor"] == {"lambda": LAMBDA} and got["functionSchema"] == FUNCTIONS
    assert got["actionGroupState"] == "ENABLED"


def test_an_api_schema_action_group_is_accepted(agents):
    schema = {"s3": {"s3BucketName": "schemas", "s3ObjectKey": "orders.yaml"}}
    group = action_group(agents, agent(agents), actionGroupExecutor={"lambda": LAMBDA}, apiSchema=schema)
    assert group["apiSchema"] == schema


def test_an_update_of_an_action_group_replaces_it(agents):
    agent_id = agent(agents)
    group = action_group(agents, agent_id)
    agents.update_agent_action_group(agentId=agent_id, agentVersion="DRAFT", actionGroupId=group["actionGroupId"],
                                     actionGroupName="order-lookup", actionGroupState="DISABLED",
                                     actionGroupExecutor={"customControl": "RETURN_CONTROL"}, functionSchema=FUNCTIONS)
    got = agents.list_agent_action_groups(agentId=agent_id, agentVersion="DRAFT")["actionGroupSummaries"][0]
    assert got["actionGroupState"] == "DISABLED"


def test_a_built_in_action_group_takes_no_executor_or_schema(agents):
    group = action_group(agents, agent(agents), "UserInput", parentActionGroupSignature="AMAZON.UserInput")
    assert group["parentActionSignature"] == "AMAZON.UserInput"


@pytest.mark.parametrize("config", [
    {"functionSchema": FUNCTIONS},
    {"actionGroupExecutor": {"lambda": LAMBDA}},
    {"actionGroupExecutor": {"lambda": LAMBDA}, "functionSchema": FUNCTIONS,
     "apiSchema": {"payload": "openapi: 3.0.0"}},
    {"parentActionGroupSignature": "AMAZON.UserInput", "actionGroupExecutor": {"lambda": LAMBDA}},
], ids=["no executor", "no schema", "two schemas", "built-in with an executor"])
def test_an_action_group_outside_the_required_combinations_is_a_validation_error(agents, config):
    assert error_of(action_group, agents=agents, agent_id=agent(agents), **config) == ("ValidationException", 400)


def test_an_action_group_name_in_use_is_a_conflict(agents):
    agent_id = agent(agents)
    action_group(agents, agent_id)
    assert error_of(action_group, agents=agents, agent_id=agent_id)[0] == "ConflictException"


def test_an_action_group_name_outside_the_pattern_is_a_validation_error(agents):
    assert error_of(action_group, agents=agents, agent_id=agent(agents), name="order lookup") == \
        ("ValidationException", 400)


# --- knowledge bases of an agent -----------------------------------------------------------------------


def test_a_knowledge_base_with_s3_vectors_storage_is_created_active(agents):
    kb_id = knowledge_base(agents)
    got = agents.get_knowledge_base(knowledgeBaseId=kb_id)["knowledgeBase"]  # moto's own get
    assert got["status"] == "ACTIVE" and got["storageConfiguration"] == VECTORS


def test_a_storage_type_without_its_configuration_is_a_validation_error(agents):
    assert error_of(agents.create_knowledge_base, name="kb", roleArn=ROLE, knowledgeBaseConfiguration=KB_CONFIG,
                    storageConfiguration={"type": "S3_VECTORS"}) == ("ValidationException", 400)


def test_an_associated_knowledge_base_goes_into_the_next_version(agents):
    agent_id, kb_id = agent(agents), knowledge_base(agents)
    agents.associate_agent_knowledge_base(agentId=agent_id, agentVersion="DRAFT", knowledgeBaseId=kb_id,
                                          description="Policies.")
    published(agents, agent_id)
    got = agents.get_agent_knowledge_base(agentId=agent_id, agentVersion="1", knowledgeBaseId=kb_id)
    assert got["agentKnowledgeBase"]["knowledgeBaseState"] == "ENABLED"


def test_a_disassociated_knowledge_base_is_gone_from_the_draft(agents):
    agent_id, kb_id = agent(agents), knowledge_base(agents)
    agents.associate_agent_knowledge_base(agentId=agent_id, agentVersion="DRAFT", knowledgeBaseId=kb_id,
                                          description="Policies.")
    agents.disassociate_agent_knowledge_base(agentId=agent_id, agentVersion="DRAFT", knowledgeBaseId=kb_id)
    assert agents.list_agent_knowledge_bases(agentId=agent_id, agentVersion="DRAFT")["agentKnowledgeBaseSummaries"] == []


def test_associating_an_unknown_knowledge_base_is_resource_not_found_404(agents):
    assert error_of(agents.associate_agent_knowledge_base, agentId=agent(agents), agentVersion="DRAFT",
                    knowledgeBaseId="ABCDEFGHIJ", description="x") == ("ResourceNotFoundException", 404)


# --- multi-agent collaboration -------------------------------------------------------------------------


def supervisor_with(agents, collaborator_alias_arn: str) -> tuple[str, dict]:
    supervisor = agent(agents, "concierge", agentCollaboration="SUPERVISOR")
    added = agents.associate_agent_collaborator(
        agentId=supervisor, agentVersion="DRAFT", agentDescriptor={"aliasArn": collaborator_alias_arn},
        collaboratorName="support", collaborationInstruction="Orders and returns go to this agent.")
    return supervisor, added["agentCollaborator"]


def test_a_supervisor_lists_its_collaborator_by_alias(agents):
    alias_arn = published(agents, agent(agents))["agentAliasArn"]
    supervisor, added = supervisor_with(agents, alias_arn)
    found = agents.list_agent_collaborators(agentId=supervisor, agentVersion="DRAFT")["agentCollaboratorSummaries"]
    assert [c["agentDescriptor"]["aliasArn"] for c in found] == [alias_arn]
    got = agents.get_agent_collaborator(agentId=supervisor, agentVersion="DRAFT", collaboratorId=added["collaboratorId"])
    assert got["agentCollaborator"]["collaboratorName"] == "support"


def test_a_collaborator_alias_that_does_not_exist_is_resource_not_found(agents):
    alias_arn = published(agents, agent(agents))["agentAliasArn"]
    assert error_of(supervisor_with, agents=agents, collaborator_alias_arn=alias_arn[:-10] + "ABCDEFGHIJ") == \
        ("ResourceNotFoundException", 404)


def test_an_agent_that_is_no_supervisor_takes_no_collaborator(agents):
    alias_arn = published(agents, agent(agents))["agentAliasArn"]
    with pytest.raises(ClientError) as caught:
        agents.associate_agent_collaborator(
            agentId=agent(agents, "concierge"), agentVersion="DRAFT", agentDescriptor={"aliasArn": alias_arn},
            collaboratorName="support", collaborationInstruction="Orders and returns go to this agent.")
    assert caught.value.response["Error"]["Code"] == "ValidationException"


def test_a_supervisors_collaboration_is_answered_by_get_agent(agents):
    supervisor = agent(agents, "concierge", agentCollaboration="SUPERVISOR_ROUTER")
    assert agents.get_agent(agentId=supervisor)["agent"]["agentCollaboration"] == "SUPERVISOR_ROUTER"


# --- data sources and ingestion jobs ------------------------------------------------------------------


@pytest.fixture
def documents(account):
    s3 = account.factory("s3")
    s3.create_bucket(Bucket="docs")
    for key in ("policies/returns.md", "policies/returns.md.metadata.json", "policies/warranty.md", "other/x.md"):
        s3.put_object(Bucket="docs", Key=key, Body=b"text")
    return s3


def data_source(agents, kb_id: str, prefixes: list[str] | None = None) -> str:
    s3 = {"bucketArn": "arn:aws:s3:::docs", **({"inclusionPrefixes": prefixes} if prefixes else {})}
    return agents.create_data_source(knowledgeBaseId=kb_id, name="policies",
                                     dataSourceConfiguration={"type": "S3", "s3Configuration": s3}
                                     )["dataSource"]["dataSourceId"]


def ingest(agents, kb_id: str, ds_id: str) -> dict:
    return agents.start_ingestion_job(knowledgeBaseId=kb_id, dataSourceId=ds_id)["ingestionJob"]


def test_an_ingestion_job_counts_the_objects_under_the_inclusion_prefixes(agents, documents):
    kb_id = knowledge_base(agents)
    job = ingest(agents, kb_id, data_source(agents, kb_id, ["policies/"]))
    assert job["status"] == "COMPLETE"
    stats = job["statistics"]
    assert (stats["numberOfDocumentsScanned"], stats["numberOfMetadataDocumentsScanned"],
            stats["numberOfNewDocumentsIndexed"]) == (2, 1, 2)


def test_a_second_job_counts_modified_and_deleted_objects(agents, documents):
    kb_id = knowledge_base(agents)
    ds_id = data_source(agents, kb_id)
    ingest(agents, kb_id, ds_id)
    documents.put_object(Bucket="docs", Key="policies/returns.md", Body=b"new text")
    documents.delete_object(Bucket="docs", Key="other/x.md")
    stats = ingest(agents, kb_id, ds_id)["statistics"]
    assert (stats["numberOfNewDocumentsIndexed"], stats["numberOfModifiedDocumentsIndexed"],
            stats["numberOfDocumentsDeleted"]) == (0, 1, 1)


def test_a_job_on_a_missing_bucket_fails_with_a_reason(agents):
    kb_id = knowledge_base(agents)
    job = ingest(agents, kb_id, data_source(agents, kb_id))
    assert job["status"] == "FAILED" and job["failureReasons"]


def test_jobs_are_listed_and_found_by_id(agents, documents):
    kb_id = knowledge_base(agents)
    ds_id = data_source(agents, kb_id)
    job_id = ingest(agents, kb_id, ds_id)["ingestionJobId"]
    listed = agents.list_ingestion_jobs(knowledgeBaseId=kb_id, dataSourceId=ds_id)["ingestionJobSummaries"]
    assert [j["ingestionJobId"] for j in listed] == [job_id]
    got = agents.get_ingestion_job(knowledgeBaseId=kb_id, dataSourceId=ds_id, ingestionJobId=job_id)
    assert got["ingestionJob"]["status"] == "COMPLETE"


def test_a_data_source_is_updated_listed_and_deleted(agents):
    kb_id = knowledge_base(agents)
    ds_id = data_source(agents, kb_id)
    agents.update_data_source(knowledgeBaseId=kb_id, dataSourceId=ds_id, name="renamed",
                              dataSourceConfiguration={"type": "S3", "s3Configuration": {"bucketArn": "arn:aws:s3:::docs"}})
    assert agents.get_data_source(knowledgeBaseId=kb_id, dataSourceId=ds_id)["dataSource"]["name"] == "renamed"
    assert agents.delete_data_source(knowledgeBaseId=kb_id, dataSourceId=ds_id)["status"] == "DELETING"
    assert agents.list_data_sources(knowledgeBaseId=kb_id)["dataSourceSummaries"] == []


def test_an_s3_data_source_without_its_configuration_is_a_validation_error(agents):
    assert error_of(agents.create_data_source, knowledgeBaseId=knowledge_base(agents), name="policies",
                    dataSourceConfiguration={"type": "S3"}) == ("ValidationException", 400)


def test_a_data_source_of_an_unknown_knowledge_base_is_resource_not_found(agents):
    assert error_of(data_source, agents=agents, kb_id="ABCDEFGHIJ")[0] == "ResourceNotFoundException"


# --- errors, lists, state --------------------------------------------------------------------------------


def test_an_unknown_agent_is_resource_not_found_404(agents):
    assert error_of(agents.prepare_agent, agentId="ABCDEFGHIJ") == ("ResourceNotFoundException", 404)


def test_an_agent_id_outside_the_pattern_is_a_validation_error(agents):
    assert error_of(agents.prepare_agent, agentId="not-an-agent") == ("ValidationException", 400)


def test_lists_page_with_max_results_and_next_token(agents):
    agent_id = agent(agents)
    for name in ("a", "b", "c"):
        action_group(agents, agent_id, name)
    page = agents.list_agent_action_groups(agentId=agent_id, agentVersion="DRAFT", maxResults=2)
    rest = agents.list_agent_action_groups(agentId=agent_id, agentVersion="DRAFT", maxResults=2,
                                           nextToken=page["nextToken"])
    assert len(page["actionGroupSummaries"]) == 2 and len(rest["actionGroupSummaries"]) == 1


def test_agents_are_saved_and_restored_with_the_rest_of_motos_state(agents):
    agent_id = agent(agents)
    snapshot = agents.account.snapshot()
    action_group(agents, agent_id)
    agents.account.restore(snapshot)
    assert group_names(agents, agent_id, "DRAFT") == []


# --- the seam: overrides of moto's operations --------------------------------------------------------


def test_overrides_are_recorded_as_simulated(agents):
    take_recorded()
    agent_id = agent(agents)
    agents.get_agent(agentId=agent_id)  # moto's own
    assert take_recorded() == ["bedrock-agent:CreateAgent"]


def test_every_override_is_an_operation_moto_still_implements():
    """An override whose operation moto no longer answers is an ordinary simulated operation: move it."""
    simulation = bedrock_agent.SIMULATION
    assert simulation.moto_implements(simulation.overrides) == set(simulation.overrides)


def test_moto_still_answers_the_overridden_operations_unlike_aws():
    """Fails when moto fixes what the overrides correct: then drop CreateAgent/CreateKnowledgeBase/DeleteAgent
    from SIMULATION.overrides (and their backend methods), and update docs/validators.md section 6."""
    import boto3
    from moto import mock_aws

    with mock_aws():
        client = boto3.client("bedrock-agent", region_name="us-east-1", aws_access_key_id="x", aws_secret_access_key="x")
        created = client.create_agent(agentName="support", agentResourceRoleArn=ROLE)["agent"]
        assert created["agentStatus"] == "PREPARED"  # AWS: NOT_PREPARED
        with pytest.raises(ClientError):
            client.create_knowledge_base(name="kb", roleArn=ROLE, knowledgeBaseConfiguration=KB_CONFIG,
                                         storageConfiguration=VECTORS)


def test_installed_moto_implements_no_simulated_agent_operation():
    """As test_simulate_bedrock's, for bedrock-agent: overrides excepted, moto answers none of them."""
    simulation = next(s for s in simulations() if s.service == "bedrock-agent")
    assert simulation.implemented_by_moto() == set()
    assert {"PrepareAgent", "CreateAgentAlias", "StartIngestionJob", "AssociateAgentCollaborator"} <= simulation.offered()


def test_the_overrides_are_gone_once_the_account_is_closed():
    from moto.bedrockagent.models import AgentsforBedrockBackend

    with MotoAccount("us-east-1"):
        pass
    assert not hasattr(AgentsforBedrockBackend, "prepare_agent")
    assert AgentsforBedrockBackend.create_agent.__module__ == "moto.bedrockagent.models"


# --- an agent pack, proven by dry-run ------------------------------------------------------------------


def test_agent_pack_is_verified_and_lists_its_simulated_operations(run, copy_pack):
    result = run("dry-run", copy_pack("dryrun-agent"), "--format", "json")
    record = json.loads(result.stdout)["tasks"][0]
    assert result.exit_code == 0 and record["status"] == "verified", result.stdout
    assert {"bedrock-agent:CreateAgentActionGroup", "bedrock-agent:PrepareAgent",
            "bedrock-agent:CreateAgentAlias", "bedrock-agent:ListAgentAliases"} <= set(record["simulated"])


def test_a_check_of_the_draft_lets_the_unpublished_near_miss_slip_through(run, copy_pack):
    from conftest import edit

    pack = copy_pack("dryrun-agent")
    task = pack / "tasks" / "publish-order-agent.yaml"
    edit(task, 'agentVersion: "{live_version}"\n        save:', "agentVersion: DRAFT\n        save:")
    edit(task, 'agentVersion: "{live_version}"\n          actionGroupId', "agentVersion: DRAFT\n          actionGroupId")
    record = json.loads(run("dry-run", pack, "--format", "json").stdout)["tasks"][0]
    assert record["status"] == "failed"
    assert {p["counterexample"] for p in record["problems"]} == {"alias on the version before the action group"}
