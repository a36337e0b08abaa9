"""A Babel extractor (`babel.extractors` entry point `mcx`) for teams that drive pybabel directly.

    # babel.cfg
    [mcx: packs/*/pack.yaml]
    [mcx: packs/*/tasks/*.yaml]

    pybabel extract -F babel.cfg -o messages.pot .

Each string comes out as `pgettext(msgctxt, text)` with the same msgctxt keys and translator notes
as `mcx-author i18n extract`. Keep pybabel's default keywords: msgctxt needs `pgettext`.
"""

from __future__ import annotations

from pathlib import Path
from typing import IO, Iterator

from ..model import Architecture, Pack, Src, build_pack, build_task
from ..yamlsrc import YamlError, parse_yaml
from .messages import Message, pack_messages

_FUNC = "pgettext"


def extract(fileobj: IO[bytes], keywords, comment_tags, options) -> Iterator[tuple]:
    """Yield `(lineno, funcname, (msgctxt, msgid), [note])` for each learner-facing string in one file."""
    name = getattr(fileobj, "name", "pack.yaml")
    try:
        doc = parse_yaml(fileobj.read(), str(name), Path(str(name)))
    except YamlError:
        return  # `mcx-author lint` explains; an extractor has no way to report
    if not isinstance(doc.data, dict):
        return
    for message in _messages(doc, Path(str(name))):
        yield message.pos.line, _FUNC, (message.context, message.text), [message.note]


def _messages(doc, path: Path) -> list[Message]:
    if path.name == "pack.yaml":
        # the pack's own strings and its architecture; tasks come from their own files

        pack = build_pack(doc, (), path.parent)
        return [m for m in pack_messages(pack) if not m.unit.startswith("task/")]
    task = build_task(doc)

    shell = Pack(
        id="", version="", title="", summary=None, description=None, level="", duration_minutes=0,
        passing_score=0, source_locale="en", locales=(), region="", services=(), variables={}, setup=(),
        architecture=Architecture((), (), ()), task_ids=(task.stem,), tasks=(task,), directory=path.parent.parent,
        src=Src(doc),
    )
    return pack_messages(shell)


__all__ = ["extract"]
