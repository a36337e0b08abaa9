"""Rules about the files themselves: YAML syntax and the JSON Schema (types, keys)."""

from __future__ import annotations

from functools import cache

from ...errors import Pos
from ...findings import path_label
from ...text import closest, suggest
from ...yamlsrc import Document
from ..context import LintContext
from ..registry import rule


@rule("yaml-syntax", needs_pack=False, structural=True)
def yaml_syntax(ctx: LintContext):
    """A file is not readable YAML: syntax errors, tabs, duplicate keys, bad encoding, size, aliases.

    Fails:
        title: Host the site
        title: Host the marketing site   # duplicate key
    Passes:
        title: Host the marketing site
    """
    for finding in ctx.source.findings:
        yield Pos(finding.file, finding.line, finding.column), finding.message


def _inline_refs(node, defs: dict):
    """The schema with every local `$ref` replaced by its definition (the schema has no recursion).

    jsonschema resolves a `$ref` through its registry on every visit; inlining once makes
    validation of a typical pack about twice as fast.
    """
    if isinstance(node, dict):
        ref = node.get("$ref")
        if isinstance(ref, str) and ref.startswith("#/$defs/"):
            target = _inline_refs(defs[ref.removeprefix("#/$defs/")], defs)
            rest = {k: _inline_refs(v, defs) for k, v in node.items() if k != "$ref"}
            return {**target, **rest}
        return {k: _inline_refs(v, defs) for k, v in node.items() if k != "$defs"}
    if isinstance(node, list):
        return [_inline_refs(v, defs) for v in node]
    return node


@cache
def _validator(kind: str):
    from jsonschema import Draft202012Validator

    from ...schema import schema

    full = schema(kind)
    return Draft202012Validator(_inline_refs(full, full.get("$defs", {})))


def _label(path) -> str:
    return path_label(path) or "the file"


_TYPE_WORDS = {
    "string": "text",
    "integer": "an integer",
    "number": "a number",
    "boolean": "true or false",
    "array": "a list",
    "object": "a mapping",
    "null": "empty",
}


def _word(value) -> str:
    if isinstance(value, bool):
        return "a boolean"
    return {int: "an integer", float: "a number", str: "text", list: "a list", dict: "a mapping"}.get(
        type(value), "empty"
    )


# Keywords whose failure the schema's `errorMessage` explains (it describes the value's form).
CUSTOM_MESSAGE_KEYWORDS = frozenset({"pattern", "oneOf", "minProperties", "maxProperties", "const", "not"})


def _misspelled(errors) -> set[tuple[tuple, str]]:
    """(mapping path, intended key) for every unknown key that looks like a typo of an allowed one."""
    found = set()
    for error in errors:
        if error.validator == "additionalProperties" and isinstance(error.schema, dict):
            allowed = error.schema.get("properties", {})
            for key in error.instance:
                intended = closest(key, allowed) if key not in allowed else None
                if intended:
                    found.add((tuple(error.absolute_path), intended))
    return found


def _call_hint(value) -> str:
    """` (did you mean `s3.get_bucket_website`?)` for an API name written where the boto3 method goes."""
    from botocore import xform_name

    service, _, method = value.partition(".") if isinstance(value, str) else ("", "", "")
    if not service or not method or method.islower():
        return ""
    return f" (did you mean `{service}.{xform_name(method)}`?)"


def _is_matcher_value(path: tuple) -> bool:
    from ...matchers import MATCHERS

    return len(path) >= 3 and path[-3] == "expect" and path[-1] in MATCHERS


