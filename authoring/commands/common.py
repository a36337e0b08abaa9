"""Helpers shared by the commands: the content root and config."""

from __future__ import annotations

from pathlib import Path

import click


def content_root(ctx: click.Context) -> Path:
    from ..loader import find_root

    root = (ctx.find_root().obj or {}).get("root")
    return Path(root).resolve() if root else find_root()
