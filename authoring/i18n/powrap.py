"""PO string wrapping exactly as Babel's writer does it (`pofile.normalize`), in linear time.

Babel splits a line into chunks with one regex, `WORD_SEP`, whose hyphenated-word branch re-scans an
unbroken run from every position in it: a 40k-character title without a space took 8 s to write, an
80k-character Japanese translation 27 s. `word_chunks` gives the same chunks from one pass over the
line's runs (spaces, word characters, the rest), so the catalogs keep Babel's bytes, only faster.
"""

from __future__ import annotations

import re

from babel.messages.pofile import escape

# Maximal runs of the three character classes WORD_SEP is written in; the same engine decides
# what \s and \w are, so the runs agree with Babel's regex on every character.
_RUNS = re.compile(r"(\s+)|(\w+)|([^\s\w]+)")
SPACE, WORD, OTHER = 1, 2, 3
_ASCII_LETTERS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")
_BEFORE_DASHES = frozenset("!\"'&.,?")  # the em-dash branch's look-behind, besides \w


def _runs(line: str) -> list[tuple[int, int, int]]:
    return [(m.start(), m.end(), m.lastindex) for m in _RUNS.finditer(line)]


def _hyphen_end(line: str, runs: list, i: int) -> int:
    """Where WORD_SEP's hyphenated-word branch, `[^\\s\\w]*\\w+[a-zA-Z]-(?=\\w+[a-zA-Z])`, ends
    when tried at the start of run i; 0 if it does not match. Tried anywhere else in the run it
    matches nowhere the start did not, which is why one try per run is enough."""
    j = i + 1 if runs[i][2] == OTHER else i  # the word the punctuation prefix must lead to
    if j + 2 >= len(runs) or runs[j][2] != WORD:
        return 0
    start, end, _ = runs[j]
    dash_start, dash_end, _ = runs[j + 1]
    after_start, after_end, after_kind = runs[j + 2]
    if end - start < 2 or line[end - 1] not in _ASCII_LETTERS or line[dash_start:dash_end] != "-":
        return 0
    if after_kind != WORD or not any(c in _ASCII_LETTERS for c in line[after_start + 1 : after_end]):
        return 0
    return dash_end


def _em_dash_start(line: str, runs: list, i: int) -> int:
    """Where WORD_SEP's em-dash branch, `(?<=[\\w!"'&.,?])-{2,}(?=\\w)`, first matches in punctuation
    run i (it ends where the run does, before a word); -1 if nowhere."""
    start, end, _ = runs[i]
    if i + 1 >= len(runs) or runs[i + 1][2] != WORD:
        return -1
    dashes = end - start - len(line[start:end].rstrip("-"))
    first = end - dashes
    if dashes < 2:
        return -1
    if first == start:  # preceded by the run before: a word (\w) or spaces
        return first if i > 0 and runs[i - 1][2] == WORD else -1
    return first if line[first - 1] in _BEFORE_DASHES else -1


def word_chunks(line: str) -> list[str]:
    """`WORD_SEP.split(line)`: the text between separators and the separators, alternately."""
    runs = _runs(line)
    chunks: list[str] = []
    last = i = 0

    def cut(start: int, end: int) -> None:
        nonlocal last
        chunks.extend((line[last:start], line[start:end]))
        last = end

    while i < len(runs):
        start, end, kind = runs[i]
        if kind == SPACE:
            cut(start, end)
            i += 1
        elif hyphen := _hyphen_end(line, runs, i):
            cut(start, hyphen)
            i += 2 if kind == WORD else 3  # to the word after the hyphen
        else:
            dashes = _em_dash_start(line, runs, i) if kind == OTHER else -1
            if dashes >= 0:
                cut(dashes, end)
            i += 1
    chunks.append(line[last:])
    return chunks


def normalize(string: str, prefix: str = "", width: int = 76) -> str:
    """Babel's `pofile.normalize` with `word_chunks` for its regex split; the same output, line for
    line (its sizing, which counts the prefix once per chunk, included)."""
    if not width or width <= 0:
        lines = string.splitlines(True)
    else:
        lines = []
        for line in string.splitlines(True):
            if len(escape(line)) + len(prefix) > width:
                lines.extend(_fill(word_chunks(line), len(prefix), width))
            else:
                lines.append(line)
    if len(lines) <= 1:
        return escape(string)
    if lines and not lines[-1]:
        del lines[-1]
        lines[-1] += "\n"
    return '""\n' + "\n".join(prefix + escape(line) for line in lines)


def _fill(chunks: list[str], prefixlen: int, width: int) -> list[str]:
    """Babel's greedy fill: chunks onto a line while it stays under `width`; a chunk too long for
    any line gets one of its own."""
    lines = []
    chunks.reverse()
    while chunks:
        buf: list[str] = []
        size = 2
        while chunks:
            length = len(escape(chunks[-1])) - 2 + prefixlen
            if size + length < width:
                buf.append(chunks.pop())
                size += length
            else:
                if not buf:
                    buf.append(chunks.pop())
                break
        lines.append("".join(buf))
    return lines
