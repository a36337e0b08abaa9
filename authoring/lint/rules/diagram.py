"""Rules about how the pack's diagrams will render: an architecture too big for Graphviz to lay out."""

from __future__ import annotations

from ...findings import WARNING
from ..context import LintContext
from ..registry import rule

# Measured with bench/diagram_size.py (random connections both ways, labelled, in groups): 75
# components with 172 connections lay out in about 1.5 s, 100 with 229 in about 3 s, 125 with 287 in
# 11 s, 150 with 345 in 32 s; past these limits render-diagram may hit its --layout-timeout.
MAX_COMPONENTS = 100
MAX_CONNECTIONS = 230


@rule("diagram-size", severity=WARNING)
def diagram_size(ctx: LintContext):
    """An architecture with more than 100 components or 230 connections: Graphviz may take minutes to lay
    it out (render-diagram stops it after `--layout-timeout`, 60 s), and the exam's side panel could not
    show it readably anyway.

    Fails:
        components: [{id: bucket-001, ...}, ..., {id: bucket-101, ...}]   # 101 components
    Passes:
        components: [{id: buckets, label: Log buckets (101), service: s3}]   # one component for the lot
    """
    arch = ctx.pack.architecture
    components, connections = len(arch.components), len(arch.connections)
    if components <= MAX_COMPONENTS and connections <= MAX_CONNECTIONS:
        return
    if components > MAX_COMPONENTS:
        where = arch.components[MAX_COMPONENTS].pos("id")
    else:
        where = arch.connections[MAX_CONNECTIONS].pos("from")
    yield where, (
        f"the architecture has {components} components and {connections} connections; above "
        f"{MAX_COMPONENTS} components or {MAX_CONNECTIONS} connections Graphviz may take minutes to lay it out: "
        "draw related parts as one component"
    )
