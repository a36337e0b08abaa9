"""`mcx-author verify`: an intact archive passes; a tampered, unsafe or bomb archive is refused with
the reason and the member. The bad archives are crafted here with zipfile from a real build."""

from __future__ import annotations

import hashlib
import json
import warnings
import zipfile
from pathlib import Path

import pytest

from authoring.bundle import Limits, verify_archive
from bundle_support import PACK, members, untranslated

ARCHIVE = f"{PACK}-1.0.0.mcxpack"


@pytest.fixture
def archive(copy_pack, run, tmp_path) -> Path:
    pack = untranslated(copy_pack, PACK)
    result = run("build", pack, "-o", tmp_path / "out")
    assert result.exit_code == 0, result.output
    return tmp_path / "out" / ARCHIVE


def craft(path: Path, entries: list[tuple[zipfile.ZipInfo | str, bytes]]) -> Path:
    """Write `entries` as a zip, in order, duplicates and all."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # zipfile warns about a duplicate name: that is the point
        with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
            for info, data in entries:
                out.writestr(info, data)
    return path


def rewritten(archive: Path, tmp_path: Path, changes: dict[str, bytes | None] | None = None,
              extra: list[tuple[zipfile.ZipInfo | str, bytes]] = (), fix_manifest: bool = False) -> Path:
    """A copy of `archive` with members changed (None: removed) and `extra` entries appended; with
    `fix_manifest`, the manifest's hashes follow the change (a consistent but otherwise bad archive)."""
    found = members(archive)
    for name, data in (changes or {}).items():
        if data is None:
            found.pop(name)
        else:
            found[name] = data
    if fix_manifest:
        manifest = json.loads(found["manifest.json"])
        manifest["files"] = {n: hashlib.sha256(d).hexdigest() for n, d in found.items() if n != "manifest.json"}
        found["manifest.json"] = json.dumps(manifest).encode()
    return craft(tmp_path / "crafted.mcxpack", [*found.items(), *extra])


def verify(run, path: Path):
    result = run("verify", path)
    return result.exit_code, result.stderr


def test_intact_archive_verifies(run, archive):
    result = run("verify", archive)
    assert result.exit_code == 0, result.output
    assert result.stdout.strip().endswith(": ok")


def test_a_changed_member_is_refused_by_its_hash(run, archive, tmp_path):
    changed = rewritten(archive, tmp_path, {"content/ja.json": members(archive)["content/ja.json"].replace(b"S3", b"S4")})
    code, err = verify(run, changed)
    assert code == 1 and "content/ja.json" in err and "sha256" in err


def test_one_flipped_byte_in_the_file_is_refused(run, archive, tmp_path):
    data = bytearray(archive.read_bytes())
    with zipfile.ZipFile(archive) as opened:
        info = opened.getinfo("pack.yaml")
    data[info.header_offset + 30 + len(info.filename) + 5] ^= 0xFF  # inside pack.yaml's compressed bytes
    broken = tmp_path / "flipped.mcxpack"
    broken.write_bytes(bytes(data))
    code, err = verify(run, broken)
    assert code == 1 and "pack.yaml" in err


def test_a_missing_member_is_refused(run, archive, tmp_path):
    code, err = verify(run, rewritten(archive, tmp_path, {"assets/index.html": None}))
    assert code == 1 and "assets/index.html" in err and "missing" in err


def test_an_extra_member_is_refused(run, archive, tmp_path):
    code, err = verify(run, rewritten(archive, tmp_path, {"assets/extra.txt": b"hello"}))
    assert code == 1 and "assets/extra.txt" in err and "not listed" in err


@pytest.mark.parametrize("name", ["../evil.sh", "assets/../../evil.sh", "/etc/cron.d/evil", "C:/evil.bat",
                                  "assets\\..\\evil.bat"])
def test_zip_slip_names_are_refused(run, archive, tmp_path, name):
    code, err = verify(run, rewritten(archive, tmp_path, extra=[(name, b"x")]))
    assert code == 1 and name in err


def test_a_symbolic_link_is_refused(run, archive, tmp_path):
    link = zipfile.ZipInfo("assets/link")
    link.create_system = 3
    link.external_attr = 0o120777 << 16
    code, err = verify(run, rewritten(archive, tmp_path, extra=[(link, b"/etc/passwd")]))
    assert code == 1 and "assets/link" in err and "link" in err


