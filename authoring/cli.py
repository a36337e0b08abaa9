"""The `mcx-author` command line: thin Click layer, lazy subcommands, one place for exit codes."""

from __future__ import annotations

import gc
import importlib
import os
import sys

import click

from . import __version__
from .errors import McxError

EXIT_INTERNAL = 3

# name -> (module, attribute, one-line help); modules are imported only when the command runs.
COMMANDS = {
    "build": ("authoring.commands.build", "build", "Build packs into reproducible .mcxpack archives, behind every gate."),
    "check": ("authoring.commands.check", "check", "Run validators against a live account, read-only: the Check button."),
    "dry-run": ("authoring.commands.dryrun", "dry_run", "Prove validators offline in moto: vacuous, unsatisfiable, leaky."),
    "i18n": ("authoring.commands.i18n", "i18n", "Translate packs: extract, update, report, compile catalogs."),
    "lint": ("authoring.commands.lint", "lint", "Check packs: schema, references, AWS calls, time budget."),
    "ls": ("authoring.commands.ls", "ls", "List packs, their archive state, a CI matrix."),
    "new": ("authoring.commands.new", "new", "Create a pack or task from a template that lints clean."),
    "publish": (
        "authoring.commands.publish", "publish", "Upload verified archives to S3 and index them."
    ),
    "render-diagram": (
        "authoring.commands.diagram", "render_diagram", "Draw architecture and task diagrams, localized, with highlights."
    ),
    "schema": (
        "authoring.commands.schema", "schema", "Print a JSON Schema: pack.yaml, task files, archive manifest, content."
    ),
    "verify": ("authoring.commands.verify", "verify", "Check built archives: hashes, safe names, sizes, schemas."),
}


class LazyGroup(click.Group):
    """Imports a subcommand's module only when that subcommand is used, and maps errors to exit codes."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(COMMANDS)

    def get_command(self, ctx: click.Context, name: str) -> click.Command | None:
        if name not in COMMANDS:
            return None
        module, attribute, _ = COMMANDS[name]
        return getattr(importlib.import_module(module), attribute)

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        rows = [(name, COMMANDS[name][2]) for name in self.list_commands(ctx)]
        with formatter.section("Commands"):
            formatter.write_dl(rows)

    def resolve_command(self, ctx, args):
        try:
            return super().resolve_command(ctx, args)
        except click.UsageError as exc:
            from .text import closest

            name = args[0] if args else ""
            close = closest(name, COMMANDS, cutoff=0.6)
            if close and "No such command" in exc.message:
                exc.message = f"No such command '{name}'. Did you mean '{close}'?"
            raise

    def main(self, args=None, prog_name=None, complete_var=None, standalone_mode=True, **extra):
        """Run the CLI and turn every outcome into one exit code: 0/1 results, 2 usage, 3 internal."""
        # A short-lived process that builds many small objects: collect young garbage less often.
        gc.set_threshold(20_000, 20, 20)
        try:
            code = super().main(args, prog_name or "mcx-author", complete_var, standalone_mode=False, **extra)
        except McxError as exc:
            click.echo(str(exc) if exc.pos else f"mcx-author: {exc.message}", err=True)
            code = exc.exit_code
        except click.exceptions.Abort:
            click.echo("mcx-author: aborted", err=True)
            code = 1
        except click.UsageError as exc:
            command = exc.ctx.command_path if exc.ctx else "mcx-author"
            hint = f"see '{command} --help'"
            if isinstance(exc, click.NoSuchOption) and exc.option_name == "--root":
                # a global option typed after the command, the usual slip: say where it goes
                hint = "--root goes before the command: mcx-author --root DIR " + command.partition(" ")[2]
            click.echo(f"{command}: {exc.format_message()} ({hint})", err=True)
            code = 2
        except click.ClickException as exc:
            click.echo(f"mcx-author: {exc.format_message()}", err=True)
            code = exc.exit_code
        except (BrokenPipeError, KeyboardInterrupt):
            code = 1
        except Exception as exc:  # noqa: BLE001 - the one place that turns a bug into exit 3
            if os.environ.get("MCX_DEBUG"):
                raise
            click.echo(
                f"mcx-author: internal error: {type(exc).__name__}: {exc} "
                "(please report it; set MCX_DEBUG=1 for a traceback)",
                err=True,
            )
            code = EXIT_INTERNAL
        if not standalone_mode:
            return code
        sys.exit(code if isinstance(code, int) else 0)


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(__version__, prog_name="mcx-author")
@click.option(
    "--root",
    type=click.Path(file_okay=False, exists=True),
    help="Content root (default: the nearest directory upwards holding packs/ or mcx.toml).",
)
@click.pass_context
def cli(ctx: click.Context, root: str | None) -> None:
    """Author, lint, localize and publish hands-on cloud challenge packs.

    \b
    Example:
      mcx-author lint                 # every pack under packs/
      mcx-author lint packs/serverless-web-app --format sarif > lint.sarif
    """
    ctx.obj = {"root": root}


def main() -> None:
    cli.main()


if __name__ == "__main__":
    main()
