"""`check` against a live account: every validator of the selected tasks run once, read-only, with the
variables the account was set up with (given with `--var`, or setup saves found again by read calls),
giving what the candidate's Check button would say."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Callable

from ..errors import UsageError
from ..model import Pack, Step, Task
from ..placeholders import names_in, strings_in
from .clients import Clients, classify, make_read_only
from .dryrun import dependency_order
from .python import DEFAULT_TIMEOUT
from .steps import MessageSource, Outcome, Runner, fail_message
from .values import StepError, fill, fill_text, search

PASSED, FAILED, UNSUPPORTED = "passed", "failed", "unsupported"
FIX_HINT = "see docs/check.md: run check with a role that has ReadOnlyAccess"
_DENIED = frozenset({"AccessDenied", "AccessDeniedException", "UnauthorizedOperation", "AuthorizationError",
                     "AuthorizationErrorException", "UnauthorizedException"})
_BAD_CREDENTIALS = frozenset({"InvalidClientTokenId", "UnrecognizedClientException", "ExpiredToken",
                              "ExpiredTokenException", "SignatureDoesNotMatch", "InvalidAccessKeyId"})


# --- results --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class CheckProblem:
    validator: str
    detail: str  # for the author: found vs expected, or the AWS error code
    fail_message: str  # what the candidate sees, localized

    def as_dict(self) -> dict:
        return {"phase": "check", "validator": self.validator, "detail": self.detail,
                "fail_message": self.fail_message}


@dataclass
class CheckedTask:
    id: str
    problems: list[CheckProblem] = field(default_factory=list)
    unsupported: list[str] = field(default_factory=list)

    @property
    def status(self) -> str:
        return FAILED if self.problems else UNSUPPORTED if self.unsupported else PASSED

    def as_dict(self) -> dict:
        return {"id": self.id, "status": self.status, "problems": [p.as_dict() for p in self.problems],
                "unsupported": sorted(set(self.unsupported)), "simulated": []}


@dataclass
class CheckResult:
    pack: str
    tasks: list[CheckedTask]

    def count(self, status: str) -> int:
        return sum(1 for t in self.tasks if t.status == status)

    def as_dict(self) -> dict:
        return {"pack": self.pack, "tasks": [t.as_dict() for t in self.tasks],
                "summary": {s: self.count(s) for s in (PASSED, FAILED, UNSUPPORTED)}}

    @property
    def passed(self) -> bool:
        return all(t.status == PASSED for t in self.tasks)


# --- the account ----------------------------------------------------------------------------------


def session_factory(profile: str | None, region: str, endpoint_url: str | None) -> Callable[[str], Any]:
    """A client factory on `boto3.Session(profile, region)`, every client pointed at `endpoint_url` and
    read-only: check never holds a client that could change the account."""
    import boto3
    from botocore.exceptions import ProfileNotFound

    try:
        session = boto3.Session(profile_name=profile, region_name=region)
    except ProfileNotFound:
        raise UsageError(f"no AWS profile `{profile}`: add it to ~/.aws/config or give another --profile") from None

    def factory(service: str) -> Any:
        return make_read_only(session.client(service, region_name=region, endpoint_url=endpoint_url))

    return factory


class DenialWatch:
    """Notes every access-denied or bad-credentials answer any client receives (a botocore after-call
    hook), so a check that could not look is reported as that, with its fix, not as the candidate's fault."""

    def __init__(self, factory: Callable[[str], Any]):
        self._factory = factory
        self.denied: list[tuple[str, str, str]] = []  # (operation, code, message)

    def __call__(self, service: str) -> Any:
        client = self._factory(service)
        client.meta.events.register("after-call", self._after)
        return client

    def _after(self, parsed=None, model=None, **_) -> None:
        error = (parsed or {}).get("Error") or {}
        code = str(error.get("Code", ""))
        if code in _DENIED or code in _BAD_CREDENTIALS:
            operation = f"{model.service_model.service_name}:{model.name}"
            self.denied.append((operation, code, " ".join(str(error.get("Message", "")).split())))

    def raise_if_denied(self) -> None:
        if self.denied:
            operation, code, message = self.denied[0]
            raise UsageError(credential_problem(operation, code, message))


def credential_problem(operation: str, code: str, message: str = "") -> str:
    """One line naming the fix for an answer that says the caller may not look."""
    if code in _BAD_CREDENTIALS:
        return (f"{operation}: the credentials were refused ({code}): renew them, or pick another --profile "
                "(AWS_PROFILE, AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY)")
    return f"{operation}: access denied ({code}){': ' + message if message else ''}; {FIX_HINT}"


