"""`mcx-author new pack|task`."""

from __future__ import annotations

import click

from .common import content_root, locate_packs


@click.group(invoke_without_command=True)
@click.pass_context
def new(ctx: click.Context) -> None:
    """Create a pack or a task from a template that lints clean.

    \b
    Example:
      mcx-author new pack data-pipeline
      mcx-author new task data-pipeline enable-encryption
    """
    if ctx.invoked_subcommand is None:  # `mcx-author new` alone: the help, not an error
        click.echo(ctx.get_help())


@new.command("pack")
@click.argument("pack_id", metavar="ID")
@click.option(
    "--ci",
    type=click.Choice(["github"]),
    help="Also write a CI workflow and a pre-commit config into the content root (existing files are kept).",
)
@click.pass_context
def new_pack_command(ctx: click.Context, pack_id: str, ci: str | None) -> int:
    """Create packs/ID/ with pack.yaml and an example task that lints clean.

    ID is lower-case words joined by hyphens; the pack is created under the content root's packs/.
    With --ci github, .github/workflows/packs.yml and .pre-commit-config.yaml are written too,
    unless they already exist (docs/publishing.md, "CI for content repositories").

    \b
    Example:
      mcx-author new pack data-pipeline --ci github
      mcx-author lint packs/data-pipeline
    """
    from ..loader import display_path
    from ..scaffold import new_ci, new_pack

    root = content_root(ctx)
    for path in new_pack(root, pack_id):
        click.echo(f"created {display_path(path, root)}")
    if ci:
        created, skipped = new_ci(root, ci)
        for path in created:
            click.echo(f"created {display_path(path, root)}")
        for path in skipped:
            click.echo(f"skipped {display_path(path, root)}: it already exists (left as it is)")
    return 0


@new.command("task")
@click.argument("pack")
@click.argument("task_id", metavar="ID")
@click.pass_context
def new_task_command(ctx: click.Context, pack: str, task_id: str) -> int:
    """Create tasks/ID.yaml in PACK (an id under packs/ or a directory) and list it in pack.yaml.

    \b
    Example:
      mcx-author new task data-pipeline enable-encryption
      mcx-author new task packs/data-pipeline add-dead-letter-queue
    """
    from pathlib import Path

    from ..errors import UsageError
    from ..loader import display_path
    from ..project import PACKS_DIR
    from ..scaffold import new_task

    where = locate_packs(ctx, (pack,))
    root, pack_dir = where.root, Path(where.paths[0])
    if not (pack_dir / "pack.yaml").is_file():
        raise UsageError(f"{pack}: not a pack (no pack.yaml; looked for {PACKS_DIR}/{pack}/pack.yaml)")
    for path in new_task(root, pack_dir.resolve(), task_id):
        verb = "created" if path.name != "pack.yaml" else "updated"
        click.echo(f"{verb} {display_path(path, root)}")
    return 0
