"""Shared by the benchmarks: a generated corpus of pack copies, and timing whole commands."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


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


