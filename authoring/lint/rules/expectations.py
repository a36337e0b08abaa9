"""The `matcher-value` rule: an expected value the runtime could never compare, judged by the matchers module."""

from __future__ import annotations

from ...matchers import MATCHERS, value_problem
from ...model import BUILTIN_VARIABLES
from ...placeholders import is_whole, names_in
from ..context import LintContext
from ..registry import rule

NUMERIC = frozenset({"length", "min_length", "gte", "lte"})


@rule("matcher-value")
def matcher_value(ctx: LintContext):
    """A matcher's value cannot work whatever the response: a number matcher given text, `exists` given
    anything but true or false, a regular expression that does not compile, or a number matcher given a
    placeholder that is always text (a built-in or a pack variable: only a saved value can be a number).

    A typed matcher (`exists`, `length`, `min_length`, `one_of`, `gte`, `lte`) may take one whole
    placeholder, which is filled with the variable's own value: a saved number stays a number.

    Fails:
        expect: [{path: Timeout, gte: "ten"}]
    Passes:
        expect: [{path: Timeout, gte: "{min_timeout}"}]   # min_timeout saved by an earlier step
    """
    text_only = set(BUILTIN_VARIABLES) | set(ctx.pack.variables)
    saved = {name for _, _, step in ctx.all_steps() for name in step.save}
    for _, _, step in ctx.all_steps():
        for expectation in step.expect:
            matcher, value = expectation.matcher, expectation.value
            if matcher not in MATCHERS:
                continue  # the schema reports a missing or misspelled matcher
            problem = value_problem(matcher, value)
            if problem is None and matcher in NUMERIC and isinstance(value, str) and is_whole(value):
                name = names_in(value)[0]
                if name in text_only - saved:
                    problem = f"`{matcher}` takes a number, and `{{{name}}}` is always text (only a saved value can be a number)"
            if problem:
                yield expectation.pos(matcher), problem
