"""Atomic file writes: a temporary file in the same directory, then `os.replace`."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from .errors import InputError, Pos


def write_atomic_bytes(path: Path, data: bytes) -> None:
    """Write `path` so that readers see the old file or the new one, never half of it."""
    try:
        mode = path.stat().st_mode & 0o7777  # keep the mode of the file being replaced
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        mode = 0o666 & ~umask  # what open() would have given a new file
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.chmod(tmp, mode)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def write_atomic(path: Path, text: str) -> None:
    write_atomic_bytes(path, text.encode("utf-8"))


def write_if_changed(path: Path, data: bytes) -> bool:
    """Write atomically when the bytes differ; True if the file changed."""
    try:
        if path.read_bytes() == data:
            return False
    except OSError:
        pass
    path.parent.mkdir(parents=True, exist_ok=True)
    write_atomic_bytes(path, data)
    return True


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
