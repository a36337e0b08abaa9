"""Locale tags on the command line: did-you-mean for a wrong tag, and `i18n update` creating a
catalog only for a locale the pack declares unless told to (`--add-locale`)."""

from __future__ import annotations

import pytest
from conftest import edit
from i18n_support import active, i18n, po_file

from authoring.errors import UsageError
from authoring.i18n.locales import resolve_locale


@pytest.fixture
def root(copy_pack):
    """The clean pack, which declares `ja` only."""
    return copy_pack("clean").parent.parent


# --- the function the commands share ---------------------------------------------------------------


def test_country_code_suggests_the_language_of_that_country():
    with pytest.raises(UsageError, match=r"unknown locale `jp` \(did you mean `ja`\?\)"):
        resolve_locale("jp")


def test_near_spelling_of_a_declared_locale_is_suggested():
    with pytest.raises(UsageError, match=r"did you mean `pt_BR`\?"):
        resolve_locale("pt_BT", ["ja", "pt_BR"])


def test_unknown_tag_lists_the_declared_locales():
    with pytest.raises(UsageError, match=r"the pack declares: ja, pt_BR"):
        resolve_locale("xx-nope", ["ja", "pt_BR"])


def test_tag_is_returned_in_its_canonical_gettext_form():
    assert resolve_locale("pt-br", ["pt_BR"]) == "pt_BR"
    assert resolve_locale("JA", ["ja"]) == "ja"


def test_undeclared_locale_is_refused_when_it_must_be_declared():
    with pytest.raises(UsageError, match=r"`fr` is not declared by the pack \(it declares: ja\)"):
        resolve_locale("fr", ["ja"])


def test_undeclared_locale_is_accepted_when_it_need_not_be():
    assert resolve_locale("fr", ["ja"], must_be_declared=False) == "fr"


# --- the commands ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("command", ["update", "report", "compile"])
def test_jp_suggests_ja_in_one_line_with_exit_2(run, root, command):
    result = i18n(run, root, command, "--locale", "jp")
    assert result.exit_code == 2
    assert result.stderr.count("\n") == 1
    assert "did you mean `ja`?" in result.stderr
    assert "Traceback" not in result.output


def test_update_for_an_undeclared_locale_is_refused_with_the_declared_ones(run, root):
    result = i18n(run, root, "update", "--locale", "fr")
    assert result.exit_code == 2
    assert "`fr` is not declared" in result.stderr and "it declares: ja" in result.stderr
    assert "--add-locale" in result.stderr
    assert not (root / "locales").exists()


def test_update_with_add_locale_creates_the_catalog(run, root):
    result = i18n(run, root, "update", "--locale", "fr", "--add-locale")
    assert result.exit_code == 0, result.output
    assert set(active(po_file(root, "fr")))


def test_update_of_a_catalog_added_before_needs_no_add_locale(run, root):
    assert i18n(run, root, "update", "--locale", "fr", "--add-locale").exit_code == 0
    result = i18n(run, root, "update", "--locale", "fr")
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("unchanged locales/fr/LC_MESSAGES/clean.po")


def test_update_for_a_declared_locale_needs_no_add_locale(run, root):
    edit(root / "packs/clean/pack.yaml", "  ja: {required: true}\n", "  ja: {required: true}\n  fr: {required: false}\n")
    result = i18n(run, root, "update", "--locale", "fr")
    assert result.exit_code == 0, result.output
    assert po_file(root, "fr").is_file()


def test_add_locale_without_locale_is_a_usage_error(run, root):
    result = i18n(run, root, "update", "--add-locale")
    assert result.exit_code == 2
    assert "--add-locale" in result.stderr
