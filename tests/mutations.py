"""Random edits of YAML data for property tests: every path in a document, and one edit at a path."""

from __future__ import annotations

import copy

ACTIONS = ("replace", "delete", "add")


def paths(node, path=()):
    """Every path in `node` (dict keys and list indexes), the root `()` first."""
    yield path
    if isinstance(node, dict):
        for key, value in node.items():
            yield from paths(value, path + (key,))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from paths(value, path + (index,))


def edit(doc, path, action, value):
    """A copy of `doc` with `value` replacing the value at `path`, that value deleted, or `value`
    added to it (a new key `extra_key` in a mapping, a new item of a list)."""
    doc = copy.deepcopy(doc)
    if not path:
        return value
    parent = doc
    for part in path[:-1]:
        parent = parent[part]
    last = path[-1]
    if action == "replace":
        parent[last] = value
    elif action == "delete":
        del parent[last]
    elif action == "add" and isinstance(parent[last], dict):
        parent[last]["extra_key"] = value
    elif action == "add" and isinstance(parent[last], list):
        parent[last].append(value)
    return doc
