"""`project.valid_pack` always checks the pack, even for a library caller that never imported lint."""

from __future__ import annotations

import subprocess
import sys

from conftest import PACKS, TESTS

PROBE = """
import sys
from pathlib import Path
from authoring.config import Config
from authoring.errors import InputError
from authoring.project import valid_pack
assert "authoring.lint" not in sys.modules
try:
    valid_pack(Path({pack!r}), Path({root!r}), Config())
except InputError as exc:
    print("refused:", exc.message)
else:
    print("accepted")
"""


def probe(pack: str) -> str:
    code = PROBE.format(pack=str(PACKS / pack), root=str(TESTS))
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout


def test_a_pack_with_a_cycle_is_refused_without_importing_lint_first():
    assert probe("cycle").startswith("refused:")


def test_a_clean_pack_is_accepted_without_importing_lint_first():
    assert probe("clean") == "accepted\n"
