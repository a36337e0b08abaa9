"""Where i18n report and compile point in a PO file: never `:0`, and at the `msgstr` line a translator edits."""

from __future__ import annotations

from authoring.i18n.format import format_compile_problems, format_text
from authoring.i18n.report import PackReport, Problem

PO = "locales/ja/LC_MESSAGES/clean.po"


def _problem(line: int) -> Problem:
    return Problem("placeholders", "error", "pack", "pack/title", "`{bucket}` is not in the English", PO, line)


def test_report_text_leaves_out_an_unknown_line():
    report = PackReport("clean", "ja", PO, True, 100.0, total=1, translated=1, problems=[_problem(0)])
    problem_line = format_text([report]).splitlines()[-1]
    assert problem_line.startswith(f"{PO}: error: placeholders: pack: ")


def test_compile_warning_leaves_out_an_unknown_line():
    [line] = format_compile_problems([_problem(0)], refused=False)
    assert line.startswith(f"{PO}: warning: left out of the .mo: pack/title: placeholders: ")


def test_compile_warning_names_a_known_line():
    [line] = format_compile_problems([_problem(12)], refused=True)
    assert line.startswith(f"{PO}:12: error: refused: pack/title: ")
