"""The in-memory pack model: frozen dataclasses that remember where each value came from.

Every object keeps `src` (its YAML document and path inside it), so any field's position is
`obj.pos("field", ...)`. The model is built leniently: a value of the wrong type becomes an
empty default here and is reported by the schema check, so semantic checks still run.
"""

from __future__ import annotations

import heapq
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .errors import Pos
from .yamlsrc import Document

BUILTIN_VARIABLES = ("account_id", "region", "suffix")


@dataclass(frozen=True, slots=True)
class Src:
    doc: Document
    path: tuple = ()

    def pos(self, *sub) -> Pos:
        return self.doc.pos(self.path + sub)

    def key_pos(self, *sub) -> Pos:
        return self.doc.key_pos(self.path + sub)

    def text_pos(self, *sub, offset: int) -> Pos:
        return self.doc.text_pos(self.path + sub, offset)

    def child(self, *sub) -> "Src":
        return Src(self.doc, self.path + sub)


class Located:
    """Mixin: position look-ups through `src`."""

    __slots__ = ()
    src: Src

    def pos(self, *sub) -> Pos:
        return self.src.pos(*sub)

    def key_pos(self, *sub) -> Pos:
        return self.src.key_pos(*sub)

    def text_pos(self, *sub, offset: int) -> Pos:
        """The position of character `offset` inside the text at `sub` (for findings about part of a text)."""
        return self.src.text_pos(*sub, offset=offset)

    @property
    def file(self) -> str:
        return self.src.doc.file


@dataclass(frozen=True, slots=True)
class Expectation(Located):
    path: str
    matcher: str | None  # equals, contains, ...; None when the assertion names no matcher
    value: Any
    src: Src = field(repr=False)


@dataclass(frozen=True, slots=True)
class Step(Located):
    """One AWS call: in setup, a solution, a counterexample or a validator."""

    call: str
    params: Any
    save: dict
    expect: tuple[Expectation, ...]
    expect_error: str | None
    src: Src = field(repr=False)

    @property
    def service(self) -> str:
        return self.call.partition(".")[0]

    @property
    def method(self) -> str:
        return self.call.partition(".")[2]


@dataclass(frozen=True, slots=True)
class Validator(Located):
    id: str
    fail_message: str
    kind: str  # "call", "steps" or "python"
    steps: tuple[Step, ...]  # a single-call validator has one step, located at the validator
    python: str | None
    src: Src = field(repr=False)


@dataclass(frozen=True, slots=True)
class Hint(Located):
    text: str
    cost: int
    src: Src = field(repr=False)


@dataclass(frozen=True, slots=True)
class Counterexample(Located):
    name: str
    steps: tuple[Step, ...]
    fails: tuple[str, ...]
    src: Src = field(repr=False)


@dataclass(frozen=True, slots=True)
class Task(Located):
    id: str
    title: str
    description: str
    objectives: tuple[str, ...]
    hints: tuple[Hint, ...]
    depends_on: tuple[str, ...]
    highlight: tuple[str, ...]
    points: int
    estimated_minutes: int
    validators: tuple[Validator, ...]
    solution: tuple[Step, ...]
    counterexamples: tuple[Counterexample, ...]
    src: Src = field(repr=False)

    @property
    def stem(self) -> str:
        return self.src.doc.path.stem


@dataclass(frozen=True, slots=True)
class Group(Located):
    id: str
    label: str
    parent: str | None
    src: Src = field(repr=False)


@dataclass(frozen=True, slots=True)
class Component(Located):
    id: str
    label: str
    service: str | None
    kind: str
    group: str | None
    src: Src = field(repr=False)


@dataclass(frozen=True, slots=True)
class Connection(Located):
    source: str  # `from` in YAML
    target: str  # `to` in YAML
    label: str | None
    src: Src = field(repr=False)


@dataclass(frozen=True, slots=True)
class Architecture:
    groups: tuple[Group, ...]
    components: tuple[Component, ...]
    connections: tuple[Connection, ...]


@dataclass(frozen=True, slots=True)
class LocaleSpec(Located):
    tag: str
    required: bool
    src: Src = field(repr=False)


