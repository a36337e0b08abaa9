"""Running Graphviz once per view and locale, and deriving every per-task variant from that layout.

A task variant changes colours and pen widths only, which never moves a node, so `render_all`
lays each view out once with `dot -Tsvg` and restyles the SVG per task: a candidate clicking
through the tasks sees the same picture with different parts lit.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

import graphviz

from ..config import suggest
from ..errors import InputError, UsageError
from ..files import write_if_changed
from ..model import Pack
from .build import architecture_graph, connection_ids, tasks_graph
from .labels import Labels, load_labels
from .style import DIMMED_OPACITY, FONT, HIGHLIGHT, SVG_FONT_FAMILY

SVG_NS = "http://www.w3.org/2000/svg"
XLINK_NS = "http://www.w3.org/1999/xlink"
ET.register_namespace("", SVG_NS)
ET.register_namespace("xlink", XLINK_NS)
_G = f"{{{SVG_NS}}}g"
_SHAPES = {f"{{{SVG_NS}}}{tag}" for tag in ("polygon", "ellipse", "path", "polyline")}

STYLE = f"""
.node.dimmed, .edge.dimmed {{ opacity: {DIMMED_OPACITY}; }}
.node.highlighted > polygon, .node.highlighted > ellipse, .node.highlighted > path {{ stroke: {HIGHLIGHT}; stroke-width: 3; }}
.edge.highlighted > path {{ stroke: {HIGHLIGHT}; stroke-width: 2.5; }}
.edge.highlighted > polygon {{ stroke: {HIGHLIGHT}; fill: {HIGHLIGHT}; }}
"""

VIEWS = ("architecture", "tasks")
FORMATS = ("svg", "png", "pdf", "dot")
DOT_MISSING = "Graphviz's `dot` was not found; install Graphviz (Debian/Ubuntu: sudo apt-get install graphviz)"


def _pipe(graph: graphviz.Digraph, fmt: str) -> bytes:
    try:
        return graph.pipe(format=fmt)
    except graphviz.ExecutableNotFound:
        raise InputError(DOT_MISSING) from None
    except graphviz.CalledProcessError as exc:
        detail = (exc.stderr or b"").decode("utf-8", "replace").strip().splitlines()
        raise InputError(f"Graphviz failed: {detail[-1] if detail else exc}") from None


def check_task(pack: Pack, task_id: str) -> None:
    ids = [t.id for t in pack.listed_tasks]
    if task_id not in ids:
        raise UsageError(f"unknown task `{task_id}` in pack `{pack.id}`{suggest(task_id, ids, 0.6)}")


def highlight_of(pack: Pack, task_id: str) -> frozenset[str]:
    check_task(pack, task_id)
    return frozenset(pack.task(task_id).highlight)


# --- SVG -----------------------------------------------------------------------------------------


def finish_svg(data: bytes) -> ET.Element:
    """Parse dot's SVG, give text a font list with CJK fallbacks, and add the highlight CSS."""
    root = ET.fromstring(data)
    for element in root.iter():
        if element.get("font-family") == FONT:
            element.set("font-family", SVG_FONT_FAMILY)
    style = ET.Element(f"{{{SVG_NS}}}style")
    style.text = STYLE
    root.insert(0, style)
    return root


def _add_class(element: ET.Element, name: str) -> None:
    classes = element.get("class", "").split()
    if name not in classes:
        element.set("class", " ".join(classes + [name]))


def restyle(base: ET.Element, lit_nodes: frozenset[str], lit_edges: frozenset[str], task_id: str) -> ET.Element:
    """A copy of `base` where `lit_nodes`/`lit_edges` are highlighted and other nodes and edges dimmed.

    Classes serve pages that style with CSS; the same look is also written as attributes, so the
    SVG looks right in viewers without CSS.
    """
    root = ET.fromstring(ET.tostring(base))
    root.set("data-task", task_id)
    for group in root.iter(_G):
        classes = group.get("class", "").split()
        if "node" in classes:
            lit = group.get("id") in lit_nodes
        elif "edge" in classes and group.get("id"):
            lit = group.get("id") in lit_edges
        else:
            continue
        _add_class(group, "highlighted" if lit else "dimmed")
        if not lit:
            group.set("opacity", DIMMED_OPACITY)
            continue
        for shape in group:
            if shape.tag in _SHAPES and shape.get("stroke") not in (None, "none", "transparent"):
                shape.set("stroke", HIGHLIGHT)
                shape.set("stroke-width", "3" if "node" in classes else "2.5")
                if "edge" in classes and shape.tag.endswith("polygon"):
                    shape.set("fill", HIGHLIGHT)
    return root


