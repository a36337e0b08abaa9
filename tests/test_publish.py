"""`mcx-author publish` against a real S3 endpoint (moto's server on 127.0.0.1): the archive is uploaded
with If-None-Match, a published version never changes, and the index keeps every publisher's entry.

moto 5.2.5 enforces If-None-Match and If-Match on put_object (412 PreconditionFailed), checked by
`test_the_test_server_enforces_conditional_writes`; no test harness sits in front of it."""

from __future__ import annotations

import json
import shutil
import threading
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from authoring.cli import cli
from bundle_support import PACK
from conftest import PACKS, edit

pytest.importorskip("moto.server")
boto3 = pytest.importorskip("boto3")
from botocore.exceptions import ClientError  # noqa: E402
from moto.server import ThreadedMotoServer  # noqa: E402

CONCURRENT = 20
TESTING_ENV = {"AWS_ACCESS_KEY_ID": "testing", "AWS_SECRET_ACCESS_KEY": "testing", "AWS_SECURITY_TOKEN": "testing",
               "AWS_SESSION_TOKEN": "testing", "AWS_DEFAULT_REGION": "us-east-1", "AWS_REGION": "us-east-1"}


def cli_run(*args) -> object:
    return CliRunner().invoke(cli, [str(a) for a in args], catch_exceptions=False)


@pytest.fixture(scope="module")
def server():
    with pytest.MonkeyPatch.context() as patch:
        for name, value in TESTING_ENV.items():
            patch.setenv(name, value)
        patch.delenv("AWS_PROFILE", raising=False)
        started = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
        started.start()
        host, port = started.get_host_and_port()
        yield f"http://{host}:{port}"
        started.stop()


@pytest.fixture(autouse=True)
def aws_env(monkeypatch):
    for name, value in TESTING_ENV.items():
        monkeypatch.setenv(name, value)
    monkeypatch.delenv("AWS_PROFILE", raising=False)


@pytest.fixture(scope="module")
def archives(tmp_path_factory):
    """Built once: the clean pack (`first`), the same version with other bytes (`changed`), and the
    clean pack under CONCURRENT other ids (`many`). Japanese is optional so the copies need no catalog."""
    root = tmp_path_factory.mktemp("content")
    packs = root / "packs"
    ids = [f"pack-{n:02d}" for n in range(CONCURRENT)]
    for name in [PACK, *ids]:
        target = packs / name
        shutil.copytree(PACKS / PACK, target)
        edit(target / "pack.yaml", "ja: {required: true}", "ja: {required: false}")
        if name != PACK:
            edit(target / "pack.yaml", f"\nid: {PACK}\n", f"\nid: {name}\n")
    out = root / "out"
    result = cli_run("build", *(packs / n for n in [PACK, *ids]), "-o", out, "--jobs", "2")
    assert result.exit_code == 0, result.output
    changed_dir = root / "changed"
    edit(packs / PACK / "assets" / "index.html", "Hello from S3", "Hello again from S3")
    result = cli_run("build", packs / PACK, "-o", changed_dir)
    assert result.exit_code == 0, result.output
    first = out / f"{PACK}-1.0.0.mcxpack"
    changed = changed_dir / first.name
    assert first.read_bytes() != changed.read_bytes()
    return {"first": first, "changed": changed, "many": [out / f"{n}-1.0.0.mcxpack" for n in ids], "root": root}


@pytest.fixture
def bucket(server, request):
    """A fresh, empty bucket per test, and a client for looking at it."""
    s3 = boto3.client("s3", endpoint_url=server, region_name="us-east-1")
    name = f"packs-{request.node.name.replace('_', '-')[:40].strip('-')}".lower()
    s3.create_bucket(Bucket=name)
    return name, s3


def publish(server, bucket_name, *args):
    return cli_run("publish", *args, "--bucket", bucket_name, "--endpoint-url", server)


def snapshot(s3, bucket_name) -> dict:
    """Every object in the bucket: key -> (ETag, LastModified, bytes)."""
    found = {}
    for page in s3.get_paginator("list_objects_v2").paginate(Bucket=bucket_name):
        for item in page.get("Contents", []):
            body = s3.get_object(Bucket=bucket_name, Key=item["Key"])["Body"].read()
            found[item["Key"]] = (item["ETag"], item["LastModified"], body)
    return found


def index_of(s3, bucket_name, key="index.json") -> dict:
    return json.loads(s3.get_object(Bucket=bucket_name, Key=key)["Body"].read())


def test_the_test_server_enforces_conditional_writes(bucket):
    name, s3 = bucket
    s3.put_object(Bucket=name, Key="k", Body=b"one", IfNoneMatch="*")
    with pytest.raises(ClientError) as refused:
        s3.put_object(Bucket=name, Key="k", Body=b"two", IfNoneMatch="*")
    assert refused.value.response["Error"]["Code"] == "PreconditionFailed"
    with pytest.raises(ClientError) as stale:
        s3.put_object(Bucket=name, Key="k", Body=b"two", IfMatch='"0123456789abcdef0123456789abcdef"')
    assert stale.value.response["Error"]["Code"] == "PreconditionFailed"
    assert s3.get_object(Bucket=name, Key="k")["Body"].read() == b"one"


