"""`render-diagram` as a command: deterministic bytes without paths or timestamps, one-line errors
with the right exit codes, and the sample packs rendering every variant without a warning."""

from __future__ import annotations

import html
import os
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from conftest import edit
from diagram_support import TASKS, load_yaml, make_shop, render, render_ok, root_of

REPO = Path(__file__).resolve().parent.parent
TIMESTAMP = re.compile(rb"\b(19|20)\d\d-[01]\d-[0-3]\d|\b[0-2]\d:[0-5]\d:[0-5]\d\b")


@pytest.fixture
def shop(copy_pack):
    return make_shop(copy_pack)


def cli(*args):
    return [sys.executable, "-m", "authoring.cli", *(str(a) for a in args)]


# --- determinism -------------------------------------------------------------------------------------


@pytest.mark.parametrize("fmt", ["svg", "png", "dot"])
def test_two_runs_give_the_same_bytes(run, shop, fmt):
    args = ("--task", "enable-versioning", "--format", fmt)
    assert render_ok(run, shop, *args, name=f"1.{fmt}") == render_ok(run, shop, *args, name=f"2.{fmt}")


def test_two_runs_of_all_give_the_same_files(run, shop):
    outputs = []
    for name in ("one", "two"):
        out = root_of(shop) / name
        result = run("--root", root_of(shop), "render-diagram", shop, "--all", "--locale", "all", "-o", out)
        assert result.exit_code == 0, result.output
        outputs.append({p.relative_to(out): p.read_bytes() for p in sorted(out.rglob("*.svg"))})
    assert outputs[0] == outputs[1] and len(outputs[0]) == 8


def test_rerunning_all_reports_nothing_changed(run, shop):
    out = root_of(shop) / "d"
    args = ("--root", root_of(shop), "render-diagram", shop, "--all", "-o", out)
    assert run(*args).exit_code == 0
    result = run(*args)
    assert result.exit_code == 0 and re.search(r"\b0 changed\b", result.stdout), result.stdout


@pytest.mark.parametrize("args", [(), ("--view", "tasks"), ("--task", "enable-website")], ids=["arch", "tasks", "task"])
@pytest.mark.parametrize("fmt", ["svg", "dot"])
def test_output_holds_no_path_of_the_machine(run, shop, tmp_path, args, fmt):
    text = html.unescape(render_ok(run, shop, *args, "--format", fmt, name=f"x.{fmt}").decode("utf-8"))
    home = os.path.expanduser("~")
    for path in {str(tmp_path), str(tmp_path.resolve()), str(REPO), *([home] if len(home) > 1 else [])}:
        assert path not in text, path
    assert "/packs/" not in text and "pack.yaml" not in text


@pytest.mark.parametrize("fmt", ["svg", "dot"])
def test_output_holds_no_timestamp(run, shop, fmt):
    data = render_ok(run, shop, "--task", "enable-website", "--format", fmt, name=f"x.{fmt}")
    assert not TIMESTAMP.search(data), TIMESTAMP.search(data)


def test_all_files_hold_no_path_or_timestamp(run, shop, tmp_path):
    out = root_of(shop) / "d"
    assert run("--root", root_of(shop), "render-diagram", shop, "--all", "-o", out).exit_code == 0
    for path in out.iterdir():
        data = path.read_bytes()
        assert str(tmp_path).encode() not in html.unescape(data.decode()).encode(), path.name
        assert not TIMESTAMP.search(data), path.name


def test_svg_goes_to_stdout_without_output_option(run, shop):
    result = run("--root", root_of(shop), "render-diagram", shop)
    assert result.exit_code == 0
    assert ET.fromstring(result.stdout_bytes).tag == "{http://www.w3.org/2000/svg}svg"
    assert result.stdout_bytes == render_ok(run, shop)


# --- errors ------------------------------------------------------------------------------------------


def test_unknown_task_exits_2_with_a_did_you_mean_line(run, shop):
    result, _ = render(run, shop, "--task", "enable-websit")
    assert result.exit_code == 2
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and "enable-websit" in lines[0], result.stderr
    assert re.search(r"did you mean\W+enable-website\b", lines[0]), lines[0]


def test_unknown_source_locale_in_the_pack_exits_1_with_one_line(run, shop):
    edit(shop / "pack.yaml", "source_locale: en", "source_locale: qq")
    result, written = render(run, shop)
    assert result.exit_code == 1 and written is None
    assert result.stderr.count("\n") == 1 and "unknown locale `qq`" in result.stderr


def test_locale_the_pack_does_not_have_exits_2_naming_its_locales(run, shop):
    result, _ = render(run, shop, "--locale", "fr")
    assert result.exit_code == 2
    assert "`fr`" in result.stderr and "en, ja" in result.stderr


