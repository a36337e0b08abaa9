"""`mcx-author i18n report`: counts per locale and pack, the units not fully translated, quality
checks on real Japanese translations, gates and exit codes, text and JSON output."""

from __future__ import annotations

import json
import re

import pytest
from conftest import edit
from i18n_support import (
    EN,
    JA,
    VERSIONING,
    WEBSITE,
    active,
    i18n,
    po_file,
    report_json,
    translate,
    translated_root,
)

WEBSITE_CONTEXTS = [c for c in EN if c.startswith("task/enable-website/")]
HINT1 = "task/enable-versioning/hint/1"
OLD_HINT1 = "  - text: Look at the bucket's **Properties** tab.\n"
REGION = "architecture/group/region/label"


@pytest.fixture
def build(copy_pack, run, monkeypatch):
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)

    def make(**kwargs):
        return translated_root(copy_pack, run, **kwargs)

    return make


def with_hint(source: str, japanese: str) -> dict:
    """Arguments for `build`: the first hint of enable-versioning says `source`, translated as `japanese`."""
    quoted = "'" + source.replace("'", "''") + "'"
    return {"sources": [(VERSIONING, OLD_HINT1, f"  - text: {quoted}\n")], "strings": {HINT1: japanese}}


def problems(data: dict) -> list[tuple[str, str, str]]:
    return [(p["check"], p["severity"], p["msgctxt"]) for p in data["problems"]]


# --- the "done when" scenario ---------------------------------------------------------------------


def test_one_untranslated_task_fails_and_is_named(run, build):
    root = build(skip=WEBSITE_CONTEXTS)
    code, data = report_json(run, root)
    assert code == 1
    assert data["incomplete_units"] == ["task/enable-website"]
    assert (data["total"], data["translated"], data["fuzzy"], data["untranslated"]) == (21, 14, 0, 7)
    assert data["percent"] == 66.7
    assert data["problems"] == []


def test_fully_translated_pack_passes_with_no_problems(run, build):
    code, data = report_json(run, build())
    assert code == 0
    assert (data["total"], data["translated"], data["fuzzy"], data["untranslated"], data["obsolete"]) == (21, 21, 0, 0, 0)
    assert data["percent"] == 100.0
    assert data["incomplete_units"] == []
    assert data["problems"] == []


def test_renamed_placeholder_is_an_error(run, build):
    context = "task/enable-versioning/validator/versioning-enabled/fail_message"
    root = build(strings={context: "`{bucket}` でバージョニングが有効になっていません。"})
    code, data = report_json(run, root)
    assert code == 1
    assert ("placeholder", "error", context) in problems(data)
    found = next(p for p in data["problems"] if p["check"] == "placeholder")
    assert found["unit"] == "task/enable-versioning"
    assert "{site_bucket}" in found["message"]


def test_translated_code_span_is_an_error(run, build):
    context = "task/enable-versioning/hint/2"
    root = build(strings={context: "バージョニングは一度有効にすると、以後は一時停止しかできません。`有効` にしてください。"})
    code, data = report_json(run, root)
    assert code == 1
    assert problems(data) == [("code-span", "error", context)]
    assert "Enabled" in data["problems"][0]["message"]


def test_translated_product_name_is_an_error(run, build):
    root = build(strings={"pack/title": "アマゾン S3 で静的ウェブサイトを公開する"})
    code, data = report_json(run, root)
    assert code == 1
    assert problems(data) == [("glossary", "error", "pack/title")]
    assert "Amazon S3" in data["problems"][0]["message"]


def test_english_leftover_is_an_error_and_counts_as_untranslated(run, build):
    context = "task/enable-versioning/title"
    root = build(strings={context: EN[context]})
    code, data = report_json(run, root)
    assert code == 1
    assert problems(data) == [("unchanged", "error", context)]
    assert (data["translated"], data["untranslated"]) == (20, 1)
    assert data["incomplete_units"] == ["task/enable-versioning"]


def test_changed_source_after_update_counts_as_fuzzy_not_translated(run, build):
    root = build()
    edit(root / "packs/clean" / WEBSITE, "The index document is `index.html`.", "The index document must be `index.html`.")
    assert i18n(run, root, "update").exit_code == 0
    code, data = report_json(run, root)
    assert code == 1
    assert (data["translated"], data["fuzzy"], data["untranslated"]) == (20, 1, 0)
    assert data["percent"] == 95.2
    assert data["incomplete_units"] == ["task/enable-website"]
    assert active(po_file(root))["task/enable-website/hint/2"].msgstr == JA["task/enable-website/hint/2"]


