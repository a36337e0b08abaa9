"""The `undefined-variable` rule: every `{name}` must be defined where it is used."""

from __future__ import annotations

from ...model import BUILTIN_VARIABLES, Step
from ...placeholders import offsets_in, strings_in
from ...text import suggest
from ..context import LintContext
from ..registry import rule


def _step_strings(step: Step):
    """(located object, path, text) for every string in a step that may hold placeholders."""
    for path, text in strings_in(step.params, ("params",)):
        yield step, path, text
    for name, expression in step.save.items():
        yield step, ("save", name), expression
    for expectation in step.expect:
        yield expectation, ("path",), expectation.path
        for path, text in strings_in(expectation.value, (expectation.matcher,)):
            yield expectation, path, text


SOLUTION_SAVE = ": a solution saves it, but validators see setup saves only (and their own earlier steps)"


def _check(strings, known: set[str], solution_saves: frozenset = frozenset()):
    """Problems for (located, path, text) triples, each at the placeholder itself.

    `solution_saves`: names a validator cannot see although a solution saves them, the usual cause.
    """
    for located, path, text in strings:
        if "{" not in text:
            continue
        for name, offset in offsets_in(text):
            if name not in known:
                hint = SOLUTION_SAVE if name in solution_saves else suggest(name, known)
                yield located.text_pos(*path, offset=offset), f"undefined variable `{{{name}}}`{hint}"


def _steps(steps, known: set[str], solution_saves: frozenset = frozenset()):
    """Check steps in order; each step's saves become visible to the next. Returns nothing, yields problems."""
    known = set(known)
    for step in steps:
        yield from _check(_step_strings(step), known, solution_saves)
        known.update(step.save)


def _saves(steps) -> set[str]:
    return {name for step in steps for name in step.save}


@rule("undefined-variable")
def undefined_variable(ctx: LintContext):
    """A `{name}` placeholder names no variable visible at that point.

    Visible: the built-ins `account_id`, `region`, `suffix`; the pack's `variables` (a variable may use
    the ones above it); values saved by `setup`; in a solution or counterexample, values saved by the
    solutions of the tasks it depends on and by its own earlier steps; in a validator, its own earlier
    steps' saves (never the solution's: in the exam the candidate did the work). Write `{{name}}` for a
    literal `{name}`.

    Fails:
        variables: {site_bucket: "mcx-site-{acount_id}"}
    Passes:
        variables: {site_bucket: "mcx-site-{account_id}"}
    """
    pack = ctx.pack
    known = set(BUILTIN_VARIABLES)
    for name, template in pack.variables.items():
        yield from _check([(pack, ("variables", name), template)], known)
        known.add(name)
    yield from _steps(pack.setup, known)
    known |= _saves(pack.setup)
    solution_saves = frozenset(name for task in pack.tasks for name in _saves(task.solution))
    texts = [(pack, (f,), getattr(pack, f)) for f in ("title", "summary", "description") if getattr(pack, f)]
    arch = pack.architecture
    texts += [(g, ("label",), g.label) for g in arch.groups]
    texts += [(c, ("label",), c.label) for c in arch.components]
    texts += [(c, ("label",), c.label) for c in arch.connections if c.label]
    yield from _check(texts, known)
    for task in pack.tasks:
        task_texts = [(task, ("title",), task.title), (task, ("description",), task.description)]
        task_texts += [(task, ("objectives", i), o) for i, o in enumerate(task.objectives)]
        task_texts += [(h, ("text",), h.text) for h in task.hints]
        yield from _check(task_texts, known)
        inherited = set(known)
        for ancestor in pack.ancestors(task):
            inherited |= _saves(ancestor.solution)
        yield from _steps(task.solution, inherited)
        for example in task.counterexamples:
            yield from _steps(example.steps, inherited)
        for validator in task.validators:
            yield from _steps(validator.steps, known, solution_saves)
            visible = known | _saves(validator.steps)
            yield from _check([(validator, ("fail_message",), validator.fail_message)], visible, solution_saves)
