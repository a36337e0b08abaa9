"""Helpers shared by the commands: the content root and the pack paths resolved once, `--task` checked, and
the candidate's fail messages in a `--locale`."""

from __future__ import annotations

from pathlib import Path

import click


def content_root(ctx: click.Context) -> Path:
    """The content root for a command that names no pack (`--root`, else found from the current directory)."""
    return locate_packs(ctx, ()).root


def locate_packs(ctx: click.Context, paths):
    """The content root found from the pack paths (or `--root`) and the paths made absolute."""
    from ..project import locate  # valid_pack loads lint's structural check itself, on first use

    return locate(paths, (ctx.find_root().obj or {}).get("root"))


def check_task_id(models, task_id: str | None) -> None:
    """UsageError, with a did-you-mean, when `--task` names no task listed by the packs."""
    from ..errors import UsageError
    from ..text import suggest

    if task_id is None:
        return
    known = [t.id for m in models for t in m.listed_tasks]
    if task_id not in known:
        raise UsageError(f"--task {task_id}: no such task{suggest(task_id, known)}")


def fail_messages(model, root: Path, config, locale: str):
    """The fail_message templates of `locale` (the source text where a string is not shipped), through
    the i18n package's `localize`, as the exam would show them."""
    from ..i18n import localize, resolve_locale

    tag = resolve_locale(locale, [model.source_locale] + [s.tag for s in model.locales])
    localized = localize(model, root, tag, config)

    def message(task, validator) -> str:
        return localized.text(f"task/{task.id}/validator/{validator.id}/fail_message", validator.fail_message)

    return message
