"""The rule registry: every rule, built-in or third-party, registers with `@rule`."""

from __future__ import annotations

import inspect
from dataclasses import dataclass
from typing import Callable, Iterable

from ..findings import ERROR, WARNING

ORDER = ("structure", "references", "variables", "aws")


@dataclass(frozen=True)
class Rule:
    id: str
    severity: str
    check: Callable
    doc: str
    needs_pack: bool = True

    @property
    def summary(self) -> str:
        first = self.doc.strip().split("\n\n")[0]
        return " ".join(line.strip() for line in first.splitlines())

    def section(self, name: str) -> str:
        """A named part of the docstring (`Fails:` or `Passes:`), dedented."""
        lines = self.doc.splitlines()
        out: list[str] = []
        inside = False
        for line in lines:
            stripped = line.strip()
            if stripped.endswith(":") and stripped[:-1] in ("Fails", "Passes"):
                inside = stripped[:-1] == name
                continue
            if inside:
                out.append(line)
        return inspect.cleandoc("\n".join(out))


RULES: dict[str, Rule] = {}


def rule(rule_id: str, severity: str = ERROR, needs_pack: bool = True):
    """Register `check(ctx) -> iterable of (pos, message[, severity])` under `rule_id`."""
    if severity not in (ERROR, WARNING):
        raise ValueError(f"severity must be {ERROR!r} or {WARNING!r}")

    def register(check: Callable[..., Iterable]) -> Callable:
        if rule_id in RULES:
            raise ValueError(f"lint rule {rule_id!r} is registered twice")
        RULES[rule_id] = Rule(rule_id, severity, check, inspect.cleandoc(check.__doc__ or ""), needs_pack)
        return check

    return register


def load_rules(plugins: tuple[str, ...] = ()) -> dict[str, Rule]:
    """The built-in rules, plus those registered by the plugin modules named in `[lint] plugins`.

    Plugins are listed explicitly per content repository (not discovered from whatever happens to
    be installed), so CI and every author run the same rule set.
    """
    import importlib

    from . import rules  # noqa: F401  (registers the built-ins)

    for module in plugins:
        try:
            importlib.import_module(module)
        except ImportError as exc:
            from ..errors import InputError

            raise InputError(f"[lint] plugins: cannot import `{module}`: {exc}") from None
    return RULES
