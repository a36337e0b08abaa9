"""Shared fixtures: scenario packs copied into a fresh content root, lint in-process, the CLI in-process."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from authoring.cli import cli
from authoring.config import Config
from authoring.lint import lint_paths

TESTS = Path(__file__).parent
PACKS = TESTS / "packs"  # tests/ holds packs/, so tests/ is itself a content root


def findings_of(pack_dir: Path, root: Path, config: Config | None = None) -> set[tuple[str, str, int, int]]:
    """(rule, file, line, column) of every finding lint reports for one pack directory."""
    result = lint_paths([str(pack_dir)], root, config or Config())
    return {(f.rule, f.file, f.line, f.column) for f in result.findings}


@pytest.fixture
def content_root(tmp_path: Path) -> Path:
    """An empty content root: a directory holding packs/."""
    (tmp_path / "packs").mkdir()
    return tmp_path


@pytest.fixture
def copy_pack(content_root: Path):
    """Copy tests/packs/<name> to <tmp content root>/packs/<as_name or name>; returns the copy."""

    def copy(name: str, as_name: str | None = None) -> Path:
        target = content_root / "packs" / (as_name or name)
        shutil.copytree(PACKS / name, target)
        if as_name and as_name != name:
            pack = target / "pack.yaml"
            pack.write_text(pack.read_text(encoding="utf-8").replace(f"\nid: {name}\n", f"\nid: {as_name}\n"))
        return target

    return copy


@pytest.fixture
def run():
    """Run `mcx-author ARGS...` in-process; returns click's Result (exit_code, stdout, stderr, output)."""
    runner = CliRunner()

    def invoke(*args: str):
        return runner.invoke(cli, [str(a) for a in args], catch_exceptions=False)

    return invoke


def edit(path: Path, old: str, new: str) -> None:
    """Replace exactly one occurrence of `old` in a copied scenario file (fails loudly if the text moved)."""
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, f"{old!r} occurs {text.count(old)} times in {path}"
    path.write_text(text.replace(old, new), encoding="utf-8")
