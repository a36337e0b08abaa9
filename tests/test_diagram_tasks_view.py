"""`render-diagram --view tasks`: one node per listed task with its title, points and minutes, one
edge per `depends_on` (ordering edges do not count), independent tasks side by side."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from conftest import edit
from diagram_support import (
    TASKS,
    bbox,
    by_id,
    classes,
    ends,
    gs,
    listed_tasks,
    load_yaml,
    render_ok,
    svg_of,
    texts,
    visible,
)

SAMPLES = Path(__file__).resolve().parent.parent / "packs"
CLEAN_TASKS = {  # from tests/packs/clean/tasks/*.yaml
    "enable-versioning": ("Protect the site's files with versioning", 10, 10),
    "enable-website": ("Host the marketing site", 20, 15),
}


@pytest.fixture
def clean(copy_pack):
    return copy_pack("clean")


@pytest.fixture
def agentic(run, tmp_path):
    """The agentic-ai-app sample's tasks view: six tasks, a fork, a join and an independent task."""
    pack = SAMPLES / "agentic-ai-app"
    out = tmp_path / "tasks.svg"
    result = run("--root", SAMPLES.parent, "render-diagram", pack, "--view", "tasks", "-o", out)
    assert result.exit_code == 0, result.output
    return pack, ET.parse(out).getroot()


def test_one_node_per_listed_task_with_the_task_id(run, clean):
    svg = svg_of(run, clean, "--view", "tasks")
    assert [g.get("id") for g in gs(svg, "node")] == TASKS


def test_sample_pack_has_one_node_per_listed_task(agentic):
    pack, svg = agentic
    assert sorted(g.get("id") for g in gs(svg, "node")) == sorted(load_yaml(pack / "pack.yaml")["tasks"])


@pytest.mark.parametrize("task", TASKS)
def test_task_node_shows_the_title(run, clean, task):
    lines = texts(by_id(svg_of(run, clean, "--view", "tasks"), "node")[task])
    assert " ".join(lines[:-1]) == CLEAN_TASKS[task][0]


@pytest.mark.parametrize("task", TASKS)
def test_task_node_shows_points_and_minutes(run, clean, task):
    facts = texts(by_id(svg_of(run, clean, "--view", "tasks"), "node")[task])[-1]
    _, points, minutes = CLEAN_TASKS[task]
    assert re.search(rf"\b{points} points\b", facts) and re.search(rf"\b{minutes} min\b", facts), facts


def test_visible_edges_are_exactly_the_dependencies(agentic):
    pack, svg = agentic
    dependencies = {(dep, task["id"]) for task in listed_tasks(pack) for dep in task.get("depends_on") or []}
    assert len(dependencies) == 6  # the fixture's premise: a real dependency graph
    assert {ends(g) for g in gs(svg, "edge") if visible(g)} == dependencies


def test_independent_task_gets_no_visible_edge(agentic):
    pack, svg = agentic
    touched = {end for g in gs(svg, "edge") if visible(g) for end in ends(g)}
    assert "enable-invocation-logging" not in touched  # depends on nothing, nothing depends on it


def test_dependency_edge_points_from_prerequisite_to_dependent(run, clean):
    svg = svg_of(run, clean, "--view", "tasks")  # enable-website depends on enable-versioning
    nodes = by_id(svg, "node")
    before, after = bbox(nodes["enable-versioning"]), bbox(nodes["enable-website"])
    assert before[2] <= after[0] or before[3] <= after[1]  # left of it or above it
    assert [ends(g) for g in gs(svg, "edge") if visible(g)] == [("enable-versioning", "enable-website")]


def test_dependency_runs_left_to_right_with_ratio_auto(run, clean):
    svg = svg_of(run, clean, "--view", "tasks", "--ratio", "auto")
    nodes = by_id(svg, "node")
    assert bbox(nodes["enable-versioning"])[2] <= bbox(nodes["enable-website"])[0]
    assert [ends(g) for g in gs(svg, "edge") if visible(g)] == [("enable-versioning", "enable-website")]


def test_independent_tasks_are_side_by_side(run, clean):
    edit(clean / "tasks/enable-website.yaml", "depends_on: [enable-versioning]", "depends_on: []")
    svg = svg_of(run, clean, "--view", "tasks")
    first, second = (bbox(by_id(svg, "node")[t]) for t in TASKS)
    assert first[2] < second[0]  # left to right in list order, not overlapping
    assert first[1] < second[3] and second[1] < first[3]  # on one row
    assert not any(visible(g) for g in gs(svg, "edge"))


def test_task_option_highlights_the_task_in_the_tasks_view(run, clean):
    svg = svg_of(run, clean, "--view", "tasks", "--task", "enable-website")
    nodes = by_id(svg, "node")
    assert "highlighted" in classes(nodes["enable-website"])
    assert "dimmed" in classes(nodes["enable-versioning"])


def test_tasks_view_dot_source_has_an_edge_per_dependency(run, clean):
    source = render_ok(run, clean, "--view", "tasks", "--format", "dot", name="t.dot").decode()
    edges = re.findall(r'^\s*"?([a-z0-9-]+)"?\s*->\s*"?([a-z0-9-]+)"?\s*\[([^\]]*)\]', source, re.M)
    assert [(a, b) for a, b, attrs in edges if "invis" not in attrs] == [("enable-versioning", "enable-website")]
