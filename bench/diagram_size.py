"""Measurement: how long `dot` takes to lay out an architecture of a given size, to set lint's
`diagram-size` limit (the size that still lays out in a few seconds) and render-diagram's
`--layout-timeout` default.

Packs are generated as bench/render_all.py does (nested groups, random connections, seed fixed),
with about 2.3 connections per component (the ratio of the issue's 300 components, 700
connections), each connection then turned round with probability 1/2: cycles and back edges are
what make dot slow (the same pack with every connection running forward lays out 300 components
in about 2 s). Each architecture graph is laid out by `dot -Tsvg` once, killed after --limit s.

    python bench/diagram_size.py [--sizes 25,50,100,150,200,300] [--limit 120]
"""

from __future__ import annotations

import argparse
import random
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from _corpus import ROOT
from render_all import generate


def turn_round(pack: Path, seed: int = 11) -> None:
    """Reverse a random half of the connections (generate() makes them all run forward)."""
    rng = random.Random(seed)
    path = pack / "pack.yaml"

    def maybe(match: re.Match) -> str:
        a, b = match.groups()
        return f"{{from: {b}, to: {a}," if rng.random() < 0.5 else match.group(0)

    path.write_text(re.sub(r"\{from: (\w+), to: (\w+),", maybe, path.read_text(encoding="utf-8")), encoding="utf-8")


def layout_seconds(source: bytes, limit: float) -> float | None:
    """Seconds one `dot -Tsvg` takes on `source`; None when it passes `limit` (it is killed)."""
    start = time.perf_counter()
    try:
        subprocess.run(["dot", "-Tsvg"], input=source, capture_output=True, timeout=limit, check=True)
    except subprocess.TimeoutExpired:
        return None
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="25,50,100,150,200,300")
    parser.add_argument("--per-component", type=float, default=2.3)
    parser.add_argument("--limit", type=float, default=120.0)
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT))
    from authoring.config import Config
    from authoring.diagram.build import architecture_graph
    from authoring.diagram.labels import load_labels
    from authoring.project import valid_pack

    print(f"dot -Tsvg of a generated architecture ({args.per_component} connections per component)")
    for size in (int(s) for s in args.sizes.split(",")):
        connections = min(int(size * args.per_component), size * (size - 1) // 2)
        with tempfile.TemporaryDirectory(prefix="mcx-bench-") as tmp:
            root = Path(tmp)
            directory = generate(root, 3, size, connections)
            turn_round(directory)
            pack = valid_pack(directory, root, Config())
            source = architecture_graph(pack, load_labels(pack, root, None)).source.encode("utf-8")
        seconds = layout_seconds(source, args.limit)
        shown = f"{seconds:8.2f} s" if seconds is not None else f"   > {args.limit:.0f} s (killed)"
        print(f"  {size:5d} components, {connections:5d} connections: {shown}", flush=True)


if __name__ == "__main__":
    main()
