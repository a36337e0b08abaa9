"""`publish`: verified archives into an S3 bucket that never lets a published version change, and the
bucket's `index.json` updated with compare-and-swap writes so concurrent publishers keep each other's
entries."""

from __future__ import annotations

import json
import random
import re
import time
from dataclasses import dataclass, field
import zipfile
from datetime import datetime, timezone
from pathlib import Path

from ..errors import InputError, UsageError
from ..files import read_regular
from .manifest import NAME, sha256
from .verify import Limits, verify_archive

INDEX_SCHEMA = "mcx-index/v1"
INDEX_NAME = "index.json"
INDEX_BYTES = 64 * 1024 * 1024  # an index of thousands of versions is a few MB
CONFLICT = {"PreconditionFailed", "ConditionalRequestConflict", "NoSuchKey"}  # lost a race: read again
ATTEMPTS = 30  # every round at least one of the racing publishers wins, so 30 covers 30 at once
BACKOFF = 0.05  # seconds; doubled per attempt up to BACKOFF_CAP, full jitter
BACKOFF_CAP = 1.0


@dataclass(frozen=True)
class Target:
    """Where to publish: the bucket, a key prefix (`packs/` or empty) and how to reach S3."""

    bucket: str
    prefix: str = ""
    endpoint_url: str | None = None
    profile: str | None = None
    region: str | None = None

    @classmethod
    def of(cls, bucket: str, prefix: str = "", **how) -> "Target":
        """A target whose prefix is a folder: `packs` and `/packs/` both mean `packs/`."""
        prefix = prefix.strip("/")
        return cls(bucket, f"{prefix}/" if prefix else "", **how)

    def url(self, key: str) -> str:
        return f"s3://{self.bucket}/{key}"


@dataclass(frozen=True)
class Archive:
    """A verified archive: its pack id and version (from its manifest), bytes and sha256."""

    path: Path
    pack: str
    version: str
    data: bytes = field(repr=False)
    digest: str

    def key(self, prefix: str) -> str:
        return f"{prefix}{self.pack}/{self.version}/{self.path.name}"


@dataclass(frozen=True)
class Outcome:
    """One archive's publish: `uploaded`, `unchanged` (already there, same bytes) or `refused` (there
    with other bytes); in a dry run `would upload` / `unchanged` / `would be refused`."""

    archive: Archive
    key: str
    status: str


@dataclass(frozen=True)
class Report:
    outcomes: list[Outcome]
    index_key: str
    index: str  # `updated`, `unchanged`, `would update`, `would stay unchanged`, `not touched`
    added: list[str]  # `<id> <version>` entries new in the index


def load_archive(path: Path) -> Archive:
    """The archive at `path` if it verifies; InputError with verify's first reason otherwise."""
    problems = verify_archive(path)
    if problems:
        more = f" ({len(problems) - 1} more; run `mcx-author verify`)" if len(problems) > 1 else ""
        raise InputError(f"{problems[0].line(str(path))}{more}; not published")
    data = read_regular(path, Limits().archive_bytes, str(path), "the archive")
    with zipfile.ZipFile(path) as opened:
        manifest = json.loads(opened.read(NAME))
    return Archive(path, manifest["id"], manifest["version"], data, sha256(data))


def publish(paths: list[Path], target: Target, dry_run: bool = False, client=None) -> Report:
    """Verify every archive, then upload each under `<prefix><id>/<version>/<file>` unless that key
    holds it already, then add them to `<prefix>index.json`. A version that holds other bytes is
    refused before anything is written (and again, atomically, by the conditional upload)."""
    archives = _unique([load_archive(p) for p in paths], target.prefix)
    s3 = client or make_client(target)
    planned = [Outcome(a, a.key(target.prefix), _existing(s3, target.bucket, a, a.key(target.prefix))) for a in archives]
    refused = [o for o in planned if o.status == "refused"]
    if dry_run or refused:
        return _plan_report(s3, target, planned, dry_run)
    outcomes = [_upload(s3, target.bucket, o) for o in planned]
    kept = [o.archive for o in outcomes if o.status != "refused"]
    index, added = update_index(s3, target, kept) if kept else ("not touched", [])
    return Report(outcomes, target.prefix + INDEX_NAME, index, added)


