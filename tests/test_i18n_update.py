"""`mcx-author i18n update`: creating PO files and merging them by msgctxt without losing a translation."""

from __future__ import annotations

import re
import stat

import pytest
from babel import Locale
from babel.messages.plurals import get_plural
from conftest import edit
from i18n_support import (
    EN,
    JA,
    VERSIONING,
    WEBSITE,
    active,
    header,
    i18n,
    msgfmt_check,
    obsolete,
    parse_po,
    po_file,
    stray_files,
    translate,
    translated_root,
)

HINT = "task/enable-website/hint/2"
OLD_HINT = "The index document is `index.html`."
NEW_HINT = "The index document must be `index.html`."
WEBSITE_CONTEXTS = [c for c in EN if c.startswith("task/enable-website/")]


@pytest.fixture
def root(copy_pack, run, monkeypatch):
    """The clean pack with its Japanese catalog fully translated."""
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    return translated_root(copy_pack, run)


def update(run, root, *args):
    result = i18n(run, root, "update", *args)
    assert result.exit_code == 0, result.output
    return result


def change_hint(root):
    edit(root / "packs/clean" / WEBSITE, OLD_HINT, NEW_HINT)


def unlist_website(root):
    edit(root / "packs/clean/pack.yaml", "  - enable-website\n", "")


# --- creating catalogs ----------------------------------------------------------------------------


def test_update_creates_a_catalog_for_every_declared_locale(copy_pack, run):
    pack = copy_pack("clean")
    edit(pack / "pack.yaml", "  ja: {required: true}\n", "  ja: {required: true}\n  fr: {required: false}\n")
    root = pack.parent.parent
    update(run, root)
    for locale in ("ja", "fr"):
        entries = active(po_file(root, locale))
        assert {c: e.msgid for c, e in entries.items()} == EN
        assert all(e.msgstr == "" for e in entries.values())


def test_update_with_locale_creates_only_that_catalog(copy_pack, run):
    root = copy_pack("clean").parent.parent
    result = update(run, root, "--locale", "fr", "--add-locale")
    assert po_file(root, "fr").is_file()
    assert not po_file(root, "ja").exists()
    assert result.stdout == "updated locales/fr/LC_MESSAGES/clean.po: 21 new\n"


def test_japanese_header_has_language_and_one_plural_form(copy_pack, run):
    root = copy_pack("clean").parent.parent
    update(run, root)
    _, fields = header(po_file(root))
    assert fields["Language"] == "ja"
    assert fields["Plural-Forms"] == "nplurals=1; plural=0;"


def test_plural_forms_header_comes_from_babels_data_for_the_locale(copy_pack, run):
    root = copy_pack("clean").parent.parent
    update(run, root, "--locale", "fr", "--add-locale")
    _, fields = header(po_file(root, "fr"))
    assert fields["Language"] == "fr"
    assert fields["Plural-Forms"] == get_plural(Locale.parse("fr")).plural_forms


def test_new_catalog_is_not_fuzzy(copy_pack, run):
    root = copy_pack("clean").parent.parent
    update(run, root)
    entry, _ = header(po_file(root))
    assert "fuzzy" not in entry.flags


def test_new_catalog_keeps_the_notes_locations_and_flags_of_the_template(copy_pack, run):
    root = copy_pack("clean").parent.parent
    i18n(run, root, "extract")
    update(run, root)
    pot, po = active(root / "locales/clean.pot"), active(po_file(root))
    for context in EN:
        assert (po[context].notes, po[context].locations, po[context].flags) == (
            pot[context].notes, pot[context].locations, pot[context].flags), context


def test_update_with_unknown_locale_exits_2_with_one_line(copy_pack, run):
    root = copy_pack("clean").parent.parent
    result = i18n(run, root, "update", "--locale", "xx-nope")
    assert result.exit_code == 2
    assert result.stderr.count("\n") == 1 and "xx-nope" in result.stderr
    assert "Traceback" not in result.output
    assert not (root / "locales").exists()


# --- merging: same key ----------------------------------------------------------------------------


def test_same_key_and_source_keeps_the_translation(run, root):
    update(run, root)
    entries = active(po_file(root))
    assert {c: e.msgstr for c, e in entries.items()} == JA
    assert not any("fuzzy" in e.flags for e in entries.values())


def test_changed_source_keeps_the_translation_as_fuzzy(run, root):
    change_hint(root)
    update(run, root)
    entry = active(po_file(root))[HINT]
    assert entry.msgid == NEW_HINT
    assert entry.msgstr == JA[HINT]
    assert "fuzzy" in entry.flags