def test_a_duplicate_name_is_refused(run, archive, tmp_path):
    code, err = verify(run, rewritten(archive, tmp_path, extra=[("pack.yaml", b"id: other\n")]))
    assert code == 1 and "pack.yaml" in err and "duplicate" in err


def test_a_name_differing_only_by_case_is_refused(run, archive, tmp_path):
    code, err = verify(run, rewritten(archive, tmp_path, extra=[("Pack.yaml", b"id: other\n")]))
    assert code == 1 and "Pack.yaml" in err and "case" in err


def test_a_zip_bomb_is_refused_before_it_is_inflated(archive, tmp_path, monkeypatch):
    bomb = rewritten(archive, tmp_path, {"assets/big.bin": b"\0" * (8 * 1024 * 1024)}, fix_manifest=True)
    opened = []
    monkeypatch.setattr(zipfile.ZipFile, "open", lambda self, *a, **k: opened.append(a) or pytest.fail("inflated"))
    problems = verify_archive(bomb)
    assert [(p.member, "ratio" in p.reason) for p in problems] == [("assets/big.bin", True)]
    assert opened == []


def test_an_archive_inflating_past_the_size_bound_is_refused(archive, tmp_path):
    big = rewritten(archive, tmp_path, {"assets/big.bin": bytes(range(256)) * 4096}, fix_manifest=True)
    problems = verify_archive(big, Limits(member_bytes=512 * 1024, total_bytes=10**9))
    assert [p.member for p in problems] == ["assets/big.bin"] and "limit" in problems[0].reason


def test_a_member_inflating_past_its_declared_size_is_stopped(archive, tmp_path):
    lying = rewritten(archive, tmp_path)
    data = bytearray(lying.read_bytes())
    with zipfile.ZipFile(lying) as opened:
        info = opened.getinfo("pack.yaml")
    # shrink pack.yaml's declared size in the central directory (offset 24) and in its local header (offset 22)
    start = data.find(b"PK\x01\x02")
    while start != -1:
        name_len = int.from_bytes(data[start + 28:start + 30], "little")
        if data[start + 46:start + 46 + name_len] == b"pack.yaml":
            data[start + 24:start + 28] = (10).to_bytes(4, "little")
        start = data.find(b"PK\x01\x02", start + 4)
    data[info.header_offset + 22:info.header_offset + 26] = (10).to_bytes(4, "little")
    lying.write_bytes(bytes(data))
    problems = verify_archive(lying)
    assert [p.member for p in problems] == ["pack.yaml"], problems


def test_a_manifest_that_breaks_its_schema_is_refused(run, archive, tmp_path):
    manifest = json.loads(members(archive)["manifest.json"])
    manifest["schema"] = "mcx-pack/v0"
    code, err = verify(run, rewritten(archive, tmp_path, {"manifest.json": json.dumps(manifest).encode()}))
    assert code == 1 and "manifest.json" in err and "schema" in err


def test_content_that_breaks_its_schema_is_refused(run, archive, tmp_path):
    content = json.loads(members(archive)["content/ja.json"])
    del content["tasks"]
    changed = rewritten(archive, tmp_path, {"content/ja.json": json.dumps(content).encode()}, fix_manifest=True)
    code, err = verify(run, changed)
    assert code == 1 and "content/ja.json" in err and "schema" in err


def test_a_missing_manifest_is_refused(run, archive, tmp_path):
    code, err = verify(run, rewritten(archive, tmp_path, {"manifest.json": None}))
    assert code == 1 and "manifest.json" in err


def test_a_file_that_is_not_a_zip_is_refused(run, tmp_path):
    fake = tmp_path / "fake.mcxpack"
    fake.write_bytes(b"not a zip at all")
    code, err = verify(run, fake)
    assert code == 1 and "zip" in err and "Traceback" not in err


def test_every_archive_is_verified_and_each_broken_one_named(run, archive, tmp_path):
    fake = tmp_path / "fake.mcxpack"
    fake.write_bytes(b"")
    result = run("verify", archive, fake)
    assert result.exit_code == 1
    assert ": ok" in result.stdout and "fake.mcxpack" in result.stderr
