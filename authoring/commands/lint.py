"""`mcx-author lint`."""

from __future__ import annotations

import click

from .common import locate_packs


@click.command()
@click.argument("paths", nargs=-1, type=click.Path())
@click.option(
    "--format", "fmt", type=click.Choice(["text", "json", "sarif", "github"]), default="text", show_default=True,
    help="Output format.",
)
@click.option("--strict", is_flag=True, help="Exit 1 on warnings too.")
@click.option("--list-rules", is_flag=True, help="List every rule with its severity and summary, then exit.")
@click.pass_context
def lint(ctx: click.Context, paths: tuple[str, ...], fmt: str, strict: bool, list_rules: bool) -> int:
    """Check packs against the format and the real AWS service models.

    PATHS are a content root, packs/, pack directories, pack.yaml or task files
    (default: every pack under the content root). Exit 0 when there are no errors,
    1 when there are (or warnings with --strict), 2 for usage errors.

    \b
    Example:
      mcx-author lint packs/serverless-web-app
      mcx-author lint --format github          # annotations in a GitHub Actions job
    """
    from ..formats import FORMATTERS
    from ..lint import lint_paths, load_rules
    from ..lint.formatters import format_rules, sarif_tool

    where = locate_packs(ctx, paths)
    config = where.config()
    rules = load_rules(config.lint_plugins)  # the run's rule set, built once
    if list_rules:
        click.echo(format_rules(rules), nl=False)
        return 0
    result = lint_paths(list(where.paths), where.root, config, rules)
    click.echo(FORMATTERS[fmt](result.findings, result.files, sarif_tool(rules)), nl=False)
    if result.errors or (strict and result.warnings):
        return 1
    return 0
