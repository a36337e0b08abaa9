"""`render-diagram --locale ja`: labels from the translated catalog, the English source (and a
warning naming the text) for what is untranslated or fuzzy, CJK font fallbacks, PNG and PDF."""

from __future__ import annotations

import pytest
from diagram_support import (
    PNG_SIGNATURE,
    SVG,
    by_id,
    png_size,
    render,
    render_ok,
    svg_of,
    svg_size_pt,
    texts,
)
from i18n_support import EN, JA, active, po_file, translated_root

SITE_BUCKET = "architecture/component/site-bucket/label"
KINSOKU_NOT_AT_LINE_START = "ーぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮヵヶ、。，．・：；？！）」』】〕］｝〉》"


@pytest.fixture
def build(copy_pack, run, monkeypatch):
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)

    def make(**kwargs):
        return translated_root(copy_pack, run, **kwargs) / "packs" / "clean"

    return make


@pytest.fixture
def ja_pack(build):
    return build()


def mark_fuzzy(root, context: str) -> None:
    """What `i18n update` does to a changed source: flag the entry fuzzy, keeping its msgstr."""
    path = po_file(root)
    line = f'msgctxt "{context}"\n'
    text = path.read_text(encoding="utf-8")
    assert text.count(line) == 1
    path.write_text(text.replace(line, "#, fuzzy\n" + line), encoding="utf-8")
    assert "fuzzy" in active(path)[context].flags and active(path)[context].msgstr == JA[context]


# --- translated labels --------------------------------------------------------------------------------


def test_japanese_component_label_is_drawn(run, ja_pack):
    node = by_id(svg_of(run, ja_pack, "--locale", "ja"), "node")["site-bucket"]
    assert texts(node)[0] == JA[SITE_BUCKET]  # サイト用バケット


def test_japanese_component_keeps_the_aws_service_name(run, ja_pack):
    node = by_id(svg_of(run, ja_pack, "--locale", "ja"), "node")["site-bucket"]
    assert texts(node)[1:] == ["Amazon S3"]


@pytest.mark.parametrize(
    "context",
    [
        "architecture/component/visitor/label",
        "architecture/group/aws-cloud/label",
        "architecture/group/region/label",
        "architecture/connection/visitor/site-bucket/label",
    ],
)
def test_japanese_architecture_text_is_drawn(run, ja_pack, context):
    drawn = texts(svg_of(run, ja_pack, "--locale", "ja"))
    assert JA[context] in drawn and EN[context] not in drawn


@pytest.mark.parametrize("task", ["enable-versioning", "enable-website"])
def test_japanese_task_title_is_drawn_in_the_tasks_view(run, ja_pack, task):
    lines = texts(by_id(svg_of(run, ja_pack, "--locale", "ja", "--view", "tasks"), "node")[task])
    assert "".join(lines[:-1]) == JA[f"task/{task}/title"]


def test_japanese_task_facts_are_not_in_english(run, ja_pack):
    facts = texts(by_id(svg_of(run, ja_pack, "--locale", "ja", "--view", "tasks"), "node")["enable-website"])[-1]
    assert "20" in facts and "15" in facts  # points, minutes
    assert "point" not in facts and "min" not in facts


def test_complete_catalog_gives_no_warning(run, ja_pack):
    result, _ = render(run, ja_pack, "--locale", "ja")
    assert result.exit_code == 0 and result.stderr == ""


def test_japanese_title_line_does_not_start_with_a_forbidden_character(run, build):
    pack = build(strings={"task/enable-website/title": "ショップのチャットをエージェントに接続する"})
    lines = texts(by_id(svg_of(run, pack, "--locale", "ja", "--view", "tasks"), "node")["enable-website"])[:-1]
    assert len(lines) > 1  # the premise: the title is wrapped
    assert not [line for line in lines[1:] if line[0] in KINSOKU_NOT_AT_LINE_START], lines


# --- what is not translated ---------------------------------------------------------------------------


@pytest.fixture(params=["missing", "fuzzy"])
def half_translated(request, build):
    """The ja catalog with the site bucket's label left untranslated, or translated but fuzzy."""
    if request.param == "missing":
        return build(skip=[SITE_BUCKET])
    pack = build()
    mark_fuzzy(pack.parent.parent, SITE_BUCKET)
    return pack


def test_untranslated_label_falls_back_to_english(run, half_translated):
    node = by_id(svg_of(run, half_translated, "--locale", "ja"), "node")["site-bucket"]
    assert texts(node)[0] == EN[SITE_BUCKET]


def test_untranslated_label_leaves_the_others_japanese(run, half_translated):
    node = by_id(svg_of(run, half_translated, "--locale", "ja"), "node")["visitor"]
    assert texts(node) == [JA["architecture/component/visitor/label"]]


def test_untranslated_label_is_named_in_a_warning(run, half_translated):
    result, _ = render(run, half_translated, "--locale", "ja")
    assert result.exit_code == 0, result.output
    assert "warning" in result.stderr and SITE_BUCKET in result.stderr, result.stderr
    assert "architecture/component/visitor/label" not in result.stderr


def test_untranslated_label_is_named_in_a_warning_of_all(run, half_translated):
    out = half_translated.parent.parent / "d"
    result = run("--root", out.parent, "render-diagram", half_translated, "--all", "--locale", "all", "-o", out)
    assert result.exit_code == 0, result.output
    assert SITE_BUCKET in result.stderr and (out / "ja" / "architecture.svg").is_file()


# --- fonts, PNG, PDF ------------------------------------------------------------------------------------


@pytest.mark.parametrize("view", ["architecture", "tasks"])
def test_every_text_lists_cjk_fonts_and_a_generic_fallback(run, ja_pack, view):
    svg = svg_of(run, ja_pack, "--locale", "ja", "--view", view)
    families = {t.get("font-family") for t in svg.iter(f"{SVG}text")}
    assert families and all("'Noto Sans CJK JP'" in f and f.endswith("sans-serif") for f in families), families


def test_japanese_png_is_a_png_the_size_of_the_svg(run, ja_pack):
    png = render_ok(run, ja_pack, "--locale", "ja", "--format", "png", name="ja.png")
    assert png[:8] == PNG_SIGNATURE
    width_pt, height_pt = svg_size_pt(svg_of(run, ja_pack, "--locale", "ja"))
    width, height = png_size(png)
    assert abs(width - width_pt * 96 / 72) <= 3 and abs(height - height_pt * 96 / 72) <= 3, (width, height)
    assert width > 300 and height > 150  # the clean pack: two components in two nested groups


def test_japanese_tasks_png_is_a_png(run, ja_pack):
    png = render_ok(run, ja_pack, "--locale", "ja", "--view", "tasks", "--format", "png", name="ja.png")
    assert png[:8] == PNG_SIGNATURE and min(png_size(png)) > 50


def test_japanese_pdf_is_a_pdf(run, ja_pack):
    assert render_ok(run, ja_pack, "--locale", "ja", "--format", "pdf", name="ja.pdf").startswith(b"%PDF-")


def test_japanese_and_english_pngs_differ(run, ja_pack):
    english = render_ok(run, ja_pack, "--format", "png", name="en.png")
    assert render_ok(run, ja_pack, "--locale", "ja", "--format", "png", name="ja.png") != english

