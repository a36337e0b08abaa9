"""DOT sources for the two views, built from the model in a stable order (same input, same bytes)."""

from __future__ import annotations

import functools
import html
import os
import re
import stat
from itertools import pairwise
from pathlib import Path

import graphviz

from ..i18n import keys
from ..model import Pack
from ..text import char_width, display_width
from .labels import Labels
from .layout import DEFAULT_RATIO, Block, Box, best_columns, best_rankdir, block, parse_ratio, rows, text_width
from .style import (
    DIMMED_OPACITY,
    FONT,
    HIGHLIGHT,
    INK,
    MUTED,
    category,
    colours,
    group_style,
    service_name,
)

_ALPHA = format(int(float(DIMMED_OPACITY) * 255), "02X")
TASK_TITLE_WIDTH = 30  # display columns per line of a task title in the tasks view

UNITS = {
    "en": "{points} points · {minutes} min",
    "ja": "{points} 点・{minutes} 分",
}


def wrap(text: str, width: int) -> list[str]:
    """Lines of at most `width` display columns, as even as the breaks allow (no lone last word),
    broken between words and Japanese phrases, never inside one that fits on a line.

    Linear in the length of `text`: the pieces are found once, and each try at a narrower width
    measures each character a bounded number of times."""
    pieces = _pieces(text)
    lines, cuts = _wrap(pieces, width)
    if len(lines) > 1:
        even = -(-display_width(text) // len(lines)) + 1
        for narrower in range(even, width):
            balanced, more_cuts = _wrap(pieces, narrower)
            if len(balanced) == len(lines) and more_cuts <= cuts:
                return balanced
    return lines


# Japanese line-breaking rules (kinsoku): no line starts with these
NO_LINE_START = set("ーぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮヵヶ、。，．・：；？！」』）】〕〉》ゝゞヽヾ々")
_HIRAGANA = re.compile(r"[\u3041-\u309f、。・]")


@functools.cache
def _phrase_parser():
    """BudouX's Japanese phrase model, when installed; None otherwise (a rule stands in for it)."""
    try:
        import budoux
    except ImportError:
        return None
    return budoux.load_default_japanese_parser()


def _segments(token: str) -> list[str]:
    """A CJK run cut where Japanese text breaks naturally. With BudouX: its phrases
    (`ショップの / チャットを / エージェントに / 接続する`). Without it, a rule that never splits a
    katakana or kanji word: cut after a hiragana run (particles, okurigana) and before kanji,
    katakana or Latin, never before a character that may not start a line."""
    parser = _phrase_parser()
    if parser is not None:
        return parser.parse(token)
    parts = [token[0]]
    for before, char in pairwise(token):
        if _HIRAGANA.match(before) and not _HIRAGANA.match(char) and char not in NO_LINE_START:
            parts.append(char)
        else:
            parts[-1] += char
    return parts


def _pieces(text: str) -> list[str]:
    """Words (with their trailing space) of Latin text; phrases of Japanese text."""
    text = text.strip()
    if text.isascii():
        return re.findall(r"\S+\s*", text)
    if _phrase_parser() is not None:
        return [p for p in _segments(text) if p]
    pieces = []
    for token in re.findall(r"\S+\s*", text):
        pieces += [token] if token.isascii() else _segments(token)
    return pieces


def _wrap(pieces: list[str], width: int) -> tuple[list[str], int]:
    """Lines of at most `width` display columns, and how many pieces had to be cut to get there."""
    lines: list[str] = []
    current, used = "", 0  # the line being filled and its width
    cuts = 0
    for piece in pieces:
        # measured no further than a line, so a long piece costs one line here and is cut below
        size = _width_upto(piece.rstrip(), width + 1)
        if used + size <= width:
            current += piece
            used += display_width(piece)
            continue
        if current:
            lines.append(current.rstrip())
        if size > width:  # one piece wider than a line: cut it
            cut_lines, piece = _cut_long(piece, width)
            lines += cut_lines
            cuts += len(cut_lines)
        current, used = piece, display_width(piece)
    if current.strip():
        lines.append(current.rstrip())
    return lines or [""], cuts


def _width_upto(text: str, limit: int) -> int:
    """The display width of `text`, counted no further than `limit` columns."""
    if text.isascii():
        return min(len(text), limit)
    used = 0
    for char in text:
        used += char_width(char)
        if used >= limit:
            break
    return used


def _cut_long(piece: str, width: int) -> tuple[list[str], str]:
    """A piece wider than a line cut into full lines, and the rest (which fits on one). Each cut
    looks at one line's worth of characters: at its last space that fits, else by kinsoku."""
    body = piece.rstrip()
    ascii_only = body.isascii()
    lines: list[str] = []
    start = 0
    while True:
        end = _fit(body, start, width, ascii_only)
        if end >= len(body):
            return lines, piece[start:]
        cut = _cut(body, start, end)
        lines.append(body[start:cut].rstrip())
        start = cut
        while start < len(body) and body[start].isspace():
            start += 1


def _fit(text: str, start: int, width: int, ascii_only: bool) -> int:
    """The furthest end such that text[start:end] is at most `width` columns."""
    if ascii_only:
        return min(len(text), start + width)
    used, end = 0, start
    while end < len(text) and used + char_width(text[end]) <= width:
        used += char_width(text[end])
        end += 1
    return end


def _cut(text: str, start: int, end: int) -> int:
    """Where to cut text[start:] whose first `end - start` characters fill a line: after its last
    space that fits (a space just past the line counts, as trailing spaces are not shown), else
    before the last character that may start a line (kinsoku)."""
    space = text.rfind(" ", start, end + 1)
    if space >= start and text[start:space].strip():
        return space + 1
    cut = end
    while cut > start + 1 and text[cut] in NO_LINE_START:
        cut -= 1
    return cut


class ViewGraph(graphviz.Digraph):
    """A view's graph, with what a layout that takes too long is reported as (view, locale, size)."""

    what: str = ""


def _base(name: str, rankdir: str = "LR") -> ViewGraph:
    graph = ViewGraph(name=name, engine="dot")
    graph.attr(
        rankdir=rankdir, fontname=FONT, fontsize="12", fontcolor=INK, bgcolor="white", pad="0.3",
        nodesep="0.4", ranksep="0.55", newrank="true", compound="true",
    )
    graph.attr("node", fontname=FONT, fontsize="12", fontcolor=INK, margin="0.15,0.08")
    graph.attr("edge", fontname=FONT, fontsize="10", fontcolor=MUTED, color="#7D8998", arrowsize="0.7")
    return graph


def _fade(colour: str) -> str:
    return colour + _ALPHA if re.fullmatch(r"#[0-9A-Fa-f]{6}", colour) else colour


def label_text(text: str) -> str:
    """`text` for an HTML-like label, shown exactly as written. Graphviz expands `\\N \\G \\E \\T
    \\H` (node, graph, edge and end names) even in HTML-like labels, after reading entities, and
    reads `\\\\` as one backslash: so every backslash is doubled, and markup characters escaped."""
    return html.escape(text, quote=False).replace("\\", "\\\\")


def text_label(text: str) -> str:
    """A label shown exactly as written: as HTML-like text, so neither Graphviz escapes (`\\N`, `\\n`)
    nor angle brackets are interpreted."""
    return "<" + label_text(text).replace("\n", "<BR/>") + ">"


def component_label(text: str, service: str | None, icon: str | None = None, dim: bool = False) -> str:
    """Bold label over the AWS service name; `dim` fades the colours only, never the size."""
    muted = _fade(MUTED) if dim else MUTED
    rows = f"<TR><TD><B>{label_text(text)}</B></TD></TR>"
    if service:
        name = label_text(service_name(service))
        rows += f'<TR><TD><FONT POINT-SIZE="9" COLOR="{muted}">{name}</FONT></TD></TR>'
    if icon:
        rows = f'<TR><TD FIXEDSIZE="TRUE" WIDTH="40" HEIGHT="40"><IMG SRC="{html.escape(icon)}" SCALE="TRUE"/></TD></TR>' + rows
    return f'<<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="0" CELLPADDING="1">{rows}</TABLE>>'


def connection_ids(pack: Pack) -> list[tuple[str, str, str, str]]:
    """(edge id, from, to, label msgctxt) per connection; numbered when two join the same components,
    as the i18n keys are."""
    connections = pack.architecture.connections
    ends = [(c.source, c.target) for c in connections]
    out = []
    for (source, target), key, n in zip(ends, keys.connection_labels(ends), _occurrences(ends), strict=True):
        # slugs never hold `--`, so `a--b--2` cannot be read as a connection to a component `b-2`
        edge_id = f"{source}--{target}" + ("" if n == 1 else f"--{n}")
        out.append((edge_id, source, target, key))
    return out


def _occurrences(items: list) -> list[int]:
    """1 for the first of each item, 2 for its second, ..."""
    seen: dict = {}
    out = []
    for item in items:
        seen[item] = seen.get(item, 0) + 1
        out.append(seen[item])
    return out


def architecture_graph(
    pack: Pack, labels: Labels, highlight: frozenset[str] | None = None, icons: Path | None = None,
    ratio: float | None = parse_ratio(DEFAULT_RATIO),
) -> graphviz.Digraph:
    """The architecture: groups as nested clusters, components as nodes, connections as edges,
    flowing left to right or top to bottom, whichever fits a panel of `ratio` (None: left to right).

    `highlight` (a task's components) restyles without changing any size, so the layout is the
    same as without it; the SVG path instead restyles one shared layout (see render.py).
    """
    arch = pack.architecture
    graph = _base(f"{pack.id}-architecture", _architecture_rankdir(pack, labels, ratio))
    graph.what = (
        f"the architecture view of `{pack.id}` ({labels.locale}), "
        f"{len(arch.components)} components, {len(arch.connections)} connections"
    )
    children: dict[str | None, list] = {}
    for group in arch.groups:
        children.setdefault(group.parent, []).append(group)
    members: dict[str | None, list] = {}
    for component in arch.components:
        members.setdefault(component.group, []).append(component)

    def add_components(target: graphviz.Digraph, group_id: str | None) -> None:
        for component in members.get(group_id, []):
            text = labels.get(keys.component_label(component.id), component.label)
            dim = highlight is not None and component.id not in highlight
            attrs = _component_attrs(component, text, icons, dim)
            if highlight is not None:
                _emphasise(attrs, not dim)
            target.node(component.id, **attrs)

    def add_group(target: graphviz.Digraph, group) -> None:
        with target.subgraph(name=f"cluster_{group.id}") as cluster:
            style = group_style(group.id)
            cluster.attr(
                id=group.id, label=text_label(labels.get(keys.group_label(group.id), group.label)),
                labeljust="l", fontsize="11", fontcolor=style["color"], margin="14", **style,
                **{"class": "group"},
            )
            for child in children.get(group.id, []):
                add_group(cluster, child)
            add_components(cluster, group.id)

    for group in children.get(None, []):
        add_group(graph, group)
    group_of = {c.id: c.group for c in arch.components}
    add_components(graph, None)
    for (edge_id, source, target, context), connection in zip(connection_ids(pack), arch.connections, strict=True):
        attrs = {"id": edge_id, "class": "connection"}
        if connection.label:
            attrs["label"] = text_label(labels.get(context, connection.label))
            if group_of.get(source) != group_of.get(target):
                # dot lets the label of an edge leaving a group overlap the group's border when it
                # shares a rank with the group's nodes; a longer edge gives the label a rank of its own
                attrs["minlen"] = "2"
        if highlight is not None:
            on = source in highlight and target in highlight
            attrs.update(
                {"color": HIGHLIGHT, "penwidth": "2.5", "fontcolor": INK}
                if on
                else {"color": _fade("#7D8998"), "fontcolor": _fade(MUTED)}
            )
        graph.edge(source, target, **attrs)
    return graph


def _architecture_rankdir(pack: Pack, labels: Labels, ratio: float | None) -> str:
    arch = pack.architecture
    boxes = {}
    for component in arch.components:
        text = labels.get(keys.component_label(component.id), component.label)
        service = service_name(component.service) if component.service else ""
        width = max(text_width(text, 12.5), text_width(service, 9)) + 24
        boxes[component.id] = Box(width * (1.3 if component.kind == "actor" else 1.0))
    edges = [
        (source, target, text_width(labels.get(context, connection.label or ""), 10))
        for (_, source, target, context), connection in zip(connection_ids(pack), arch.connections, strict=True)
    ]
    parents = {g.id: g.parent for g in arch.groups}

    def depth(group: str | None) -> int:
        return 0 if group is None else 1 + depth(parents.get(group))

    margin = 2 * 24 * max((depth(g) for g in parents), default=0) + 44
    return best_rankdir(boxes, edges, ratio, margin)


def _component_attrs(component, text: str, icons: Path | None, dim: bool = False) -> dict[str, str]:
    kind = component.kind or "service"
    border, fill = colours(component.service)
    icon = _icon(icons, component.service) if icons and component.service else None
    attrs = {
        "id": component.id,
        "label": component_label(text, component.service, icon, dim),
        "class": f"component kind-{kind} category-{category(component.service)}",
        "shape": "box",
        "style": "rounded,filled",
        "color": border,
        "fillcolor": fill,
        "penwidth": "1.5",
    }
    if kind == "actor":
        attrs.update(shape="oval", style="filled", color=MUTED, fillcolor="white")
    elif kind == "external":
        attrs.update(style="rounded,dashed,filled", color=MUTED, fillcolor="#FAFAFA")
    return attrs


def _emphasise(attrs: dict[str, str], on: bool) -> None:
    if on:
        attrs.update(color=HIGHLIGHT, penwidth="3")
    else:
        attrs.update(color=_fade(attrs["color"]), fillcolor=_fade(attrs["fillcolor"]), fontcolor=_fade(INK))


# words of the official AWS Architecture Icons file names (`Arch_Amazon-DynamoDB_48.png`)
_ICON_WORDS = {
    "s3": "Simple-Storage-Service", "lambda": "Lambda", "apigateway": "API-Gateway", "dynamodb": "DynamoDB",
    "sqs": "Simple-Queue-Service", "sns": "Simple-Notification-Service", "stepfunctions": "Step-Functions",
    "wafv2": "WAF", "cloudfront": "CloudFront", "iam": "Identity-and-Access-Management", "logs": "CloudWatch",
    "bedrock": "Bedrock", "bedrock-agent": "Bedrock", "s3vectors": "Simple-Storage-Service",
    "codebuild": "CodeBuild", "codepipeline": "CodePipeline", "events": "EventBridge", "kms": "Key-Management-Service",
    "secretsmanager": "Secrets-Manager", "cognito-idp": "Cognito", "ec2": "EC2", "ecs": "Elastic-Container-Service",
    "rds": "RDS", "kinesis": "Kinesis", "sagemaker": "SageMaker",
}


MAX_ICON_BYTES = 1024 * 1024  # an AWS architecture icon is a few KB


def is_icon_file(path: Path) -> bool:
    """A regular file within the icon size limit (by its status: a FIFO or device is never opened,
    here or by dot)."""
    try:
        info = os.stat(path)
    except (OSError, ValueError):
        return False
    return stat.S_ISREG(info.st_mode) and info.st_size <= MAX_ICON_BYTES


def _icon(icons: Path, service: str) -> str | None:
    """An icon for `service` from a local copy of the AWS Architecture Icons (48 px PNG preferred)."""
    word = _ICON_WORDS.get(service, service)
    pattern = re.compile(rf"(^|[_-]){re.escape(word)}(_(\d+))?\.png$", re.I)
    found = []
    for path in icons.rglob("*.png"):
        match = pattern.search(path.name)
        if match and is_icon_file(path):
            size = int(match.group(3) or 0)
            found.append((size != 48, abs(size - 48), str(path)))
    return str(Path(min(found)[2]).resolve()) if found else None


def tasks_graph(
    pack: Pack, labels: Labels, selected: str | None = None, ratio: float | None = parse_ratio(DEFAULT_RATIO)
) -> graphviz.Digraph:
    """One node per task (title, points, minutes), an edge per `depends_on`, unrelated tasks side by
    side in display order; with a `ratio`, the strip wraps into rows that fit a panel of that shape."""
    tasks = pack.listed_tasks
    graph = _base(f"{pack.id}-tasks", "LR" if ratio is None else "TB")
    graph.attr(ranksep="0.45", nodesep="0.3")
    units = UNITS.get(labels.locale.split("_")[0], UNITS["en"])
    dependencies = sum(len(t.depends_on) for t in tasks)
    graph.what = f"the tasks view of `{pack.id}` ({labels.locale}), {len(tasks)} tasks, {dependencies} dependencies"
    box = Box(0.0, 0.0)  # the biggest task box, estimated
    for task in tasks:
        lines = wrap(labels.get(keys.task_field(task.id, "title"), task.title), TASK_TITLE_WIDTH)
        box.width = max(box.width, 30 + max(text_width(line, 12.5) for line in lines))
        box.height = max(box.height, 30 + 17 * len(lines))
        dim = selected is not None and task.id != selected
        attrs = {"id": task.id, "class": "task", "label": _task_label(lines, units, task, dim), **TASK_BOX}
        if selected is not None:
            _emphasise(attrs, not dim)
        graph.node(task.id, **attrs)
    known = {t.id for t in tasks}
    for task in tasks:
        for dependency in task.depends_on:
            if dependency in known:
                graph.edge(dependency, task.id, id=f"{dependency}--{task.id}", **{"class": "dependency"},
                           color=INK, penwidth="1.4")
    groups = _components(tasks)
    if ratio is None:
        _strip(graph, groups)
    else:
        edges = [(d, t.id) for t in tasks for d in t.depends_on if d in known]
        blocks = [block(group, edges) for group in groups]
        _grid(graph, rows(blocks, best_columns(blocks, box, ratio, 0.3 * 72, 0.45 * 72)), edges)
    return graph


TASK_BOX = {"shape": "box", "style": "rounded,filled", "color": "#879196", "fillcolor": "#FFFFFF", "penwidth": "1.2"}


def _task_label(lines: list[str], units: str, task, dim: bool) -> str:
    """Title in bold over points and minutes; `dim` fades every line, the facts included."""
    rows_ = "".join(f"<TR><TD><B>{label_text(line)}</B></TD></TR>" for line in lines)
    facts = label_text(units.format(points=task.points, minutes=task.estimated_minutes))
    muted = _fade(MUTED) if dim else MUTED
    rows_ += f'<TR><TD CELLPADDING="4"><FONT POINT-SIZE="9" COLOR="{muted}">{facts}</FONT></TD></TR>'
    return f'<<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="0" CELLPADDING="1">{rows_}</TABLE>>'


def _strip(graph: graphviz.Digraph, groups: list[list[str]]) -> None:
    """Every group in one left-to-right strip, in display order: the exam's `A  B  C-D-E`."""
    for before, after in pairwise(groups):
        graph.edge(before[-1], after[0], style="invis", weight="0")


def _grid(graph: graphviz.Digraph, laid: list[list[Block]], edges: list[tuple[str, str]]) -> None:
    """Top to bottom: each row's groups side by side in display order (their first tasks on one
    rank, kept in order by invisible edges), each group's chains running down, and each row below
    the deepest chain of the one above, starting at the left."""
    firsts = []
    for row in laid:
        heads = [_roots(b.tasks, edges)[0] for b in row]
        with graph.subgraph() as same:
            same.attr(rank="same")
            for task in heads:
                same.node(task)
        for before, after in pairwise(heads):
            graph.edge(before, after, style="invis")
        firsts.append((heads[0], max(b.levels for b in row)))
    for (above, levels), (below, _) in pairwise(firsts):
        graph.edge(above, below, style="invis", minlen=str(levels))


def _roots(tasks: list[str], edges: list[tuple[str, str]]) -> list[str]:
    """The tasks of a group that depend on none of the others, in display order."""
    dependent = {head for tail, head in edges if tail in tasks}
    return [t for t in tasks if t not in dependent] or tasks[:1]


def _components(tasks) -> list[list[str]]:
    """Weakly connected groups of tasks, each in display order, groups ordered by their first task."""
    ids = [t.id for t in tasks]
    parent = {i: i for i in ids}

    def find(i: str) -> str:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for task in tasks:
        for dependency in task.depends_on:
            if dependency in parent:
                parent[find(task.id)] = find(dependency)
    groups: dict[str, list[str]] = {}
    for i in ids:
        groups.setdefault(find(i), []).append(i)
    return sorted(groups.values(), key=lambda g: ids.index(g[0]))
