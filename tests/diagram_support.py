"""Helpers for the tests of `mcx-author render-diagram`: scenario packs built from the clean pack,
running the command, and reading dot's SVG as XML (never as text: dot writes `-` as `&#45;`).

Expected values in the tests come from the YAML the scenarios write (or, for the sample packs,
from their YAML read with PyYAML), never from the tool's own output.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

import yaml
from conftest import edit

SVG = "{http://www.w3.org/2000/svg}"
SHAPES = ("path", "polygon", "ellipse", "polyline")
HIGHLIGHT = "#ff9900"  # AWS orange, as the screenshots show; compared case-insensitively
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"

# --- scenario packs ----------------------------------------------------------------------------------

# The "shop" scenario: the clean pack with a third, nested group, two S3 buckets (same category), a
# Lambda function and a DynamoDB table (two other categories), an actor, an external system, and
# two connections joining the same two components.
SHOP_GROUPS = {"aws-cloud": None, "region": "aws-cloud", "vpc": "region"}
SHOP_COMPONENTS = {  # id -> (label, service, kind, group)
    "visitor": ("Visitor", None, "actor", None),
    "partner": ("Partner CRM", None, "external", None),
    "site-bucket": ("Site bucket", "s3", "service", "region"),
    "logs-bucket": ("Logs bucket", "s3", "service", "region"),
    "api-function": ("Orders function", "lambda", "service", "vpc"),
    "orders-table": ("Orders table", "dynamodb", "service", "vpc"),
}
SHOP_CONNECTIONS = [  # (from, to, label)
    ("visitor", "site-bucket", "browses"),
    ("partner", "api-function", "calls"),
    ("api-function", "orders-table", "writes orders"),
    ("api-function", "orders-table", "reads orders"),
    ("api-function", "logs-bucket", "archives"),
    ("site-bucket", "logs-bucket", "access logs"),
]
SHOP_HIGHLIGHTS = {"enable-versioning": {"site-bucket", "logs-bucket"}, "enable-website": {"site-bucket"}}
TASKS = ["enable-versioning", "enable-website"]  # the clean pack's task list, in order


def add_bucket_2_and_a_repeated_connection(pack: Path) -> None:
    """A component whose id ends in a number (`site-bucket-2`) and two connections visitor -> site-bucket."""
    edit(
        pack / "pack.yaml",
        "    - {id: site-bucket, label: Site bucket, service: s3, group: region}\n",
        "    - {id: site-bucket, label: Site bucket, service: s3, group: region}\n"
        "    - {id: site-bucket-2, label: Backup bucket, service: s3, group: region}\n",
    )
    edit(
        pack / "pack.yaml",
        "    - {from: visitor, to: site-bucket, label: browses}\n",
        "    - {from: visitor, to: site-bucket, label: browses}\n"
        "    - {from: visitor, to: site-bucket, label: uploads}\n"
        "    - {from: visitor, to: site-bucket-2, label: restores}\n",
    )


def make_shop(copy_pack) -> Path:
    """The shop scenario; returns the pack directory (its content root is pack.parent.parent)."""
    pack = copy_pack("clean")
    yaml_file = pack / "pack.yaml"
    edit(yaml_file, "services: [s3]", "services: [s3, lambda, dynamodb]")
    edit(
        yaml_file,
        "    - {id: region, label: US East (N. Virginia), parent: aws-cloud}\n",
        "    - {id: region, label: US East (N. Virginia), parent: aws-cloud}\n"
        "    - {id: vpc, label: Shop VPC, parent: region}\n",
    )
    edit(
        yaml_file,
        "    - {id: site-bucket, label: Site bucket, service: s3, group: region}\n",
        "    - {id: partner, label: Partner CRM, kind: external}\n"
        "    - {id: site-bucket, label: Site bucket, service: s3, group: region}\n"
        "    - {id: logs-bucket, label: Logs bucket, service: s3, group: region}\n"
        "    - {id: api-function, label: Orders function, service: lambda, group: vpc}\n"
        "    - {id: orders-table, label: Orders table, service: dynamodb, group: vpc}\n",
    )
    edit(
        yaml_file,
        "    - {from: visitor, to: site-bucket, label: browses}\n",
        "".join(f"    - {{from: {a}, to: {b}, label: {label}}}\n" for a, b, label in SHOP_CONNECTIONS),
    )
    edit(pack / "tasks/enable-versioning.yaml", "highlight: [site-bucket]", "highlight: [site-bucket, logs-bucket]")
    return pack


def root_of(pack: Path) -> Path:
    return pack.parent.parent


# --- running the command ---------------------------------------------------------------------------


def render(run, pack: Path, *args, name: str = "out.svg"):
    """Run render-diagram on `pack` writing to a fresh file; returns (result, bytes or None)."""
    root = root_of(pack)
    out = root / "out" / name
    out.unlink(missing_ok=True)
    result = run("--root", root, "render-diagram", pack, *args, "-o", out)
    return result, (out.read_bytes() if out.exists() else None)


def render_ok(run, pack: Path, *args, name: str = "out.svg") -> bytes:
    result, data = render(run, pack, *args, name=name)
    assert result.exit_code == 0, result.output
    assert data is not None
    return data


def svg_of(run, pack: Path, *args) -> ET.Element:
    return ET.fromstring(render_ok(run, pack, *args))


# --- reading SVG ------------------------------------------------------------------------------------


def classes(element: ET.Element) -> set[str]:
    return set(element.get("class", "").split())


def gs(root: ET.Element, kind: str) -> list[ET.Element]:
    """Every <g> whose class names `kind` (node, edge, cluster), in document order."""
    return [g for g in root.iter(f"{SVG}g") if kind in classes(g)]


def by_id(root: ET.Element, kind: str) -> dict[str, ET.Element]:
    return {g.get("id"): g for g in gs(root, kind)}


def texts(element: ET.Element) -> list[str]:
    return ["".join(t.itertext()) for t in element.iter(f"{SVG}text")]


def shape(g: ET.Element) -> ET.Element:
    """The first drawn outline of a node, edge or cluster."""
    return next(child for child in g if child.tag in {SVG + s for s in SHAPES})


def ends(edge: ET.Element) -> tuple[str, str]:
    """(tail, head) of an edge from its <title> `tail->head` (slugs never contain `->`)."""
    tail, head = edge.find(f"{SVG}title").text.split("->")
    return tail, head


def visible(edge: ET.Element) -> bool:
    return any(
        child.get("stroke") not in (None, "none", "transparent")
        for child in edge
        if child.tag in (SVG + "path", SVG + "polyline")
    )


_NUMBER = re.compile(r"-?\d+(?:\.\d+)?")


def bbox(element: ET.Element) -> tuple[float, float, float, float]:
    """(x0, y0, x1, y1) of a <g>'s first outline (dot writes absolute coordinates only)."""
    outline = shape(element) if element.tag == f"{SVG}g" else element
    if outline.tag == f"{SVG}ellipse":
        cx, cy, rx, ry = (float(outline.get(a)) for a in ("cx", "cy", "rx", "ry"))
        return cx - rx, cy - ry, cx + rx, cy + ry
    numbers = [float(n) for n in _NUMBER.findall(outline.get("d") or outline.get("points"))]
    xs, ys = numbers[0::2], numbers[1::2]
    return min(xs), min(ys), max(xs), max(ys)


