"""Benchmark: `mcx-author lint` over N generated packs against the floor of parsing the same files.

The floor is one Python process that reads every YAML file of the corpus with yaml.CSafeLoader and
does nothing else. Both are timed as whole commands (interpreter start-up included) in the same run,
best of --repeat; the target is lint of 100 packs within 3x the floor, growing linearly.

    python bench/lint_corpus.py [--sizes 25 100] [--repeat 3] [--pack packs/serverless-web-app]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

from _corpus import ROOT, best_of, make_corpus

FLOOR = (
    "import sys, yaml\n"
    "for name in sys.argv[1:]:\n"
    "    with open(name, 'rb') as f: yaml.load(f, Loader=yaml.CSafeLoader)\n"
)


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
