"""JMESPath over AWS responses, checked offline: syntax, function names and arity, and every field a
path names against the operation's botocore output shape, to any depth."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

import jmespath.exceptions
from jmespath.parser import Parser
from botocore.model import Shape

from ..placeholders import PATTERN
from ..text import closest, did_you_mean

# The JMESPath built-ins plus ours: name -> (minimum arguments, maximum or None for variadic).
# `from_json(string)` is the one function the pack format adds (docs/pack-format.md).
EXTRA_FUNCTIONS = {"from_json": (1, 1)}
# Names from other languages whose JMESPath function spelling is too far off for difflib to find.
FUNCTION_ALIASES = {
    "to_int": "to_number", "to_float": "to_number", "int": "to_number", "float": "to_number",
    "len": "length", "count": "length", "size": "length", "str": "to_string",
    "json_parse": "from_json", "parse_json": "from_json", "json_decode": "from_json", "loads": "from_json",
}


@cache
def functions() -> dict[str, tuple[int, int | None]]:
    from jmespath.functions import Functions

    table = {}
    for name, spec in Functions().FUNCTION_TABLE.items():
        signature = spec["signature"]
        variadic = bool(signature) and signature[-1].get("variadic", False)
        table[name] = (len(signature), None if variadic else len(signature))
    return {**table, **EXTRA_FUNCTIONS}


def jmespath_text(expression: str) -> str:
    """The expression with placeholders filled by their own names, so it parses."""
    return PATTERN.sub(lambda m: m.group(1) or m.group(2), expression)


def _parse(expression: str) -> dict:
    return Parser().parse(jmespath_text(expression)).parsed


@dataclass(frozen=True)
class PathError:
    """Why an expression fails whatever the response, and the character it fails at (None: the whole)."""

    message: str
    offset: int | None = None


# jmespath's own position and expression echo: we give the position ourselves, on one line.
_LIBRARY_NOISE = re.compile(r"Parse error at column \d+, |,? for expression:?$|:$|^Invalid jmespath expression: ")


def compile_error(expression: str) -> PathError | None:
    """Why `expression` would fail whatever the response: bad syntax, an unknown function, wrong arity."""
    try:
        ast = _parse(expression)
    except jmespath.exceptions.JMESPathError as exc:
        first = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        position = getattr(exc, "lex_position", None)
        offset = _source_offset(expression, position) if isinstance(position, int) else None
        return PathError(_LIBRARY_NOISE.sub("", first).strip() or type(exc).__name__, offset)
    problem = next(_function_problems(ast), None)
    return PathError(problem) if problem else None


def _source_offset(expression: str, offset: int) -> int:
    """`offset` in the placeholder-filled text as an offset in `expression`; past the end is its last character."""
    shift = 0  # how much longer the source is than the filled text before the current match
    for match in PATTERN.finditer(expression):
        start = match.start() - shift
        if offset < start:
            break
        filled = len(match.group(1) or match.group(2))
        if offset < start + filled:
            return match.start()  # inside a placeholder: point at its brace
        shift += len(match.group(0)) - filled
    offset += shift
    last = len(expression.rstrip()) - 1
    return max(0, min(offset, last))


def _function_problems(node):
    if not isinstance(node, dict):
        return
    if node["type"] == "function_expression":
        name, count = node["value"], len(node["children"])
        table = functions()
        if name not in table:
            close = FUNCTION_ALIASES.get(name) or closest(name, sorted(table), cutoff=0.6)
            yield f"unknown function `{name}()`{did_you_mean(close)}"
        else:
            low, high = table[name]
            if count < low or (high is not None and count > high):
                wanted = f"{low} argument{'s' if low != 1 else ''}" + (" or more" if high is None else "")
                yield f"`{name}()` takes {wanted}, not {count}"
    for child in node.get("children", []):
        yield from _function_problems(child)


# --- output paths --------------------------------------------------------------------------------


@dataclass(frozen=True)
class _ListOf:
    """The shape of a projection's result: a list whose items have `member`'s shape (None: unknown)."""

    member: object
    type_name = "list"


# Text fields that AWS fills with JSON documents (`Policy`, `RedrivePolicy`, `PolicyDocument`, ...).
_JSON_TEXT = re.compile(r"Policy|Document|Json|JSON|Definition")

_KIND_WORDS = {
    "string": "text", "integer": "a number", "long": "a number", "float": "a number", "double": "a number",
    "boolean": "a boolean", "timestamp": "a timestamp", "blob": "bytes", "list": "a list",
}


def missing_members(expression: str, output_shape: Shape | None) -> list[str]:
    """Messages for the places where `expression` cannot match the response described by `output_shape`."""
    if output_shape is None:
        return []
    try:
        ast = _parse(expression)
    except jmespath.exceptions.JMESPathError:
        return []
    walker = _Walker(output_shape)
    walker.walk(ast, output_shape)
    return walker.problems


def _items(shape):
    """The item shape of a list (None when `shape` is not known to be a list)."""
    if isinstance(shape, _ListOf):
        return shape.member
    if isinstance(shape, Shape) and shape.type_name == "list":
        return shape.member
    return None


def _close_member(name: str, members: list[str]) -> str | None:
    """The likely intended member: by spelling, else by acronym (`PitrStatus` for
    `PointInTimeRecoveryStatus`, since AWS documentation abbreviates long names this way)."""
    close = closest(name, members, cutoff=0.6)
    if close:
        return close
    wanted = name.lower()
    for member in members:
        words = re.findall(r"[A-Z]+(?![a-z])|[A-Z]?[a-z0-9]+", member)
        for start in range(len(words)):
            for end in range(start + 2, len(words) + 1):
                initials = "".join(w[0] for w in words[start:end])
                if "".join(words[:start]).lower() + initials.lower() + "".join(words[end:]).lower() == wanted:
                    return member
    return None


def _label(node: dict) -> str:
    """A readable name for what `node` selects, for messages: the last field it names."""
    if node["type"] == "field":
        return node["value"]
    if node["type"] in ("subexpression", "index_expression") and node["children"]:
        last = next((c for c in reversed(node["children"]) if c["type"] == "field"), node["children"][0])
        return _label(last)
    return "the value"


class _Walker:
    """Follows an AST over botocore shapes; `walk` returns the shape a node yields (None: unknown)."""

    def __init__(self, root: Shape) -> None:
        self.root = root
        self.problems: list[str] = []

    def walk(self, node: dict, shape):
        if shape is None:
            return None
        handler = getattr(self, "_" + node["type"], None)
        if handler is None:  # literals, comparisons, multi-selects, or/and/not: check what they read
            for child in node.get("children", []):
                if isinstance(child, dict):
                    self.walk(child, shape)
            return None
        return handler(node, shape)

    def _chain(self, children: list, shape, previous: dict | None = None):
        """Apply each child to the result of the one before (subexpressions, pipes, index chains)."""
        for child in children:
            if child["type"] == "field" and previous is not None:
                shape = self._field_after(child, shape, previous)
            else:
                shape = self.walk(child, shape)
            previous = child
            if shape is None:
                return None
        return shape

    def _subexpression(self, node, shape):
        return self._chain(node["children"], shape)

    def _pipe(self, node, shape):
        return self._chain(node["children"], shape)

    def _index_expression(self, node, shape):
        left, *rest = node["children"]
        shape = self.walk(left, shape)
        for child in rest:
            if shape is None:
                return None
            shape = shape if child["type"] == "slice" else _items(shape)
        return shape

    def _index(self, node, shape):  # `[0]` on the current value, after a pipe
        return _items(shape)

    def _field(self, node, shape):
        return self._field_after(node, shape, None)

    def _field_after(self, node: dict, shape, previous: dict | None):
        name = node["value"]
        owner = self._owner(shape, previous)
        if isinstance(shape, _ListOf) or shape.type_name == "list":
            self.problems.append(
                f"{owner} is a list, so `.{name}` on it is always null (use `[*].{name}` or `[0].{name}`)"
            )
            return None
        if shape.type_name == "map":
            return shape.value
        if shape.type_name != "structure":
            what = _KIND_WORDS.get(shape.type_name, shape.type_name)
            holds_json = shape.type_name == "string" and _JSON_TEXT.search(owner)
            hint = "; it holds JSON text: parse it with `from_json()`" if holds_json else ""
            self.problems.append(f"{owner} is {what}, so it has no field `{name}`{hint}")
            return None
        if shape.metadata.get("document"):
            return None  # free-form JSON: any field may exist
        if shape is self.root and name == "ResponseMetadata":
            return None  # boto3 adds it to every response; no model declares it
        members = shape.members
        if name in members:
            return members[name]
        close = _close_member(name, list(members))
        hint = did_you_mean(close) if close else f"; it has {', '.join(members) or 'no fields'}"
        self.problems.append(f"`{name}` is not a field of {shape.name}{hint}")
        return None

    def _owner(self, shape, previous: dict | None) -> str:
        """How a message names the value a field is read from."""
        if previous is not None:
            return f"`{_label(previous)}`"
        if shape is self.root:
            return "the response"
        return f"each `{shape.name}`" if isinstance(shape, Shape) else "each item"

    def _projection(self, node, shape):
        left, right = node["children"]
        member = _items(self.walk(left, shape))
        return _ListOf(self.walk(right, member) if member is not None else None)

    def _filter_projection(self, node, shape):
        left, right, condition = node["children"]
        member = _items(self.walk(left, shape))
        if member is None:
            return _ListOf(None)
        self.walk(condition, member)
        return _ListOf(self.walk(right, member))

    def _value_projection(self, node, shape):
        left, right = node["children"]
        base = self.walk(left, shape)
        value = base.value if isinstance(base, Shape) and base.type_name == "map" else None
        return _ListOf(self.walk(right, value) if value is not None else None)

    def _flatten(self, node, shape):
        items = _items(self.walk(node["children"][0], shape))
        inner = _items(items)
        return _ListOf(inner if inner is not None else items)

    def _identity(self, node, shape):
        return shape

    def _current(self, node, shape):
        return shape

    def _function_expression(self, node, shape):
        # arguments read the current value; an `&expr` argument reads the items of the list argument
        items = None
        for child in node["children"]:
            if child["type"] == "expref":
                if items is not None:
                    self.walk(child["children"][0], items)
            else:
                items = _items(self.walk(child, shape))
        return None  # what a function returns is not followed (from_json's document is free-form)
