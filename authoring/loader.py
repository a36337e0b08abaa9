"""Finds the content root and packs, reads their YAML once, and builds the pack model."""

from __future__ import annotations

import os
import stat
from dataclasses import dataclass, field
from pathlib import Path

from .errors import Pos, UsageError
from .findings import ERROR, Finding
from .model import Pack, build_pack, build_task
from .yamlsrc import Document, YamlError, read_yaml

PACKS_DIR = "packs"
CONFIG_FILE = "mcx.toml"


def find_root(start: Path | None = None) -> Path:
    """The nearest directory, from `start` upwards, holding `packs/` or `mcx.toml`."""
    start = (start or Path.cwd()).resolve()
    for directory in (start, *start.parents):
        if has_root_marker(directory):
            return directory
    return start


def has_root_marker(directory: Path) -> bool:
    """A content root holds `packs/` or `mcx.toml`."""
    return (directory / PACKS_DIR).is_dir() or (directory / CONFIG_FILE).is_file()


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


def resolve_pack_dirs(paths: list[str] | tuple[str, ...], root: Path) -> list[Path]:
    """Pack directories named by command-line paths: a root, `packs/`, a pack, its pack.yaml or a task file."""
    if not paths:
        paths = (str(root),)
    found: list[Path] = []
    for raw in paths:
        path = Path(raw)
        try:
            if not path.exists():
                raise UsageError(f"{raw}: no such file or directory")
            path = path.resolve()
        except (OSError, RuntimeError) as exc:  # a symbolic link loop
            raise UsageError(f"{raw}: cannot resolve path ({exc})") from None
        if not path.is_file() and not path.is_dir():
            raise UsageError(f"{raw}: not a regular file or a directory")
        if path.is_file():
            if path.name == "pack.yaml":
                found.append(path.parent)
            elif path.parent.name == "tasks" and (path.parent.parent / "pack.yaml").is_file():
                found.append(path.parent.parent)
            else:
                raise UsageError(f"{raw}: not a pack.yaml, a task file or a directory")
        elif os.path.lexists(path / "pack.yaml"):
            found.append(path)  # a broken pack.yaml is still a pack: reading it reports the problem
        else:
            packs = _packs_in(path / PACKS_DIR if (path / PACKS_DIR).is_dir() else path, raw)
            if not packs:
                raise UsageError(f"{raw}: no pack found (a pack is a directory with pack.yaml)")
            found.extend(packs)
    unique = list(dict.fromkeys(found))
    return unique


def _packs_in(container: Path, raw: str) -> list[Path]:
    """The packs in a directory, including those that cannot be read (loading reports them)."""
    try:
        entries = sorted(os.scandir(container), key=lambda e: e.name)
    except OSError as exc:
        raise UsageError(f"{raw}: cannot read the directory ({exc.strerror})") from None
    return [Path(entry.path) for entry in entries if _may_be_pack(Path(entry.path))]


def _may_be_pack(path: Path) -> bool:
    """A directory holding pack.yaml, or an entry whose reading fails (a link loop, no permission):
    an unreadable pack is an error to report, not a directory to skip."""
    try:
        if not stat.S_ISDIR(os.stat(path).st_mode):
            return False
        os.lstat(path / "pack.yaml")
        return True
    except FileNotFoundError:
        return False
    except OSError:
        return True


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


def load_packs(paths, root: Path) -> list[PackSource]:
    return [load_pack(d, root) for d in resolve_pack_dirs(paths, root)]
