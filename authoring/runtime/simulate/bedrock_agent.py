"""Agents for Amazon Bedrock beyond moto's bare records (moto 5.2.5 has only create/get/list/delete of agents
and knowledge bases): agent updates, preparation, versions, aliases, action groups, knowledge-base
association, multi-agent collaboration, data sources and ingestion jobs, written in moto's style as an
extension of moto's `AgentsforBedrockBackend` (see the package docstring for how it is installed).
Upstream, `AgentsBackend`'s methods belong in `AgentsforBedrockBackend`, `AgentsResponse`'s in
`AgentsforBedrockResponse`, `FakeAgent` and `FakeKnowledgeBase` replace moto's `Agent` and `KnowledgeBase`.

Overrides: moto answers `CreateAgent`, `CreateKnowledgeBase` and `DeleteAgent` itself, but not as AWS does —
a new agent is `PREPARED` at once (AWS: `NOT_PREPARED` until `prepare_agent`) with the version "1.0" (AWS:
`DRAFT`) and an id its own API's pattern refuses; a knowledge base with `S3_VECTORS` storage is refused
(botocore's model accepts it) and answered `Active` (AWS: `ACTIVE`); an agent that is not `PREPARED` cannot
be deleted. These three are listed in `SIMULATION.overrides`, so the simulation answers them although moto
implements them: their records are subclasses of moto's, kept in moto's own `agents` and
`knowledge_bases`, so moto's `get_agent`, `list_agents`, `get_knowledge_base` ... answer them.

What AWS does and this models: the agent's working draft (`DRAFT`) holds its configuration, action groups,
knowledge bases and collaborators; changing any of them makes the agent `NOT_PREPARED`; `update_agent`
replaces the whole configuration (a member left out is removed; the idle session timeout falls back to
AWS's 600 s); `prepare_agent` makes it `PREPARED` and is what a new version is made from; an alias created
or updated without a routing configuration freezes the draft as last prepared into a new version 1, 2, ...
and routes to it, with a routing configuration it routes to an existing version; every agent has the test
alias `TSTALIASID`, routed to the draft. Action groups need an executor and exactly one schema (API or
function), except a built-in one (`parentActionGroupSignature`), which takes neither. A collaborator is
an alias ARN of another agent that must exist, and only a supervisor (`agentCollaboration` other than
`DISABLED`) takes one. An ingestion job is `COMPLETE` at once, its statistics counted from the objects in
moto's S3 under the data source's inclusion prefixes (new, modified by ETag, deleted since the last job).
"""

from __future__ import annotations

import copy
import string
from datetime import datetime, timezone
from typing import Any

from moto.bedrockagent import urls as moto_bedrockagent_urls
from moto.bedrockagent.models import Agent, AgentsforBedrockBackend, KnowledgeBase, bedrockagent_backends
from moto.bedrockagent.responses import AgentsforBedrockResponse
from moto.core.common_models import BaseModel
from moto.core.exceptions import ServiceException
from moto.core.responses import ActionResult, EmptyResult
from moto.core.utils import unix_time
from moto.moto_api._internal import mock_random as random
from moto.utilities.paginator import paginate
from moto.utilities.utils import get_partition

from . import Simulation, constraint_errors

DRAFT = "DRAFT"
TEST_ALIAS = "TSTALIASID"
DEFAULT_IDLE_SESSION_TTL = 600  # what AWS answers for an agent created or updated without one
# Agent members moto's `Agent` keeps as attributes; the others are kept as they were sent (`extras`)
_MOTO_FIELDS = {
    "agentName": "agent_name", "instruction": "instruction", "foundationModel": "foundation_model",
    "description": "description", "idleSessionTTLInSeconds": "idle_session_ttl_in_seconds",
    "agentResourceRoleArn": "agent_resource_role_arn", "customerEncryptionKeyArn": "customer_encryption_key_arn",
    "promptOverrideConfiguration": "prompt_override_configuration",
}
_EXTRA_FIELDS = ("orchestrationType", "customOrchestration", "guardrailConfiguration", "memoryConfiguration",
                 "agentCollaboration")
_ACTION_GROUP_FIELDS = ("actionGroupName", "description", "parentActionGroupSignatureParams",
                        "actionGroupExecutor", "apiSchema", "functionSchema")
_DATA_SOURCE_FIELDS = ("name", "description", "dataSourceConfiguration", "serverSideEncryptionConfiguration",
                       "vectorIngestionConfiguration", "dataDeletionPolicy")
_METADATA_SUFFIX = ".metadata.json"  # a document's metadata file beside it, counted apart by AWS


# --- exceptions (moto/bedrockagent/exceptions.py): the code names the model's error shape, which gives the status


class ResourceNotFoundException(ServiceException):
    code = "ResourceNotFoundException"  # 404


class ConflictException(ServiceException):
    code = "ConflictException"  # 409 in bedrock-agent's model


class ValidationException(ServiceException):
    code = "ValidationException"  # 400


# --- records (moto/bedrockagent/models.py) ------------------------------------------------------------------


def _now() -> datetime:
    return datetime.now(timezone.utc)


def _new_id() -> str:
    """AWS's ids here are ten upper-case letters and digits (`[0-9a-zA-Z]{10}` in the model)."""
    return "".join(random.choice(string.ascii_uppercase + string.digits) for _ in range(10))


class FakeAgent(Agent):
    """moto's agent as AWS keeps it: a working draft with its parts, its versions and aliases."""

    def __init__(self, config: dict[str, Any], client_token: str | None, region_name: str, account_id: str):
        super().__init__(config["agentName"], config["agentResourceRoleArn"], region_name, account_id,
                         client_token, None, None, None, None, None, None)
        self.agent_id = _new_id()
        self.agent_arn = f"arn:{get_partition(region_name)}:bedrock:{region_name}:{account_id}:agent/{self.agent_id}"
        self.agent_version = DRAFT
        self.agent_status = "NOT_PREPARED"
        self.prepared_at = None
        self.recommended_actions = []
        self.configure(config)
        self.action_groups: dict[str, FakeActionGroup] = {}
        self.knowledge_bases: dict[str, FakeAgentKnowledgeBase] = {}
        self.collaborators: dict[str, FakeAgentCollaborator] = {}
        self.prepared: FakeAgentVersion | None = None  # the draft as last prepared: what a new version freezes
        self.versions: dict[str, FakeAgentVersion] = {}
        self.last_version = 0  # numbers are never reused
        self.aliases: dict[str, FakeAgentAlias] = {TEST_ALIAS: FakeAgentAlias(self, TEST_ALIAS, "AgentTestAlias", None, DRAFT)}

    def configure(self, config: dict[str, Any]) -> None:
        """A whole new configuration (create and update), as AWS replaces it."""
        for member, attribute in _MOTO_FIELDS.items():
            setattr(self, attribute, copy.deepcopy(config.get(member)))
        self.idle_session_ttl_in_seconds = self.idle_session_ttl_in_seconds or DEFAULT_IDLE_SESSION_TTL
        self.extras = {m: copy.deepcopy(config[m]) for m in _EXTRA_FIELDS if m in config}
        self.changed()

    def changed(self) -> None:
        """The draft changed: it has to be prepared again."""
        self.agent_status = "NOT_PREPARED"
        self.updated_at = unix_time()

    @property
    def collaboration(self) -> str:
        return self.extras.get("agentCollaboration", "DISABLED")

    def to_dict(self) -> dict[str, Any]:
        return {**super().to_dict(), **copy.deepcopy(self.extras)}

    def dict_summary(self) -> dict[str, Any]:
        summary = super().dict_summary()
        summary["latestAgentVersion"] = str(self.last_version) if self.versions else DRAFT
        if "guardrailConfiguration" in self.extras:
            summary["guardrailConfiguration"] = copy.deepcopy(self.extras["guardrailConfiguration"])
        return summary