def test_changed_source_keeps_the_old_source_in_previous_msgid(run, root):
    change_hint(root)
    update(run, root)
    assert active(po_file(root))[HINT].previous == OLD_HINT


def test_changed_source_is_counted_in_the_summary(run, root):
    change_hint(root)
    result = update(run, root)
    assert result.stdout == "updated locales/ja/LC_MESSAGES/clean.po: 0 new, 1 changed in the source (kept, fuzzy)\n"


def test_old_source_survives_a_second_update(run, root):
    change_hint(root)
    update(run, root)
    update(run, root)
    entry = active(po_file(root))[HINT]
    assert (entry.previous, entry.msgstr, "fuzzy" in entry.flags) == (OLD_HINT, JA[HINT], True)


def test_old_multi_line_source_survives_a_second_update(run, root):
    context = "task/enable-versioning/description"
    edit(root / "packs/clean" / VERSIONING, "by mistake.", "by accident.")
    update(run, root)
    update(run, root)
    entry = active(po_file(root))[context]
    assert entry.previous == EN[context]
    assert entry.comments == []


def test_old_long_source_survives_a_second_update(run, root):
    context = "task/enable-versioning/hint/2"
    edit(root / "packs/clean" / VERSIONING, "you want it `Enabled`.", "you want it to be `Enabled`.")
    update(run, root)
    update(run, root)
    assert active(po_file(root))[context].previous == EN[context]


def test_a_second_source_change_keeps_the_source_the_translation_was_made_for(run, root):
    change_hint(root)
    update(run, root)
    edit(root / "packs/clean" / WEBSITE, NEW_HINT, "The index document has to be `index.html`.")
    update(run, root)
    entry = active(po_file(root))[HINT]
    assert (entry.msgid, entry.previous, entry.msgstr) == ("The index document has to be `index.html`.", OLD_HINT, JA[HINT])


def test_translating_a_fuzzy_entry_makes_it_stay_translated(run, root):
    change_hint(root)
    update(run, root)
    translate(po_file(root), {HINT: "インデックスドキュメントは `index.html` でなければなりません。"})
    update(run, root)
    entry = active(po_file(root))[HINT]
    assert "fuzzy" not in entry.flags and entry.previous is None


def test_new_key_with_an_already_translated_english_is_filled_as_fuzzy(run, root):
    edit(root / "packs/clean" / VERSIONING, "    cost: 5\n", "    cost: 5\n  - text: The index document is `index.html`.\n")
    result = update(run, root)
    entry = active(po_file(root))["task/enable-versioning/hint/3"]
    assert (entry.msgstr, "fuzzy" in entry.flags) == (JA[HINT], True)
    assert "1 filled from identical text (fuzzy)" in result.stdout


def test_translator_comment_survives_update(run, root):
    po = po_file(root)
    text = po.read_text(encoding="utf-8")
    po.write_text(text.replace('msgctxt "pack/title"', '# 用語集の表記に合わせた\nmsgctxt "pack/title"', 1), encoding="utf-8")
    change_hint(root)
    update(run, root)
    assert active(po)["pack/title"].comments == ["用語集の表記に合わせた"]


def test_translator_header_fields_survive_update(run, root):
    po = po_file(root)
    text = po.read_text(encoding="utf-8")
    assert text.count('"Last-Translator: FULL NAME <EMAIL@ADDRESS>\\n"') == 1
    po.write_text(text.replace("FULL NAME <EMAIL@ADDRESS>", "Hanako Yamada <hanako@example.com>"), encoding="utf-8")
    change_hint(root)
    update(run, root)
    assert header(po)[1]["Last-Translator"] == "Hanako Yamada <hanako@example.com>"


def test_header_fields_babel_does_not_model_survive_update(run, root):
    po = po_file(root)
    text = po.read_text(encoding="utf-8")
    marker = '"Generated-By:'
    po.write_text(text.replace(marker, '"X-Generator: Poedit 3.4\\n"\n' + marker, 1), encoding="utf-8")
    change_hint(root)
    update(run, root)
    assert header(po)[1]["X-Generator"] == "Poedit 3.4"


def test_locale_written_with_a_hyphen_uses_the_gettext_directory(copy_pack, run):
    root = copy_pack("clean").parent.parent
    update(run, root, "--locale", "pt-BR", "--add-locale")
    update(run, root, "--locale", "pt_BR")
    assert po_file(root, "pt_BR").is_file()
    assert not (root / "locales" / "pt-BR").exists()


# --- merging: keys that disappear -----------------------------------------------------------------


