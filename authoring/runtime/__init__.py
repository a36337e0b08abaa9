"""The step runtime shared by dry-run, check, the bundle and the preview: steps and validators run through
a caller's client factory (moto in-process, a moto server, a real account), validators read-only.

Public API (other features import from here, never from the modules):
- `Clients(factory)`, `ClientFactory`, `make_read_only(client)`, `MutatingCallRefused`
- `Runner(pack, clients, validator_timeout)`: `.apply(steps, variables)`, `.validate(validator, variables)`,
  `.check(task, variables)`; `base_variables(pack, account_id, suffix)`; `Outcome`, `StepFailed`;
  `fail_message(task, validator, outcome, messages)`
- `DryRun(pack, sandbox, ...)`/`dry_run(...)` -> `PackResult` of `TaskResult`s of `PhaseResult`s of `Problem`s;
  `MotoAccount(region)`: the in-process moto sandbox (imports moto only when entered)
- `dependency_order(pack)`, `ancestors(pack, task, order)`
- `check(pack, factory, region=, variables=, task_ids=, messages=, validator_timeout=)` -> `CheckResult` of
  `CheckedTask`s (live account, read-only); `session_factory(profile, region, endpoint_url)`, `parse_vars`,
  `format_check_text(result, verbose)`, `check_findings(result, pack, pack_file)`,
  `COUNTERPARTS` (how a setup save is found again read-only)
"""

from __future__ import annotations

from .check import (
    COUNTERPARTS, PASSED, CheckedTask, CheckProblem, CheckResult, check, check_findings, format_check_text, parse_vars,
    session_factory,
)
from .clients import CallFailure, ClientFactory, Clients, MutatingCallRefused, make_read_only
from .dryrun import (
    FAILED, PHASES, UNSUPPORTED, VERIFIED, DryRun, PackResult, PhaseResult, Problem, Sandbox, TaskResult,
    ancestors, dependency_order, dry_run, new_suffix,
)
from .moto import MotoAccount
from .python import DEFAULT_TIMEOUT, ValidatorContext
from .steps import MessageSource, Outcome, Runner, StepFailed, base_variables, fail_message
from .values import PackFiles, StepError

__all__ = [
    "COUNTERPARTS", "PASSED", "CheckedTask", "CheckProblem", "CheckResult", "check", "check_findings",
    "format_check_text", "parse_vars", "session_factory",
    "CallFailure", "ClientFactory", "Clients", "MutatingCallRefused", "make_read_only",
    "FAILED", "PHASES", "UNSUPPORTED", "VERIFIED", "DryRun", "PackResult", "PhaseResult", "Problem", "Sandbox",
    "TaskResult", "ancestors", "dependency_order", "dry_run", "new_suffix", "MotoAccount", "DEFAULT_TIMEOUT",
    "ValidatorContext", "MessageSource", "Outcome", "Runner", "StepFailed", "base_variables", "fail_message",
    "PackFiles", "StepError",
]