def test_unknown_task_in_the_tasks_view_exits_2(run, shop):
    result, _ = render(run, shop, "--view", "tasks", "--task", "no-such-task")
    assert result.exit_code == 2 and "no-such-task" in result.stderr


@pytest.mark.parametrize(
    "args",
    [
        ("--all",),
        ("--all", "-o", "DIR", "--format", "dot"),
        ("--locale", "all"),
        ("--locale", "all", "-o", "DIR/x.svg"),
    ],
    ids=["all-without-output", "all-with-dot", "locale-all-without-all", "locale-all-with-file"],
)
def test_inconsistent_options_exit_2_with_one_line(run, shop, args):
    args = [str(root_of(shop) / "d") if a == "DIR" else a.replace("DIR", str(root_of(shop) / "d")) for a in args]
    result = run("--root", root_of(shop), "render-diagram", shop, *args)
    assert result.exit_code == 2, result.output
    assert len(result.stderr.splitlines()) == 1 and "Traceback" not in result.output
    assert not (root_of(shop) / "d").exists()


def test_missing_dot_exits_1_saying_how_to_install_graphviz(shop, tmp_path):
    empty = tmp_path / "no-graphviz"
    empty.mkdir()
    assert shutil.which("dot", path=str(empty)) is None
    done = subprocess.run(
        cli("--root", root_of(shop), "render-diagram", shop, "-o", tmp_path / "x.svg"),
        env={"PATH": str(empty), "HOME": str(tmp_path), "LC_ALL": "C.UTF-8"},
        cwd=root_of(shop), capture_output=True, text=True, timeout=60, check=False,
    )
    assert done.returncode == 1, done.stderr
    lines = done.stderr.splitlines()
    assert len(lines) == 1 and "Graphviz" in lines[0] and "install" in lines[0], done.stderr
    assert not (tmp_path / "x.svg").exists()


def test_missing_dot_fails_all_too(shop, tmp_path):
    empty = tmp_path / "no-graphviz"
    empty.mkdir()
    done = subprocess.run(
        cli("--root", root_of(shop), "render-diagram", shop, "--all", "-o", tmp_path / "d"),
        env={"PATH": str(empty), "HOME": str(tmp_path), "LC_ALL": "C.UTF-8"},
        cwd=root_of(shop), capture_output=True, text=True, timeout=60, check=False,
    )
    assert done.returncode == 1 and len(done.stderr.splitlines()) == 1 and "Graphviz" in done.stderr, done.stderr


def test_pack_with_lint_errors_exits_1_naming_file_and_line(run, copy_pack):
    pack = copy_pack("clean")
    task = pack / "tasks/enable-website.yaml"
    edit(task, "highlight: [site-bucket]", "highlight: [site-bukket]")
    line = task.read_text(encoding="utf-8").splitlines().index("highlight: [site-bukket]") + 1
    result, data = render(run, pack)
    assert result.exit_code == 1 and data is None
    assert f"packs/clean/tasks/enable-website.yaml:{line}:" in result.stderr, result.stderr
    assert len(result.stderr.splitlines()) == 1


def test_pack_with_lint_errors_in_pack_yaml_exits_1_naming_it(run, copy_pack):
    pack = copy_pack("clean")
    edit(pack / "pack.yaml", "    - {from: visitor, to: site-bucket, label: browses}",
         "    - {from: visitor, to: bucket}")
    line = (pack / "pack.yaml").read_text(encoding="utf-8").splitlines().index("    - {from: visitor, to: bucket}") + 1
    result, _ = render(run, pack)
    assert result.exit_code == 1 and f"packs/clean/pack.yaml:{line}:" in result.stderr, result.stderr


# --- the sample packs ------------------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["serverless-web-app", "agentic-ai-app"])
def test_sample_pack_renders_every_variant_in_every_locale_without_warning(run, tmp_path, name):
    pack = REPO / "packs" / name
    tasks = load_yaml(pack / "pack.yaml")["tasks"]
    result = run("--root", REPO, "render-diagram", pack, "--all", "--locale", "all", "-o", tmp_path)
    assert result.exit_code == 0, result.output
    assert result.stderr == ""
    expected = {"architecture.svg", "tasks.svg", *(f"task-{t}.svg" for t in tasks)}
    assert {p.name for p in tmp_path.iterdir()} == {"en", "ja"}
    for locale in ("en", "ja"):
        assert {p.name for p in (tmp_path / locale).iterdir()} == expected
    assert re.search(r"\b4 layouts\b", result.stdout), result.stdout


def test_clean_pack_task_list_is_what_the_tests_assume():
    assert load_yaml(REPO / "tests/packs/clean/pack.yaml")["tasks"] == TASKS