def inside(inner, outer) -> bool:
    return outer[0] < inner[0] and outer[1] < inner[1] and inner[2] < outer[2] and inner[3] < outer[3]


_GEOMETRY = ("d", "points", "cx", "cy", "rx", "ry", "x", "y", "width", "height", "transform")


def geometry(root: ET.Element) -> dict[str, list]:
    """Where everything is drawn: per node, edge and cluster <g> (by id), the position attributes of
    its children (outlines, arrowheads, text); colours and classes left out."""
    out = {}
    for g in root.iter(f"{SVG}g"):
        if classes(g) & {"node", "edge", "cluster"}:
            key = g.get("id") or g.find(f"{SVG}title").text
            assert key not in out, f"two drawn elements share the id {key!r}"
            out[key] = [
                (child.tag, tuple((a, child.get(a)) for a in _GEOMETRY if child.get(a) is not None))
                for child in g.iter()
                if child is not g and child.tag != f"{SVG}title"
            ]
    return out


def stroke(g: ET.Element) -> str:
    return (shape(g).get("stroke") or "").lower()


# --- reading the sample packs' YAML -------------------------------------------------------------------


def load_yaml(path: Path):
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def listed_tasks(pack: Path) -> list[dict]:
    return [load_yaml(pack / "tasks" / f"{task_id}.yaml") for task_id in load_yaml(pack / "pack.yaml")["tasks"]]


def png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == PNG_SIGNATURE and data[12:16] == b"IHDR"
    return int.from_bytes(data[16:20], "big"), int.from_bytes(data[20:24], "big")


def svg_size_pt(root: ET.Element) -> tuple[float, float]:
    return tuple(float(root.get(a).removesuffix("pt")) for a in ("width", "height"))
