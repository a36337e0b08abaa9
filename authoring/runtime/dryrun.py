"""Dry-run (docs/pack-format.md section 7): for each task, in dependency order, the four phases — before
(must not pass), after (must pass), each counterexample (exactly its `fails` fail), and the full run —
on one account whose state is saved once per dependency chain and restored for every scenario."""

from __future__ import annotations

import os
import secrets
import string
from dataclasses import dataclass, field
from typing import Any, Callable, Protocol

from ..errors import Pos
from ..model import Pack, Task
from .clients import Clients
from .python import DEFAULT_TIMEOUT
from .steps import MessageSource, Outcome, Runner, StepFailed, base_variables, fail_message

VERIFIED, FAILED, UNSUPPORTED = "verified", "failed", "unsupported"
PHASES = ("before", "after", "counterexample", "full")


class Sandbox(Protocol):
    """An account the run may change freely and whose whole state can be saved and restored."""

    account_id: str

    def factory(self, service: str) -> Any: ...
    def snapshot(self) -> Any: ...
    def restore(self, snapshot: Any) -> None: ...
    # optional: `simulated() -> list[str]`, the simulated operations answered since the last call


@dataclass(frozen=True)
class Problem:
    phase: str  # one of PHASES
    validator: str | None  # None: a step failed, not a validator
    detail: str  # for the author: the value found vs expected, or the error code
    fail_message: str | None = None  # for the candidate (localized), when a validator failed
    counterexample: str | None = None
    pos: Pos | None = field(default=None, compare=False)  # the validator or step the problem is about

    def as_dict(self) -> dict:
        data = {"phase": self.phase, "validator": self.validator, "detail": self.detail}
        if self.fail_message is not None:
            data["fail_message"] = self.fail_message
        if self.counterexample is not None:
            data["counterexample"] = self.counterexample
        return data


@dataclass
class PhaseResult:
    """One scenario of one task (a JUnit test case): `before`, `after`, `counterexample: <name>`, `full`."""

    phase: str
    name: str
    problems: list[Problem] = field(default_factory=list)
    unsupported: list[str] = field(default_factory=list)
    simulated: list[str] = field(default_factory=list)  # operations the simulation answered, not moto
    seconds: float = 0.0

    @property
    def status(self) -> str:
        return FAILED if self.problems else UNSUPPORTED if self.unsupported else VERIFIED


@dataclass
class TaskResult:
    id: str
    phases: list[PhaseResult] = field(default_factory=list)

    @property
    def problems(self) -> list[Problem]:
        return [p for phase in self.phases for p in phase.problems]

    @property
    def unsupported(self) -> list[str]:
        return sorted({op for phase in self.phases for op in phase.unsupported})

    @property
    def simulated(self) -> list[str]:
        return sorted({op for phase in self.phases for op in phase.simulated})

    @property
    def status(self) -> str:
        statuses = {phase.status for phase in self.phases}
        return FAILED if FAILED in statuses else UNSUPPORTED if UNSUPPORTED in statuses else VERIFIED

    def as_dict(self) -> dict:
        return {"id": self.id, "status": self.status, "problems": [p.as_dict() for p in self.problems],
                "unsupported": self.unsupported, "simulated": self.simulated}


@dataclass
class PackResult:
    pack: str
    tasks: list[TaskResult]

    def count(self, status: str) -> int:
        return sum(1 for t in self.tasks if t.status == status)

    def as_dict(self) -> dict:
        return {"pack": self.pack, "tasks": [t.as_dict() for t in self.tasks],
                "summary": {s: self.count(s) for s in (VERIFIED, FAILED, UNSUPPORTED)}}

    def passed(self, allow_unsupported: bool = False) -> bool:
        allowed = {VERIFIED, UNSUPPORTED} if allow_unsupported else {VERIFIED}
        return all(t.status in allowed for t in self.tasks)


def new_suffix() -> str:
    """The built-in `{suffix}`: a short random id, fixed for one run."""
    return "".join(secrets.choice(string.ascii_lowercase + string.digits) for _ in range(6))


def dependency_order(pack: Pack) -> list[Task]:
    """The listed tasks, each after everything it depends on, otherwise in display order."""
    listed = {id(t) for t in pack.listed_tasks}
    return [t for t in pack.dependency_order() if id(t) in listed]


def ancestors(pack: Pack, task: Task, order: list[Task]) -> list[Task]:
    """Every task `task` depends on, directly or not, in dependency order (`order`)."""
    found = {t.id for t in pack.ancestors(task)}
    return [t for t in order if t.id in found]


Progress = Callable[[TaskResult], None]


