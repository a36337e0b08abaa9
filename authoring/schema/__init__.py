"""JSON Schemas (draft 2020-12) for pack.yaml and task files, for `lint` and for editors."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

HERE = Path(__file__).parent
KINDS = ("pack", "task")


@cache
def schema(kind: str) -> dict:
    """The schema for `kind` ("pack" or "task"), as shipped in `authoring/schema/<kind>.schema.json`."""
    return json.loads((HERE / f"{kind}.schema.json").read_text(encoding="utf-8"))


def schema_text(kind: str) -> str:
    return (HERE / f"{kind}.schema.json").read_text(encoding="utf-8")
