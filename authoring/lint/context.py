"""What a rule sees: one pack's source and model, the repo config, the run's rule set, and shared AWS models."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Iterator, Mapping

from ..config import Config
from ..loader import PackSource
from ..model import Pack, Step, Task

if TYPE_CHECKING:
    from ..aws.catalog import ServiceCatalog
    from .registry import Rule


class Shared:
    """State shared across every pack of one lint run (expensive to build, cheap to reuse)."""

    @cached_property
    def catalog(self) -> "ServiceCatalog":
        from ..aws.catalog import ServiceCatalog

        return ServiceCatalog()


@dataclass
class LintContext:
    source: PackSource
    config: Config
    rules: Mapping[str, "Rule"]  # the rule set of this run, built once (built-ins and the root's plugins)
    shared: Shared = field(default_factory=Shared)
    cache: dict = field(default_factory=dict)  # per-pack results shared by several rules

    @property
    def pack(self) -> Pack:
        assert self.source.pack is not None
        return self.source.pack

    @property
    def root(self) -> Path:
        return self.source.root

    @property
    def catalog(self) -> "ServiceCatalog":
        return self.shared.catalog

    def all_steps(self) -> Iterator[tuple[str, Task | None, Step]]:
        """Every step of the pack with its role: setup, solution, counterexample or validator."""
        for step in self.pack.setup:
            yield "setup", None, step
        for task in self.pack.tasks:
            for step in task.solution:
                yield "solution", task, step
            for example in task.counterexamples:
                for step in example.steps:
                    yield "counterexample", task, step
            for validator in task.validators:
                for step in validator.steps:
                    yield "validator", task, step
