"""Running Graphviz once per view and locale, and deriving every per-task variant from that layout.

A task variant changes colours and pen widths only, which never moves a node, so `render_all`
lays each view out once with `dot -Tsvg` and restyles the SVG per task: a candidate clicking
through the tasks sees the same picture with different parts lit.
"""

from __future__ import annotations

import base64
import html
import re
import subprocess
import threading
import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

import graphviz

from ..config import Config
from ..errors import InputError
from ..files import read_regular
from ..i18n import pack_locales
from ..model import Pack
from .build import MAX_ICON_BYTES, architecture_graph, connection_ids, tasks_graph
from .labels import Labels, load_labels
from .layout import DEFAULT_RATIO, parse_ratio
from .style import DIMMED_OPACITY, FONT, HIGHLIGHT, SVG_FONT_FAMILY

STYLE = f"""
.node.dimmed, .edge.dimmed {{ opacity: {DIMMED_OPACITY}; }}
.node.highlighted > polygon, .node.highlighted > ellipse, .node.highlighted > path {{ stroke: {HIGHLIGHT}; stroke-width: 3; }}
.edge.highlighted > path {{ stroke: {HIGHLIGHT}; stroke-width: 2.5; }}
.edge.highlighted > polygon {{ stroke: {HIGHLIGHT}; fill: {HIGHLIGHT}; }}
"""

VIEWS = ("architecture", "tasks")
FORMATS = ("svg", "png", "pdf", "dot")
DOT_MISSING = "Graphviz's `dot` was not found; install Graphviz (Debian/Ubuntu: sudo apt-get install graphviz)"


LAYOUT_TIMEOUT = 60.0  # seconds one layout may take (`--layout-timeout`); dot is stopped past it
_DOCUMENT_END = {"svg": b"</svg>", "png": b"IEND", "pdf": b"%%EOF"}


def _pipe(graph: graphviz.Digraph, fmt: str, timeout: float = LAYOUT_TIMEOUT) -> bytes:
    return _layout_all([graph], fmt, timeout)[0]


class _Output:
    """A stream of dot read to its end in a thread, counting the documents finished so far (the
    layout under way is the next one)."""

    def __init__(self, stream, end: bytes = b""):
        self.chunks: list[bytes] = []
        self.done = 0
        self._end = end
        self._thread = threading.Thread(target=self._read, args=(stream,), daemon=True)
        self._thread.start()

    def _read(self, stream) -> None:
        tail = b""
        while data := stream.read1(1 << 16):
            self.chunks.append(data)
            if self._end:  # the tail catches an end marker cut in two by the chunking
                self.done += (tail + data).count(self._end)
                tail = (tail + data)[-(len(self._end) - 1) :]

    def join(self) -> bytes:
        self._thread.join()
        return b"".join(self.chunks)


def _watch(process: subprocess.Popen, out: _Output, timeout: float, stop: threading.Event, fired: list[int]) -> None:
    """Kill dot when one layout takes longer than `timeout` (the clock restarts at each finished
    document); `fired` gets the index of the graph it was laying out."""
    done, since = out.done, time.monotonic()
    while not stop.wait(min(0.05, timeout / 4)):
        if out.done != done:
            done, since = out.done, time.monotonic()
        elif time.monotonic() - since > timeout:
            fired.append(done)
            process.kill()
            return


def _layout_all(graphs: Iterable[graphviz.Digraph], fmt: str = "svg", timeout: float = LAYOUT_TIMEOUT) -> list[bytes]:
    """SVG (or PNG, PDF) for several graphs from one `dot` process.

    Starting dot (plugins, fonts) costs more than laying out a small graph, so every view and
    locale shares one process; it is started first and fed each graph as soon as it is built,
    so its start-up and the first layout overlap building the rest. A layout that takes longer
    than `timeout` seconds stops dot, and the error names that graph's view and size.
    """
    try:
        process = subprocess.Popen(
            ["dot", f"-T{fmt}"], stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE
        )
    except FileNotFoundError:
        raise InputError(DOT_MISSING) from None
    out, err = _Output(process.stdout, _DOCUMENT_END.get(fmt, b"")), _Output(process.stderr)
    stop, fired = threading.Event(), []
    watchdog = threading.Thread(target=_watch, args=(process, out, timeout, stop, fired), daemon=True)
    watchdog.start()
    sent: list[str] = []
    try:
        for graph in graphs:
            sent.append(getattr(graph, "what", "") or f"the graph `{graph.name}`")
            process.stdin.write(graph.source.encode("utf-8") + b"\n")
            process.stdin.flush()
    except BrokenPipeError:
        pass  # dot stopped early: its exit status and stderr say why
    finally:
        _close(process.stdin)
        code = process.wait()
        stop.set()
        watchdog.join()
        output, errors = out.join(), err.join()
    if fired:
        what = sent[min(fired[0], len(sent) - 1)]
        raise InputError(
            f"{what}: not laid out within {timeout:g} s, so Graphviz was stopped; "
            "draw fewer parts or give --layout-timeout SECONDS"
        )
    if code != 0:
        detail = errors.decode("utf-8", "replace").strip().splitlines()
        raise InputError(f"Graphviz failed: {detail[-1] if detail else f'exit status {code}'}")
    documents = split_documents(output, fmt)
    if len(documents) != len(sent):
        raise InputError(f"Graphviz returned {len(documents)} diagrams for {len(sent)} graphs")
    return documents


