"""`render-diagram --task` and `--all`: a task's components highlighted and the rest dimmed, one
layout shared by every variant, `--task X` identical to `--all`'s task-X.svg, PNG/PDF/DOT variants."""

from __future__ import annotations

import re
import subprocess
import xml.etree.ElementTree as ET
from collections import Counter

import pytest
from conftest import edit
from diagram_support import (
    HIGHLIGHT,
    PNG_SIGNATURE,
    SHOP_COMPONENTS,
    SHOP_CONNECTIONS,
    SHOP_HIGHLIGHTS,
    TASKS,
    add_bucket_2_and_a_repeated_connection,
    classes,
    ends,
    geometry,
    gs,
    make_shop,
    render,
    render_ok,
    root_of,
    stroke,
    svg_of,
)

EXPECTED_FILES = {"architecture.svg", "tasks.svg", *(f"task-{t}.svg" for t in TASKS)}


@pytest.fixture
def shop(copy_pack):
    return make_shop(copy_pack)


@pytest.fixture
def all_dir(run, shop):
    """`--all -o DIR` for the shop scenario."""
    out = root_of(shop) / "diagrams"
    result = run("--root", root_of(shop), "render-diagram", shop, "--all", "-o", out)
    assert result.exit_code == 0, result.output
    return out


def lit(root: ET.Element, kind: str) -> list:
    return [g for g in gs(root, kind) if "highlighted" in classes(g)]


def dim(root: ET.Element, kind: str) -> list:
    return [g for g in gs(root, kind) if "dimmed" in classes(g)]


# --- which parts a task lights ----------------------------------------------------------------------


@pytest.mark.parametrize("task", TASKS)
def test_task_highlights_exactly_its_components(run, shop, task):
    svg = svg_of(run, shop, "--task", task)
    assert {g.get("id") for g in lit(svg, "node")} == SHOP_HIGHLIGHTS[task]


@pytest.mark.parametrize("task", TASKS)
def test_task_dims_every_other_component(run, shop, task):
    svg = svg_of(run, shop, "--task", task)
    assert {g.get("id") for g in dim(svg, "node")} == set(SHOP_COMPONENTS) - SHOP_HIGHLIGHTS[task]


def test_connection_between_two_highlighted_components_is_highlighted(run, shop):
    svg = svg_of(run, shop, "--task", "enable-versioning")  # site-bucket and logs-bucket
    assert [ends(g) for g in lit(svg, "edge")] == [("site-bucket", "logs-bucket")]


def test_connection_with_a_dimmed_end_is_dimmed(run, shop):
    svg = svg_of(run, shop, "--task", "enable-versioning")
    expected = Counter((a, b) for a, b, _ in SHOP_CONNECTIONS if (a, b) != ("site-bucket", "logs-bucket"))
    assert Counter(ends(g) for g in dim(svg, "edge")) == expected


def test_task_with_one_component_highlights_no_connection(run, shop):
    svg = svg_of(run, shop, "--task", "enable-website")  # site-bucket alone
    assert lit(svg, "edge") == []


@pytest.mark.parametrize("task", [None, *TASKS])
def test_every_component_keeps_its_id(run, shop, task):
    svg = svg_of(run, shop, *(["--task", task] if task else []))
    assert sorted(g.get("id") for g in gs(svg, "node")) == sorted(SHOP_COMPONENTS)


def test_plain_architecture_has_no_highlight_or_dim(run, shop):
    svg = svg_of(run, shop)
    assert not any(classes(g) & {"highlighted", "dimmed"} for g in gs(svg, "node") + gs(svg, "edge"))


def test_second_connection_to_a_dimmed_component_is_not_highlighted(run, copy_pack):
    pack = copy_pack("clean")
    add_bucket_2_and_a_repeated_connection(pack)
    edit(pack / "tasks/enable-versioning.yaml", "highlight: [site-bucket]", "highlight: [visitor, site-bucket-2]")
    svg = svg_of(run, pack, "--task", "enable-versioning")
    assert [ends(g) for g in lit(svg, "edge")] == [("visitor", "site-bucket-2")]


# --- one layout for every variant -------------------------------------------------------------------


@pytest.mark.parametrize("task", TASKS)
def test_task_variant_has_the_architecture_layout(all_dir, task):
    architecture = geometry(ET.parse(all_dir / "architecture.svg").getroot())
    assert geometry(ET.parse(all_dir / f"task-{task}.svg").getroot()) == architecture


def test_two_task_variants_have_the_same_layout(all_dir):
    first, second = (geometry(ET.parse(all_dir / f"task-{t}.svg").getroot()) for t in TASKS)
    assert first == second


