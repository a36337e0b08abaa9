"""Benchmark: `mcx-author build` + `verify` of each sample pack, and of 20 generated packs with
--jobs 2 against --jobs 1.

Each command is a fresh process (imports, the dry-run in moto, Graphviz and msgfmt-free compile
included), best of --repeat. Each sample pack is built twice and the two archives compared byte for
byte; the generated packs (copies of tests/packs/dryrun-clean, Japanese optional) must give the same
archives with either --jobs. On 2 cores --jobs 2 should approach half the time of --jobs 1.

    python bench/build.py [--repeat 3] [--count 20]
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _corpus import ROOT, make_corpus  # noqa: E402

CLI = [sys.executable, "-m", "authoring.cli"]
ALLOW_UNSUPPORTED = {"agentic-ai-app"}  # moto lacks Bedrock guardrails: recorded in the manifest


def timed(argv: list[str], repeat: int) -> tuple[float, subprocess.CompletedProcess]:
    best, done = float("inf"), None
    for _ in range(repeat):
        started = time.perf_counter()
        done = subprocess.run(argv, cwd=ROOT, capture_output=True, text=True)
        best = min(best, time.perf_counter() - started)
    return best, done


def sample(pack: Path, out: Path, repeat: int) -> str:
    extra = ["--allow-unsupported"] if pack.name in ALLOW_UNSUPPORTED else []
    build, done = timed([*CLI, "build", str(pack), "-o", str(out / "a"), *extra], repeat)
    if done.returncode != 0:
        return f"{pack.name}: build refused ({build:.2f} s): {done.stderr.strip()}"
    archive = next((out / "a").glob(f"{pack.name}-*.mcxpack"))
    verify, checked = timed([*CLI, "verify", str(archive)], repeat)
    subprocess.run([*CLI, "build", str(pack), "-o", str(out / "b"), *extra], cwd=ROOT, capture_output=True, check=True)
    same = archive.read_bytes() == (out / "b" / archive.name).read_bytes()
    return (f"{pack.name}: build {build:.2f} s, verify {verify:.2f} s ({'ok' if checked.returncode == 0 else 'FAILED'}), "
            f"{archive.stat().st_size} bytes, rebuild {'byte-identical' if same else 'DIFFERS (did HEAD move?)'}")


def generated(count: int, repeat: int) -> str:
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        make_corpus(ROOT / "tests" / "packs" / "dryrun-clean", count, root)
        for pack_file in (root / "packs").glob("*/pack.yaml"):
            text = pack_file.read_text(encoding="utf-8")
            pack_file.write_text(text.replace("ja: {required: true}", "ja: {required: false}"), encoding="utf-8")
        times = {}
        for jobs in (1, 2):
            argv = [*CLI, "--root", str(root), "build", "--jobs", str(jobs), "-o", str(root / f"jobs{jobs}")]
            times[jobs], done = timed(argv, repeat)
            if done.returncode != 0:
                return f"generated: build --jobs {jobs} failed: {done.stderr.strip()[:400]}"
        one, two = (sorted((root / f"jobs{j}").iterdir()) for j in (1, 2))
        same = [a.read_bytes() for a in one] == [b.read_bytes() for b in two] and len(one) == count
    return (f"{count} generated packs: --jobs 1 {times[1]:.2f} s, --jobs 2 {times[2]:.2f} s "
            f"({times[1] / times[2]:.2f}x); archives {'identical' if same else 'DIFFER'} across --jobs")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--count", type=int, default=20)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        for pack in sorted((ROOT / "packs").iterdir()):
            if (pack / "pack.yaml").is_file():
                print(sample(pack, Path(tmp) / pack.name, args.repeat), flush=True)
    print(generated(args.count, args.repeat), flush=True)


if __name__ == "__main__":
    main()
