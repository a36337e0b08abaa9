"""`mcx-author lint`: run every registered rule over packs and return findings."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..config import Config
from ..errors import InputError, Pos
from ..findings import ERROR, WARNING, Finding
from ..loader import PackSource, display_path, load_pack
from ..project import register_structural_check, resolve_pack_dirs
from ..text import suggest
from .context import LintContext, Shared
from .registry import Rule, load_rules, one_line


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


def check_disabled(config: Config, root: Path, rules: dict[str, Rule]) -> None:
    for rule_id in sorted(config.lint_disable):
        if rule_id not in rules:
            raise InputError(
                f"[lint] disable names an unknown rule `{rule_id}`{suggest(rule_id, rules)}",
                config.position_of(root, rule_id),
            )


def lint_paths(paths, root: Path, config: Config, rules: dict[str, Rule] | None = None) -> LintResult:
    """Lint the packs named by `paths` (default: every pack under the content root) with `rules`
    (default: the built-ins and the plugins of `config`), the rule set of the whole run."""
    rules = load_rules(config.lint_plugins) if rules is None else rules
    check_disabled(config, root, rules)
    shared = Shared()
    findings: list[Finding] = []
    files = 0
    only = _named_task_files(paths, root)
    for directory in resolve_pack_dirs(paths, root):
        source = load_pack(directory, root)
        found = lint_source(LintContext(source, config, rules, shared))
        if only and any(f in only for f in (d.file for d in source.task_docs)):
            # a task file was named (an editor linting on save): the whole pack is checked, since
            # references cross files, but only that file's findings are reported
            found = [f for f in found if f.file in only]
            files += sum(1 for d in source.task_docs if d.file in only)
        else:
            files += source.files_read
        findings.extend(found)
    return LintResult(tuple(sorted(set(findings))), files)


def structural_findings(source: PackSource, config: Config) -> list[Finding]:
    """The findings of the rules marked `structural=True` for one loaded pack: what `project.valid_pack`
    refuses a pack for."""
    rules = {i: r for i, r in load_rules(config.lint_plugins).items() if r.structural}
    return lint_source(LintContext(source, config, rules))


# project sits below lint and cannot import it; importing lint hands it the structural check
register_structural_check(structural_findings)


def _named_task_files(paths, root: Path) -> set[str]:
    named = set()
    for raw in paths:
        try:
            path = Path(raw).resolve()
            if path.is_file() and path.parent.name == "tasks":
                named.add(display_path(path, root))
        except (OSError, RuntimeError):  # a link loop: resolve_pack_dirs reports it
            continue
    return named


def lint_source(ctx: LintContext) -> list[Finding]:
    """Run the context's rules over its pack; a rule that raises gives one `rule-crashed` finding."""
    found: list[Finding] = []
    for rule in ctx.rules.values():
        if rule.id in ctx.config.lint_disable:
            continue
        if rule.needs_pack and ctx.source.pack is None:
            continue
        try:
            for item in rule.check(ctx):
                pos, message = item[0], item[1]
                severity = item[2] if len(item) > 2 else rule.severity
                found.append(Finding.at(pos, rule.id, severity, message))
        except Exception as exc:  # one broken rule (often a plugin) must not hide every other finding
            if "rule-crashed" not in ctx.config.lint_disable:
                found.append(_crashed(ctx, rule, exc))
    return [f for f in _drop_dependent(found) if not _suppressed(f, ctx)]


def _crashed(ctx: LintContext, rule: Rule, exc: Exception) -> Finding:
    """The `rule-crashed` finding, on the pack's pack.yaml: which rule, and what it raised, in one line."""
    what = one_line(f"{type(exc).__name__}: {exc}" if str(exc) else type(exc).__name__)
    message = f"rule `{rule.id}` crashed ({what}); its findings for this pack are missing"
    return Finding.at(Pos(ctx.source.display(ctx.source.directory / "pack.yaml")), "rule-crashed", ERROR, message)


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


__all__ = ["LintResult", "lint_paths", "load_rules", "structural_findings", "Rule"]
