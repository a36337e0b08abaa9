"""`mcx.toml`, the optional repository configuration, read strictly: typos are errors."""

from __future__ import annotations

import os
import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from .errors import InputError, Pos
from .files import MAX_CONFIG_BYTES, read_regular
from .text import suggest

KNOWN = {
    "": {"lint", "i18n"},
    "lint": {"disable", "plugins"},
    "i18n": {"glossary", "locales", "label_width"},
    "i18n.locales.*": {"min_translated"},
}


@dataclass(frozen=True)
class Config:
    lint_disable: frozenset[str] = frozenset()
    lint_plugins: tuple[str, ...] = ()
    glossary: tuple[str, ...] = ()
    label_width: int = 36
    locale_gates: dict = field(default_factory=dict)  # locale -> min_translated percent
    file: str | None = None

    def position_of(self, root: Path, needle: str) -> Pos:
        """Best-effort place of `needle` in mcx.toml (tomllib keeps no positions): the first
        occurrence outside a comment, as a key or a quoted string."""
        path = root / "mcx.toml"
        patterns = (
            re.compile(rf"^\s*{re.escape(needle)}\s*="),
            re.compile(rf"[\"']{re.escape(needle)}[\"']"),
            re.compile(rf"\b{re.escape(needle)}\b"),
        )
        try:
            lines = [_without_comment(line) for line in path.read_text(encoding="utf-8").splitlines()]
        except (OSError, UnicodeDecodeError):
            return Pos("mcx.toml", 1, 1)
        for pattern in patterns:
            for number, line in enumerate(lines, 1):
                match = pattern.search(line)
                if match:
                    column = line.index(needle, match.start())
                    return Pos("mcx.toml", number, column + 1)
        return Pos("mcx.toml", 1, 1)


def _without_comment(line: str) -> str:
    """The line up to a `#` that is not inside a quoted string (blanked, so columns stay)."""
    quote = ""
    for i, char in enumerate(line):
        if quote:
            if char == quote:
                quote = ""
        elif char in "\"'":
            quote = char
        elif char == "#":
            return line[:i]
    return line


def load_config(root: Path) -> Config:
    path = root / "mcx.toml"
    if not os.path.lexists(path):
        return Config()
    try:
        data = tomllib.loads(read_regular(path, MAX_CONFIG_BYTES, "mcx.toml").decode("utf-8"))
    except UnicodeDecodeError:
        raise InputError("not valid UTF-8", Pos("mcx.toml", 1, 1)) from None
    except tomllib.TOMLDecodeError as exc:
        line, column = getattr(exc, "lineno", 1) or 1, getattr(exc, "colno", 1) or 1
        message = str(exc).split(" (at line")[0]
        raise InputError(message, Pos("mcx.toml", line, column)) from None
    config = Config(file="mcx.toml")

    def check(table: dict, section: str, label: str) -> None:
        for key in table:
            if key not in KNOWN[section]:
                where = f" in [{label}]" if label else ""
                raise InputError(
                    f"unknown key `{key}`{where}{suggest(key, KNOWN[section])}", config.position_of(root, key)
                )

    check(data, "", "")
    lint = _table(data, "lint", root, config)
    i18n = _table(data, "i18n", root, config)
    check(lint, "lint", "lint")
    check(i18n, "i18n", "i18n")
    disable = lint.get("disable", [])
    if not isinstance(disable, list) or not all(isinstance(r, str) for r in disable):
        raise InputError("[lint] disable must be a list of rule ids", config.position_of(root, "disable"))
    plugins = lint.get("plugins", [])
    if not isinstance(plugins, list) or not all(isinstance(m, str) for m in plugins):
        raise InputError("[lint] plugins must be a list of module names", config.position_of(root, "plugins"))
    glossary = i18n.get("glossary", [])
    if not isinstance(glossary, list) or not all(isinstance(t, str) for t in glossary):
        raise InputError("[i18n] glossary must be a list of strings", config.position_of(root, "glossary"))
    label_width = i18n.get("label_width", 36)
    if isinstance(label_width, bool) or not isinstance(label_width, int) or not 8 <= label_width <= 200:
        raise InputError("[i18n] label_width must be a whole number of columns, 8..200", config.position_of(root, "label_width"))
    gates = {}
    locales = i18n.get("locales", {})
    if not isinstance(locales, dict):
        raise InputError("[i18n.locales] must be a table", config.position_of(root, "locales"))
    for tag, table in locales.items():
        if not isinstance(table, dict):
            raise InputError(f"[i18n.locales.{tag}] must be a table", config.position_of(root, tag))
        check(table, "i18n.locales.*", f"i18n.locales.{tag}")
        if "min_translated" in table:
            gate = table["min_translated"]
            if isinstance(gate, bool) or not isinstance(gate, (int, float)) or not 0 <= gate <= 100:
                raise InputError(
                    f"[i18n.locales.{tag}] min_translated must be a percentage 0..100",
                    config.position_of(root, "min_translated"),
                )
            gates[tag] = float(gate)
    return Config(
        lint_disable=frozenset(disable), lint_plugins=tuple(plugins), glossary=tuple(glossary), label_width=label_width, locale_gates=gates, file="mcx.toml"
    )


def _table(data: dict, name: str, root: Path, config: Config) -> dict:
    table = data.get(name, {})
    if not isinstance(table, dict):
        raise InputError(f"`{name}` must be a table ([{name}])", config.position_of(root, name))
    return table
