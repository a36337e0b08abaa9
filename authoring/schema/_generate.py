"""Writes pack.schema.json and task.schema.json; the shared definitions live here once.

Run `python -m authoring.schema._generate` after editing; a test keeps the files in sync.
"""

from __future__ import annotations

import json
from pathlib import Path

SLUG = {
    "type": "string",
    "pattern": "^[a-z][a-z0-9]*(-[a-z0-9]+)*$",
    "maxLength": 64,
    "errorMessage": "must be a slug: lower-case letters, digits and single hyphens, starting with a letter",
}
TEXT = {"type": "string", "minLength": 1}
VARIABLE = {"type": "string", "pattern": "^[a-z_][a-z0-9_]*$"}
LOCALE_TAG = {"type": "string", "pattern": "^[A-Za-z]{2,3}([_-][A-Za-z0-9]{2,8})*$"}
# A typed matcher may instead take one whole placeholder, filled with the variable's own value (a saved
# number stays a number): lint's `matcher-value` rule (authoring/matchers.value_problem) says why a value is wrong.
WHOLE_PLACEHOLDER = {"type": "string", "pattern": "^\\{[A-Za-z_][A-Za-z0-9_]*\\}$"}


def _or_placeholder(schema: dict, description: str) -> dict:
    return {"anyOf": [schema, WHOLE_PLACEHOLDER], "description": description + " Or one whole placeholder."}


MATCHERS = {
    "equals": {"description": "The value at `path` equals this (placeholders allowed)."},
    "not_equals": {"description": "The value at `path` differs from this."},
    "contains": {"description": "A substring of the text, or a member of the list, at `path`."},
    "matches": {"type": "string", "description": "A Python regular expression the whole value must match."},
    "exists": _or_placeholder({"type": "boolean"}, "`true`: the path yields a value; `false`: it yields null."),
    "length": _or_placeholder({"type": "integer", "minimum": 0}, "Exact length of the list, map or text."),
    "min_length": _or_placeholder({"type": "integer", "minimum": 0}, "Minimum length of the list, map or text."),
    "one_of": _or_placeholder({"type": "array"}, "The value is one of these."),
    "gte": _or_placeholder({"type": "number"}, "The number at `path` is at least this."),
    "lte": _or_placeholder({"type": "number"}, "The number at `path` is at most this."),
}

# A call that fails has no response, so `expect` beside `expect_error` could never be checked.
EXPECT_OR_ERROR = {
    "not": {"required": ["expect", "expect_error"]},
    "errorMessage": "`expect` and `expect_error` exclude each other: a call that fails has no response to check",
}

DEFS = {
    "slug": SLUG,
    "text": TEXT,
    "expectation": {
        "type": "object",
        "description": "An assertion on the response: a JMESPath `path` and exactly one matcher.",
        "required": ["path"],
        "properties": {"path": {"type": "string", "description": "JMESPath over the response."}, **MATCHERS},
        "additionalProperties": False,
        "minProperties": 2,
        "maxProperties": 2,
        "errorMessage": "an expectation has a `path` and exactly one matcher: " + ", ".join(MATCHERS),
    },
    "call": {
        "type": "string",
        "pattern": "^[a-z0-9-]+\\.[a-z][a-z0-9_]*$",
        "description": "`<boto3 service>.<client method>`, e.g. `s3.get_bucket_website`.",
        "errorMessage": "must be `<service>.<operation>` with the boto3 client method name, e.g. `s3.get_bucket_website`",
    },
    "params": {"type": "object", "description": "The operation's parameters; `{name}` placeholders allowed."},
    "save": {
        "type": "object",
        "description": "variable -> JMESPath evaluated on the response, for later steps and text.",
        "propertyNames": VARIABLE,
        "additionalProperties": {"type": "string"},
    },
    "step": {
        "type": "object",
        "description": "One AWS call.",
        "required": ["call"],
        "properties": {
            "call": {"$ref": "#/$defs/call"},
            "params": {"$ref": "#/$defs/params"},
            "save": {"$ref": "#/$defs/save"},
            "expect": {"type": "array", "items": {"$ref": "#/$defs/expectation"}},
            "expect_error": {"type": "string", "description": "The AWS error code the call must fail with."},
        },
        "allOf": [EXPECT_OR_ERROR],
        "additionalProperties": False,
    },
    "steps": {"type": "array", "items": {"$ref": "#/$defs/step"}},
}