def test_vanished_keys_are_kept_obsolete_with_their_translations(run, root):
    unlist_website(root)
    result = update(run, root)
    gone = obsolete(po_file(root))
    assert {c: e.msgstr for c, e in gone.items()} == {c: JA[c] for c in WEBSITE_CONTEXTS}
    assert set(active(po_file(root))) == set(EN) - set(WEBSITE_CONTEXTS)
    assert "7 no longer in the source (kept as obsolete)" in result.stdout


def test_obsolete_entries_stay_through_further_updates(run, root):
    unlist_website(root)
    update(run, root)
    change_hint_elsewhere = ("Look at the bucket's **Properties** tab.", "Open the bucket's **Properties** tab.")
    edit(root / "packs/clean" / VERSIONING, *change_hint_elsewhere)
    update(run, root)
    assert set(obsolete(po_file(root))) == set(WEBSITE_CONTEXTS)


def test_purge_obsolete_deletes_the_obsolete_entries_only(run, root):
    unlist_website(root)
    update(run, root)
    result = update(run, root, "--purge-obsolete")
    assert obsolete(po_file(root)) == {}
    assert {c: e.msgstr for c, e in active(po_file(root)).items()} == {c: JA[c] for c in EN if c not in WEBSITE_CONTEXTS}
    assert "7 obsolete purged" in result.stdout


def test_without_purge_nothing_is_deleted(run, root):
    unlist_website(root)
    update(run, root)
    update(run, root)
    assert len(obsolete(po_file(root))) == len(WEBSITE_CONTEXTS)


def test_key_that_comes_back_gets_its_translation_back(run, root):
    unlist_website(root)
    update(run, root)
    edit(root / "packs/clean/pack.yaml", "  - enable-versioning\n", "  - enable-versioning\n  - enable-website\n")
    update(run, root)
    entries = active(po_file(root))
    assert {c: entries[c].msgstr for c in WEBSITE_CONTEXTS} == {c: JA[c] for c in WEBSITE_CONTEXTS}
    assert not any("fuzzy" in entries[c].flags for c in WEBSITE_CONTEXTS)
    assert obsolete(po_file(root)) == {}


def test_fuzzy_translation_that_goes_obsolete_and_comes_back_is_still_fuzzy(run, root):
    change_hint(root)
    update(run, root)  # the hint's translation is fuzzy now: it translates the old English
    unlist_website(root)
    update(run, root)
    edit(root / "packs/clean/pack.yaml", "  - enable-versioning\n", "  - enable-versioning\n  - enable-website\n")
    update(run, root)
    entry = active(po_file(root))[HINT]
    assert (entry.msgid, entry.msgstr) == (NEW_HINT, JA[HINT])
    assert "fuzzy" in entry.flags



# --- merging: translations follow their English when it moves to another key --------------------

V_HINT1, V_HINT2 = "task/enable-versioning/hint/1", "task/enable-versioning/hint/2"
FIRST_HINT = "  - text: Look at the bucket's **Properties** tab.\n"
BROWSES = "architecture/connection/visitor/site-bucket/label"
CONNECTION = "    - {from: visitor, to: site-bucket, label: browses}\n"
SECOND = "    - {from: visitor, to: site-bucket, label: reads pages from}\n"


def delete_first_hint(root):
    edit(root / "packs/clean" / VERSIONING, FIRST_HINT, "")


def test_deleting_the_first_hint_moves_the_second_hints_translation_with_its_english(run, root):
    delete_first_hint(root)
    update(run, root)
    entry = active(po_file(root))[V_HINT1]
    assert (entry.msgid, entry.msgstr) == (EN[V_HINT2], JA[V_HINT2])
    assert "fuzzy" not in entry.flags


def test_deleting_the_first_hint_keeps_its_own_translation_as_obsolete(run, root):
    delete_first_hint(root)
    update(run, root)
    gone = [e for e in parse_po(po_file(root).read_text(encoding="utf-8")) if e.obsolete]
    assert [(e.msgctxt, e.msgid, e.msgstr) for e in gone] == [(V_HINT1, EN[V_HINT1], JA[V_HINT1])]


def test_a_translation_moved_with_its_english_is_counted_in_the_summary(run, root):
    delete_first_hint(root)
    result = update(run, root)
    assert "1 moved with their English (kept)" in result.stdout


