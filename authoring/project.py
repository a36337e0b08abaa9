"""The content root, its `mcx.toml`, its packs, and a pack that is safe to use: the one entry point
through which commands and features reach packs.

Every command resolves its arguments here, once, so that `mcx-author i18n report /abs/packs/x` run from
any directory reads the same `locales/` as `cd /abs && mcx-author i18n report packs/x`.
"""

from __future__ import annotations

import functools
import importlib
import os
import stat
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from .config import Config, load_config
from .errors import InputError, Pos, UsageError
from .findings import ERROR, Finding
from .loader import PackSource, load_pack
from .model import Pack
from .text import closest, did_you_mean

PACKS_DIR = "packs"
CONFIG_FILE = "mcx.toml"


@dataclass(frozen=True)
class Invocation:
    """The content root and the command's pack paths, absolute (none given: the whole root)."""

    root: Path
    paths: tuple[str, ...]

    def config(self) -> Config:
        """The root's `mcx.toml` (defaults when there is none)."""
        return load_config(self.root)

    def pack_dirs(self) -> list[Path]:
        """The pack directories the paths name (none given: every pack under the root)."""
        return resolve_pack_dirs(self.paths, self.root)


def locate(paths, root_option: str | None = None, cwd: Path | None = None) -> Invocation:
    """Resolve command-line pack paths and the content root they live in.

    A path is tried as given (relative to `--root` when set, else to the current directory), then as a
    bare pack id under `<root>/packs/`. Without `--root`, the root is the nearest directory above the
    first path that holds `packs/` or `mcx.toml` — not the current directory — so absolute paths work
    from anywhere. Packs from two different roots in one command are refused: their catalogs and
    settings would be mixed.
    """
    cwd = (cwd or Path.cwd()).resolve()
    if root_option:
        root = Path(root_option).resolve()
        return Invocation(root, tuple(str(_resolve(raw, root, (root, cwd))) for raw in paths))
    bases = (cwd,)
    existing = [_absolute(raw, cwd) for raw in paths]
    found = [p for p in existing if _exists(p)]
    if not found:
        root = find_root(cwd)
        return Invocation(root, tuple(str(_resolve(raw, root, bases)) for raw in paths))
    roots = {p: _root_of(p, cwd) for p in found}
    root = roots[found[0]]
    for path, other in roots.items():
        if other != root:
            raise UsageError(
                f"{path}: in content root {other}, but {found[0]} is in {root}; "
                "run one command per content root (or set --root)"
            )
    return Invocation(root, tuple(str(_resolve(raw, root, bases)) for raw in paths))


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


def _absolute(raw: str, base: Path) -> Path:
    return Path(os.path.abspath(base / os.path.expanduser(raw)))


def _exists(path: Path) -> bool:
    try:
        return os.path.lexists(path)
    except (OSError, ValueError):  # a NUL byte, a name too long
        return False


def _root_of(path: Path, cwd: Path) -> Path:
    """The content root above `path`; where no directory above it is one, the current directory's."""
    try:
        start = path.resolve()
    except (OSError, RuntimeError):  # a link loop: reading the pack reports it
        return find_root(cwd)
    if not start.is_dir():
        start = start.parent
    for directory in (start, *start.parents):
        if has_root_marker(directory):
            return directory
    return find_root(cwd)


def _resolve(raw: str, root: Path, bases: tuple[Path, ...]) -> Path:
    """`raw` against each base in turn, then as a pack id; or UsageError with the likely pack."""
    for base in bases:
        path = _absolute(raw, base)
        if _exists(path):
            _refuse_tasks_folder(raw, path, root)
            return path
    packs = root / PACKS_DIR
    if raw and "/" not in raw and os.sep not in raw and (packs / raw / "pack.yaml").is_file():
        return packs / raw
    if not has_root_marker(root):
        raise UsageError(
            f"{raw}: no such pack, file or directory (and {root} is no content root: it holds neither "
            f"packs/ nor mcx.toml; give the pack's path or --root DIR)"
        )
    raise UsageError(f"{raw}: no such pack, file or directory{_pack_suggestion(raw, packs)}")


def _refuse_tasks_folder(raw: str, path: Path, root: Path) -> None:
    if path.name == "tasks" and path.is_dir() and (path.parent / "pack.yaml").is_file():
        pack = raw.rstrip("/").removesuffix("tasks").rstrip("/") or "."
        raise UsageError(
            f"{raw}: the tasks folder of a pack; give the pack (`{pack}`) or one task file "
            f"(`{raw.rstrip('/')}/<task>.yaml`)"
        )


