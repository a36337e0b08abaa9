"""The package's layers hold: core -> YAML/model -> project -> features -> commands, never upwards, and a
feature reaches another only through the other's package (its public functions), never its modules.

The map is docs/architecture.md; this test keeps it true.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "authoring"

# top-level names under authoring/ -> layer number; a new module or package must be placed here
LAYERS = {
    # core: records, errors, files, configuration; no knowledge of packs
    "__init__": 0, "errors": 0, "findings": 0, "files": 0, "config": 0, "placeholders": 0, "text": 0,
    "scalarpos": 0, "yamlhints": 0, "formats": 0,
    # YAML and the pack model, the JSON Schemas, AWS service models and matcher semantics
    "yamlsrc": 1, "model": 1, "loader": 1, "schema": 1, "aws": 1, "matchers": 1,
    # the content root, its packs, and a pack that is safe to use
    "project": 2,
    # features: each reads the model through project, and other features through their packages
    "lint": 3, "i18n": 3, "diagram": 3, "scaffold": 3, "runtime": 3, "bundle": 3, "preview": 3,
    # the command line
    "commands": 4, "cli": 4,
}
FEATURES = {name for name, layer in LAYERS.items() if layer == 3}
# which feature may use which other (through its package): a pack comes from project, never from lint
USES = {
    "diagram": {"i18n"},
    "runtime": set(),
    "bundle": {"lint", "i18n", "diagram", "runtime"},
    "preview": {"i18n", "diagram", "runtime"},
}


def module_name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imported(path: Path) -> list[tuple[int, str]]:
    """(line, absolute module name) of every import of authoring's own modules in one file."""
    name = module_name(path)
    package = name if path.name == "__init__.py" else name.rsplit(".", 1)[0]
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module or ""
            if target == "authoring" or target.startswith("authoring."):
                if node.module is None:  # `from . import x`: x may be a module
                    found += [(node.lineno, f"{target}.{alias.name}") for alias in node.names]
                else:
                    found.append((node.lineno, target))
        elif isinstance(node, ast.Import):
            found += [(node.lineno, a.name) for a in node.names if a.name.startswith("authoring")]
    return found


def top(module: str) -> str:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else "__init__"


def violations(path: Path) -> list[str]:
    here = top(module_name(path))
    problems = []
    for line, target in imported(path):
        there = top(target)
        where = f"{path.relative_to(PACKAGE.parent)}:{line}"
        if here == there or there not in LAYERS:
            continue
        if LAYERS[there] > LAYERS[here]:
            problems.append(f"{where}: {here} (layer {LAYERS[here]}) imports {target} (layer {LAYERS[there]})")
        elif here in FEATURES and there in FEATURES:
            if there not in USES.get(here, set()):
                problems.append(f"{where}: feature {here} uses feature {there}; see USES and docs/architecture.md")
            elif target != f"authoring.{there}":
                problems.append(f"{where}: feature {here} reaches into {target}; use the package `authoring.{there}`")
    return problems


SOURCES = sorted(PACKAGE.rglob("*.py"))


def test_every_module_has_a_layer():
    unplaced = sorted({top(module_name(p)) for p in SOURCES} - set(LAYERS))
    assert unplaced == [], "place these in LAYERS and in docs/architecture.md"


@pytest.mark.parametrize("path", SOURCES, ids=lambda p: str(p.relative_to(PACKAGE)))
def test_imports_go_down_the_layers(path):
    assert violations(path) == []