def test_swapping_two_hints_keeps_both_translations_exact(run, root):
    text = (root / "packs/clean" / VERSIONING).read_text(encoding="utf-8")
    second = "  - text: Versioning, once turned on, can only be suspended; you want it `Enabled`.\n    cost: 5\n"
    edit(root / "packs/clean" / VERSIONING, FIRST_HINT + second, second + FIRST_HINT)
    update(run, root)
    entries = active(po_file(root))
    assert (entries[V_HINT1].msgstr, entries[V_HINT2].msgstr) == (JA[V_HINT2], JA[V_HINT1])
    assert not ({"fuzzy"} & (entries[V_HINT1].flags | entries[V_HINT2].flags))
    assert obsolete(po_file(root)) == {}
    assert text != (root / "packs/clean" / VERSIONING).read_text(encoding="utf-8")


def test_restoring_a_deleted_first_hint_gives_both_hints_their_translations_back(run, root):
    delete_first_hint(root)
    update(run, root)
    edit(root / "packs/clean" / VERSIONING, "hints:\n", "hints:\n" + FIRST_HINT)
    update(run, root)
    entries = active(po_file(root))
    assert (entries[V_HINT1].msgstr, entries[V_HINT2].msgstr) == (JA[V_HINT1], JA[V_HINT2])
    assert not ({"fuzzy"} & (entries[V_HINT1].flags | entries[V_HINT2].flags))
    assert obsolete(po_file(root)) == {}


def test_deleting_the_first_of_two_connections_moves_the_label_translation(copy_pack, run, monkeypatch):
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    second = "architecture/connection/visitor/site-bucket/2/label"
    root = translated_root(copy_pack, run, sources=[("pack.yaml", CONNECTION, CONNECTION + SECOND)],
                           strings={second: "ページを読み込む"})
    edit(root / "packs/clean/pack.yaml", CONNECTION, "")
    update(run, root)
    entry = active(po_file(root))[BROWSES]
    assert (entry.msgid, entry.msgstr, "fuzzy" in entry.flags) == ("reads pages from", "ページを読み込む", False)
    assert {e.msgstr for e in obsolete(po_file(root)).values()} == {JA[BROWSES]}


def test_an_english_still_translated_in_its_own_place_is_only_a_fuzzy_suggestion_elsewhere(run, root):
    edit(root / "packs/clean" / VERSIONING, FIRST_HINT, "  - text: The index document is `index.html`.\n")
    update(run, root)
    entry = active(po_file(root))[V_HINT1]
    assert (entry.msgstr, "fuzzy" in entry.flags) == (JA[V_HINT1], True)
    assert entry.previous == EN[V_HINT1]


TURN_ON = "Turn it on, then save the change."


def test_two_translations_left_under_one_key_and_english_are_both_kept_obsolete(run, root):
    # what test_no_translation_is_ever_lost hit: hint 2's translation, fuzzy under new English, is displaced
    # by that English's own translation moving in, then the hint goes: both are left for one msgctxt and msgid
    website = root / "packs/clean" / WEBSITE
    edit(website, OLD_HINT, TURN_ON)
    update(run, root)  # hint 2: JA[HINT], fuzzy under TURN_ON
    edit(website, "hints:\n", f"hints:\n  - text: {TURN_ON}\n")
    update(run, root)  # hint 2 gets the Properties hint (moved); the fuzzy JA[HINT] is obsolete
    translate(po_file(root), {"task/enable-website/hint/1": "設定を有効にして保存してください。"})
    edit(website, f"hints:\n  - text: {TURN_ON}\n", "hints:\n")
    update(run, root)  # TURN_ON moves to hint 2 with its translation; JA[HINT] stays obsolete there
    edit(website, f"  - text: {TURN_ON}\n", "")
    update(run, root)
    kept = {e.msgstr for e in parse_po(po_file(root).read_text(encoding="utf-8")) if e.obsolete}
    assert {JA[HINT], "設定を有効にして保存してください。"} <= kept

# --- no change, no bytes ----------------------------------------------------------------------------


def test_update_without_source_change_changes_no_byte_and_says_unchanged(run, root):
    update(run, root)  # the translator's editor wrote its own layout; the tool's layout from here on
    before = po_file(root).read_bytes()
    result = update(run, root)
    assert po_file(root).read_bytes() == before
    assert result.stdout == "unchanged locales/ja/LC_MESSAGES/clean.po: 0 new\n"


def test_update_of_a_catalog_with_fuzzy_and_obsolete_entries_is_stable(run, root):
    change_hint(root)
    edit(root / "packs/clean" / VERSIONING, "by mistake.", "by accident.")
    edit(root / "packs/clean/pack.yaml", "    - {id: visitor, label: Visitor, kind: actor}\n",
         "    - {id: visitor, label: Visitor, kind: actor}\n    - {id: editor, label: Editor, kind: actor}\n")
    update(run, root)
    edit(root / "packs/clean/pack.yaml", "    - {id: visitor, label: Visitor, kind: actor}\n", "")
    edit(root / "packs/clean/pack.yaml", "    - {from: visitor, to: site-bucket, label: browses}\n",
         "    - {from: editor, to: site-bucket, label: uploads}\n")
    update(run, root)
    before = po_file(root).read_bytes()
    result = update(run, root)
    assert po_file(root).read_bytes() == before
    assert result.stdout.startswith("unchanged ")



