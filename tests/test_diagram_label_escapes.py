"""Labels are drawn exactly as written: Graphviz's escapes (`\\N` node name, `\\G` graph name, `\\E`
edge name, `\\T` and `\\H` its ends, `\\L` `\\l` `\\r` `\\n`, `\\\\`) are text, in every label of
both views, in SVG, in task variants and in the DOT source that PNG and PDF are drawn from."""

from __future__ import annotations

import subprocess
import xml.etree.ElementTree as ET

import pytest
from conftest import edit
from diagram_support import SVG, by_id, gs, render_ok, texts
from i18n_support import translated_root

# what each label of the clean pack becomes: every escape Graphviz knows, and a trailing backslash
LABELS = {  # (file, old text, new text, what is drawn)
    "group aws-cloud": ("pack.yaml", "label: AWS Cloud}", r"label: 'Cloud \G \N \L'}", r"Cloud \G \N \L"),
    "group region": ("pack.yaml", "label: US East (N. Virginia),", r"label: 'Region \E \H \T',", r"Region \E \H \T"),
    "visitor": ("pack.yaml", "label: Visitor,", r"label: 'Visitor \N \G \E \T \H \L',", r"Visitor \N \G \E \T \H \L"),
    "site-bucket": ("pack.yaml", "label: Site bucket,", r"label: 'C:\l\r\n \\ end\',", r"C:\l\r\n \\ end" + "\\"),
    "visitor--site-bucket": ("pack.yaml", "label: browses}", r"label: 'reads \E \T \H \N \G'}", r"reads \E \T \H \N \G"),
    "enable-versioning": (
        "tasks/enable-versioning.yaml", "title: Protect the site's files with versioning",
        r"title: 'Task \N \G \E \T \H \L'", r"Task \N \G \E \T \H \L",
    ),
    "enable-website": ("tasks/enable-website.yaml", "title: Host the marketing site", r"title: 'Site \\N \l \r \n end\'",
                       r"Site \\N \l \r \n end" + "\\"),
}
ARCHITECTURE = ["group aws-cloud", "group region", "visitor", "site-bucket", "visitor--site-bucket"]
TASKS = ["enable-versioning", "enable-website"]


@pytest.fixture
def pack(copy_pack):
    pack = copy_pack("clean")
    for file, old, new, _ in LABELS.values():
        edit(pack / file, old, new)
    return pack


def drawn(root: ET.Element) -> dict[str, str]:
    """The text drawn for each labelled thing: a group's title, a node's first line (a task's title
    lines joined), a labelled edge's label."""
    out = {f"group {g.get('id')}": " ".join(texts(g)) for g in gs(root, "cluster")}
    for element_id, g in by_id(root, "node").items():
        lines = texts(g)
        out[element_id] = " ".join(lines[:-1]) if element_id in TASKS else lines[0]
    out.update({element_id: " ".join(texts(g)) for element_id, g in by_id(root, "edge").items() if texts(g)})
    return out


def expected(names: list[str], strings: dict[str, str] | None = None) -> dict[str, str]:
    return {name: (strings or {}).get(name, LABELS[name][3]) for name in names}


@pytest.mark.parametrize(("view", "names"), [("architecture", ARCHITECTURE), ("tasks", TASKS)])
@pytest.mark.parametrize("task", [None, "enable-versioning"])
def test_svg_shows_escapes_as_written(run, pack, view, names, task):
    args = ("--view", view) + (("--task", task) if task else ())
    assert drawn(ET.fromstring(render_ok(run, pack, *args))) == expected(names)


@pytest.mark.parametrize(("view", "names"), [("architecture", ARCHITECTURE), ("tasks", TASKS)])
@pytest.mark.parametrize("task", [None, "enable-versioning"])
def test_dot_source_draws_escapes_as_written(run, pack, view, names, task):
    """The graph PNG and PDF are drawn from, laid out by the real dot."""
    args = ("--view", view) + (("--task", task) if task else ())
    source = render_ok(run, pack, *args, name="out.dot")
    svg = subprocess.run(["dot", "-Tsvg"], input=source, capture_output=True, check=True).stdout
    assert drawn(ET.fromstring(svg)) == expected(names)


def test_all_shows_escapes_as_written(run, pack):
    out = pack.parent.parent / "d"
    assert run("--root", out.parent, "render-diagram", pack, "--all", "-o", out).exit_code == 0
    for name, names in [("architecture.svg", ARCHITECTURE), ("tasks.svg", TASKS), ("task-enable-website.svg", ARCHITECTURE)]:
        assert drawn(ET.fromstring((out / name).read_bytes())) == expected(names), name


JA = {
    "visitor": r"訪問者 \N \G \E",
    "visitor--site-bucket": r"閲覧 \T \H \L",
    "enable-versioning": r"保護する \N \G \\",
}
JA_CONTEXTS = {
    "visitor": "architecture/component/visitor/label",
    "visitor--site-bucket": "architecture/connection/visitor/site-bucket/label",
    "enable-versioning": "task/enable-versioning/title",
}


@pytest.mark.parametrize(("view", "names"), [("architecture", ["visitor", "visitor--site-bucket"]), ("tasks", ["enable-versioning"])])
def test_japanese_labels_show_escapes_as_written(run, copy_pack, view, names):
    root = translated_root(copy_pack, run, strings={JA_CONTEXTS[k]: v for k, v in JA.items()})
    shown = drawn(ET.fromstring(render_ok(run, root / "packs" / "clean", "--view", view, "--locale", "ja")))
    assert {n: shown[n] for n in names} == {n: JA[n] for n in names}
