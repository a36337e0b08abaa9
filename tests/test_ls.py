"""`mcx-author ls`: every pack with id, version, locales and paths, whether its archive is current, and
the JSON CI matrix other tools (the CI templates) read."""

from __future__ import annotations

import json
import shutil

from bundle_support import PACK, untranslated
from conftest import edit

ARCHIVE = f"build/{PACK}-1.0.0.mcxpack"
FIELDS = ["pack", "path", "version", "locales", "required_locales", "archive", "archive_state", "current", "error"]


def listed(run, root) -> list[dict]:
    result = run("--root", root, "ls", "--format", "json")
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)["include"]


def built(run, copy_pack):
    pack = untranslated(copy_pack, PACK)
    root = pack.parent.parent
    result = run("--root", root, "build", pack)
    assert result.exit_code == 0, result.output
    return pack, root


def test_json_is_a_matrix_with_one_entry_per_pack_in_a_stable_shape(run, copy_pack):
    first = untranslated(copy_pack, PACK)
    second = copy_pack("dryrun-vacuous")
    entries = listed(run, first.parent.parent)
    assert [e["pack"] for e in entries] == [PACK, "dryrun-vacuous"]
    assert all(list(e) == FIELDS for e in entries)
    entry = entries[0]
    assert entry["path"] == f"packs/{PACK}" and entry["version"] == "1.0.0"
    assert entry["locales"] == ["en", "ja"] and entry["required_locales"] == ["en"]
    assert entry["archive"] == ARCHIVE and second.is_dir()


def test_an_archive_never_built_is_missing(run, copy_pack):
    pack = untranslated(copy_pack, PACK)
    entry = listed(run, pack.parent.parent)[0]
    assert (entry["archive_state"], entry["current"]) == ("missing", False)


def test_a_freshly_built_archive_is_current(run, copy_pack):
    _, root = built(run, copy_pack)
    entry = listed(run, root)[0]
    assert (entry["archive_state"], entry["current"]) == ("current", True)


def test_an_edited_source_file_makes_the_archive_stale(run, copy_pack):
    pack, root = built(run, copy_pack)
    edit(pack / "assets" / "index.html", "Hello from S3", "Hello again from S3")
    assert listed(run, root)[0]["archive_state"] == "stale"


def test_an_added_validator_file_makes_the_archive_stale(run, copy_pack):
    pack, root = built(run, copy_pack)
    shutil.copy(pack / "validators" / "site.py", pack / "validators" / "extra.py")
    assert listed(run, root)[0]["archive_state"] == "stale"


def test_an_archive_that_is_not_a_zip_is_unreadable(run, copy_pack):
    pack = untranslated(copy_pack, PACK)
    root = pack.parent.parent
    (root / "build").mkdir()
    (root / ARCHIVE).write_bytes(b"not a zip")
    entry = listed(run, root)[0]
    assert (entry["archive_state"], entry["current"]) == ("unreadable", False)


def test_a_pack_that_cannot_be_read_is_listed_with_its_error(run, copy_pack):
    pack = untranslated(copy_pack, PACK)
    (pack / "pack.yaml").write_text("id: [unclosed\n", encoding="utf-8")
    entry = listed(run, pack.parent.parent)[0]
    assert entry["pack"] == PACK and entry["error"] and entry["current"] is False


def test_text_lists_id_version_path_locales_and_state(run, copy_pack, tmp_path, monkeypatch):
    pack, root = built(run, copy_pack)
    monkeypatch.chdir(tmp_path)
    result = run("ls", pack)
    assert result.exit_code == 0, result.output
    assert result.stdout.split() == [PACK, "1.0.0", f"packs/{PACK}", "[en*", "ja]", f"{ARCHIVE}:", "current"]
