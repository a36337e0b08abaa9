"""Reads one pack directory's YAML once and builds the pack model (finding the packs is project's job)."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from .errors import Pos
from .findings import ERROR, Finding
from .model import Pack, build_pack, build_task
from .yamlsrc import Document, YamlError, read_yaml

def display_path(path: Path, root: Path) -> str:
    """`path` relative to the content root (POSIX separators), or as given if outside it."""
    try:
        return path.relative_to(root).as_posix()  # already absolute and resolved: the cheap case
    except ValueError:
        pass
    try:
        return path.resolve().relative_to(root).as_posix()
    except (ValueError, OSError, RuntimeError):  # outside the root, or a link loop
        return path.as_posix()


@dataclass
class PackSource:
    """Everything read from one pack directory: documents, reading problems, and the model."""

    directory: Path
    root: Path
    pack_doc: Document | None = None
    task_docs: list[Document] = field(default_factory=list)
    stray_files: list[str] = field(default_factory=list)  # files in tasks/ that are not task files
    unreadable_stems: set[str] = field(default_factory=set)  # task files that exist but did not load
    escaped_tasks: list[str] = field(default_factory=list)  # pack.yaml and task files linked out of the pack: not read
    files_read: int = 0
    findings: list[Finding] = field(default_factory=list)  # yaml-syntax and reading problems
    pack: Pack | None = None

    @property
    def documents(self) -> list[Document]:
        return ([self.pack_doc] if self.pack_doc else []) + self.task_docs

    def display(self, path: Path) -> str:
        return display_path(path, self.root)


def _read(path: Path, source: PackSource) -> Document | None:
    source.files_read += 1
    try:
        doc = read_yaml(path, source.display(path))
    except YamlError as exc:
        source.findings.append(Finding.at(exc.pos or Pos(source.display(path)), "yaml-syntax", ERROR, exc.message))
        return None
    for problem in doc.problems:
        source.findings.append(Finding.at(problem.pos, "yaml-syntax", ERROR, problem.message))
    return doc


def _leaves(path: Path, directory: Path) -> bool:
    """Whether `path`, links followed, is outside `directory` (a loop is left to reading to report)."""
    try:
        return directory not in path.resolve().parents
    except (OSError, RuntimeError):
        return False


def _unreadable(source: PackSource, path: Path, exc: Exception) -> None:
    reason = getattr(exc, "strerror", None) or str(exc)
    message = f"directory cannot be read ({reason}); nothing in it was checked"
    source.findings.append(Finding.at(Pos(source.display(path)), "yaml-syntax", ERROR, message))


def load_pack(directory: Path, root: Path) -> PackSource:
    """Read pack.yaml and every task file; build the model even when parts are broken."""
    try:
        source = PackSource(directory=directory.resolve(), root=root.resolve())
        os.scandir(source.directory).close()
    except (OSError, RuntimeError) as exc:  # a link loop, no permission
        source = PackSource(directory=directory, root=root.resolve())
        _unreadable(source, directory, exc)
        return source
    pack_file = source.directory / "pack.yaml"
    if _leaves(pack_file, source.directory):  # nothing outside the pack is read (path-escape)
        source.escaped_tasks.append(source.display(pack_file))
    else:
        source.pack_doc = _read(pack_file, source)
    tasks_dir = source.directory / "tasks"
    try:
        entries = sorted(os.scandir(tasks_dir), key=lambda e: e.name)
    except FileNotFoundError:
        entries = []
    except OSError as exc:  # not a directory, no permission: its tasks would be silently missing
        _unreadable(source, tasks_dir, exc)
        entries = []
    for entry in entries:
        path = tasks_dir / entry.name
        if entry.name.endswith(".yaml") and (entry.is_symlink() or entry.is_file()):  # a loop: is_file raises
            if _leaves(path, source.directory):  # nothing outside the pack is read (path-escape)
                source.escaped_tasks.append(source.display(path))
                source.unreadable_stems.add(path.stem)
                continue
            doc = _read(path, source)
            if doc is not None:
                source.task_docs.append(doc)
            else:
                source.unreadable_stems.add(path.stem)
        elif not entry.name.startswith("."):
            source.stray_files.append(source.display(path))
    if source.pack_doc is not None:
        tasks = tuple(build_task(doc) for doc in source.task_docs)
        listed = source.pack_doc.data.get("tasks") if isinstance(source.pack_doc.data, dict) else None
        listed = [t for t in listed if isinstance(t, str)] if isinstance(listed, list) else []
        order = {t: i for i, t in enumerate(listed)}
        tasks = tuple(sorted(tasks, key=lambda t: (order.get(t.stem, len(order)), t.stem)))
        source.pack = build_pack(source.pack_doc, tasks, source.directory)
    return source