def _unique(archives: list[Archive], prefix: str) -> list[Archive]:
    """One archive per key: the same file named twice is published once; two different files for one
    pack version are a mistake in the command line."""
    by_key: dict[str, Archive] = {}
    for archive in archives:
        seen = by_key.setdefault(archive.key(prefix), archive)
        if seen.digest != archive.digest:
            raise UsageError(f"{seen.path} and {archive.path} are both {archive.pack} {archive.version} "
                             "with different bytes; publish one")
    return list(by_key.values())


def _plan_report(s3, target: Target, planned: list[Outcome], dry_run: bool) -> Report:
    """What a publish would do (dry run), or why it wrote nothing (a version that holds other bytes)."""
    if not dry_run:
        return Report(planned, target.prefix + INDEX_NAME, "not touched", [])
    shown = [Outcome(o.archive, o.key, {"absent": "would upload", "refused": "would be refused"}.get(o.status, o.status))
             for o in planned]
    kept = [o.archive for o in planned if o.status != "refused"]
    document, _ = read_index(s3, target)
    added = merge(document, kept, target.prefix, _now())
    return Report(shown, target.prefix + INDEX_NAME, "would update" if added else "would stay unchanged", added)


# --- the archive -----------------------------------------------------------------------------------


def _existing(s3, bucket: str, archive: Archive, key: str) -> str:
    """`absent`, `unchanged` (`key` holds these bytes) or `refused` (it holds others)."""
    try:
        head = s3.head_object(Bucket=bucket, Key=key)
    except _client_error() as exc:
        if _code(exc) in ("404", "NoSuchKey", "NotFound"):
            return "absent"
        raise _failed(exc, f"s3://{bucket}/{key}") from None
    return "unchanged" if _stored_digest(s3, bucket, key, head) == archive.digest else "refused"


def _stored_digest(s3, bucket: str, key: str, head: dict) -> str:
    """The sha256 of the object at `key`: from its metadata when we wrote it, else by reading it."""
    recorded = head.get("Metadata", {}).get("sha256")
    if recorded:
        return recorded
    if head.get("ContentLength", 0) > Limits().archive_bytes:
        return ""  # bigger than any archive we publish: not ours
    body = s3.get_object(Bucket=bucket, Key=key)["Body"].read()
    return sha256(body)


def _upload(s3, bucket: str, planned: Outcome) -> Outcome:
    """Write the archive only if its key is still free (`If-None-Match: *`): a publisher that got there
    first with the same bytes makes this a no-op, with other bytes a refusal; never an overwrite."""
    if planned.status != "absent":
        return planned
    archive = planned.archive
    try:
        s3.put_object(Bucket=bucket, Key=planned.key, Body=archive.data, IfNoneMatch="*",
                      ContentType="application/zip", Metadata={"sha256": archive.digest})
    except _client_error() as exc:
        if _code(exc) not in ("PreconditionFailed", "ConditionalRequestConflict"):
            raise _failed(exc, f"s3://{bucket}/{planned.key}") from None
        return Outcome(archive, planned.key, _existing(s3, bucket, archive, planned.key))
    return Outcome(archive, planned.key, "uploaded")


# --- the index -------------------------------------------------------------------------------------


def empty_index() -> dict:
    return {"schema": INDEX_SCHEMA, "packs": {}}


def read_index(s3, target: Target) -> tuple[dict, str | None]:
    """(index document, its ETag); an empty index and None when there is none yet."""
    key = target.prefix + INDEX_NAME
    try:
        got = s3.get_object(Bucket=target.bucket, Key=key)
    except _client_error() as exc:
        if _code(exc) in ("NoSuchKey", "404"):
            return empty_index(), None
        raise _failed(exc, f"s3://{target.bucket}/{key}") from None
    if got.get("ContentLength", 0) > INDEX_BYTES:
        raise InputError(f"s3://{target.bucket}/{key}: over {INDEX_BYTES} bytes; not an index this tool wrote")
    return parse_index(got["Body"].read(), f"s3://{target.bucket}/{key}"), got["ETag"]


def parse_index(raw: bytes, where: str) -> dict:
    """The index document, or InputError: an index that is not ours is never overwritten."""
    try:
        document = json.loads(raw)
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise InputError(f"{where}: not JSON ({exc}); fix or remove it by hand") from None
    if not isinstance(document, dict) or document.get("schema") != INDEX_SCHEMA or not isinstance(
            document.get("packs"), dict):
        raise InputError(f"{where}: not an {INDEX_SCHEMA} index; left as it is")
    return document


