"""Rules run safely: a rule (usually a plugin) that raises is one `rule-crashed` finding naming the rule and
the exception, the other rules still report, and a run's rule set is the built-ins plus its own plugins."""

from __future__ import annotations

from pathlib import Path

import pytest

from authoring.config import Config
from authoring.lint import lint_paths, load_rules
from authoring.project import find_root

CRASHING = '''
from authoring.lint.registry import rule


@rule("{rule_id}")
def check(ctx):
    """Crashes.

    Fails:
        title: x
    Passes:
        title: y
    """
    yield ctx.pack.pos("title"), "found before the crash"
    raise ZeroDivisionError("{text}")
'''


@pytest.fixture
def plugin(content_root: Path, monkeypatch):
    """Write a plugin module next to the content root and list it in mcx.toml; returns its module name."""

    def write(name: str, source: str) -> str:
        (content_root / "plugins").mkdir(exist_ok=True)
        (content_root / "plugins" / f"{name}.py").write_text(source, encoding="utf-8")
        (content_root / "mcx.toml").write_text(f'[lint]\nplugins = ["{name}"]\n', encoding="utf-8")
        monkeypatch.syspath_prepend(str(content_root / "plugins"))
        return name

    return write


def test_a_rule_that_raises_is_one_rule_crashed_finding_not_exit_3(copy_pack, plugin, run):
    pack = copy_pack("clean")
    plugin("crash_plugin_cli", CRASHING.format(rule_id="boom-cli", text="division by zero"))
    result = run("lint", pack)
    assert result.exit_code == 1
    crashed = [line for line in result.output.splitlines() if line.endswith("[rule-crashed]")]
    assert len(crashed) == 1
    assert crashed[0].startswith("packs/clean/pack.yaml: error: ")
    assert "`boom-cli`" in crashed[0] and "ZeroDivisionError: division by zero" in crashed[0]
    assert "Traceback" not in result.output


def test_a_crashing_rule_keeps_its_findings_before_the_crash_and_the_other_rules_findings(copy_pack, plugin):
    pack = copy_pack("clean")
    (pack / "tasks" / "stray.txt").write_text("not a task", encoding="utf-8")  # another rule's finding
    module = plugin("crash_plugin_partial", CRASHING.format(rule_id="boom-partial", text="x"))
    root = find_root(pack)
    rules = {f.rule for f in lint_paths([str(pack)], root, Config(lint_plugins=(module,))).findings}
    assert {"boom-partial", "rule-crashed"} <= rules
    assert len(rules) >= 3


def test_a_crash_with_a_multi_line_message_is_one_line(copy_pack, plugin):
    pack = copy_pack("clean")
    module = plugin("crash_plugin_lines", CRASHING.format(rule_id="boom-lines", text="first\\nsecond\\nthird"))
    findings = lint_paths([str(pack)], find_root(pack), Config(lint_plugins=(module,))).findings
    [crash] = [f for f in findings if f.rule == "rule-crashed"]
    assert "\n" not in crash.message and "first" in crash.message and "second" not in crash.message


def test_rule_crashed_can_be_disabled_like_any_rule(copy_pack, plugin):
    pack = copy_pack("clean")
    module = plugin("crash_plugin_disabled", CRASHING.format(rule_id="boom-disabled", text="x"))
    config = Config(lint_plugins=(module,), lint_disable=frozenset({"rule-crashed"}))
    assert [f.rule for f in lint_paths([str(pack)], find_root(pack), config).findings] == ["boom-disabled"]


def test_a_plugin_that_raises_on_import_is_one_line_not_a_traceback(copy_pack, plugin, run):
    pack = copy_pack("clean")
    plugin("crash_plugin_import", "raise RuntimeError('no config\\nfor this')\n")
    result = run("lint", pack)
    assert result.exit_code == 1
    assert result.output.count("\n") == 1
    assert "`crash_plugin_import`" in result.output and "RuntimeError: no config" in result.output


def test_a_plugin_of_one_content_root_does_not_run_for_another(copy_pack, plugin):
    pack = copy_pack("clean")
    module = plugin("crash_plugin_other_root", CRASHING.format(rule_id="boom-other-root", text="x"))
    assert "boom-other-root" in load_rules((module,))
    assert "boom-other-root" not in load_rules()
    assert lint_paths([str(pack)], find_root(pack), Config()).findings == ()


STRUCTURAL = '''
from authoring.lint.registry import rule


@rule("house-structure", structural=True)
def check(ctx):
    """Always broken.

    Fails:
        title: x
    Passes:
        title: y
    """
    yield ctx.pack.pos("title"), "our house rule says this pack cannot be used"
'''


def test_a_rule_marked_structural_makes_other_commands_refuse_the_pack(copy_pack, plugin, run):
    pack = copy_pack("clean")
    plugin("structural_plugin", STRUCTURAL)
    result = run("render-diagram", pack, "--format", "dot")
    assert result.exit_code == 1
    assert "our house rule says this pack cannot be used" in result.output
    assert result.output.startswith("packs/clean/pack.yaml:")


def test_the_structural_rules_are_those_marked_on_the_rule():
    marked = {rule_id for rule_id, rule in load_rules().items() if rule.structural}
    assert marked == {
        "yaml-syntax", "schema", "unknown-key", "duplicate-id", "id-mismatch", "unknown-reference",
        "dependency-cycle", "path-escape",
    }
