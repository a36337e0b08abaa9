"""Rules about ids and what refers to them: tasks, components, groups, files."""

from __future__ import annotations

import ast
import os
import stat
from pathlib import Path
from typing import Iterable

from ...errors import InputError, Pos
from ...files import read_regular
from ...findings import WARNING
from ...project import MAX_VALIDATOR_BYTES, ZipTree, file_kind, inside_pack, unfit_file, zip_tree
from ...text import suggest
from ..context import LintContext
from ..registry import rule


def _duplicates(items: Iterable, what: str):
    """(pos, message) for each item whose id was seen before; items are (id, pos)."""
    seen: dict[str, object] = {}
    for item_id, pos in items:
        if not item_id:
            continue
        if item_id in seen:
            yield pos, f"duplicate {what} `{item_id}` (first at {seen[item_id]})"
        else:
            seen[item_id] = pos


@rule("duplicate-id", structural=True)
def duplicate_id(ctx: LintContext):
    """Two things share an id where ids must be unique, or a list names the same id twice.

    Unique: task ids in the pack, group and component ids (one namespace: both become ids in the
    diagram), validator ids and counterexample names within a task; no repeats in `tasks`,
    `services`, `depends_on`, `highlight`.

    Fails:
        components:
          - {id: api, label: Orders API, service: apigateway}
          - {id: api, label: Orders function, service: lambda}
    Passes:
        components:
          - {id: api, label: Orders API, service: apigateway}
          - {id: orders-fn, label: Orders function, service: lambda}
    """
    pack = ctx.pack
    yield from _duplicates(((t.id, t.pos("id")) for t in pack.tasks), "task id")
    yield from _duplicates(((t, pack.pos("tasks", i)) for i, t in enumerate(pack.task_ids)), "entry in `tasks`:")
    yield from _duplicates(((s, pack.pos("services", i)) for i, s in enumerate(pack.services)), "service")
    arch = pack.architecture
    yield from _duplicates(
        [(g.id, g.pos("id")) for g in arch.groups] + [(c.id, c.pos("id")) for c in arch.components],
        "group or component id",
    )
    for task in pack.tasks:
        yield from _duplicates(((v.id, v.pos("id")) for v in task.validators), "validator id")
        yield from _duplicates(((c.name, c.pos("name")) for c in task.counterexamples), "counterexample name")
        yield from _duplicates(((d, task.pos("depends_on", i)) for i, d in enumerate(task.depends_on)), "dependency")
        yield from _duplicates(((h, task.pos("highlight", i)) for i, h in enumerate(task.highlight)), "highlight")


@rule("id-mismatch", structural=True)
def id_mismatch(ctx: LintContext):
    """The pack id differs from its directory name, or a task id from its file stem.

    Fails:
        # packs/serverless-web-app/tasks/enable-website.yaml
        id: enable-site
    Passes:
        # packs/serverless-web-app/tasks/enable-website.yaml
        id: enable-website
    """
    pack = ctx.pack
    if pack.id and pack.id != pack.directory.name:
        yield pack.pos("id"), f"pack id `{pack.id}` differs from its directory name `{pack.directory.name}`"
    for task in pack.tasks:
        if task.id and task.id != task.stem:
            yield task.pos("id"), f"task id `{task.id}` differs from its file name `{task.stem}.yaml`"


@rule("unknown-reference", structural=True)
def unknown_reference(ctx: LintContext):
    """An id that names nothing: a dependency, highlight, group parent, component group, connection end,
    pack task list entry, counterexample `fails` entry or custom validator function.

    Fails:
        depends_on: [integrate-lambda]     # no task has this id
        highlight: [orders-tabel]          # no such component
    Passes:
        depends_on: [integrate-api]
        highlight: [orders-table]
    """
    pack = ctx.pack
    arch = pack.architecture
    # a task file that did not load is reported by yaml-syntax; assume its id is its stem
    task_ids = {t.id for t in pack.tasks if t.id} | ctx.source.unreadable_stems
    stems = {t.stem for t in pack.tasks} | ctx.source.unreadable_stems
    groups = {g.id for g in arch.groups}
    components = {c.id for c in arch.components}
    for i, task_id in enumerate(pack.task_ids):
        if task_id not in stems:
            yield pack.pos("tasks", i), f"task `{task_id}` has no file tasks/{task_id}.yaml{suggest(task_id, stems)}"
    for group in arch.groups:
        if group.parent and group.parent not in groups:
            yield group.pos("parent"), f"unknown group `{group.parent}`{suggest(group.parent, groups)}"
    for component in arch.components:
        if component.group and component.group not in groups:
            yield component.pos("group"), f"unknown group `{component.group}`{suggest(component.group, groups)}"
    for connection in arch.connections:
        for key, end in (("from", connection.source), ("to", connection.target)):
            if end and end not in components:
                yield connection.pos(key), f"unknown component `{end}`{suggest(end, components)}"
    for task in pack.tasks:
        for i, dep in enumerate(task.depends_on):
            if dep not in task_ids:
                yield task.pos("depends_on", i), f"unknown task `{dep}`{suggest(dep, task_ids)}"
        for i, component in enumerate(task.highlight):
            if component not in components:
                yield task.pos("highlight", i), f"unknown component `{component}`{suggest(component, components)}"
        validators = {v.id for v in task.validators}
        for example in task.counterexamples:
            for i, name in enumerate(example.fails):
                if name not in validators:
                    yield example.pos("fails", i), (
                        f"counterexample `{example.name}` names unknown validator `{name}`{suggest(name, validators)}"
                    )
        for validator in task.validators:
            if validator.python:
                yield from _python_function(ctx, validator)


