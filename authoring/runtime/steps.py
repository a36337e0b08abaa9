"""Running steps (setup, solutions, counterexamples: any call) and validators (read-only) against the
clients of one account, with placeholders, saves and matchers as docs/pack-format.md defines them."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Callable

from ..matchers import mismatch
from ..model import Pack, Step, Task, Validator
from .clients import CallFailure, Clients, classify, operation_name
from .python import DEFAULT_TIMEOUT, PythonValidators, ValidatorContext, run_python
from .values import PackFiles, StepError, fill, fill_known, fill_text, search


@dataclass(frozen=True)
class Outcome:
    """One validator's verdict: passed, or why not (and the operation the endpoint lacks, if that is why)."""

    validator: str
    passed: bool
    detail: str = ""
    unsupported: str | None = None
    variables: dict = field(default_factory=dict, repr=False, compare=False)  # for its fail_message


class StepFailed(Exception):
    """A setup, solution or counterexample step could not be applied."""

    def __init__(self, index: int, step: Step, reason: CallFailure | StepError):
        self.index, self.step, self.reason = index, step, reason
        what = reason.detail if isinstance(reason, CallFailure) else str(reason)
        super().__init__(f"step {index + 1} ({step.call}): {what}")

    @property
    def unsupported(self) -> str | None:
        return self.reason.operation if isinstance(self.reason, CallFailure) and self.reason.unsupported else None


def _blame_empty_save(failure: CallFailure, step: Step, empty: dict[str, str]) -> CallFailure:
    """A call refused for a missing value that an earlier save found empty: when the endpoint's answer
    lacked a field (moto's `s3vectors.create_index` gives no `indexArn`), that operation is unsupported."""
    if failure.code != "ParamValidationError":
        return failure
    from ..placeholders import names_in, strings_in

    used = {name for _, text in strings_in(step.params) for name in names_in(text)}
    for name in sorted(used & set(empty)):
        return CallFailure(empty[name], "EmptyAnswer", f"its answer gave no value for `{name}`", unsupported=True)
    return failure


def base_variables(pack: Pack, account_id: str, suffix: str) -> dict[str, Any]:
    """The built-ins and the pack's `variables`, each filled from those above it."""
    values: dict[str, Any] = {"account_id": account_id, "region": pack.region, "suffix": suffix}
    for name, template in pack.variables.items():
        values[name] = fill_text(template, values)
    return values


class Runner:
    """Applies steps and runs validators through one set of clients; knows the pack's files."""

    def __init__(self, pack: Pack, clients: Clients, validator_timeout: float = DEFAULT_TIMEOUT):
        self.pack = pack
        self.clients = clients
        self.files = PackFiles(pack.directory)
        self.python = PythonValidators(self.files)
        self.validator_timeout = validator_timeout

    # --- steps ----------------------------------------------------------------------------------

    def apply(self, steps: tuple[Step, ...], variables: dict[str, Any]) -> dict[str, Any]:
        """Send `steps` in order; returns `variables` plus their saves. Raises StepFailed."""
        values = dict(variables)
        empty: dict[str, str] = {}  # save name -> the operation whose answer lacked it
        for index, step in enumerate(steps):
            client = self.clients.writer(step.service)
            try:
                params = fill(step.params or {}, values, self.files)
                response = self._call(client, step.method, params)
                saved = self._saves(step, response, values)
            except StepError as exc:
                raise StepFailed(index, step, exc) from None
            except Exception as exc:  # noqa: BLE001 - sorted by classify; anything else is our bug
                failure = classify(exc, client, step.method, in_step=True)
                if failure is None:
                    raise
                raise StepFailed(index, step, _blame_empty_save(failure, step, empty)) from None
            values.update(saved)
            empty.update({name: operation_name(client, step.method) for name, value in saved.items() if value is None})
        return values

    @staticmethod
    def _call(client: Any, method: str, params: Any) -> dict:
        if not isinstance(params, dict):
            raise StepError("params is not a mapping")
        operation = getattr(client, method, None)
        if operation is None:
            raise StepError(f"{client.meta.service_model.service_name} has no operation `{method}`")
        return operation(**params)

    @staticmethod
    def _saves(step: Step, response: Any, values: dict[str, Any]) -> dict[str, Any]:
        return {name: search(fill_text(expression, values), response) for name, expression in step.save.items()}

    # --- validators -----------------------------------------------------------------------------

    def validate(self, validator: Validator, variables: dict[str, Any]) -> Outcome:
        """Run one validator with read-only clients; never raises for anything the pack or AWS did."""
        if validator.kind == "python":
            return self._python(validator, variables)
        values = dict(variables)
        for step in validator.steps:
            problem = self._read_step(step, values)
            if problem is not None:
                detail, unsupported = problem
                prefix = f"{step.call}: " if len(validator.steps) > 1 else ""
                return Outcome(validator.id, False, prefix + detail, unsupported, values)
        return Outcome(validator.id, True, variables=values)

    def _read_step(self, step: Step, values: dict[str, Any]) -> tuple[str, str | None] | None:
        """None when the step passes (saving into `values`); else (detail, unsupported operation)."""
        client = self.clients.reader(step.service)
        try:
            params = fill(step.params or {}, values, self.files)
            response = self._call(client, step.method, params)
        except StepError as exc:
            return str(exc), None
        except Exception as exc:  # noqa: BLE001 - an AWS error is the validator's failure, never a crash
            failure = classify(exc, client, step.method, in_step=False)
            if failure is None:
                raise
            if failure.unsupported:
                return failure.detail, failure.operation
            if step.expect_error and failure.code == step.expect_error:
                return None
            if step.expect_error:
                return f"{failure.detail}; expected the error {step.expect_error}", None
            return failure.detail, None
        if step.expect_error:
            return f"{step.call} succeeded; expected the error {step.expect_error}", None
        try:
            values.update(self._saves(step, response, values))
            for expectation in step.expect:
                path = fill_text(expectation.path, values)
                wrong = mismatch(expectation.matcher or "", search(path, response), fill(expectation.value, values))
                if wrong:
                    return f"`{path}`: {wrong}", None
        except StepError as exc:
            return str(exc), None
        return None

    def _python(self, validator: Validator, variables: dict[str, Any]) -> Outcome:
        try:
            function = self.python.function(validator.python or "")
        except StepError as exc:
            return Outcome(validator.id, False, str(exc), variables=variables)
        result = run_python(function, ValidatorContext(self.clients, variables), self.validator_timeout)
        return Outcome(validator.id, result.passed, result.detail, result.unsupported, variables)

    def check(self, task: Task, variables: dict[str, Any]) -> list[Outcome]:
        """Every validator of `task`, in order (each on its own: one failing does not stop the others)."""
        return [self.validate(v, variables) for v in task.validators]


MessageSource = Callable[[Task, Validator], str]


UNKNOWN_VALUE = "…"  # what the candidate reads for a value the check never learned: the same in every language


def fail_message(task: Task, validator: Validator, outcome: Outcome, messages: MessageSource | None = None) -> str:
    """The candidate-facing message of a failed validator (localized by `messages`, which returns the
    template for a locale): every placeholder known filled, `…` for a value the check never learned (its
    own save, when the step that saves it failed), never a raw `{name}`."""
    template = messages(task, validator) if messages else validator.fail_message
    return fill_known(template, outcome.variables, UNKNOWN_VALUE)
