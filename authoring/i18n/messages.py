"""The learner-facing strings of a pack, each with a stable msgctxt key built from ids.

The key says where a string lives (`task/<id>/hint/2`), not what it says, so the same English in
two places is two messages and a translation follows its place when the wording changes.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..errors import Pos
from ..model import Pack
from ..placeholders import PATTERN, names_in
from .checks import protected_tokens

LABEL_WIDTH = 36  # display columns a diagram label may take (a CJK character counts 2)


@dataclass(frozen=True, slots=True)
class Message:
    context: str  # msgctxt: stable key from ids
    text: str  # the source string (msgid)
    unit: str  # what a candidate sees as one piece: "pack", "architecture" or "task/<id>"
    note: str  # for translators (#.)
    pos: Pos  # where the source string is
    label: bool = False  # a diagram label: width-limited

    @property
    def placeholders(self) -> list[str]:
        return names_in(self.text)

    @property
    def brace_format(self) -> bool:
        """True when every brace belongs to a placeholder or an escape, as python-brace-format needs."""
        if not self.placeholders:
            return False
        rest = PATTERN.sub("", self.text)  # placeholders and {{escapes}} removed
        return "{" not in rest and "}" not in rest


def _note(kind: str, text: str, label: bool = False, width: int = LABEL_WIDTH) -> str:
    parts = [kind]
    names = names_in(text)
    if names:
        listed = ", ".join("{" + n + "}" for n in dict.fromkeys(names))
        parts.append(f"Keep {listed} unchanged: the exam fills in the value.")
    if protected_tokens(text):
        parts.append("Keep `code` spans, URLs, ARNs and command-line flags exactly as they are.")
    if label:
        parts.append(f"Diagram label: at most {width} columns (a CJK character counts 2).")
    return " ".join(parts)


def pack_messages(pack: Pack, label_width: int = LABEL_WIDTH) -> list[Message]:
    """Every translatable string of `pack`, in reading order: pack, architecture, tasks as listed."""
    out: list[Message] = []

    def add(context: str, text: str | None, unit: str, kind: str, pos: Pos, label: bool = False) -> None:
        if text:
            out.append(Message(context, text, unit, _note(kind, text, label, label_width), pos, label))

    add("pack/title", pack.title, "pack", "Title of the exam.", pack.pos("title"))
    add("pack/summary", pack.summary, "pack", "One-line summary of the exam.", pack.pos("summary"))
    add("pack/description", pack.description, "pack", "Introduction to the exam (Markdown).", pack.pos("description"))
    arch = pack.architecture
    for group in arch.groups:
        add(f"architecture/group/{group.id}/label", group.label, "architecture",
            f"Name of the diagram group `{group.id}` (a box around components).", group.pos("label"), True)
    for component in arch.components:
        service = f" (AWS service: {component.service})" if component.service else ""
        add(f"architecture/component/{component.id}/label", component.label, "architecture",
            f"Name of the diagram component `{component.id}`{service}.", component.pos("label"), True)
    seen: dict[str, int] = {}
    for connection in arch.connections:
        base = f"architecture/connection/{connection.source}/{connection.target}"
        seen[base] = seen.get(base, 0) + 1
        key = base if seen[base] == 1 else f"{base}/{seen[base]}"
        add(f"{key}/label", connection.label, "architecture",
            f"Label of the diagram arrow from `{connection.source}` to `{connection.target}`.",
            connection.pos("label"), True)
    for task in pack.listed_tasks:
        unit = f"task/{task.id}"
        add(f"{unit}/title", task.title, unit, f"Title of the task `{task.id}` in the task list.", task.pos("title"))
        add(f"{unit}/description", task.description, unit,
            f"Statement of the task `{task.id}` (Markdown).", task.pos("description"))
        for n, objective in enumerate(task.objectives, 1):
            add(f"{unit}/objective/{n}", objective, unit, f"Objective {n} of the task `{task.id}`.",
                task.pos("objectives", n - 1))
        for n, hint in enumerate(task.hints, 1):
            cost = f", costs {hint.cost} points" if hint.cost else ", free"
            add(f"{unit}/hint/{n}", hint.text, unit, f"Hint {n} of the task `{task.id}`{cost} (Markdown).",
                hint.pos("text"))
        for validator in task.validators:
            add(f"{unit}/validator/{validator.id}/fail_message", validator.fail_message, unit,
                f"Shown when the Check of the task `{task.id}` fails (validator `{validator.id}`).",
                validator.pos("fail_message"))
    return out