def caller_account(clients: Clients) -> str:
    """The account id of the credentials, from `sts.get_caller_identity`."""
    from botocore.exceptions import BotoCoreError, ClientError, NoCredentialsError, PartialCredentialsError

    try:
        return clients.reader("sts").get_caller_identity()["Account"]
    except (NoCredentialsError, PartialCredentialsError):
        raise UsageError("no AWS credentials found: give --profile, or set AWS_PROFILE or "
                         "AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY (aws configure / aws sso login)") from None
    except ClientError as exc:
        error = exc.response.get("Error", {})
        raise UsageError(credential_problem("sts:GetCallerIdentity", str(error.get("Code", "")))) from None
    except BotoCoreError as exc:  # the endpoint cannot be reached, a bad region: nothing can be checked
        raise UsageError(f"sts:GetCallerIdentity: {' '.join(str(exc).split())}") from None


# --- variables ------------------------------------------------------------------------------------


def _names(value: Any) -> set[str]:
    return {name for _, text in strings_in(value) for name in names_in(text)}


def _step_names(step: Step) -> set[str]:
    found = _names(step.params or {}) | _names(list(step.save.values()))
    for expectation in step.expect:
        found |= set(names_in(expectation.path)) | _names(expectation.value)
    return found


def needed_names(pack: Pack, tasks: list[Task]) -> set[str]:
    """The names the validators of `tasks` use but do not save themselves. A Python validator may read
    any variable, so it needs every pack variable (setup saves it gets where they are found)."""
    needed: set[str] = set()
    for task in tasks:
        for validator in task.validators:
            if validator.kind == "python":
                needed |= set(pack.variables)
            own = {name for step in validator.steps for name in step.save}
            used = set(names_in(validator.fail_message)).union(*(_step_names(s) for s in validator.steps))
            needed |= used - own
    return needed


@dataclass(frozen=True)
class Counterpart:
    """How to find again, with read calls only, what a setup create call made: the answer is given in
    the create call's own response shape, so the step's `save` expressions apply unchanged."""

    find: Callable[[Any, dict], dict | None]  # (read-only client, the create's filled params) -> response


def _one(items: list, what: str) -> Any:
    if len(items) != 1:
        raise StepError(f"{len(items)} {what} found, expected exactly one")
    return items[0]


def _pages(client: Any, method: str, key: str, **params) -> list:
    return [item for page in client.get_paginator(method).paginate(**params) for item in page.get(key, [])]


def _rest_api(client, p):
    return _one([a for a in _pages(client, "get_rest_apis", "items") if a.get("name") == p["name"]],
                f"REST APIs named `{p['name']}`")


def _resource(client, p):
    items = _pages(client, "get_resources", "items", restApiId=p["restApiId"])
    return _one([r for r in items if r.get("parentId") == p["parentId"] and r.get("pathPart") == p["pathPart"]],
                f"resources `{p['pathPart']}`")


def _topic(client, p):
    arns = [t["TopicArn"] for t in _pages(client, "list_topics", "Topics")]
    return {"TopicArn": _one([a for a in arns if a.rsplit(":", 1)[-1] == p["Name"]], f"topics named `{p['Name']}`")}


def _distribution(client, p):
    reference = p["DistributionConfig"]["CallerReference"]
    ids = [d["Id"] for d in client.list_distributions().get("DistributionList", {}).get("Items", [])]
    mine = [i for i in ids if client.get_distribution_config(Id=i)["DistributionConfig"]["CallerReference"] == reference]
    return client.get_distribution(Id=_one(mine, f"distributions with CallerReference `{reference}`"))


def _origin_access_control(client, p):
    name = p["OriginAccessControlConfig"]["Name"]
    items = client.list_origin_access_controls().get("OriginAccessControlList", {}).get("Items", [])
    return client.get_origin_access_control(Id=_one([o["Id"] for o in items if o.get("Name") == name],
                                                    f"origin access controls named `{name}`"))