def svg_bytes(root: ET.Element) -> bytes:
    return b'<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="utf-8", xml_declaration=False) + b"\n"


def lit_edges(pack: Pack, nodes: frozenset[str]) -> frozenset[str]:
    return frozenset(edge_id for edge_id, a, b, _ in connection_ids(pack) if a in nodes and b in nodes)


# --- one diagram ---------------------------------------------------------------------------------


@dataclass
class Rendered:
    data: bytes
    warnings: list[str] = field(default_factory=list)


def render_one(
    pack: Pack, root: Path, view: str = "architecture", locale: str | None = None, task: str | None = None,
    fmt: str = "svg", icons: Path | None = None,
) -> Rendered:
    """One diagram. SVG is laid out without highlights and restyled, exactly as `render_all` does,
    so `--task X` gives the same bytes as `--all`'s task-X.svg."""
    labels = load_labels(pack, root, locale)
    warnings = [labels.warning] if labels.warning else []
    if task is not None:
        check_task(pack, task)
    if view == "tasks":
        if fmt == "svg":
            base = finish_svg(_pipe(tasks_graph(pack, labels), "svg"))
            return Rendered(svg_bytes(restyle(base, frozenset({task}), frozenset(), task) if task else base), warnings)
        graph = tasks_graph(pack, labels, selected=task)
    else:
        lit = highlight_of(pack, task) if task else None
        if fmt == "svg":
            base = finish_svg(_pipe(architecture_graph(pack, labels, icons=icons), "svg"))
            if lit is not None:
                base = restyle(base, lit, lit_edges(pack, lit), task)
            return Rendered(svg_bytes(base), warnings)
        graph = architecture_graph(pack, labels, highlight=lit, icons=icons)
    if fmt == "dot":
        return Rendered(graph.source.encode("utf-8"), warnings)
    return Rendered(_pipe(graph, fmt), warnings)


# --- every variant -------------------------------------------------------------------------------


@dataclass
class AllResult:
    files: list[Path] = field(default_factory=list)
    changed: int = 0
    warnings: list[str] = field(default_factory=list)
    layouts: int = 0


def locales_for(pack: Pack, locale: str | None) -> list[str | None]:
    if locale != "all":
        return [locale]
    from ..i18n.catalogs import parse_locale

    source = str(parse_locale(pack.source_locale))
    tags = [source] + [str(parse_locale(s.tag)) for s in pack.locales]
    return list(dict.fromkeys(tags))


def render_all(pack: Pack, root: Path, out_dir: Path, locale: str | None = None, icons: Path | None = None) -> AllResult:
    """architecture.svg, tasks.svg and task-<id>.svg for every task: one layout per view and locale
    (run two at a time), variants by restyling. With locale "all", one directory per locale."""
    result = AllResult()
    locales = locales_for(pack, locale)
    jobs: list[tuple[str | None, Labels]] = [(tag, load_labels(pack, root, tag)) for tag in locales]
    for _, labels in jobs:
        if labels.warning:
            result.warnings.append(labels.warning)
    graphs = []
    for tag, labels in jobs:
        graphs.append(architecture_graph(pack, labels, icons=icons))
        graphs.append(tasks_graph(pack, labels))
    with ThreadPoolExecutor(max_workers=2) as pool:  # dot runs in its own process: two cores, two layouts
        layouts = list(pool.map(lambda g: _pipe(g, "svg"), graphs))
    result.layouts = len(layouts)
    for index, (tag, labels) in enumerate(jobs):
        directory = out_dir / labels.locale if locale == "all" else out_dir
        architecture = finish_svg(layouts[2 * index])
        outputs = {
            "architecture.svg": svg_bytes(architecture),
            "tasks.svg": svg_bytes(finish_svg(layouts[2 * index + 1])),
        }
        for task in pack.listed_tasks:
            lit = frozenset(task.highlight)
            outputs[f"task-{task.id}.svg"] = svg_bytes(restyle(architecture, lit, lit_edges(pack, lit), task.id))
        for name, data in outputs.items():
            path = directory / name
            result.changed += write_if_changed(path, data)
            result.files.append(path)
    return result
