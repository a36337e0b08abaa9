"""Helpers shared by the commands: the content root and the pack paths, resolved once."""

from __future__ import annotations

from pathlib import Path

import click


def content_root(ctx: click.Context) -> Path:
    """The content root for a command that names no pack (`--root`, else found from the current directory)."""
    return locate_packs(ctx, ()).root


def locate_packs(ctx: click.Context, paths):
    """The content root found from the pack paths (or `--root`) and the paths made absolute."""
    from .. import lint  # noqa: F401  (registers the structural check `project.valid_pack` runs)
    from ..project import locate

    return locate(paths, (ctx.find_root().obj or {}).get("root"))
