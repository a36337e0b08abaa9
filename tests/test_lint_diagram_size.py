"""lint's `diagram-size` warning: an architecture bigger than what Graphviz lays out in a few seconds
(100 components or 230 connections, measured by bench/diagram_size.py) is reported once, at the first
part over the limit; at the limit there is no finding."""

from __future__ import annotations

from conftest import edit, findings_of

SITE = "    - {id: site-bucket, label: Site bucket, service: s3, group: region}\n"
BROWSES = "    - {from: visitor, to: site-bucket, label: browses}\n"


def grow(pack, buckets: int, connections: int) -> int:
    """Add `buckets` components and enough connections for `connections` in all; returns the line of
    the last connection."""
    ids = [f"b{i:03d}" for i in range(buckets)]
    edit(pack / "pack.yaml", SITE, SITE + "".join(f"    - {{id: {c}, label: Bucket {c}, service: s3, group: region}}\n" for c in ids))
    ends = ["site-bucket", *ids]
    extra = [(ends[i % len(ends)], ends[(i + 1) % len(ends)]) for i in range(connections - 1)]
    edit(pack / "pack.yaml", BROWSES, BROWSES + "".join(f"    - {{from: {a}, to: {b}}}\n" for a, b in extra))
    lines = (pack / "pack.yaml").read_text(encoding="utf-8").splitlines()
    return max(n for n, text in enumerate(lines, 1) if text.startswith("    - {from:"))


def size_findings(pack):
    return {f for f in findings_of(pack, pack.parent.parent) if f[0] == "diagram-size"}


def test_at_the_limit_there_is_no_finding(copy_pack):
    pack = copy_pack("clean")
    grow(pack, 98, 230)  # 100 components, 230 connections
    assert size_findings(pack) == set()


def test_one_connection_over_the_limit_is_reported_at_it(copy_pack):
    pack = copy_pack("clean")
    line = grow(pack, 10, 231)
    assert size_findings(pack) == {("diagram-size", "packs/clean/pack.yaml", line, 14)}


def test_too_many_of_both_is_one_finding(copy_pack):
    pack = copy_pack("clean")
    grow(pack, 150, 300)
    assert len(size_findings(pack)) == 1
