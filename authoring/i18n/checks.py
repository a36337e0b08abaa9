"""Quality checks of one translation against its source, the way a careful reviewer reads it.

Errors (the string is wrong for a learner): `placeholder`, `code-span`, `glossary`, `unchanged`.
Warnings (style, or a guess): `leftover`, `punctuation`, `whitespace`, `width`.
"""

from __future__ import annotations

import re
from collections import Counter

from ..findings import ERROR, WARNING, Finding
from ..placeholders import PATTERN, names_in
from ..text import display_width
from .glossary import terms_in

SEVERITY = {
    "placeholder": ERROR,
    "code-span": ERROR,
    "glossary": ERROR,
    "unchanged": ERROR,
    "leftover": WARNING,
    "punctuation": WARNING,
    "whitespace": WARNING,
    "width": WARNING,
}
CHECKS = tuple(SEVERITY)
# one line on each check, for the SARIF rules of `i18n report` (docs/translating.md says more)
SUMMARY = {
    "placeholder": "A `{placeholder}` of the source is renamed, missing or added in the translation.",
    "code-span": "A code span, code block, URL, ARN or CLI flag of the source is not byte for byte in the translation.",
    "glossary": "An AWS product or service name of the source is translated or missing.",
    "unchanged": "The translation is the source itself: the string counts as untranslated.",
    "leftover": "A translation into a non-Latin script is mostly words of the source language.",
    "punctuation": "Japanese or Chinese punctuation: the sentence ends with ASCII marks, or half-width katakana.",
    "whitespace": "Leading or trailing white space differs from the source, or a double space inside a line.",
    "width": "A diagram label is wider than the label width.",
}

# Languages written without Latin letters: a translation into them that is mostly Latin words is
# probably English left over.
NON_LATIN = frozenset(
    "ja zh ko ru uk be bg mk sr el he yi ar fa ur ps th lo km my hi mr ne bn pa gu or ta te kn ml si ka hy am mn".split()
)
GLOSSARY_HINT = "if it is a name that stays as it is, add it to `[i18n] glossary` in mcx.toml"
CJK_PUNCTUATION = {"ja": {".": "。", "?": "？", "!": "！"}, "zh": {".": "。", "?": "？", "!": "！"}}

FENCE = re.compile(r"```.*?```", re.S)
CODE_SPAN = re.compile(r"`[^`\n]+`")
URL = re.compile(r"https?://[^\s`<>\"')\]]+[^\s`<>\"')\].,;:!?]")
ARN = re.compile(r"arn:aws[\w-]*:[^\s`'\"<>)\]]*[^\s`'\"<>)\].,;:!?]")
CLI_FLAG = re.compile(r"(?<![\w-])--[a-z][a-z0-9-]*")
HALF_WIDTH_KANA = re.compile(r"[\uff61-\uff9f]")
# Words that are names, not language: API names (InvokeAgent), acronyms and HTTP methods (POST),
# URL paths (/orders) and file names (index.html). They stay as they are in any language.
IDENTIFIER = re.compile(
    r"(?<![\w/])/[\w./{}-]*"  # a path
    r"|\b[A-Z][a-z0-9]+(?:[A-Z][A-Za-z0-9]*)+\b"  # CamelCase
    r"|\b[A-Z][A-Z0-9]+s?\b"  # ACRONYM, HTTP method
    r"|\b[\w-]+\.[a-z]{2,5}\b"  # a file name
)


def _finding(check_id: str, message: str) -> Finding:
    """A problem of the translation, not yet placed: the report places it at the entry's msgstr line."""
    return Finding("", 0, 0, check_id, SEVERITY[check_id], message, source="i18n")


def protected_tokens(text: str) -> list[str]:
    """What must reach the translation byte for byte: code blocks and spans, URLs, ARNs, CLI flags."""
    tokens = FENCE.findall(text)
    rest = FENCE.sub(" ", text)
    tokens += CODE_SPAN.findall(rest)
    rest = CODE_SPAN.sub(" ", rest)
    tokens += URL.findall(rest) + ARN.findall(rest) + CLI_FLAG.findall(rest)
    return tokens


def _occurrences(text: str, token: str) -> int:
    """How often `token` stands in `text` as a whole: `arn:...:logs` is not found in `arn:...:logs-old`."""
    if token.startswith("`") or token.startswith("```"):
        return text.count(token)
    return len(re.findall(rf"(?<![\w/:.-]){re.escape(token)}(?![\w/*-])(?!\.\w)", text))


def _strip_protected(text: str, glossary_terms: list[str]) -> str:
    text = FENCE.sub(" ", text)
    text = CODE_SPAN.sub(" ", text)
    text = URL.sub(" ", text)
    text = ARN.sub(" ", text)
    text = CLI_FLAG.sub(" ", text)
    text = PATTERN.sub(" ", text)
    text = re.sub(r"\s+", " ", text)
    for term in glossary_terms:
        text = text.replace(term, " ")
    return IDENTIFIER.sub(" ", text)


