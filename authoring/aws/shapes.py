"""Static checks of a call's parameters against its operation model, with stand-in values for placeholders."""

from __future__ import annotations

import re
from typing import Any

from botocore.model import Shape
from botocore.validate import ParamValidator

from ..findings import ERROR, Finding, path_label
from ..placeholders import PATTERN, is_whole
from ..text import closest, did_you_mean

_TYPED_STAND_INS = {
    "integer": 1,
    "long": 1,
    "float": 1.0,
    "double": 1.0,
    "boolean": True,
    "timestamp": "2020-01-01T00:00:00Z",
    "blob": b"stand-in",
}
FILE_KEYS = ("$asset", "$zip")


def stand_in(value: Any, shape: Shape | None) -> Any:
    """`value` with placeholders and file references replaced by values of the shape's type."""
    kind = shape.type_name if shape is not None else None
    if isinstance(value, dict) and len(value) == 1 and next(iter(value)) in FILE_KEYS:
        return b"stand-in" if kind == "blob" else "stand-in"
    if isinstance(value, str) and is_whole(value) and kind in _TYPED_STAND_INS:
        return _TYPED_STAND_INS[kind]
    if isinstance(value, str) and kind == "string" and PATTERN.search(value):
        # the filled-in length is unknown: never report a length limit for it
        return value.ljust(shape.metadata.get("min", 0), "x")
    if isinstance(value, dict) and kind == "structure":
        members = shape.members
        return {k: stand_in(v, members.get(k)) for k, v in value.items()}
    if isinstance(value, dict) and kind == "map":
        return {k: stand_in(v, shape.value) for k, v in value.items()}
    if isinstance(value, list) and kind == "list":
        return [stand_in(v, shape.member) for v in value]
    return value


def _problem(path: tuple, message: str, at_key: bool = False) -> Finding:
    """A finding of `invalid-params` not yet placed: `path` is inside params, `at_key` places it at the key."""
    return Finding("", 0, 0, "invalid-params", ERROR, message, path=path, at_key=at_key)


_NAME_PART = re.compile(r"([^.\[\]]+)|\[(\d+)\]")


def _param_path(name: str) -> tuple:
    return tuple(m.group(1) if m.group(1) is not None else int(m.group(2)) for m in _NAME_PART.finditer(name))


def _type_word(value: Any) -> str:
    return {
        bool: "a boolean", int: "an integer", float: "a number", str: "text", list: "a list", dict: "a mapping",
        bytes: "bytes", type(None): "null",
    }.get(type(value), type(value).__name__)


def _class_word(kind) -> str:
    name = getattr(kind, "__name__", None) or re.sub(r"^<class '(?:[\w.]*\.)?(\w+)'>$", r"\1", str(kind))
    return {
        "dict": "a mapping", "str": "text", "list": "a list", "tuple": "a list", "int": "an integer",
        "bool": "a boolean", "float": "a number", "Decimal": "a number", "datetime": "a timestamp",
        "bytes": "bytes", "bytearray": "bytes", "file-like object": "bytes",
    }.get(name, name)


def _close_param(extra: dict) -> str | None:
    return closest(extra["unknown_param"], extra["valid_names"], cutoff=0.6)


def _misspelled_file_key(value: Any) -> bool:
    """`{$zipp: path}`: a one-key mapping whose key is a `$` name, but not one of ours."""
    return isinstance(value, dict) and len(value) == 1 and str(next(iter(value))).startswith("$")


def _file_key_hint(key: str) -> str:
    """The "did you mean `$zip`?" for a misspelled file reference; empty for any other name."""
    if not key.startswith("$") or key in FILE_KEYS:
        return ""
    close = closest(key, FILE_KEYS, cutoff=0.5)
    return did_you_mean(close) if close else f"; file references are {' and '.join(FILE_KEYS)}"


def check_params(params: Any, input_shape: Shape | None) -> list[Finding]:
    """botocore's own parameter validation, with each problem placed at a path inside params."""
    if input_shape is None:
        if params:
            return [_problem((), "this operation takes no parameters")]
        return []
    report = ParamValidator().validate(stand_in(params or {}, input_shape), input_shape)
    errors = getattr(report, "_errors", [])
    # a misspelled parameter is one mistake: "unknown `Buckt` (did you mean `Bucket`?)", not also
    # "missing required `Bucket`" (see the note on dependent findings in authoring/lint/__init__.py)
    misspelled = {(name, _close_param(extra)) for kind, name, extra in errors if kind == "unknown field"}
    problems = []
    for kind, name, extra in errors:
        path = _param_path(name)
        label = path_label(path) or "params"
        if kind == "missing required field" and (name, extra["required_name"]) in misspelled:
            continue
        if kind == "missing required field":
            problems.append(_problem(path, f"missing required parameter `{extra['required_name']}` in {label}"))
        elif kind == "unknown field":
            unknown = extra["unknown_param"]
            close = _close_param(extra)
            hint = f" (did you mean `{close}`?)" if close else f"; valid: {', '.join(extra['valid_names'])}"
            hint = _file_key_hint(unknown) or hint
            problems.append(_problem(path + (unknown,), f"unknown parameter `{unknown}` in {label}{hint}", True))
        elif kind == "invalid type" and _misspelled_file_key(extra["param"]):
            key = next(iter(extra["param"]))
            problems.append(_problem(path + (key,), f"`{key}` is not a file reference{_file_key_hint(key)}", True))
        elif kind == "invalid type":
            valid = " or ".join(dict.fromkeys(_class_word(t) for t in extra["valid_types"]))
            problems.append(
                _problem(path, f"`{label}` must be {valid}, not {_type_word(extra['param'])}")
            )
        elif kind in ("invalid range", "invalid length"):
            what = "value" if kind == "invalid range" else "length"
            problems.append(_problem(path, f"`{label}` is below the minimum {what} {extra['min_allowed']}"))
        else:
            problems.append(_problem(path, report._format_error((kind, name, extra))))
    return problems