def _close(stream) -> None:
    try:
        stream.close()
    except BrokenPipeError:
        pass  # dot was stopped with input still buffered


_PDF_END = re.compile(rb"%%EOF\r?\n?")


def split_documents(data: bytes, fmt: str) -> list[bytes]:
    """dot's output for several graphs cut into one document each."""
    if fmt == "svg":
        return [b"<?xml" + part for part in data.split(b"<?xml")[1:]]
    if fmt == "pdf":
        return [data[start:end.end()] for start, end in _pdf_spans(data)]
    documents = []
    position = 0
    while position + 8 <= len(data):  # PNG: the signature, then chunks up to IEND
        end = position + 8
        while end + 8 <= len(data):
            size = int.from_bytes(data[end : end + 4], "big")
            chunk = data[end + 4 : end + 8]
            end += 12 + size
            if chunk == b"IEND":
                break
        documents.append(data[position:end])
        position = end
    return documents


def _pdf_spans(data: bytes):
    start = 0
    for end in _PDF_END.finditer(data):
        if data.startswith(b"%PDF-", end.end()) or end.end() >= len(data):
            yield start, end
            start = end.end()


def check_task(pack: Pack, task_id: str) -> None:
    """The command checks --task first (a usage error, with a suggestion); this guards other callers."""
    if task_id not in [t.id for t in pack.listed_tasks]:
        raise InputError(f"unknown task `{task_id}` in pack `{pack.id}`")


def highlight_of(pack: Pack, task_id: str) -> frozenset[str]:
    check_task(pack, task_id)
    return frozenset(pack.task(task_id).highlight)


# --- SVG -----------------------------------------------------------------------------------------


_PAGE_PREFIX = re.compile(r'id="page\d+,\d+_')
_PREAMBLE = re.compile(r"<\?xml[^>]*\?>\s*|<!DOCTYPE[^>]*>\s*|<!--.*?-->\s*", re.S)


_IMAGE = re.compile(r'(<image\b[^>]*?xlink:href=")([^"]+)(")')


def _embed_images(text: str) -> str:
    """Icons as data: URIs, so the SVG stands alone and holds no path of this machine."""

    def embed(match: re.Match) -> str:
        href = html.unescape(match.group(2))
        if href.startswith("data:"):
            return match.group(0)
        try:
            data = base64.b64encode(read_regular(Path(href), MAX_ICON_BYTES)).decode("ascii")
        except InputError:  # swapped for a FIFO, a device or a bigger file since it was chosen
            return match.group(0)
        return f"{match.group(1)}data:image/png;base64,{data}{match.group(3)}"

    return _IMAGE.sub(embed, text)


def finish_svg(data: bytes) -> str:
    """dot's SVG with a font list that has CJK fallbacks and the highlight CSS, without the
    generator comments (Graphviz version, graph title). Text edits only: parsing and writing the
    XML again would cost more than the edits."""
    text = _PREAMBLE.sub("", data.decode("utf-8"))
    text = _PAGE_PREFIX.sub('id="', text)  # dot prefixes ids of every graph after the first in a run
    text = text.replace(f'font-family="{FONT}"', f'font-family="{SVG_FONT_FAMILY}"')
    if "<image" in text:
        text = _embed_images(text)
    opening = text.index(">", text.index("<svg")) + 1
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        + text[:opening]
        + f"\n<style>{STYLE}</style>"
        + text[opening:].rstrip()
        + "\n"
    )


# dot writes each node and edge as one flat `<g id=... class="node|edge ...">...</g>` (no nested
# groups unless links or tooltips are set, which the diagrams never set)
_PART = re.compile(r'<g id="([^"]+)" class="((?:node|edge)\b[^"]*)">(.*?)</g>', re.S)
_SHAPE = re.compile(r"<(polygon|ellipse|path|polyline)\b([^>]*?)(/?)>")
_STROKE = re.compile(r'\bstroke="([^"]*)"')
_STROKE_WIDTH = re.compile(r'\s?\bstroke-width="[^"]*"')
_FILL = re.compile(r'\bfill="[^"]*"')


