"""Diagrams a candidate can read in an exam screen's side panel: a shape that fits the panel, dimmed
tasks dimmed entirely, Japanese titles wrapped between words, edge labels clear of group borders,
and the output format that the file name asks for."""

from __future__ import annotations

import re
import subprocess
import unicodedata
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from diagram_support import PNG_SIGNATURE, SVG, bbox, by_id, gs, png_size, render, render_ok, svg_of, svg_size_pt, texts
from i18n_support import translated_root

REPO = Path(__file__).resolve().parent.parent
SAMPLES = ["serverless-web-app", "agentic-ai-app"]


@pytest.fixture
def shop(copy_pack):
    from diagram_support import make_shop

    return make_shop(copy_pack)


def sample(run, pack: str, *args) -> ET.Element:
    """A sample pack's diagram, rendered from the repository as a user would."""
    result = run("--root", REPO, "render-diagram", REPO / "packs" / pack, *args, "--format", "svg")
    assert result.exit_code == 0, result.output
    return ET.fromstring(result.stdout_bytes)


# --- the format the file name asks for -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "start"),
    [("x.png", PNG_SIGNATURE), ("x.pdf", b"%PDF-"), ("x.svg", b"<?xml"), ("x.dot", b"digraph"), ("x.gv", b"digraph")],
)
def test_format_follows_the_output_extension(run, shop, name, start):
    assert render_ok(run, shop, name=name).startswith(start)


def test_format_that_contradicts_the_extension_is_refused(run, shop):
    result, data = render(run, shop, "--format", "svg", name="x.png")
    assert result.exit_code == 2 and data is None
    assert len(result.stderr.strip().splitlines()) == 1 and "x.png" in result.stderr


@pytest.mark.parametrize(("fmt", "start"), [("png", PNG_SIGNATURE), ("pdf", b"%PDF-")])
def test_all_writes_every_variant_in_the_format_asked(run, shop, fmt, start):
    out = shop.parent.parent / "d"
    result = run("--root", out.parent, "render-diagram", shop, "--all", "--format", fmt, "-o", out)
    assert result.exit_code == 0, result.output
    names = {"architecture", "tasks", "task-enable-versioning", "task-enable-website"}
    assert {p.name for p in out.iterdir()} == {f"{n}.{fmt}" for n in names}
    assert all(p.read_bytes().startswith(start) for p in out.iterdir())


def test_all_png_variants_share_the_architecture_layout(run, shop):
    out = shop.parent.parent / "d"
    assert run("--root", out.parent, "render-diagram", shop, "--all", "--format", "png", "-o", out).exit_code == 0
    sizes = {png_size(p.read_bytes()) for p in out.iterdir() if p.name != "tasks.png"}
    assert len(sizes) == 1, sizes


# --- a shape that fits a side panel ----------------------------------------------------------------------


@pytest.mark.parametrize("locale", ["en", "ja"])
@pytest.mark.parametrize("pack", SAMPLES)
def test_sample_architecture_is_at_most_twice_as_wide_as_high(run, pack, locale):
    width, height = svg_size_pt(sample(run, pack, "--locale", locale))
    assert width / height <= 2, (width, height)


@pytest.mark.parametrize("locale", ["en", "ja"])
@pytest.mark.parametrize("pack", SAMPLES)
def test_sample_tasks_view_is_at_most_twice_as_wide_as_high(run, pack, locale):
    width, height = svg_size_pt(sample(run, pack, "--locale", locale, "--view", "tasks"))
    assert width / height <= 2, (width, height)


def test_ratio_auto_keeps_the_natural_left_to_right_flow(run):
    width, height = svg_size_pt(sample(run, "serverless-web-app", "--ratio", "auto"))
    assert width / height > 2


def test_a_wider_ratio_gives_a_wider_tasks_view(run):
    narrow = svg_size_pt(sample(run, "serverless-web-app", "--view", "tasks", "--ratio", "3:4"))
    wide = svg_size_pt(sample(run, "serverless-web-app", "--view", "tasks", "--ratio", "16:3"))
    assert wide[0] / wide[1] > narrow[0] / narrow[1]


def test_bad_ratio_is_refused_with_exit_2(run, shop):
    result, _ = render(run, shop, "--ratio", "wide")
    assert result.exit_code == 2 and len(result.stderr.strip().splitlines()) == 1
    assert "--ratio" in result.stderr


# --- dimmed tasks ------------------------------------------------------------------------------------------


def _opacity(element: ET.Element, attribute: str) -> float:
    return float(element.get(attribute) or 1)


def test_dimmed_task_box_dims_all_of_its_text_in_the_graphviz_drawing(run, shop):
    """PNG and PDF are drawn by dot from this source: read dot's own SVG drawing of it."""
    source = render_ok(run, shop, "--view", "tasks", "--task", "enable-website", "--format", "dot", name="t.dot")
    drawing = ET.fromstring(subprocess.run(["dot", "-Tsvg"], input=source, capture_output=True, check=True).stdout)
    dimmed = by_id(drawing, "node")["enable-versioning"]
    lines = list(dimmed.iter(f"{SVG}text"))
    assert len(lines) >= 2  # the premise: a title and the points line
    assert all(_opacity(t, "fill-opacity") < 1 for t in lines), [ET.tostring(t) for t in lines]


