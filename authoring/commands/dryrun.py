"""`mcx-author dry-run`."""

from __future__ import annotations

import sys
import time

import click

from .common import check_task_id, fail_messages, locate_packs

FORMATS = ["text", "json", "junit", "sarif", "github"]


@click.command("dry-run")
@click.argument("packs", nargs=-1, type=click.Path())
@click.option("--task", "task_id", metavar="ID", help="Prove this task only (its dependencies' solutions still apply).")
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="text", show_default=True, help="Output format.")
@click.option("--allow-unsupported", is_flag=True, help="Exit 0 when tasks are unsupported by moto (never failed).")
@click.option("--locale", metavar="L", help="Show the candidate's fail messages in this pack locale.")
@click.option("--jobs", type=click.IntRange(min=1), default=1, show_default=True,
              help="Share the tasks among this many processes (forked after setup).")
@click.option("--validator-timeout", type=click.FloatRange(min=0, min_open=True), default=10.0, show_default=True,
              metavar="SECONDS", help="Stop a Python validator that runs longer than this.")
@click.pass_context
def dry_run(ctx, packs, task_id, fmt, allow_unsupported, locale, jobs, validator_timeout) -> int:
    """Prove every validator offline, in moto: before (must fail), after the solution (must pass),
    each counterexample (exactly its `fails` fail), and the full run (no task breaks another).

    Exit 0 when every task is verified (unsupported too with --allow-unsupported), 1 otherwise,
    2 for usage errors.

    \b
    Example:
      mcx-author dry-run packs/serverless-web-app
      mcx-author dry-run packs/serverless-web-app --task enable-cors --locale ja
      mcx-author dry-run packs/agentic-ai-app --allow-unsupported --format junit > dry-run.xml
    """
    from ..project import valid_pack

    where = locate_packs(ctx, packs)
    config = where.config()
    models = [valid_pack(d, where.root, config) for d in where.pack_dirs()]
    check_task_id(models, task_id)
    started = time.perf_counter()
    results = [_run(model, where.root, config, task_id, locale, jobs, validator_timeout, started) for model in models]
    click.echo(_render(fmt, results, models, where.root), nl=False)
    return 0 if all(r.passed(allow_unsupported) for r in results) else 1


def _run(model, root, config, task_id, locale, jobs, validator_timeout, started):
    from ..runtime import MotoAccount, dry_run

    messages = fail_messages(model, root, config, locale) if locale else None
    total = 1 if task_id else len(model.listed_tasks)
    done = []

    def progress(result) -> None:
        done.append(result.id)
        if time.perf_counter() - started > 1.0:
            print(f"dry-run: {model.id}: [{len(done)}/{total}] {result.id}: phases run", file=sys.stderr, flush=True)

    tasks = None
    if task_id:
        if model.task(task_id) is None:
            return _empty(model)
        tasks = [task_id]
    with MotoAccount(model.region) as account:
        return dry_run(model, account, tasks, jobs=jobs, messages=messages, validator_timeout=validator_timeout,
                       progress=progress)


def _empty(model):
    from ..runtime import PackResult

    return PackResult(model.id, [])


def _render(fmt: str, results, models, root) -> str:
    from ..runtime import report

    if fmt in ("text", "json", "junit"):
        return {"text": report.format_text, "json": report.format_json, "junit": report.format_junit}[fmt](results)
    from ..lint import LintResult
    from ..lint.formatters import FORMATTERS
    from ..loader import display_path

    files = {m.id: display_path(m.directory / "pack.yaml", root) for m in models}
    found = report.findings(results, files)
    return FORMATTERS[fmt](LintResult(tuple(found), len(models)), {})