COUNTERPARTS: dict[str, Counterpart] = {
    "iam.create_role": Counterpart(lambda c, p: c.get_role(RoleName=p["RoleName"])),
    "iam.create_user": Counterpart(lambda c, p: c.get_user(UserName=p["UserName"])),
    "sqs.create_queue": Counterpart(lambda c, p: c.get_queue_url(QueueName=p["QueueName"])),
    "sns.create_topic": Counterpart(_topic),
    "lambda.create_function": Counterpart(lambda c, p: c.get_function(FunctionName=p["FunctionName"])["Configuration"]),
    "dynamodb.create_table": Counterpart(
        lambda c, p: {"TableDescription": c.describe_table(TableName=p["TableName"])["Table"]}),
    "apigateway.create_rest_api": Counterpart(_rest_api),
    "apigateway.create_resource": Counterpart(_resource),
    "cloudfront.create_distribution": Counterpart(_distribution),
    "cloudfront.create_origin_access_control": Counterpart(_origin_access_control),
}
"""A setup step's `save` is found again by its read counterpart: the step itself when it is a read
call, else the entry here for its create call. Any other save has to be given with `--var`."""


class Variables:
    """The variables a check runs with: built-ins, `--var` values, the pack's `variables` and the
    setup saves the validators need, each found or noted with why it is missing."""

    def __init__(self, pack: Pack, runner: Runner, account_id: str, region: str, given: dict[str, str]):
        self.pack, self.runner = pack, runner
        self.values: dict[str, Any] = {"account_id": account_id, "region": region, **given}
        self.given = dict(given)
        self.why: dict[str, str] = {"suffix": "the random id the account was set up with"}
        self.needs: dict[str, list[str]] = {}  # a value not found only because these names are missing

    def resolve(self, needed: set[str]) -> dict[str, Any]:
        """Fill what can be found; raises UsageError naming every missing value in one line."""
        wanted = self._wanted(needed)
        self._variables(wanted)
        self._setup(wanted)
        missing = sorted(needed - set(self.values))
        if missing:
            raise UsageError(self._missing_line(missing))
        return self.values

    def _wanted(self, needed: set[str]) -> set[str]:
        """`needed` plus every name the variables and setup steps providing them use (setup read backwards)."""
        wanted = set(needed)
        for step in reversed(self.pack.setup):
            if set(step.save) & (wanted - set(self.given)):
                wanted |= _names(step.params or {}) | _names(list(step.save.values()))
        for name, template in reversed(list(self.pack.variables.items())):
            if name in wanted and name not in self.given:
                wanted |= set(names_in(template))
        return wanted

    def _variables(self, wanted: set[str]) -> None:
        for name, template in self.pack.variables.items():
            if name in self.given or name not in wanted:
                continue
            absent = [n for n in names_in(template) if n not in self.values]
            if absent:
                self.needs[name] = absent
            else:
                self.values[name] = fill_text(template, self.values)

    def _setup(self, wanted: set[str]) -> None:
        for index, step in enumerate(self.pack.setup):
            names = [n for n in step.save if n in wanted and n not in self.given]
            if not names:
                continue
            where = f"setup step {index + 1} `{step.call}`"
            absent = sorted(_names(step.params or {}) - set(self.values))
            if absent:
                self.needs.update({n: absent for n in names})
                continue
            try:
                response = self._find(step)
            except StepError as exc:
                self.why.update({n: f"saved by {where}: {exc}" for n in names})
                continue
            for name in names:
                value = search(fill_text(step.save[name], self.values), response)
                if value is None:
                    self.why[name] = f"saved by {where}: its read counterpart gave no value"
                else:
                    self.values[name] = value

    def _find(self, step: Step) -> Any:
        """The response `step` gave at setup, found again read-only. Raises StepError."""
        from botocore.exceptions import ClientError

        from ..aws.readonly import is_read_operation

        client = self.runner.clients.reader(step.service)
        api = client.meta.method_to_api_mapping.get(step.method, step.method)
        counterpart = COUNTERPARTS.get(step.call)
        if counterpart is None and not is_read_operation(step.service, api):
            raise StepError("no read call finds what it created")
        params = fill(step.params or {}, self.values, self.runner.files)
        try:
            if counterpart is None:
                return getattr(client, step.method)(**params)
            return counterpart.find(client, params)
        except (KeyError, TypeError) as exc:
            raise StepError(f"its params lack {exc}") from None
        except ClientError as exc:
            code = exc.response.get("Error", {}).get("Code", "")
            raise StepError(f"its read call {step.service}:{exc.operation_name} failed with {code}") from None
        except Exception as exc:  # noqa: BLE001 - an endpoint error: the save stays unknown, with why
            failure = classify(exc, client, step.method, in_step=False)
            if failure is None:
                raise
            raise StepError(f"its read call failed: {failure.detail}") from None

    def _roots(self, name: str) -> set[str]:
        """The missing names that `name` waits for (itself when nothing else stands in its way)."""
        if name not in self.needs:
            return {name}
        return set().union(*(self._roots(n) for n in self.needs[name]))

    def _missing_line(self, missing: list[str]) -> str:
        users: dict[str, list[str]] = {}
        for name in missing:
            for root in self._roots(name):
                users.setdefault(root, []).append(name)
        parts = []
        for root in sorted(users):
            others = [n for n in users[root] if n != root]
            why = "; ".join(filter(None, [self.why.get(root, "not found"), "for " + ", ".join(others) if others else ""]))
            parts.append(f"{root} ({why})")
        return ("check is missing values the account was set up with: " + "; ".join(parts)
                + "; give each with --var NAME=VALUE")