class FakeAgentVersion(BaseModel):
    """The agent's draft frozen as it was: its configuration and its parts."""

    def __init__(self, agent: FakeAgent, version: str):
        self.record_id = version
        self.version = version
        answer = agent.to_dict()
        answer.pop("agentVersion")
        for member in ("clientToken", "preparedAt"):
            answer.pop(member, None)
        self.answer = {**answer, "version": version}  # a numbered version is PREPARED (copy_for)
        self.created_at = _now()
        self.action_groups = {k: v.copy_for(version) for k, v in agent.action_groups.items()}
        self.knowledge_bases = {k: v.copy_for(version) for k, v in agent.knowledge_bases.items()}
        self.collaborators = {k: v.copy_for(version) for k, v in agent.collaborators.items()}

    def copy_for(self, version: str) -> "FakeAgentVersion":
        frozen = copy.deepcopy(self)
        frozen.record_id = frozen.version = frozen.answer["version"] = version
        frozen.answer["agentStatus"] = "PREPARED"
        frozen.created_at = _now()
        for part in (*frozen.action_groups.values(), *frozen.knowledge_bases.values(), *frozen.collaborators.values()):
            part.agent_version = version
        return frozen

    def to_dict(self) -> dict[str, Any]:
        return _dates({**self.answer, "createdAt": self.created_at, "updatedAt": self.created_at})

    def summary(self) -> dict[str, Any]:
        answer = {"agentName": self.answer["agentName"], "agentStatus": self.answer["agentStatus"],
                  "agentVersion": self.version,
                  "createdAt": self.created_at, "updatedAt": self.created_at}
        for member in ("description", "guardrailConfiguration"):
            if member in self.answer:
                answer[member] = self.answer[member]
        return answer


class _AgentPart(BaseModel):
    """An action group, knowledge base or collaborator of one version of an agent."""

    def __init__(self, agent_id: str, agent_version: str, record_id: str):
        self.agent_id = agent_id
        self.agent_version = agent_version
        self.record_id = record_id
        self.created_at = self.updated_at = _now()

    def copy_for(self, version: str) -> Any:
        part = copy.deepcopy(self)
        part.agent_version = version
        return part


class FakeActionGroup(_AgentPart):
    def __init__(self, agent_id: str, config: dict[str, Any], client_token: str | None):
        super().__init__(agent_id, DRAFT, _new_id())
        self.client_token = client_token
        self.configure(config)

    def configure(self, config: dict[str, Any]) -> None:
        self.config = {m: copy.deepcopy(config[m]) for m in _ACTION_GROUP_FIELDS if m in config}
        if "parentActionGroupSignature" in config:
            self.config["parentActionSignature"] = config["parentActionGroupSignature"]
        self.state = config.get("actionGroupState") or "ENABLED"
        self.updated_at = _now()

    @property
    def name(self) -> str:
        return self.config["actionGroupName"]

    def to_dict(self) -> dict[str, Any]:
        answer = {"agentId": self.agent_id, "agentVersion": self.agent_version, "actionGroupId": self.record_id,
                  "createdAt": self.created_at, "updatedAt": self.updated_at, "actionGroupState": self.state,
                  **copy.deepcopy(self.config)}
        if self.client_token:
            answer["clientToken"] = self.client_token
        return answer

    def summary(self) -> dict[str, Any]:
        answer = {"actionGroupId": self.record_id, "actionGroupName": self.name, "actionGroupState": self.state,
                  "updatedAt": self.updated_at}
        if "description" in self.config:
            answer["description"] = self.config["description"]
        return answer


class FakeAgentKnowledgeBase(_AgentPart):
    def __init__(self, agent_id: str, knowledge_base_id: str, description: str, state: str | None):
        super().__init__(agent_id, DRAFT, knowledge_base_id)
        self.configure(description, state)

    def configure(self, description: str, state: str | None) -> None:
        self.description = description
        self.state = state or "ENABLED"
        self.updated_at = _now()

    def to_dict(self) -> dict[str, Any]:
        return {"agentId": self.agent_id, "agentVersion": self.agent_version, "knowledgeBaseId": self.record_id,
                "description": self.description, "createdAt": self.created_at, "updatedAt": self.updated_at,
                "knowledgeBaseState": self.state}

    def summary(self) -> dict[str, Any]:
        return {"knowledgeBaseId": self.record_id, "description": self.description,
                "knowledgeBaseState": self.state, "updatedAt": self.updated_at}


class FakeAgentCollaborator(_AgentPart):
    def __init__(self, agent_id: str, alias_arn: str, name: str, instruction: str, relay: str | None):
        super().__init__(agent_id, DRAFT, _new_id())
        self.alias_arn = alias_arn
        self.name = name
        self.instruction = instruction
        self.relay = relay or "DISABLED"

    def to_dict(self) -> dict[str, Any]:
        return {"agentId": self.agent_id, "agentVersion": self.agent_version, "collaboratorId": self.record_id,
                "agentDescriptor": {"aliasArn": self.alias_arn}, "collaborationInstruction": self.instruction,
                "collaboratorName": self.name, "relayConversationHistory": self.relay,
                "createdAt": self.created_at, "lastUpdatedAt": self.updated_at}

    summary = to_dict  # the summary has the same members


