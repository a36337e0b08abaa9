"""Where a command's packs are: the content root found from the pack paths, and every path made absolute.

Every command resolves its arguments here, once, so that `mcx-author i18n report /abs/packs/x` run from
any directory reads the same `locales/` as `cd /abs && mcx-author i18n report packs/x`.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from .config import suggest
from .errors import UsageError
from .loader import PACKS_DIR, find_root, has_root_marker


@dataclass(frozen=True)
class Invocation:
    """The content root and the command's pack paths, absolute (none given: the whole root)."""

    root: Path
    paths: tuple[str, ...]


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
    hint = suggest(name, ids, cutoff=0.6)
    if not hint or name == raw.rstrip("/"):
        return hint
    prefix = raw.rstrip("/")[: -len(name)]
    close = hint.removeprefix(" (did you mean `").removesuffix("`?)")
    return f" (did you mean `{prefix}{close}`?)"
