"""`render-diagram --layout-timeout`: a layout that takes too long stops dot and says, in one line,
which view of which size it was, instead of running for minutes (300 components with 700
connections took over 60 s, 1,000 never finished)."""

from __future__ import annotations

import os
import random
import time
from pathlib import Path

import pytest
from conftest import edit

COMPONENTS = 150  # with cycles, labels and a group: about 20 s of dot on the machine it was measured on
CONNECTIONS = 345


def make_big(pack: Path, components: int = COMPONENTS, connections: int = CONNECTIONS) -> Path:
    """The clean pack with `components` more S3 buckets in the region, joined at random both ways."""
    rng = random.Random(5)
    ids = [f"b{i:03d}" for i in range(components)]
    edit(
        pack / "pack.yaml",
        "    - {id: site-bucket, label: Site bucket, service: s3, group: region}\n",
        "    - {id: site-bucket, label: Site bucket, service: s3, group: region}\n"
        + "".join(f"    - {{id: {c}, label: Bucket {c}, service: s3, group: region}}\n" for c in ids),
    )
    pairs: set[tuple[str, str]] = set()
    while len(pairs) < connections:
        a, b = rng.sample(ids, 2)
        pairs.add((a, b))
    edit(
        pack / "pack.yaml",
        "    - {from: visitor, to: site-bucket, label: browses}\n",
        "    - {from: visitor, to: site-bucket, label: browses}\n"
        + "".join(f"    - {{from: {a}, to: {b}, label: copies {a} to {b}}}\n" for a, b in sorted(pairs)),
    )
    return pack


@pytest.fixture
def big(copy_pack):
    return make_big(copy_pack("clean"))


def dot_children() -> list[int]:
    """Process ids of `dot` processes this test process started that are still there (zombies too)."""
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            text = stat.read_text()
        except OSError:
            continue
        name, rest = text.split("(", 1)[1].rsplit(")", 1)
        if name == "dot" and int(rest.split()[1]) == os.getpid():
            found.append(int(stat.parent.name))
    return found


def run_timed(run, *args):
    start = time.monotonic()
    result = run(*args)
    return result, time.monotonic() - start


SIZE = f"{COMPONENTS + 2} components, {CONNECTIONS + 1} connections"


def test_layout_past_the_limit_is_stopped_with_one_line_naming_the_view_and_size(run, big):
    root = big.parent.parent
    result, seconds = run_timed(run, "--root", root, "render-diagram", big, "--layout-timeout", "0.5", "-o", root / "a.svg")
    assert result.exit_code == 1 and seconds < 10, (result.output, seconds)
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "architecture" in lines[0] and SIZE in lines[0] and "0.5 s" in lines[0], lines
    assert not (root / "a.svg").exists()
    assert dot_children() == []


@pytest.mark.parametrize("fmt", ["svg", "png"])
def test_all_past_the_limit_is_stopped_naming_the_view(run, big, fmt):
    root = big.parent.parent
    args = ("--root", root, "render-diagram", big, "--all", "--format", fmt, "--layout-timeout", "0.5", "-o", root / "d")
    result, seconds = run_timed(run, *args)
    assert result.exit_code == 1 and seconds < 10, (result.output, seconds)
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "architecture" in lines[0] and SIZE in lines[0], lines
    assert dot_children() == []


def test_a_small_pack_lays_out_within_a_short_limit(run, copy_pack):
    pack = copy_pack("clean")
    root = pack.parent.parent
    result = run("--root", root, "render-diagram", pack, "--all", "--layout-timeout", "5", "-o", root / "d")
    assert result.exit_code == 0, result.output


@pytest.mark.parametrize("value", ["0", "-1", "soon"])
def test_layout_timeout_must_be_a_positive_number(run, copy_pack, value):
    pack = copy_pack("clean")
    result = run("--root", pack.parent.parent, "render-diagram", pack, "--layout-timeout", value)
    assert result.exit_code == 2 and "--layout-timeout" in result.stderr
