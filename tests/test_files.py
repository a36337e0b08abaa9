"""Inputs are read only from regular files, bounded; outputs are written only to regular files (through
links, atomically); the temporary files of a killed run are removed by the next one."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

MCX = [sys.executable, "-m", "authoring.cli"]


def mcx(*args, cwd: Path, timeout: float = 15) -> subprocess.CompletedProcess:
    """The CLI in a subprocess, so that a hang (a FIFO) fails the test instead of blocking the suite."""
    return subprocess.run([*MCX, *map(str, args)], cwd=cwd, capture_output=True, text=True, timeout=timeout)


def one_line_refusal(result, code: int = 2) -> None:
    assert result.exit_code == code, result.output
    assert "internal error" not in result.output and "Traceback" not in result.output
    assert len(result.stderr.strip().splitlines()) == 1, result.stderr


# --- item 1: outputs are regular files -------------------------------------------------------------


def test_output_onto_a_fifo_is_refused_without_hanging(copy_pack, content_root):
    pack = copy_pack("clean")
    fifo = content_root / "out.svg"
    os.mkfifo(fifo)
    result = mcx("render-diagram", pack, "-o", fifo, cwd=content_root)
    assert result.returncode == 2, result.stderr
    assert "not a regular file" in result.stderr
    assert fifo.is_fifo()


def test_output_onto_a_device_is_refused_and_the_device_kept(run, copy_pack, content_root):
    pack = copy_pack("clean")
    device = content_root / "null"
    try:
        os.mknod(device, 0o666 | 0o020000, os.makedev(1, 3))  # a character device like /dev/null
    except PermissionError:
        pytest.skip("creating a device node needs root")
    result = run("render-diagram", pack, "-o", device)
    one_line_refusal(result)
    assert "not a regular file" in result.stderr
    assert device.is_char_device()


def test_output_onto_a_directory_is_refused(run, copy_pack, content_root):
    pack = copy_pack("clean")
    (content_root / "out.svg").mkdir()
    result = run("render-diagram", pack, "-o", content_root / "out.svg")
    one_line_refusal(result)
    assert "out.svg" in result.stderr


def test_output_under_a_file_is_refused(run, copy_pack, content_root):
    pack = copy_pack("clean")
    (content_root / "afile").write_text("x")
    result = run("render-diagram", pack, "-o", content_root / "afile" / "x.svg")
    one_line_refusal(result)
    assert "afile" in result.stderr


def test_output_onto_a_symlink_writes_through_to_its_target(run, copy_pack, content_root):
    pack = copy_pack("clean")
    (content_root / "shared").mkdir()
    target = content_root / "shared" / "arch.svg"
    target.write_text("old")
    link = content_root / "arch.svg"
    link.symlink_to(target)
    result = run("render-diagram", pack, "-o", link)
    assert result.exit_code == 0, result.output
    assert link.is_symlink()
    assert target.read_text(encoding="utf-8").lstrip().startswith("<?xml")


def test_output_onto_a_dangling_symlink_creates_its_target(run, copy_pack, content_root):
    pack = copy_pack("clean")
    link = content_root / "arch.svg"
    link.symlink_to("made.svg")
    result = run("render-diagram", pack, "-o", link)
    assert result.exit_code == 0, result.output
    assert link.is_symlink() and (content_root / "made.svg").is_file()


def test_all_onto_a_file_is_refused(run, copy_pack, content_root):
    pack = copy_pack("clean")
    (content_root / "afile").write_text("x")
    result = run("render-diagram", pack, "--all", "-o", content_root / "afile")
    one_line_refusal(result)
    assert (content_root / "afile").read_text() == "x"


def test_compile_into_a_file_is_refused(run, copy_pack, content_root):
    copy_pack("clean")
    assert run("--root", content_root, "i18n", "update").exit_code == 0
    (content_root / "afile").write_text("x")
    result = run("--root", content_root, "i18n", "compile", "-o", content_root / "afile")
    assert result.exit_code in (1, 2), result.output
    assert "internal error" not in result.output and "Traceback" not in result.output


def test_extract_onto_a_fifo_template_is_refused_without_hanging(copy_pack, content_root):
    copy_pack("clean")
    (content_root / "locales").mkdir()
    os.mkfifo(content_root / "locales" / "clean.pot")
    result = mcx("--root", content_root, "i18n", "extract", cwd=content_root)
    assert result.returncode == 2, result.stderr
    assert "clean.pot" in result.stderr and "not a regular file" in result.stderr


def test_a_temp_file_is_written_in_the_symlink_targets_directory(run, copy_pack, content_root):
    pack = copy_pack("clean")
    (content_root / "shared").mkdir()
    link = content_root / "arch.svg"
    link.symlink_to(content_root / "shared" / "arch.svg")
    assert run("render-diagram", pack, "-o", link).exit_code == 0
    assert sorted(p.name for p in content_root.iterdir()) == ["arch.svg", "packs", "shared"]
    assert sorted(p.name for p in (content_root / "shared").iterdir()) == ["arch.svg"]


# --- item 2: inputs are regular files, read bounded ------------------------------------------------


def test_a_fifo_pack_yaml_is_refused_without_hanging(copy_pack, content_root):
    pack = copy_pack("clean")
    (pack / "pack.yaml").unlink()
    os.mkfifo(pack / "pack.yaml")
    result = mcx("lint", pack, cwd=content_root)
    assert result.returncode == 1, result.stderr
    assert "packs/clean/pack.yaml:" in result.stdout and "not a regular file" in result.stdout


def test_a_task_file_linked_to_a_device_is_refused(copy_pack, content_root):
    pack = copy_pack("clean")
    task = pack / "tasks" / "enable-website.yaml"
    task.unlink()
    task.symlink_to("/dev/zero")
    result = mcx("lint", pack, cwd=content_root)
    assert result.returncode == 1, result.stderr
    assert "packs/clean/tasks/enable-website.yaml:" in result.stdout and "not a regular file" in result.stdout


def test_a_fifo_catalog_is_refused_without_hanging(run, copy_pack, content_root):
    copy_pack("clean")
    assert run("--root", content_root, "i18n", "update").exit_code == 0
    po = content_root / "locales" / "ja" / "LC_MESSAGES" / "clean.po"
    po.unlink()
    os.mkfifo(po)
    for command in (["update"], ["compile"], ["report"]):
        result = mcx("--root", content_root, "i18n", *command, cwd=content_root)
        assert result.returncode in (1, 2), (command, result.stderr)
        assert "not a regular file" in result.stdout + result.stderr, command
        assert "internal error" not in result.stderr


def test_a_fifo_mcx_toml_is_refused_without_hanging(copy_pack, content_root):
    pack = copy_pack("clean")
    os.mkfifo(content_root / "mcx.toml")
    result = mcx("lint", pack, cwd=content_root)
    assert result.returncode == 1, result.stderr
    assert "mcx.toml: not a regular file" in result.stderr


def test_the_size_limit_counts_the_bytes_read_not_the_size_reported(tmp_path):
    from authoring.errors import InputError
    from authoring.files import read_regular

    assert os.stat("/proc/self/maps").st_size == 0  # a regular file that reports no size
    with pytest.raises(InputError, match="over"):
        read_regular(Path("/proc/self/maps"), 16)


# --- item 4: an unreadable pack is an error, not a clean pass ---------------------------------------


def test_a_pack_directory_that_is_a_link_loop_is_an_error_when_linting_the_root(run, copy_pack, content_root):
    copy_pack("clean")
    (content_root / "packs" / "broken").symlink_to("broken")
    result = run("--root", content_root, "lint")
    assert result.exit_code == 1, result.output
    assert "packs/broken" in result.stdout and "cannot be read" in result.stdout


def test_a_tasks_folder_that_cannot_be_listed_is_an_error(run, copy_pack, content_root):
    pack = copy_pack("clean")
    for task in (pack / "tasks").iterdir():
        task.unlink()
    (pack / "tasks").rmdir()
    (pack / "tasks").write_text("not a folder\n")
    result = run("--root", content_root, "lint", pack)
    assert result.exit_code == 1, result.output
    assert "packs/clean/tasks" in result.stdout and "cannot be read" in result.stdout


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads a chmod 000 directory")
def test_a_pack_directory_without_read_permission_is_an_error(run, copy_pack, content_root):
    copy_pack("clean")
    locked = copy_pack("clean", as_name="locked")
    locked.chmod(0)
    try:
        result = run("--root", content_root, "lint")
    finally:
        locked.chmod(0o755)
    assert result.exit_code == 1, result.output
    assert "packs/locked" in result.stdout


def test_lint_of_a_device_is_a_usage_error(run, content_root):
    result = run("--root", content_root, "lint", "/dev/null")
    one_line_refusal(result)
    assert "not a regular file or a directory" in result.stderr


# --- item 11: no stale temp file after the next run; --all replaces the set as a whole -----------------

KILL_AT_RENAME = """
import os, signal, sys, types
import authoring.files as files
def killed(*args):
    os.kill(os.getpid(), signal.SIGKILL)
