"""`localize(pack, root, locale)`: the pack in one locale, for diagrams, the bundle and the preview.
A text is translated when compile would ship its translation; otherwise it is the source text and
its key is in the missing list (missing, fuzzy, or with an error-level problem)."""

from __future__ import annotations

import json

import pytest
from conftest import edit
from i18n_support import EN, JA, po_file, translated_root

import authoring.lint  # noqa: F401  (registers the structural check valid_pack runs)
from authoring.config import Config
from authoring.errors import InputError
from authoring.i18n import localize
from authoring.project import valid_pack

HINT = "task/enable-versioning/hint/1"
FAIL = "task/enable-versioning/validator/versioning-enabled/fail_message"
LABEL = "architecture/component/site-bucket/label"


def localized(root, locale="ja"):
    return localize(valid_pack(root / "packs" / "clean", root, Config()), root, locale)


def flag_fuzzy(root, context: str) -> None:
    path = po_file(root)
    text = path.read_text(encoding="utf-8")
    line = f'msgctxt "{context}"\n'
    assert text.count(line) == 1
    path.write_text(text.replace(line, "#, fuzzy\n" + line), encoding="utf-8")


def test_every_text_is_translated_when_the_catalog_is_complete(copy_pack, run):
    result = localized(translated_root(copy_pack, run))
    assert dict(result.texts) == JA and result.missing == () and result.missing_units == ()


def test_the_source_locale_gives_the_source_text(copy_pack, run):
    result = localized(translated_root(copy_pack, run), "en")
    assert dict(result.texts) == EN and result.locale == "en" and result.missing == ()


def test_no_locale_gives_the_source_text(copy_pack, run):
    assert dict(localized(translated_root(copy_pack, run), None).texts) == EN


def test_a_locale_without_a_catalog_is_all_source_text_and_all_missing(copy_pack):
    root = copy_pack("clean").parent.parent
    result = localized(root)
    assert dict(result.texts) == EN and result.missing == tuple(EN)


def test_an_untranslated_text_falls_back_to_the_source(copy_pack, run):
    result = localized(translated_root(copy_pack, run, skip=[HINT]))
    assert result.text(HINT) == EN[HINT] and result.missing == (HINT,)


def test_a_fuzzy_translation_falls_back_to_the_source(copy_pack, run):
    root = translated_root(copy_pack, run)
    flag_fuzzy(root, LABEL)
    result = localized(root)
    assert result.text(LABEL) == EN[LABEL] and result.missing == (LABEL,)


def test_a_translation_with_an_error_falls_back_to_the_source(copy_pack, run):
    broken = JA[FAIL].replace("{site_bucket}", "{bucket}")  # a placeholder the exam does not fill
    result = localized(translated_root(copy_pack, run, strings={FAIL: broken}))
    assert result.text(FAIL) == EN[FAIL] and result.missing == (FAIL,)


def test_the_missing_units_name_each_unit_once(copy_pack, run):
    result = localized(translated_root(copy_pack, run, skip=[HINT, FAIL, LABEL]))
    assert result.missing_units == ("architecture", "task/enable-versioning")


@pytest.mark.parametrize("locale", ["JA", "ja"])
def test_the_locale_is_given_in_its_canonical_form(copy_pack, run, locale):
    assert localized(translated_root(copy_pack, run), locale).locale == "ja"


def test_as_dict_is_json_with_the_texts_in_their_places(copy_pack, run):
    content = json.loads(json.dumps(localized(translated_root(copy_pack, run, skip=[HINT])).as_dict()))
    task = content["tasks"]["enable-versioning"]
    assert content["title"] == JA["pack/title"]
    assert content["architecture"]["components"]["site-bucket"] == JA[LABEL]
    assert content["architecture"]["connections"]["visitor/site-bucket"] == JA[
        "architecture/connection/visitor/site-bucket/label"]
    assert task["hints"] == [EN[HINT], JA["task/enable-versioning/hint/2"]]
    assert task["objectives"] == [JA["task/enable-versioning/objective/1"]]
    assert task["validators"]["versioning-enabled"] == JA[FAIL]
    assert content["missing"] == [HINT] and content["missing_units"] == ["task/enable-versioning"]


def test_a_pack_locale_babel_does_not_know_is_an_input_error(copy_pack):
    root = copy_pack("clean").parent.parent
    edit(root / "packs" / "clean" / "pack.yaml", "source_locale: en", "source_locale: qq")
    with pytest.raises(InputError, match="unknown locale `qq`"):
        localized(root)
