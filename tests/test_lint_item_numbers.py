"""Item numbers in lint messages count from 1, as the i18n keys do (`task/<id>/hint/2` is the second hint)."""

from __future__ import annotations

from conftest import edit

from authoring.config import Config
from authoring.lint import lint_paths


def messages(pack, root) -> list[str]:
    return [f.message for f in lint_paths([str(pack)], root, Config()).findings]


def test_schema_message_numbers_the_second_hint_2(copy_pack, content_root):
    pack = copy_pack("clean")
    edit(pack / "tasks" / "enable-versioning.yaml", "    cost: 5\n", "    cost: five\n")
    assert any("`hints[2].cost`" in m for m in messages(pack, content_root))


def test_parameter_message_numbers_the_first_tag_1(copy_pack, content_root):
    pack = copy_pack("clean")
    edit(
        pack / "pack.yaml",
        "architecture:\n",
        "  - call: s3.put_bucket_tagging\n    params:\n      Bucket: '{site_bucket}'\n"
        "      Tagging: {TagSet: [{Key: 7, Value: v}]}\narchitecture:\n",
    )
    found = messages(pack, content_root)
    assert any("`Tagging.TagSet[1].Key`" in m for m in found), found
