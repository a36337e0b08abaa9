"""Benchmark: `render-diagram --view tasks` of a task title of 100k characters without a space, in
English and in Japanese, against the same pack with its ordinary title, timed in the same run.

Wrapping used to cut a too-long word by re-measuring all of it at every cut (40k characters: 5 s;
1.9 MB: never finished); it is linear now. Reported: the wrap alone and the whole render (wrap,
graph, dot's layout of a label thousands of lines high), each also as a ratio to the baseline.

    python bench/diagram_wrap.py [--chars 100000]
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
import time
from pathlib import Path

from _corpus import ROOT

TITLE = "title: Protect the site's files with versioning"


def timed(function) -> float:
    start = time.perf_counter()
    function()
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--chars", type=int, default=100_000)
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT))
    from authoring.config import Config
    from authoring.diagram.build import TASK_TITLE_WIDTH, wrap
    from authoring.diagram.render import render_one
    from authoring.project import valid_pack

    with tempfile.TemporaryDirectory(prefix="mcx-bench-") as tmp:
        root = Path(tmp)
        pack_dir = root / "packs" / "clean"
        shutil.copytree(ROOT / "tests" / "packs" / "clean", pack_dir)
        task_file = pack_dir / "tasks" / "enable-versioning.yaml"
        original = task_file.read_text(encoding="utf-8")
        baseline = timed(lambda: render_one(valid_pack(pack_dir, root, Config()), root, "tasks"))
        print(f"render --view tasks, ordinary title (baseline): {baseline:7.3f} s")
        for name, unit in (("English", "a"), ("Japanese", "バケットを作成する")):
            text = (unit * (args.chars // len(unit) + 1))[: args.chars]
            task_file.write_text(original.replace(TITLE, f"title: {text}"), encoding="utf-8")
            pack = valid_pack(pack_dir, root, Config())
            wrapping = timed(lambda text=text: wrap(text, TASK_TITLE_WIDTH))
            whole = timed(lambda pack=pack: render_one(pack, root, "tasks"))
            print(f"{name:8s} {args.chars} chars: wrap {wrapping:6.3f} s, render {whole:7.3f} s "
                  f"({whole / baseline:5.1f}x the baseline)")


if __name__ == "__main__":
    main()
