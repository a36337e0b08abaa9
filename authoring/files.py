"""Reading inputs and writing outputs: regular files only, reads bounded, writes atomic and through links."""

from __future__ import annotations

import os
import re
import shutil
import stat
import tempfile
import time
from collections.abc import Mapping
from pathlib import Path

from .errors import InputError, Pos, UsageError

TEMP_MARK = ".mcx-"  # temp files are `.<name>.mcx-<pid>-<random>.tmp`: ours, and whose they were
MAX_CATALOG_BYTES = 64 * 1024 * 1024  # a PO file of every string of a large pack is a few MB
MAX_CONFIG_BYTES = 1024 * 1024
STALE_SECONDS = 24 * 3600  # a temp file this old is stale even if its pid was reused


def read_regular(path: Path, limit: int, display: str | None = None, what: str = "the file") -> bytes:
    """The bytes of `path` if it is a regular file of at most `limit` bytes; InputError otherwise.
    Stat before open (a FIFO would block), and count the bytes read, not the size stat reports."""
    where = Pos(display or str(path))
    try:
        if not stat.S_ISREG(os.stat(path).st_mode):
            raise InputError("not a regular file", where)
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK)  # swapped for a FIFO since the stat: no block
        with os.fdopen(fd, "rb") as handle:
            if not stat.S_ISREG(os.fstat(handle.fileno()).st_mode):
                raise InputError("not a regular file", where)
            data = handle.read(limit + 1)
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror or exc}", where) from None
    if len(data) > limit:
        raise InputError(f"{what} is over {_size(limit)}; larger files are not read", Pos(where.file, 1, 1))
    return data


def _size(limit: int) -> str:
    return f"{limit // 1048576} MB" if limit >= 1048576 else f"{limit} bytes"


def output_target(path: Path) -> Path:
    """Where writing `path` lands: through a symbolic link to its target. UsageError (exit 2) for a
    target that exists and is not a regular file, or a parent that is not a directory."""
    try:
        target = Path(os.path.realpath(path, strict=False)) if os.path.islink(path) else Path(path)
        mode = os.stat(target).st_mode if os.path.lexists(target) else None
    except (OSError, RuntimeError, ValueError) as exc:  # a link loop, a NUL byte
        raise UsageError(f"{path}: cannot be written ({getattr(exc, 'strerror', None) or exc})") from None
    if mode is not None and not stat.S_ISREG(mode):
        raise UsageError(f"{path}: not a regular file; outputs are written only to regular files")
    for parent in target.parents:
        if os.path.lexists(parent):
            if not parent.is_dir():
                raise UsageError(f"{path}: {parent} is not a directory")
            break
    return target


def write_atomic_bytes(path: Path, data: bytes) -> None:
    """Write `path` so that readers see the old file or the new one, never half of it."""
    target = output_target(path)
    try:
        _make_parent(target)
        remove_stale_temps(target)
        mode = _mode_for(target)
        fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}{TEMP_MARK}{os.getpid()}-", suffix=".tmp")
    except OSError as exc:
        raise InputError(f"cannot write: {exc.strerror or exc}", Pos(str(path))) from None
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.chmod(tmp, mode)
        os.replace(tmp, target)
    except OSError as exc:
        Path(tmp).unlink(missing_ok=True)
        raise InputError(f"cannot write: {exc.strerror or exc}", Pos(str(path))) from None
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _make_parent(target: Path) -> None:
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
    except (FileExistsError, NotADirectoryError):
        raise UsageError(f"{target}: a parent is not a directory") from None


def _mode_for(target: Path) -> int:
    try:
        return target.stat().st_mode & 0o7777  # keep the mode of the file being replaced
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask  # what open() would have given a new file


def remove_stale_temps(target: Path) -> int:
    """Remove temp files for `target` left by a run that was killed: its process is gone, or the file is
    a day old. Another run's temp file in progress is left alone. Returns how many were removed."""
    pattern = re.compile(re.escape(f".{target.name}{TEMP_MARK}") + r"(\d+)-[^/]*\.tmp\Z")
    removed = 0
    try:
        entries = list(os.scandir(target.parent))
    except OSError:
        return 0
    for entry in entries:
        match = pattern.match(entry.name)
        if match and _is_stale(entry, int(match.group(1))):
            try:
                if entry.is_dir(follow_symlinks=False):
                    shutil.rmtree(entry.path)  # a set staged by `render-diagram --all`
                else:
                    os.unlink(entry.path)
                removed += 1
            except OSError:
                pass
    return removed


def _is_stale(entry: os.DirEntry, pid: int) -> bool:
    try:
        if time.time() - entry.stat(follow_symlinks=False).st_mtime > STALE_SECONDS:
            return True
    except OSError:
        return False
    if pid == os.getpid():
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    except (PermissionError, OverflowError):
        return False
    return False


def write_atomic(path: Path, text: str) -> None:
    write_atomic_bytes(path, text.encode("utf-8"))


def read_existing_output(path: Path, limit: int) -> bytes | None:
    """The current bytes of an output, if it is a regular file of at most `limit` bytes; else None.
    Never opens anything else (a device or FIFO named as output is refused by output_target)."""
    try:
        target = output_target(path)
        info = os.stat(target)
    except (OSError, UsageError):
        return None
    if not stat.S_ISREG(info.st_mode) or info.st_size > limit:
        return None
    try:
        return read_regular(target, limit)
    except InputError:
        return None


