"""`mcx-author --help` must stay instant: no heavy library is imported on the start-up path."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

HEAVY = ("boto3", "botocore", "moto", "babel", "graphviz", "jsonschema", "yaml", "jmespath")

PROBE = """
import json, sys
from authoring.cli import cli
try:
    cli.main({args!r}, standalone_mode=False)
finally:
    print(json.dumps(sorted(m for m in sys.modules if m.split(".")[0] in {heavy!r})), file=sys.stderr)
"""


@pytest.mark.parametrize("args", [
    ["--help"], ["lint", "--help"], ["new", "--help"], ["schema", "--help"], ["check", "--help"], ["build", "--help"],
    ["verify", "--help"], ["publish", "--help"], ["ls", "--help"],
])
def test_help_imports_no_heavy_library(args):
    done = subprocess.run(
        [sys.executable, "-c", PROBE.format(args=args, heavy=set(HEAVY))], capture_output=True, text=True, check=True
    )
    assert "Usage:" in done.stdout
    assert json.loads(done.stderr.strip().splitlines()[-1]) == []
