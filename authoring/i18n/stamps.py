"""Catalog files compared by content: the header lines a tool stamps (generator, creation date) do not count.

Babel writes its own version into `Generated-By`, and `POT-Creation-Date` follows SOURCE_DATE_EPOCH;
neither says anything about the strings. A file on disk that differs from a fresh rendering only in
those lines is up to date, so a newer Babel (or a build with another epoch) rewrites nothing and
`extract --check` stays green.
"""

from __future__ import annotations

import difflib
import hashlib
import os
import re
from dataclasses import dataclass
from pathlib import Path

from ..errors import InputError, Pos
from ..files import MAX_CATALOG_BYTES, read_existing_output, write_atomic_bytes

GENERATOR = "mcx-author"  # no version: the files must depend on the sources alone, not on the tool that wrote them
_STAMP = re.compile(r'^"(?:Generated-By|POT-Creation-Date):.*"$')
_BABEL_GENERATOR = re.compile(rb'^"Generated-By: Babel [^"]*"$', re.M)
DIFF_LINES = 20


def stamp_generator(data: bytes) -> bytes:
    """`Generated-By: mcx-author` instead of Babel's `Generated-By: Babel <its version>`."""
    return _BABEL_GENERATOR.sub(f'"Generated-By: {GENERATOR}\\\\n"'.encode(), data, count=1)


def _content(data: bytes) -> list[str]:
    return [line for line in data.decode("utf-8", "replace").split("\n") if not _STAMP.match(line)]


def same_content(old: bytes, new: bytes) -> bool:
    return old == new or _content(old) == _content(new)


@dataclass(frozen=True)
class FileStamp:
    """A catalog as it was read: someone else's save changes at least one of these."""

    inode: int
    size: int
    mtime_ns: int
    sha256: str


def file_stamp(info: os.stat_result, data: bytes | None) -> FileStamp:
    digest = hashlib.sha256(data).hexdigest() if data is not None else ""  # "": unreadable, matches nothing read
    return FileStamp(info.st_ino, info.st_size, info.st_mtime_ns, digest)


def _stamp_now(path: Path) -> FileStamp | None:
    try:
        info = os.stat(path)
    except FileNotFoundError:
        return None
    except OSError:
        return FileStamp(-1, -1, -1, "")
    return file_stamp(info, read_existing_output(path, MAX_CATALOG_BYTES))


ANY = object()  # write_catalog(read_as=ANY): a generated file (the POT), no one else's work in it


def write_catalog(path: Path, data: bytes, display: str | None = None, read_as: FileStamp | None | object = ANY) -> bool:
    """Write `data` atomically unless the file already says the same; True if the file changed.
    `read_as`: the catalog as it was read before merging (None: there was none); if the file is not
    that any more, someone saved it meanwhile and their save is kept. A read-only catalog is refused."""
    where = Pos(display or str(path))
    if read_as is not ANY and _stamp_now(path) != read_as:
        raise InputError("the catalog changed while updating; run again", where)
    old = read_existing_output(path, 2 * len(data) + 65536)  # regular files only: a FIFO would block
    if old is not None and same_content(old, data):
        return False
    if old is not None and not os.stat(path).st_mode & 0o222:
        raise InputError("catalog is read-only; make it writable (chmod u+w) to update it", where)
    write_atomic_bytes(path, data)
    return True


def content_diff(old: bytes, new: bytes, name: str, limit: int = DIFF_LINES) -> list[str]:
    """The first lines of a unified diff from `old` (on disk) to `new`, stamps left out; at most
    `limit` lines, then one line saying how many more differ."""
    lines = list(difflib.unified_diff(_content(old), _content(new), f"{name} (on disk)", f"{name} (from the sources)",
                                      n=1, lineterm=""))
    if len(lines) <= limit:
        return lines
    rest = sum(1 for line in lines[limit:] if line[:1] in "+-")
    shown = lines[:limit]
    if rest:
        shown.append(f"... {rest} more line{'s' if rest != 1 else ''} differ")
    return shown