def merge(document: dict, archives: list[Archive], prefix: str, now: str) -> list[str]:
    """Add each archive's version to `document` (in place) and recompute `latest`; an existing entry is
    kept as it is, nothing is ever removed. Returns the `<id> <version>` entries added."""
    added = []
    for archive in archives:
        pack = document["packs"].setdefault(archive.pack, {"latest": archive.version, "versions": {}})
        versions = pack.setdefault("versions", {})
        if archive.version not in versions:
            versions[archive.version] = {"key": archive.key(prefix), "sha256": archive.digest,
                                         "size": len(archive.data), "published": now}
            added.append(f"{archive.pack} {archive.version}")
        pack["latest"] = latest(list(versions))
    return added


SEMVER = re.compile(r"^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-([0-9A-Za-z.-]+))?(?:\+[0-9A-Za-z.-]+)?$")


def latest(versions: list[str]) -> str:
    """The highest release by SemVer precedence; a pre-release only when there is no release."""
    return max(versions, key=semver_key)


def semver_key(text: str) -> tuple:
    """A sort key in SemVer 2.0 precedence (numeric parts as numbers, `1.2.10` > `1.2.9`; a numeric
    pre-release part below an alphanumeric one), every release above every pre-release, and anything
    that is not SemVer (lint refuses it in a pack) below everything."""
    match = SEMVER.match(text)
    if not match:
        return (0,)
    pre = match[4]
    parts = () if pre is None else tuple((0, int(p), "") if p.isdigit() else (1, 0, p) for p in pre.split("."))
    return (1, 1 if pre is None else 0, int(match[1]), int(match[2]), int(match[3]), parts)


def update_index(s3, target: Target, archives: list[Archive]) -> tuple[str, list[str]]:
    """Read, merge, write back only if nobody wrote in between (`If-Match` on the ETag read, or
    `If-None-Match: *` for a new index); on a lost race read again, with jittered backoff."""
    key = target.prefix + INDEX_NAME
    for attempt in range(ATTEMPTS):
        document, etag = read_index(s3, target)
        added = merge(document, archives, target.prefix, _now())
        if not added and etag is not None:
            return "unchanged", []
        condition = {"IfMatch": etag} if etag else {"IfNoneMatch": "*"}
        try:
            s3.put_object(Bucket=target.bucket, Key=key, Body=index_bytes(document),
                          ContentType="application/json", CacheControl="no-cache", **condition)
            return "updated", added
        except _client_error() as exc:
            if _code(exc) not in CONFLICT:
                raise _failed(exc, f"s3://{target.bucket}/{key}") from None
        time.sleep(random.uniform(0, min(BACKOFF_CAP, BACKOFF * 2 ** attempt)))
    raise InputError(f"s3://{target.bucket}/{key}: other publishers kept changing it; gave up after "
                     f"{ATTEMPTS} attempts (the archives are uploaded: publish again to index them)")


def index_bytes(document: dict) -> bytes:
    """Sorted keys, two-space indent: the same entries always give the same bytes."""
    return (json.dumps(document, ensure_ascii=False, indent=2, sort_keys=True) + "\n").encode("utf-8")


def _now() -> str:
    return datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


# --- S3 --------------------------------------------------------------------------------------------


def make_client(target: Target):
    """An S3 client for `target` (profile, region, endpoint); InputError when boto3 cannot make one."""
    try:
        import boto3
        from botocore.config import Config as BotoConfig
        from botocore.exceptions import BotoCoreError
    except ImportError:
        raise InputError("publish needs boto3: pip install boto3") from None
    try:
        session = boto3.session.Session(profile_name=target.profile, region_name=target.region)
        config = BotoConfig(retries={"max_attempts": 5, "mode": "standard"})
        return session.client("s3", endpoint_url=target.endpoint_url, config=config)
    except BotoCoreError as exc:
        raise InputError(f"cannot reach S3: {exc}") from None


def _client_error():
    from botocore.exceptions import BotoCoreError, ClientError

    return (ClientError, BotoCoreError)


def _code(exc) -> str:
    response = getattr(exc, "response", None) or {}
    return str(response.get("Error", {}).get("Code", ""))


def _failed(exc, where: str) -> InputError:
    """One line for an S3 call that failed for a reason no retry fixes (access, bucket, network)."""
    code = _code(exc)
    message = (getattr(exc, "response", None) or {}).get("Error", {}).get("Message") or str(exc)
    return InputError(f"{where}: {code + ': ' if code else ''}{message}")
