"""`mcx-author render-diagram`."""

from __future__ import annotations

import sys

import click

from .common import locate_packs


@click.command("render-diagram")
@click.argument("pack", type=click.Path())
@click.option("--locale", metavar="L", help="Label language (a pack locale); `all` with --all: every locale.")
@click.option("--task", "task", metavar="ID", help="Highlight this task's components (or, in the tasks view, the task).")
@click.option("--view", type=click.Choice(["architecture", "tasks"]), default="architecture", show_default=True)
@click.option("--format", "fmt", type=click.Choice(["svg", "png", "pdf", "dot"]),
              help="Output format; default: from the -o extension (.svg .png .pdf .dot .gv), else svg.")
@click.option("-o", "--output", metavar="FILE|DIR", help="Output file (default: stdout for svg and dot); a directory with --all.")
@click.option("--all", "all_variants", is_flag=True,
              help="Write architecture, tasks and task-<id> diagrams (svg, png or pdf) to -o DIR.")
@click.option("--ratio", metavar="W:H|auto", default="4:3", show_default=True,
              help="Shape to lay out for (width:height of the panel showing it); auto: the natural shape.")
@click.option("--icons", type=click.Path(exists=True, file_okay=False), help="A local copy of the AWS architecture icons.")
@click.option("--layout-timeout", "layout_timeout", type=click.FloatRange(min=0, min_open=True), default=60.0,
              show_default=True, metavar="SECONDS", help="Stop Graphviz when one layout takes longer than this.")
@click.pass_context
def render_diagram(ctx, pack, locale, task, view, fmt, output, all_variants, icons, ratio, layout_timeout) -> int:
    """Draw a pack's architecture or task-dependency diagram with Graphviz.

    \b
    Examples:
      mcx-author render-diagram packs/serverless-web-app -o arch.svg
      mcx-author render-diagram packs/serverless-web-app --task enable-cors --locale ja -o cors.png
      mcx-author render-diagram packs/serverless-web-app --view tasks -o tasks.svg
      mcx-author render-diagram packs/serverless-web-app --all --locale all -o build/diagrams/serverless-web-app
    """
    import os
    from pathlib import Path

    from ..diagram.layout import parse_ratio
    from ..diagram.render import render_all, render_one
    from ..errors import UsageError
    from ..files import replace_directory, write_if_changed
    from ..loader import display_path
    from ..project import valid_pack

    where = locate_packs(ctx, (pack,))
    root = where.root
    directories = where.pack_dirs()
    if len(directories) != 1:
        raise UsageError(f"{pack}: names {len(directories)} packs; give one pack")
    model = valid_pack(directories[0], root, where.config())
    icon_dir = Path(icons) if icons else None
    if locale == "all" and not all_variants:
        raise UsageError("--locale all goes with --all")
    if locale and locale != "all":
        from ..i18n import resolve_locale

        known = [resolve_locale(model.source_locale)] + [resolve_locale(s.tag) for s in model.locales]
        resolve_locale(locale, known)
    shape = parse_ratio(ratio)
    if all_variants:
        if not output:
            raise UsageError("--all needs -o DIR")
        if fmt == "dot":
            raise UsageError("--all writes svg, png or pdf; use --format dot for one diagram")
        if task or view != "architecture":
            raise UsageError("--all writes every view and task; drop --task and --view")
        out_dir = Path(output)
        if os.path.lexists(out_dir) and not out_dir.is_dir():
            raise UsageError(f"{output}: not a directory; --all writes a set of diagrams into -o DIR")
        result = render_all(model, root, locale, icon_dir, fmt or "svg", shape, layout_timeout, where.config())
        changed, written = replace_directory(out_dir, result.files)  # the whole set swapped in at once
        for warning in result.warnings:
            click.echo(f"warning: {warning}", err=True)
        click.echo(
            f"wrote {len(written)} diagrams to {display_path(out_dir.resolve(), root)} "
            f"({result.layouts} layouts, {changed} changed)"
        )
        return 0
    fmt = output_format(fmt, output)
    if task:
        check_task(model, task)
    rendered = render_one(model, root, view, locale, task, fmt, icon_dir, shape, layout_timeout, where.config())
    for warning in rendered.warnings:
        click.echo(f"warning: {warning}", err=True)
    if not output or output == "-":
        if fmt in ("png", "pdf") and sys.stdout.isatty():
            raise UsageError(f"{fmt.upper()} is binary: give -o FILE")
        stream = getattr(sys.stdout, "buffer", sys.stdout)
        stream.write(rendered.data)
        stream.flush()
        return 0
    path = Path(output)
    write_if_changed(path, rendered.data)  # refuses a device, FIFO or directory; writes through links
    click.echo(f"wrote {display_path(path.resolve(), root)}")
    return 0


def check_task(pack, task_id: str) -> None:
    """--task names one of the pack's tasks; otherwise a usage error with the nearest id."""
    from ..text import suggest
    from ..errors import UsageError

    ids = [t.id for t in pack.listed_tasks]
    if task_id not in ids:
        raise UsageError(f"unknown task `{task_id}` in pack `{pack.id}`{suggest(task_id, ids, 0.6)}")


EXTENSIONS = {".svg": "svg", ".png": "png", ".pdf": "pdf", ".dot": "dot", ".gv": "dot"}


def output_format(fmt: str | None, output: str | None) -> str:
    """--format, else the one the -o extension names, else svg; a --format that contradicts the
    extension is refused rather than writing, say, SVG into a .png file."""
    from pathlib import Path

    from ..errors import UsageError

    named = EXTENSIONS.get(Path(output).suffix.lower()) if output and output != "-" else None
    if fmt and named and fmt != named:
        raise UsageError(f"--format {fmt} does not match -o {output} ({named}); drop --format or change the extension")
    return fmt or named or "svg"
