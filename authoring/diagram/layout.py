"""Choosing a diagram's shape for a target aspect ratio, before Graphviz runs: rank direction of the
architecture, and how many task boxes stand in a row.

An exam screen shows the diagram in a side panel of fixed width, so the text is readable only if
the picture is not much wider than the panel's shape. Laying a graph out twice to compare would
double the cost of `render-diagram --all`, so the shapes are compared by an estimate of each
layout's size, made from the labels' display widths and dot's spacing settings.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from ..errors import UsageError

DEFAULT_RATIO = "4:3"

# dot's spacing as build.py sets it, in points (1 inch = 72 pt)
NODE_HEIGHT = 46.0  # two lines (12 pt bold, 9 pt) and the node margin
NODE_PADDING = 24.0
NODESEP = 0.4 * 72
RANKSEP = 0.55 * 72
LABEL_HEIGHT = 16.0


def parse_ratio(text: str | None) -> float | None:
    """`4:3` -> 1.333 (width over height); `auto` -> None (the layout's natural shape)."""
    if text is None:
        text = DEFAULT_RATIO
    if text.strip().lower() == "auto":
        return None
    match = re.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*[:/]\s*(\d+(?:\.\d+)?)\s*|\s*(\d+(?:\.\d+)?)\s*", text)
    if match:
        width, height, single = match.groups()
        value = float(single) if single else float(width) / float(height) if float(height) else 0.0
        if value > 0:
            return value
    raise UsageError(f"--ratio {text}: give width:height (such as 4:3 or 3:4) or auto")


def text_width(text: str, size: float) -> float:
    """Approximate width in points of `text` set in a `size` pt Noto Sans CJK: full-width
    characters are one em, the others about half."""
    return size * sum(1.0 if unicodedata.east_asian_width(c) in "WF" else 0.55 for c in text)


PANEL_WIDTH = 600.0  # points; a drawing no wider than this is read at full size, larger text gains nothing


def fit(width: float, height: float, ratio: float) -> float:
    """The scale at which a width x height drawing fits a panel of `ratio`, PANEL_WIDTH wide:
    bigger reads better, up to full size (so among shapes that all fit, the caller's first choice stays)."""
    return min(PANEL_WIDTH / width, PANEL_WIDTH / ratio / height, 1.0)


@dataclass
class Box:
    width: float
    height: float = NODE_HEIGHT


def ranks(nodes: list[str], edges: list[tuple[str, str]]) -> dict[str, int]:
    """dot's ranking, approximately: the longest path from a source (edges closing a cycle ignored)."""
    outgoing: dict[str, list[str]] = {n: [] for n in nodes}
    for tail, head in edges:
        if tail in outgoing and head in outgoing and tail != head:
            outgoing[tail].append(head)
    order: list[str] = []
    state: dict[str, int] = {}

    def visit(node: str) -> None:  # iterative DFS: post-order, back edges skipped
        stack = [(node, iter(outgoing[node]))]
        state[node] = 1
        while stack:
            current, children = stack[-1]
            child = next(children, None)
            if child is None:
                state[current] = 2
                order.append(current)
                stack.pop()
            elif child not in state:
                state[child] = 1
                stack.append((child, iter(outgoing[child])))

    for node in nodes:
        if node not in state:
            visit(node)
    position = {n: i for i, n in enumerate(reversed(order))}
    rank = dict.fromkeys(nodes, 0)
    for node in reversed(order):
        for head in outgoing[node]:
            if position[head] > position[node]:
                rank[head] = max(rank[head], rank[node] + 1)
    return rank


def estimate(boxes: dict[str, Box], edges: list[tuple[str, str, float]], rankdir: str, margin: float) -> tuple[float, float]:
    """(width, height) in points of a dot layout of `boxes` joined by `edges` (tail, head, label width)."""
    rank = ranks(list(boxes), [(t, h) for t, h, _ in edges])
    count = max(rank.values(), default=0) + 1
    members: list[list[Box]] = [[] for _ in range(count)]
    for node, r in rank.items():
        members[r].append(boxes[node])
    labels: list[list[float]] = [[] for _ in range(count)]  # labels sit between rank r and r+1
    for tail, head, label in edges:
        if label and rank[head] > rank[tail]:
            labels[rank[tail]].append(label)
    if rankdir == "LR":  # ranks are columns
        along = sum(max(b.width for b in column) for column in members if column)
        along += sum(max([RANKSEP, *(w + 12 for w in gap)]) for gap in labels[:-1])
        across = max(max(sum(b.height + NODESEP for b in column), len(gap) * (LABEL_HEIGHT + 8))
                     for column, gap in zip(members, labels, strict=True))
        return along + margin, across + margin
    across = max(max(sum(b.width + NODESEP for b in row), sum(w + NODESEP for w in gap))
                 for row, gap in zip(members, labels, strict=True))
    along = sum(max(b.height for b in row) for row in members if row)
    along += sum(max(RANKSEP, (LABEL_HEIGHT + 20) if gap else 0) for gap in labels[:-1])
    return across + margin, along + margin


def best_rankdir(boxes: dict[str, Box], edges: list[tuple[str, str, float]], ratio: float | None, margin: float) -> str:
    """LR (the flow left to right) unless top to bottom fits a panel of `ratio` with bigger text."""
    if ratio is None or not boxes:
        return "LR"
    scale = {d: fit(*estimate(boxes, edges, d, margin), ratio) for d in ("LR", "TB")}
    return "TB" if scale["TB"] > scale["LR"] else "LR"


@dataclass
class Block:
    """A group of dependent tasks, laid out top to bottom: `levels` deep, `breadth` boxes wide."""

    tasks: list[str]
    levels: int
    breadth: int


def block(tasks: list[str], edges: list[tuple[str, str]]) -> Block:
    rank = ranks(tasks, edges)
    per_level: dict[int, int] = {}
    for r in rank.values():
        per_level[r] = per_level.get(r, 0) + 1
    return Block(tasks, max(rank.values()) + 1, max(per_level.values()))


def rows(blocks: list[Block], columns: int) -> list[list[Block]]:
    """Blocks laid into rows at most `columns` boxes wide, in order (a wider block gets a row of its own)."""
    out: list[list[Block]] = [[]]
    for item in blocks:
        if out[-1] and sum(b.breadth for b in out[-1]) + item.breadth > columns:
            out.append([])
        out[-1].append(item)
    return out


def best_columns(blocks: list[Block], box: Box, ratio: float, hgap: float, vgap: float) -> int:
    """The row width, in task boxes, that fits a panel of `ratio` with the biggest text (the widest
    that does, so that a small pack keeps its one strip)."""
    total = sum(b.breadth for b in blocks)

    def scale(columns: int) -> float:
        laid = rows(blocks, columns)
        width = max(sum(b.breadth for b in row) for row in laid) * (box.width + hgap)
        height = sum(max(b.levels for b in row) for row in laid) * (box.height + vgap)
        return fit(width, height, ratio)

    return max(range(1, total + 1), key=lambda c: (scale(c), c)) if total else 1
