"""Wrapping a task title takes time in proportion to its length: a title of 4x the characters costs
at most about 4x the work, counted as character widths looked up (no wall clock). A 40k-character
title without spaces took 5 s to render, because every cut of a too-long word re-measured it."""

from __future__ import annotations

import unicodedata

import pytest

from authoring import text as text_module
from authoring.diagram import build


class CountingWidths:
    """`unicodedata` for authoring/text.py (which build.py measures with), counting east_asian_width look-ups (one per character measured)."""

    def __init__(self):
        self.calls = 0

    def east_asian_width(self, char: str) -> str:
        self.calls += 1
        return unicodedata.east_asian_width(char)


def lookups(monkeypatch, text: str) -> int:
    counter = CountingWidths()
    monkeypatch.setattr(text_module, "unicodedata", counter)
    lines = build.wrap(text, build.TASK_TITLE_WIDTH)
    monkeypatch.undo()
    assert "".join(lines) == text  # nothing lost or added (the texts have no spaces)
    return counter.calls


@pytest.mark.parametrize(
    "unit",
    ["あ", "バケット", "サイト用バケットを作成する", "aé"],  # one phrase; katakana word; phrases; Latin, not ASCII
)
def test_wrapping_a_long_unbroken_title_is_linear(monkeypatch, unit):
    short = unit * (500 // len(unit))
    long = short * 4
    assert lookups(monkeypatch, long) <= 5 * lookups(monkeypatch, short)


def test_wrapping_a_long_ascii_word_measures_each_character_once_per_try(monkeypatch):
    sizes = []
    real = build.display_width

    def counting(text: str) -> int:
        sizes.append(len(text))
        return real(text)

    for n in (1000, 4000):
        sizes.clear()
        monkeypatch.setattr(build, "display_width", counting)
        build.wrap("a" * n, build.TASK_TITLE_WIDTH)
        monkeypatch.undo()
        measured = sum(sizes)
        if n == 1000:
            short = measured
    assert measured <= 5 * short