def _lit_shape(match: re.Match, edge: bool) -> str:
    tag, attributes, close = match.groups()
    stroke = _STROKE.search(attributes)
    if stroke is None or stroke.group(1) in ("none", "transparent"):
        return match.group(0)
    attributes = _STROKE_WIDTH.sub("", attributes)
    width = "2.5" if edge else "3"
    attributes = _STROKE.sub(f'stroke="{HIGHLIGHT}" stroke-width="{width}"', attributes, count=1)
    if edge and tag == "polygon":
        attributes = _FILL.sub(f'fill="{HIGHLIGHT}"', attributes, count=1)
    return f"<{tag}{attributes}{close}>"


class SvgVariants:
    """One laid-out SVG, cut into fixed text and, per node and edge, its dimmed form (its lit form
    is made when first needed).

    A task's variant is the all-dimmed picture with its few lit parts swapped in, joined as bytes:
    thirty variants cost less than one more layout, and every variant has exactly the base's
    geometry. Classes serve pages that style with CSS; the same look is also written as
    attributes, for viewers without CSS.
    """

    def __init__(self, text: str):
        self.plain = text.encode("utf-8")
        self._parts: list[bytes] = []  # fixed text and each part's dimmed form, alternating
        self._plain: dict[int, str] = {}  # position in _parts -> that node's or edge's text as laid out
        self._positions: dict[tuple[str, str], list[int]] = {}  # (kind, id) -> positions in _parts
        self._lit_cache: dict[int, bytes] = {}
        position = 0
        for match in _PART.finditer(text):
            element_id, classes, body = match.groups()
            dim = f'<g id="{element_id}" class="{classes} dimmed" opacity="{DIMMED_OPACITY}">{body}</g>'
            self._parts.append(text[position : match.start()].encode("utf-8"))
            key = (classes.split()[0], unescape_attr(element_id))
            self._positions.setdefault(key, []).append(len(self._parts))
            self._plain[len(self._parts)] = match.group(0)
            self._parts.append(dim.encode("utf-8"))
            position = match.end()
        self._parts.append(text[position:].encode("utf-8"))
        self._head = self._parts[0].split(b"<svg ", 1)  # the task's id goes into the opening tag

    def _lit(self, position: int) -> bytes:
        """The highlighted form of one node or edge (most are never lit)."""
        if position not in self._lit_cache:
            element_id, classes, body = _PART.fullmatch(self._plain[position]).groups()
            edge = classes.startswith("edge")
            lit_body = _SHAPE.sub(lambda m: _lit_shape(m, edge), body)
            lit = f'<g id="{element_id}" class="{classes} highlighted">{lit_body}</g>'
            self._lit_cache[position] = lit.encode("utf-8")
        return self._lit_cache[position]

    def variant(self, lit_nodes: frozenset[str], lit_edges: frozenset[str], task_id: str) -> bytes:
        parts = self._parts.copy()
        if len(self._head) == 2:
            tag = f'<svg data-task="{escape_attr(task_id)}" '.encode("utf-8")
            parts[0] = self._head[0] + tag + self._head[1]
        for kind, ids in (("node", lit_nodes), ("edge", lit_edges)):
            for element_id in ids:
                for position in self._positions.get((kind, element_id), ()):
                    parts[position] = self._lit(position)
        return b"".join(parts)


def unescape_attr(text: str) -> str:
    return html.unescape(text)  # dot writes `-` as `&#45;` in attributes


def escape_attr(text: str) -> str:
    return text.replace("&", "&amp;").replace('"', "&quot;").replace("<", "&lt;")


def lit_edges(pack: Pack, nodes: frozenset[str], connections: list | None = None) -> frozenset[str]:
    """The connections whose two ends are both lit."""
    connections = connection_ids(pack) if connections is None else connections
    return frozenset(edge_id for edge_id, a, b, _ in connections if a in nodes and b in nodes)


# --- one diagram ---------------------------------------------------------------------------------


@dataclass
class Rendered:
    data: bytes
    warnings: list[str] = field(default_factory=list)


