"""The rule registry: every rule, built-in or third-party, registers with `@rule`; `load_rules` gives the
set one run uses."""

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
    structural: bool = False  # a finding makes the pack unsafe to use: other commands refuse it

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


# Every rule registered in this process; a run uses the subset `load_rules` picks (built-ins and the
# content root's own plugins), passed to the rules in the context, never this dict.
_REGISTERED: dict[str, Rule] = {}
BUILTIN = __name__.rpartition(".")[0] + ".rules"


def rule(rule_id: str, severity: str = ERROR, needs_pack: bool = True, structural: bool = False):
    """Register `check(ctx) -> iterable of (pos, message[, severity])` under `rule_id`.

    `structural=True`: a finding of this rule means the pack cannot be used as it is (its shape or its
    references are broken), so commands other than lint refuse the pack (`project.valid_pack`).
    """
    if severity not in (ERROR, WARNING):
        raise ValueError(f"severity must be {ERROR!r} or {WARNING!r}")

    def register(check: Callable[..., Iterable]) -> Callable:
        if rule_id in _REGISTERED:
            raise ValueError(f"lint rule {rule_id!r} is registered twice")
        doc = inspect.cleandoc(check.__doc__ or "")
        _REGISTERED[rule_id] = Rule(rule_id, severity, check, doc, needs_pack, structural)
        return check

    return register


def load_rules(plugins: tuple[str, ...] = ()) -> dict[str, Rule]:
    """The rule set of one run: the built-in rules, plus those registered by the plugin modules named
    in `[lint] plugins` (and their submodules), by id.

    Plugins are listed explicitly per content repository (not discovered from whatever happens to
    be installed), so CI and every author run the same rule set; a plugin imported for another
    content root in the same process does not run here.
    """
    import importlib

    from . import rules  # noqa: F401  (registers the built-ins)

    for module in plugins:
        try:
            importlib.import_module(module)
        except Exception as exc:  # a plugin that cannot be imported, or raises while it is: mcx.toml is wrong
            from ..errors import InputError

            reason = str(exc) if isinstance(exc, ImportError) else f"{type(exc).__name__}: {exc}"
            raise InputError(f"[lint] plugins: cannot import `{module}`: {one_line(reason)}") from None
    sources = (BUILTIN, *plugins)
    return {
        rule_id: r for rule_id, r in _REGISTERED.items()
        if any(r.check.__module__ == s or r.check.__module__.startswith(s + ".") for s in sources)
    }


def one_line(text: str, limit: int = 200) -> str:
    """The first line of `text`, cut to `limit` characters: an exception's text in a one-line message."""
    first = text.strip().splitlines()[0] if text.strip() else ""
    return first if len(first) <= limit else first[: limit - 1] + "…"
