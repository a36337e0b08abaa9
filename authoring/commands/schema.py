"""`mcx-author schema`."""

from __future__ import annotations

import click


@click.command()
@click.argument("kind", type=click.Choice(["pack", "task", "manifest", "content"]), default="pack")
def schema(kind: str) -> int:
    """Print the JSON Schema (draft 2020-12) for pack.yaml or task files, or for what a built archive
    holds: its manifest.json (`manifest`) and its content/<locale>.json files (`content`), so that a
    platform can validate what it imports.

    \b
    Example (yaml-language-server, VS Code settings.json):
      mcx-author schema task > .schemas/task.schema.json
      "yaml.schemas": {".schemas/task.schema.json": "packs/*/tasks/*.yaml"}
    \b
    Example (an importer):
      mcx-author schema manifest > manifest.schema.json
    """
    from ..schema import schema_text

    click.echo(schema_text(kind), nl=False)
    return 0