def _python_function(ctx: LintContext, validator):
    relative, _, function = validator.python.rpartition(":")
    path = inside_pack(ctx.pack.directory, relative)
    info = _stat(path) if path is not None else None
    if info is None or not stat.S_ISREG(info.st_mode) or info.st_size > MAX_VALIDATOR_BYTES:
        return  # reported by path-escape or missing-file
    try:
        source = read_regular(path, MAX_VALIDATOR_BYTES, relative, what="a validator file")
    except InputError as exc:  # unreadable, or swapped for something else since the stat
        yield validator.pos("python"), f"{relative}: {exc.message}"
        return
    try:
        tree = ast.parse(source, filename=relative)
    except (SyntaxError, ValueError) as exc:
        yield validator.pos("python"), f"{relative} does not parse: {exc.msg if hasattr(exc, 'msg') else exc}"
        return
    except (RecursionError, MemoryError):  # ast.parse of an expression nested thousands deep
        yield validator.pos("python"), f"{relative} does not parse: nested too deeply"
        return
    names = {n.name for n in tree.body if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef))}
    if function not in names:
        yield validator.pos("python"), f"{relative} defines no function `{function}`{suggest(function, names)}"


def _cycle_message(cycle: list[str]) -> str:
    return " -> ".join(cycle + [cycle[0]])


def find_cycles(graph: dict[str, list[str]]) -> list[list[str]]:
    """Cycles met by a depth-first search (iterative: chains may be long), each once, from its smallest id."""
    cycles: list[list[str]] = []
    seen: set[frozenset] = set()
    state: dict[str, int] = {}  # 1 on the current path, 2 done
    for root in sorted(graph):
        if root in state:
            continue
        path: list[str] = [root]
        iterators = [iter(graph[root])]
        state[root] = 1
        while iterators:
            nxt = next(iterators[-1], None)
            if nxt is None:
                state[path.pop()] = 2
                iterators.pop()
            elif nxt not in graph:
                continue
            elif state.get(nxt) == 1:
                cycle = path[path.index(nxt):]
                if frozenset(cycle) not in seen:
                    seen.add(frozenset(cycle))
                    start = cycle.index(min(cycle))
                    cycles.append(cycle[start:] + cycle[:start])
            elif nxt not in state:
                state[nxt] = 1
                path.append(nxt)
                iterators.append(iter(graph[nxt]))
    return cycles


@rule("dependency-cycle", structural=True)
def dependency_cycle(ctx: LintContext):
    """Tasks depend on each other in a circle (or groups are each other's parents); the message shows it.

    Fails:
        # tasks/a.yaml            # tasks/b.yaml
        depends_on: [b]           depends_on: [a]
    Passes:
        # tasks/a.yaml            # tasks/b.yaml
        depends_on: []            depends_on: [a]
    """
    pack = ctx.pack
    tasks = {t.id: t for t in pack.tasks if t.id}
    graph = {t.id: list(t.depends_on) for t in tasks.values()}
    for cycle in find_cycles(graph):
        first = tasks[cycle[0]]
        index = first.depends_on.index(cycle[1] if len(cycle) > 1 else cycle[0])
        yield first.pos("depends_on", index), f"tasks depend on each other in a cycle: {_cycle_message(cycle)}"
    groups = {g.id: g for g in pack.architecture.groups if g.id}
    group_graph = {g.id: [g.parent] if g.parent else [] for g in groups.values()}
    for cycle in find_cycles(group_graph):
        yield groups[cycle[0]].pos("parent"), f"groups are nested in a cycle: {_cycle_message(cycle)}"


def file_references(ctx: LintContext) -> list:
    """(pos, kind, relative path) for every `$asset`, `$zip` and `python:` reference in the pack."""
    if "files" not in ctx.cache:
        found = []
        for _, _, step in ctx.all_steps():
            found.extend(_file_refs(step.params, step, ("params",)))
        for task in ctx.pack.tasks:
            for validator in task.validators:
                if validator.python:
                    found.append((validator.pos("python"), "python", validator.python.rpartition(":")[0]))
        ctx.cache["files"] = found
    return ctx.cache["files"]


def _file_refs(value, step, path):
    if isinstance(value, dict):
        if len(value) == 1 and next(iter(value)) in ("$asset", "$zip"):
            key = next(iter(value))
            yield step.pos(*path, key), key, value[key]  # not always a string: missing-file says so
            return
        for key, item in value.items():
            yield from _file_refs(item, step, path + (key,))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _file_refs(item, step, path + (index,))