def test_changed_source_before_update_counts_as_fuzzy(run, build):
    root = build()
    edit(root / "packs/clean" / WEBSITE, "The index document is `index.html`.", "The index document must be `index.html`.")
    code, data = report_json(run, root)
    assert code == 1
    assert (data["translated"], data["fuzzy"]) == (20, 1)


# --- counts -----------------------------------------------------------------------------------------


def test_characters_to_translate_are_the_english_lengths_of_the_missing_strings(run, build):
    root = build(skip=WEBSITE_CONTEXTS)
    _, data = report_json(run, root)
    assert data["characters"] == sum(len(EN[c]) for c in WEBSITE_CONTEXTS)


def test_obsolete_entries_are_counted(run, build):
    root = build()
    edit(root / "packs/clean/pack.yaml", "  - enable-website\n", "")
    assert i18n(run, root, "update").exit_code == 0
    code, data = report_json(run, root)
    assert (data["total"], data["translated"], data["obsolete"]) == (14, 14, 7)
    assert code == 0


def test_untranslated_pack_and_architecture_strings_name_those_units(run, build):
    root = build(skip=["pack/summary", "architecture/component/visitor/label"])
    _, data = report_json(run, root)
    assert data["incomplete_units"] == ["pack", "architecture"]


def test_missing_catalog_counts_everything_untranslated(copy_pack, run):
    root = copy_pack("clean").parent.parent
    code, data = report_json(run, root)
    assert code == 1
    assert (data["total"], data["untranslated"], data["percent"]) == (21, 21, 0.0)
    assert data["incomplete_units"] == ["pack", "architecture", "task/enable-versioning", "task/enable-website"]


# --- checks: each fires on a bad translation and is silent on a good one ---------------------------

PLACEHOLDER_CONTEXT = "task/enable-website/validator/index-document-exists/fail_message"


@pytest.mark.parametrize("japanese, fires", [
    ("インデックスドキュメント `{index_key}` が `{site_bucket}` にありません。", False),
    ("`{site_bucket}` にインデックスドキュメント `{index_key}` がありません。", False),  # reordered: fine
    ("インデックスドキュメント `{key}` が `{site_bucket}` にありません。", True),  # renamed
    ("インデックスドキュメントが `{site_bucket}` にありません。", True),  # missing
], ids=["good", "reordered", "renamed", "missing"])
def test_placeholder_check(run, build, japanese, fires):
    _, data = report_json(run, build(strings={PLACEHOLDER_CONTEXT: japanese}))
    assert (("placeholder", "error", PLACEHOLDER_CONTEXT) in problems(data)) is fires


CODE_CASES = {
    "backticks": ("Versioning, once turned on, can only be suspended; you want it `Enabled`.",
                  "バージョニングは一度有効にすると、以後は一時停止しかできません。`Enabled` にしてください。",
                  "バージョニングは一度有効にすると、以後は一時停止しかできません。`有効` にしてください。"),
    "url": ("Read https://docs.aws.amazon.com/AmazonS3/latest/userguide/Versioning.html first.",
            "最初に https://docs.aws.amazon.com/AmazonS3/latest/userguide/Versioning.html を読んでください。",
            "最初に https://docs.aws.amazon.com/ja_jp/AmazonS3/latest/userguide/Versioning.html を読んでください。"),
    "arn": ("Allow arn:aws:s3:::mcx-clean-logs in the bucket policy.",
            "バケットポリシーで arn:aws:s3:::mcx-clean-logs を許可してください。",
            "バケットポリシーで arn:aws:s3:::mcx-clean-ログ を許可してください。"),
    "cli-flag": ("Copy the old pages with --recursive before you start.",
                 "始める前に、--recursive を付けて古いページをコピーしてください。",
                 "始める前に、--再帰 を付けて古いページをコピーしてください。"),
}


@pytest.mark.parametrize("case", CODE_CASES)
def test_code_span_check_is_silent_on_a_kept_token(run, build, case):
    source, right, _ = CODE_CASES[case]
    _, data = report_json(run, build(**with_hint(source, right)))
    assert data["problems"] == []