class FakeAgentAlias(BaseModel):
    def __init__(self, agent: FakeAgent, alias_id: str, name: str, description: str | None, version: str):
        self.agent_id = agent.agent_id
        self.record_id = alias_id
        self.arn = agent.agent_arn.replace(":agent/", ":agent-alias/") + f"/{alias_id}"
        self.name, self.description = name, description
        self.created_at = self.updated_at = _now()
        self.history: list[dict[str, Any]] = []
        self.route_to(version)

    @property
    def routing(self) -> list[dict[str, str]]:
        return copy.deepcopy(self.history[-1]["routingConfiguration"])

    def route_to(self, version: str) -> None:
        now = _now()
        if self.history:
            self.history[-1]["endDate"] = now
        self.history.append({"routingConfiguration": [{"agentVersion": version}], "startDate": now})
        self.updated_at = now

    def summary(self) -> dict[str, Any]:
        answer = {"agentAliasId": self.record_id, "agentAliasName": self.name, "routingConfiguration": self.routing,
                  "agentAliasStatus": "PREPARED", "createdAt": self.created_at, "updatedAt": self.updated_at}
        if self.description:
            answer["description"] = self.description
        return answer

    def to_dict(self) -> dict[str, Any]:
        return {**self.summary(), "agentId": self.agent_id, "agentAliasArn": self.arn,
                "agentAliasHistoryEvents": copy.deepcopy(self.history[::-1])}


class FakeKnowledgeBase(KnowledgeBase):
    """moto's knowledge base with every storage type of the model, `ACTIVE` (moto: `Active`), and its
    data sources. moto's constructor refuses storage types it does not know, so it is not called."""

    def __init__(self, config: dict[str, Any], client_token: str | None, region_name: str, account_id: str):
        self.client_token = client_token
        self.name, self.description, self.role_arn = config["name"], config.get("description"), config["roleArn"]
        self.knowledge_base_configuration = config["knowledgeBaseConfiguration"]
        self.storage_configuration = config.get("storageConfiguration")
        self.region_name, self.account_id = region_name, account_id
        self.knowledge_base_id = _new_id()
        self.knowledge_base_arn = (f"arn:{get_partition(region_name)}:bedrock:{region_name}:{account_id}"
                                   f":knowledge-base/{self.knowledge_base_id}")
        self.created_at = self.updated_at = unix_time()
        self.status = "ACTIVE"
        self.failure_reasons: list[str] = []
        self.data_sources: dict[str, FakeDataSource] = {}


class FakeDataSource(BaseModel):
    def __init__(self, knowledge_base_id: str, config: dict[str, Any]):
        self.knowledge_base_id = knowledge_base_id
        self.record_id = _new_id()
        self.created_at = _now()
        self.status = "AVAILABLE"
        self.configure(config)
        self.ingestion_jobs: dict[str, FakeIngestionJob] = {}
        self.indexed: dict[str, str] = {}  # object key -> ETag, as of the last ingestion job

    def configure(self, config: dict[str, Any]) -> None:
        self.config = {m: copy.deepcopy(config[m]) for m in _DATA_SOURCE_FIELDS if m in config}
        self.config.setdefault("dataDeletionPolicy", "DELETE")
        self.updated_at = _now()

    @property
    def name(self) -> str:
        return self.config["name"]

    def to_dict(self) -> dict[str, Any]:
        return {"knowledgeBaseId": self.knowledge_base_id, "dataSourceId": self.record_id, "status": self.status,
                "createdAt": self.created_at, "updatedAt": self.updated_at, **copy.deepcopy(self.config)}

    def summary(self) -> dict[str, Any]:
        answer = {"knowledgeBaseId": self.knowledge_base_id, "dataSourceId": self.record_id, "name": self.name,
                  "status": self.status, "updatedAt": self.updated_at}
        if "description" in self.config:
            answer["description"] = self.config["description"]
        return answer


class FakeIngestionJob(BaseModel):
    def __init__(self, data_source: FakeDataSource, description: str | None, statistics: dict[str, int] | None,
                 failure: str | None):
        self.knowledge_base_id, self.data_source_id = data_source.knowledge_base_id, data_source.record_id
        self.record_id = _new_id()
        self.description = description
        self.statistics = statistics
        self.failure = failure
        self.status = "FAILED" if failure else "COMPLETE"
        self.started_at = self.updated_at = _now()

    def to_dict(self) -> dict[str, Any]:
        answer: dict[str, Any] = {"knowledgeBaseId": self.knowledge_base_id, "dataSourceId": self.data_source_id,
                                  "ingestionJobId": self.record_id, "status": self.status,
                                  "startedAt": self.started_at, "updatedAt": self.updated_at}
        if self.description:
            answer["description"] = self.description
        if self.statistics is not None:
            answer["statistics"] = dict(self.statistics)
        if self.failure:
            answer["failureReasons"] = [self.failure]
        return answer

    summary = to_dict  # the summary has the same members but failureReasons, which `_answer_list` drops


def _dates(answer: dict[str, Any]) -> dict[str, Any]:
    """moto's records keep Unix times (moto's own responses dump them as JSON); the serializer wants datetimes."""
    return {k: datetime.fromtimestamp(v, timezone.utc) if k in ("createdAt", "updatedAt", "preparedAt")
            and isinstance(v, (int, float)) else v for k, v in answer.items()}


# --- backend methods (moto/bedrockagent/models.py, class AgentsforBedrockBackend) ---------------------------

_MOTO_LIST_ARNS = AgentsforBedrockBackend._list_arns
_LISTS = ("list_agent_versions", "list_agent_aliases", "list_agent_action_groups", "list_agent_knowledge_bases",
          "list_agent_collaborators", "list_data_sources", "list_ingestion_jobs")
PAGINATION_MODEL = {  # upstream: entries of AgentsforBedrockBackend.PAGINATION_MODEL
    name: {"input_token": "next_token", "limit_key": "max_results", "limit_default": 100,
           "unique_attribute": "record_id"} for name in _LISTS
}