def _pack_suggestion(raw: str, packs: Path) -> str:
    """` (did you mean `packs/photo-share`?)` for a mistyped pack id or path, in the form it was typed."""
    try:
        ids = [entry.name for entry in os.scandir(packs) if (Path(entry.path) / "pack.yaml").is_file()]
    except OSError:
        return ""
    name = Path(raw.rstrip("/")).name
    close = closest(name, ids, cutoff=0.6)
    prefix = raw.rstrip("/")[: -len(name)]  # the folders typed before the id, kept in the hint
    return did_you_mean(f"{prefix}{close}" if close else None)


# --- a pack that is safe to use ---------------------------------------------------------------------
#
# Which problems make a pack unsafe (a broken shape, a dangling reference, a cycle) is decided by lint's
# rules marked `structural=True`, but project sits below the features and must not import lint. So the
# check is handed in the other way: importing `authoring.lint` registers it here. Like a plugin, the
# provider is named as data and imported on first use, so a library caller (a script, a benchmark) that
# asks for a pack without importing lint first still gets a checked pack; the import graph keeps project
# below lint. If the provider registers nothing, that is our bug, and says so, rather than handing out an
# unchecked pack.

StructuralCheck = Callable[[PackSource, Config], list[Finding]]
STRUCTURAL_CHECK_PROVIDER = "authoring.lint"
_structural_check: StructuralCheck | None = None


def register_structural_check(check: StructuralCheck) -> None:
    """Install the check `valid_pack` runs: the structural findings of one loaded pack."""
    global _structural_check
    _structural_check = check


def valid_pack(directory: Path, root: Path, config: Config) -> Pack:
    """The pack model, or InputError naming the first structural problem (commands other than lint
    need a pack whose shape and references are sound; lint reports everything)."""
    if _structural_check is None:
        importlib.import_module(STRUCTURAL_CHECK_PROVIDER)  # registers the check as it loads
    if _structural_check is None:
        raise RuntimeError(f"{STRUCTURAL_CHECK_PROVIDER} registered no structural check")
    source = load_pack(directory, root)
    errors = sorted(f for f in _structural_check(source, config) if f.severity == ERROR)
    if errors or source.pack is None:
        first = errors[0] if errors else None
        more = f" ({len(errors) - 1} more)" if len(errors) > 1 else ""
        pos = Pos(first.file, first.line, first.column) if first else Pos(str(directory))
        message = first.message if first else "the pack could not be read"
        raise InputError(f"{message}{more}; run `mcx-author lint` for details", pos)
    return source.pack


# --- files a pack names: `$asset`, `$zip` and `python:` ---------------------------------------------
#
# One reading of a pack-relative path for lint's path-escape and missing-file rules and for the runtime
# that sends the files, so the two can never disagree on what a pack may name.

MB = 1024 * 1024
MAX_VALIDATOR_BYTES = 1 * MB  # a validator module is a few KB; lint parses it to find the function
MAX_ASSET_BYTES = 50 * MB  # an `$asset` file, or all files of a `$zip` together: Lambda's direct-upload limit
ZIP_TREE_LIMIT = 20_000  # entries walked in one `$zip` folder: a bound, not a pack size anyone needs


@functools.lru_cache(maxsize=4096)
def inside_pack(directory: Path, relative: str) -> Path | None:
    """The resolved path if `relative` stays inside `directory` (links followed), else None."""
    if not relative or Path(relative).is_absolute() or "\x00" in relative:
        return None
    base = directory.resolve()
    try:
        path = (base / relative).resolve()
    except (OSError, RuntimeError):  # a link loop: stays unresolved, and the missing-file check reports it
        path = base / relative
    return path if path == base or base in path.parents else None


@dataclass
class ZipTree:
    """A `$zip` folder as walked: what cannot be zipped, the (file, name in the zip) pairs, their bytes."""

    problems: list[str]
    files: list[tuple[Path, str]]
    total: int


