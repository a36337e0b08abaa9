"""Benchmark: `mcx-author dry-run` against the floor of one plain boto3-on-moto script.

The floor makes exactly the calls of setup, every solution and every validator once, in one fresh
process (imports and moto's lazy backend loading included, as in the dry-run). The dry-run runs every
phase of every task (before, after, each counterexample, full). Each is a fresh process, best of
--repeat. Targets: dry-run within 3x the floor, the sample pack under 3 s wall, cost linear in the
number of tasks (generated S3 packs of 10 and 30 tasks, each task with one counterexample).

    python bench/dry_run.py [--pack packs/serverless-web-app] [--repeat 3]
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable

FLOOR = r"""
import sys, time
from pathlib import Path
from authoring import lint
from authoring.config import Config
from authoring.project import valid_pack
from authoring.runtime.values import PackFiles, fill, fill_text, search
pack = valid_pack(Path(sys.argv[1]), Path(sys.argv[2]), Config())
import boto3
from moto import mock_aws
mock = mock_aws(config={"core": {"reset_boto3_session": False}}); mock.start()
session = boto3.Session(aws_access_key_id="t", aws_secret_access_key="t", region_name=pack.region)
clients, files = {}, PackFiles(pack.directory)
values = {"account_id": "123456789012", "region": pack.region, "suffix": "bench1"}
for name, template in pack.variables.items():
    values[name] = fill_text(template, values)
def call(step, values):
    client = clients.get(step.service) or clients.setdefault(step.service, session.client(step.service))
    try:
        response = getattr(client, step.method)(**fill(step.params or {}, values, files))
    except Exception:
        return
    for name, expr in step.save.items():
        values[name] = search(fill_text(expr, values), response)
for step in pack.setup:
    call(step, values)
setup_values = dict(values)
tasks = pack.listed_tasks
for task in tasks:
    for step in task.solution:
        call(step, values)
for task in tasks:
    for validator in task.validators:
        scoped = dict(setup_values)
        for step in validator.steps:
            call(step, scoped)
"""


def timed(argv: list[str], repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        started = time.perf_counter()
        subprocess.run(argv, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        best = min(best, time.perf_counter() - started)
    return best


def floor(pack: Path, root: Path, repeat: int) -> float:
    return timed([PYTHON, "-c", FLOOR, str(pack), str(root)], repeat)


def dry_run(pack: Path, repeat: int, *extra: str) -> float:
    return timed([PYTHON, "-m", "authoring.cli", "dry-run", str(pack), "--allow-unsupported", *extra], repeat)


def generate(root: Path, tasks: int) -> Path:
    """A pack of `tasks` independent S3 tasks (versioning on its own bucket), from tests/packs/dryrun-clean."""
    source = ROOT / "tests" / "packs" / "dryrun-clean"
    pack = root / "packs" / f"gen-{tasks}"
    (pack / "tasks").mkdir(parents=True)
    shutil.copytree(source / "assets", pack / "assets")
    text = (source / "pack.yaml").read_text(encoding="utf-8").replace("id: dryrun-clean", f"id: gen-{tasks}")
    head, _, _ = text.partition("\ntasks:\n")
    setup = "".join(f"  - call: s3.create_bucket\n    params: {{Bucket: \"mcx-gen-{i}-{{suffix}}\"}}\n" for i in range(tasks))
    head = head.replace("setup:\n", "setup:\n" + setup, 1).replace("duration_minutes: 60", "duration_minutes: 480")
    (pack / "pack.yaml").write_text(head + "\ntasks:\n" + "".join(f"  - t{i}\n" for i in range(tasks)), encoding="utf-8")
    task = (source / "tasks" / "enable-versioning.yaml").read_text(encoding="utf-8")
    for i in range(tasks):
        body = task.replace("id: enable-versioning", f"id: t{i}").replace("{site_bucket}", f"mcx-gen-{i}-{{suffix}}")
        (pack / "tasks" / f"t{i}.yaml").write_text(body.replace("estimated_minutes: 10", "estimated_minutes: 1"),
                                                   encoding="utf-8")
    return pack


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pack", default="packs/serverless-web-app")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    pack = (ROOT / args.pack).resolve()
    base, run = floor(pack, ROOT, args.repeat), dry_run(pack, args.repeat)
    print(f"{pack.name}: floor {base:.2f} s, dry-run {run:.2f} s ({run / base:.1f}x; target 3x, and under 3 s)")
    jobs = dry_run(pack, args.repeat, "--jobs", "2")
    print(f"{pack.name}: dry-run --jobs 2 {jobs:.2f} s")
    with tempfile.TemporaryDirectory() as tmp:
        sizes = {n: dry_run(generate(Path(tmp), n), args.repeat) for n in (10, 30)}
    per_task = (sizes[30] - sizes[10]) / 20
    print(f"generated: 10 tasks {sizes[10]:.2f} s, 30 tasks {sizes[30]:.2f} s ({per_task * 1000:.0f} ms per extra task)")


if __name__ == "__main__":
    main()