@pytest.mark.parametrize("case", CODE_CASES)
def test_code_span_check_fires_on_a_changed_token(run, build, case):
    source, _, wrong = CODE_CASES[case]
    code, data = report_json(run, build(**with_hint(source, wrong)))
    assert problems(data) == [("code-span", "error", HINT1)]
    assert code == 1


def test_translation_keeping_a_long_cli_flag_is_not_unchanged(run, build):
    source = "Pass --versioning-configuration to the command."
    _, data = report_json(run, build(**with_hint(source, "コマンドに --versioning-configuration を渡してください。")))
    assert data["problems"] == []


def test_code_span_check_catches_an_arn_changed_at_its_end(run, build):
    source = "Allow arn:aws:s3:::mcx-clean-logs in the bucket policy."
    _, data = report_json(run, build(**with_hint(source, "バケットポリシーで arn:aws:s3:::mcx-clean-logs-old を許可してください。")))
    assert problems(data) == [("code-span", "error", HINT1)]


GLOSSARY_CASES = {
    "AWS Lambda": ("Later tasks call AWS Lambda from this page.",
                   "後のタスクでは、このページから AWS Lambda を呼び出します。",
                   "後のタスクでは、このページから AWS ラムダを呼び出します。"),
    "DynamoDB": ("Form entries will go to DynamoDB in a later task.",
                 "フォームの入力内容は、後のタスクで DynamoDB に保存されます。",
                 "フォームの入力内容は、後のタスクでダイナモDBに保存されます。"),
    "IAM": ("No IAM policy is needed for this step.",
            "この手順では IAM ポリシーは不要です。",
            "この手順ではアイアムポリシーは不要です。"),
    "Amazon S3": ("Versioning is a feature of Amazon S3 buckets.",
                  "バージョニングは Amazon S3 バケットの機能です。",
                  "バージョニングはアマゾン S3 バケットの機能です。"),
}


@pytest.mark.parametrize("term", GLOSSARY_CASES)
@pytest.mark.parametrize("good", [True, False], ids=["good", "bad"])
def test_glossary_check(run, build, term, good):
    source, right, wrong = GLOSSARY_CASES[term]
    _, data = report_json(run, build(**with_hint(source, right if good else wrong)))
    assert problems(data) == ([] if good else [("glossary", "error", HINT1)])
    if not good:
        assert f"`{term}`" in data["problems"][0]["message"]


SITE_BUILDER = ("Publish the pages with Site Builder.", "Site Builder でページを公開してください。",
                "サイトビルダーでページを公開してください。")


def test_glossary_term_from_mcx_toml_must_stay_unchanged(run, build):
    source, _, wrong = SITE_BUILDER
    root = build(toml='[i18n]\nglossary = ["Site Builder"]\n', **with_hint(source, wrong))
    code, data = report_json(run, root)
    assert code == 1
    assert problems(data) == [("glossary", "error", HINT1)]


def test_glossary_term_from_mcx_toml_kept_is_fine(run, build):
    source, right, _ = SITE_BUILDER
    root = build(toml='[i18n]\nglossary = ["Site Builder"]\n', **with_hint(source, right))
    code, data = report_json(run, root)
    assert (code, data["problems"]) == (0, [])


def test_glossary_term_not_configured_may_be_translated(run, build):
    source, _, wrong = SITE_BUILDER
    _, data = report_json(run, build(**with_hint(source, wrong)))
    assert data["problems"] == []


def test_glossary_check_leaves_ordinary_english_words_alone(run, build):
    _, data = report_json(run, build(**with_hint("Store the old pages in the bucket.", "古いページをバケットに保存してください。")))
    assert data["problems"] == []


UNCHANGED = "task/enable-versioning/description"


MOSTLY_ENGLISH = "Editors sometimes overwrite pages by mistake.\nTurn on versioning for `{site_bucket}` so that 古いページを復元できます。"


@pytest.mark.parametrize("japanese, fires", [
    (JA[UNCHANGED], False),
    (EN[UNCHANGED], True),  # the English itself
    (MOSTLY_ENGLISH, False),  # not the English: a warning below, not "unchanged"
], ids=["good", "equal-to-english", "mostly-latin"])
def test_unchanged_check(run, build, japanese, fires):
    _, data = report_json(run, build(strings={UNCHANGED: japanese}))
    assert (("unchanged", "error", UNCHANGED) in problems(data)) is fires
    assert data["untranslated"] == (1 if fires else 0)


