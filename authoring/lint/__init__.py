"""`mcx-author lint`: run every registered rule over packs and return findings."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..config import Config, suggest
from ..errors import InputError
from ..findings import ERROR, WARNING, Finding
from ..loader import load_pack, resolve_pack_dirs
from .context import LintContext, Shared
from .registry import RULES, Rule, load_rules


@dataclass(frozen=True)
class LintResult:
    findings: tuple[Finding, ...]
    files: int

    @property
    def errors(self) -> int:
        return sum(1 for f in self.findings if f.severity == ERROR)

    @property
    def warnings(self) -> int:
        return sum(1 for f in self.findings if f.severity == WARNING)


def check_disabled(config: Config, root: Path) -> None:
    rules = load_rules(config.lint_plugins)
    for rule_id in sorted(config.lint_disable):
        if rule_id not in rules:
            raise InputError(
                f"[lint] disable names an unknown rule `{rule_id}`{suggest(rule_id, rules)}",
                config.position_of(root, rule_id),
            )


def lint_paths(paths, root: Path, config: Config, select: frozenset[str] | None = None) -> LintResult:
    """Lint the packs named by `paths` (default: every pack under the content root)."""
    rules = load_rules(config.lint_plugins)
    check_disabled(config, root)
    shared = Shared()
    findings: list[Finding] = []
    files = 0
    only = _named_task_files(paths, root)
    for directory in resolve_pack_dirs(paths, root):
        source = load_pack(directory, root)
        found = lint_source(LintContext(source, config, shared), rules, select)
        if only and any(f in only for f in (d.file for d in source.task_docs)):
            # a task file was named (an editor linting on save): the whole pack is checked, since
            # references cross files, but only that file's findings are reported
            found = [f for f in found if f.file in only]
            files += sum(1 for d in source.task_docs if d.file in only)
        else:
            files += source.files_read
        findings.extend(found)
    return LintResult(tuple(sorted(set(findings))), files)


# path-escape too: a task file linked out of the pack is not read, so the pack is incomplete.
STRUCTURE_RULES = frozenset(
    {"yaml-syntax", "schema", "unknown-key", "duplicate-id", "id-mismatch", "unknown-reference", "dependency-cycle",
     "path-escape"}
)


def load_valid_pack(directory: Path, root: Path, config: Config):
    """The pack model, or InputError naming the first structural problem (commands other than lint
    need a pack whose shape and references are sound; lint reports everything)."""
    source = load_pack(directory, root)
    found = lint_source(LintContext(source, config, Shared()), load_rules(config.lint_plugins), STRUCTURE_RULES)
    errors = sorted(f for f in found if f.severity == ERROR)
    if errors or source.pack is None:
        first = errors[0] if errors else None
        more = f" ({len(errors) - 1} more)" if len(errors) > 1 else ""
        from ..errors import Pos

        pos = Pos(first.file, first.line, first.column) if first else Pos(str(directory))
        message = first.message if first else "the pack could not be read"
        raise InputError(f"{message}{more}; run `mcx-author lint` for details", pos)
    return source.pack


def _named_task_files(paths, root: Path) -> set[str]:
    from ..loader import display_path

    named = set()
    for raw in paths:
        try:
            path = Path(raw).resolve()
            if path.is_file() and path.parent.name == "tasks":
                named.add(display_path(path, root))
        except (OSError, RuntimeError):  # a link loop: resolve_pack_dirs reports it
            continue
    return named


def lint_source(ctx: LintContext, rules: dict[str, Rule], select: frozenset[str] | None = None) -> list[Finding]:
    found: list[Finding] = []
    for rule in rules.values():
        if rule.id in ctx.config.lint_disable or (select is not None and rule.id not in select):
            continue
        if rule.needs_pack and ctx.source.pack is None:
            continue
        for item in rule.check(ctx):
            pos, message = item[0], item[1]
            severity = item[2] if len(item) > 2 else rule.severity
            found.append(Finding.at(pos, rule.id, severity, message))
    return [f for f in _drop_dependent(found) if not _suppressed(f, ctx)]


# One mistake, one finding. Findings that merely follow from another are dropped, in two ways:
# - here, by position: a node the file-level rules (syntax, schema, unknown key) reported gets no
#   further finding at the same file:line:column, since later rules read that node through a model
#   that could not make sense of it (`call: s3.GetBucketWebsite` is a schema error, not also an
#   unknown operation);
# - where a typo is found, by cause: a key reported as a likely typo for `X` explains why `X` is
#   missing, so "missing required `X`" is not reported beside it (schema keys: rules/structure.py;
#   AWS parameters: aws/shapes.py), and rules that read `X` stand down (`service:` for `services:`
#   gives no service-not-declared warnings; see `misspelled_keys`).
FILE_LEVEL_RULES = frozenset({"yaml-syntax", "schema", "unknown-key"})


def _drop_dependent(found: list[Finding]) -> list[Finding]:
    claimed = {(f.file, f.line, f.column) for f in found if f.rule in FILE_LEVEL_RULES}
    return [f for f in found if f.rule in FILE_LEVEL_RULES or (f.file, f.line, f.column) not in claimed]


def _suppressed(finding: Finding, ctx: LintContext) -> bool:
    for doc in ctx.source.documents:
        if doc.file == finding.file:
            rules = doc.suppressions.get(finding.line)
            return bool(rules) and (finding.rule in rules or "all" in rules)
    return False


__all__ = ["LintResult", "lint_paths", "load_valid_pack", "RULES", "Rule"]
