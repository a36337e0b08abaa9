"""Plain-text helpers every layer shares: the did-you-mean hint for a misspelled name, the width a
string takes on screen, and the reading of a locale tag as typed (`pt-BR` or `pt_BR`)."""

from __future__ import annotations

import difflib
import unicodedata
from collections.abc import Iterable

# The usual cutoff: close enough that a hint is right far more often than not; callers whose names are
# short or few (commands, locales, file names) pass a lower one.
CUTOFF = 0.8


def closest(word: str, choices: Iterable[str], cutoff: float = CUTOFF) -> str | None:
    """The choice the author most likely meant by `word`, or None when none is close enough."""
    match = difflib.get_close_matches(word, list(choices), n=1, cutoff=cutoff)
    return match[0] if match else None


def did_you_mean(match: str | None) -> str:
    """` (did you mean `x`?)` for a match, the empty string for None: appended to a message."""
    return f" (did you mean `{match}`?)" if match else ""


def suggest(word: str, choices: Iterable[str], cutoff: float = CUTOFF) -> str:
    """` (did you mean `x`?)` for the closest choice to `word`, or the empty string."""
    return did_you_mean(closest(word, choices, cutoff))


def similarity(a: str, b: str) -> float:
    """How alike two strings are, 0 to 1: the measure `closest` ranks by, for callers that rank themselves."""
    return difflib.SequenceMatcher(None, a, b).ratio()


def char_width(char: str) -> int:
    """Columns one character takes in a monospaced display: 2 for East Asian wide and full-width, else 1."""
    return 2 if unicodedata.east_asian_width(char) in "WF" else 1


def display_width(text: str) -> int:
    """Columns `text` takes in a monospaced display (a Japanese character counts as two)."""
    if text.isascii():  # most texts: no look-up per character
        return len(text)
    return sum(map(char_width, text))


def parse_locale_tag(tag: str):
    """Babel's Locale for a tag written with `-` or `_` (`pt-BR`, `pt_BR`, `JA`), or None when CLDR has
    no such locale: the one reading of a tag, so lint's rule and i18n's commands agree on what exists
    (i18n.resolve_locale adds the canonical form and the did-you-mean)."""
    from babel import Locale, UnknownLocaleError  # imported when a tag is read: most commands never need Babel

    try:
        return Locale.parse(tag, sep="-" if "-" in tag else "_")
    except (UnknownLocaleError, ValueError, TypeError):
        return None
