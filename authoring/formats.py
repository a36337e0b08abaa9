"""Findings as text, JSON, SARIF 2.1.0 or GitHub workflow commands, whichever tool found them.

Every formatter takes the findings, the number of files read and the `Tool` that checked (its name,
documentation and checks, for SARIF): `FORMATTERS[fmt](findings, files, tool)`.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Sequence

from . import __version__
from .findings import ERROR, WARNING, Finding

SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
DOCS_URI = "https://github.com/mcx-author/mcx-author/blob/main/docs"


@dataclass(frozen=True)
class Check:
    """One check as SARIF describes it: id, default severity, one-line summary, longer text, documentation."""

    id: str
    severity: str
    summary: str
    doc: str = ""
    help_uri: str = ""


@dataclass(frozen=True)
class Tool:
    """The SARIF tool component that produced the findings, with its checks."""

    name: str
    information_uri: str
    checks: tuple[Check, ...] = ()


def _plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


def _count(findings: Sequence[Finding], severity: str) -> int:
    return sum(1 for f in findings if f.severity == severity)


def format_text(findings: Sequence[Finding], files: int, tool: Tool | None = None) -> str:
    lines = [f"{f.pos}: {f.severity}: {f.message} [{f.rule}]" for f in findings]
    if findings:
        errors, warnings = _count(findings, ERROR), _count(findings, WARNING)
        lines.append(f"{_plural(errors, 'error')}, {_plural(warnings, 'warning')} in {_plural(files, 'file')}")
    else:
        lines.append(f"no problems in {_plural(files, 'file')}")
    return "\n".join(lines) + "\n"


def format_json(findings: Sequence[Finding], files: int, tool: Tool | None = None) -> str:
    payload = {
        "findings": [f.as_dict() for f in findings],
        "summary": {"errors": _count(findings, ERROR), "warnings": _count(findings, WARNING), "files": files},
    }
    return json.dumps(payload, indent=2, ensure_ascii=False) + "\n"


def _level(severity: str) -> str:
    return "error" if severity == ERROR else "warning"


def _descriptor(check: Check) -> dict:
    descriptor = {
        "id": check.id,
        "name": "".join(part.capitalize() for part in check.id.split("-")),
        "shortDescription": {"text": check.summary},
        "fullDescription": {"text": check.doc or check.summary},
        "defaultConfiguration": {"level": _level(check.severity)},
    }
    if check.help_uri:
        descriptor["helpUri"] = check.help_uri
    return descriptor


def format_sarif(findings: Sequence[Finding], files: int, tool: Tool) -> str:
    checks = sorted(tool.checks, key=lambda c: c.id)
    index = {check.id: i for i, check in enumerate(checks)}
    driver = {
        "name": tool.name,
        "version": __version__,
        "informationUri": tool.information_uri,
        "rules": [_descriptor(check) for check in checks],
    }
    log = {
        "$schema": SARIF_SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {"driver": driver},
                "columnKind": "unicodeCodePoints",
                "results": [_sarif_result(f, index) for f in findings],
            }
        ],
    }
    return json.dumps(log, indent=2, ensure_ascii=False) + "\n"


def _sarif_result(finding: Finding, index: dict[str, int]) -> dict:
    location = {"artifactLocation": {"uri": finding.file, "uriBaseId": "%SRCROOT%"}}
    if finding.line:  # an unknown place is the whole file: no region
        location["region"] = {"startLine": finding.line, "startColumn": max(finding.column, 1)}
    result = {
        "ruleId": finding.rule,
        "level": _level(finding.severity),
        "message": {"text": finding.message},
        "locations": [{"physicalLocation": location}],
    }
    if finding.rule in index:
        result["ruleIndex"] = index[finding.rule]
    extras = {name: getattr(finding, name) for name in ("unit", "msgctxt") if getattr(finding, name)}
    if extras:  # which catalog entry: the line alone may be ambiguous once the PO file changes
        result["properties"] = extras
    return result


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def format_github(findings: Sequence[Finding], files: int = 0, tool: Tool | None = None) -> str:
    lines = []
    for f in findings:
        command = "error" if f.severity == ERROR else "warning"
        place = (f",line={f.line}" if f.line else "") + (f",col={f.column}" if f.line and f.column else "")
        props = f"file={_escape_property(f.file)}{place},title={_escape_property(f.rule)}"
        lines.append(f"::{command} {props}::{_escape_data(f.message)}")
    return "\n".join(lines) + ("\n" if lines else "")


FORMATTERS = {"text": format_text, "json": format_json, "sarif": format_sarif, "github": format_github}
