"""`mcx-author build`: the archive's members and manifest, each gate, and reproducible bytes."""

from __future__ import annotations

import gettext
import hashlib
import io
import json
import os
import shutil
import subprocess
import time
import zipfile
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator

from authoring.schema import schema
from bundle_support import PACK, members, manifest_of, translated_pack, untranslated
from conftest import edit
from i18n_support import JA

ARCHIVE = f"{PACK}-1.0.0.mcxpack"


@pytest.fixture
def built(copy_pack, run, tmp_path):
    """The translated clean pack built once into tmp/out; returns (pack directory, archive)."""
    pack = translated_pack(copy_pack, run)
    result = run("build", pack, "-o", tmp_path / "out")
    assert result.exit_code == 0, result.output
    return pack, tmp_path / "out" / ARCHIVE


def test_build_writes_the_archive_and_says_where(built, run):
    pack, archive = built
    assert archive.is_file()
    result = run("build", pack, "-o", archive.parent)
    assert ARCHIVE in result.stdout and "2 verified" in result.stdout


def test_archive_holds_content_catalogs_diagrams_validators_and_assets(built):
    names = set(members(built[1]))
    assert {"manifest.json", "content/en.json", "content/ja.json", "catalogs/ja.mo", "validators/site.py",
            "assets/index.html", "pack.yaml", "tasks/enable-website.yaml"} <= names
    for locale in ("en", "ja"):
        assert {f"diagrams/{locale}/architecture.svg", f"diagrams/{locale}/tasks.svg",
                f"diagrams/{locale}/task-enable-versioning.svg", f"diagrams/{locale}/task-enable-website.svg"} <= names
    assert not any("__pycache__" in n or n.endswith(".pyc") for n in names)


def test_content_json_is_the_pack_in_each_locale_with_placeholders_kept(built):
    found = members(built[1])
    ja = json.loads(found["content/ja.json"])
    en = json.loads(found["content/en.json"])
    assert ja["title"] == JA["pack/title"] and en["title"] == "Static website on Amazon S3"
    assert "{site_bucket}" in ja["tasks"]["enable-versioning"]["validators"]["versioning-enabled"]
    assert ja["missing"] == [] and ja["locale"] == "ja"


def test_compiled_catalog_translates_by_msgctxt(built):
    catalog = gettext.GNUTranslations(io.BytesIO(members(built[1])["catalogs/ja.mo"]))
    assert catalog.pgettext("pack/title", "Static website on Amazon S3") == JA["pack/title"]


def test_manifest_lists_the_sha256_of_every_other_member(built):
    found = members(built[1])
    manifest = json.loads(found.pop("manifest.json"))
    assert manifest["files"] == {name: hashlib.sha256(data).hexdigest() for name, data in found.items()}


def test_manifest_describes_pack_locales_tasks_and_toolchain(built):
    manifest = manifest_of(built[1])
    assert manifest["schema"] == "mcx-pack/v1"
    assert (manifest["id"], manifest["version"], manifest["passing_score"]) == (PACK, "1.0.0", 70)
    assert list(manifest["locales"]) == ["en", "ja"]
    assert manifest["locales"]["ja"]["percent"] == 100.0 and manifest["locales"]["ja"]["required"] is True
    tasks = {t["id"]: t for t in manifest["tasks"]}
    assert tasks["enable-website"]["depends_on"] == ["enable-versioning"]
    assert tasks["enable-website"]["points"] == 20
    assert tasks["enable-website"]["dry_run"] == {"status": "verified", "unsupported": [], "simulated": []}
    assert manifest["toolchain"]["name"] == "mcx-author"


@pytest.mark.parametrize("kind,member", [("manifest", "manifest.json"), ("content", "content/ja.json"),
                                         ("content", "content/en.json")])
def test_archive_json_matches_the_shipped_schema(built, kind, member):
    data = json.loads(members(built[1])[member])
    assert list(Draft202012Validator(schema(kind)).iter_errors(data)) == []


@pytest.mark.parametrize("kind", ["manifest", "content"])
def test_schema_command_prints_the_archive_schemas(run, kind):
    result = run("schema", kind)
    assert result.exit_code == 0
    assert json.loads(result.stdout) == schema(kind)


