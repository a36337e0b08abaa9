"""`mcx-author verify`."""

from __future__ import annotations

from pathlib import Path

import click


@click.command()
@click.argument("archives", nargs=-1, required=True, type=click.Path(dir_okay=False), metavar="ARCHIVE...")
def verify(archives) -> int:
    """Check built archives before importing them: a readable zip; safe member names (no absolute
    path, no `..`, no link, no duplicate or case-only duplicate); bounded sizes and compression
    ratios, judged before anything is inflated; every member's sha256 against the manifest, none
    missing or extra; the manifest and content/*.json against their JSON Schemas.

    Exit 0 when every archive is intact, 1 when one is not (each reason with its member).

    \b
    Example:
      mcx-author verify build/serverless-web-app-1.0.0.mcxpack
      mcx-author verify build/*.mcxpack
    """
    from ..bundle import verify_archive

    broken = 0
    for raw in archives:
        problems = verify_archive(Path(raw))
        for problem in problems:
            click.echo(problem.line(raw), err=True)
        if problems:
            broken += 1
        else:
            click.echo(f"{raw}: ok")
    return 1 if broken else 0