class AgentsBackend:
    """Agent and knowledge-base operations for moto's `AgentsforBedrockBackend`; `self` is moto's backend."""

    def _list_arns(self) -> list[str]:  # moto's tagging operations accept an alias's ARN
        aliases = [a.arn for agent in self.agents.values() for a in getattr(agent, "aliases", {}).values()]
        return _MOTO_LIST_ARNS(self) + aliases

    # agents

    def create_agent(self, config: dict[str, Any], client_token: str | None, tags: dict[str, str] | None) -> FakeAgent:
        agent = FakeAgent(config, client_token, self.region_name, self.account_id)
        self.agents[agent.agent_id] = agent
        if tags:
            self.tag_resource(agent.agent_arn, tags)
        return agent

    def _agent(self, agent_id: str) -> FakeAgent:
        agent = self.agents.get(agent_id)
        if not isinstance(agent, FakeAgent):
            raise ResourceNotFoundException(f"Failed to retrieve resource because it doesn't exist. Agent {agent_id}")
        return agent

    def update_agent(self, agent_id: str, config: dict[str, Any]) -> FakeAgent:
        agent = self._agent(agent_id)
        if any(a.agent_name == config["agentName"] and a is not agent for a in self.agents.values()):
            raise ConflictException(f"Could not update agent: an agent named {config['agentName']} already exists.")
        if agent.collaborators and config.get("agentCollaboration", "DISABLED") == "DISABLED":
            raise ValidationException("An agent with collaborators must keep its agentCollaboration.")
        agent.configure(config)
        return agent

    def delete_agent(self, agent_id: str, skip_resource_in_use_check: bool | None) -> tuple[str, str]:
        agent = self._agent(agent_id)
        del self.agents[agent_id]
        for arn in [agent.agent_arn, *(a.arn for a in agent.aliases.values())]:
            self.tagger.delete_all_tags_for_resource(arn)
        return agent_id, "DELETING"

    def prepare_agent(self, agent_id: str) -> FakeAgent:
        agent = self._agent(agent_id)
        agent.agent_status = "PREPARED"
        agent.prepared_at = unix_time()
        agent.prepared = FakeAgentVersion(agent, DRAFT)
        return agent

    def _view(self, agent_id: str, version: str) -> FakeAgent | FakeAgentVersion:
        """The draft (the agent itself) or a numbered version, with its parts."""
        agent = self._agent(agent_id)
        if version == DRAFT:
            return agent
        if version not in agent.versions:
            raise ResourceNotFoundException(f"Failed to retrieve resource because it doesn't exist. "
                                            f"Agent {agent_id} version {version}")
        return agent.versions[version]

    def _draft(self, agent_id: str, version: str) -> FakeAgent:
        if version != DRAFT:
            raise ValidationException(f"Only the DRAFT version of an agent can be changed, not version {version}.")
        return self._agent(agent_id)

    # versions and aliases

    def get_agent_version(self, agent_id: str, version: str) -> FakeAgentVersion:
        view = self._view(agent_id, version)
        return FakeAgentVersion(view, DRAFT) if isinstance(view, FakeAgent) else view

    @paginate(pagination_model=PAGINATION_MODEL)
    def list_agent_versions(self, agent_id: str) -> list[FakeAgentVersion]:
        agent = self._agent(agent_id)
        return [FakeAgentVersion(agent, DRAFT), *agent.versions.values()]

    def _routed_version(self, agent: FakeAgent, routing: list[dict[str, Any]] | None) -> str:
        """The version an alias routes to: the one named, or a new one frozen from the prepared draft."""
        if routing:
            version = routing[0]["agentVersion"]
            if version != DRAFT and version not in agent.versions:
                raise ValidationException(f"Version {version} of agent {agent.agent_id} does not exist.")
            return version
        if agent.prepared is None:
            raise ValidationException(f"Agent {agent.agent_id} has never been prepared: prepare it to create a version.")
        agent.last_version += 1
        number = str(agent.last_version)
        agent.versions[number] = agent.prepared.copy_for(number)
        return number

    def create_agent_alias(self, agent_id: str, name: str, description: str | None,
                           routing: list[dict[str, Any]] | None, tags: dict[str, str] | None) -> FakeAgentAlias:
        agent = self._agent(agent_id)
        if any(a.name == name for a in agent.aliases.values()):
            raise ConflictException(f"An alias named {name} already exists for agent {agent_id}.")
        alias = FakeAgentAlias(agent, _new_id(), name, description, self._routed_version(agent, routing))
        agent.aliases[alias.record_id] = alias
        if tags:
            self.tag_resource(alias.arn, tags)
        return alias

    def _alias(self, agent_id: str, alias_id: str) -> FakeAgentAlias:
        alias = self._agent(agent_id).aliases.get(alias_id)
        if alias is None:
            raise ResourceNotFoundException(f"Failed to retrieve resource because it doesn't exist. Alias {alias_id}")
        return alias

    def get_agent_alias(self, agent_id: str, alias_id: str) -> FakeAgentAlias:
        return self._alias(agent_id, alias_id)

    @paginate(pagination_model=PAGINATION_MODEL)
    def list_agent_aliases(self, agent_id: str) -> list[FakeAgentAlias]:
        return list(self._agent(agent_id).aliases.values())

    def update_agent_alias(self, agent_id: str, alias_id: str, name: str, description: str | None,
                           routing: list[dict[str, Any]] | None) -> FakeAgentAlias:
        agent, alias = self._agent(agent_id), self._alias(agent_id, alias_id)
        if alias_id == TEST_ALIAS:
            raise ValidationException("The test alias TSTALIASID cannot be changed.")
        if any(a.name == name and a is not alias for a in agent.aliases.values()):
            raise ConflictException(f"An alias named {name} already exists for agent {agent_id}.")
        alias.route_to(self._routed_version(agent, routing))
        alias.name, alias.description = name, description
        return alias

    def delete_agent_alias(self, agent_id: str, alias_id: str) -> FakeAgentAlias:
        alias = self._alias(agent_id, alias_id)
        if alias_id == TEST_ALIAS:
            raise ValidationException("The test alias TSTALIASID cannot be deleted.")
        del self.agents[agent_id].aliases[alias_id]
        self.tagger.delete_all_tags_for_resource(alias.arn)
        return alias

    # action groups

    def create_agent_action_group(self, agent_id: str, version: str, config: dict[str, Any],
                                  client_token: str | None) -> FakeActionGroup:
        agent = self._draft(agent_id, version)
        self._unique_action_group(agent, config["actionGroupName"], None)
        group = FakeActionGroup(agent_id, config, client_token)
        agent.action_groups[group.record_id] = group
        agent.changed()
        return group

    def _unique_action_group(self, agent: FakeAgent, name: str, group: FakeActionGroup | None) -> None:
        if any(g.name == name and g is not group for g in agent.action_groups.values()):
            raise ConflictException(f"An action group named {name} already exists in agent {agent.agent_id}.")

    def _action_group(self, agent_id: str, version: str, group_id: str) -> FakeActionGroup:
        group = self._view(agent_id, version).action_groups.get(group_id)
        if group is None:
            raise ResourceNotFoundException(f"Failed to retrieve resource because it doesn't exist. "
                                            f"Action group {group_id}")
        return group

    def get_agent_action_group(self, agent_id: str, version: str, group_id: str) -> FakeActionGroup:
        return self._action_group(agent_id, version, group_id)

    @paginate(pagination_model=PAGINATION_MODEL)
    def list_agent_action_groups(self, agent_id: str, version: str) -> list[FakeActionGroup]:
        return list(self._view(agent_id, version).action_groups.values())

    def update_agent_action_group(self, agent_id: str, version: str, group_id: str,
                                  config: dict[str, Any]) -> FakeActionGroup:
        agent, group = self._draft(agent_id, version), self._action_group(agent_id, version, group_id)
        self._unique_action_group(agent, config["actionGroupName"], group)
        group.configure(config)
        agent.changed()
        return group

    def delete_agent_action_group(self, agent_id: str, version: str, group_id: str) -> None:
        agent = self._draft(agent_id, version)
        del agent.action_groups[self._action_group(agent_id, version, group_id).record_id]
        agent.changed()

    # knowledge bases of an agent

    def associate_agent_knowledge_base(self, agent_id: str, version: str, knowledge_base_id: str,
                                       description: str, state: str | None) -> FakeAgentKnowledgeBase:
        agent = self._draft(agent_id, version)
        self._knowledge_base(knowledge_base_id)
        if knowledge_base_id in agent.knowledge_bases:
            raise ConflictException(f"Knowledge base {knowledge_base_id} is already associated with agent {agent_id}.")
        association = FakeAgentKnowledgeBase(agent_id, knowledge_base_id, description, state)
        agent.knowledge_bases[knowledge_base_id] = association
        agent.changed()
        return association

    def _agent_knowledge_base(self, agent_id: str, version: str, knowledge_base_id: str) -> FakeAgentKnowledgeBase:
        association = self._view(agent_id, version).knowledge_bases.get(knowledge_base_id)
        if association is None:
            raise ResourceNotFoundException(f"Failed to retrieve resource because it doesn't exist. "
                                            f"Knowledge base {knowledge_base_id} of agent {agent_id}")
        return association

    def get_agent_knowledge_base(self, agent_id: str, version: str, knowledge_base_id: str) -> FakeAgentKnowledgeBase:
        return self._agent_knowledge_base(agent_id, version, knowledge_base_id)

    @paginate(pagination_model=PAGINATION_MODEL)
    def list_agent_knowledge_bases(self, agent_id: str, version: str) -> list[FakeAgentKnowledgeBase]:
        return list(self._view(agent_id, version).knowledge_bases.values())

    def update_agent_knowledge_base(self, agent_id: str, version: str, knowledge_base_id: str,
                                    description: str | None, state: str | None) -> FakeAgentKnowledgeBase:
        agent = self._draft(agent_id, version)
        association = self._agent_knowledge_base(agent_id, version, knowledge_base_id)
        association.configure(description or association.description, state or association.state)
        agent.changed()
        return association

    def disassociate_agent_knowledge_base(self, agent_id: str, version: str, knowledge_base_id: str) -> None:
        agent = self._draft(agent_id, version)
        del agent.knowledge_bases[self._agent_knowledge_base(agent_id, version, knowledge_base_id).record_id]
        agent.changed()

    # multi-agent collaboration

    def associate_agent_collaborator(self, agent_id: str, version: str, alias_arn: str, name: str,
                                     instruction: str, relay: str | None) -> FakeAgentCollaborator:
        agent = self._draft(agent_id, version)
        if agent.collaboration == "DISABLED":
            raise ValidationException(f"Agent {agent_id} is not a supervisor: set its agentCollaboration first.")
        collaborator_id, _, alias_id = alias_arn.rsplit(":agent-alias/", 1)[-1].partition("/")
        if not alias_arn.startswith(agent.agent_arn.rsplit(":agent/", 1)[0] + ":agent-alias/"):
            raise ResourceNotFoundException(f"The collaborator alias {alias_arn} was not found.")
        if collaborator_id == agent_id:
            raise ValidationException("An agent cannot be its own collaborator.")
        if self._alias(collaborator_id, alias_id).arn != alias_arn:
            raise ResourceNotFoundException(f"The collaborator alias {alias_arn} was not found.")
        if any(c.name == name for c in agent.collaborators.values()):
            raise ConflictException(f"A collaborator named {name} already exists in agent {agent_id}.")
        collaborator = FakeAgentCollaborator(agent_id, alias_arn, name, instruction, relay)
        agent.collaborators[collaborator.record_id] = collaborator
        agent.changed()
        return collaborator

    def _collaborator(self, agent_id: str, version: str, collaborator_id: str) -> FakeAgentCollaborator:
        collaborator = self._view(agent_id, version).collaborators.get(collaborator_id)
        if collaborator is None:
            raise ResourceNotFoundException(f"Failed to retrieve resource because it doesn't exist. "
                                            f"Collaborator {collaborator_id}")
        return collaborator

    def get_agent_collaborator(self, agent_id: str, version: str, collaborator_id: str) -> FakeAgentCollaborator:
        return self._collaborator(agent_id, version, collaborator_id)

    @paginate(pagination_model=PAGINATION_MODEL)
    def list_agent_collaborators(self, agent_id: str, version: str) -> list[FakeAgentCollaborator]:
        return list(self._view(agent_id, version).collaborators.values())

    def disassociate_agent_collaborator(self, agent_id: str, version: str, collaborator_id: str) -> None:
        agent = self._draft(agent_id, version)
        del agent.collaborators[self._collaborator(agent_id, version, collaborator_id).record_id]
        agent.changed()

    # knowledge bases, data sources and ingestion jobs

    def create_knowledge_base(self, config: dict[str, Any], client_token: str | None,
                              tags: dict[str, str] | None) -> FakeKnowledgeBase:
        knowledge_base = FakeKnowledgeBase(config, client_token, self.region_name, self.account_id)
        self.knowledge_bases[knowledge_base.knowledge_base_id] = knowledge_base
        if tags:
            self.tag_resource(knowledge_base.knowledge_base_arn, tags)
        return knowledge_base

    def _knowledge_base(self, knowledge_base_id: str) -> FakeKnowledgeBase:
        knowledge_base = self.knowledge_bases.get(knowledge_base_id)
        if not isinstance(knowledge_base, FakeKnowledgeBase):  # moto's own error would answer 400, not 404
            raise ResourceNotFoundException(f"Knowledge base {knowledge_base_id} not found")
        return knowledge_base

    def create_data_source(self, knowledge_base_id: str, config: dict[str, Any]) -> FakeDataSource:
        knowledge_base = self._knowledge_base(knowledge_base_id)
        if any(d.name == config["name"] for d in knowledge_base.data_sources.values()):
            raise ConflictException(f"A data source named {config['name']} already exists in {knowledge_base_id}.")
        data_source = FakeDataSource(knowledge_base_id, config)
        knowledge_base.data_sources[data_source.record_id] = data_source
        return data_source

    def _data_source(self, knowledge_base_id: str, data_source_id: str) -> FakeDataSource:
        data_source = self._knowledge_base(knowledge_base_id).data_sources.get(data_source_id)
        if data_source is None:
            raise ResourceNotFoundException(f"Failed to retrieve resource because it doesn't exist. "
                                            f"Data source {data_source_id}")
        return data_source

    def get_data_source(self, knowledge_base_id: str, data_source_id: str) -> FakeDataSource:
        return self._data_source(knowledge_base_id, data_source_id)

    @paginate(pagination_model=PAGINATION_MODEL)
    def list_data_sources(self, knowledge_base_id: str) -> list[FakeDataSource]:
        return list(self._knowledge_base(knowledge_base_id).data_sources.values())

    def update_data_source(self, knowledge_base_id: str, data_source_id: str, config: dict[str, Any]) -> FakeDataSource:
        data_source = self._data_source(knowledge_base_id, data_source_id)
        sources = self._knowledge_base(knowledge_base_id).data_sources.values()
        if any(d.name == config["name"] and d is not data_source for d in sources):
            raise ConflictException(f"A data source named {config['name']} already exists in {knowledge_base_id}.")
        data_source.configure(config)
        return data_source

    def delete_data_source(self, knowledge_base_id: str, data_source_id: str) -> FakeDataSource:
        data_source = self._data_source(knowledge_base_id, data_source_id)
        del self.knowledge_bases[knowledge_base_id].data_sources[data_source_id]
        data_source.status = "DELETING"
        return data_source

    def start_ingestion_job(self, knowledge_base_id: str, data_source_id: str,
                            description: str | None) -> FakeIngestionJob:
        data_source = self._data_source(knowledge_base_id, data_source_id)
        found = self._s3_documents(data_source.config["dataSourceConfiguration"])
        if isinstance(found, str):
            job = FakeIngestionJob(data_source, description, None, found)
        else:
            job = FakeIngestionJob(data_source, description, _statistics(data_source.indexed, found), None)
            data_source.indexed = found
        data_source.ingestion_jobs[job.record_id] = job
        return job

    def _s3_documents(self, config: dict[str, Any]) -> dict[str, str] | str:
        """key -> ETag of the objects an S3 data source takes from moto's S3 (a failure reason instead)."""
        from moto.s3.models import s3_backends

        if config["type"] != "S3":
            return f"Data sources of type {config['type']} are not simulated: only S3 ones are ingested."
        s3 = config["s3Configuration"]
        bucket_name = s3["bucketArn"].rsplit(":", 1)[-1]
        owner = s3.get("bucketOwnerAccountId", self.account_id)
        bucket = s3_backends[owner][get_partition(self.region_name)].buckets.get(bucket_name)
        if bucket is None:
            return f"The S3 bucket {bucket_name} does not exist."
        prefixes = s3.get("inclusionPrefixes") or [""]
        return {name: key.etag for name, key in bucket.keys.items()
                if hasattr(key, "etag") and any(name.startswith(p) for p in prefixes)}

    def _ingestion_job(self, knowledge_base_id: str, data_source_id: str, job_id: str) -> FakeIngestionJob:
        job = self._data_source(knowledge_base_id, data_source_id).ingestion_jobs.get(job_id)
        if job is None:
            raise ResourceNotFoundException(f"Failed to retrieve resource because it doesn't exist. "
                                            f"Ingestion job {job_id}")
        return job

    def get_ingestion_job(self, knowledge_base_id: str, data_source_id: str, job_id: str) -> FakeIngestionJob:
        return self._ingestion_job(knowledge_base_id, data_source_id, job_id)

    @paginate(pagination_model=PAGINATION_MODEL)
    def list_ingestion_jobs(self, knowledge_base_id: str, data_source_id: str) -> list[FakeIngestionJob]:
        return list(self._data_source(knowledge_base_id, data_source_id).ingestion_jobs.values())


