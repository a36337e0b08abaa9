"""Amazon Bedrock guardrails for moto (5.2.5 has none): create, update, version, get, list and delete, with
every policy type, written in moto's style as an extension of moto's `BedrockBackend` (see the package
docstring for how it is installed). Upstream, `GuardrailsBackend`'s methods belong in `BedrockBackend`
(`self.guardrails` set in its `__init__`), `GuardrailsResponse`'s in `BedrockResponse`, `url_paths` in
`moto/bedrock/urls.py`, the exceptions in `moto/bedrock/exceptions.py`.

What AWS does and this models: a guardrail is created `READY` as version `DRAFT`; `update_guardrail`
replaces the draft's whole configuration (a policy left out is removed); `create_guardrail_version` freezes
the draft as it is then as version 1, 2, ...; `get_guardrail` answers the draft or a version, by id or ARN;
`list_guardrails` lists every guardrail's draft, or every version of one guardrail; `delete_guardrail`
deletes one version, or the guardrail with all its versions. Policies are answered as they were configured
(`topicsConfig` -> `topics`, `piiEntitiesConfig` -> `piiEntities`, ...); fields the request left out are
not invented.
"""

from __future__ import annotations

import copy
import string
from datetime import datetime, timezone
from typing import Any

from moto.bedrock import urls as moto_bedrock_urls
from moto.bedrock.models import BedrockBackend, bedrock_backends
from moto.bedrock.responses import BedrockResponse
from moto.core.common_models import BaseModel
from moto.core.exceptions import ServiceException
from moto.core.responses import ActionResult, EmptyResult
from moto.moto_api._internal import mock_random as random
from moto.utilities.paginator import paginate

from . import Simulation, constraint_errors

DRAFT = "DRAFT"
# request member -> answer member, for each policy block and the lists inside them
_POLICIES = {
    "topicPolicyConfig": "topicPolicy", "contentPolicyConfig": "contentPolicy", "wordPolicyConfig": "wordPolicy",
    "sensitiveInformationPolicyConfig": "sensitiveInformationPolicy",
    "contextualGroundingPolicyConfig": "contextualGroundingPolicy",
    "automatedReasoningPolicyConfig": "automatedReasoningPolicy",
}
_LISTS = {
    "topicsConfig": "topics", "filtersConfig": "filters", "wordsConfig": "words",
    "managedWordListsConfig": "managedWordLists", "piiEntitiesConfig": "piiEntities", "regexesConfig": "regexes",
    "tierConfig": "tier",
}


# --- exceptions (moto/bedrock/exceptions.py): the code names the model's error shape, which gives the status


class ResourceNotFoundException(ServiceException):
    code = "ResourceNotFoundException"  # 404


class ConflictException(ServiceException):
    code = "ConflictException"  # 400 in bedrock's model (AWS's Bedrock reference says so too)


class ValidationException(ServiceException):
    code = "ValidationException"  # 400


# --- records (moto/bedrock/models.py) --------------------------------------------------------------------


class FakeGuardrailVersion(BaseModel):
    """One version of a guardrail: `DRAFT` (changed by updates) or a number (frozen)."""

    def __init__(self, guardrail_id: str, arn: str, version: str, config: dict[str, Any], created_at: datetime):
        self.guardrail_id = guardrail_id
        self.arn = arn
        self.version = version
        self.config = config  # the request's members, as sent (name, policies, messages, ...)
        self.created_at = created_at
        self.updated_at = created_at

    def to_dict(self, region: str, account_id: str, partition: str) -> dict[str, Any]:
        answer: dict[str, Any] = {
            "name": self.config["name"], "guardrailId": self.guardrail_id, "guardrailArn": self.arn,
            "version": self.version, "status": "READY", "createdAt": self.created_at, "updatedAt": self.updated_at,
            "blockedInputMessaging": self.config["blockedInputMessaging"],
            "blockedOutputsMessaging": self.config["blockedOutputsMessaging"],
        }
        if "description" in self.config:
            answer["description"] = self.config["description"]
        for request_name, answer_name in _POLICIES.items():
            if request_name in self.config:
                answer[answer_name] = {_LISTS.get(k, k): v for k, v in self.config[request_name].items()}
        if "crossRegionConfig" in self.config:
            answer["crossRegionDetails"] = _cross_region(self.config["crossRegionConfig"], region, account_id, partition)
        if _kms_key_arn(self.config.get("kmsKeyId", "alias/"), region, account_id, partition):
            answer["kmsKeyArn"] = _kms_key_arn(self.config["kmsKeyId"], region, account_id, partition)
        return answer

    def summary(self) -> dict[str, Any]:
        answer = {"id": self.guardrail_id, "arn": self.arn, "status": "READY", "name": self.config["name"],
                  "version": self.version, "createdAt": self.created_at, "updatedAt": self.updated_at}
        if "description" in self.config:
            answer["description"] = self.config["description"]
        return answer