@dataclass(frozen=True, slots=True)
class Pack(Located):
    id: str
    version: str
    title: str
    summary: str | None
    description: str | None
    level: str
    duration_minutes: int
    passing_score: int
    source_locale: str
    locales: tuple[LocaleSpec, ...]
    region: str
    services: tuple[str, ...]
    variables: dict  # name -> template, in source order
    setup: tuple[Step, ...]
    architecture: Architecture
    task_ids: tuple[str, ...]  # the display order from pack.yaml
    tasks: tuple[Task, ...]  # every task file that loaded, listed ones first in list order
    directory: Path
    src: Src = field(repr=False)

    def task(self, task_id: str) -> Task | None:
        for task in self.tasks:
            if task.id == task_id:
                return task
        return None

    @property
    def listed_tasks(self) -> tuple[Task, ...]:
        by_stem = {t.stem: t for t in self.tasks}
        return tuple(by_stem[i] for i in self.task_ids if i in by_stem)

    def dependency_order(self) -> tuple[Task, ...]:
        """Every task once, each after the tasks it depends on, ties in the pack's task order.

        A dependency on no task is ignored. In a cycle (lint's dependency-cycle reports it) no order
        exists, so the earliest task of the cycle in the pack's order goes first, its unmet
        dependencies ignored. Iterative, so a chain of any length works.
        """
        holders: dict[str, int] = {}  # id -> how many tasks have it (more than one is a duplicate-id)
        for task in self.tasks:
            holders[task.id] = holders.get(task.id, 0) + 1
        needs = [{d for d in t.depends_on if d and d in holders} for t in self.tasks]
        dependents: dict[str, list[int]] = {}
        for index, ids in enumerate(needs):
            for task_id in ids:
                dependents.setdefault(task_id, []).append(index)
        left = [len(ids) for ids in needs]
        ready = [i for i, n in enumerate(left) if n == 0]  # a heap of indexes: the earliest ready task next
        done = [False] * len(self.tasks)
        order: list[Task] = []
        forced = 0
        while len(order) < len(self.tasks):
            if ready:
                index = heapq.heappop(ready)
            else:  # only tasks in or after a cycle are left: break it at the earliest
                while done[forced]:
                    forced += 1
                index = forced
            if done[index]:
                continue
            done[index] = True
            task = self.tasks[index]
            order.append(task)
            holders[task.id] -= 1
            if holders[task.id] == 0:  # every task with this id is placed: its dependents may be ready
                for dependent in dependents.get(task.id, ()):
                    left[dependent] -= 1
                    if left[dependent] == 0 and not done[dependent]:
                        heapq.heappush(ready, dependent)
        return tuple(order)

    def ancestors(self, task: str | Task) -> tuple[Task, ...]:
        """The tasks `task` (an id, or the task itself when its id is missing or shared) depends on,
        directly or through others, in the pack's task order. A task in a dependency cycle is among
        its own ancestors."""
        start = task if isinstance(task, Task) else self.task(task)
        if start is None:
            return ()
        by_id: dict[str, list[Task]] = {}
        for each in self.tasks:
            by_id.setdefault(each.id, []).append(each)
        seen: set[str] = set()
        pending = list(start.depends_on)
        while pending:
            task_id = pending.pop()
            if task_id in seen or not task_id or task_id not in by_id:
                continue
            seen.add(task_id)
            pending.extend(d for each in by_id[task_id] for d in each.depends_on)
        return tuple(t for t in self.tasks if t.id in seen)


# --- lenient builders -------------------------------------------------------------------------


def _get(data: Any, key: str, kind: type | tuple, default: Any = None) -> Any:
    if isinstance(data, dict):
        value = data.get(key, default)
        if isinstance(value, kind) and not (kind is int and isinstance(value, bool)):
            return value
    return default


def _text(data: Any, key: str, default: str = "") -> str:
    return _get(data, key, str, default)


def _int(data: Any, key: str, default: int = 0) -> int:
    value = data.get(key, default) if isinstance(data, dict) else default
    if isinstance(value, float) and value.is_integer():
        return int(value)  # `10.0` is an integer to JSON Schema, so it is one here too
    return value if isinstance(value, int) and not isinstance(value, bool) else default


def _items(data: Any, key: str) -> list:
    return _get(data, key, list, []) or []


def _strings(data: Any, key: str) -> tuple[str, ...]:
    return tuple(v for v in _items(data, key) if isinstance(v, str))


def build_step(data: Any, src: Src) -> Step | None:
    if not isinstance(data, dict) or not isinstance(data.get("call"), str):
        return None
    expect = []
    for i, item in enumerate(_items(data, "expect")):
        if isinstance(item, dict):
            matcher = next((k for k in item if k != "path"), None)
            expect.append(
                Expectation(
                    path=_text(item, "path"),
                    matcher=matcher,
                    value=item.get(matcher) if matcher else None,
                    src=src.child("expect", i),
                )
            )
    save = _get(data, "save", dict, {}) or {}
    return Step(
        call=data["call"],
        params=data.get("params", {}),
        save={k: v for k, v in save.items() if isinstance(v, str)},
        expect=tuple(expect),
        expect_error=_get(data, "expect_error", str),
        src=src,
    )


