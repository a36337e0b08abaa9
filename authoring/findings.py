"""The immutable record every check produces and every formatter consumes."""

from __future__ import annotations

from dataclasses import dataclass

from .errors import Pos

ERROR = "error"
WARNING = "warning"


@dataclass(frozen=True, slots=True, order=True)
class Finding:
    file: str
    line: int
    column: int
    rule: str
    severity: str
    message: str

    @classmethod
    def at(cls, pos: Pos, rule: str, severity: str, message: str) -> "Finding":
        return cls(pos.file, pos.line, pos.column, rule, severity, message)

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
