"""Merging a template into a locale's catalog: by key first, then by identical English, never losing a translation.

Babel's own `Catalog.update` matches on msgid and ignores msgctxt. Here a message is first matched by
its msgctxt, so a translation follows its place when the English is reworded. Keys of hints,
objectives and repeated connections count positions, though, so when an English moves to another
key (hint 1 deleted, hints swapped) its translation moves with it, exact, as GNU msgmerge matches
identical text; the translation it displaces is kept as obsolete. Nothing a translator wrote is
ever dropped unless purging is asked for.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field

from babel import Locale
from babel.messages.catalog import Catalog, Message

from ..model import Pack
from .catalogs import new_locale_catalog, set_format_flag


@dataclass
class MergeResult:
    catalog: Catalog
    new: int = 0
    changed: int = 0  # source changed: translation kept as fuzzy
    moved: int = 0  # the English moved to another key: its translation went with it, exact
    reused: int = 0  # same English translated in another place that keeps it: copied as fuzzy
    obsolete: int = 0  # made obsolete by this merge
    purged: int = 0


@dataclass
class _Old:
    """One entry of the existing catalog, active or obsolete."""

    message: Message
    obsolete: bool
    in_place: bool = False  # the template still has this English under this key
    used: bool = field(default=False)  # its translation went into the new catalog

    @property
    def exact(self) -> bool:
        """A translation made for exactly this English."""
        return bool(self.message.string) and not self.message.fuzzy


@dataclass
class _Choice:
    string: str = ""
    fuzzy: bool = False
    previous: list = field(default_factory=list)
    comments: list = field(default_factory=list)
    source: _Old | None = None


def merge(template: Catalog, existing: Catalog | None, locale: Locale, pack: Pack, purge_obsolete: bool = False) -> MergeResult:
    """The PO for `locale`: `template`'s messages with every translation `existing` has."""
    result = MergeResult(new_locale_catalog(template, existing, locale, pack))
    olds = _old_entries(template, existing)
    by_key: dict[str, list[_Old]] = {}
    by_text: dict[str, list[_Old]] = {}
    for old in olds:
        by_key.setdefault(old.message.context, []).append(old)
        if old.exact:
            by_text.setdefault(old.message.id, []).append(old)
    wanted = [m for m in template if m.id]
    choices = {m.context: _exact_choice(m, by_key, by_text, result) for m in wanted}
    for message in wanted:
        choice = choices[message.context] or _positional_choice(message, by_key, by_text, result)
        if choice.source is not None and choice.string:
            choice.source.used = True
        _add(result.catalog, message, choice)
    _keep_the_rest(olds, {m.context for m in wanted}, result, purge_obsolete)
    return result


def _old_entries(template: Catalog, existing: Catalog | None) -> list[_Old]:
    if existing is None:
        return []
    current = {m.context: m.id for m in template if m.id}
    olds = [_Old(m, False, current.get(m.context) == m.id) for m in existing if m.id]
    return olds + [_Old(m, True, current.get(m.context) == m.id) for m in existing.obsolete.values() if m.id]


def _exact_choice(message: Message, by_key, by_text, result: MergeResult) -> _Choice | None:
    """A translation made for exactly this English: under this key, else one whose English moved here."""
    for old in by_key.get(message.context, ()):
        if old.exact and old.message.id == message.id:
            return _taken(old)
    moved = [old for old in by_text.get(message.id, ()) if not old.in_place]
    if not moved:
        return None
    # several candidates (the same label on two arrows): the nearest key, then the first in the file
    best = max(moved, key=lambda old: len(os.path.commonprefix([old.message.context, message.context])))
    result.moved += 1
    return _taken(best)


def _positional_choice(message: Message, by_key, by_text, result: MergeResult) -> _Choice:
    """No exact translation: the one under this key (fuzzy when its English differs), else a fuzzy
    copy of the same English translated in a place that keeps it, else nothing."""
    keyed = [old for old in by_key.get(message.context, ()) if not old.used]
    old = next((o for o in keyed if o.message.id == message.id), None) or next((o for o in keyed if o.message.string), None)
    choice = _Choice()
    if old is not None:
        choice = _Choice(comments=list(old.message.user_comments), source=old)
        if old.message.id == message.id:
            choice.string, choice.fuzzy = old.message.string, old.message.fuzzy
            choice.previous = list(old.message.previous_id) if old.message.fuzzy else []
        else:
            choice.string, choice.fuzzy = old.message.string, True
            fuzzy_before = old.message.fuzzy and old.message.previous_id
            choice.previous = list(old.message.previous_id) if fuzzy_before else [old.message.id]
            result.changed += 1
    if not choice.string:
        copies = by_text.get(message.id, ())
        if copies:
            choice.string, choice.fuzzy, choice.previous = copies[0].message.string, True, []
            result.reused += 1
        elif old is None:
            result.new += 1
    return choice


def _taken(old: _Old) -> _Choice:
    old.used = True  # claimed before the positional pass, which must not reuse it for its old key
    return _Choice(old.message.string, False, [], list(old.message.user_comments), old)


def _add(catalog: Catalog, message: Message, choice: _Choice) -> None:
    added = catalog.add(
        message.id,
        choice.string,
        context=message.context,
        locations=message.locations,
        auto_comments=message.auto_comments,
        user_comments=choice.comments,
        previous_id=choice.previous,
        flags=("fuzzy",) if choice.fuzzy else (),
    )
    set_format_flag(added, "python-brace-format" in message.flags)


def _keep_the_rest(olds: list[_Old], current: set, result: MergeResult, purge_obsolete: bool) -> None:
    """Entries whose translation went nowhere become (or stay) obsolete: those whose key is gone,
    and translations displaced from their key by one that moved there with its English."""
    for old in olds:
        message = old.message
        if old.used:
            continue
        if not old.obsolete and message.context in current and not message.string:
            continue  # an empty entry whose key is still there: nothing to keep
        if purge_obsolete:
            result.purged += 1
            continue
        context = _free_context(result.catalog.obsolete, message)
        if context is False:
            continue  # the same translation is kept already
        key = (message.id, context) if context else message.id
        result.catalog.obsolete[key] = Message(
            message.id, message.string, context=context, user_comments=message.user_comments,
            flags=message.flags, previous_id=message.previous_id,
        )
        if not old.obsolete:
            result.obsolete += 1  # newly obsolete in this run


def _free_context(obsolete: dict, message: Message) -> str | None | bool:
    """The msgctxt to keep `message` obsolete under: its own, else its own numbered ("… (2)"), False when
    that slot holds this very translation already.

    A PO file has one entry per msgctxt and msgid, but two translations can be left for one: a fuzzy one
    displaced from its key, then the English's own translation moving in and going too. Neither is dropped.
    """
    context, number = message.context, 1
    while True:
        held = obsolete.get((message.id, context) if context else message.id)
        if held is None:
            return context
        if held.string == message.string:
            return False
        number += 1
        context = f"{message.context} ({number})" if message.context else f"({number})"