def zip_tree(base: Path, folder: Path) -> ZipTree:
    """Walk `folder` without following links out of `base` (the resolved pack directory), noting links
    that leave the pack and anything that is neither a regular file nor a folder; sizes are those the
    file system reports (nothing is read). A file reached twice counts twice: the zip holds it twice."""
    tree = ZipTree([], [], 0)
    pending, seen, walked = [(folder, "")], {folder}, 0
    while pending:
        directory, prefix = pending.pop()
        try:
            entries = sorted(os.scandir(directory), key=lambda e: e.name)
        except OSError as exc:
            tree.problems.append(f"`{_shown(base, directory)}`, which cannot be read ({exc.strerror})")
            continue
        for entry in entries:
            walked += 1
            if walked > ZIP_TREE_LIMIT:
                tree.problems.append(f"more than {ZIP_TREE_LIMIT} entries; zip a smaller folder")
                return tree
            path, name = Path(entry.path), prefix + entry.name
            problem, descend, size = _zip_entry(base, path)
            if problem:
                tree.problems.append(f"`{_shown(base, path)}`, {problem}")
            elif descend is not None:
                if descend not in seen:
                    seen.add(descend)
                    pending.append((descend, name + "/"))
            else:
                tree.files.append((path, name))
                tree.total += size
    tree.files.sort(key=lambda pair: pair[1])
    return tree


def _zip_entry(base: Path, path: Path) -> tuple[str | None, Path | None, int]:
    """(why `path` cannot be zipped or None, the resolved folder to walk next or None, its size if a file)."""
    try:
        target = path.resolve(strict=True) if path.is_symlink() else path
        info = os.stat(target)
    except (OSError, RuntimeError):
        return "a link that leads nowhere (or in a loop)", None, 0
    if target != path and not (target == base or base in target.parents):
        return "a link that leaves the pack directory; keep files inside the pack", None, 0
    if stat.S_ISDIR(info.st_mode):
        return None, target, 0
    if not stat.S_ISREG(info.st_mode):
        return f"which is {file_kind(info.st_mode)}, not a regular file; a zip holds only files and folders", None, 0
    return None, None, info.st_size


def unfit_file(kind: str, relative: str, path: Path, tree: Callable[[Path], ZipTree]) -> str | None:
    """Why an existing `path` cannot be used as `kind` (not a regular file, over its size limit), from
    its status alone: nothing is opened, so a FIFO cannot block and a device cannot stream forever.
    `tree` walks a `$zip` folder (lint caches the walk; the runtime walks once)."""
    try:
        info = os.stat(path)
    except (OSError, ValueError):
        return None  # a link loop: path-escape or the step that reads it reports it
    limit = MAX_VALIDATOR_BYTES if kind == "python" else MAX_ASSET_BYTES
    if kind == "$zip" and stat.S_ISDIR(info.st_mode):
        total = tree(path).total
        if total > limit:
            return f"`$zip` folder `{relative}` holds over {_mb(limit)} of files ({total:,} bytes); zip less"
        return None
    if not stat.S_ISREG(info.st_mode):
        return f"`{kind}` path `{relative}` is {file_kind(info.st_mode)}, not a regular file"
    if info.st_size > limit:
        return f"`{kind}` file `{relative}` is over {_mb(limit)} ({info.st_size:,} bytes); larger files are not read"
    return None


def pack_file(directory: Path, kind: str, relative: str) -> Path:
    """The file (or, for `$zip`, the file or folder) a `$asset`, `$zip` or `python:` reference names,
    resolved inside the pack; InputError, in lint's words, when it leaves the pack, is missing, is not
    a regular file, holds something that cannot be zipped, or is over its size limit."""
    if not isinstance(relative, str) or not relative:
        raise InputError(f"`{kind}` takes a path inside the pack, e.g. `assets/index.html`")
    if "\x00" in relative:
        raise InputError(f"`{kind}` path contains a NUL character")
    path = inside_pack(directory, relative)
    if path is None:
        raise InputError(f"`{kind}` path `{relative}` leaves the pack directory; keep files inside the pack")
    if not path.exists():
        raise InputError(f"`{kind}` file `{relative}` does not exist")
    if path.is_dir() and kind != "$zip":
        raise InputError(f"`{kind}` path `{relative}` is a directory, not a file")
    base = directory.resolve()
    walked = functools.cache(lambda folder: zip_tree(base, folder))
    if kind == "$zip" and path.is_dir() and walked(path).problems:
        raise InputError(f"`$zip` folder `{relative}` holds {walked(path).problems[0]}")
    problem = unfit_file(kind, relative, path, walked)
    if problem:
        raise InputError(problem)
    return path


def file_kind(mode: int) -> str:
    """What a file that is not regular is, for messages: a FIFO, a socket, a device."""
    if stat.S_ISFIFO(mode):
        return "a FIFO"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "a device" if stat.S_ISCHR(mode) or stat.S_ISBLK(mode) else "a special file"


def _shown(base: Path, path: Path) -> str:
    try:
        return path.relative_to(base).as_posix()
    except ValueError:
        return path.name


def _mb(size: int) -> str:
    return f"{size // MB} MB"
