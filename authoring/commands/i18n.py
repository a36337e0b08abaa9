"""`mcx-author i18n extract|update|report|compile`."""

from __future__ import annotations

import click

from .common import locate_packs

PACKS = click.argument("paths", nargs=-1, type=click.Path(), metavar="[PACK]...")


@click.group(invoke_without_command=True)
@click.pass_context
def i18n(ctx: click.Context) -> None:
    """Translate packs with gettext catalogs (Poedit, Weblate, Crowdin).

    \b
    Workflow:
      mcx-author i18n extract            # locales/<pack>.pot from the YAML sources
      mcx-author i18n update             # create or merge locales/<L>/LC_MESSAGES/<pack>.po
      mcx-author i18n report             # what is missing or wrong, per task
      mcx-author i18n compile            # build/locales/<L>/LC_MESSAGES/<pack>.mo
    """
    if ctx.invoked_subcommand is None:  # `mcx-author i18n` alone: the help, not an error
        click.echo(ctx.get_help())


def _config(ctx: click.Context, paths: tuple[str, ...]):
    """The content root found from the pack paths, its mcx.toml, and the pack paths made absolute."""
    where = locate_packs(ctx, paths)
    return where.root, where.config(), where.paths


@i18n.command()
@PACKS
@click.option("--check", is_flag=True, help="Write nothing; exit 1 if a template on disk is out of date.")
@click.pass_context
def extract(ctx: click.Context, paths: tuple[str, ...], check: bool) -> int:
    """Write locales/<pack>.pot with every learner-facing string.

    \b
    Example:
      mcx-author i18n extract packs/serverless-web-app
      mcx-author i18n extract --check      # in CI: fail when someone forgot to extract
    """
    from ..i18n.workflow import extract as run

    root, config, paths = _config(ctx, paths)
    results = run(paths, root, config, check=check)
    for r in results:
        if check:
            state = "up to date" if not r.changed else "out of date; run `mcx-author i18n extract`"
            if r.changed and r.detail == "missing":
                state = "missing; run `mcx-author i18n extract`"
            click.echo(f"{r.file}: {state}")
            for line in r.diff:
                click.echo(line)
        else:
            click.echo(f"{'wrote' if r.changed else 'unchanged'} {r.file} ({r.detail})")
    return 1 if check and any(r.changed for r in results) else 0


@i18n.command()
@PACKS
@click.option("--locale", "locale", metavar="L", help="Only this locale (default: every locale the pack declares).")
@click.option("--purge-obsolete", is_flag=True, help="Drop entries whose source string is gone (default: keep as #~).")
@click.option("--add-locale", is_flag=True, help="Start a catalog for --locale L although the pack does not declare L.")
@click.pass_context
def update(ctx: click.Context, paths: tuple[str, ...], locale: str | None, purge_obsolete: bool, add_locale: bool) -> int:
    """Create or merge locales/<L>/LC_MESSAGES/<pack>.po; never loses a translation.

    A changed source string keeps its translation, marked fuzzy with the old source (#|);
    a string that disappeared is kept as obsolete (#~).

    --locale L must be a locale the pack declares (or one with a catalog already);
    --add-locale starts a catalog for a new one.

    \b
    Example:
      mcx-author i18n update --locale ja
      mcx-author i18n update packs/my-pack --locale fr --add-locale
    """
    from ..i18n.workflow import update as run

    root, config, paths = _config(ctx, paths)
    for r in run(paths, root, config, locale, purge_obsolete, add_locale):
        click.echo(f"{'updated' if r.changed else 'unchanged'} {r.file}: {r.detail}")
    return 0


@i18n.command()
@PACKS
@click.option("--locale", "locale", metavar="L", help="Only this locale.")
@click.option(
    "--format", "fmt", type=click.Choice(["text", "json", "sarif", "github"]), default="text", show_default=True,
    help="Output format: the report (text, json) or its problems (sarif, github annotations).",
)
@click.option("--min-translated", type=click.FloatRange(0, 100), metavar="N", help="Gate in percent (default 100, or mcx.toml).")
@click.pass_context
def report(ctx: click.Context, paths: tuple[str, ...], locale: str | None, fmt: str, min_translated: float | None) -> int:
    """Report missing and faulty translations, naming the tasks that are not fully translated.

    Exit 1 when a required locale is below its gate or has an error-level problem.

    \b
    Example:
      mcx-author i18n report --locale ja
      mcx-author i18n report --format json > i18n-report.json
      mcx-author i18n report --format github   # annotations in a GitHub Actions job
    """
    from ..i18n.format import format_findings, format_json, format_text
    from ..i18n.workflow import report as run

    root, config, paths = _config(ctx, paths)
    reports = run(paths, root, config, locale, min_translated)
    formatters = {"text": format_text, "json": format_json}
    output = formatters[fmt](reports) if fmt in formatters else format_findings(reports, fmt)
    click.echo(output, nl=False)
    return 0 if all(r.passed for r in reports) else 1


@i18n.command("compile")
@PACKS
@click.option("--locale", "locale", metavar="L", help="Only this locale.")
@click.option("-o", "--output", type=click.Path(file_okay=False), default="build/locales", show_default=True,
              help="Directory for <L>/LC_MESSAGES/<pack>.mo (relative to the content root).")
@click.option("--strict", is_flag=True, help="Refuse a catalog with an error-level problem instead of leaving the string out.")
@click.pass_context
def compile_command(ctx: click.Context, paths: tuple[str, ...], locale: str | None, output: str, strict: bool) -> int:
    """Compile PO files to MO files; fuzzy and untranslated strings are left out.

    A translation with an error that `i18n report` finds (a renamed placeholder, altered code, a
    translated AWS name) is left out too, with a warning; with --strict the catalog is refused
    (exit 1) and no MO file is written for it.

    \b
    Example:
      mcx-author i18n compile -o build/locales
      mcx-author i18n compile --strict     # in a release build
    """
    from pathlib import Path

    from ..i18n.format import format_compile_problems
    from ..i18n.workflow import compile_catalogs

    root, config, paths = _config(ctx, paths)
    out = Path(output) if Path(output).is_absolute() else root / output
    refused = False
    for r in compile_catalogs(paths, root, config, out, locale, strict):
        warnings = format_compile_problems(list(r.problems), r.refused)
        for line in warnings:
            click.echo(line, err=True)
        if r.refused:
            refused = True
            click.echo(f"not written {r.file}: {len(warnings)} string(s) with errors (--strict)")
        else:
            click.echo(f"{'wrote' if r.changed else 'unchanged'} {r.file} ({r.detail})")
    return 1 if refused else 0
