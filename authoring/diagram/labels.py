"""Diagram text in the requested locale (i18n's `localize`); what is not translated stays in the source language."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from ..config import Config
from ..i18n import keys, localize
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
        shown_in = [VIEW_SHOWS[v] for v in views or VIEW_SHOWS]
        missing = [c for c in self.untranslated if any(shows(c) for shows in shown_in)]
        if not missing:
            return None
        shown = ", ".join(missing[:5]) + (" ..." if len(missing) > 5 else "")
        return (
            f"{self.locale}: {len(missing)} diagram text(s) untranslated or fuzzy, "
            f"shown in the source language: {shown}"
        )


# the texts each view shows (the task list shows the titles only)
VIEW_SHOWS = {"architecture": keys.is_architecture, "tasks": keys.is_task_title}


def _drawn(context: str) -> bool:
    return any(shows(context) for shows in VIEW_SHOWS.values())


def load_labels(pack: Pack, root: Path, locale: str | None, config: Config | None = None) -> Labels:
    """Labels for `locale` (None or the source locale: the YAML's own text)."""
    localized = localize(pack, root, locale, config)
    texts = {k: t for k, t in localized.texts.items() if _drawn(k)}
    return Labels(localized.locale, texts, [k for k in localized.missing if _drawn(k)])
