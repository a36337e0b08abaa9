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


# --- item 13: read-only and symlinked catalogs -------------------------------------------------------

NEW_TITLE = ("pack.yaml", "title: Static website on Amazon S3", "title: A static website on Amazon S3")


def _change_title(root):
    path = root / "packs" / "clean" / NEW_TITLE[0]
    path.write_text(path.read_text(encoding="utf-8").replace(NEW_TITLE[1], NEW_TITLE[2], 1), encoding="utf-8")


def test_read_only_catalog_is_refused_with_one_line_and_left_alone(run, root):
    po = po_file(root)
    before = po.read_bytes()
    po.chmod(0o444)
    _change_title(root)
    result = i18n(run, root, "update")
    assert result.exit_code == 1, result.output
    assert re.fullmatch(r"locales/ja/LC_MESSAGES/clean\.po: .*read-only.*\n", result.stderr), result.stderr
    assert po.read_bytes() == before
    assert po.stat().st_mode & 0o777 == 0o444


def test_symlinked_catalog_is_updated_through_the_link(run, root):
    po = po_file(root)
    shared = root / "shared-ja.po"
    po.rename(shared)
    po.symlink_to(shared)
    _change_title(root)
    result = i18n(run, root, "update")
    assert result.exit_code == 0, result.output
    assert po.is_symlink()
    assert NEW_TITLE[2][len("title: ") :] in shared.read_text(encoding="utf-8")


# --- item 12: a translator saving while update runs --------------------------------------------------


def test_catalog_saved_by_someone_else_during_update_is_not_overwritten(run, root, monkeypatch):
    po = po_file(root)
    saved = po.read_text(encoding="utf-8").replace(JA[TITLE], "翻訳者が保存した題名")
    real_merge = workflow.merge

    def merge_while_a_translator_saves(*args, **kwargs):
        result = real_merge(*args, **kwargs)
        tmp = po.with_name("editor-save.tmp")
        tmp.write_text(saved, encoding="utf-8")
        os.replace(tmp, po)  # how editors save: a new file moved over the old one
        return result

    monkeypatch.setattr(workflow, "merge", merge_while_a_translator_saves)
    _change_title(root)
    result = i18n(run, root, "update")
    assert result.exit_code == 1, result.output
    assert "the catalog changed while updating; run again" in result.stderr
    assert po.read_text(encoding="utf-8") == saved


def test_catalog_rewritten_in_place_with_the_same_size_during_update_is_not_overwritten(run, root, monkeypatch):
    po = po_file(root)
    text = po.read_text(encoding="utf-8")
    saved = text.replace(JA[TITLE], JA[TITLE][::-1])  # same size, same inode
    stat = po.stat()
    real_merge = workflow.merge

    def merge_while_rewritten(*args, **kwargs):
        result = real_merge(*args, **kwargs)
        po.write_text(saved, encoding="utf-8")
        os.utime(po, ns=(stat.st_atime_ns, stat.st_mtime_ns))  # even the mtime put back
        return result

    monkeypatch.setattr(workflow, "merge", merge_while_rewritten)
    _change_title(root)
    result = i18n(run, root, "update")
    assert result.exit_code == 1, result.output
    assert "the catalog changed while updating; run again" in result.stderr
    assert po.read_text(encoding="utf-8") == saved
