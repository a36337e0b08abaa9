"""The immutable record every check produces and every formatter consumes: lint rules, YAML reading,
AWS parameter checks, the i18n checks and dry-run all report `Finding`s."""

from __future__ import annotations

from dataclasses import dataclass, replace

from .errors import Pos

ERROR = "error"
WARNING = "warning"


@dataclass(frozen=True, slots=True, order=True)
class Finding:
    file: str
    line: int  # 0: unknown (the whole file)
    column: int  # 0: unknown
    rule: str  # the check's id: a lint rule, an i18n check (`placeholder`), a dry-run phase
    severity: str
    message: str
    source: str = "lint"  # the tool that checked: `lint`, `i18n`, `dry-run`
    # i18n: the unit (`task/<id>`, `pack`) and msgctxt of the catalog entry
    unit: str = ""
    msgctxt: str = ""
    # a check that knows the value before its place (AWS params): the path inside that value, and
    # whether the finding belongs at the path's key rather than at its value; `placed` gives the place
    path: tuple = ()
    at_key: bool = False

    @classmethod
    def at(cls, pos: Pos, rule: str, severity: str, message: str, source: str = "lint") -> "Finding":
        return cls(pos.file, pos.line, pos.column, rule, severity, message, source)

    @property
    def pos(self) -> Pos:
        return Pos(self.file, self.line, self.column)

    def placed(self, pos: Pos, **extra) -> "Finding":
        """This finding at `pos` (and with `extra` fields set), for checks that find before they place."""
        return replace(self, file=pos.file, line=pos.line, column=pos.column, **extra)

    def as_dict(self) -> dict:
        return {
            "rule": self.rule,
            "severity": self.severity,
            "file": self.file,
            "line": self.line,
            "column": self.column,
            "message": self.message,
        }


def path_label(path) -> str:
    """`hints[2].cost` for the second hint's cost: item numbers in messages count from 1, as in the
    i18n keys (`task/<id>/hint/2`); empty for the empty path."""
    out = ""
    for part in path:
        out += f"[{part + 1}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out
