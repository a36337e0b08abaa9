"""The meaning of every `expect` matcher (docs/pack-format.md section 4), in one place: the runtime
judges responses with `mismatch`, and static checks can ask `value_problem` about an expected value.
"""

from __future__ import annotations

import json
import re
from typing import Any

from .placeholders import fill, is_whole, names_in

MATCHERS = ("equals", "not_equals", "contains", "matches", "exists", "length", "min_length", "one_of", "gte", "lte")

DETAIL_WIDTH = 120  # a value shown in a detail is cut to this many characters


def show(value: Any) -> str:
    """A value as the pack author wrote it (JSON-like), on one line, cut to a readable width."""
    try:
        text = json.dumps(value, ensure_ascii=False, default=str, sort_keys=True)
    except (TypeError, ValueError):
        text = repr(value)
    return text if len(text) <= DETAIL_WIDTH else text[: DETAIL_WIDTH - 1] + "…"


def _is_number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def _same(actual: Any, expected: Any) -> bool:
    # YAML `true` is not the number 1, nor `"1"` the number 1: types count, except int vs float
    if isinstance(actual, bool) != isinstance(expected, bool):
        return False
    if _is_number(actual) and _is_number(expected):
        return actual == expected
    return type(actual) is type(expected) and actual == expected or (
        isinstance(actual, (list, tuple)) and isinstance(expected, (list, tuple)) and list(actual) == list(expected)
    )


def _sized(actual: Any) -> bool:
    return isinstance(actual, (list, tuple, dict, str))


def mismatch(matcher: str, actual: Any, expected: Any) -> str | None:
    """None when `actual` (the value at the path) satisfies `matcher: expected`; else why not, in one line
    naming the value found and what was expected (or why `expected`, placeholders filled, cannot work)."""
    unusable = value_problem(matcher, expected)
    if unusable:
        return unusable
    found = f"found {show(actual)}"
    if matcher == "equals":
        return None if _same(actual, expected) else f"{found}, expected {show(expected)}"
    if matcher == "not_equals":
        return None if not _same(actual, expected) else f"{found}, expected anything else"
    if matcher == "contains":
        if isinstance(actual, str) and isinstance(expected, str):
            return None if expected in actual else f"{found}, expected text containing {show(expected)}"
        if isinstance(actual, (list, tuple)):
            return None if any(_same(a, expected) for a in actual) else f"{found}, expected a list holding {show(expected)}"
        return f"{found}, expected text or a list containing {show(expected)}"
    if matcher == "matches":
        return _regex(actual, expected, found)
    if matcher == "exists":
        present = actual is not None
        return None if present == bool(expected) else (f"{found}, expected null" if present else "found null, expected a value")
    if matcher in ("length", "min_length"):
        if not _sized(actual):
            return f"{found}, expected a list, map or text of length {'' if matcher == 'length' else '≥ '}{expected}"
        ok = len(actual) == expected if matcher == "length" else len(actual) >= expected
        sign = "" if matcher == "length" else "≥ "
        return None if ok else f"{found} (length {len(actual)}), expected length {sign}{expected}"
    if matcher == "one_of":
        options = expected if isinstance(expected, list) else [expected]
        return None if any(_same(actual, o) for o in options) else f"{found}, expected one of {show(options)}"
    if matcher in ("gte", "lte"):
        if not _is_number(actual):
            return f"{found}, expected a number {'≥' if matcher == 'gte' else '≤'} {show(expected)}"
        ok = actual >= expected if matcher == "gte" else actual <= expected
        return None if ok else f"{found}, expected {'≥' if matcher == 'gte' else '≤'} {show(expected)}"
    return f"unknown matcher `{matcher}`"


def _regex(actual: Any, expected: Any, found: str) -> str | None:
    if not isinstance(actual, str):
        return f"{found}, expected text matching {show(expected)}"
    try:
        ok = re.fullmatch(str(expected), actual) is not None
    except re.error as exc:
        return f"the regular expression {show(expected)} does not compile: {exc}"
    return None if ok else f"{found}, expected text matching {show(expected)} in full"


TYPED = ("exists", "length", "min_length", "one_of", "gte", "lte")  # a value of one type, or one whole placeholder


def value_problem(matcher: str, value: Any) -> str | None:
    """Why `matcher: value` can never work whatever the response (None when it can): the static half of
    the semantics, for lint, and for the runtime once the placeholders are filled. A typed matcher may
    take one whole placeholder (`gte: "{min_count}"`), which is filled with the variable's own value."""
    if matcher not in MATCHERS:
        return f"unknown matcher `{matcher}`"
    if matcher in TYPED and isinstance(value, str) and is_whole(value):
        return None
    if matcher in ("length", "min_length") and (not isinstance(value, int) or isinstance(value, bool) or value < 0):
        return f"`{matcher}` takes an integer ≥ 0 (or one whole placeholder), not {show(value)}"
    if matcher in ("gte", "lte") and not _is_number(value):
        return f"`{matcher}` takes a number (or one whole placeholder), not {show(value)}"
    if matcher == "exists" and not isinstance(value, bool):
        return f"`exists` takes true or false, not {show(value)}"
    if matcher == "one_of" and not isinstance(value, list):
        return f"`one_of` takes a list (or one whole placeholder), not {show(value)}"
    if matcher == "matches":
        if not isinstance(value, str):
            return f"`matches` takes a regular expression as text, not {show(value)}"
        if not names_in(value):
            try:
                re.compile(fill(value, {}))  # `{{n}}` is a literal `{n}` by then
            except re.error as exc:
                return f"the regular expression does not compile: {exc}"
    return None
