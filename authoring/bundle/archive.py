"""Reproducible zip bytes: sorted members, one fixed timestamp, fixed permissions and compression."""

from __future__ import annotations

import io
import os
import subprocess
import time
import zipfile
from collections.abc import Mapping
from pathlib import Path

from ..errors import InputError

SUFFIX = ".mcxpack"
FIXED_EPOCH = 315532800  # 1980-01-01T00:00:00Z, the earliest time a zip can hold
MEMBER_MODE = 0o100644  # a regular file, rw-r--r--, whoever built it
UNIX = 3  # `create_system`: the mode bits above are Unix ones
LEVEL = 9


def archive_name(pack_id: str, version: str) -> str:
    return f"{pack_id}-{version}{SUFFIX}"


def source_epoch(root: Path) -> int:
    """The archive's timestamp: SOURCE_DATE_EPOCH, else the content root's last commit, else a fixed date.
    Never the clock: two builds of the same sources must give the same bytes."""
    raw = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if raw:
        if not raw.isdigit():
            raise InputError(f"SOURCE_DATE_EPOCH={raw!r}: not a number of seconds since 1970")
        return max(int(raw), FIXED_EPOCH)
    commit = git_head(root)
    return max(commit[1], FIXED_EPOCH) if commit else FIXED_EPOCH


def git_head(root: Path) -> tuple[str, int] | None:
    """(commit, commit time) of the content root's git checkout; None outside git or without git."""
    try:
        done = subprocess.run(
            ["git", "-C", str(root), "log", "-1", "--format=%H %ct"],
            capture_output=True, text=True, timeout=10, check=False,
        )
    except (OSError, subprocess.TimeoutExpired):
        return None
    fields = done.stdout.split()
    if done.returncode != 0 or len(fields) != 2 or not fields[1].isdigit():
        return None
    return fields[0], int(fields[1])


def zip_bytes(members: Mapping[str, bytes], epoch: int) -> bytes:
    """The zip of `members` (name -> bytes) in name order, every entry stamped `epoch` (UTC) with the
    same mode and compression, and no extra fields: the same members always give the same bytes."""
    stamp = time.gmtime(epoch)[:6]
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=LEVEL) as archive:
        for name in sorted(members):
            info = zipfile.ZipInfo(name, date_time=stamp)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.create_system = UNIX
            info.external_attr = MEMBER_MODE << 16
            archive.writestr(info, members[name], compresslevel=LEVEL)
    return buffer.getvalue()