def test_translation_left_mostly_in_english_is_a_warning(run, build):
    _, data = report_json(run, build(strings={UNCHANGED: MOSTLY_ENGLISH}))
    assert problems(data) == [("leftover", "warning", UNCHANGED)]
    assert "[i18n] glossary" in data["problems"][0]["message"]


def test_brand_name_kept_in_a_translation_is_not_reported(run, build):
    context = "architecture/component/site-bucket/label"
    root = build(sources=[("pack.yaml", "label: Site bucket", "label: Snapshot photo sharing")],
                 strings={context: "Snapshot 写真共有"})
    _, data = report_json(run, root)
    assert data["problems"] == []


def test_unchanged_message_says_how_to_declare_a_do_not_translate_term(run, build):
    context = "task/enable-versioning/title"
    _, data = report_json(run, build(strings={context: EN[context]}))
    message = data["problems"][0]["message"]
    assert "[i18n] glossary" in message and "mcx.toml" in message


def test_a_name_declared_in_the_glossary_may_stay_as_it_is(run, build):
    context = "architecture/component/visitor/label"
    _, data = report_json(run, build(strings={context: "Visitor"}, toml='[i18n]\nglossary = ["Visitor"]\n'))
    assert data["problems"] == []


def test_translation_that_keeps_only_names_and_code_is_not_unchanged(run, build):
    source = "Use `aws s3api put-bucket-versioning` with Amazon S3."
    _, data = report_json(run, build(**with_hint(source, "Amazon S3 では `aws s3api put-bucket-versioning` を使います。")))
    assert data["problems"] == []


def test_one_word_label_left_in_english_is_unchanged(run, build):
    context = "architecture/component/visitor/label"
    _, data = report_json(run, build(strings={context: "Visitor"}))
    assert ("unchanged", "error", context) in problems(data)


PUNCTUATION = "task/enable-versioning/objective/1"


@pytest.mark.parametrize("context, japanese, fires", [
    (PUNCTUATION, "`{site_bucket}` のバージョニングを有効にする。", False),
    (PUNCTUATION, "`{site_bucket}` のバージョニングを有効にする", True),  # `.` in English, nothing here
    (PUNCTUATION, "`{site_bucket}` のバージョニングを有効にする.", True),  # ASCII full stop
    (UNCHANGED, ("編集者がうっかりページを上書きしてしまうことがあります.\n"
                 "古いページを復元できるように、`{site_bucket}` のバージョニングを有効にしてください。"), True),
], ids=["good", "missing-full-stop", "ascii-full-stop", "ascii-full-stop-inside"])
def test_punctuation_check(run, build, context, japanese, fires):
    code, data = report_json(run, build(strings={context: japanese}))
    assert problems(data) == ([("punctuation", "warning", context)] if fires else [])
    assert code == 0  # a warning does not fail the gate


@pytest.mark.parametrize("japanese, fires", [
    ("バージョニングはもう有効ですか？", False),
    ("バージョニングはもう有効ですか?", True),
    ("バージョニングはもう有効ですか。", True),
], ids=["good", "ascii-question-mark", "full-stop"])
def test_question_mark_check(run, build, japanese, fires):
    _, data = report_json(run, build(**with_hint("Is versioning on already?", japanese)))
    assert problems(data) == ([("punctuation", "warning", HINT1)] if fires else [])


WHITESPACE = "task/enable-versioning/hint/1"


@pytest.mark.parametrize("japanese, fires", [
    ("バケットの **プロパティ** タブを確認してください。", False),
    ("バケットの **プロパティ** タブを  確認してください。", True),
    (" バケットの **プロパティ** タブを確認してください。", True),
    ("バケットの **プロパティ** タブを確認してください。 ", True),
], ids=["good", "double-space", "leading", "trailing"])
def test_whitespace_check(run, build, japanese, fires):
    code, data = report_json(run, build(strings={WHITESPACE: japanese}))
    assert problems(data) == ([("whitespace", "warning", WHITESPACE)] if fires else [])
    assert code == 0


LABEL_32 = "米国東部バージニア北部リージョン"  # 16 CJK characters: 32 columns
LABEL_34 = "米国東部バージニア北部リージョン群"  # 17 CJK characters: 34 columns
LABEL_38 = "米国東部バージニア北部リージョンの境界"  # 19 CJK characters: 38 columns


