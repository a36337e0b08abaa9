"""`{name}` placeholders: finding them in text, params and JMESPath, and filling them in.

Only `{` + identifier + `}` is a placeholder; `{{name}}` is a literal `{name}`; every other brace
is literal, so JSON inside a string needs no escaping.
"""

from __future__ import annotations

import re
from typing import Any, Iterator

PATTERN = re.compile(r"\{\{([A-Za-z_][A-Za-z0-9_]*)\}\}|\{([A-Za-z_][A-Za-z0-9_]*)\}")


def names_in(text: str) -> list[str]:
    """Placeholder names in `text`, in order (escaped `{{name}}` excluded)."""
    if "{" not in text:
        return []
    return [m.group(2) for m in PATTERN.finditer(text) if m.group(2)]


def offsets_in(text: str) -> list[tuple[str, int]]:
    """(name, offset of its `{`) for each placeholder in `text`, in order (escaped `{{name}}` excluded)."""
    if "{" not in text:
        return []
    return [(m.group(2), m.start()) for m in PATTERN.finditer(text) if m.group(2)]


def is_whole(text: str) -> bool:
    """True when `text` is exactly one placeholder, e.g. "{timeout}"."""
    match = PATTERN.fullmatch(text)
    return bool(match and match.group(2))


def fill(text: str, values: dict[str, Any]) -> str:
    """Replace placeholders with `values`; unknown names raise KeyError."""

    def replace(match: re.Match) -> str:
        if match.group(1):
            return "{" + match.group(1) + "}"
        return str(values[match.group(2)])

    return PATTERN.sub(replace, text)


def strings_in(value: Any, path: tuple = ()) -> Iterator[tuple[tuple, str]]:
    """Every string inside a params-like value, with its path (dict keys and list indexes)."""
    if isinstance(value, str):
        yield path, value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from strings_in(item, path + (key,))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from strings_in(item, path + (index,))
