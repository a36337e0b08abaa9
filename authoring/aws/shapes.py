"""Static checks of a call against its operation model: stand-in values and output paths."""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from typing import Any

import jmespath
import jmespath.exceptions
from botocore.model import Shape
from botocore.validate import ParamValidator

from ..placeholders import PATTERN, is_whole

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


@dataclass(frozen=True)
class ParamProblem:
    path: tuple  # inside params
    message: str
    at_key: bool = False


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


def check_params(params: Any, input_shape: Shape | None) -> list[ParamProblem]:
    """botocore's own parameter validation, with each problem placed at a path inside params."""
    if input_shape is None:
        if params:
            return [ParamProblem((), "this operation takes no parameters")]
        return []
    report = ParamValidator().validate(stand_in(params or {}, input_shape), input_shape)
    problems = []
    for kind, name, extra in getattr(report, "_errors", []):
        path = _param_path(name)
        label = ".".join(str(p) for p in path) or "params"
        if kind == "missing required field":
            problems.append(ParamProblem(path, f"missing required parameter `{extra['required_name']}` in {label}"))
        elif kind == "unknown field":
            unknown = extra["unknown_param"]
            close = difflib.get_close_matches(unknown, extra["valid_names"], n=1, cutoff=0.6)
            hint = f" (did you mean `{close[0]}`?)" if close else f"; valid: {', '.join(extra['valid_names'])}"
            problems.append(ParamProblem(path + (unknown,), f"unknown parameter `{unknown}` in {label}{hint}", True))
        elif kind == "invalid type":
            valid = " or ".join(dict.fromkeys(_class_word(t) for t in extra["valid_types"]))
            problems.append(
                ParamProblem(path, f"`{label}` must be {valid}, not {_type_word(extra['param'])}")
            )
        elif kind in ("invalid range", "invalid length"):
            what = "value" if kind == "invalid range" else "length"
            problems.append(ParamProblem(path, f"`{label}` is below the minimum {what} {extra['min_allowed']}"))
        else:
            problems.append(ParamProblem(path, report._format_error((kind, name, extra))))
    return problems


# --- JMESPath -------------------------------------------------------------------------------


class _ListOf:
    """The shape of a projection's result: a list whose items have `member`'s shape."""

    __slots__ = ("member",)
    type_name = "list"

    def __init__(self, member):
        self.member = member


def jmespath_text(expression: str) -> str:
    """The expression with placeholders filled by their own names, so it parses."""
    return PATTERN.sub(lambda m: m.group(1) or m.group(2), expression)


def compile_error(expression: str) -> str | None:
    try:
        jmespath.compile(jmespath_text(expression))
    except jmespath.exceptions.JMESPathError as exc:
        return str(exc).splitlines()[0] if str(exc) else type(exc).__name__
    return None


def missing_members(expression: str, output_shape: Shape | None) -> list[str]:
    """Messages for fields in `expression` that cannot exist in `output_shape`."""
    try:
        ast = jmespath.compile(jmespath_text(expression)).parsed
    except jmespath.exceptions.JMESPathError:
        return []
    problems: list[str] = []
    _walk(ast, output_shape, problems)
    return problems


def _items(shape):
    if isinstance(shape, _ListOf):
        return shape.member
    if shape is not None and shape.type_name == "list":
        return shape.member
    return None


def _walk(node: dict, shape, problems: list[str]):
    """Return the shape `node` yields when applied to `shape` (None: unknown), noting bad fields."""
    kind = node["type"]
    children = node.get("children", [])
    if shape is None:
        for child in children:
            if isinstance(child, dict):
                _walk(child, None, problems)
        return None
    if kind == "field":
        name = node["value"]
        if isinstance(shape, _ListOf):
            return None
        if shape.type_name == "structure":
            members = shape.members
            if name in members:
                return members[name]
            close = difflib.get_close_matches(name, list(members), n=1, cutoff=0.6)
            hint = f" (did you mean `{close[0]}`?)" if close else f"; it has {', '.join(members) or 'no fields'}"
            problems.append(f"`{name}` is not a field of {shape.name}{hint}")
            return None
        if shape.type_name == "map":
            return shape.value
        return None
    if kind in ("subexpression", "pipe"):
        left = _walk(children[0], shape, problems)
        return _walk(children[1], left, problems)
    if kind == "index_expression":
        left = _walk(children[0], shape, problems)
        right = children[1]
        if right["type"] == "slice":
            return left
        return _walk(right, left, problems)
    if kind == "index":
        return _items(shape)
    if kind == "projection":
        left = _walk(children[0], shape, problems)
        member = _items(left)
        result = _walk(children[1], member, problems) if member is not None else None
        return _ListOf(result)
    if kind == "filter_projection":
        left = _walk(children[0], shape, problems)
        member = _items(left)
        if member is not None:
            _walk(children[2], member, problems)
        result = _walk(children[1], member, problems) if member is not None else None
        return _ListOf(result)
    if kind == "value_projection":
        left = _walk(children[0], shape, problems)
        value = left.value if left is not None and getattr(left, "type_name", "") == "map" else None
        result = _walk(children[1], value, problems) if value is not None else None
        return _ListOf(result)
    if kind == "flatten":
        inner = _walk(children[0], shape, problems)
        return _ListOf(_items(_items(inner)))
    if kind in ("identity", "current"):
        return shape
    for child in children:  # functions, comparisons, multi-selects: check their arguments
        if isinstance(child, dict):
            _walk(child, shape, problems)
    return None
