"""Catalogs that `i18n update` must not damage: another charset declared, duplicate entries,
read-only or symlinked files, and a translator saving while the update runs."""

from __future__ import annotations

import os
import re

import pytest
from i18n_support import JA, i18n, po_file, translated_root

import authoring.i18n.workflow as workflow

TITLE = "pack/title"


@pytest.fixture
def root(copy_pack, run, monkeypatch):
    """The clean pack with its Japanese catalog fully translated."""
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    return translated_root(copy_pack, run)


def _line_of(text: str, needle: str) -> int:
    return next(n for n, line in enumerate(text.splitlines(), 1) if needle in line)


# --- item 5: catalogs are UTF-8 ----------------------------------------------------------------------


@pytest.mark.parametrize("charset", ["ISO-8859-1", "KOI8-R"])
@pytest.mark.parametrize("command", ["update", "report", "compile"])
def test_utf8_catalog_labelled_with_another_charset_is_refused_at_the_header_line(run, root, charset, command):
    po = po_file(root)
    text = po.read_text(encoding="utf-8").replace("charset=utf-8", f"charset={charset}", 1)
    po.write_text(text, encoding="utf-8")
    result = i18n(run, root, command)
    assert result.exit_code == 1, result.output
    line = _line_of(text, "charset=")
    assert re.search(rf"clean\.po:{line}:\d+: .*charset={charset}.*charset=UTF-8", result.stderr), result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert po.read_text(encoding="utf-8") == text


def test_catalog_really_in_latin1_is_refused_with_msgconv_as_the_fix(run, root):
    po = po_file(root)
    text = po.read_text(encoding="utf-8").replace("charset=utf-8", "charset=ISO-8859-1", 1)
    text = text.replace(JA[TITLE], "Site statique sur Amazon S3 (café)")
    text = "\n".join(line for line in text.splitlines() if not any(ord(c) > 127 for c in line) or "café" in line)
    data = text.encode("latin-1")
    po.write_bytes(data)
    result = i18n(run, root, "update")
    assert result.exit_code == 1
    line = _line_of(text, "charset=")
    assert f"clean.po:{line}:" in result.stderr
    assert "msgconv --to-code=UTF-8" in result.stderr
    assert po.read_bytes() == data


def test_catalog_with_a_utf8_bom_is_read_and_keeps_its_translations(run, root):
    po = po_file(root)
    po.write_bytes(b"\xef\xbb\xbf" + po.read_bytes())
    result = i18n(run, root, "update")
    assert result.exit_code == 0, result.output
    assert JA[TITLE] in po.read_text(encoding="utf-8-sig")


# --- item 6: duplicate entries -----------------------------------------------------------------------


@pytest.mark.parametrize("command", ["update", "report", "compile"])
def test_duplicate_entry_is_refused_with_both_line_numbers(run, root, command):
    po = po_file(root)
    text = po.read_text(encoding="utf-8")
    first = _line_of(text, f'msgctxt "{TITLE}"')
    text += f'\nmsgctxt "{TITLE}"\nmsgid "Static website on Amazon S3"\nmsgstr "重複"\n'
    po.write_text(text, encoding="utf-8")
    second = text.count("\n", 0, text.rindex(f'msgctxt "{TITLE}"')) + 1
    result = i18n(run, root, command)
    assert result.exit_code == 1, result.output
    assert re.search(rf"clean\.po:{second}:1: duplicate .*{re.escape(TITLE)}.*\b{first}\b", result.stderr), result.stderr
    assert po.read_text(encoding="utf-8") == text


def test_same_msgid_under_two_contexts_is_not_a_duplicate(run, root):
    result = i18n(run, root, "update")  # hint/1 of both tasks has the same English
    assert result.exit_code == 0, result.output
