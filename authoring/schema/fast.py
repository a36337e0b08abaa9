"""A fast validity check compiled from the same schemas, so that valid files skip jsonschema.

jsonschema explains every error precisely but costs about 1 ms per pack file; most files are valid.
fastjsonschema compiles the schema into plain Python that answers "valid or not" about five times faster.
Lint asks it first and runs jsonschema only on files it rejects, so the findings are always
jsonschema's. The compiled code is cached (keyed by schema, fastjsonschema and Python version)
under $XDG_CACHE_HOME/mcx-author, since compiling it costs more than checking a pack.
"""

from __future__ import annotations

import hashlib
import json
import marshal
import os
import sys
from functools import cache
from pathlib import Path
from typing import Any, Callable

from ..errors import McxError
from ..files import write_atomic_bytes
from . import schema

_NAMED = ("properties", "$defs", "dependentRequired")  # their keys are names, not keywords


def draft7(node: Any) -> Any:
    """The schema in the draft-07 dialect fastjsonschema reads (same meaning for our keywords)."""
    if isinstance(node, list):
        return [draft7(v) for v in node]
    if not isinstance(node, dict):
        return node
    out = {}
    for key, value in node.items():
        if key in ("errorMessage", "description", "title"):
            continue  # annotations only
        if key == "$schema":
            out[key] = "http://json-schema.org/draft-07/schema#"
        elif key == "$ref":
            out[key] = value.replace("#/$defs/", "#/definitions/")
        elif key in _NAMED:
            name = {"$defs": "definitions", "dependentRequired": "dependencies"}.get(key, key)
            out[name] = {k: draft7(v) for k, v in value.items()}
        else:
            out[key] = draft7(value)
    if "$ref" in out and len(out) > 1:
        # draft-07 ignores keywords beside `$ref`; 2020-12 applies them: keep them with allOf
        ref = {"$ref": out.pop("$ref")}
        out = {"allOf": [ref, out]}
    return out


def _cache_dir() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "mcx-author"


@cache
def fast_validator(kind: str) -> Callable[[Any], bool]:
    """`check(data) -> bool` for `kind` ("pack" or "task"); True means jsonschema would find nothing."""
    import fastjsonschema

    definition = draft7(schema(kind))
    key = json.dumps(definition, sort_keys=True) + fastjsonschema.VERSION + sys.version
    path = _cache_dir() / f"schema-{kind}-{hashlib.sha256(key.encode()).hexdigest()[:16]}.marshal"
    validate = _load(path) or _compile(definition, path)
    errors = fastjsonschema.JsonSchemaException

    def check(data: Any) -> bool:
        try:
            validate(data)
        except errors:
            return False
        except Exception:  # noqa: BLE001 - anything odd: let jsonschema decide
            return False
        return True

    return check


def _load(path: Path) -> Callable | None:
    try:
        code = marshal.loads(path.read_bytes())
        namespace: dict = {}
        exec(code, namespace)  # noqa: S102 - compiled from our own schema by _compile
        return namespace["validate"]
    except Exception:  # noqa: BLE001 - missing or damaged: rebuild
        return None


def _compile(definition: dict, path: Path) -> Callable:
    import fastjsonschema

    source = fastjsonschema.compile_to_code(definition)
    entry = next(line[4 : line.index("(")] for line in source.splitlines() if line.startswith("def validate_"))
    source += f"\n\nvalidate = {entry}\n"
    code = compile(source, "<mcx-author schema check>", "exec")
    try:
        write_atomic_bytes(path, marshal.dumps(code))  # a run reading it meanwhile sees all or nothing
    except McxError:
        pass  # no writable cache: compile again next run
    namespace: dict = {}
    exec(code, namespace)  # noqa: S102 - generated from our own schema
    return namespace["validate"]
