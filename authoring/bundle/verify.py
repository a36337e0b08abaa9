"""`verify`: is an archive intact and safe to import? The central directory is judged before any member
is inflated (names, links, duplicates, sizes and ratios: a zip bomb is refused unread); then the
manifest, every member's sha256 against it, and the JSON Schemas of the manifest and the content."""

from __future__ import annotations

import hashlib
import io
import json
import stat
import zipfile
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from ..errors import McxError
from ..files import read_regular
from .manifest import NAME

CHUNK = 64 * 1024


@dataclass(frozen=True)
class Limits:
    archive_bytes: int = 512 * 1024 * 1024  # the .mcxpack file itself
    members: int = 10_000
    member_bytes: int = 64 * 1024 * 1024  # one member, inflated
    total_bytes: int = 512 * 1024 * 1024  # every member, inflated
    ratio: int = 200  # inflated / compressed, for a member over `ratio_floor` bytes
    ratio_floor: int = 1024 * 1024
    json_bytes: int = 16 * 1024 * 1024  # manifest.json, content/*.json: parsed in memory


@dataclass(frozen=True)
class VerifyProblem:
    member: str | None  # None: the archive as a whole
    reason: str

    def line(self, archive: str) -> str:
        return f"{archive}: {self.member}: {self.reason}" if self.member else f"{archive}: {self.reason}"


def verify_archive(path: Path, limits: Limits = Limits()) -> list[VerifyProblem]:
    """Every reason `path` is not an intact, safe archive (none: it is)."""
    try:
        data = read_regular(path, limits.archive_bytes, str(path), "the archive")
    except McxError as exc:
        return [VerifyProblem(None, exc.message)]
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, EOFError) as exc:
        return [VerifyProblem(None, f"not a readable zip archive ({exc})")]
    with archive:
        infos = archive.infolist()
        problems = directory_problems(infos, limits)
        if problems:
            return problems  # nothing is inflated from an archive whose directory is unsafe
        return content_problems(archive, {i.filename: i for i in infos}, limits)


def directory_problems(infos: list[zipfile.ZipInfo], limits: Limits) -> list[VerifyProblem]:
    """Names, kinds, duplicates and sizes, from the central directory alone."""
    if len(infos) > limits.members:
        return [VerifyProblem(None, f"{len(infos)} members, over the limit of {limits.members}")]
    problems = []
    seen: dict[str, str] = {}
    total = 0
    for info in infos:
        name = info.filename
        reason = name_problem(name) or kind_problem(info) or size_problem(info, limits)
        folded = name.casefold()
        if reason is None and folded in seen:
            reason = "duplicate member" if seen[folded] == name else f"differs only by case from {seen[folded]}"
        seen.setdefault(folded, name)
        if reason:
            problems.append(VerifyProblem(name or "(empty name)", reason))
        total += info.file_size
    if total > limits.total_bytes:
        problems.append(VerifyProblem(None, f"inflates to {total} bytes, over the limit of {limits.total_bytes}"))
    return problems


def name_problem(name: str) -> str | None:
    if not name or "\x00" in name:
        return "empty name or NUL byte in the name"
    if name.startswith(("/", "\\")) or (len(name) > 1 and name[1] == ":"):
        return "absolute path"
    if "\\" in name:
        return "backslash in the name (a Windows path)"
    parts = PurePosixPath(name).parts
    if ".." in parts:
        return "`..` in the path (would extract outside the target folder)"
    if name.endswith("/") or any(p in ("", ".") for p in name.split("/")):
        return "a directory entry or an empty or `.` path part"
    return None


def kind_problem(info: zipfile.ZipInfo) -> str | None:
    mode = info.external_attr >> 16
    if info.create_system == 3 and stat.S_ISLNK(mode):
        return "a symbolic link"
    if info.create_system == 3 and stat.S_IFMT(mode) and not stat.S_ISREG(mode):
        return "not a regular file"  # a device, FIFO or directory; no type bits at all is a plain file
    if info.flag_bits & 0x1:
        return "encrypted"
    if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
        return f"unsupported compression method {info.compress_type}"
    return None