def write_if_changed(path: Path, data: bytes) -> bool:
    """Write atomically when the bytes differ; True if the file changed."""
    output_target(path)
    if read_existing_output(path, len(data)) == data:
        return False
    write_atomic_bytes(path, data)
    return True


SET_MEMBER = re.compile(r"(architecture|tasks|task-.+)\.(svg|png|pdf)\Z")


def replace_directory(out_dir: Path, files: Mapping[str, bytes]) -> tuple[int, list[Path]]:
    """Replace the directory `out_dir` as a whole by `files` (name under out_dir, such as `ja/tasks.svg`
    -> bytes): they are written into a sibling directory, which is then swapped in, so readers see the
    old set or the new one. Returns (files that changed, paths written)."""
    target = _set_target(out_dir)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        remove_stale_temps(target)
        staging = Path(tempfile.mkdtemp(dir=target.parent, prefix=f".{target.name}{TEMP_MARK}{os.getpid()}-", suffix=".tmp"))
    except OSError as exc:
        raise InputError(f"cannot write: {exc.strerror or exc}", Pos(str(out_dir))) from None
    try:
        changed, written = _stage(staging, target, out_dir, files)
        _swap_in(staging, target)
    except OSError as exc:
        raise InputError(f"cannot write: {exc.strerror or exc}", Pos(str(out_dir))) from None
    finally:
        shutil.rmtree(staging, ignore_errors=True)  # the old set after a swap, or a set not swapped in
    return changed, written


def _set_target(out_dir: Path) -> Path:
    """Where the set goes (through a link), refused if it holds anything but a diagram set: replacing
    it as a whole must never delete someone's other files."""
    target = Path(os.path.realpath(out_dir))
    if not os.path.lexists(target):
        return target
    if not target.is_dir():
        raise UsageError(f"{out_dir}: not a directory; --all writes a set of diagrams into -o DIR")
    for entry in os.scandir(target):
        inner = os.listdir(entry.path) if entry.is_dir(follow_symlinks=False) else [entry.name]
        if not all(SET_MEMBER.match(name) for name in inner) or (entry.is_symlink()):
            raise UsageError(
                f"{out_dir}: holds `{entry.name}`, which is not a diagram; --all replaces the whole directory,"
                " so give it one of its own"
            )
    return target


def _stage(staging: Path, target: Path, out_dir: Path, files: Mapping[str, bytes]) -> tuple[int, list[Path]]:
    changed, written = 0, []
    for name, data in files.items():
        relative = Path(name)
        if relative.is_absolute() or ".." in relative.parts:
            raise ValueError(f"{name}: a name under the directory is relative and stays in it")
        (staging / relative).parent.mkdir(parents=True, exist_ok=True)
        changed += stage_file(staging / relative, target / relative, data)
        written.append(out_dir / relative)
    os.chmod(staging, stat.S_IMODE(os.stat(target).st_mode) if target.exists() else 0o777 & ~_umask())
    return changed, written


def stage_file(new: Path, old: Path, data: bytes) -> bool:
    """Write one file of a staged set; an unchanged one is linked to the old file (mtime kept)."""
    if read_existing_output(old, len(data)) == data:
        try:
            os.link(old, new)
            return False
        except OSError:
            pass
    new.write_bytes(data)
    return True


def _umask() -> int:
    umask = os.umask(0)
    os.umask(umask)
    return umask


def _swap_in(staging: Path, target: Path) -> None:
    """Put `staging` at `target` in one step; the old set ends up at `staging` (to be removed)."""
    if not os.path.lexists(target):
        os.rename(staging, target)
        staging.mkdir()  # for the caller's rmtree
        return
    if _exchange(staging, target):
        return
    aside = staging.with_name(staging.name + ".old.tmp")  # no atomic exchange here: two renames
    os.rename(target, aside)
    os.rename(staging, target)
    os.rename(aside, staging)


def _exchange(a: Path, b: Path) -> bool:
    """Linux renameat2(RENAME_EXCHANGE): swap two directories atomically. False where unavailable."""
    try:
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        renameat2 = libc.renameat2
    except (OSError, AttributeError):
        return False
    at_fdcwd, rename_exchange = -100, 2
    if renameat2(at_fdcwd, os.fsencode(a), at_fdcwd, os.fsencode(b), rename_exchange) == 0:
        return True
    errno = ctypes.get_errno()
    if errno in (22, 38, 95):  # EINVAL, ENOSYS, EOPNOTSUPP: the file system cannot exchange
        return False
    raise OSError(errno, os.strerror(errno), str(b))


def decode_utf8(raw: bytes, display: str) -> str:
    """`raw` as UTF-8 text (a BOM is dropped), or InputError at the line and column of the bad byte."""
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        line_start = raw.rfind(b"\n", 0, exc.start) + 1
        column = len(raw[line_start : exc.start].decode("utf-8", "replace")) + 1
        raise InputError(
            f"not valid UTF-8 (byte 0x{raw[exc.start]:02x}); save the file as UTF-8", Pos(display, line, column)
        ) from None
    return text[1:] if text.startswith("\ufeff") else text
