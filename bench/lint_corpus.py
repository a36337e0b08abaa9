"""Benchmark: `mcx-author lint` over N generated packs against the floor of parsing the same files.

The floor is one Python process that reads every YAML file of the corpus with yaml.CSafeLoader and
does nothing else. Both are timed as whole commands (interpreter start-up included) in the same run,
best of --repeat; the target is lint of 100 packs within 3x the floor, growing linearly.

    python bench/lint_corpus.py [--sizes 25 100] [--repeat 3] [--pack packs/serverless-web-app]
"""

from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FLOOR = (
    "import sys, yaml\n"
    "for name in sys.argv[1:]:\n"
    "    with open(name, 'rb') as f: yaml.load(f, Loader=yaml.CSafeLoader)\n"
)


def make_corpus(template: Path, count: int, target: Path) -> list[Path]:
    """`count` copies of `template` under target/packs, each with its own id."""
    packs = target / "packs"
    packs.mkdir(parents=True)
    for i in range(count):
        pack_id = f"{template.name}-{i:03d}"
        directory = packs / pack_id
        shutil.copytree(template, directory)
        pack_file = directory / "pack.yaml"
        text = pack_file.read_text(encoding="utf-8")
        pack_file.write_text(re.sub(r"(?m)^id: .*$", f"id: {pack_id}", text, count=1), encoding="utf-8")
    return sorted(packs.rglob("*.yaml"))


def best_of(command: list[str], repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        done = subprocess.run(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        elapsed = time.perf_counter() - start
        if done.returncode not in (0, 1):
            sys.exit(f"command failed ({done.returncode}): {' '.join(command[:3])}...\n{done.stderr.decode()}")
        best = min(best, elapsed)
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[25, 100])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--pack", type=Path, default=ROOT / "packs" / "serverless-web-app")
    args = parser.parse_args()
    mcx = [sys.executable, "-m", "authoring.cli"]
    rows = []
    with tempfile.TemporaryDirectory(prefix="mcx-bench-") as tmp:
        for size in args.sizes:
            target = Path(tmp) / f"n{size}"
            files = make_corpus(args.pack, size, target)
            floor = best_of([sys.executable, "-c", FLOOR, *map(str, files)], args.repeat)
            lint = best_of([*mcx, "--root", str(target), "lint", str(target / "packs")], args.repeat)
            rows.append((size, len(files), floor, lint))
    print(f"lint corpus benchmark: copies of {args.pack.name}, best of {args.repeat}, whole commands")
    print(f"{'packs':>6} {'files':>6} {'floor s':>9} {'lint s':>9} {'ratio':>7}")
    for size, files, floor, lint in rows:
        print(f"{size:>6} {files:>6} {floor:>9.3f} {lint:>9.3f} {lint / floor:>6.2f}x")
    if len(rows) >= 2:
        (s1, _, f1, l1), (s2, _, f2, l2) = rows[0], rows[-1]
        per_floor = (f2 - f1) / (s2 - s1) * 1000
        per_lint = (l2 - l1) / (s2 - s1) * 1000
        print(f"marginal cost per pack: floor {per_floor:.2f} ms, lint {per_lint:.2f} ms ({per_lint / per_floor:.2f}x)")
    size, _, floor, lint = rows[-1]
    verdict = "meets" if lint <= 3 * floor else "misses"
    print(f"target: lint of {size} packs within 3x the parse floor -> {verdict} ({lint / floor:.2f}x)")


if __name__ == "__main__":
    main()