def test_members_are_sorted_with_fixed_mode_and_compression(built):
    with zipfile.ZipFile(built[1]) as opened:
        infos = opened.infolist()
    assert [i.filename for i in infos] == sorted(i.filename for i in infos)
    assert {(i.external_attr >> 16, i.compress_type, i.date_time) for i in infos} == {
        (0o100644, zipfile.ZIP_DEFLATED, (1980, 1, 1, 0, 0, 0))
    }


def test_nothing_volatile_inside(built):
    pack, archive = built
    text = b"".join(members(archive).values())
    assert str(pack.parent.parent).encode() not in text  # no absolute path of the build machine
    assert os.environ.get("USER", "\0").encode() not in text or not os.environ.get("USER")


def test_two_builds_are_byte_identical(built, run, tmp_path):
    pack, first = built
    time.sleep(1.1)  # a timestamp taken from the clock would now differ
    result = run("build", pack, "-o", tmp_path / "again")
    assert result.exit_code == 0, result.output
    assert (tmp_path / "again" / ARCHIVE).read_bytes() == first.read_bytes()


def test_source_date_epoch_stamps_every_member(copy_pack, run, tmp_path, monkeypatch):
    pack = translated_pack(copy_pack, run)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", str(1767225600))  # 2026-01-01T00:00:00Z
    assert run("build", pack, "-o", tmp_path / "out").exit_code == 0
    with zipfile.ZipFile(tmp_path / "out" / ARCHIVE) as opened:
        assert {i.date_time for i in opened.infolist()} == {(2026, 1, 1, 0, 0, 0)}


def _git(cwd: Path, *args: str) -> str:
    env = {**os.environ, "GIT_AUTHOR_DATE": "2025-06-01T12:00:00Z", "GIT_COMMITTER_DATE": "2025-06-01T12:00:00Z",
           "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.com", "GIT_COMMITTER_NAME": "t",
           "GIT_COMMITTER_EMAIL": "t@example.com"}
    done = subprocess.run(["git", *args], cwd=cwd, env=env, capture_output=True, text=True, check=True)
    return done.stdout.strip()


def test_two_clones_built_from_different_directories_are_byte_identical(copy_pack, run, tmp_path, monkeypatch):
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    origin = translated_pack(copy_pack, run).parent.parent
    _git(origin, "init", "-q")
    _git(origin, "add", "-A")
    _git(origin, "commit", "-q", "-m", "packs")
    clone = tmp_path / "elsewhere" / "clone"
    clone.parent.mkdir()
    _git(tmp_path, "clone", "-q", str(origin), str(clone))
    monkeypatch.chdir(tmp_path)
    assert run("build", origin / "packs" / PACK, "-o", tmp_path / "a").exit_code == 0
    monkeypatch.chdir(clone / "packs")
    assert run("build", PACK, "-o", tmp_path / "b").exit_code == 0
    first, second = (tmp_path / d / ARCHIVE for d in ("a", "b"))
    assert first.read_bytes() == second.read_bytes()
    manifest = manifest_of(first)
    assert manifest["source"]["commit"] == _git(origin, "rev-parse", "HEAD")
    with zipfile.ZipFile(first) as opened:
        assert opened.infolist()[0].date_time == (2025, 6, 1, 12, 0, 0)  # the last commit's time


def test_default_output_is_build_in_the_content_root(copy_pack, run, tmp_path, monkeypatch):
    pack = translated_pack(copy_pack, run)
    monkeypatch.chdir(tmp_path.parent)
    assert run("build", pack).exit_code == 0
    assert (pack.parent.parent / "build" / ARCHIVE).is_file()


def test_no_temporary_file_is_left_beside_the_archive(built):
    assert sorted(p.name for p in built[1].parent.iterdir()) == [ARCHIVE]


# --- gates ------------------------------------------------------------------------------------------

def _refused(run, pack: Path, out: Path, *args: str) -> str:
    result = run("build", pack, "-o", out, *args)
    assert result.exit_code == 1, result.output
    assert not (out / ARCHIVE.replace(PACK, pack.name)).exists()
    lines = [line for line in result.stderr.splitlines() if line]
    assert len(lines) == 1 and "Traceback" not in result.output
    return lines[0]


def test_lint_error_refuses_the_build(copy_pack, run, tmp_path):
    pack = translated_pack(copy_pack, run)
    edit(pack / "tasks" / "enable-website.yaml", "points: 20", "points: twenty")
    line = _refused(run, pack, tmp_path / "out")
    assert "lint" in line and "tasks/enable-website.yaml" in line


