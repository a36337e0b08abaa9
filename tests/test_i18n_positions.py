"""Where i18n report and compile point in a PO file: never `:0`, and at the `msgstr` line a translator edits."""

from __future__ import annotations

import re

import pytest
from i18n_support import JA, i18n, po_file, report_json, translated_root

from authoring.findings import Finding
from authoring.i18n.format import format_compile_problems, format_text
from authoring.i18n.report import PackReport

PO = "locales/ja/LC_MESSAGES/clean.po"


def _problem(line: int) -> Finding:
    return Finding(PO, line, 0, "placeholders", "error", "`{bucket}` is not in the English", "i18n", "pack", "pack/title")


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


# --- the msgstr line ------------------------------------------------------------------------------------

BROKEN = "task/enable-website/validator/index-document-exists/fail_message"


@pytest.fixture
def broken_root(copy_pack, run):
    """The clean pack translated, one translation with a renamed placeholder (msgfmt -c refuses it)."""
    return translated_root(copy_pack, run, strings={BROKEN: JA[BROKEN].replace("{site_bucket}", "{bucket}")})


def _line(root, number: int) -> str:
    return po_file(root).read_text(encoding="utf-8").splitlines()[number - 1]


def test_report_json_names_the_msgstr_line(run, broken_root):
    _, data = report_json(run, broken_root)
    assert {_line(broken_root, p["line"]).split(" ")[0] for p in data["problems"]} == {"msgstr"}


def test_report_text_names_the_msgstr_line(run, broken_root):
    result = i18n(run, broken_root, "report")
    numbers = {int(m.group(1)) for m in re.finditer(rf"^{PO}:(\d+): error: ", result.stdout, re.M)}
    assert numbers and {_line(broken_root, n).split(" ")[0] for n in numbers} == {"msgstr"}


def test_compile_warning_names_the_msgstr_line(run, broken_root):
    [warning] = i18n(run, broken_root, "compile").stderr.splitlines()
    number = int(re.match(rf"^{PO}:(\d+): warning: ", warning).group(1))
    assert _line(broken_root, number).startswith("msgstr ")


def test_msgstr_line_after_a_msgid_of_several_lines(run, copy_pack):
    # a long English string is written over several lines: the msgstr is not simply the line after msgid
    long_hint = "Look at the bucket's **Properties** tab. " * 4
    root = translated_root(copy_pack, run, sources=[("tasks/enable-website.yaml",
                                                     "  - text: Look at the bucket's **Properties** tab.",
                                                     f"  - text: {long_hint.strip()}")],
                           strings={"task/enable-website/hint/1": "`{site_bucket}` の **プロパティ** タブ。"})
    _, data = report_json(run, root)
    [number] = {p["line"] for p in data["problems"] if p["msgctxt"] == "task/enable-website/hint/1"}
    assert _line(root, number).startswith("msgstr ")