class DryRun:
    """One pack's dry-run in one sandbox. `run()` returns the PackResult."""

    def __init__(self, pack: Pack, sandbox: Sandbox, *, suffix: str | None = None,
                 messages: MessageSource | None = None, validator_timeout: float = DEFAULT_TIMEOUT,
                 progress: Progress | None = None, clock: Callable[[], float] | None = None):
        import time

        self.pack = pack
        self.sandbox = sandbox
        self.runner = Runner(pack, Clients(sandbox.factory), validator_timeout)
        self.suffix = suffix or new_suffix()
        self.messages = messages
        self.progress = progress
        self.clock = clock or time.perf_counter
        self.order = dependency_order(pack)
        self._states: dict[tuple[str, ...], tuple[Any, dict]] = {}
        self._setup_failure: StepFailed | None = None

    def run(self, task_ids: list[str] | None = None, jobs: int = 1) -> PackResult:
        """Setup once, then each selected task's phases and the full run; with `jobs` > 1 the tasks are
        shared among forked copies of this process, each starting from the state after setup."""
        selected = [t for t in self.order if task_ids is None or t.id in task_ids]
        self._prepare()
        jobs = min(jobs, len(selected) + 1)
        if jobs > 1 and hasattr(os, "fork"):
            results = self._parallel(selected, jobs)
        else:
            results = self._phases(selected)
            results = _merge(results, self._full([t.id for t in selected]))
        return PackResult(self.pack.id, [results[t.id] for t in selected])

    def _phases(self, tasks: list[Task]) -> dict[str, TaskResult]:
        results = {}
        for task in tasks:
            results[task.id] = TaskResult(task.id)
            self._task(task, results[task.id])
            self._report(results[task.id])
        return results

    def _parallel(self, selected: list[Task], jobs: int) -> dict[str, TaskResult]:
        import multiprocessing

        global _ACTIVE
        chunks = [selected[i::jobs - 1] for i in range(jobs - 1)]
        _ACTIVE = self
        try:
            with multiprocessing.get_context("fork").Pool(jobs) as pool:
                full = pool.apply_async(_full_job, ([t.id for t in selected],))
                parts = pool.map(_chunk_job, [[t.id for t in c] for c in chunks])
                results: dict[str, TaskResult] = {}
                for part in parts:
                    results.update(part)
                return _merge(results, full.get())
        finally:
            _ACTIVE = None

    def _report(self, result: TaskResult) -> None:
        if self.progress:
            self.progress(result)

    # --- states ---------------------------------------------------------------------------------

    def _prepare(self) -> None:
        variables = base_variables(self.pack, self.sandbox.account_id, self.suffix)
        try:
            variables = self.runner.apply(self.pack.setup, variables)
        except StepFailed as exc:
            self._setup_failure = exc
        self._states[()] = (self.sandbox.snapshot(), variables)

    def _start(self, chain: list[Task]) -> dict:
        """Restore the state after setup and the solutions of `chain` (built once, then reused);
        returns the variables that state's steps saved. Raises StepFailed."""
        key = tuple(t.id for t in chain)
        if key in self._states:
            snapshot, variables = self._states[key]
            self.sandbox.restore(snapshot)
            return dict(variables)
        variables = self._start(chain[:-1])
        variables = self.runner.apply(chain[-1].solution, variables)
        self._states[key] = (self.sandbox.snapshot(), variables)
        return dict(variables)

    # --- phases ---------------------------------------------------------------------------------

    def _task(self, task: Task, result: TaskResult) -> None:
        chain = ancestors(self.pack, task, self.order)
        before = self._phase(result, "before", "before")
        if self._setup_failure is not None:
            return self._step_problem(before, self._setup_failure, "setup")
        try:
            variables = self._start(chain)
        except StepFailed as exc:
            return self._step_problem(before, exc, "a dependency's solution")
        self._simulated(None)
        self._before(task, variables, before)
        self._simulated(before)
        after = self._phase(result, "after", "after")
        try:
            self.runner.apply(task.solution, variables)
        except StepFailed as exc:
            self._step_problem(after, exc, "solution")
        else:
            self._all_pass(task, self.runner.check(task, self._validator_variables(variables)), after)
        self._simulated(after)
        for counterexample in task.counterexamples:
            phase = self._phase(result, "counterexample", f"counterexample: {counterexample.name}")
            start = self._start(chain)
            self._simulated(None)
            try:
                self.runner.apply(counterexample.steps, start)
            except StepFailed as exc:
                self._step_problem(phase, exc, f"counterexample `{counterexample.name}`")
                continue
            finally:
                self._simulated(phase)
            self._exactly(task, counterexample, self.runner.check(task, self._validator_variables(start)), phase)
            self._simulated(phase)

    def _simulated(self, phase: PhaseResult | None) -> None:
        """The simulated operations answered since the last call go to `phase` (None: forgotten — they were
        the setup's or a dependency's, replayed to reach the task's start)."""
        taken = getattr(self.sandbox, "simulated", None)
        found = taken() if taken else []
        if phase is not None:
            phase.simulated = sorted(set(phase.simulated) | set(found))

    def _phase(self, result: TaskResult, phase: str, name: str) -> PhaseResult:
        record = PhaseResult(phase, name)
        result.phases.append(record)
        return record

    def _validator_variables(self, variables: dict) -> dict:
        """What a validator sees: built-ins, variables and setup saves, never solution saves."""
        return dict(self._states[()][1])

    def _before(self, task: Task, variables: dict, phase: PhaseResult) -> None:
        outcomes = self.runner.check(task, self._validator_variables(variables))
        phase.unsupported += [o.unsupported for o in outcomes if o.unsupported]
        if all(o.passed for o in outcomes):
            ids = ", ".join(o.validator for o in outcomes)
            phase.problems.append(Problem("before", ids, "vacuous: every validator passes before any work is done",
                                          pos=task.pos("validators")))
        elif all(o.passed or o.unsupported for o in outcomes):
            pass  # only an unsupported call failed: not a proof, and `unsupported` says so

    def _all_pass(self, task: Task, outcomes: list[Outcome], phase: PhaseResult, why: str = "") -> None:
        for outcome in outcomes:
            if outcome.unsupported:
                phase.unsupported.append(outcome.unsupported)
            elif not outcome.passed:
                phase.problems.append(self._failed(task, outcome, phase.phase, why))

    def _exactly(self, task: Task, counterexample, outcomes: list[Outcome], phase: PhaseResult) -> None:
        name = counterexample.name
        for outcome in outcomes:
            if outcome.unsupported:
                phase.unsupported.append(outcome.unsupported)
            elif outcome.passed and outcome.validator in counterexample.fails:
                phase.problems.append(Problem("counterexample", outcome.validator,
                                              f"counterexample `{name}` slips through: it passes this validator, "
                                              "which must reject it", counterexample=name, pos=counterexample.pos()))
            elif not outcome.passed and outcome.validator not in counterexample.fails:
                problem = self._failed(task, outcome, "counterexample", "")
                phase.problems.append(Problem("counterexample", outcome.validator,
                                              f"counterexample `{name}` fails this validator, which is not in its "
                                              f"`fails`: {outcome.detail}", problem.fail_message, name, problem.pos))

    def _failed(self, task: Task, outcome: Outcome, phase: str, why: str) -> Problem:
        validator = next(v for v in task.validators if v.id == outcome.validator)
        message = fail_message(task, validator, outcome, self.messages)
        return Problem(phase, outcome.validator, outcome.detail + why, message, pos=validator.pos())

    def _step_problem(self, phase: PhaseResult, exc: StepFailed, what: str) -> None:
        if exc.unsupported:
            phase.unsupported.append(exc.unsupported)
        else:
            phase.problems.append(Problem(phase.phase, None, f"{what}, {exc}", pos=exc.step.pos()))

    def _full(self, task_ids: list[str]) -> dict[str, TaskResult]:
        """Setup and every solution in dependency order, then every validator of the selected tasks."""
        results = {task_id: TaskResult(task_id) for task_id in task_ids}
        phases = {task_id: self._phase(result, "full", "full") for task_id, result in results.items()}
        if self._setup_failure is not None:
            return results
        snapshot, variables = self._states[()]
        self.sandbox.restore(snapshot)
        applied: list[str] = []
        for task in self.order:
            try:
                variables = self.runner.apply(task.solution, variables)
            except StepFailed as exc:
                if task.id in phases:
                    self._step_problem(phases[task.id], exc, "solution")
                return results
            applied.append(task.id)
        self._simulated(None)
        for task in self.order:
            if task.id not in phases:
                continue
            later = applied[applied.index(task.id) + 1:]
            why = f" (after the solutions of the tasks after it: {', '.join(later)})" if later else ""
            self._all_pass(task, self.runner.check(task, self._validator_variables(variables)), phases[task.id], why)
            self._simulated(phases[task.id])
        return results


_ACTIVE: DryRun | None = None  # the run a forked worker continues


def _chunk_job(task_ids: list[str]) -> dict[str, TaskResult]:
    run = _ACTIVE
    return run._phases([t for t in run.order if t.id in task_ids])


def _full_job(task_ids: list[str]) -> dict[str, TaskResult]:
    return _ACTIVE._full(task_ids)


def _merge(results: dict[str, TaskResult], full: dict[str, TaskResult]) -> dict[str, TaskResult]:
    for task_id, result in full.items():
        results.setdefault(task_id, TaskResult(task_id)).phases.extend(result.phases)
    return results


def dry_run(pack: Pack, sandbox: Sandbox, task_ids: list[str] | None = None, jobs: int = 1, **options) -> PackResult:
    """Every phase of every selected task (default: all) of `pack`, in `sandbox`."""
    return DryRun(pack, sandbox, **options).run(task_ids, jobs)
