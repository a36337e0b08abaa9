"""Locale tags from the command line: parsed with Babel's CLDR data, canonical gettext form, "did you mean" when wrong."""

from __future__ import annotations

from collections.abc import Iterable

from babel.languages import get_official_languages
from babel.localedata import locale_identifiers

from ..errors import UsageError
from ..text import closest, parse_locale_tag


def resolve_locale(tag: str, declared: Iterable[str] = (), *, must_be_declared: bool = True, hint: str = "") -> str:
    """The canonical form of `tag` (`JA` -> `ja`, `pt-BR` -> `pt_BR`).

    UsageError, with a suggestion, when Babel does not know the tag (`jp` -> did you mean `ja`?);
    when `declared` (the canonical tags a pack declares) is given and `must_be_declared`, also when
    the tag is not among them. `hint` ends that second message (what to do instead).
    """
    declared = list(dict.fromkeys(declared))
    locale = parse_locale_tag(tag)
    if locale is None:
        guess = suggest_locale(tag, declared)
        mean = f" (did you mean `{guess}`?)" if guess else ""
        raise UsageError(f"unknown locale `{tag}`{mean}{_listing(declared)}") from None
    canonical = str(locale)
    if declared and must_be_declared and canonical not in declared:
        raise UsageError(f"locale `{tag}` is not declared by the pack (it declares: {', '.join(declared)}){hint}")
    return canonical


def _listing(declared: list[str]) -> str:
    return f"; the pack declares: {', '.join(declared)}" if declared else ""


def suggest_locale(tag: str, declared: Iterable[str] = ()) -> str | None:
    """The locale most likely meant by an unknown `tag`: a country code read as its language
    (`jp` -> `ja`, `cn` -> `zh`), a near spelling of a declared locale, or of any CLDR locale."""
    declared = list(declared)
    wanted = tag.replace("-", "_")
    by_country = [str(lang) for lang in get_official_languages(wanted.upper())] if len(wanted) == 2 else []
    for language in by_country:
        if language in declared:
            return language
    near = closest(wanted, declared, cutoff=0.5)
    if near:
        return near
    if by_country:
        return by_country[0]
    return closest(wanted, locale_identifiers())
