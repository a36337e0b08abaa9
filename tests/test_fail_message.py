"""What the candidate reads when a validator fails: every placeholder filled that is known, and never a raw
`{name}` for one that is not (a save its own first step did not make)."""

from __future__ import annotations

import json

from conftest import edit


def failed_messages(run, pack) -> list[str]:
    result = run("dry-run", pack, "--format", "json")
    return [p["fail_message"] for t in json.loads(result.stdout)["tasks"] for p in t["problems"]
            if p["validator"] == "index-document-exists"]


def test_known_placeholders_are_filled_when_a_save_is_unset(run, copy_pack):
    pack = copy_pack("dryrun-clean")
    # its first step fails (no such bucket), so `index_key` is never saved
    edit(pack / "tasks/enable-website.yaml", """      - call: s3.get_bucket_website
        params: {Bucket: "{site_bucket}"}
        save: {index_key""", """      - call: s3.get_bucket_website
        params: {Bucket: "{site_bucket}-gone"}
        save: {index_key""")
    messages = failed_messages(run, pack)
    assert messages
    for message in messages:
        assert "mcx-clean-site-" in message and "{site_bucket}" not in message


def test_an_unknown_placeholder_is_never_shown_raw(run, copy_pack):
    pack = copy_pack("dryrun-clean")
    edit(pack / "tasks/enable-website.yaml", """      - call: s3.get_bucket_website
        params: {Bucket: "{site_bucket}"}
        save: {index_key""", """      - call: s3.get_bucket_website
        params: {Bucket: "{site_bucket}-gone"}
        save: {index_key""")
    for message in failed_messages(run, pack):
        assert "{index_key}" not in message
        assert message.startswith("The index document `…` is missing from `mcx-clean-site-")
