"""`mcx-author i18n compile`: MO files that gettext reads back, without fuzzy or untranslated strings."""

from __future__ import annotations

import gettext
import subprocess

import pytest
from conftest import edit
from i18n_support import (
    EN,
    JA,
    MSGFMT,
    WEBSITE,
    i18n,
    msgfmt_check,
    po_file,
    report_json,
    stray_files,
    translated_root,
)

HINT = "task/enable-website/hint/2"
NEW_HINT = "The index document must be `index.html`."


@pytest.fixture
def root(copy_pack, run, monkeypatch):
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    return translated_root(copy_pack, run, skip=["task/enable-website/title"])


def compile_(run, root, *args):
    result = i18n(run, root, "compile", *args)
    assert result.exit_code == 0, result.output
    return result


def load(path) -> gettext.GNUTranslations:
    with open(path, "rb") as handle:
        return gettext.GNUTranslations(handle)


def test_compile_writes_the_mo_under_build_locales_by_default(run, root):
    result = compile_(run, root)
    assert (root / "build/locales/ja/LC_MESSAGES/clean.mo").is_file()
    assert result.stdout == "wrote build/locales/ja/LC_MESSAGES/clean.mo (20 translated messages)\n"


def test_compile_writes_under_the_output_directory(run, root):
    compile_(run, root, "-o", "dist/mo")
    assert (root / "dist/mo/ja/LC_MESSAGES/clean.mo").is_file()
    assert not (root / "build").exists()


def test_compiled_translation_comes_back_through_gettext(run, root):
    compile_(run, root)
    catalog = load(root / "build/locales/ja/LC_MESSAGES/clean.mo")
    for context in ("pack/title", "task/enable-versioning/hint/1", "task/enable-website/hint/1", "pack/description"):
        assert catalog.pgettext(context, EN[context]) == JA[context]


def test_same_english_in_two_places_keeps_each_translation(run, copy_pack, monkeypatch):
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    other = {"task/enable-website/hint/1": "バケットの **プロパティ** タブを開いてください。"}
    root = translated_root(copy_pack, run, strings=other)
    compile_(run, root)
    catalog = load(root / "build/locales/ja/LC_MESSAGES/clean.mo")
    english = "Look at the bucket's **Properties** tab."
    assert catalog.pgettext("task/enable-versioning/hint/1", english) == JA["task/enable-versioning/hint/1"]
    assert catalog.pgettext("task/enable-website/hint/1", english) == other["task/enable-website/hint/1"]


def test_untranslated_string_is_left_out(run, root):
    compile_(run, root)
    catalog = load(root / "build/locales/ja/LC_MESSAGES/clean.mo")
    context = "task/enable-website/title"
    assert catalog.pgettext(context, EN[context]) == EN[context]


def test_fuzzy_string_is_left_out(run, root):
    edit(root / "packs/clean" / WEBSITE, EN[HINT], NEW_HINT)
    assert i18n(run, root, "update").exit_code == 0
    compile_(run, root)
    catalog = load(root / "build/locales/ja/LC_MESSAGES/clean.mo")
    assert catalog.pgettext(HINT, NEW_HINT) == NEW_HINT
    assert catalog.pgettext(HINT, EN[HINT]) == EN[HINT]
    assert catalog.pgettext("task/enable-website/hint/1", EN["task/enable-website/hint/1"]) == JA["task/enable-website/hint/1"]


def test_mo_header_says_japanese(run, root):
    compile_(run, root)
    info = load(root / "build/locales/ja/LC_MESSAGES/clean.mo").info()
    assert info["language"] == "ja"
    assert info["plural-forms"] == "nplurals=1; plural=0;"


def test_compile_twice_says_unchanged(run, root):
    compile_(run, root)
    before = (root / "build/locales/ja/LC_MESSAGES/clean.mo").read_bytes()
    result = compile_(run, root)
    assert result.stdout.startswith("unchanged build/locales/ja/LC_MESSAGES/clean.mo")
    assert (root / "build/locales/ja/LC_MESSAGES/clean.mo").read_bytes() == before


def test_compile_without_a_catalog_is_a_usage_error(copy_pack, run):
    root = copy_pack("clean").parent.parent
    result = i18n(run, root, "compile")
    assert result.exit_code == 2
    assert "run `mcx-author i18n update` first" in result.stderr
    assert "Traceback" not in result.output


def test_compile_with_unknown_locale_exits_2(run, root):
    result = i18n(run, root, "compile", "--locale", "xx-nope")
    assert result.exit_code == 2
    assert result.stderr.count("\n") == 1


def test_compile_leaves_no_temporary_files(run, root):
    compile_(run, root)
    assert stray_files(root) == []


def test_gnu_msgfmt_and_the_tool_agree_on_what_is_translated(run, root, tmp_path):
    edit(root / "packs/clean" / WEBSITE, EN[HINT], NEW_HINT)
    assert i18n(run, root, "update").exit_code == 0
    compile_(run, root)
    gnu = tmp_path / "gnu.mo"
    subprocess.run([MSGFMT, "-c", "--check-format", "-o", str(gnu), str(po_file(root))], check=True, capture_output=True)
    ours, theirs = load(root / "build/locales/ja/LC_MESSAGES/clean.mo"), load(gnu)
    for context, english in {**EN, HINT: NEW_HINT}.items():
        assert ours.pgettext(context, english) == theirs.pgettext(context, english), context


# --- strings with an error the report finds are not shipped ------------------------------------------

BROKEN = "task/enable-website/validator/index-document-exists/fail_message"
RENAMED = JA[BROKEN].replace("{site_bucket}", "{bucket}")
MO = "build/locales/ja/LC_MESSAGES/clean.mo"


@pytest.fixture
def broken_root(copy_pack, run, monkeypatch):
    """The clean pack translated, one translation with a renamed placeholder."""
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    return translated_root(copy_pack, run, strings={BROKEN: RENAMED})


def test_string_with_a_renamed_placeholder_is_left_out_of_the_mo(run, broken_root):
    assert msgfmt_check(po_file(broken_root)).returncode != 0  # GNU gettext refuses it too
    compile_(run, broken_root)
    catalog = load(broken_root / MO)
    assert catalog.pgettext(BROKEN, EN[BROKEN]) == EN[BROKEN]
    assert catalog.pgettext("pack/title", EN["pack/title"]) == JA["pack/title"]


def test_left_out_string_is_named_with_its_po_line_msgctxt_and_problem(run, broken_root):
    _, data = report_json(run, broken_root)
    line = data["problems"][0]["line"]
    result = compile_(run, broken_root)
    warnings = result.stderr.splitlines()
    assert len(warnings) == 1
    assert warnings[0].startswith(f"locales/ja/LC_MESSAGES/clean.po:{line}: warning: ")
    assert BROKEN in warnings[0] and "placeholder" in warnings[0] and "{bucket}" in warnings[0]


def test_left_out_strings_are_counted_in_the_summary(run, broken_root):
    result = compile_(run, broken_root)
    assert result.stdout == f"wrote {MO} (20 translated messages, 1 left out)\n"


def test_strict_refuses_a_catalog_with_an_error_and_writes_no_mo(run, broken_root):
    result = i18n(run, broken_root, "compile", "--strict")
    assert result.exit_code == 1
    assert not (broken_root / MO).exists()
    assert ": error: " in result.stderr and BROKEN in result.stderr


def test_strict_compiles_a_clean_catalog(run, root):
    result = i18n(run, root, "compile", "--strict")
    assert result.exit_code == 0, result.output
    assert (root / MO).is_file()