@pytest.mark.parametrize("task", TASKS)
def test_task_option_gives_the_bytes_of_all_task_file(run, shop, all_dir, task):
    assert render_ok(run, shop, "--task", task) == (all_dir / f"task-{task}.svg").read_bytes()


def test_plain_render_gives_the_bytes_of_all_architecture_file(run, shop, all_dir):
    assert render_ok(run, shop) == (all_dir / "architecture.svg").read_bytes()


def test_all_writes_architecture_tasks_and_one_file_per_listed_task(all_dir):
    assert {p.name for p in all_dir.iterdir()} == EXPECTED_FILES


def test_all_reports_two_layouts_for_one_locale(run, shop):
    result = run("--root", root_of(shop), "render-diagram", shop, "--all", "-o", root_of(shop) / "d")
    assert result.exit_code == 0, result.output
    assert re.search(r"\b2 layouts\b", result.stdout), result.stdout


def test_all_with_every_locale_reports_two_layouts_per_locale(run, shop):
    """The clean pack declares `ja` besides its source `en`: two locales, four layouts."""
    result = run("--root", root_of(shop), "render-diagram", shop, "--all", "--locale", "all", "-o", root_of(shop) / "d")
    assert result.exit_code == 0, result.output
    assert re.search(r"\b4 layouts\b", result.stdout), result.stdout


def test_all_with_every_locale_writes_one_directory_per_locale(run, shop):
    out = root_of(shop) / "d"
    result = run("--root", root_of(shop), "render-diagram", shop, "--all", "--locale", "all", "-o", out)
    assert result.exit_code == 0, result.output
    assert {p.name for p in out.iterdir()} == {"en", "ja"}
    for locale in ("en", "ja"):
        assert {p.name for p in (out / locale).iterdir()} == EXPECTED_FILES, locale


def test_all_with_every_locale_source_directory_is_the_plain_render(run, shop):
    out = root_of(shop) / "d"
    assert run("--root", root_of(shop), "render-diagram", shop, "--all", "--locale", "all", "-o", out).exit_code == 0
    assert (out / "en" / "architecture.svg").read_bytes() == render_ok(run, shop)


# --- PNG, PDF and DOT variants: highlights as DOT attributes --------------------------------------------


def dot_svg(source: bytes) -> ET.Element:
    """Lay out a DOT source with the real `dot`, as the PNG and PDF outputs are."""
    done = subprocess.run(["dot", "-Tsvg"], input=source, capture_output=True, check=True, timeout=20)
    return ET.fromstring(done.stdout)


def test_task_dot_source_draws_exactly_the_highlighted_components_orange(run, shop):
    svg = dot_svg(render_ok(run, shop, "--task", "enable-versioning", "--format", "dot", name="t.dot"))
    assert {g.get("id") for g in gs(svg, "node") if stroke(g) == HIGHLIGHT} == SHOP_HIGHLIGHTS["enable-versioning"]


def test_task_dot_source_draws_the_connection_between_highlighted_components_orange(run, shop):
    svg = dot_svg(render_ok(run, shop, "--task", "enable-versioning", "--format", "dot", name="t.dot"))
    assert [ends(g) for g in gs(svg, "edge") if stroke(g) == HIGHLIGHT] == [("site-bucket", "logs-bucket")]


def test_task_dot_source_keeps_the_plain_layout(run, shop):
    plain = dot_svg(render_ok(run, shop, "--format", "dot", name="a.dot"))
    task = dot_svg(render_ok(run, shop, "--task", "enable-versioning", "--format", "dot", name="t.dot"))
    assert geometry(task) == geometry(plain)


def test_task_png_is_a_png_styled_apart_from_the_plain_png(run, shop):
    plain = render_ok(run, shop, "--format", "png", name="a.png")
    task = render_ok(run, shop, "--task", "enable-versioning", "--format", "png", name="t.png")
    assert task[:8] == PNG_SIGNATURE
    assert task != plain


def test_task_pdf_is_a_pdf(run, shop):
    assert render_ok(run, shop, "--task", "enable-versioning", "--format", "pdf", name="t.pdf").startswith(b"%PDF-")


def test_task_png_in_the_tasks_view_is_a_png(run, shop):
    data = render_ok(run, shop, "--view", "tasks", "--task", "enable-website", "--format", "png", name="t.png")
    assert data[:8] == PNG_SIGNATURE


def test_unknown_task_writes_no_file(run, shop):
    result, data = render(run, shop, "--task", "enable-websit", "--format", "png", name="t.png")
    assert result.exit_code == 2 and data is None
