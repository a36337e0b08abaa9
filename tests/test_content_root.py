"""Every command finds the content root from the pack path, as lint does, wherever it is run from."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from conftest import TESTS
from i18n_support import all_translations

REPO = TESTS.parent
SAMPLE = "serverless-web-app"


@pytest.fixture
def sample_root(tmp_path: Path) -> Path:
    """A content root holding one sample pack and its committed catalogs, somewhere else on disk."""
    root = tmp_path / "content"
    shutil.copytree(REPO / "packs" / SAMPLE, root / "packs" / SAMPLE)
    (root / "locales" / "ja" / "LC_MESSAGES").mkdir(parents=True)
    shutil.copy(REPO / "locales" / f"{SAMPLE}.pot", root / "locales")
    shutil.copy(REPO / "locales" / "ja" / "LC_MESSAGES" / f"{SAMPLE}.po", root / "locales" / "ja" / "LC_MESSAGES")
    return root


@pytest.fixture
def elsewhere(tmp_path: Path, monkeypatch) -> Path:
    """The current directory: outside the content root, holding no packs/ of its own."""
    directory = tmp_path / "elsewhere"
    directory.mkdir()
    monkeypatch.chdir(directory)
    return directory


def ja_percent(result) -> float:
    return json.loads(result.stdout)["locales"]["ja"][SAMPLE]["percent"]


def test_report_with_an_absolute_pack_path_reads_the_packs_catalogs(run, sample_root, elsewhere):
    result = run("i18n", "report", sample_root / "packs" / SAMPLE, "--locale", "ja", "--format", "json")
    assert result.exit_code == 0, result.output
    assert ja_percent(result) == 100


def test_extract_with_an_absolute_pack_path_writes_into_the_packs_root(run, sample_root, elsewhere):
    (sample_root / "locales" / f"{SAMPLE}.pot").unlink()
    assert run("i18n", "extract", sample_root / "packs" / SAMPLE).exit_code == 0
    assert (sample_root / "locales" / f"{SAMPLE}.pot").is_file()
    assert not (elsewhere / "locales").exists()


def test_update_with_an_absolute_pack_path_merges_the_packs_catalog(run, sample_root, elsewhere):
    po = sample_root / "locales" / "ja" / "LC_MESSAGES" / f"{SAMPLE}.po"
    before = all_translations(po)
    result = run("i18n", "update", sample_root / "packs" / SAMPLE, "--locale", "ja")
    assert result.exit_code == 0, result.output
    assert all_translations(po) == before
    assert not (elsewhere / "locales").exists()


def test_render_diagram_with_an_absolute_pack_path_draws_japanese(run, sample_root, elsewhere):
    result = run("render-diagram", sample_root / "packs" / SAMPLE, "--locale", "ja", "--view", "tasks")
    assert result.exit_code == 0, result.output
    assert "点・" in result.stdout


def test_root_option_resolves_relative_pack_paths_against_the_root(run, sample_root, elsewhere):
    result = run("--root", sample_root, "lint", f"packs/{SAMPLE}")
    assert result.exit_code == 0, result.output


def test_bare_pack_id_works_for_lint(run, sample_root, monkeypatch):
    monkeypatch.chdir(sample_root)
    assert run("lint", SAMPLE).exit_code == 0


def test_bare_pack_id_works_for_report_with_root_option(run, sample_root, elsewhere):
    result = run("--root", sample_root, "i18n", "report", SAMPLE, "--locale", "ja", "--format", "json")
    assert result.exit_code == 0, result.output
    assert ja_percent(result) == 100


def test_bare_pack_id_works_for_render_diagram(run, sample_root, monkeypatch):
    monkeypatch.chdir(sample_root)
    result = run("render-diagram", SAMPLE, "--view", "tasks")
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("<?xml")


def test_bare_pack_id_works_for_new_task(run, sample_root, elsewhere):
    result = run("--root", sample_root, "new", "task", SAMPLE, "add-alarm")
    assert result.exit_code == 0, result.output
    assert (sample_root / "packs" / SAMPLE / "tasks" / "add-alarm.yaml").is_file()


def test_a_mistyped_pack_path_suggests_the_pack(run, sample_root, monkeypatch):
    monkeypatch.chdir(sample_root)
    result = run("lint", "packs/serverless-webapp")
    assert result.exit_code == 2
    assert "did you mean `packs/serverless-web-app`?" in result.stderr


def test_a_mistyped_pack_id_suggests_the_id(run, sample_root, monkeypatch):
    monkeypatch.chdir(sample_root)
    result = run("i18n", "report", "serverless-webapp")
    assert result.exit_code == 2
    assert "did you mean `serverless-web-app`?" in result.stderr


def test_a_bare_id_outside_any_content_root_says_where_it_looked(run, elsewhere):
    result = run("lint", SAMPLE)
    assert result.exit_code == 2
    assert "is no content root" in result.stderr and "--root" in result.stderr


def test_a_tasks_folder_points_at_its_pack(run, sample_root, monkeypatch):
    monkeypatch.chdir(sample_root)
    result = run("lint", f"packs/{SAMPLE}/tasks")
    assert result.exit_code == 2
    assert f"give the pack (`packs/{SAMPLE}`)" in result.stderr


def test_packs_from_two_content_roots_are_refused(run, sample_root, tmp_path, elsewhere):
    other = tmp_path / "other"
    shutil.copytree(sample_root, other)
    result = run("lint", sample_root / "packs" / SAMPLE, other / "packs" / SAMPLE)
    assert result.exit_code == 2
    assert "content root" in result.stderr


def test_i18n_alone_prints_its_help_and_exits_0(run):
    result = run("i18n")
    assert result.exit_code == 0
    assert "extract" in result.stdout and "Usage:" in result.stdout


def test_new_alone_prints_its_help_and_exits_0(run):
    result = run("new")
    assert result.exit_code == 0
    assert "Usage:" in result.stdout


@pytest.mark.parametrize("kind", ["pack", "task"])
def test_new_help_shows_an_example(run, kind):
    result = run("new", kind, "--help")
    assert result.exit_code == 0
    assert f"mcx-author new {kind} " in result.stdout.split("Example:")[1]


def test_root_after_the_command_says_where_it_goes(run, sample_root):
    result = run("i18n", "report", "--root", sample_root, SAMPLE)
    assert result.exit_code == 2
    assert "--root goes before the command: mcx-author --root DIR i18n report" in result.stderr
