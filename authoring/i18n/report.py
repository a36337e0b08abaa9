"""Per locale and pack: how much is translated, which units are not, and what is wrong."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import Pos
from ..findings import ERROR, Finding
from ..loader import display_path
from ..model import Pack
from . import keys
from .catalogs import parse_locale, po_path, read_catalog
from .checks import check
from .messages import LABEL_WIDTH, Message
from .polines import msgstr_line

DEFAULT_GATE = 100.0


def problem_dict(problem: Finding) -> dict:
    """A problem as the report's JSON gives it (the check's id is `check` there)."""
    return {
        "check": problem.rule, "severity": problem.severity, "unit": problem.unit, "msgctxt": problem.msgctxt,
        "message": problem.message, "file": problem.file, "line": problem.line,
    }


@dataclass
class PackReport:
    pack: str
    locale: str
    file: str
    required: bool
    gate: float
    exists: bool = True
    total: int = 0
    translated: int = 0
    fuzzy: int = 0
    untranslated: int = 0
    obsolete: int = 0
    characters: int = 0  # source characters still to translate (untranslated or fuzzy)
    incomplete_units: list[str] = field(default_factory=list)
    problems: list[Finding] = field(default_factory=list)  # source `i18n`, with unit and msgctxt

    @property
    def percent(self) -> float:
        return round(100.0 * self.translated / self.total, 1) if self.total else 100.0

    @property
    def errors(self) -> int:
        return sum(1 for p in self.problems if p.severity == "error")

    @property
    def below_gate(self) -> bool:
        """A required locale translated below its gate (only required locales can fail)."""
        exact = 100.0 * self.translated / self.total if self.total else 100.0
        return self.required and exact < self.gate

    @property
    def passed(self) -> bool:
        """The gate: only required locales can fail, by completeness or by an error-level problem."""
        return not self.required or (not self.below_gate and not self.errors)

    def as_dict(self) -> dict:
        return {
            "total": self.total, "translated": self.translated, "fuzzy": self.fuzzy,
            "untranslated": self.untranslated, "obsolete": self.obsolete, "percent": self.percent,
            "characters": self.characters, "incomplete_units": self.incomplete_units,
            "problems": [problem_dict(p) for p in self.problems], "required": self.required, "gate": self.gate,
            "file": self.file, "exists": self.exists, "passed": self.passed,
        }


def report_pack(
    pack: Pack, messages: list[Message], root: Path, locale: str, required: bool, gate: float,
    glossary: tuple[str, ...], label_width: int = LABEL_WIDTH,
) -> PackReport:
    """Compare the current source strings with the locale's PO file, message by message."""
    path = po_path(root, locale, pack.id)
    display = display_path(path, root)
    report = PackReport(pack.id, locale, display, required, gate, total=len(messages))
    babel_locale = parse_locale(locale)  # `locale` is canonical (`ja`, `pt_BR`): see localize.locale_tag
    entries, obsolete, catalog = {}, 0, None
    if os.path.lexists(path):  # a FIFO or directory is read, and refused
        catalog = read_catalog(path, display, locale)
        entries = {m.context: m for m in catalog if m.id}
        obsolete = len(catalog.obsolete)
    else:
        report.exists = False
    contexts = {m.context for m in messages}
    report.obsolete = obsolete + sum(1 for c in entries if c not in contexts)
    incomplete: dict[str, None] = {}
    for source in messages:
        entry = entries.get(source.context)
        state = "translated"
        if entry is None or not entry.string:
            state = "untranslated"
        elif entry.fuzzy or entry.id != source.text:
            state = "fuzzy"  # marked fuzzy, or the source changed since the last update
        else:
            width = label_width if source.label else None
            at = Pos(display, msgstr_line(catalog, entry))
            found = entry_problems(entry, source.unit, width, babel_locale, glossary, at)
            report.problems += found
            if any(p.rule == "unchanged" for p in found):
                state = "untranslated"
        if state == "translated":
            report.translated += 1
        else:
            setattr(report, state, getattr(report, state) + 1)
            report.characters += len(source.text)
            incomplete[source.unit] = None
    report.incomplete_units = list(incomplete)
    return report


def entry_problems(entry, unit: str, width: int | None, babel_locale, glossary: tuple[str, ...], at: Pos) -> list[Finding]:
    """The checks' findings on one translated PO entry, against the English it was made for; `at` is its msgstr line."""
    return [
        f.placed(at, unit=unit, msgctxt=entry.context)
        for f in check(entry.id, entry.string, babel_locale, glossary, width)
    ]


def catalog_errors(catalog, messages: list[Message], locale: str, glossary: tuple[str, ...], label_width: int,
                   display: str) -> list[Finding]:
    """Error-level problems of every translated, non-fuzzy entry of `catalog`: what must not ship.
    An entry the sources no longer have (not yet updated) is checked against its own English."""
    sources = {m.context: m for m in messages}
    babel_locale = parse_locale(locale)
    errors = []
    for entry in catalog:
        if not entry.id or not entry.string or entry.fuzzy:
            continue
        source = sources.get(entry.context)
        unit = source.unit if source else keys.unit_of(entry.context or "")
        width = label_width if source and source.label else None
        at = Pos(display, msgstr_line(catalog, entry))
        errors += [p for p in entry_problems(entry, unit, width, babel_locale, glossary, at) if p.severity == ERROR]
    return errors

