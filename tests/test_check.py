"""`mcx-author check` against a real moto server that a plain boto3 client filled with the pack's setup and
one task's solution: what the Check button says, localized, read-only, and the values it cannot find."""

from __future__ import annotations

import json

import boto3
import pytest
from babel.messages.pofile import read_po, write_po
from moto.server import ThreadedMotoServer

SUFFIX = "k3x9q2"
BUCKET = f"mcx-clean-site-123456789012-{SUFFIX}"  # moto's default account
QUEUE = f"mcx-clean-changes-{SUFFIX}"
WEBSITE_KEY = "task/enable-website/validator/website-enabled/fail_message"
WEBSITE_JA = "`{site_bucket}` で `index.html` の静的ウェブサイトホスティングが有効になっていません。"
CREDENTIALS = {"AWS_ACCESS_KEY_ID": "testing", "AWS_SECRET_ACCESS_KEY": "testing", "AWS_SESSION_TOKEN": "testing"}


@pytest.fixture(scope="module")
def endpoint():
    """A moto server holding dryrun-check's setup and the solution of `enable-versioning` only."""
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    url = f"http://127.0.0.1:{server._server.server_port}"
    try:
        _fill(url)
        yield url
    finally:
        server.stop()


def _client(url: str, service: str):
    return boto3.client(service, region_name="us-east-1", endpoint_url=url, aws_access_key_id="testing",
                        aws_secret_access_key="testing")


def _fill(url: str) -> None:
    s3, sqs = _client(url, "s3"), _client(url, "sqs")
    s3.create_bucket(Bucket=BUCKET)
    s3.put_object(Bucket=BUCKET, Key="index.html", Body=b"<h1>hello</h1>")
    sqs.create_queue(QueueName=QUEUE)
    s3.put_bucket_versioning(Bucket=BUCKET, VersioningConfiguration={"Status": "Enabled"})


def _state(url: str) -> dict:
    """Everything the pack's calls could change, read the same way before and after a check."""
    s3, sqs = _client(url, "s3"), _client(url, "sqs")
    website = None
    try:
        website = s3.get_bucket_website(Bucket=BUCKET)["IndexDocument"]
    except s3.exceptions.ClientError as error:
        website = error.response["Error"]["Code"]
    return {
        "buckets": sorted(b["Name"] for b in s3.list_buckets()["Buckets"]),
        "objects": sorted(o["Key"] for o in s3.list_objects_v2(Bucket=BUCKET).get("Contents", [])),
        "versioning": s3.get_bucket_versioning(Bucket=BUCKET).get("Status"),
        "website": website,
        "queues": sorted(sqs.list_queues().get("QueueUrls", [])),
    }


@pytest.fixture
def pack(copy_pack, monkeypatch):
    for name, value in CREDENTIALS.items():
        monkeypatch.setenv(name, value)
    for name in ("AWS_PROFILE", "AWS_DEFAULT_PROFILE"):
        monkeypatch.delenv(name, raising=False)
    return copy_pack("dryrun-check")


def _japanese(pack) -> None:
    """A ja catalog for the pack with the website message translated (the rest left to the English)."""
    from authoring.cli import cli

    root = pack.parent.parent
    for args in (["i18n", "extract", str(pack)], ["i18n", "update", str(pack), "--locale", "ja"]):
        assert cli.main(args, standalone_mode=False) == 0
    po = root / "locales" / "ja" / "LC_MESSAGES" / "dryrun-check.po"
    with po.open("rb") as handle:
        catalog = read_po(handle)
    message = next(m for m in catalog if m.context == WEBSITE_KEY)
    message.string = WEBSITE_JA
    with po.open("wb") as handle:
        write_po(handle, catalog)


def test_solved_task_passes_and_unsolved_task_gives_its_fail_message(run, pack, endpoint):
    done = run("check", pack, "--endpoint-url", endpoint, "--var", f"suffix={SUFFIX}")
    assert done.exit_code == 1, done.output
    lines = done.stdout.splitlines()
    assert "enable-versioning: passed" in lines
    assert "enable-website: failed" in lines
    assert f"  Static website hosting is not enabled on `{BUCKET}` with `index.html`." in lines


def test_author_detail_only_with_verbose(run, pack, endpoint):
    quiet = run("check", pack, "--endpoint-url", endpoint, "--var", f"suffix={SUFFIX}")
    verbose = run("check", pack, "--endpoint-url", endpoint, "--var", f"suffix={SUFFIX}", "--verbose")
    assert "[website-enabled]" not in quiet.stdout
    assert "[website-enabled]" in verbose.stdout and "s3:GetBucketWebsite" in verbose.stdout


def test_locale_ja_gives_the_japanese_fail_message(run, pack, endpoint):
    _japanese(pack)
    done = run("check", pack, "--endpoint-url", endpoint, "--var", f"suffix={SUFFIX}", "--locale", "ja")
    assert f"  `{BUCKET}` で `index.html` の静的ウェブサイトホスティングが有効になっていません。" in done.stdout.splitlines()


