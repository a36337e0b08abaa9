"""`mcx-author new pack|task`."""

from __future__ import annotations

import click

from .common import content_root


@click.group()
def new() -> None:
    """Create a pack or a task from a template that lints clean.

    \b
    Example:
      mcx-author new pack data-pipeline
      mcx-author new task data-pipeline enable-encryption
    """


@new.command("pack")
@click.argument("pack_id", metavar="ID")
@click.pass_context
def new_pack_command(ctx: click.Context, pack_id: str) -> int:
    """Create packs/ID/ with pack.yaml and an example task."""
    from ..loader import display_path
    from ..scaffold import new_pack

    root = content_root(ctx)
    for path in new_pack(root, pack_id):
        click.echo(f"created {display_path(path, root)}")
    return 0


@new.command("task")
@click.argument("pack")
@click.argument("task_id", metavar="ID")
@click.pass_context
def new_task_command(ctx: click.Context, pack: str, task_id: str) -> int:
    """Create tasks/ID.yaml in PACK (an id under packs/ or a directory) and list it in pack.yaml."""
    from pathlib import Path

    from ..errors import UsageError
    from ..loader import PACKS_DIR, display_path
    from ..scaffold import new_task

    root = content_root(ctx)
    candidates = [Path(pack), root / PACKS_DIR / pack]
    pack_dir = next((p for p in candidates if (p / "pack.yaml").is_file()), None)
    if pack_dir is None:
        raise UsageError(f"no pack `{pack}` (looked for {PACKS_DIR}/{pack}/pack.yaml)")
    for path in new_task(root, pack_dir.resolve(), task_id):
        verb = "created" if path.name != "pack.yaml" else "updated"
        click.echo(f"{verb} {display_path(path, root)}")
    return 0
