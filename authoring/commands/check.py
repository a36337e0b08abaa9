"""`mcx-author check`."""

from __future__ import annotations

import json

import click

from .common import check_task_id, fail_messages, locate_packs

FORMATS = ["text", "json", "sarif", "github"]


@click.command("check")
@click.argument("pack", type=click.Path())
@click.option("--task", "task_id", metavar="ID", help="Check this task only.")
@click.option("--profile", metavar="P", help="AWS profile (default: the usual boto3 credential chain).")
@click.option("--region", metavar="R", help="AWS region (default: the pack's region).")
@click.option("--endpoint-url", metavar="URL", help="Send every call here (a moto server, a local emulator).")
@click.option("--locale", metavar="L", help="Show the candidate's fail messages in this pack locale.")
@click.option("--var", "variables", metavar="NAME=VALUE", multiple=True,
              help="A value the account was set up with (`suffix`, a setup save); repeatable.")
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="text", show_default=True, help="Output format.")
@click.option("--verbose", "-v", is_flag=True, help="Show the author's detail under each fail message.")
@click.option("--validator-timeout", type=click.FloatRange(min=0, min_open=True), default=10.0, show_default=True,
              metavar="SECONDS", help="Stop a Python validator that runs longer than this.")
@click.pass_context
def check(ctx, pack, task_id, profile, region, endpoint_url, locale, variables, fmt, verbose,
          validator_timeout) -> int:
    """Run the pack's validators against a live account, read-only, and print what the candidate's
    Check button would say: `passed`, or each failing validator's fail message.

    Exit 0 when every task passes, 1 when some fail (or are unsupported by the endpoint), 2 for usage
    errors, missing values and credentials that cannot look.

    \b
    Example:
      mcx-author check packs/serverless-web-app --profile exam-readonly --var suffix=k3x9q2
      mcx-author check packs/serverless-web-app --task enable-cors --locale ja --verbose
      mcx-author check packs/serverless-web-app --endpoint-url http://127.0.0.1:5000 --format json
    """
    from ..loader import display_path
    from ..project import valid_pack
    from ..runtime import check as run_check, parse_vars, session_factory

    where = locate_packs(ctx, (pack,))
    config = where.config()
    models = [valid_pack(d, where.root, config) for d in where.pack_dirs()]
    if len(models) != 1:
        raise click.UsageError(f"{pack}: expected one pack, found {len(models)}")
    model = models[0]
    check_task_id(models, task_id)
    given = parse_vars(variables)
    messages = fail_messages(model, where.root, config, locale) if locale else None
    factory = session_factory(profile, region or model.region, endpoint_url)
    result = run_check(model, factory, region=region, variables=given, task_ids=[task_id] if task_id else None,
                       messages=messages, validator_timeout=validator_timeout)
    click.echo(_render(fmt, result, model, display_path(model.directory / "pack.yaml", where.root), verbose),
               nl=False)
    return 0 if result.passed else 1


def _render(fmt: str, result, model, pack_file: str, verbose: bool) -> str:
    from ..runtime import check_findings, format_check_text

    if fmt == "text":
        return format_check_text(result, verbose)
    if fmt == "json":
        return json.dumps(result.as_dict(), indent=2, ensure_ascii=False) + "\n"
    from ..formats import DOCS_URI, FORMATTERS, Check, Tool

    tool = Tool("mcx-author check", f"{DOCS_URI}/check.md", (
        Check("check-failed", "error", "A validator fails against the account: the candidate's Check says no."),
        Check("check-unsupported", "warning", "The endpoint lacks an operation a validator calls."),
    ))
    return FORMATTERS[fmt](check_findings(result, model, pack_file), 1, tool)
