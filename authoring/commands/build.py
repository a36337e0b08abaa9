"""`mcx-author build`."""

from __future__ import annotations

from pathlib import Path

import click

from .common import locate_packs


@click.command()
@click.argument("packs", nargs=-1, type=click.Path(), metavar="[PACK]...")
@click.option("-o", "--output", "out", type=click.Path(file_okay=False), metavar="DIR",
              help="Folder the archives are written to (default: build/ in the content root).")
@click.option("--jobs", type=click.IntRange(min=1), default=1, show_default=True,
              help="Build this many packs at once, in separate processes.")
@click.option("--allow-unsupported", is_flag=True,
              help="Build although moto cannot prove some validators; they are recorded in the manifest.")
@click.option("--validator-timeout", type=click.FloatRange(min=0, min_open=True), default=10.0, show_default=True,
              metavar="SECONDS", help="Stop a Python validator that runs longer than this in the dry-run.")
@click.pass_context
def build(ctx, packs, out, jobs, allow_unsupported, validator_timeout) -> int:
    """Build each pack into DIR/<id>-<version>.mcxpack: a reproducible zip with its manifest,
    content and diagrams in every locale, compiled catalogs, validators and assets.

    A pack is built only when it lints without errors, its required locales pass their i18n gate,
    and every validator is proven by the dry-run. Timestamps come from SOURCE_DATE_EPOCH, else the
    last commit, else a fixed date: the same sources give the same bytes.

    Exit 0 when every pack was built, 1 when a gate refused one, 2 for usage errors.

    \b
    Example:
      mcx-author build packs/serverless-web-app
      mcx-author build --jobs 4 -o dist         # every pack of the content root
      mcx-author build packs/agentic-ai-app --allow-unsupported
    """
    from ..bundle import Options, Source, build_packs

    where = locate_packs(ctx, packs)
    directories = where.pack_dirs()
    source = Source.of(where.root, where.config())
    out_dir = Path(out).absolute() if out else where.root / "build"
    options = Options(out_dir, allow_unsupported, validator_timeout)
    outcomes = build_packs(directories, source, options, jobs, progress=_progress)
    failed = [o for o in outcomes if o.error]
    if len(outcomes) > 1:
        click.echo(f"{len(outcomes) - len(failed)} built, {len(failed)} refused")
    return max((o.exit_code for o in failed), default=0)


def _progress(outcome, done: int, total: int) -> None:
    counter = f"[{done}/{total}] " if total > 1 else ""
    if outcome.error:
        click.echo(f"build: {counter}{outcome.pack}: refused: {outcome.error}", err=True)
        return
    dry_run = f"; dry-run: {outcome.summary}" if outcome.summary else ""
    click.echo(f"{counter}built {outcome.archive} ({outcome.members} members, {outcome.size} bytes, "
               f"sha256 {outcome.digest[:12]}{dry_run})")