def size_problem(info: zipfile.ZipInfo, limits: Limits) -> str | None:
    if info.file_size > limits.member_bytes:
        return f"inflates to {info.file_size} bytes, over the limit of {limits.member_bytes}"
    ratio = info.file_size / max(info.compress_size, 1)
    if info.file_size > limits.ratio_floor and ratio > limits.ratio:
        return f"compression ratio {ratio:.0f}:1, over the limit of {limits.ratio}:1 (a zip bomb?)"
    return None


def content_problems(archive: zipfile.ZipFile, infos: dict[str, zipfile.ZipInfo], limits: Limits) -> list[VerifyProblem]:
    """The manifest, the members against it, and the JSON members against their schemas."""
    if NAME not in infos:
        return [VerifyProblem(NAME, "missing")]
    raw, problem = inflate(archive, infos[NAME], limits.json_bytes)
    if problem:
        return [VerifyProblem(NAME, problem)]
    manifest, problem = parse_json(raw, "manifest")
    if problem:
        return [VerifyProblem(NAME, problem)]
    files = manifest["files"]
    problems = [VerifyProblem(n, "listed in the manifest but missing") for n in sorted(set(files) - set(infos))]
    problems += [VerifyProblem(n, "not listed in the manifest") for n in sorted(set(infos) - set(files) - {NAME})]
    for name in sorted(set(files) & set(infos)):
        problems += member_problems(archive, infos[name], files[name], limits)
    return problems


def member_problems(archive: zipfile.ZipFile, info: zipfile.ZipInfo, expected: str, limits: Limits) -> list[VerifyProblem]:
    name = info.filename
    is_content = name.startswith("content/") and name.endswith(".json")
    raw, problem = inflate(archive, info, limits.json_bytes if is_content else limits.member_bytes)
    if problem:
        return [VerifyProblem(name, problem)]
    if hashlib.sha256(raw).hexdigest() != expected:
        return [VerifyProblem(name, "sha256 differs from the manifest (the member was changed)")]
    if is_content:
        _, problem = parse_json(raw, "content")
        if problem:
            return [VerifyProblem(name, problem)]
    return []


def inflate(archive: zipfile.ZipFile, info: zipfile.ZipInfo, limit: int) -> tuple[bytes, str | None]:
    """The member's bytes, read in chunks and never past its declared size (or `limit`): a member
    whose header lies about its size is stopped, not inflated."""
    bound = min(info.file_size, limit)
    chunks, size = [], 0
    try:
        with archive.open(info) as stream:
            while chunk := stream.read(CHUNK):
                size += len(chunk)
                if size > bound:
                    return b"", f"inflates past its declared size of {info.file_size} bytes"
                chunks.append(chunk)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, EOFError, ValueError, RuntimeError) as exc:
        return b"", f"corrupt ({exc})"
    except Exception as exc:  # noqa: BLE001 - zlib.error and friends: a damaged stream, never a crash
        return b"", f"corrupt ({type(exc).__name__}: {exc})"
    return b"".join(chunks), None


def parse_json(raw: bytes, kind: str) -> tuple[dict, str | None]:
    """The parsed JSON and the first way it breaks the `kind` schema (`manifest` or `content`)."""
    try:
        data = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError, RecursionError) as exc:
        return {}, f"not valid UTF-8 JSON ({exc})"
    error = schema_error(data, kind)
    if error:
        return {}, error
    return data, None


def schema_error(data, kind: str) -> str | None:
    from jsonschema import Draft202012Validator
    from jsonschema.exceptions import best_match

    from ..schema import schema

    error = best_match(Draft202012Validator(schema(kind)).iter_errors(data))
    if error is None:
        return None
    where = "/".join(str(p) for p in error.absolute_path) or "(top)"
    return f"does not match the mcx-author {kind} schema at {where}: {error.message}"