def test_label_of_32_columns_is_fine(run, build):
    _, data = report_json(run, build(strings={REGION: LABEL_32}))
    assert data["problems"] == []


def test_label_over_36_columns_is_a_width_warning_counting_cjk_as_two(run, build):
    code, data = report_json(run, build(strings={REGION: LABEL_38}))
    assert problems(data) == [("width", "warning", REGION)]
    assert "38" in data["problems"][0]["message"]
    assert code == 0


def test_label_of_34_columns_fits_the_default_width(run, build):
    _, data = report_json(run, build(strings={REGION: LABEL_34}))
    assert problems(data) == []


def test_cjk_characters_count_two_columns(run, build):
    # 17 characters are 34 columns: over a width of 32 set explicitly
    _, data = report_json(run, build(toml="[i18n]\nlabel_width = 32\n", strings={REGION: LABEL_34}))
    assert problems(data) == [("width", "warning", REGION)]


def test_sixteen_cjk_characters_fit_a_width_of_32(run, build):
    _, data = report_json(run, build(toml="[i18n]\nlabel_width = 32\n", strings={REGION: LABEL_32}))
    assert data["problems"] == []


def test_width_applies_to_diagram_labels_only(run, build):
    context = "task/enable-versioning/title"
    _, data = report_json(run, build(strings={context: LABEL_38 + "を保護する"}))
    assert data["problems"] == []


def test_label_width_from_mcx_toml_allows_wider_labels(run, build):
    _, data = report_json(run, build(toml="[i18n]\nlabel_width = 40\n", strings={REGION: LABEL_38}))
    assert data["problems"] == []


def test_label_width_from_mcx_toml_makes_labels_narrower(run, build):
    _, data = report_json(run, build(toml="[i18n]\nlabel_width = 20\n"))
    assert problems(data) == [("width", "warning", REGION)]  # 米国東部 (バージニア北部) is 25 columns


# --- gates and exit codes ---------------------------------------------------------------------------


def test_min_translated_option_lowers_the_gate(run, build):
    root = build(skip=WEBSITE_CONTEXTS)
    assert report_json(run, root, "--min-translated", "60")[0] == 0
    assert report_json(run, root, "--min-translated", "70")[0] == 1


def test_min_translated_in_mcx_toml_sets_the_gate(run, build):
    root = build(skip=WEBSITE_CONTEXTS, toml="[i18n.locales.ja]\nmin_translated = 60\n")
    assert report_json(run, root)[0] == 0


def test_min_translated_option_overrides_mcx_toml(run, build):
    root = build(skip=WEBSITE_CONTEXTS, toml="[i18n.locales.ja]\nmin_translated = 60\n")
    assert report_json(run, root, "--min-translated", "90")[0] == 1


def test_error_fails_even_above_the_gate(run, build):
    context = "task/enable-versioning/validator/versioning-enabled/fail_message"
    root = build(skip=WEBSITE_CONTEXTS, strings={context: "`{bucket}` でバージョニングが有効になっていません。"})
    assert report_json(run, root, "--min-translated", "50")[0] == 1


def test_gate_is_not_passed_by_rounding_up(run, build):
    root = build(skip=WEBSITE_CONTEXTS[:4])
    code, data = report_json(run, root, "--min-translated", "81")
    assert data["translated"] == 17
    assert code == 1


@pytest.fixture
def two_locales(build):
    """ja required and fully translated; fr optional, untranslated and with an English leftover."""
    root = build(sources=[("pack.yaml", "  ja: {required: true}\n", "  ja: {required: true}\n  fr: {required: false}\n")])
    translate(po_file(root, "fr"), {"task/enable-versioning/title": EN["task/enable-versioning/title"]})
    return root


def test_optional_locale_never_fails(run, two_locales):
    code, data = report_json(run, two_locales, locale="fr")
    assert code == 0
    assert data["translated"] == 0 and data["untranslated"] == 21
    assert [p["check"] for p in data["problems"]] == ["unchanged"]


def test_optional_locale_alone_never_fails(run, two_locales):
    assert report_json(run, two_locales, "--locale", "fr", locale="fr")[0] == 0


def test_undeclared_locale_is_reported_but_never_fails(run, build):
    assert report_json(run, build(), "--locale", "de", locale="de")[0] == 0


