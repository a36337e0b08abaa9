"""Findings as text, JSON, SARIF 2.1.0 or GitHub workflow commands; all read the same records."""

from __future__ import annotations

import json

from .. import __version__
from ..errors import Pos
from ..findings import ERROR, Finding
from . import LintResult
from .registry import Rule

SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
INFO_URI = "https://github.com/mcx-author/mcx-author/blob/main/docs/lint-rules.md"


def _plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


def format_text(result: LintResult, rules: dict[str, Rule]) -> str:
    lines = [f"{Pos(f.file, f.line, f.column)}: {f.severity}: {f.message} [{f.rule}]" for f in result.findings]
    if result.findings:
        lines.append(
            f"{_plural(result.errors, 'error')}, {_plural(result.warnings, 'warning')} "
            f"in {_plural(result.files, 'file')}"
        )
    else:
        lines.append(f"no problems in {_plural(result.files, 'file')}")
    return "\n".join(lines) + "\n"


def format_json(result: LintResult, rules: dict[str, Rule]) -> str:
    payload = {
        "findings": [f.as_dict() for f in result.findings],
        "summary": {"errors": result.errors, "warnings": result.warnings, "files": result.files},
    }
    return json.dumps(payload, indent=2, ensure_ascii=False) + "\n"


def _level(severity: str) -> str:
    return "error" if severity == ERROR else "warning"


def format_sarif(result: LintResult, rules: dict[str, Rule]) -> str:
    ordered = sorted(rules)
    index = {rule_id: i for i, rule_id in enumerate(ordered)}
    descriptors = [
        {
            "id": rule_id,
            "name": "".join(part.capitalize() for part in rule_id.split("-")),
            "shortDescription": {"text": rules[rule_id].summary},
            "fullDescription": {"text": rules[rule_id].doc},
            "defaultConfiguration": {"level": _level(rules[rule_id].severity)},
            "helpUri": f"{INFO_URI}#{rule_id}",
        }
        for rule_id in ordered
    ]
    results = [_sarif_result(f, index) for f in result.findings]
    log = {
        "$schema": SARIF_SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "mcx-author",
                        "version": __version__,
                        "informationUri": INFO_URI,
                        "rules": descriptors,
                    }
                },
                "columnKind": "unicodeCodePoints",
                "results": results,
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
    return result


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def format_github(result: LintResult, rules: dict[str, Rule]) -> str:
    lines = []
    for f in result.findings:
        command = "error" if f.severity == ERROR else "warning"
        place = (f",line={f.line}" if f.line else "") + (f",col={f.column}" if f.line and f.column else "")
        props = f"file={_escape_property(f.file)}{place},title={_escape_property(f.rule)}"
        lines.append(f"::{command} {props}::{_escape_data(f.message)}")
    return "\n".join(lines) + ("\n" if lines else "")


FORMATTERS = {"text": format_text, "json": format_json, "sarif": format_sarif, "github": format_github}


def format_rules(rules: dict[str, Rule]) -> str:
    width = max(len(r) for r in rules)
    return "".join(f"{r.id:<{width}}  {r.severity:<7}  {r.summary}\n" for r in sorted(rules.values(), key=lambda r: r.id))
