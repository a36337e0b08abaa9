"""`mcx-author ls`."""

from __future__ import annotations

import json
from pathlib import Path

import click

from .common import locate_packs


@click.command(name="ls")
@click.argument("packs", nargs=-1, type=click.Path(), metavar="[PACK]...")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True,
              help="json: a CI matrix, {\"include\": [{\"pack\": ..., \"path\": ..., ...}]}.")
@click.option("-o", "--output", "out", type=click.Path(file_okay=False), metavar="DIR",
              help="Folder the archives are built into (default: build/ in the content root).")
@click.pass_context
def ls(ctx, packs, fmt, out) -> int:
    """List every pack of the content root (or the PACKs given): id, version, locales (required ones
    marked *), its directory, and whether its archive in build/ is current — built by this toolchain
    from the pack's files as they are now (pack.yaml, tasks, validators/, assets/; translations are
    not compared). Nothing is built or validated: run lint for that.

    --format json prints a ready CI matrix, one entry per pack with the fields pack, path, version,
    locales, required_locales, archive, archive_state (current, stale, missing, unreadable),
    current and error.

    \b
    Example:
      mcx-author ls
      mcx-author ls --format json      # GitHub Actions: matrix: ${{ fromJSON(needs.packs.outputs.matrix) }}
    """
    from ..bundle import list_packs, matrix

    where = locate_packs(ctx, packs)
    build_dir = Path(out).absolute() if out else where.root / "build"
    listed = list_packs(where.pack_dirs(), where.root, build_dir)
    if fmt == "json":
        click.echo(json.dumps(matrix(listed), ensure_ascii=False, separators=(",", ":")))
        return 0
    for entry in listed:
        if entry.error:
            click.echo(f"{entry.pack}  {entry.path}  unreadable: {entry.error}")
            continue
        tags = " ".join(t + ("*" if t in entry.required_locales else "") for t in entry.locales)
        click.echo(f"{entry.pack} {entry.version}  {entry.path}  [{tags}]  {entry.archive}: {entry.archive_state}")
    return 0
