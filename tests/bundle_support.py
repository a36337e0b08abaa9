"""Shared helpers for the bundle tests: a content root holding the dry-run clean pack translated into
Japanese (so it passes every gate), and reading an archive's members."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

from conftest import edit
from i18n_support import JA, i18n, po_file, translate

PACK = "dryrun-clean"
EXTRA_JA = {
    "task/enable-website/validator/index-page-served/fail_message": "`{site_bucket}` のウェブサイトがインデックスページを返しません。",
}


def translated_pack(copy_pack, run, *, strings=None, skip=()) -> Path:
    """tests/packs/dryrun-clean copied into a fresh content root, its `ja` catalog translated."""
    pack = copy_pack(PACK)
    root = pack.parent.parent
    result = i18n(run, root, "update")
    assert result.exit_code == 0, result.output
    wanted = {**JA, **EXTRA_JA, **(strings or {})}
    for context in skip:
        wanted.pop(context)
    translate(po_file(root, pack=PACK), wanted)
    return pack


def untranslated(copy_pack, name: str) -> Path:
    """A scenario pack copied with its Japanese made optional: only its other gates matter."""
    pack = copy_pack(name)
    edit(pack / "pack.yaml", "ja: {required: true}", "ja: {required: false}")
    return pack


def members(archive: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(archive) as opened:
        return {info.filename: opened.read(info) for info in opened.infolist()}


def manifest_of(archive: Path) -> dict:
    return json.loads(members(archive)["manifest.json"])
