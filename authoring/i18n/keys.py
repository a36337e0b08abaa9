"""The msgctxt keys of a pack's learner-facing strings, spelled here and nowhere else.

A key says where a string lives (`task/<id>/hint/2`), not what it says, so the same English in two
places is two messages and a translation follows its place when the wording changes. Catalogs,
diagrams and every other reader of translated text build their keys with these functions.
"""

from __future__ import annotations

from collections.abc import Iterable

PACK = "pack"  # the unit of the pack's own texts
ARCHITECTURE = "architecture"  # the unit of the diagram's texts
TASK = "task"


def pack_field(name: str) -> str:
    """`pack/title`, `pack/summary`, `pack/description`."""
    return f"{PACK}/{name}"


def group_label(group_id: str) -> str:
    return f"{ARCHITECTURE}/group/{group_id}/label"


def component_label(component_id: str) -> str:
    return f"{ARCHITECTURE}/component/{component_id}/label"


def connection_labels(ends: Iterable[tuple[str, str]]) -> list[str]:
    """The label key of each connection, given (source, target) in order; a second connection
    between the same two components is numbered (`.../a/b/2/label`), as its diagram edge is."""
    seen: dict[tuple[str, str], int] = {}
    out = []
    for source, target in ends:
        seen[(source, target)] = n = seen.get((source, target), 0) + 1
        out.append(f"{ARCHITECTURE}/connection/{source}/{target}{'' if n == 1 else f'/{n}'}/label")
    return out


def task_unit(task_id: str) -> str:
    """What a candidate sees as one piece: the task's texts, translated together."""
    return f"{TASK}/{task_id}"


def task_field(task_id: str, name: str) -> str:
    """`task/<id>/title`, `task/<id>/description`."""
    return f"{task_unit(task_id)}/{name}"


def objective(task_id: str, number: int) -> str:
    return f"{task_unit(task_id)}/objective/{number}"


def hint(task_id: str, number: int) -> str:
    return f"{task_unit(task_id)}/hint/{number}"


def fail_message(task_id: str, validator_id: str) -> str:
    return f"{task_unit(task_id)}/validator/{validator_id}/fail_message"


def unit_of(key: str) -> str:
    """The unit a key belongs to: `pack`, `architecture` or `task/<id>`."""
    parts = key.split("/")
    return "/".join(parts[:2]) if parts[0] == TASK else parts[0]


def is_architecture(key: str) -> bool:
    return key.startswith(f"{ARCHITECTURE}/")


def is_task_title(key: str) -> bool:
    return key.startswith(f"{TASK}/") and key.endswith("/title") and key.count("/") == 2