class FakeGuardrail(BaseModel):
    """A guardrail: its draft and its numbered versions."""

    def __init__(self, guardrail_id: str, arn: str, config: dict[str, Any]):
        self.guardrail_id = guardrail_id
        self.arn = arn
        self.versions: dict[str, FakeGuardrailVersion] = {
            DRAFT: FakeGuardrailVersion(guardrail_id, arn, DRAFT, config, datetime.now(timezone.utc))}
        self.last_version = 0  # numbers are never reused, even after a version is deleted

    @property
    def draft(self) -> FakeGuardrailVersion:
        return self.versions[DRAFT]

    @property
    def name(self) -> str:
        return self.draft.config["name"]


# --- backend methods (moto/bedrock/models.py, class BedrockBackend) ----------------------------------------

_MOTO_LIST_ARNS = BedrockBackend._list_arns


PAGINATION_MODEL = {  # upstream: an entry of BedrockBackend.PAGINATION_MODEL
    "list_guardrails": {"input_token": "next_token", "limit_key": "max_results", "limit_default": 20,
                        "unique_attribute": ["guardrail_id", "version"]},
}


class GuardrailsBackend:
    """Guardrail operations for moto's `BedrockBackend`; `self` is moto's backend."""

    @property
    def guardrails(self) -> dict[str, FakeGuardrail]:
        return self.__dict__.setdefault("guardrails", {})

    def _list_arns(self) -> list[str]:  # moto's tagging operations accept a guardrail's ARN
        return _MOTO_LIST_ARNS(self) + [g.arn for g in self.guardrails.values()]

    def create_guardrail(self, config: dict[str, Any], tags: list[dict[str, str]] | None) -> FakeGuardrailVersion:
        if any(g.name == config["name"] for g in self.guardrails.values()):
            raise ConflictException(f"A guardrail with the name {config['name']} already exists.")
        guardrail_id = "".join(random.choice(string.ascii_lowercase + string.digits) for _ in range(12))
        arn = f"arn:{self.partition}:bedrock:{self.region_name}:{self.account_id}:guardrail/{guardrail_id}"
        self.guardrails[guardrail_id] = FakeGuardrail(guardrail_id, arn, config)
        if tags:
            self.tagger.tag_resource(arn, [{"Key": t["key"], "Value": t["value"]} for t in tags])
        return self.guardrails[guardrail_id].draft

    def _guardrail(self, identifier: str) -> FakeGuardrail:
        guardrail_id = identifier.rsplit("/", 1)[-1]
        guardrail = self.guardrails.get(guardrail_id)
        if guardrail is None or (identifier.startswith("arn:") and identifier != guardrail.arn):
            raise ResourceNotFoundException(f"The guardrail {identifier} was not found.")
        return guardrail

    def get_guardrail(self, identifier: str, version: str | None) -> FakeGuardrailVersion:
        guardrail = self._guardrail(identifier)
        found = guardrail.versions.get(version or DRAFT)
        if found is None:
            raise ResourceNotFoundException(f"Version {version} of the guardrail {identifier} was not found.")
        return found

    def update_guardrail(self, identifier: str, config: dict[str, Any]) -> FakeGuardrailVersion:
        guardrail = self._guardrail(identifier)
        if any(g.name == config["name"] and g is not guardrail for g in self.guardrails.values()):
            raise ConflictException(f"A guardrail with the name {config['name']} already exists.")
        guardrail.draft.config = config
        guardrail.draft.updated_at = datetime.now(timezone.utc)
        return guardrail.draft

    def create_guardrail_version(self, identifier: str, description: str | None) -> FakeGuardrailVersion:
        guardrail = self._guardrail(identifier)
        guardrail.last_version += 1
        config = copy.deepcopy(guardrail.draft.config)
        if description is not None:
            config["description"] = description
        else:
            config.pop("description", None)
        number = str(guardrail.last_version)
        guardrail.versions[number] = FakeGuardrailVersion(guardrail.guardrail_id, guardrail.arn, number, config,
                                                          datetime.now(timezone.utc))
        return guardrail.versions[number]

    @paginate(pagination_model=PAGINATION_MODEL)
    def list_guardrails(self, identifier: str | None) -> list[FakeGuardrailVersion]:
        if identifier:
            return list(self._guardrail(identifier).versions.values())
        return [g.draft for g in self.guardrails.values()]

    def delete_guardrail(self, identifier: str, version: str | None) -> None:
        guardrail = self._guardrail(identifier)
        if version is None:
            del self.guardrails[guardrail.guardrail_id]
            self.tagger.delete_all_tags_for_resource(guardrail.arn)
        elif version in guardrail.versions:
            del guardrail.versions[version]
        else:
            raise ResourceNotFoundException(f"Version {version} of the guardrail {identifier} was not found.")


# --- responses (moto/bedrock/responses.py, class BedrockResponse) ------------------------------------------

