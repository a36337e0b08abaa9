"""A pack in one locale: every learner-facing text translated, or in the source language where the
catalog has no usable translation, with the list of what is missing. Diagrams read it; the bundle's
`content/<locale>.json` and the preview are to read it too.

A translation is usable when compile would ship it: translated, not fuzzy, made for the current
English (not awaiting `i18n update`), and free of error-level problems (report.py).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType

from ..config import Config
from ..model import Pack
from . import keys
from .messages import Message, pack_messages


@dataclass(frozen=True)
class LocalizedPack:
    pack: str  # pack id
    locale: str  # canonical tag (`ja`, `pt_BR`)
    source_locale: str
    texts: MappingProxyType  # msgctxt key -> text to show, in reading order
    places: MappingProxyType  # msgctxt key -> its place in as_dict() (messages.Message.place)
    missing: tuple[str, ...] = ()  # keys shown in the source language

    @property
    def missing_units(self) -> tuple[str, ...]:
        """The units (`pack`, `architecture`, `task/<id>`) with a text shown in the source language."""
        return tuple(dict.fromkeys(keys.unit_of(k) for k in self.missing))

    def text(self, key: str, default: str = "") -> str:
        return self.texts.get(key, default)

    def as_dict(self) -> dict:
        """Plain dicts and lists, ready for JSON: title, summary, description; architecture groups,
        components and connections (`source/target`) by id; tasks by id with title, description,
        objectives, hints (lists; None for an empty one) and validators' fail messages by id."""
        content: dict = {"pack": self.pack, "locale": self.locale, "architecture": {}, "tasks": {}}
        for key, text in self.texts.items():
            _put(content, self.places[key], text)
        content["missing"] = list(self.missing)
        content["missing_units"] = list(self.missing_units)
        return content


def _put(content: dict, place: tuple, text: str) -> None:
    *path, last = place
    node = content
    for step, following in zip(path, [*path, last][1:]):
        empty = [] if isinstance(following, int) else {}
        node = node.setdefault(step, empty) if isinstance(node, dict) else node[step]
    if isinstance(last, int):
        node.extend([None] * (last + 1 - len(node)))
        node[last] = text
    else:
        node[last] = text


def locale_tag(tag: str) -> str:
    """The canonical form of a locale tag (`JA` -> `ja`, `pt-BR` -> `pt_BR`)."""
    from .catalogs import parse_locale

    return str(parse_locale(tag))


def pack_locales(pack: Pack) -> list[str]:
    """The pack's source locale, then the locales it declares, canonical and each once."""
    return list(dict.fromkeys([locale_tag(pack.source_locale)] + [locale_tag(s.tag) for s in pack.locales]))


def localize(pack: Pack, root: Path, locale: str | None = None, config: Config | None = None) -> LocalizedPack:
    """`pack` in `locale` (None or the source locale: the YAML's own text), its catalog read from
    `root`'s locales/ directory. `config` gives the glossary and label width the checks use."""
    config = config or Config()
    messages = pack_messages(pack, config.label_width)
    source = locale_tag(pack.source_locale)
    tag = source if locale is None else locale_tag(locale)
    usable = {} if tag == source else _usable(pack, root, tag, messages, config)
    texts = {m.context: usable.get(m.context, m.text) for m in messages}
    missing = () if tag == source else tuple(m.context for m in messages if m.context not in usable)
    places = {m.context: m.place for m in messages}
    return LocalizedPack(pack.id, tag, source, MappingProxyType(texts), MappingProxyType(places), missing)


def _usable(pack: Pack, root: Path, tag: str, messages: list[Message], config: Config) -> dict[str, str]:
    """key -> translation, for the catalog's entries compile would ship; no catalog file: none."""
    from ..loader import display_path
    from .catalogs import po_path, read_catalog
    from .glossary import glossary_for
    from .report import catalog_errors

    path = po_path(root, tag, pack.id)
    if not path.is_file():
        return {}
    display = display_path(path, root)
    catalog = read_catalog(path, display, tag)
    sources = {m.context: m.text for m in messages}
    broken = {p.msgctxt for p in catalog_errors(catalog, messages, tag, glossary_for(config.glossary),
                                                config.label_width, display)}
    return {
        m.context: m.string
        for m in catalog
        if m.id and m.string and not m.fuzzy and m.context in sources and m.id == sources[m.context]
        and m.context not in broken
    }
