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
from ..yamlsrc import YamlError, parse_yaml, read_yaml
from .messages import LABEL_WIDTH, Message, pack_messages

_FUNC = "pgettext"


def extract(fileobj: IO[bytes], keywords, comment_tags, options) -> Iterator[tuple]:
    """Yield `(lineno, funcname, (msgctxt, msgid), [note])` for each learner-facing string in one file.

    A task file whose pack does not list it in `tasks` yields nothing, as with `i18n extract`.
    The label width in notes comes from babel.cfg's `label_width` option, else from mcx.toml.
    """
    path = Path(str(getattr(fileobj, "name", "pack.yaml")))
    try:
        doc = parse_yaml(fileobj.read(), str(path), path)
    except YamlError:
        return  # `mcx-author lint` explains; an extractor has no way to report
    if not isinstance(doc.data, dict):
        return
    width = _label_width(path, options or {})
    for message in _messages(doc, path, width):
        yield message.pos.line, _FUNC, (message.context, message.text), [message.note]


def _label_width(path: Path, options: dict) -> int:
    if str(options.get("label_width", "")).isdigit():
        return int(options["label_width"])
    from ..config import load_config
    from ..errors import McxError
    from ..project import find_root

    try:
        return load_config(find_root(path.resolve().parent)).label_width
    except McxError:
        return LABEL_WIDTH


def _listed(task_path: Path) -> bool:
    pack_file = task_path.parent.parent / "pack.yaml"
    try:
        data = read_yaml(pack_file, str(pack_file)).data  # a regular file of at most 2 MB, or YamlError
    except YamlError:
        return True  # no readable pack: extract what is there
    tasks = data.get("tasks") if isinstance(data, dict) else None
    return not isinstance(tasks, list) or task_path.stem in tasks


def _messages(doc, path: Path, width: int) -> list[Message]:
    if path.name == "pack.yaml":
        # the pack's own strings and its architecture; tasks come from their own files
        pack = build_pack(doc, (), path.parent)
        return [m for m in pack_messages(pack, width) if not m.unit.startswith("task/")]
    if not _listed(path):
        return []
    task = build_task(doc)
    shell = Pack(
        id="", version="", title="", summary=None, description=None, level="", duration_minutes=0,
        passing_score=0, source_locale="en", locales=(), region="", services=(), variables={}, setup=(),
        architecture=Architecture((), (), ()), task_ids=(task.stem,), tasks=(task,), directory=path.parent.parent,
        src=Src(doc),
    )
    return pack_messages(shell, width)