def test_dimmed_task_box_dims_all_of_its_text_in_the_svg(run, shop):
    svg = svg_of(run, shop, "--view", "tasks", "--task", "enable-website")
    dimmed = by_id(svg, "node")["enable-versioning"]
    group = _opacity(dimmed, "opacity")
    assert all(group * _opacity(t, "fill-opacity") < 1 for t in dimmed.iter(f"{SVG}text"))


# --- Japanese titles wrap between words ---------------------------------------------------------------------

# particles, and the ends of words (`か／ら`, `によ／る`), never start a line
PARTICLES = set("をにかがはのでとへもやらる")
NOT_AT_LINE_START = set("ーぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮヵヶ、。・」』）")


def _script(char: str) -> str:
    name = unicodedata.name(char, "")
    if char == "ー" or name.startswith("KATAKANA"):
        return "katakana"
    if name.startswith("CJK UNIFIED"):
        return "kanji"
    return "other"


def bad_breaks(lines: list[str]) -> list[str]:
    """Line breaks inside a katakana or kanji word, or before a particle or a small kana."""
    bad = []
    for before, after in zip(lines, lines[1:], strict=False):
        a, b = before[-1], after[0]
        if _script(a) == _script(b) != "other" or b in PARTICLES or b in NOT_AT_LINE_START:
            bad.append(f"{before}／{after}")
    return bad


TITLES = [
    "ポイズンメッセージによる出荷処理の停滞を防ぐ",
    "注文テーブルのポイントインタイムリカバリを有効にする",
    "ショップのチャットをエージェントに接続する",
    "ナレッジベースを使ってポリシーに関する質問に回答する",
    "ウェブサイト用バケットから静的コンテンツを配信する",
    "デッドレターキューからメッセージを再処理できるようにする",
]


@pytest.mark.parametrize("title", TITLES)
def test_japanese_title_wraps_between_words(title):
    from authoring.diagram.build import TASK_TITLE_WIDTH, wrap

    lines = wrap(title, TASK_TITLE_WIDTH)
    assert "".join(lines) == title
    assert not bad_breaks(lines), lines


@pytest.mark.parametrize("pack", SAMPLES)
def test_sample_japanese_task_titles_wrap_between_words(run, pack):
    nodes = by_id(sample(run, pack, "--locale", "ja", "--view", "tasks"), "node")
    broken = {task: bad_breaks(texts(node)[:-1]) for task, node in nodes.items()}
    assert not any(broken.values()), broken


# --- edge labels stay clear of group borders -----------------------------------------------------------------


def text_box(text: ET.Element) -> tuple[float, float, float, float]:
    """An upper bound-ish box of a text line: full-width characters one em wide, others half an em."""
    size, x, y = (float(text.get(a)) for a in ("font-size", "x", "y"))
    content = "".join(text.itertext())
    width = size * sum(1.0 if unicodedata.east_asian_width(c) in "WF" else 0.5 for c in content)
    start = {"middle": x - width / 2, "end": x - width}.get(text.get("text-anchor"), x)
    return start, y - 0.8 * size, start + width, y + 0.2 * size


def label_crossings(svg: ET.Element) -> list[tuple[str, str, str]]:
    """(edge, group, label) for every edge label that is partly inside and partly outside a group."""
    groups = {g.get("id"): bbox(g) for g in gs(svg, "cluster")}
    found = []
    for edge in gs(svg, "edge"):
        for text in edge.iter(f"{SVG}text"):
            box = text_box(text)
            for group, border in groups.items():
                overlaps = box[0] < border[2] and border[0] < box[2] and box[1] < border[3] and border[1] < box[3]
                within = border[0] <= box[0] and border[1] <= box[1] and box[2] <= border[2] and box[3] <= border[3]
                if overlaps and not within:
                    found.append((edge.get("id"), group, "".join(text.itertext())))
    return found


@pytest.mark.parametrize("locale", ["en", "ja"])
@pytest.mark.parametrize("pack", SAMPLES)
def test_sample_edge_labels_do_not_cross_a_group_border(run, pack, locale):
    assert not label_crossings(sample(run, pack, "--locale", locale))


# --- warnings name only what the view shows -------------------------------------------------------------------


@pytest.fixture
def title_untranslated(copy_pack, run):
    return translated_root(copy_pack, run, skip=["task/enable-website/title"]) / "packs" / "clean"


def test_architecture_view_does_not_warn_about_task_titles(run, title_untranslated):
    result, _ = render(run, title_untranslated, "--locale", "ja")
    assert result.exit_code == 0 and "warning" not in result.stderr, result.stderr


def test_tasks_view_warns_about_an_untranslated_task_title(run, title_untranslated):
    result, _ = render(run, title_untranslated, "--locale", "ja", "--view", "tasks")
    assert result.exit_code == 0 and "task/enable-website/title" in result.stderr, result.stderr


def test_all_warns_about_an_untranslated_task_title(run, title_untranslated):
    out = title_untranslated.parent.parent / "d"
    result = run("--root", out.parent, "render-diagram", title_untranslated, "--all", "--locale", "ja", "-o", out)
    assert result.exit_code == 0 and "task/enable-website/title" in result.stderr, result.stderr


def test_ratio_is_documented(run):
    assert re.search(r"--ratio", (REPO / "docs" / "diagrams.md").read_text(encoding="utf-8"))