def test_json_has_the_task_records_with_passed_failed_and_fail_message(run, pack, endpoint):
    done = run("check", pack, "--endpoint-url", endpoint, "--var", f"suffix={SUFFIX}", "--format", "json")
    data = json.loads(done.stdout)
    statuses = {t["id"]: t["status"] for t in data["tasks"]}
    assert statuses == {"enable-versioning": "passed", "enable-website": "failed"}
    website = next(t for t in data["tasks"] if t["id"] == "enable-website")
    failed = {p["validator"]: p for p in website["problems"]}
    assert set(failed) == {"website-enabled", "index-document-exists", "index-page-served"}
    assert all({"validator", "detail", "fail_message"} <= set(p) for p in failed.values())
    assert data["summary"] == {"passed": 1, "failed": 1, "unsupported": 0}


def test_task_option_checks_that_task_only(run, pack, endpoint):
    done = run("check", pack, "--endpoint-url", endpoint, "--var", f"suffix={SUFFIX}", "--task", "enable-versioning")
    assert done.exit_code == 0, done.output
    assert done.stdout.splitlines()[0] == "enable-versioning: passed"
    assert "enable-website" not in done.stdout


def test_setup_save_is_found_again_by_its_read_counterpart(run, pack, endpoint):
    """`queue_url`, saved by setup's sqs.create_queue, comes from sqs.get_queue_url: the validator using it passes."""
    done = run("check", pack, "--endpoint-url", endpoint, "--var", f"suffix={SUFFIX}", "--task", "enable-versioning",
               "--format", "json")
    versioning = json.loads(done.stdout)["tasks"][0]
    assert versioning["status"] == "passed" and versioning["problems"] == []


def test_account_is_unchanged_after_check(run, pack, endpoint):
    before = _state(endpoint)
    run("check", pack, "--endpoint-url", endpoint, "--var", f"suffix={SUFFIX}")
    assert _state(endpoint) == before


def test_missing_variables_are_named_in_one_usage_line(run, pack, endpoint):
    done = run("check", pack, "--endpoint-url", endpoint)
    assert done.exit_code == 2
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1
    assert "suffix" in lines[0] and "--var" in lines[0]


def test_a_given_variable_stands_in_for_what_it_is_built_from(run, pack, endpoint):
    done = run("check", pack, "--endpoint-url", endpoint, "--var", f"site_bucket={BUCKET}",
               "--var", f"queue_url={endpoint}/123456789012/{QUEUE}", "--task", "enable-versioning")
    assert done.exit_code == 0, done.output


def test_mutating_python_validator_is_refused_against_the_account(run, pack, endpoint, edit_file):
    edit_file(pack / "validators" / "site.py", "    s3 = ctx.client(\"s3\")\n",
              "    s3 = ctx.client(\"s3\")\n    s3.put_bucket_website(Bucket=ctx.variables[\"site_bucket\"], "
              "WebsiteConfiguration={\"IndexDocument\": {\"Suffix\": \"index.html\"}})\n")
    before = _state(endpoint)
    done = run("check", pack, "--endpoint-url", endpoint, "--var", f"suffix={SUFFIX}", "--verbose")
    assert "refused mutating call s3:PutBucketWebsite" in done.stdout
    assert _state(endpoint) == before


def test_unknown_profile_is_one_line_naming_the_fix(run, pack, endpoint):
    done = run("check", pack, "--profile", "no-such-profile-here", "--endpoint-url", endpoint)
    assert done.exit_code == 2
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and "--profile" in lines[0]


def test_missing_credentials_are_one_line_naming_the_fix(run, pack, endpoint, monkeypatch, tmp_path):
    for name in CREDENTIALS:
        monkeypatch.delenv(name)
    monkeypatch.setenv("AWS_CONFIG_FILE", str(tmp_path / "none"))
    monkeypatch.setenv("AWS_SHARED_CREDENTIALS_FILE", str(tmp_path / "none"))
    monkeypatch.setenv("AWS_EC2_METADATA_DISABLED", "true")
    done = run("check", pack, "--endpoint-url", endpoint, "--var", f"suffix={SUFFIX}")
    assert done.exit_code == 2
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and "credentials" in lines[0] and "--profile" in lines[0]


@pytest.fixture
def edit_file():
    from conftest import edit

    return edit


def test_access_denied_to_a_validator_stops_with_one_line_naming_the_fix(pack):
    """An AccessDenied answer is the role's fault, not the candidate's: a usage error, never `failed`."""
    from botocore.stub import Stubber

    from authoring.config import Config
    from authoring.errors import UsageError
    from authoring.project import valid_pack
    from authoring.runtime import check

    answers = {
        "sts": lambda s: s.add_response("get_caller_identity", {"Account": "123456789012"}),
        "s3": lambda s: s.add_client_error("get_bucket_versioning", "AccessDenied", "no", http_status_code=403),
        "sqs": lambda s: s.add_response("get_queue_attributes", {"Attributes": {"QueueArn": "mcx-clean-changes"}}),
    }

    def factory(service):
        client = boto3.client(service, region_name="us-east-1")
        stubber = Stubber(client)
        answers[service](stubber)
        stubber.activate()
        return client

    model = valid_pack(pack, pack.parent.parent, Config())
    with pytest.raises(UsageError, match="s3:GetBucketVersioning: access denied .*ReadOnlyAccess"):
        check(model, factory, variables={"site_bucket": BUCKET, "queue_url": "q"}, task_ids=["enable-versioning"])