def test_update_leaves_a_catalog_alone_that_differs_only_in_generator_and_date(run, root):
    update(run, root)
    po = po_file(root)
    text = po.read_text(encoding="utf-8")
    text = re.sub(r'"Generated-By: [^"]*"', lambda _: '"Generated-By: Babel 0.9.6\\n"', text)
    text = re.sub(r'"POT-Creation-Date: [^"]*"', lambda _: '"POT-Creation-Date: 2024-05-01 12:00+0000\\n"', text)
    po.write_text(text, encoding="utf-8")
    result = update(run, root)
    assert result.stdout.startswith("unchanged ")
    assert po.read_text(encoding="utf-8") == text

# --- files ------------------------------------------------------------------------------------------


def test_update_leaves_no_temporary_files(run, root):
    change_hint(root)
    update(run, root)
    unlist_website(root)
    update(run, root)
    assert stray_files(root) == []


def test_update_keeps_the_mode_of_the_file_it_rewrites(run, root):
    po = po_file(root)
    po.chmod(0o644)
    change_hint(root)
    update(run, root)
    assert stat.S_IMODE(po.stat().st_mode) == 0o644


# --- GNU gettext accepts what update writes ----------------------------------------------------------



def test_msgfmt_accepts_a_new_catalog(copy_pack, run):
    root = copy_pack("clean").parent.parent
    update(run, root)
    result = msgfmt_check(po_file(root))
    assert result.returncode == 0, result.stderr


def test_msgfmt_accepts_a_translated_catalog(run, root):
    update(run, root)
    result = msgfmt_check(po_file(root))
    assert result.returncode == 0, result.stderr


def test_msgfmt_accepts_a_catalog_with_fuzzy_and_obsolete_entries(run, root):
    change_hint(root)
    unlist_website(root)
    edit(root / "packs/clean" / VERSIONING, "Look at the bucket's **Properties** tab.", "Open the bucket's **Properties** tab.")
    update(run, root)
    text = po_file(root).read_text(encoding="utf-8")
    assert "#, fuzzy" in text and "#~ msgctxt" in text and "#| msgid" in text
    result = msgfmt_check(po_file(root))
    assert result.returncode == 0, result.stderr


def test_msgfmt_accepts_a_fuzzy_entry_whose_old_source_was_long(run, root):
    edit(root / "packs/clean" / VERSIONING, "you want it `Enabled`.", "you want it to be `Enabled`.")
    update(run, root)
    result = msgfmt_check(po_file(root))
    assert result.returncode == 0, result.stderr


def test_msgfmt_accepts_a_fuzzy_entry_whose_old_source_had_two_lines(run, root):
    edit(root / "packs/clean" / VERSIONING, "by mistake.", "by accident.")
    update(run, root)
    result = msgfmt_check(po_file(root))
    assert result.returncode == 0, result.stderr


def test_msgfmt_accepts_a_catalog_after_purge(run, root):
    unlist_website(root)
    update(run, root)
    update(run, root, "--purge-obsolete")
    result = msgfmt_check(po_file(root))
    assert result.returncode == 0, result.stderr


# --- broken catalogs: reported, never rewritten -----------------------------------------------------


@pytest.mark.parametrize("command", ["update", "report", "compile"])
def test_malformed_po_line_is_reported_at_its_line_and_the_file_is_left_alone(run, root, command):
    po = po_file(root)
    text = po.read_text(encoding="utf-8") + 'msgid "stray"\nmsgstr "unterminated\n'
    po.write_text(text, encoding="utf-8")
    line = text.count("\n")  # the unterminated msgstr is the last line
    result = i18n(run, root, command)
    assert result.exit_code == 1
    assert f"locales/ja/LC_MESSAGES/clean.po:{line}:1: malformed PO line" in result.stderr
    assert po.read_text(encoding="utf-8") == text


def test_po_that_is_not_utf8_is_reported_at_the_bad_byte(run, root):
    po = po_file(root)
    data = po.read_bytes()
    lines = data.count(b"\n")
    po.write_bytes(data + "日本".encode() + b"\xff\n")
    result = i18n(run, root, "report")
    assert result.exit_code == 1
    assert f"clean.po:{lines + 1}:3: not valid UTF-8" in result.stderr