def _language(locale) -> str:
    return getattr(locale, "language", str(locale)).split("_")[0]


def _latin_share(text: str) -> tuple[int, int]:
    latin = other = 0
    for ch in text:
        if ch.isalpha():
            if ch.isascii():
                latin += 1
            else:
                other += 1
    return latin, other


def check(source: str, translation: str, locale, glossary: tuple[str, ...], label_width: int | None = None) -> list[Finding]:
    """Every problem of `translation` (non-empty) for `source` in `locale`."""
    found: list[Finding] = []
    language = _language(locale)

    wanted, got = Counter(names_in(source)), Counter(names_in(translation))
    if wanted != got:
        missing = sorted((wanted - got).elements())
        extra = sorted((got - wanted).elements())
        parts = []
        if missing:
            parts.append("missing " + ", ".join("{" + n + "}" for n in missing))
        if extra:
            parts.append("unexpected " + ", ".join("{" + n + "}" for n in extra))
        found.append(_finding("placeholder", "placeholders differ from the source: " + "; ".join(parts)))

    for token in dict.fromkeys(protected_tokens(source)):
        if _occurrences(translation, token) < _occurrences(source, token):
            shown = token if len(token) <= 60 else token[:57] + "..."
            found.append(_finding("code-span", f"`{shown.strip('`')}` must appear exactly as in the source"))

    prose = FENCE.sub(" ", CODE_SPAN.sub(" ", source))
    terms = terms_in(prose, glossary)
    flat = re.sub(r"\s+", " ", translation)  # a name may be wrapped over two lines
    for term in terms:
        if term not in flat:
            found.append(_finding("glossary", f"the AWS name `{term}` must appear unchanged (not translated)"))

    if _is_unchanged(source, translation, terms):
        # the rest would only restate it
        return found + [_finding("unchanged", "not translated: identical to the source; " + GLOSSARY_HINT)]
    if _is_mostly_source_words(translation, language, glossary):
        found.append(_finding("leftover", "mostly words of the source language; translate them, or " + GLOSSARY_HINT))

    found += _punctuation(source, translation, language)[:1]
    found += _whitespace(source, translation)
    if label_width is not None and display_width(translation) > label_width:
        found.append(
            _finding("width", f"diagram label is {display_width(translation)} columns wide; keep it within {label_width}")
        )
    return found


def _is_unchanged(source: str, translation: str, terms: list[str]) -> bool:
    """The translation is the source itself, and the source has words to translate. A translation
    that differs is never "unchanged": it may rightly keep a brand name (`Snapshot 写真共有`)."""
    if translation.strip() != source.strip():
        return False
    return bool(re.search(r"[A-Za-z]{3,}", _strip_protected(source, terms)))  # not only names, code, placeholders


def _is_mostly_source_words(translation: str, language: str, glossary) -> bool:
    """A translation into a non-Latin script that is mostly lower-case Latin words: English prose
    left over. Capitalised words are left out, since they are mostly names kept on purpose."""
    if language not in NON_LATIN:
        return False
    rest = _strip_protected(translation, terms_in(translation, glossary))
    rest = re.sub(r"\b[A-Z][A-Za-z]*\b", " ", rest)
    latin, other = _latin_share(rest)
    return latin >= 8 and latin > other


def _punctuation(source: str, translation: str, language: str) -> list[Finding]:
    marks = CJK_PUNCTUATION.get(language)
    if not marks:
        return []
    found = []
    text = FENCE.sub("", translation)
    if HALF_WIDTH_KANA.search(text):
        found.append(_finding("punctuation", "half-width katakana; use full-width characters"))
    end = source.rstrip()[-1:]
    if end in marks:
        last = CODE_SPAN.sub("x", text).rstrip()[-1:]
        if last != marks[end] and not (end == "." and last in "．。"):
            found.append(_finding("punctuation", f"the source ends with `{end}`: end the translation with `{marks[end]}`"))
    for line in text.splitlines():
        stripped = CODE_SPAN.sub("x", line).rstrip()
        if len(stripped) >= 2 and stripped[-1] in ".?!" and not stripped[-2].isascii():
            found.append(_finding("punctuation", f"ASCII `{stripped[-1]}` ends Japanese prose: use `{marks[stripped[-1]]}`"))
            break
    return found


def _whitespace(source: str, translation: str) -> list[Finding]:
    found = []
    if source[:1].isspace() != translation[:1].isspace() or source[-1:].isspace() != translation[-1:].isspace():
        found.append(_finding("whitespace", "leading or trailing white space differs from the source"))
    inner = [line.strip() for line in CODE_SPAN.sub("x", FENCE.sub("", translation)).splitlines()]
    source_inner = [line.strip() for line in CODE_SPAN.sub("x", FENCE.sub("", source)).splitlines()]
    if any("  " in line for line in inner) and not any("  " in line for line in source_inner):
        found.append(_finding("whitespace", "double space inside a line"))
    return found
