"""Nothing outside the pack is read: links out of a `$zip` folder and task files linked out of the pack
are `path-escape` errors, and a FIFO or device in a `$zip` folder is an error, not something to zip.
Links and FIFOs are made here at run time (a committed link to /etc would be a hazard in the repo)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from authoring.config import Config
from authoring.lint import lint_paths

SITE = Path("assets") / "site"


def _findings(pack: Path, root: Path):
    return lint_paths([str(pack)], root, Config()).findings


def _zip_findings(copy_pack, content_root, make) -> list:
    pack = copy_pack("zip-folder")
    make(pack / SITE)
    return [f for f in _findings(pack, content_root) if f.rule == "path-escape"]


def test_zip_folder_lints_clean(copy_pack, content_root):
    assert list(_findings(copy_pack("zip-folder"), content_root)) == []


@pytest.mark.parametrize(("name", "target"), [("shadow", "/etc/shadow"), ("rootfs", "/"), ("up", "../../../..")])
def test_link_out_of_the_pack_in_a_zip_folder_is_path_escape(copy_pack, content_root, name, target):
    [finding] = _zip_findings(copy_pack, content_root, lambda site: (site / "css" / name).symlink_to(target))
    assert (finding.file, finding.line, finding.severity) == ("packs/zip-folder/pack.yaml", 27, "error")
    assert f"assets/site/css/{name}" in finding.message and "leaves the pack" in finding.message


def test_link_inside_the_pack_in_a_zip_folder_is_fine(copy_pack, content_root):
    assert _zip_findings(copy_pack, content_root, lambda site: (site / "home.html").symlink_to("index.html")) == []


def test_fifo_in_a_zip_folder_is_an_error_and_lint_does_not_hang(copy_pack, content_root):
    [finding] = _zip_findings(copy_pack, content_root, lambda site: os.mkfifo(site / "pipe"))
    assert "assets/site/pipe" in finding.message and "not a regular file" in finding.message


def test_zip_of_a_link_to_a_folder_out_of_the_pack_is_path_escape(copy_pack, content_root):
    pack = copy_pack("zip-folder")
    (pack / "assets" / "etc").symlink_to("/etc")
    text = (pack / "pack.yaml").read_text(encoding="utf-8").replace("$zip: assets/site}", "$zip: assets/etc}")
    (pack / "pack.yaml").write_text(text, encoding="utf-8")
    [finding] = [f for f in _findings(pack, content_root) if f.rule == "path-escape"]
    assert finding.line == 27


# --- task files ----------------------------------------------------------------------------------

SECRET = "mcx-secret-value-0451"


@pytest.fixture
def linked_task(copy_pack, content_root, tmp_path_factory):
    """The clean pack whose enable-website task file is a link to a copy outside the pack, holding a secret."""
    pack = copy_pack("clean")
    task = pack / "tasks" / "enable-website.yaml"
    outside = tmp_path_factory.mktemp("elsewhere") / "enable-website.yaml"
    outside.write_text(task.read_text(encoding="utf-8").replace("title: Host", f"title: {SECRET} {{nope}} Host"))
    task.unlink()
    task.symlink_to(outside)
    return pack


def test_task_file_linked_out_of_the_pack_is_path_escape(linked_task, content_root):
    findings = [f for f in _findings(linked_task, content_root) if f.file.endswith("enable-website.yaml")]
    assert [(f.rule, f.severity) for f in findings] == [("path-escape", "error")]


def test_task_file_linked_out_of_the_pack_is_not_read(linked_task, run):
    result = run("lint", linked_task)
    assert result.exit_code == 1
    assert SECRET not in result.output and "nope" not in result.output
    assert "elsewhere" not in result.output  # not even where the link points


def test_task_file_linked_inside_the_pack_is_read(copy_pack, content_root):
    pack = copy_pack("clean")
    task = pack / "tasks" / "enable-website.yaml"
    task.rename(pack / "enable-website.yaml")
    task.symlink_to("../enable-website.yaml")
    assert list(_findings(pack, content_root)) == []


@pytest.mark.parametrize("command", [("i18n", "extract"), ("render-diagram",)])
def test_commands_refuse_a_pack_with_a_task_file_linked_out(linked_task, content_root, run, command):
    result = run(*command, linked_task, *(("-o", content_root / "x.svg") if command == ("render-diagram",) else ()))
    assert result.exit_code == 1
    assert "packs/clean/tasks/enable-website.yaml:1:1: task file is a link" in result.output
    assert SECRET not in result.output
    assert not (content_root / "locales").exists() and not (content_root / "x.svg").exists()


# --- pack.yaml ------------------------------------------------------------------------------------


@pytest.fixture
def linked_pack_file(copy_pack, tmp_path_factory):
    """The clean pack whose pack.yaml is a link to a copy outside the pack, holding a secret."""
    pack = copy_pack("clean")
    pack_file = pack / "pack.yaml"
    outside = tmp_path_factory.mktemp("elsewhere") / "pack.yaml"
    outside.write_text(pack_file.read_text(encoding="utf-8").replace("\ntitle: ", f"\ntitle: {SECRET} {{nope}} "))
    pack_file.unlink()
    pack_file.symlink_to(outside)
    return pack


def test_pack_file_linked_out_of_the_pack_is_one_path_escape(linked_pack_file, content_root):
    [finding] = _findings(linked_pack_file, content_root)
    assert (finding.rule, finding.severity, finding.file) == ("path-escape", "error", "packs/clean/pack.yaml")
    assert "pack.yaml is a link" in finding.message and "not read" in finding.message


def test_pack_file_linked_out_of_the_pack_is_not_read(linked_pack_file, run):
    result = run("lint", linked_pack_file)
    assert result.exit_code == 1
    assert SECRET not in result.output and "nope" not in result.output and "elsewhere" not in result.output


@pytest.mark.parametrize("command", [("i18n", "extract"), ("render-diagram",)])
def test_commands_refuse_a_pack_whose_pack_file_is_linked_out(linked_pack_file, content_root, run, command):
    result = run(*command, linked_pack_file, *(("-o", content_root / "x.svg") if command == ("render-diagram",) else ()))
    assert result.exit_code == 1
    [line] = result.output.splitlines()
    assert line.startswith("packs/clean/pack.yaml:1:1: pack.yaml is a link") and SECRET not in line
    assert not (content_root / "locales").exists() and not (content_root / "x.svg").exists()


def test_pack_file_linked_inside_the_pack_is_read(copy_pack, content_root):
    pack = copy_pack("clean")
    (pack / "pack.yaml").rename(pack / "assets" / "pack.yaml")
    (pack / "pack.yaml").symlink_to("assets/pack.yaml")
    assert list(_findings(pack, content_root)) == []
