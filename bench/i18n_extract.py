"""Benchmark: `mcx-author i18n extract` over 100 generated packs against Translate Toolkit's `yaml2po`.

Both read the same YAML files in one process each (whole commands, interpreter start-up included,
best of --repeat). yaml2po turns every string leaf into a message (ids, operation names and params
included) with only its YAML path as context; mcx-author extracts the learner-facing strings with
stable msgctxt keys, source lines, translator notes and format flags, after validating each pack.
Target: at least as fast as yaml2po.

    python bench/i18n_extract.py [--packs 100] [--repeat 5]    # needs: pip install 'translate-toolkit[yaml]'
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
from pathlib import Path

from _corpus import ROOT, best_of, make_corpus


def count_messages(directory: Path) -> tuple[int, int, int]:
    """(messages, with msgctxt, with a translator note) over every .pot below `directory`."""
    messages = contexts = notes = 0
    for pot in directory.rglob("*.pot"):
        entries = pot.read_text(encoding="utf-8").split("\n\n")[1:]
        for entry in entries:
            if "\nmsgid " in "\n" + entry:
                messages += 1
                contexts += "msgctxt " in entry
                notes += "\n#. " in "\n" + entry
    return messages, contexts, notes


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--packs", type=int, default=100)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--pack", type=Path, default=ROOT / "packs" / "serverless-web-app")
    args = parser.parse_args()
    yaml2po = shutil.which("yaml2po", path=str(Path(sys.executable).parent)) or shutil.which("yaml2po")
    if not yaml2po:
        sys.exit("yaml2po not found: pip install 'translate-toolkit[yaml]'")
    with tempfile.TemporaryDirectory(prefix="mcx-bench-") as tmp:
        root = Path(tmp) / "corpus"
        files = make_corpus(args.pack, args.packs, root)
        out = Path(tmp) / "yaml2po-out"
        theirs = best_of([yaml2po, "-P", "--progress", "none", "-i", str(root / "packs"), "-o", str(out)], args.repeat)
        ours = best_of([sys.executable, "-m", "authoring.cli", "--root", str(root), "i18n", "extract"], args.repeat)
        their_counts = count_messages(out)
        our_counts = count_messages(root / "locales")
    print(f"i18n extract benchmark: {args.packs} copies of {args.pack.name} ({len(files)} YAML files), best of {args.repeat}")
    print(f"{'tool':<22} {'seconds':>8} {'messages':>9} {'msgctxt':>8} {'notes':>6}")
    print(f"{'yaml2po':<22} {theirs:>8.3f} {their_counts[0]:>9} {their_counts[1]:>8} {their_counts[2]:>6}")
    print(f"{'mcx-author i18n extract':<22} {ours:>8.3f} {our_counts[0]:>9} {our_counts[1]:>8} {our_counts[2]:>6}")
    verdict = "meets" if ours <= theirs else "misses"
    print(f"target: at least as fast as yaml2po -> {verdict} ({theirs / ours:.2f}x yaml2po's speed)")


if __name__ == "__main__":
    main()