def test_required_locale_below_its_gate_refuses_the_build(copy_pack, run, tmp_path):
    pack = translated_pack(copy_pack, run, skip=["task/enable-website/hint/2"])
    line = _refused(run, pack, tmp_path / "out")
    assert "`ja`" in line and "gate" in line and "task/enable-website" in line


def test_required_locale_with_an_error_level_problem_refuses_the_build(copy_pack, run, tmp_path):
    broken = JA["task/enable-versioning/objective/1"].replace("{site_bucket}", "{bucket}")
    pack = translated_pack(copy_pack, run, strings={"task/enable-versioning/objective/1": broken})
    line = _refused(run, pack, tmp_path / "out")
    assert "`ja`" in line and "error-level" in line


def test_optional_locale_incomplete_builds_and_is_recorded(copy_pack, run, tmp_path):
    pack = untranslated(copy_pack, PACK)
    assert run("build", pack, "-o", tmp_path / "out").exit_code == 0
    manifest = manifest_of(tmp_path / "out" / ARCHIVE)
    assert manifest["locales"]["ja"]["percent"] == 0.0 and manifest["locales"]["ja"]["required"] is False
    assert "catalogs/ja.mo" not in manifest["files"]


def test_dry_run_failure_refuses_the_build(copy_pack, run, tmp_path):
    pack = untranslated(copy_pack, "dryrun-vacuous")
    line = _refused(run, pack, tmp_path / "out")
    assert "dry-run" in line and "failed" in line


def test_unsupported_validators_refuse_the_build_unless_allowed(copy_pack, run, tmp_path):
    pack = untranslated(copy_pack, "dryrun-unsupported")
    line = _refused(run, pack, tmp_path / "out")
    assert "unsupported" in line and "--allow-unsupported" in line


def test_allowed_unsupported_validators_are_recorded_in_the_manifest(copy_pack, run, tmp_path):
    pack = untranslated(copy_pack, "dryrun-unsupported")
    result = run("build", pack, "-o", tmp_path / "out", "--allow-unsupported")
    assert result.exit_code == 0, result.output
    tasks = {t["id"]: t for t in manifest_of(tmp_path / "out" / "dryrun-unsupported-1.0.0.mcxpack")["tasks"]}
    assert tasks["enable-versioning"]["dry_run"]["status"] == "unsupported"
    assert any(op.startswith("bedrock:") for op in tasks["enable-versioning"]["dry_run"]["unsupported"])


# --- several packs -----------------------------------------------------------------------------------

def test_jobs_build_packs_in_parallel_with_a_line_per_pack(copy_pack, run, tmp_path):
    first = untranslated(copy_pack, PACK)
    second = copy_pack("dryrun-vacuous")
    shutil.rmtree(second)
    shutil.copytree(first, second)
    edit(second / "pack.yaml", f"\nid: {PACK}\n", "\nid: dryrun-vacuous\n")
    result = run("build", first, second, "--jobs", "2", "-o", tmp_path / "out")
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == [ARCHIVE, "dryrun-vacuous-1.0.0.mcxpack"]
    assert sum(1 for line in result.stdout.splitlines() if line.startswith("[")) == 2


def test_one_refused_pack_does_not_stop_the_others(copy_pack, run, tmp_path):
    good = untranslated(copy_pack, PACK)
    bad = untranslated(copy_pack, "dryrun-vacuous")
    result = run("build", good, bad, "--jobs", "2", "-o", tmp_path / "out")
    assert result.exit_code == 1
    assert (tmp_path / "out" / ARCHIVE).is_file()
    assert "dryrun-vacuous: refused" in result.stderr


def test_simulated_operations_are_recorded_in_the_manifest(copy_pack, run, tmp_path):
    pack = copy_pack("dryrun-guardrail")  # declares no locale: only the dry-run matters
    result = run("build", pack, "-o", tmp_path / "out")
    assert result.exit_code == 0, result.output
    [task] = manifest_of(next((tmp_path / "out").glob("*.mcxpack")))["tasks"]
    assert task["dry_run"]["status"] == "verified"
    assert "bedrock:GetGuardrail" in task["dry_run"]["simulated"]