# structural: a task file linked out of the pack is not read, so the pack is incomplete
@rule("path-escape", needs_pack=False, structural=True)
def path_escape(ctx: LintContext):
    """A `$asset`, `$zip` or `python:` path points outside the pack (absolute, `..`, or a link out),
    or `pack.yaml` or a task file is a link to a file outside the pack (it is not read).

    A `$zip` folder is checked all the way down: a link in it that leads out of the pack
    (`shadow -> /etc/shadow`, `rootfs -> /`) would be zipped with what it points to, and a FIFO,
    device or socket is not a file to zip; both are errors.

    Fails:
        Code: {ZipFile: {$zip: ../../secrets/handler.py}}
    Passes:
        Code: {ZipFile: {$zip: assets/handler.py}}
    """
    for linked in ctx.source.escaped_tasks:
        what = "pack.yaml" if Path(linked).name == "pack.yaml" else "task file"
        yield Pos(linked, 1, 1), f"{what} is a link to {_link_target(ctx.root / linked)}; it was not read"
    if ctx.source.pack is None:
        return  # pack.yaml did not load: no references to check
    base = ctx.pack.directory.resolve()
    for pos, kind, relative in file_references(ctx):
        if not isinstance(relative, str) or not relative:
            continue  # not a path at all: missing-file reports it
        path = None if "\x00" in relative else inside_pack(ctx.pack.directory, relative)
        if "\x00" in relative:
            yield pos, f"`{kind}` path contains a NUL character"
        elif path is None:
            yield pos, f"`{kind}` path `{relative}` leaves the pack directory; keep files inside the pack"
        elif kind == "$zip" and path.is_dir():
            for problem in _zip_tree(ctx, base, path).problems:
                yield pos, f"`$zip` folder `{relative}` holds {problem}"


def _link_target(path: Path) -> str:
    """What a link out of the pack leads to, from its status alone (its content is never read)."""
    try:
        mode = os.stat(path).st_mode
    except OSError:
        return "a file outside the pack that does not exist"
    if stat.S_ISREG(mode):
        return "a file outside the pack"
    what = "a folder" if stat.S_ISDIR(mode) else file_kind(mode)
    return f"{what} outside the pack, not a regular file"


def _zip_tree(ctx: LintContext, base: Path, folder: Path) -> ZipTree:
    """A `$zip` folder as walked (project.zip_tree), once per lint."""
    cache = ctx.cache.setdefault("zip-trees", {})
    if folder not in cache:
        cache[folder] = zip_tree(base, folder)
    return cache[folder]


def _stat(path: Path) -> os.stat_result | None:
    try:
        return os.stat(path)
    except (OSError, ValueError):
        return None


@rule("missing-file")
def missing_file(ctx: LintContext):
    """A `$asset`, `$zip` or `python:` path inside the pack names a file that does not exist (or a
    directory where a file is needed, or is not a path at all), names something that is not a regular
    file (a FIFO, a device), or is over its size limit (validator files 1 MB, `$asset` 50 MB, a `$zip`
    50 MB in all).

    Fails:
        Body: {$asset: assets/index.htm}
    Passes:
        Body: {$asset: assets/index.html}
    """
    for pos, kind, relative in file_references(ctx):
        if not isinstance(relative, str) or not relative:
            yield pos, f"`{kind}` takes a path inside the pack, e.g. `assets/index.html`"
            continue
        path = inside_pack(ctx.pack.directory, relative)
        if path is None:
            continue  # reported by path-escape
        if not path.exists():
            candidates = _siblings(path)
            yield pos, f"`{kind}` file `{relative}` does not exist{suggest(path.name, candidates, 0.6)}"
        elif path.is_dir() and kind != "$zip":
            hint = "; `$zip` packs a directory" if kind == "$asset" else ""
            yield pos, f"`{kind}` path `{relative}` is a directory, not a file{hint}"
        else:
            base = ctx.pack.directory.resolve()
            problem = unfit_file(kind, relative, path, lambda folder: _zip_tree(ctx, base, folder))
            if problem:
                yield pos, problem


def _siblings(path: Path) -> list[str]:
    try:
        return [p.name for p in path.parent.iterdir()]
    except OSError:
        return []


@rule("orphan-file", severity=WARNING)
def orphan_file(ctx: LintContext):
    """A task file that the pack's `tasks` list does not name (candidates would never see it), or a
    file in `tasks/` that is not a task file.

    Fails:
        # pack.yaml lists [enable-website]; tasks/ also holds add-dlq.yaml
    Passes:
        # pack.yaml lists [enable-website, add-dlq]
    """
    listed = set(ctx.pack.task_ids)
    for task in ctx.pack.tasks:
        if task.stem not in listed:
            yield task.pos(), f"task file {task.stem}.yaml is not in the pack's `tasks` list"
    for stray in ctx.source.stray_files:
        yield Pos(stray, 1, 1), "not a task file (task files are tasks/<id>.yaml)"
