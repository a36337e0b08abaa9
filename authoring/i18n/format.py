"""The i18n report as text for people and as JSON for CI; its problems as findings, for SARIF and GitHub."""

from __future__ import annotations

import json

from .. import formats
from ..errors import Pos
from ..findings import Finding
from ..formats import DOCS_URI, Check, Tool
from ..text import parse_locale_tag
from .checks import SEVERITY, SUMMARY
from .report import PackReport

INFO_URI = f"{DOCS_URI}/translating.md"
# A gate is about a whole catalog, not one string: in SARIF and GitHub output it is a finding of its own,
# so a CI job that fails on a gate says why in the same place as the string problems.
COMPLETENESS = Check(
    "completeness", "error",
    "A required locale is translated below its gate (`--min-translated`, `[i18n.locales.<L>] min_translated`).",
    help_uri=f"{INFO_URI}#gates",
)
SARIF_TOOL = Tool(
    "mcx-author i18n", INFO_URI,
    tuple(Check(c, SEVERITY[c], SUMMARY[c], help_uri=f"{INFO_URI}#the-checks") for c in SEVERITY) + (COMPLETENESS,),
)


def format_json(reports: list[PackReport]) -> str:
    locales: dict[str, dict] = {}
    for r in reports:
        locales.setdefault(r.locale, {})[r.pack] = r.as_dict()
    return json.dumps({"locales": locales}, indent=2, ensure_ascii=False) + "\n"


def format_findings(reports: list[PackReport], fmt: str) -> str:
    """Every problem of `reports` in a format of authoring/formats.py (`sarif`, `github`), for code scanning."""
    problems = [p for r in reports for p in r.problems] + [_below_gate(r) for r in reports if r.below_gate]
    return formats.FORMATTERS[fmt](problems, len(reports), SARIF_TOOL)


def _below_gate(report: PackReport) -> Finding:
    units = report.incomplete_units
    listed = ", ".join(units[:5]) + (f" and {len(units) - 5} more" if len(units) > 5 else "")
    where = f"; not fully translated: {listed}" if listed else ""
    missing = "" if report.exists else " (no catalog yet: run `mcx-author i18n update`)"
    return Finding(
        report.file, 0, 0, COMPLETENESS.id, "error",
        f"{report.locale}: `{report.pack}` is {report.percent:g}% translated, below the gate of {report.gate:g}%{missing}{where}",
        source="i18n",
    )


def _locale_name(tag: str) -> str:
    locale = parse_locale_tag(tag)
    return f"{locale.english_name} ({locale.display_name})" if locale else tag


def format_text(reports: list[PackReport]) -> str:
    lines: list[str] = []
    by_locale: dict[str, list[PackReport]] = {}
    for r in reports:
        by_locale.setdefault(r.locale, []).append(r)
    for tag, group in by_locale.items():
        if lines:
            lines.append("")
        lines.append(f"{tag}: {_locale_name(tag)}")
        width = max(len(r.pack) for r in group)
        lines.append(
            f"  {'pack':<{width}}  {'total':>5}  {'done':>5}  {'fuzzy':>5}  {'todo':>5}  {'obsolete':>8}  {'percent':>7}  status"
        )
        for r in group:
            status = "ok" if r.passed else "FAIL"
            if not r.required:
                status = "optional"
            elif not r.passed:
                reasons = []
                if r.translated * 100.0 < r.gate * r.total:
                    reasons.append(f"below {r.gate:g}%")
                if r.errors:
                    reasons.append(f"{r.errors} error{'s' if r.errors != 1 else ''}")
                status = f"FAIL ({', '.join(reasons)})"
            lines.append(
                f"  {r.pack:<{width}}  {r.total:>5}  {r.translated:>5}  {r.fuzzy:>5}  {r.untranslated:>5}  "
                f"{r.obsolete:>8}  {r.percent:>6.1f}%  {status}"
            )
            if not r.exists:
                lines.append(f"    no catalog yet: run `mcx-author i18n update --locale {tag}`")
            if r.incomplete_units:
                lines.append(f"    not fully translated: {', '.join(r.incomplete_units)}")
    problems = [p for r in reports for p in r.problems]
    if problems:
        lines.append("")
        lines += [f"{Pos(p.file, p.line)}: {p.severity}: {p.rule}: {p.unit}: {p.message}" for p in problems]
    return "\n".join(lines) + "\n"


def format_compile_problems(problems: list[Finding], refused: bool) -> list[str]:
    """One line per string `i18n compile` leaves out (or, refused, will not ship), however many checks it fails."""
    severity, what = ("error", "refused") if refused else ("warning", "left out of the .mo")
    by_string: dict = {}
    for p in problems:
        by_string.setdefault((p.file, p.line, p.msgctxt), []).append(f"{p.rule}: {p.message}")
    return [
        f"{Pos(file, line)}: {severity}: {what}: {context}: {'; '.join(found)}"
        for (file, line, context), found in by_string.items()
    ]