def _statistics(before: dict[str, str], now: dict[str, str]) -> dict[str, int]:
    """AWS's counts for a job that found `now` (key -> ETag) where the last one indexed `before`."""
    def split(found: dict[str, str]) -> tuple[dict[str, str], dict[str, str]]:
        meta = {k: v for k, v in found.items() if k.endswith(_METADATA_SUFFIX)}
        return {k: v for k, v in found.items() if k not in meta}, meta

    documents, metadata = split(now)
    old_documents, old_metadata = split(before)
    return {
        "numberOfDocumentsScanned": len(documents), "numberOfMetadataDocumentsScanned": len(metadata),
        "numberOfNewDocumentsIndexed": len(documents.keys() - old_documents.keys()),
        "numberOfModifiedDocumentsIndexed": sum(1 for k, v in documents.items() if k in old_documents
                                                and old_documents[k] != v),
        "numberOfMetadataDocumentsModified": sum(1 for k, v in metadata.items() if old_metadata.get(k, v) != v),
        "numberOfDocumentsDeleted": len(old_documents.keys() - documents.keys()),
        "numberOfDocumentsFailed": 0, "numberOfDocumentsSkipped": 0,
    }


# --- responses (moto/bedrockagent/responses.py, class AgentsforBedrockResponse) -------------------------------