_CONFIG_MEMBERS = ("name", "description", *_POLICIES, "crossRegionConfig", "blockedInputMessaging",
                   "blockedOutputsMessaging", "kmsKeyId")


class GuardrailsResponse(BedrockResponse):
    """Guardrail requests, parsed from botocore's model and checked against the constraints the service
    enforces beyond it (lengths, patterns, enums, PROMPT_ATTACK's output strength)."""

    def __init__(self) -> None:
        super().__init__()
        self.automated_parameter_parsing = True

    @property
    def guardrails_backend(self) -> Any:
        return bedrock_backends[self.current_account][self.region]

    def _config(self, operation: str) -> dict[str, Any]:
        from moto.core.responses import get_service_model

        shape = get_service_model("bedrock").operation_model(operation).input_shape
        errors = constraint_errors(dict(self.params), shape)
        filters = (self._get_param("contentPolicyConfig") or {}).get("filtersConfig", [])
        if any(f["type"] == "PROMPT_ATTACK" and f["outputStrength"] != "NONE" for f in filters):
            errors.append("PROMPT_ATTACK content filter strength for response must be NONE")
        if errors:
            raise ValidationException(f"{len(errors)} validation error(s) detected: " + "; ".join(errors))
        return {name: copy.deepcopy(self.params[name]) for name in _CONFIG_MEMBERS if name in self.params}

    def _answer(self, record: FakeGuardrailVersion) -> dict[str, Any]:
        backend = self.guardrails_backend
        return record.to_dict(backend.region_name, backend.account_id, backend.partition)

    def create_guardrail(self) -> ActionResult:
        record = self.guardrails_backend.create_guardrail(self._config("CreateGuardrail"), self._get_param("tags"))
        return ActionResult({"guardrailId": record.guardrail_id, "guardrailArn": record.arn,
                             "version": record.version, "createdAt": record.created_at})

    def update_guardrail(self) -> ActionResult:
        identifier = self._get_param("guardrailIdentifier")
        record = self.guardrails_backend.update_guardrail(identifier, self._config("UpdateGuardrail"))
        return ActionResult({"guardrailId": record.guardrail_id, "guardrailArn": record.arn,
                             "version": record.version, "updatedAt": record.updated_at})

    def create_guardrail_version(self) -> ActionResult:
        self._config("CreateGuardrailVersion")
        record = self.guardrails_backend.create_guardrail_version(self._get_param("guardrailIdentifier"),
                                                                  self._get_param("description"))
        return ActionResult({"guardrailId": record.guardrail_id, "version": record.version})

    def get_guardrail(self) -> ActionResult:
        self._config("GetGuardrail")
        record = self.guardrails_backend.get_guardrail(self._get_param("guardrailIdentifier"),
                                                       self._get_param("guardrailVersion"))
        return ActionResult(self._answer(record))

    def list_guardrails(self) -> ActionResult:
        self._config("ListGuardrails")
        records, next_token = self.guardrails_backend.list_guardrails(
            identifier=self._get_param("guardrailIdentifier"), max_results=self._get_param("maxResults"),
            next_token=self._get_param("nextToken"))
        answer: dict[str, Any] = {"guardrails": [r.summary() for r in records]}
        if next_token:
            answer["nextToken"] = next_token
        return ActionResult(answer)

    def delete_guardrail(self) -> ActionResult:
        self._config("DeleteGuardrail")
        self.guardrails_backend.delete_guardrail(self._get_param("guardrailIdentifier"),
                                                 self._get_param("guardrailVersion"))
        return EmptyResult()


# --- urls (moto/bedrock/urls.py) ---------------------------------------------------------------------------

url_paths = {
    "{0}/guardrails$": GuardrailsResponse.dispatch,
    "{0}/guardrails/(?P<guardrailIdentifier>[^/]+)$": GuardrailsResponse.dispatch,  # an ARN comes %2F-encoded
}


def _cross_region(config: dict[str, str], region: str, account_id: str, partition: str) -> dict[str, str]:
    identifier = config["guardrailProfileIdentifier"]
    if identifier.startswith("arn:"):
        return {"guardrailProfileId": identifier.rsplit("/", 1)[-1], "guardrailProfileArn": identifier}
    return {"guardrailProfileId": identifier,
            "guardrailProfileArn": f"arn:{partition}:bedrock:{region}:{account_id}:guardrail-profile/{identifier}"}


def _kms_key_arn(key: str, region: str, account_id: str, partition: str) -> str | None:
    """The key's ARN, from a key ARN or id; None for an alias, which moto's KMS is not asked to resolve."""
    if ":key/" in key:
        return key
    return None if "alias/" in key else f"arn:{partition}:kms:{region}:{account_id}:key/{key}"


SIMULATION = Simulation(service="bedrock", moto_urls=moto_bedrock_urls, moto_backend=BedrockBackend,
                        backend_mixin=GuardrailsBackend, response=GuardrailsResponse, url_paths=url_paths)