PACK = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "$id": "https://mcx-author.dev/schema/mcx-v1/pack.schema.json",
    "title": "mcx/v1 challenge pack (pack.yaml)",
    "type": "object",
    "required": [
        "schema", "id", "version", "title", "level", "duration_minutes", "passing_score",
        "services", "architecture", "tasks",
    ],
    "properties": {
        "schema": {"const": "mcx/v1", "description": "Format version; always `mcx/v1`."},
        "id": {"$ref": "#/$defs/slug", "description": "Pack id, equal to the directory name."},
        "version": {
            "type": "string",
            "pattern": "^(0|[1-9][0-9]*)\\.(0|[1-9][0-9]*)\\.(0|[1-9][0-9]*)(-[0-9A-Za-z-]+(\\.[0-9A-Za-z-]+)*)?$",
            "errorMessage": "must be a semantic version MAJOR.MINOR.PATCH, e.g. \"1.0.0\" (quote it)",
        },
        "title": {"$ref": "#/$defs/text", "description": "Pack title (translatable)."},
        "summary": {"type": "string", "description": "One-line summary (translatable)."},
        "description": {"type": "string", "description": "Markdown description (translatable)."},
        "level": {"enum": ["foundational", "intermediate", "advanced"]},
        "duration_minutes": {"type": "integer", "minimum": 10, "maximum": 480},
        "passing_score": {"type": "integer", "minimum": 1, "maximum": 100, "description": "Percent of total points."},
        "source_locale": {**LOCALE_TAG, "description": "Locale of the source text (default `en`)."},
        "locales": {
            "type": "object",
            "description": "Translations: locale -> {required: bool}.",
            "propertyNames": LOCALE_TAG,
            "additionalProperties": {
                "type": ["object", "null"],
                "properties": {"required": {"type": "boolean"}},
                "additionalProperties": False,
            },
        },
        "region": {
            "type": "string",
            "pattern": "^[a-z]{2}(-[a-z]+)+-[0-9]$",
            "errorMessage": "must be an AWS region such as `us-east-1`",
        },
        "services": {
            "type": "array",
            "minItems": 1,
            "description": "boto3 service names the pack touches.",
            "items": {"type": "string", "pattern": "^[a-z0-9-]+$"},
        },
        "variables": {
            "type": "object",
            "description": "name -> template string (placeholders allowed).",
            "propertyNames": VARIABLE,
            "additionalProperties": {"type": "string"},
        },
        "setup": {"$ref": "#/$defs/steps", "description": "Steps that provision the starting environment."},
        "architecture": {
            "type": "object",
            "required": ["components"],
            "properties": {
                "groups": {
                    "type": "array",
                    "items": {
                        "type": "object",
                        "required": ["id", "label"],
                        "properties": {
                            "id": {"$ref": "#/$defs/slug"},
                            "label": {"$ref": "#/$defs/text"},
                            "parent": {"$ref": "#/$defs/slug"},
                        },
                        "additionalProperties": False,
                    },
                },
                "components": {
                    "type": "array",
                    "minItems": 1,
                    "items": {
                        "type": "object",
                        "required": ["id", "label"],
                        "properties": {
                            "id": {"$ref": "#/$defs/slug"},
                            "label": {"$ref": "#/$defs/text"},
                            "service": {"type": "string", "pattern": "^[a-z0-9-]+$"},
                            "kind": {"enum": ["service", "actor", "external"]},
                            "group": {"$ref": "#/$defs/slug"},
                        },
                        "additionalProperties": False,
                    },
                },
                "connections": {
                    "type": "array",
                    "items": {
                        "type": "object",
                        "required": ["from", "to"],
                        "properties": {
                            "from": {"$ref": "#/$defs/slug"},
                            "to": {"$ref": "#/$defs/slug"},
                            "label": {"$ref": "#/$defs/text"},
                        },
                        "additionalProperties": False,
                    },
                },
            },
            "additionalProperties": False,
        },
        "tasks": {
            "type": "array",
            "minItems": 1,
            "description": "Task ids in display order; each has tasks/<id>.yaml.",
            "items": {"$ref": "#/$defs/slug"},
        },
    },
    "additionalProperties": False,
    "$defs": DEFS,
}