# --- the run --------------------------------------------------------------------------------------


def parse_vars(pairs: tuple[str, ...] | list[str]) -> dict[str, str]:
    """`--var name=value` options as a mapping; a malformed one is a usage error."""
    values = {}
    for pair in pairs:
        name, sep, value = pair.partition("=")
        if not sep or not name.strip():
            raise UsageError(f"--var {pair}: expected NAME=VALUE")
        values[name.strip()] = value
    return values


def check(pack: Pack, factory: Callable[[str], Any], *, region: str | None = None,
          variables: dict[str, str] | None = None, task_ids: list[str] | None = None,
          messages: MessageSource | None = None, validator_timeout: float = DEFAULT_TIMEOUT) -> CheckResult:
    """Run the validators of the selected tasks (default: all, in dependency order) once against the
    account `factory`'s clients reach; every client is made read-only here, whatever the factory gives."""
    watch = DenialWatch(lambda service: make_read_only(factory(service)))
    runner = Runner(pack, Clients(watch), validator_timeout)
    tasks = [t for t in dependency_order(pack) if task_ids is None or t.id in task_ids]
    account_id = caller_account(runner.clients)
    known = Variables(pack, runner, account_id, region or pack.region, variables or {})
    try:
        values = known.resolve(needed_names(pack, tasks))
    finally:
        watch.raise_if_denied()  # a save not found because the role may not look: say that instead
    result = CheckResult(pack.id, [])
    for task in tasks:
        result.tasks.append(_checked(task, runner.check(task, values), messages))
        watch.raise_if_denied()
    return result


def _checked(task: Task, outcomes: list[Outcome], messages: MessageSource | None) -> CheckedTask:
    checked = CheckedTask(task.id)
    validators = {v.id: v for v in task.validators}
    for outcome in outcomes:
        if outcome.unsupported:
            checked.unsupported.append(outcome.unsupported)
        elif not outcome.passed:
            message = fail_message(task, validators[outcome.validator], outcome, messages)
            checked.problems.append(CheckProblem(outcome.validator, outcome.detail, message))
    return checked


# --- output ---------------------------------------------------------------------------------------


def format_check_text(result: CheckResult, verbose: bool = False) -> str:
    """A line per task, `passed` or `failed` followed by what the candidate would read (and, `verbose`,
    the author's detail under each message)."""
    lines = []
    for task in result.tasks:
        extra = f" ({', '.join(sorted(set(task.unsupported)))})" if task.status == UNSUPPORTED else ""
        lines.append(f"{task.id}: {task.status}{extra}")
        for problem in task.problems:
            lines.append(f"  {problem.fail_message}")
            if verbose:
                lines.append(f"    [{problem.validator}] {problem.detail}")
    counts = ", ".join(f"{result.count(s)} {s}" for s in (PASSED, FAILED, UNSUPPORTED) if result.count(s))
    lines.append(f"{result.pack}: {counts or 'no tasks'}")
    return "\n".join(lines) + "\n"


def check_findings(result: CheckResult, pack: Pack, fallback_file: str) -> list:
    """One error per failed validator, at the validator, and one warning per unsupported task."""
    from ..errors import Pos
    from ..findings import ERROR, WARNING, Finding

    found = []
    for checked in result.tasks:
        task = pack.task(checked.id)
        validators = {v.id: v for v in task.validators}
        for problem in checked.problems:
            found.append(Finding.at(validators[problem.validator].pos(), "check-failed", ERROR,
                                    f"{checked.id} / {problem.validator}: {problem.fail_message} ({problem.detail})",
                                    source="check"))
        if checked.status == UNSUPPORTED:
            found.append(Finding.at(Pos(fallback_file), "check-unsupported", WARNING,
                                    f"{checked.id}: unsupported by the endpoint: {', '.join(checked.unsupported)}",
                                    source="check"))
    return sorted(found)
