"""Rules about the exam as a whole: time budget, locales, diagram components, hints."""

from __future__ import annotations

import re

from ...findings import ERROR, WARNING
from ..context import LintContext
from ..registry import rule


def longest_chain(pack) -> tuple[int, list[str]]:
    """The dependency chain with the most `estimated_minutes`, as (minutes, task ids in order); a
    dependency that closes a cycle (dependency-cycle reports it) is left out of the chain."""
    best: dict[str, tuple[int, list[str]]] = {}
    for task in pack.dependency_order():
        if task.id:
            before = max((best[d] for d in task.depends_on if d in best), default=(0, []))
            best[task.id] = (before[0] + task.estimated_minutes, before[1] + [task.id])
    return max(best.values(), default=(0, []))


@rule("time-budget")
def time_budget(ctx: LintContext):
    """The tasks do not fit the exam time: an error when the longest dependency chain of
    `estimated_minutes` exceeds `duration_minutes`, a warning when their sum does.

    Fails:
        duration_minutes: 30      # tasks a -> b -> c estimated 15 + 10 + 10 minutes
    Passes:
        duration_minutes: 90
    """
    pack = ctx.pack
    if not pack.duration_minutes:
        return
    minutes, chain = longest_chain(pack)
    if minutes > pack.duration_minutes:
        yield pack.pos("duration_minutes"), (
            f"the dependency chain {' -> '.join(chain)} needs {minutes} minutes, "
            f"more than the exam's {pack.duration_minutes}"
        ), ERROR
        return
    total = sum(t.estimated_minutes for t in pack.tasks if t.stem in pack.task_ids)
    if total > pack.duration_minutes:
        yield pack.pos("duration_minutes"), (
            f"the tasks' estimated_minutes add up to {total}, more than the exam's {pack.duration_minutes}"
        ), WARNING


# Country codes often written where a language code belongs.
COUNTRY_NOT_LANGUAGE = {
    "jp": "ja", "cn": "zh_Hans", "tw": "zh_Hant", "kr": "ko", "gr": "el", "dk": "da", "se": "sv",
    "cz": "cs", "ua": "uk", "br": "pt_BR", "us": "en_US", "vn": "vi", "il": "he", "in": "hi",
}


@rule("unknown-locale")
def unknown_locale(ctx: LintContext):
    """A locale tag in `locales` or `source_locale` that Babel (CLDR) does not know.

    Fails:
        locales: {jp: {required: true}}
    Passes:
        locales: {ja: {required: true}}
    """
    from babel.localedata import locale_identifiers

    from ...text import parse_locale_tag, suggest

    pack = ctx.pack
    tags = [(spec.tag, spec.key_pos()) for spec in pack.locales]
    if isinstance(ctx.source.pack_doc.data, dict) and "source_locale" in ctx.source.pack_doc.data:
        tags.append((pack.source_locale, pack.pos("source_locale")))
    for tag, pos in tags:
        if parse_locale_tag(tag) is None:
            lang = COUNTRY_NOT_LANGUAGE.get(tag.lower())
            hint = f" (did you mean `{lang}`?)" if lang else suggest(tag, locale_identifiers())
            yield pos, f"unknown locale `{tag}`: Babel's CLDR data has no such locale{hint}"


@rule("unused-component", severity=WARNING)
def unused_component(ctx: LintContext):
    """A diagram component that no task highlights and no connection touches: noise on the exam screen.

    Fails:
        components: [{id: legacy-db, label: Legacy database}]   # never highlighted or connected
    Passes:
        connections: [{from: orders-fn, to: legacy-db}]
    """
    arch = ctx.pack.architecture
    used = {c for t in ctx.pack.tasks for c in t.highlight}
    used |= {c.source for c in arch.connections} | {c.target for c in arch.connections}
    for component in arch.components:
        if component.id and component.id not in used:
            yield component.pos("id"), f"component `{component.id}` is neither highlighted by a task nor connected"


_CODE = re.compile(r"`([^`\n]+)`")


_NO_COST = object()


def _free(hint) -> bool:
    """No cost, or cost 0. A cost that is not an integer (`cost: five`, `cost: true`) is the schema rule's
    finding: the model reads it as 0, but the author did not mean the hint to be free."""
    data = hint.src.doc.data
    for part in hint.src.path:
        data = data[part]
    raw = data.get("cost", _NO_COST)
    return raw is _NO_COST or (type(raw) in (int, float) and raw == 0)


@rule("hint-leak", severity=WARNING)
def hint_leak(ctx: LintContext):
    """A free hint (cost 0) quotes a value that a validator expects: it hands out the answer for nothing.

    Fails:
        hints: [{text: "Set the index document to `index.html`."}]   # validator expects index.html
    Passes:
        hints: [{text: "Set the index document to `index.html`.", cost: 5}]
    """
    for task in ctx.pack.tasks:
        expected = set()
        for validator in task.validators:
            for step in validator.steps:
                for expectation in step.expect:
                    if expectation.matcher in ("equals", "contains", "matches") and isinstance(expectation.value, str):
                        if len(expectation.value) >= 4 and "{" not in expectation.value:
                            expected.add(expectation.value)
        for hint in task.hints:
            if _free(hint):
                for match in _CODE.finditer(hint.text):
                    quoted = match.group(1)
                    if quoted in expected:
                        where = hint.text_pos("text", offset=match.start())
                        yield where, f"free hint gives away the expected value `{quoted}`; give it a cost"
