"""Which line of a PO file holds each entry's msgstr, the line a translator edits and msgfmt names."""

from __future__ import annotations

from babel.messages.catalog import Catalog, Message


def msgstr_lines(text: str) -> dict[int, int]:
    """msgid line -> the line of the msgstr after it, both 1-based and counted as Babel's reader counts
    (by "\\n"), so Babel's `Message.lineno` (the msgid's line) is the key. One pass over text already read."""
    found: dict[int, int] = {}
    msgid = 0
    for number, line in enumerate(text.split("\n"), 1):
        line = line.lstrip()
        if line.startswith("msgid "):
            msgid = number
        elif line.startswith("msgstr") and msgid:
            found[msgid], msgid = number, 0
    return found


def msgstr_line(catalog: Catalog | None, message: Message) -> int:
    """The line of `message`'s msgstr in the file `catalog` was read from (catalogs.read_catalog records
    them); the msgid's line if it was not recorded; 0 when unknown."""
    return getattr(catalog, "msgstr_lines", {}).get(message.lineno, message.lineno or 0)