VALIDATOR = {
    "type": "object",
    "description": "What the Check button runs: one `call`, several read `steps`, or a `python` function.",
    "required": ["id", "fail_message"],
    "properties": {
        "id": {"$ref": "#/$defs/slug"},
        "fail_message": {"$ref": "#/$defs/text", "description": "Shown to the candidate when this fails."},
        "call": {"$ref": "#/$defs/call"},
        "params": {"$ref": "#/$defs/params"},
        "save": {"$ref": "#/$defs/save"},
        "expect": {"type": "array", "items": {"$ref": "#/$defs/expectation"}},
        "expect_error": {"type": "string"},
        "steps": {"type": "array", "minItems": 1, "items": {"$ref": "#/$defs/step"}},
        "python": {
            "type": "string",
            "pattern": "^[^:]+\\.py:[A-Za-z_][A-Za-z0-9_]*$",
            "errorMessage": "must be `validators/<file>.py:<function>`",
        },
    },
    "dependentRequired": {"params": ["call"], "save": ["call"], "expect": ["call"], "expect_error": ["call"]},
    "oneOf": [{"required": ["call"]}, {"required": ["steps"]}, {"required": ["python"]}],
    "errorMessage": "a validator has exactly one of `call`, `steps` or `python`",
    "allOf": [EXPECT_OR_ERROR],
    "additionalProperties": False,
}

TASK = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "$id": "https://mcx-author.dev/schema/mcx-v1/task.schema.json",
    "title": "mcx/v1 challenge task (tasks/<id>.yaml)",
    "type": "object",
    "required": [
        "id", "title", "description", "highlight", "points", "estimated_minutes", "validators", "solution",
    ],
    "properties": {
        "id": {"$ref": "#/$defs/slug", "description": "Task id, equal to the file stem."},
        "title": {"$ref": "#/$defs/text"},
        "description": {"$ref": "#/$defs/text", "description": "Markdown the candidate reads (translatable)."},
        "objectives": {"type": "array", "items": {"$ref": "#/$defs/text"}},
        "hints": {
            "type": "array",
            "description": "In unlock order.",
            "items": {
                "type": "object",
                "required": ["text"],
                "properties": {
                    "text": {"$ref": "#/$defs/text"},
                    "cost": {"type": "integer", "minimum": 0, "description": "Points deducted when unlocked."},
                },
                "additionalProperties": False,
            },
        },
        "depends_on": {"type": "array", "items": {"$ref": "#/$defs/slug"}},
        "highlight": {
            "type": "array",
            "description": "Component ids lit up while this task is selected.",
            "items": {"$ref": "#/$defs/slug"},
        },
        "points": {"type": "integer", "minimum": 1},
        "estimated_minutes": {"type": "integer", "minimum": 1},
        "validators": {"type": "array", "minItems": 1, "items": {"$ref": "#/$defs/validator"}},
        "solution": {"$ref": "#/$defs/steps", "minItems": 1, "description": "The reference solution."},
        "counterexamples": {
            "type": "array",
            "items": {
                "type": "object",
                "required": ["name", "steps", "fails"],
                "properties": {
                    "name": {"$ref": "#/$defs/text"},
                    "steps": {"$ref": "#/$defs/steps", "minItems": 1},
                    "fails": {"type": "array", "minItems": 1, "items": {"$ref": "#/$defs/slug"}},
                },
                "additionalProperties": False,
            },
        },
    },
    "additionalProperties": False,
    "$defs": {**DEFS, "validator": VALIDATOR},
}


def main() -> None:
    here = Path(__file__).parent
    for name, schema in (("pack", PACK), ("task", TASK)):
        text = json.dumps(schema, indent=2, ensure_ascii=False) + "\n"
        (here / f"{name}.schema.json").write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
