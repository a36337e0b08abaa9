"""Explains a YAML syntax error by its usual cause in a pack file, judged from the text around it.

The parser's own message stays first so it can be searched for; the hint follows it. Hints are
chosen by looking at the source (the character at the error, the shape of the line), not by the
parser's wording, which changes between PyYAML and libyaml releases.
"""

from __future__ import annotations

import re

QUOTE_COLON = "a colon followed by a space inside text starts a mapping: quote the value"
BAD_START = 'a value cannot start with {char}: quote the value ("{example}")'
BACKSLASH = r"a backslash in double quotes starts an escape: use single quotes for regular expressions ('a\.b')"
INDENT = "check the indentation of this line against the line above"
PLACEHOLDER = 'a placeholder at the start of a value must be quoted: "{name}…" (unquoted, YAML reads {name} as a mapping)'
UNQUOTED_PLACEHOLDER = 'a placeholder at the start of a value must be quoted: "{name}" (unquoted, YAML reads {name} as a mapping)'
_WHOLE_PLACEHOLDER = re.compile(r"\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}")


def unquoted_placeholder(source_line: str, column: int) -> str | None:
    """The hint for `{name}` written unquoted at 1-based `column`, or None if the text there is not one."""
    match = _WHOLE_PLACEHOLDER.match(source_line, column - 1)
    return UNQUOTED_PLACEHOLDER.format(name="{" + match.group(1) + "}") if match else None

# `key: {name}rest` or `- {name}rest`: a value that starts with a placeholder and goes on
_PLACEHOLDER_START = re.compile(r"(?:^\s*(?:-\s+)*[^\s#:][^:#]*:|^\s*-)\s+(\{[A-Za-z_][A-Za-z0-9_]*\})(?=\s*[^\s#])")
_SEQUENCE_DASHES = re.compile(r"(?:-(?:\s+|$))*")


def explain(text: str, line: int, column: int, message: str) -> tuple[int, int, str]:
    """(line, column, message) for a syntax error at 1-based `line`/`column`, with a hint where one fits."""
    lines = text.splitlines()
    if not 1 <= line <= len(lines):
        return line, column, message
    source = lines[line - 1]
    found = (
        _placeholder(source)
        or _bad_start(source, column - 1)
        or _backslash(source, column - 1)
        or _colon(lines, line, column - 1)
        or _indentation(lines, line, column - 1)
    )
    if found is None:
        return line, column, message
    new_column, hint = found
    return line, new_column or column, f"{message}; {hint}"


def _placeholder(source: str):
    match = _PLACEHOLDER_START.match(source)
    if match:
        return match.start(1) + 1, PLACEHOLDER.format(name=match.group(1))
    return None


def _bad_start(source: str, index: int):
    if 0 <= index < len(source) and source[index] in "`@":
        if source[index] == "`":
            return 0, BAD_START.format(char="a backtick", example="`…` …")
        return 0, BAD_START.format(char="`@`", example="@…")
    return None


def _backslash(source: str, index: int):
    for at in (index, index - 1):
        if 0 <= at < len(source) and source[at] == "\\" and '"' in source[:at]:
            return at + 1, BACKSLASH
    return None


def _content_start(source: str) -> int:
    """Where a line's content starts, after its indentation and any `- ` sequence dashes."""
    indent = len(source) - len(source.lstrip(" "))
    return _SEQUENCE_DASHES.match(source, indent).end()


def _colon(lines: list[str], line: int, index: int):
    source = lines[line - 1]
    if not (0 <= index < len(source) and source[index] == ":"):
        return None
    start = _content_start(source)
    before = source[start:index]
    if ": " in before:
        key, _, value = source[start:].partition(": ")
        return 0, f"{QUOTE_COLON} ({key}: {_quoted(value.strip())})"
    if " " in before.strip():
        return 0, f'{QUOTE_COLON} ("…")'  # a colon on a continuation line of a value above
    # a lone `key:` read as the continuation of the value above: the line is indented too far
    return _indent(source) + 1, INDENT


def _quoted(value: str) -> str:
    """`value` as a quoted YAML scalar, for a hint to copy (a trailing comment is left out)."""
    value = value.split(" #", 1)[0].rstrip()
    if '"' not in value and "\\" not in value:
        return f'"{value}"'
    return "'" + value.replace("'", "''") + "'"


def _indent(source: str) -> int:
    return len(source) - len(source.lstrip(" "))


def _open_indents(lines: list[str], line: int) -> set[int]:
    """Indentations a line may have after the lines above it: theirs, where they are not closed."""
    allowed: set[int] = set()
    limit = None
    for source in reversed(lines[: line - 1]):
        stripped = source.strip()
        if not stripped or stripped.startswith("#"):
            continue
        indent = _indent(source)
        if limit is not None and indent >= limit:
            continue
        allowed |= {indent, _content_start(source)}
        limit = indent
        if indent == 0:
            break
    return allowed or {0}


def _indentation(lines: list[str], line: int, index: int):
    source = lines[line - 1]
    indent = _indent(source)
    if index != indent and index != _content_start(source):
        return None
    if indent in _open_indents(lines, line):
        return None
    return indent + 1, INDENT
