"""The learner-facing strings of a pack, in reading order, each with its msgctxt key (keys.py) and its place."""

from __future__ import annotations

from dataclasses import dataclass

from ..errors import Pos
from ..model import Pack
from ..placeholders import PATTERN, names_in
from . import keys
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
    place: tuple = ()  # where it sits in LocalizedPack.as_dict(): ("tasks", id, "hints", 0)

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

    def add(context: str, text: str | None, unit: str, kind: str, pos: Pos, place: tuple, label: bool = False) -> None:
        if text:
            out.append(Message(context, text, unit, _note(kind, text, label, label_width), pos, label, place))

    for name, kind in (("title", "Title of the exam."), ("summary", "One-line summary of the exam."),
                       ("description", "Introduction to the exam (Markdown).")):
        add(keys.pack_field(name), getattr(pack, name), keys.PACK, kind, pack.pos(name), (name,))
    _architecture_messages(pack, add)
    for task in pack.listed_tasks:
        _task_messages(task, add)
    return out


def _architecture_messages(pack: Pack, add) -> None:
    arch, unit = pack.architecture, keys.ARCHITECTURE
    for group in arch.groups:
        add(keys.group_label(group.id), group.label, unit,
            f"Name of the diagram group `{group.id}` (a box around components).", group.pos("label"),
            ("architecture", "groups", group.id), True)
    for component in arch.components:
        service = f" (AWS service: {component.service})" if component.service else ""
        add(keys.component_label(component.id), component.label, unit,
            f"Name of the diagram component `{component.id}`{service}.", component.pos("label"),
            ("architecture", "components", component.id), True)
    labels = keys.connection_labels((c.source, c.target) for c in arch.connections)
    for key, connection in zip(labels, arch.connections, strict=True):
        add(key, connection.label, unit,
            f"Label of the diagram arrow from `{connection.source}` to `{connection.target}`.",
            connection.pos("label"), ("architecture", "connections", key.split("/", 2)[2][: -len("/label")]), True)


def _task_messages(task, add) -> None:
    unit, place = keys.task_unit(task.id), ("tasks", task.id)
    add(keys.task_field(task.id, "title"), task.title, unit, f"Title of the task `{task.id}` in the task list.",
        task.pos("title"), (*place, "title"))
    add(keys.task_field(task.id, "description"), task.description, unit,
        f"Statement of the task `{task.id}` (Markdown).", task.pos("description"), (*place, "description"))
    for n, objective in enumerate(task.objectives, 1):
        add(keys.objective(task.id, n), objective, unit, f"Objective {n} of the task `{task.id}`.",
            task.pos("objectives", n - 1), (*place, "objectives", n - 1))
    for n, hint in enumerate(task.hints, 1):
        cost = f", costs {hint.cost} points" if hint.cost else ", free"
        add(keys.hint(task.id, n), hint.text, unit, f"Hint {n} of the task `{task.id}`{cost} (Markdown).",
            hint.pos("text"), (*place, "hints", n - 1))
    for validator in task.validators:
        add(keys.fail_message(task.id, validator.id), validator.fail_message, unit,
            f"Shown when the Check of the task `{task.id}` fails (validator `{validator.id}`).",
            validator.pos("fail_message"), (*place, "validators", validator.id))
