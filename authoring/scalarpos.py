"""Maps a character of a parsed YAML text value back to its line and column in the source.

A finding about part of a text (a `{placeholder}` in line 9 of a `|-` description) belongs at that
part, not at the start of the value. The parser keeps only where a value starts, so this walks the
source from there the way YAML reads it: block scalars (`|`, `>`, with chomping and indentation
indicators) strip indentation and fold lines; quoted and plain scalars fold line breaks and trim
the spaces around them; double quotes have escapes and single quotes double `''`. Every character
walked is compared with the parsed value, so a walk that goes wrong gives up (None) instead of
pointing somewhere else.
"""

from __future__ import annotations

import re
from typing import Iterator

Char = tuple[str, int, int]  # a character of the value, with its 0-based row and column in the source

_PROPERTIES = re.compile(r"(?:[&!]\S*\s+)*")  # an anchor or tag written before the value
_BLOCK_HEADER = re.compile(r"[|>](?:([1-9])[+-]?|[+-]([1-9])?)?(?=\s|$)")
_SEQUENCE_DASHES = re.compile(r"(?:-\s+)*")
_ESCAPES = {
    "0": "\0", "a": "\a", "b": "\b", "t": "\t", "\t": "\t", "n": "\n", "v": "\v", "f": "\f", "r": "\r",
    "e": "\x1b", " ": " ", '"': '"', "/": "/", "\\": "\\", "N": "\x85", "_": "\xa0", "L": "\u2028",
    "P": "\u2029",
}
_HEX_ESCAPES = {"x": 2, "u": 4, "U": 8}


def offset_position(lines: list[str], line: int, column: int, value: str, offset: int) -> tuple[int, int] | None:
    """1-based (line, column) of `value[offset]` for a scalar starting at 1-based `line`/`column`, or None."""
    if not 0 <= offset < len(value) or not 1 <= line <= len(lines):
        return None
    row = line - 1
    col = _PROPERTIES.match(lines[row], column - 1).end()
    if col >= len(lines[row]):
        return None
    for index, (char, char_row, char_col) in enumerate(_chars(lines, row, col)):
        if index >= len(value) or char != value[index]:
            return None
        if index == offset:
            return char_row + 1, char_col + 1
    return None


def _chars(lines: list[str], row: int, col: int) -> Iterator[Char]:
    first = lines[row][col]
    if first in "|>":
        header = _BLOCK_HEADER.match(lines[row], col)
        if header is None:
            return iter(())
        explicit = header.group(1) or header.group(2)
        return _block(lines, row, int(explicit) if explicit else 0, folded=first == ">")
    if first in "\"'":
        return _flow(lines, row, col + 1, quote=first)
    return _flow(lines, row, col, quote="")


# --- block scalars ------------------------------------------------------------------------------


def _block(lines: list[str], header_row: int, explicit: int, folded: bool) -> Iterator[Char]:
    rows = _block_rows(lines, header_row, explicit)
    if not rows:
        return
    previous = None  # (row, text) of the last line with text
    empty = 0
    for row, indent, text in rows:
        if not text:
            empty += 1
            continue
        if previous is None:
            yield from (("\n", row, indent),) * empty
        else:
            yield from _block_break(previous, empty, text, folded)
        yield from ((ch, row, indent + i) for i, ch in enumerate(text))
        previous = (row, indent + len(text), text)
        empty = 0


def _block_break(previous: tuple, empty: int, text: str, folded: bool) -> Iterator[Char]:
    """The characters a line break and `empty` blank lines become between two lines of text."""
    row, end, before = previous
    spaced = before[0] in " \t" or text[0] in " \t"  # folding leaves more-indented lines alone
    if folded and not spaced:
        yield from ((" ", row, end),) if empty == 0 else (("\n", row, end),) * empty
    else:
        yield from (("\n", row, end),) * (empty + 1)


def _block_rows(lines: list[str], header_row: int, explicit: int) -> list[tuple[int, int, str]]:
    """(row, indentation, text after the indentation) for each line of a block scalar's content."""
    if explicit:
        header = lines[header_row]
        indent = _SEQUENCE_DASHES.match(header, len(header) - len(header.lstrip(" "))).end() + explicit
    else:
        indent = next(
            (len(s) - len(s.lstrip(" ")) for s in lines[header_row + 1 :] if s.strip(" ")), 0
        )
        if indent == 0:
            return []
    rows = []
    for row in range(header_row + 1, len(lines)):
        source = lines[row]
        if not source.strip(" "):
            rows.append((row, indent, source[indent:]))
        elif len(source) - len(source.lstrip(" ")) < indent:
            break
        else:
            rows.append((row, indent, source[indent:]))
    return rows


# --- quoted and plain scalars -------------------------------------------------------------------


def _flow(lines: list[str], row: int, col: int, quote: str) -> Iterator[Char]:
    """Characters of a quoted (`quote` is `"` or `'`) or plain (`quote` is empty) scalar."""
    while row < len(lines):
        source = lines[row]
        pending: list[Char] = []  # spaces are kept only if more text follows on the same line
        i = col
        while i < len(source):
            ch = source[i]
            if ch == quote:
                if quote == "'" and source[i + 1 : i + 2] == "'":
                    yield from pending
                    pending = []
                    yield "'", row, i
                    i += 2
                    continue
                return
            if quote == '"' and ch == "\\":
                if i + 1 == len(source):  # an escaped line break joins the lines without a space
                    yield from pending
                    next_row, col = _next_text_row(lines, row + 1)
                    yield from (("\n", row, i),) * (next_row - row - 1)
                    row = next_row
                    break
                yield from pending
                pending = []
                decoded, width = _escape(source, i)
                if decoded is None:
                    return
                yield decoded, row, i
                i += width
                continue
            if ch in " \t":
                pending.append((ch, row, i))
            else:
                yield from pending
                pending = []
                yield ch, row, i
            i += 1
        else:
            end = len(source.rstrip(" \t"))
            next_row, col = _next_text_row(lines, row + 1)
            blank = next_row - row - 1
            yield from ((" ", row, end),) if blank == 0 else (("\n", row, end),) * blank
            row = next_row


def _next_text_row(lines: list[str], row: int) -> tuple[int, int]:
    """The next row holding text at or after `row`, and the column where its text starts."""
    while row < len(lines) and not lines[row].strip(" \t"):
        row += 1
    if row == len(lines):
        return row, 0
    source = lines[row]
    return row, len(source) - len(source.lstrip(" \t"))


def _escape(source: str, i: int) -> tuple[str | None, int]:
    """The character a double-quoted escape at `source[i]` stands for, and its width in the source."""
    code = source[i + 1 : i + 2]
    if code in _ESCAPES:
        return _ESCAPES[code], 2
    digits = _HEX_ESCAPES.get(code)
    if digits:
        try:
            return chr(int(source[i + 2 : i + 2 + digits], 16)), 2 + digits
        except ValueError:
            return None, 0
    return None, 0
