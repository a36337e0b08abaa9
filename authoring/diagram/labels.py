"""Diagram text in the requested locale, from its catalog; what is not translated stays in English."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from ..i18n.messages import pack_messages
from ..model import Pack


@dataclass
class Labels:
    locale: str
    texts: dict[str, str]  # msgctxt -> text to show
    untranslated: list[str] = field(default_factory=list)  # msgctxt shown in the source language

    def get(self, context: str, default: str = "") -> str:
        return self.texts.get(context, default)

    def warning(self, *views: str) -> str | None:
        """The warning for the untranslated texts that `views` show (default: both views)."""
        prefixes = tuple(VIEW_PREFIX[v] for v in views or VIEW_PREFIX)
        missing = [c for c in self.untranslated if c.startswith(prefixes)]
        if not missing:
            return None
        shown = ", ".join(missing[:5]) + (" ..." if len(missing) > 5 else "")
        return (
            f"{self.locale}: {len(missing)} diagram text(s) untranslated or fuzzy, "
            f"shown in the source language: {shown}"
        )


VIEW_PREFIX = {"architecture": "architecture/", "tasks": "task/"}  # the texts each view shows


def _wanted(context: str) -> bool:
    return context.startswith("architecture/") or (context.startswith("task/") and context.endswith("/title"))


def load_labels(pack: Pack, root: Path, locale: str | None) -> Labels:
    """Labels for `locale` (None or the source locale: the YAML's own text)."""
    from ..i18n.catalogs import parse_locale, po_path, read_catalog
    from ..loader import display_path

    sources = {m.context: m.text for m in pack_messages(pack) if _wanted(m.context)}
    source_locale = str(parse_locale(pack.source_locale))
    if locale is None or str(parse_locale(locale)) == source_locale:
        return Labels(source_locale, sources)
    tag = str(parse_locale(locale))
    path = po_path(root, tag, pack.id)
    entries = {}
    if path.is_file():
        catalog = read_catalog(path, display_path(path, root), tag)
        entries = {m.context: m for m in catalog if m.id}
    labels = Labels(tag, {})
    for context, text in sources.items():
        entry = entries.get(context)
        if entry is not None and entry.string and not entry.fuzzy and entry.id == text:
            labels.texts[context] = entry.string
        else:
            labels.texts[context] = text
            labels.untranslated.append(context)
    return labels