_AGENT_CONFIG = (*_MOTO_FIELDS, *_EXTRA_FIELDS)
_KNOWLEDGE_BASE_CONFIG = ("name", "description", "roleArn", "knowledgeBaseConfiguration", "storageConfiguration")


class AgentsResponse(AgentsforBedrockResponse):
    """Agent requests, parsed from botocore's model and checked against the constraints the service
    enforces beyond it (lengths, patterns, enums, the required combinations of members)."""

    def __init__(self) -> None:
        super().__init__()
        self.automated_parameter_parsing = True

    @property
    def agents_backend(self) -> Any:
        return bedrockagent_backends[self.current_account][self.region]

    def _checked(self, operation: str, *problems: str) -> dict[str, Any]:
        """The request's parameters, or a ValidationException naming what the service would refuse."""
        from moto.core.responses import get_service_model

        shape = get_service_model("bedrock-agent").operation_model(operation).input_shape
        errors = constraint_errors(dict(self.params), shape) + [p for p in problems if p]
        if errors:
            raise ValidationException(f"{len(errors)} validation error(s) detected: " + "; ".join(errors))
        return copy.deepcopy(dict(self.params))

    def _p(self, name: str) -> Any:
        return self._get_param(name)

    def _page(self, member: str, method: str, *args: Any) -> ActionResult:
        records, next_token = getattr(self.agents_backend, method)(
            *args, max_results=self._p("maxResults"), next_token=self._p("nextToken"))
        answer: dict[str, Any] = {member: [_dates(r.summary()) for r in records]}
        for record in answer[member]:
            record.pop("failureReasons", None)
        if next_token:
            answer["nextToken"] = next_token
        return ActionResult(answer)

    # agents (CreateAgent and DeleteAgent override moto's: see the module docstring)

    def create_agent(self) -> ActionResult:
        params = self._checked("CreateAgent")
        agent = self.agents_backend.create_agent({k: params[k] for k in _AGENT_CONFIG if k in params},
                                                 params.get("clientToken"), params.get("tags"))
        return ActionResult({"agent": _dates(agent.to_dict())})

    def update_agent(self) -> ActionResult:
        params = self._checked("UpdateAgent")
        agent = self.agents_backend.update_agent(params["agentId"], {k: params[k] for k in _AGENT_CONFIG if k in params})
        return ActionResult({"agent": _dates(agent.to_dict())})

    def delete_agent(self) -> ActionResult:
        params = self._checked("DeleteAgent")
        agent_id, status = self.agents_backend.delete_agent(params["agentId"], params.get("skipResourceInUseCheck"))
        return ActionResult({"agentId": agent_id, "agentStatus": status})

    def prepare_agent(self) -> ActionResult:
        agent = self.agents_backend.prepare_agent(self._checked("PrepareAgent")["agentId"])
        return ActionResult(_dates({"agentId": agent.agent_id, "agentStatus": agent.agent_status,
                                    "agentVersion": DRAFT, "preparedAt": agent.prepared_at}))

    # versions and aliases

    def get_agent_version(self) -> ActionResult:
        params = self._checked("GetAgentVersion")
        version = self.agents_backend.get_agent_version(params["agentId"], params["agentVersion"])
        return ActionResult({"agentVersion": version.to_dict()})

    def list_agent_versions(self) -> ActionResult:
        return self._page("agentVersionSummaries", "list_agent_versions", self._checked("ListAgentVersions")["agentId"])

    def create_agent_alias(self) -> ActionResult:
        params = self._checked("CreateAgentAlias")
        alias = self.agents_backend.create_agent_alias(params["agentId"], params["agentAliasName"],
                                                       params.get("description"), params.get("routingConfiguration"),
                                                       params.get("tags"))
        return ActionResult({"agentAlias": alias.to_dict()})

    def get_agent_alias(self) -> ActionResult:
        params = self._checked("GetAgentAlias")
        return ActionResult({"agentAlias": self.agents_backend.get_agent_alias(params["agentId"],
                                                                               params["agentAliasId"]).to_dict()})

    def list_agent_aliases(self) -> ActionResult:
        return self._page("agentAliasSummaries", "list_agent_aliases", self._checked("ListAgentAliases")["agentId"])

    def update_agent_alias(self) -> ActionResult:
        params = self._checked("UpdateAgentAlias")
        alias = self.agents_backend.update_agent_alias(params["agentId"], params["agentAliasId"],
                                                       params["agentAliasName"], params.get("description"),
                                                       params.get("routingConfiguration"))
        return ActionResult({"agentAlias": alias.to_dict()})

    def delete_agent_alias(self) -> ActionResult:
        params = self._checked("DeleteAgentAlias")
        alias = self.agents_backend.delete_agent_alias(params["agentId"], params["agentAliasId"])
        return ActionResult({"agentId": alias.agent_id, "agentAliasId": alias.record_id, "agentAliasStatus": "DELETING"})

    # action groups

    def _action_group_config(self, operation: str) -> dict[str, Any]:
        params = self._checked(operation)
        return self._checked(operation, *_action_group_problems(params))

    def create_agent_action_group(self) -> ActionResult:
        params = self._action_group_config("CreateAgentActionGroup")
        group = self.agents_backend.create_agent_action_group(params["agentId"], params["agentVersion"], params,
                                                              params.get("clientToken"))
        return ActionResult({"agentActionGroup": group.to_dict()})

    def get_agent_action_group(self) -> ActionResult:
        params = self._checked("GetAgentActionGroup")
        group = self.agents_backend.get_agent_action_group(params["agentId"], params["agentVersion"],
                                                           params["actionGroupId"])
        return ActionResult({"agentActionGroup": group.to_dict()})

    def list_agent_action_groups(self) -> ActionResult:
        params = self._checked("ListAgentActionGroups")
        return self._page("actionGroupSummaries", "list_agent_action_groups", params["agentId"], params["agentVersion"])

    def update_agent_action_group(self) -> ActionResult:
        params = self._action_group_config("UpdateAgentActionGroup")
        group = self.agents_backend.update_agent_action_group(params["agentId"], params["agentVersion"],
                                                              params["actionGroupId"], params)
        return ActionResult({"agentActionGroup": group.to_dict()})

    def delete_agent_action_group(self) -> ActionResult:
        params = self._checked("DeleteAgentActionGroup")
        self.agents_backend.delete_agent_action_group(params["agentId"], params["agentVersion"], params["actionGroupId"])
        return EmptyResult()

    # knowledge bases of an agent

    def associate_agent_knowledge_base(self) -> ActionResult:
        params = self._checked("AssociateAgentKnowledgeBase")
        association = self.agents_backend.associate_agent_knowledge_base(
            params["agentId"], params["agentVersion"], params["knowledgeBaseId"], params["description"],
            params.get("knowledgeBaseState"))
        return ActionResult({"agentKnowledgeBase": association.to_dict()})

    def get_agent_knowledge_base(self) -> ActionResult:
        params = self._checked("GetAgentKnowledgeBase")
        association = self.agents_backend.get_agent_knowledge_base(params["agentId"], params["agentVersion"],
                                                                    params["knowledgeBaseId"])
        return ActionResult({"agentKnowledgeBase": association.to_dict()})

    def list_agent_knowledge_bases(self) -> ActionResult:
        params = self._checked("ListAgentKnowledgeBases")
        return self._page("agentKnowledgeBaseSummaries", "list_agent_knowledge_bases", params["agentId"],
                          params["agentVersion"])

    def update_agent_knowledge_base(self) -> ActionResult:
        params = self._checked("UpdateAgentKnowledgeBase")
        association = self.agents_backend.update_agent_knowledge_base(
            params["agentId"], params["agentVersion"], params["knowledgeBaseId"], params.get("description"),
            params.get("knowledgeBaseState"))
        return ActionResult({"agentKnowledgeBase": association.to_dict()})

    def disassociate_agent_knowledge_base(self) -> ActionResult:
        params = self._checked("DisassociateAgentKnowledgeBase")
        self.agents_backend.disassociate_agent_knowledge_base(params["agentId"], params["agentVersion"],
                                                              params["knowledgeBaseId"])
        return EmptyResult()

    # multi-agent collaboration

    def associate_agent_collaborator(self) -> ActionResult:
        params = self._checked("AssociateAgentCollaborator")
        collaborator = self.agents_backend.associate_agent_collaborator(
            params["agentId"], params["agentVersion"], params["agentDescriptor"].get("aliasArn", ""),
            params["collaboratorName"], params["collaborationInstruction"], params.get("relayConversationHistory"))
        return ActionResult({"agentCollaborator": collaborator.to_dict()})

    def get_agent_collaborator(self) -> ActionResult:
        params = self._checked("GetAgentCollaborator")
        collaborator = self.agents_backend.get_agent_collaborator(params["agentId"], params["agentVersion"],
                                                                  params["collaboratorId"])
        return ActionResult({"agentCollaborator": collaborator.to_dict()})

    def list_agent_collaborators(self) -> ActionResult:
        params = self._checked("ListAgentCollaborators")
        return self._page("agentCollaboratorSummaries", "list_agent_collaborators", params["agentId"],
                          params["agentVersion"])

    def disassociate_agent_collaborator(self) -> ActionResult:
        params = self._checked("DisassociateAgentCollaborator")
        self.agents_backend.disassociate_agent_collaborator(params["agentId"], params["agentVersion"],
                                                            params["collaboratorId"])
        return EmptyResult()

    # knowledge bases (CreateKnowledgeBase overrides moto's), data sources, ingestion jobs

    def create_knowledge_base(self) -> ActionResult:
        params = self._checked("CreateKnowledgeBase")
        params = self._checked("CreateKnowledgeBase", _storage_problem(params.get("storageConfiguration")))
        knowledge_base = self.agents_backend.create_knowledge_base(
            {k: params[k] for k in _KNOWLEDGE_BASE_CONFIG if k in params}, params.get("clientToken"), params.get("tags"))
        return ActionResult({"knowledgeBase": _dates(knowledge_base.to_dict())})

    def _data_source_config(self, operation: str) -> dict[str, Any]:
        params = self._checked(operation)
        return self._checked(operation, _data_source_problem(params["dataSourceConfiguration"]))

    def create_data_source(self) -> ActionResult:
        params = self._data_source_config("CreateDataSource")
        data_source = self.agents_backend.create_data_source(params["knowledgeBaseId"], params)
        return ActionResult({"dataSource": data_source.to_dict()})

    def get_data_source(self) -> ActionResult:
        params = self._checked("GetDataSource")
        data_source = self.agents_backend.get_data_source(params["knowledgeBaseId"], params["dataSourceId"])
        return ActionResult({"dataSource": data_source.to_dict()})

    def list_data_sources(self) -> ActionResult:
        return self._page("dataSourceSummaries", "list_data_sources", self._checked("ListDataSources")["knowledgeBaseId"])

    def update_data_source(self) -> ActionResult:
        params = self._data_source_config("UpdateDataSource")
        data_source = self.agents_backend.update_data_source(params["knowledgeBaseId"], params["dataSourceId"], params)
        return ActionResult({"dataSource": data_source.to_dict()})

    def delete_data_source(self) -> ActionResult:
        params = self._checked("DeleteDataSource")
        data_source = self.agents_backend.delete_data_source(params["knowledgeBaseId"], params["dataSourceId"])
        return ActionResult({"knowledgeBaseId": data_source.knowledge_base_id, "dataSourceId": data_source.record_id,
                             "status": data_source.status})

    def start_ingestion_job(self) -> ActionResult:
        params = self._checked("StartIngestionJob")
        job = self.agents_backend.start_ingestion_job(params["knowledgeBaseId"], params["dataSourceId"],
                                                      params.get("description"))
        return ActionResult({"ingestionJob": job.to_dict()})

    def get_ingestion_job(self) -> ActionResult:
        params = self._checked("GetIngestionJob")
        job = self.agents_backend.get_ingestion_job(params["knowledgeBaseId"], params["dataSourceId"],
                                                    params["ingestionJobId"])
        return ActionResult({"ingestionJob": job.to_dict()})

    def list_ingestion_jobs(self) -> ActionResult:
        params = self._checked("ListIngestionJobs")
        return self._page("ingestionJobSummaries", "list_ingestion_jobs", params["knowledgeBaseId"],
                          params["dataSourceId"])