def build_steps(items: Any, src: Src) -> tuple[Step, ...]:
    if not isinstance(items, list):
        return ()
    steps = (build_step(item, src.child(i)) for i, item in enumerate(items))
    return tuple(s for s in steps if s is not None)


def build_validator(data: Any, src: Src) -> Validator | None:
    if not isinstance(data, dict):
        return None
    if "steps" in data:
        kind, steps = "steps", build_steps(data.get("steps"), src.child("steps"))
    else:
        step = build_step(data, src)
        kind, steps = ("python" if "python" in data else "call"), ((step,) if step else ())
    return Validator(
        id=_text(data, "id"),
        fail_message=_text(data, "fail_message"),
        kind=kind,
        steps=steps,
        python=_get(data, "python", str),
        src=src,
    )


def build_task(doc: Document) -> Task:
    data = doc.data if isinstance(doc.data, dict) else {}
    src = Src(doc)
    hints = tuple(
        Hint(text=_text(h, "text"), cost=_int(h, "cost"), src=src.child("hints", i))
        for i, h in enumerate(_items(data, "hints"))
        if isinstance(h, dict)
    )
    validators = tuple(
        v
        for i, item in enumerate(_items(data, "validators"))
        if (v := build_validator(item, src.child("validators", i))) is not None
    )
    counterexamples = tuple(
        Counterexample(
            name=_text(c, "name"),
            steps=build_steps(c.get("steps"), src.child("counterexamples", i, "steps")),
            fails=_strings(c, "fails"),
            src=src.child("counterexamples", i),
        )
        for i, c in enumerate(_items(data, "counterexamples"))
        if isinstance(c, dict)
    )
    return Task(
        id=_text(data, "id"),
        title=_text(data, "title"),
        description=_text(data, "description"),
        objectives=_strings(data, "objectives"),
        hints=hints,
        depends_on=_strings(data, "depends_on"),
        highlight=_strings(data, "highlight"),
        points=_int(data, "points"),
        estimated_minutes=_int(data, "estimated_minutes"),
        validators=validators,
        solution=build_steps(data.get("solution"), src.child("solution")),
        counterexamples=counterexamples,
        src=src,
    )


def build_architecture(data: Any, src: Src) -> Architecture:
    groups = tuple(
        Group(id=_text(g, "id"), label=_text(g, "label"), parent=_get(g, "parent", str), src=src.child("groups", i))
        for i, g in enumerate(_items(data, "groups"))
        if isinstance(g, dict)
    )
    components = tuple(
        Component(
            id=_text(c, "id"),
            label=_text(c, "label"),
            service=_get(c, "service", str),
            kind=_text(c, "kind", "service"),
            group=_get(c, "group", str),
            src=src.child("components", i),
        )
        for i, c in enumerate(_items(data, "components"))
        if isinstance(c, dict)
    )
    connections = tuple(
        Connection(
            source=_text(c, "from"),
            target=_text(c, "to"),
            label=_get(c, "label", str),
            src=src.child("connections", i),
        )
        for i, c in enumerate(_items(data, "connections"))
        if isinstance(c, dict)
    )
    return Architecture(groups, components, connections)


def build_pack(doc: Document, tasks: tuple[Task, ...], directory: Path) -> Pack:
    data = doc.data if isinstance(doc.data, dict) else {}
    src = Src(doc)
    locales_data = _get(data, "locales", dict, {}) or {}
    locales = tuple(
        LocaleSpec(
            tag=tag,
            required=bool(_get(spec, "required", bool, True)) if spec is not None else True,
            src=src.child("locales", tag),
        )
        for tag, spec in locales_data.items()
    )
    variables = _get(data, "variables", dict, {}) or {}
    return Pack(
        id=_text(data, "id"),
        version=_text(data, "version"),
        title=_text(data, "title"),
        summary=_get(data, "summary", str),
        description=_get(data, "description", str),
        level=_text(data, "level"),
        duration_minutes=_int(data, "duration_minutes"),
        passing_score=_int(data, "passing_score"),
        source_locale=_text(data, "source_locale", "en"),
        locales=locales,
        region=_text(data, "region", "us-east-1"),
        services=_strings(data, "services"),
        variables={k: v for k, v in variables.items() if isinstance(v, str)},
        setup=build_steps(data.get("setup"), src.child("setup")),
        architecture=build_architecture(_get(data, "architecture", dict, {}), src.child("architecture")),
        task_ids=_strings(data, "tasks"),
        tasks=tasks,
        directory=directory,
        src=src,
    )