def test_locale_tag_in_another_case_is_still_the_required_locale(run, build):
    # `JA` is read as the canonical `ja`: the required locale, reported under its canonical tag
    assert report_json(run, build(skip=WEBSITE_CONTEXTS), "--locale", "JA", locale="ja")[0] == 1


def test_unknown_locale_exits_2_with_one_clear_line(run, build):
    result = i18n(run, build(), "report", "--locale", "xx-nope")
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr.count("\n") == 1
    assert "unknown locale `xx-nope`" in result.stderr
    assert "Traceback" not in result.output


def test_min_translated_out_of_range_exits_2(run, build):
    result = i18n(run, build(), "report", "--min-translated", "101")
    assert result.exit_code == 2
    assert "Traceback" not in result.output


# --- output ---------------------------------------------------------------------------------------


def test_json_has_the_documented_shape(run, build):
    root = build(skip=WEBSITE_CONTEXTS, strings={"pack/title": "アマゾン S3 で静的ウェブサイトを公開する"})
    result = i18n(run, root, "report", "--format", "json")
    data = json.loads(result.stdout)
    assert list(data) == ["locales"]
    assert list(data["locales"]) == ["ja"]
    assert list(data["locales"]["ja"]) == ["clean"]
    pack = data["locales"]["ja"]["clean"]
    for key in ("total", "translated", "fuzzy", "untranslated", "obsolete", "percent", "incomplete_units", "problems"):
        assert key in pack, key
    problem = pack["problems"][0]
    assert {k: problem[k] for k in ("check", "severity", "unit", "msgctxt")} == {
        "check": "glossary", "severity": "error", "unit": "pack", "msgctxt": "pack/title"}
    assert isinstance(problem["message"], str) and problem["message"]


def test_problem_line_points_at_the_entry_in_the_po_file(run, build):
    context = "task/enable-website/validator/index-document-exists/fail_message"
    root = build(strings={context: "インデックスドキュメント `{key}` が `{site_bucket}` にありません。"})
    assert i18n(run, root, "update").exit_code == 0  # the tool's own layout
    _, data = report_json(run, root)
    problem = data["problems"][0]
    assert problem["file"] == "locales/ja/LC_MESSAGES/clean.po"
    entry = active(po_file(root))[context]
    assert entry.start <= problem["line"] <= entry.end
    line = po_file(root).read_text(encoding="utf-8").splitlines()[problem["line"] - 1]
    assert line.startswith(("msgctxt", "msgid", "msgstr"))


TEXT_PROBLEM = re.compile(r"^(?P<file>[^:]+):(?P<line>\d+): (?P<severity>error|warning): (?P<check>[a-z-]+): "
                          r"(?P<unit>[^:]+): (?P<message>.+)$")


def test_text_output_is_a_table_per_locale_then_problem_lines(run, two_locales):
    translate(po_file(two_locales), {"pack/title": "アマゾン S3 で静的ウェブサイトを公開する"})
    result = i18n(run, two_locales, "report")
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    assert lines[0].startswith("ja: Japanese")
    assert re.match(r"^  pack\s+total\s+done\s+fuzzy\s+todo\s+obsolete\s+percent\s+status$", lines[1])
    assert re.match(r"^  clean\s+21\s+21\s+0\s+0\s+0\s+100\.0%\s+FAIL", lines[2])
    fr = lines.index(next(line for line in lines if line.startswith("fr: French")))
    assert re.match(r"^  clean\s+21\s+0\s+0\s+21\s+0\s+0\.0%\s+optional$", lines[fr + 2])
    found = [m.groupdict() for line in lines if (m := TEXT_PROBLEM.match(line))]
    assert [(p["file"], p["severity"], p["check"], p["unit"]) for p in found] == [
        ("locales/ja/LC_MESSAGES/clean.po", "error", "glossary", "pack"),
        ("locales/fr/LC_MESSAGES/clean.po", "error", "unchanged", "task/enable-versioning"),
    ]
    assert all(lines.index(line) > fr for line in lines if TEXT_PROBLEM.match(line))


def test_text_output_names_the_incomplete_task(run, build):
    result = i18n(run, build(skip=WEBSITE_CONTEXTS), "report")
    assert "not fully translated: task/enable-website" in result.stdout
    assert "FAIL (below 100%)" in result.stdout