files.os = types.SimpleNamespace(**{name: getattr(os, name) for name in dir(os) if not name.startswith("__")})
files.os.replace = killed
from authoring.cli import cli
cli.main(sys.argv[1:])
"""

KILL_AT_THIRD_FILE = """
import os, signal, sys
import authoring.files as files
calls, stage_file = [], files.stage_file
def dying(*args):
    calls.append(1)
    if len(calls) == 3:
        os.kill(os.getpid(), signal.SIGKILL)
    return stage_file(*args)
files.stage_file = dying
from authoring.cli import cli
cli.main(sys.argv[1:])
"""


def killed(script: str, *args, cwd: Path) -> None:
    result = subprocess.run([sys.executable, "-c", script, *map(str, args)], cwd=cwd, capture_output=True, timeout=30)
    assert result.returncode == -9, result.stderr


def ours(directory: Path) -> list[str]:
    return sorted(p.name for p in directory.iterdir() if ".mcx-" in p.name)


def test_a_temp_file_left_by_a_killed_write_is_removed_by_the_next_run(run, copy_pack, content_root):
    pack = copy_pack("clean")
    out = content_root / "arch.svg"
    killed(KILL_AT_RENAME, "render-diagram", pack, "-o", out, cwd=content_root)
    assert ours(content_root), "the kill left no temp file: the test reproduces nothing"
    assert run("render-diagram", pack, "-o", out).exit_code == 0
    assert ours(content_root) == []


def test_the_temp_file_of_a_writer_still_running_is_left_alone(copy_pack, content_root):
    pack = copy_pack("clean")
    busy = content_root / f".arch.svg.mcx-{os.getpid()}-abcd.tmp"  # this test's process is alive
    busy.write_text("in progress")
    assert mcx("render-diagram", pack, "-o", content_root / "arch.svg", cwd=content_root).returncode == 0
    assert busy.read_text() == "in progress"


def test_all_killed_half_way_leaves_the_old_set_whole(run, copy_pack, content_root):
    pack = copy_pack("clean")
    out = content_root / "diagrams"
    assert run("render-diagram", pack, "--all", "-o", out).exit_code == 0
    old = {p.name: p.read_bytes() for p in out.iterdir()}
    (pack / "pack.yaml").write_text((pack / "pack.yaml").read_text().replace("label: ", "label: New "))
    killed(KILL_AT_THIRD_FILE, "render-diagram", pack, "--all", "-o", out, cwd=content_root)
    assert {p.name: p.read_bytes() for p in out.iterdir()} == old
    assert run("render-diagram", pack, "--all", "-o", out).exit_code == 0
    new = {p.name: p.read_bytes() for p in out.iterdir()}
    assert new.keys() == old.keys() and all(new[name] != old[name] for name in ("architecture.svg",))
    assert ours(content_root) == []


def test_all_drops_the_diagram_of_a_task_no_longer_in_the_pack(run, copy_pack, content_root):
    pack = copy_pack("clean")
    out = content_root / "diagrams"
    assert run("render-diagram", pack, "--all", "-o", out).exit_code == 0
    (out / "task-removed-long-ago.svg").write_text("<svg/>")
    assert run("render-diagram", pack, "--all", "-o", out).exit_code == 0
    assert not (out / "task-removed-long-ago.svg").exists()


def test_all_refuses_a_directory_holding_other_files(run, copy_pack, content_root):
    pack = copy_pack("clean")
    out = content_root / "diagrams"
    out.mkdir()
    (out / "notes.md").write_text("mine")
    result = run("render-diagram", pack, "--all", "-o", out)
    one_line_refusal(result)
    assert (out / "notes.md").read_text() == "mine"