def test_first_publish_uploads_the_archive_under_id_and_version_and_indexes_it(server, bucket, archives):
    name, s3 = bucket
    result = publish(server, name, archives["first"], "--prefix", "packs")
    assert result.exit_code == 0, result.output
    key = f"packs/{PACK}/1.0.0/{PACK}-1.0.0.mcxpack"
    assert s3.get_object(Bucket=name, Key=key)["Body"].read() == archives["first"].read_bytes()
    index = index_of(s3, name, "packs/index.json")
    assert index["schema"] == "mcx-index/v1"
    entry = index["packs"][PACK]
    assert entry["latest"] == "1.0.0"
    version = entry["versions"]["1.0.0"]
    assert version["key"] == key and version["size"] == archives["first"].stat().st_size
    assert len(version["sha256"]) == 64 and version["published"].endswith("Z")
    assert "uploaded" in result.stdout and "index" in result.stdout


def test_republishing_the_same_bytes_changes_nothing(server, bucket, archives):
    name, s3 = bucket
    assert publish(server, name, archives["first"]).exit_code == 0
    before = snapshot(s3, name)
    time.sleep(1.1)  # LastModified has one-second resolution: a rewrite would show
    result = publish(server, name, archives["first"])
    assert result.exit_code == 0, result.output
    assert "unchanged" in result.stdout
    assert snapshot(s3, name) == before


def test_different_bytes_for_a_published_version_are_refused_and_the_bucket_is_unchanged(server, bucket, archives):
    name, s3 = bucket
    assert publish(server, name, archives["first"]).exit_code == 0
    before = snapshot(s3, name)
    result = publish(server, name, archives["changed"])
    assert result.exit_code == 1
    assert "different bytes" in result.stderr and "Traceback" not in result.output
    assert snapshot(s3, name) == before


def test_an_archive_that_does_not_verify_is_never_uploaded(server, bucket, archives, tmp_path):
    name, s3 = bucket
    broken = tmp_path / archives["first"].name
    data = bytearray(archives["first"].read_bytes())
    data[300] ^= 0xFF
    broken.write_bytes(bytes(data))
    result = publish(server, name, archives["many"][0], broken)
    assert result.exit_code == 1
    assert str(broken) in result.stderr and "not published" in result.stderr
    assert snapshot(s3, name) == {}  # not even the archive that verifies: verify comes first


def test_dry_run_writes_nothing_and_says_what_it_would_do(server, bucket, archives):
    name, s3 = bucket
    result = publish(server, name, archives["first"], "--dry-run")
    assert result.exit_code == 0, result.output
    assert "would upload" in result.stdout and "nothing was written" in result.stdout
    assert snapshot(s3, name) == {}


def test_dry_run_reports_a_refused_overwrite(server, bucket, archives):
    name, s3 = bucket
    assert publish(server, name, archives["first"]).exit_code == 0
    before = snapshot(s3, name)
    result = publish(server, name, archives["changed"], "--dry-run")
    assert result.exit_code == 1 and "different bytes" in result.stderr
    assert snapshot(s3, name) == before


def test_index_entries_are_never_removed_and_latest_follows_semver(server, bucket, archives, tmp_path):
    name, s3 = bucket
    index = {"schema": "mcx-index/v1", "packs": {PACK: {"latest": "1.0.10", "versions": {
        "1.0.10": {"key": "old", "sha256": "0" * 64, "size": 1, "published": "2026-01-01T00:00:00Z"},
        "2.0.0-rc.1": {"key": "rc", "sha256": "1" * 64, "size": 1, "published": "2026-01-02T00:00:00Z"}}}}}
    s3.put_object(Bucket=name, Key="index.json", Body=json.dumps(index).encode())
    assert publish(server, name, archives["first"]).exit_code == 0
    entry = index_of(s3, name)["packs"][PACK]
    assert set(entry["versions"]) == {"1.0.0", "1.0.10", "2.0.0-rc.1"}
    assert entry["versions"]["1.0.10"] == index["packs"][PACK]["versions"]["1.0.10"]
    assert entry["latest"] == "1.0.10"  # numeric, not text order; a pre-release is not latest


def test_an_index_that_is_not_ours_is_left_alone(server, bucket, archives):
    name, s3 = bucket
    s3.put_object(Bucket=name, Key="index.json", Body=b'{"something": "else"}')
    result = publish(server, name, archives["first"])
    assert result.exit_code == 1 and "mcx-index/v1" in result.stderr
    assert s3.get_object(Bucket=name, Key="index.json")["Body"].read() == b'{"something": "else"}'


def test_concurrent_publishers_of_different_packs_all_end_up_in_the_index(server, bucket, archives):
    name, s3 = bucket
    results: dict[int, object] = {}

    def one(n: int, archive: Path) -> None:
        results[n] = publish(server, name, archive)

    threads = [threading.Thread(target=one, args=(n, a)) for n, a in enumerate(archives["many"])]
    start = time.monotonic()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert not any(t.is_alive() for t in threads), "a publisher did not finish within 120 s"
    assert time.monotonic() - start < 120
    assert all(r.exit_code == 0 for r in results.values()), [r.output for r in results.values() if r.exit_code]
    assert len(results) == CONCURRENT
    packs = index_of(s3, name)["packs"]
    assert sorted(packs) == sorted(a.name.removesuffix("-1.0.0.mcxpack") for a in archives["many"])
    assert all(p["latest"] == "1.0.0" for p in packs.values())