def render_one(
    pack: Pack, root: Path, view: str = "architecture", locale: str | None = None, task: str | None = None,
    fmt: str = "svg", icons: Path | None = None, ratio: float | None = parse_ratio(DEFAULT_RATIO),
    timeout: float = LAYOUT_TIMEOUT, config: Config | None = None,
) -> Rendered:
    """One diagram. SVG is laid out without highlights and restyled, exactly as `render_all` does,
    so `--task X` gives the same bytes as `--all`'s task-X.svg. `timeout`: seconds the layout may take."""
    labels = load_labels(pack, root, locale, config)
    warning = labels.warning(view)
    warnings = [warning] if warning else []
    if task is not None:
        check_task(pack, task)
    if view == "tasks":
        if fmt == "svg":
            base = finish_svg(_pipe(tasks_graph(pack, labels, ratio=ratio), "svg", timeout))
            if task is None:
                return Rendered(base.encode("utf-8"), warnings)
            return Rendered(SvgVariants(base).variant(frozenset({task}), frozenset(), task), warnings)
        graph = tasks_graph(pack, labels, selected=task, ratio=ratio)
    else:
        lit = highlight_of(pack, task) if task else None
        if fmt == "svg":
            base = finish_svg(_pipe(architecture_graph(pack, labels, icons=icons, ratio=ratio), "svg", timeout))
            if lit is None:
                return Rendered(base.encode("utf-8"), warnings)
            return Rendered(SvgVariants(base).variant(lit, lit_edges(pack, lit), task), warnings)
        graph = architecture_graph(pack, labels, highlight=lit, icons=icons, ratio=ratio)
    if fmt == "dot":
        return Rendered(graph.source.encode("utf-8"), warnings)
    return Rendered(_pipe(graph, fmt, timeout), warnings)


# --- every variant -------------------------------------------------------------------------------


@dataclass
class AllResult:
    files: dict[str, bytes] = field(default_factory=dict)  # name under the output directory -> bytes
    warnings: list[str] = field(default_factory=list)
    layouts: int = 0


def locales_for(pack: Pack, locale: str | None) -> list[str | None]:
    return pack_locales(pack) if locale == "all" else [locale]


def render_all(
    pack: Pack, root: Path, locale: str | None = None, icons: Path | None = None, fmt: str = "svg",
    ratio: float | None = parse_ratio(DEFAULT_RATIO), timeout: float = LAYOUT_TIMEOUT, config: Config | None = None,
) -> AllResult:
    """architecture, tasks and task-<id> for every task, in `fmt`, as name -> bytes (`ja/tasks.svg`
    with locale "all", one directory per locale); the command writes the set. All graphs go through
    one dot process. SVG: one layout per view and locale, the variants by restyling it. PNG and PDF:
    dot draws each variant (the same graph restyled, so the same layout), which costs a layout each
    but no more process starts."""
    result = AllResult()
    jobs: list[Labels] = []
    names: list[str] = []  # file name per graph sent to dot, for PNG and PDF

    def graphs():  # consumed while dot starts: labels and graphs are built in its shadow
        for tag in locales_for(pack, locale):
            labels = load_labels(pack, root, tag, config)
            if labels.warning():
                result.warnings.append(labels.warning())
            jobs.append(labels)
            directory = f"{labels.locale}/" if locale == "all" else ""
            names.extend([f"{directory}architecture.{fmt}", f"{directory}tasks.{fmt}"])
            yield architecture_graph(pack, labels, icons=icons, ratio=ratio)
            yield tasks_graph(pack, labels, ratio=ratio)
            if fmt != "svg":
                for task in pack.listed_tasks:
                    names.append(f"{directory}task-{task.id}.{fmt}")
                    yield architecture_graph(pack, labels, highlight=frozenset(task.highlight), icons=icons, ratio=ratio)

    layouts = _layout_all(graphs(), fmt, timeout)
    result.layouts = len(layouts) if fmt == "svg" else 2 * len(jobs)
    if fmt == "svg":
        result.files = dict(_svg_outputs(pack, jobs, layouts, per_locale=locale == "all"))
    else:
        result.files = dict(zip(names, layouts, strict=True))
    return result


def _svg_outputs(pack: Pack, jobs: list[Labels], layouts: list[bytes], per_locale: bool):
    """(name, bytes) of every SVG: the two views as laid out, the task variants by restyling."""
    connections = connection_ids(pack)
    for index, labels in enumerate(jobs):
        directory = f"{labels.locale}/" if per_locale else ""
        architecture = SvgVariants(finish_svg(layouts[2 * index]))
        yield f"{directory}architecture.svg", architecture.plain
        yield f"{directory}tasks.svg", finish_svg(layouts[2 * index + 1]).encode("utf-8")
        for task in pack.listed_tasks:
            lit = frozenset(task.highlight)
            yield f"{directory}task-{task.id}.svg", architecture.variant(lit, lit_edges(pack, lit, connections), task.id)