def _schema_problems(doc: Document, kind: str) -> tuple[list[tuple[str, Pos, str]], set[tuple[tuple, str]]]:
    """(rule, pos, message) for every schema violation in `doc`, and the keys misspelled in it."""
    from ...schema.fast import fast_validator

    if fast_validator(kind)(doc.data):
        return [], set()  # valid: jsonschema would report nothing, and costs five times as much to ask
    problems = []
    errors = list(_validator(kind).iter_errors(doc.data))
    misspelled = _misspelled(errors)
    for error in errors:
        path = tuple(error.absolute_path)
        keyword = error.validator
        schema = error.schema if isinstance(error.schema, dict) else {}
        custom = schema.get("errorMessage") if keyword in CUSTOM_MESSAGE_KEYWORDS else None
        name = f"`{_label(path)}`" if path else "the file"
        if keyword == "additionalProperties":
            allowed = schema.get("properties", {})
            for key in error.instance:
                if key not in allowed:
                    hint = suggest(key, allowed) or f"; expected one of: {', '.join(allowed)}"
                    where = f" in {name}" if path else ""
                    problems.append(("unknown-key", doc.key_pos(path + (key,)), f"unknown key `{key}`{where}{hint}"))
            continue
        if _is_matcher_value(path):
            continue  # the `matcher-value` rule judges it, in the runtime's words (matchers.value_problem)
        pos = doc.pos(path)
        if keyword == "not" and custom:  # keys that exclude each other: point at the second one
            pos = doc.key_pos(path + (error.validator_value.get("required", [""])[-1],))
            problems.append(("schema", pos, custom))
            continue
        if keyword == "required":
            for key in error.validator_value:
                if (path, key) in misspelled:
                    continue  # the unknown-key finding for its typo says it all
                if isinstance(error.instance, dict) and key not in error.instance:
                    where = f" in {name}" if path else ""
                    problems.append(("schema", pos, f"missing required key `{key}`{where}"))
            continue
        if keyword == "type":
            expected = error.validator_value
            expected = [expected] if isinstance(expected, str) else expected
            words = " or ".join(_TYPE_WORDS.get(t, t) for t in expected)
            hint = ' (quote it: "…")' if "string" in expected and isinstance(error.instance, (int, float)) else ""
            message = f"{name} must be {words}, not {_word(error.instance)}{hint}"
            if not path:
                message = f"the file must hold a mapping of keys, not {_word(error.instance)}"
        elif custom and path and path[-1] == "call" and _call_hint(error.instance):
            message = f"{name} must be the boto3 client method name, in snake_case{_call_hint(error.instance)}"
        elif custom:
            message = f"{name} {custom}" if not custom.startswith(("a ", "an ")) else custom
        elif keyword == "enum":
            choices = [str(c) for c in error.validator_value]
            hint = suggest(str(error.instance), choices, cutoff=0.6)
            message = f"{name} must be one of: {', '.join(choices)}{hint}"
        elif keyword == "const":
            message = f"{name} must be `{error.validator_value}`"
        elif keyword == "minimum":
            message = f"{name} must be at least {error.validator_value}, not {error.instance}"
        elif keyword == "maximum":
            message = f"{name} must be at most {error.validator_value}, not {error.instance}"
        elif keyword == "minItems":
            message = f"{name} needs at least {error.validator_value} item{'s' if error.validator_value > 1 else ''}"
        elif keyword == "minLength":
            message = f"{name} must not be empty"
        elif keyword == "maxLength":
            message = f"{name} is longer than {error.validator_value} characters"
        elif keyword == "dependentRequired":
            needed = ", ".join(f"`{k}`" for k in error.validator_value)
            owner = next((k for k, v in error.schema.get("dependentRequired", {}).items()
                          if v == error.validator_value and k in error.instance), "this key")
            message = f"`{owner}` goes with {needed}"
            if "steps" in error.instance:
                message += f"; in a validator with `steps`, put `{owner}` in each step"
        elif keyword == "propertyNames":
            pos = doc.key_pos(path + (error.instance,))
            message = f"`{error.instance}` is not a valid name here ({error.message})"
        elif keyword == "pattern":
            message = f"{name} {error.instance!r} does not match {error.validator_value}"
        else:
            message = f"{name}: {error.message}"
        problems.append(("schema", pos, message))
    return problems, misspelled


def schema_problems(ctx: LintContext) -> list[tuple[str, Pos, str]]:
    if "schema" not in ctx.cache:
        found: list = []
        misspelled: set = set()
        docs = [(ctx.source.pack_doc, "pack")] if ctx.source.pack_doc is not None else []
        for doc, kind in docs + [(d, "task") for d in ctx.source.task_docs]:
            problems, typos = _schema_problems(doc, kind)
            found += problems
            misspelled |= {(doc.file, path, key) for path, key in typos}
        ctx.cache["schema"] = found
        ctx.cache["misspelled"] = misspelled
    return ctx.cache["schema"]


def misspelled_keys(ctx: LintContext) -> set[tuple[str, tuple, str]]:
    """(file, mapping path, intended key) for each unknown key reported as a likely typo: rules that
    would report the intended key as missing, or act on its absence, stand down for these."""
    schema_problems(ctx)
    return ctx.cache["misspelled"]


@rule("schema", needs_pack=False, structural=True)
def schema_rule(ctx: LintContext):
    """A value has the wrong type, is not an allowed choice, breaks a pattern, or a required key is missing.

    Fails:
        points: ten
        level: expert
    Passes:
        points: 10
        level: intermediate
    """
    for rule_id, pos, message in schema_problems(ctx):
        if rule_id == "schema":
            yield pos, message


@rule("unknown-key", needs_pack=False, structural=True)
def unknown_key(ctx: LintContext):
    """A key the format does not know, usually a typo; the message suggests the likely name.

    Fails:
        titel: Host the marketing site
    Passes:
        title: Host the marketing site
    """
    for rule_id, pos, message in schema_problems(ctx):
        if rule_id == "unknown-key":
            yield pos, message




@rule("bad-suppression", severity="warning", needs_pack=False)
def bad_suppression(ctx: LintContext):
    """A `# mcx: disable=` comment names a rule that does not exist, so it silences nothing.

    Fails:
        title: Host the site   # mcx: disable=hint-lek
    Passes:
        title: Host the site   # mcx: disable=hint-leak
    """
    from ...yamlsrc import suppression_column

    for doc in ctx.source.documents:
        for line, names in sorted(doc.suppressions.items()):
            for name in sorted(names - set(ctx.rules) - {"all"}):
                column = suppression_column(doc, line)
                yield Pos(doc.file, line, column), f"`# mcx: disable={name}` names no rule{suggest(name, ctx.rules)}"


@rule("rule-crashed", needs_pack=False)
def rule_crashed(ctx: LintContext):
    """A lint rule (usually a plugin from `[lint] plugins`) raised an exception on this pack; the finding
    names the rule and the exception, and the rule's findings for the pack are missing.

    The run goes on: every other rule still reports, and lint exits 1 (not 3). Fix the rule, or switch it
    off in `mcx.toml` (`[lint] disable`) until it is fixed. The finding is made by the runner; this
    entry documents it.

    Fails:
        # house_rules.py, listed in mcx.toml [lint] plugins:
        #   @rule("title-length")
        #   def title_length(ctx): return len(ctx.pack.titel) > 60   # AttributeError
    Passes:
        #   @rule("title-length")
        #   def title_length(ctx):
        #       if len(ctx.pack.title) > 60:
        #           yield ctx.pack.pos("title"), "the title is over 60 characters"
    """
    return ()
