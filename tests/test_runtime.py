"""The step runtime on its own: read-only validator clients, moto state restored exactly, matchers."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from authoring.matchers import mismatch, value_problem
from authoring.runtime import Clients, MotoAccount, MutatingCallRefused, ValidatorContext
from authoring.runtime.python import run_python


@pytest.fixture
def account():
    with MotoAccount("us-east-1") as sandbox:
        yield sandbox


def test_read_only_client_refuses_a_write_before_it_is_sent(account):
    clients = Clients(account.factory)
    clients.writer("s3").create_bucket(Bucket="mcx-bucket")
    with pytest.raises(MutatingCallRefused, match="refused mutating call s3:PutBucketVersioning"):
        clients.reader("s3").put_bucket_versioning(Bucket="mcx-bucket", VersioningConfiguration={"Status": "Enabled"})
    assert "Status" not in clients.writer("s3").get_bucket_versioning(Bucket="mcx-bucket")


def test_read_only_client_still_reads(account):
    clients = Clients(account.factory)
    clients.writer("s3").create_bucket(Bucket="mcx-bucket")
    assert clients.reader("s3").head_bucket(Bucket="mcx-bucket")["ResponseMetadata"]["HTTPStatusCode"] == 200


def test_python_validator_gets_read_only_clients(account):
    clients = Clients(account.factory)
    clients.writer("s3").create_bucket(Bucket="mcx-bucket")

    def sneaky(ctx):
        ctx.client("s3").delete_bucket(Bucket="mcx-bucket")
        return True

    result = run_python(sneaky, ValidatorContext(clients, {}), timeout=5)
    assert (result.passed, result.detail) == (False, "refused mutating call s3:DeleteBucket")
    assert clients.writer("s3").head_bucket(Bucket="mcx-bucket")


def test_restore_brings_back_the_state_of_the_snapshot(account):
    s3 = Clients(account.factory).writer("s3")
    s3.create_bucket(Bucket="mcx-bucket")
    s3.put_object(Bucket="mcx-bucket", Key="k", Body=b"before")
    saved = account.snapshot()
    s3.put_object(Bucket="mcx-bucket", Key="k", Body=b"after")
    s3.put_bucket_versioning(Bucket="mcx-bucket", VersioningConfiguration={"Status": "Enabled"})
    account.restore(saved)
    assert s3.get_object(Bucket="mcx-bucket", Key="k")["Body"].read() == b"before"
    assert "Status" not in s3.get_bucket_versioning(Bucket="mcx-bucket")


def test_restore_empties_a_service_first_used_after_the_snapshot(account):
    clients = Clients(account.factory)
    clients.writer("s3").create_bucket(Bucket="mcx-bucket")
    saved = account.snapshot()
    clients.writer("sqs").create_queue(QueueName="q")
    account.restore(saved)
    assert clients.writer("sqs").list_queues().get("QueueUrls", []) == []


@pytest.mark.parametrize(
    "matcher, actual, expected",
    [
        ("equals", "index.html", "index.html"), ("equals", 10, 10.0), ("not_equals", "a", "b"),
        ("contains", "abc", "b"), ("contains", ["REGIONAL"], "REGIONAL"), ("matches", "python3.12", r"python3\.1[2-3]"),
        ("exists", "x", True), ("exists", None, False), ("length", [1], 1), ("min_length", {"a": 1}, 1),
        ("one_of", "https-only", ["https-only", "redirect-to-https"]), ("gte", 10, 10), ("lte", 512, 1024),
    ],
)
def test_matcher_passes(matcher, actual, expected):
    assert mismatch(matcher, actual, expected) is None


@pytest.mark.parametrize(
    "matcher, actual, expected",
    [
        ("equals", "1", 1), ("equals", True, 1), ("contains", None, "x"), ("matches", "xpython3.12", r"python3\.12"),
        ("matches", 3, "3"), ("exists", None, True), ("length", None, 0), ("min_length", [], 1), ("gte", "10", 1),
        ("one_of", "http", ["https-only"]), ("lte", None, 1),
    ],
)
def test_matcher_fails_naming_the_value_found(matcher, actual, expected):
    assert mismatch(matcher, actual, expected).startswith("found ")


def test_value_problem_names_an_impossible_expected_value():
    assert value_problem("length", -1) and value_problem("one_of", "a") and value_problem("matches", "(")
    assert value_problem("equals", "x") is None


def test_dry_run_help_imports_no_heavy_library():
    probe = (
        "import json, sys\nfrom authoring.cli import cli\n"
        "try:\n    cli.main(['dry-run', '--help'], standalone_mode=False)\n"
        "finally:\n    print(json.dumps(sorted(m for m in sys.modules if m.split('.')[0] in "
        "{'boto3', 'botocore', 'moto', 'babel', 'jmespath', 'yaml'})), file=sys.stderr)\n"
    )
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert "Usage:" in done.stdout
    assert json.loads(done.stderr.strip().splitlines()[-1]) == []
