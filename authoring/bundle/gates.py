"""What a pack must prove before it is archived: lint-clean, its required locales complete and
error-free, every validator proven by the dry-run. Each gate that fails raises one clear line."""

from __future__ import annotations

from pathlib import Path

from ..config import Config
from ..errors import InputError
from ..model import Pack


class GateFailed(InputError):
    """A pack that does not meet a gate: exit 1, the archive is not written."""


def lint_gate(directory: Path, root: Path, config: Config) -> None:
    from ..lint import lint_paths

    result = lint_paths([str(directory)], root, config)
    if result.errors:
        first = next(f for f in result.findings if f.severity == "error")
        where = f"{first.file}:{first.line}:{first.column}" if first.line else first.file
        raise GateFailed(
            f"lint: {result.errors} error(s), first {where}: {first.message} [{first.rule}]; "
            "run `mcx-author lint` on the pack"
        )


def i18n_gate(directory: Path, root: Path, config: Config) -> list:
    """The i18n report of every declared locale; GateFailed when a required one does not pass."""
    from ..i18n import report_locales

    reports = report_locales([str(directory)], root, config)
    for report in reports:
        if report.passed:
            continue
        if report.below_gate:
            why = f"is {report.percent:g}% translated, below its gate of {report.gate:g}%"
            if report.incomplete_units:
                why += f" (incomplete: {', '.join(report.incomplete_units[:5])})"
        else:
            why = f"has {report.errors} error-level problem(s) in {report.file}"
        raise GateFailed(f"i18n: required locale `{report.locale}` {why}; run `mcx-author i18n report`")
    return reports


def dry_run_gate(pack: Pack, allow_unsupported: bool, validator_timeout: float):
    """The dry-run's PackResult; GateFailed for a failed task, or an unsupported one unless allowed."""
    from ..runtime import FAILED, UNSUPPORTED, MotoAccount, dry_run

    with MotoAccount(pack.region) as account:
        result = dry_run(pack, account, None, validator_timeout=validator_timeout)
    failed = [t for t in result.tasks if t.status == FAILED]
    if failed:
        first = failed[0].problems[0]
        names = ", ".join(t.id for t in failed)
        raise GateFailed(
            f"dry-run: {len(failed)} task(s) failed ({names}); first: {failed[0].id}, {first.phase}"
            f"{' ' + first.validator if first.validator else ''}: {first.detail}; run `mcx-author dry-run` on the pack"
        )
    unsupported = [t for t in result.tasks if t.status == UNSUPPORTED]
    if unsupported and not allow_unsupported:
        ops = sorted({op for t in unsupported for op in t.unsupported})
        raise GateFailed(
            f"dry-run: {len(unsupported)} task(s) unsupported by moto ({', '.join(t.id for t in unsupported)}: "
            f"{', '.join(ops)}); pass --allow-unsupported to build anyway (recorded in the manifest)"
        )
    return result
