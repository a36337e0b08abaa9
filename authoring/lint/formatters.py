"""Lint's findings in the shared formats of authoring/formats.py: lint's SARIF tool (its rules), the
rule list, and the old `FORMATTERS[fmt](result, rules)` entry points, kept until every caller moves."""

from __future__ import annotations

from .. import formats
from ..formats import DOCS_URI, Check, Tool
from . import LintResult
from .registry import Rule

INFO_URI = f"{DOCS_URI}/lint-rules.md"


def sarif_tool(rules: dict[str, Rule]) -> Tool:
    """mcx-author as SARIF names it for lint: every rule of the run, linked to docs/lint-rules.md."""
    checks = tuple(Check(r.id, r.severity, r.summary, r.doc, f"{INFO_URI}#{r.id}") for r in rules.values())
    return Tool("mcx-author", INFO_URI, checks)


def _old_style(fmt: str):
    def format_result(result: LintResult, rules: dict[str, Rule]) -> str:
        return formats.FORMATTERS[fmt](result.findings, result.files, sarif_tool(rules))

    format_result.__name__ = f"format_{fmt}"
    return format_result


# (result, rules) -> str, for callers not yet on formats.FORMATTERS (commands/dryrun.py)
FORMATTERS = {fmt: _old_style(fmt) for fmt in formats.FORMATTERS}
format_text, format_json = FORMATTERS["text"], FORMATTERS["json"]
format_sarif, format_github = FORMATTERS["sarif"], FORMATTERS["github"]


def format_rules(rules: dict[str, Rule]) -> str:
    width = max(len(r) for r in rules)
    return "".join(f"{r.id:<{width}}  {r.severity:<7}  {r.summary}\n" for r in sorted(rules.values(), key=lambda r: r.id))