# --- the service's required combinations, which botocore's model cannot express -------------------------------


def _action_group_problems(params: dict[str, Any]) -> list[str]:
    """A built-in action group (`parentActionGroupSignature`) takes no executor, schema or description;
    any other needs an executor and exactly one of an API schema and a function schema."""
    schemas = [m for m in ("apiSchema", "functionSchema") if m in params]
    if "parentActionGroupSignature" in params:
        extra = [m for m in ("actionGroupExecutor", *schemas, "description") if m in params]
        return [f"An action group with a parentActionGroupSignature takes no {', '.join(extra)}"] if extra else []
    problems = [] if "actionGroupExecutor" in params else ["An action group needs an actionGroupExecutor"]
    if len(schemas) != 1:
        problems.append("An action group needs exactly one of apiSchema and functionSchema")
    return problems


def _storage_problem(storage: dict[str, Any] | None) -> str:
    """A storage configuration carries the configuration of its type (`S3_VECTORS`: `s3VectorsConfiguration`)."""
    if not storage:
        return ""
    first, *rest = storage["type"].lower().split("_")
    member = first + "".join(w.capitalize() for w in rest) + "Configuration"
    return "" if member in storage else f"A storageConfiguration of type {storage['type']} needs its {member}"


def _data_source_problem(config: dict[str, Any]) -> str:
    if config["type"] == "S3" and "s3Configuration" not in config:
        return "A dataSourceConfiguration of type S3 needs its s3Configuration"
    return ""


# --- urls (moto/bedrockagent/urls.py): moto's catch-all, dispatched per operation by the seam ----------------

url_paths = {
    "{0}/.*$": AgentsResponse.dispatch,
}


SIMULATION = Simulation(service="bedrock-agent", moto_urls=moto_bedrockagent_urls, moto_backend=AgentsforBedrockBackend,
                        backend_mixin=AgentsBackend, response=AgentsResponse, url_paths=url_paths,
                        overrides=frozenset({"CreateAgent", "CreateKnowledgeBase", "DeleteAgent"}))
