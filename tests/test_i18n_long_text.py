"""Long text without a space in catalogs: written in linear time, to the same bytes as Babel's writer.

Babel's `pofile.normalize` splits a line with a regex (`WORD_SEP`) that re-scans an unbroken run from
every position in it: quadratic (a 40k-character title took 8 s to extract, an 80k-character
Japanese msgstr 27 s to update). Catalogs are wrapped by authoring/i18n/powrap.py instead; these
tests check it is used, that it is linear, and that it gives Babel's bytes.
"""

from __future__ import annotations

import io
import time
from pathlib import Path

import pytest
from babel.messages import pofile
from babel.messages.catalog import Catalog
from hypothesis import given, settings
from hypothesis import strategies as st
from i18n_support import JA, VERSIONING, i18n, po_file, pot_file, translated_root

from authoring.i18n.catalogs import WIDTH, read_catalog, render
from authoring.i18n.powrap import normalize, word_chunks
from authoring.i18n.stamps import stamp_generator

REPO = Path(__file__).parent.parent
TITLE = "Protect the site's files with versioning"
TITLE_KEY = "task/enable-versioning/title"
CHARS = 100_000
ENGLISH = "a" * CHARS
JAPANESE = ("バケットのバージョニングを有効にする" * (CHARS // 18 + 1))[:CHARS]
# Unbroken runs of every kind WORD_SEP treats apart: letters, CJK, punctuation, dashes, hyphenation
RUNS = {"letters": "a", "japanese": "バケット", "punctuation": "!", "dashes": "-", "hyphens": "ab-", "mixed": "a--b."}


class _NoWordSep:
    """Stands in for Babel's WORD_SEP: a catalog written through Babel's wrapping fails the test."""

    def split(self, line):
        raise AssertionError(f"Babel's quadratic WORD_SEP.split used on {len(line)} characters")


def babel_po(catalog: Catalog) -> bytes:
    """What Babel's own writer makes of `catalog` at our width, with our generator stamp."""
    out = io.BytesIO()
    pofile.write_po(out, catalog, width=WIDTH, include_previous=False, sort_output=False)
    return stamp_generator(out.getvalue())


def test_a_long_title_and_translation_never_go_through_babels_word_splitting(copy_pack, run, monkeypatch):
    monkeypatch.setattr(pofile, "WORD_SEP", _NoWordSep())
    root = translated_root(copy_pack, run, sources=[(VERSIONING, f"title: {TITLE}", f"title: {ENGLISH}")],
                           strings={TITLE_KEY: JAPANESE})
    for command in (("extract",), ("update",), ("report",), ("extract", "--check")):
        result = i18n(run, root, *command)
        assert result.exit_code in (0, 1), result.output  # 1: a report finding on the title, no crash
    assert f'msgid "{ENGLISH}"' in pot_file(root).read_text(encoding="utf-8").splitlines()
    po_lines = po_file(root).read_text(encoding="utf-8").splitlines()
    assert f'msgstr "{JAPANESE}"' in po_lines  # an unbroken run longer than a line is written unwrapped


@pytest.mark.parametrize("kind", RUNS)
def test_wrapping_an_unbroken_run_takes_linear_time(kind):
    def best(text: str) -> float:
        times = []
        for _ in range(5):
            start = time.perf_counter()
            normalize(text)
            times.append(time.perf_counter() - start)
        return min(times)

    unit = RUNS[kind]
    sample = unit * (2_000 // len(unit))  # short enough for Babel's own split
    assert word_chunks(sample) == pofile.WORD_SEP.split(sample)
    short, long = unit * (25_000 // len(unit)), unit * (100_000 // len(unit))
    ratio = best(long) / best(short)
    assert ratio < 10, f"4x the text took {ratio:.1f}x the time: quadratic would be 16x"


@pytest.mark.parametrize("name", ["agentic-ai-app.pot", "serverless-web-app.pot",
                                  "ja/LC_MESSAGES/agentic-ai-app.po", "ja/LC_MESSAGES/serverless-web-app.po"])
def test_committed_catalogs_render_to_babels_bytes(name):
    path = REPO / "locales" / name
    catalog = read_catalog(path, name, "ja" if name.endswith(".po") else None)
    assert render(catalog) == babel_po(catalog)


PIECES = list("abcXYZé日本語_019 -.,!?'\"&()/{}\\\t\n\r\u2028") + ["--", "  ", "word-word", "x" * 30]
TEXT = st.lists(st.sampled_from(PIECES), max_size=80).map("".join)
CONTEXT = st.text(alphabet=st.sampled_from(list("abz019/-_.")), min_size=1, max_size=120)


@settings(max_examples=300, deadline=None)
@given(
    title=TEXT,
    entries=st.lists(st.tuples(CONTEXT, TEXT, TEXT, st.booleans()), max_size=6, unique_by=lambda e: e[0]),
)
def test_render_gives_babels_bytes_for_any_text(title, entries):
    catalog = Catalog(locale="ja", project="p", version="1", header_comment=f"# Translations for {title}.\n#",
                      fuzzy=False, msgid_bugs_address="")
    for context, english, translation, gone in entries:
        if not english:
            continue
        catalog.add(english, translation, context=context, auto_comments=[english[:40]])
        if gone:  # obsolete: written with the `#~ ` prefix, which Babel counts once per chunk
            catalog.obsolete[(english, context)] = catalog.get(english, context=context)
            catalog.delete(english, context=context)
    assert render(catalog) == babel_po(catalog)


def test_previous_msgid_is_written_for_a_msgctxt_longer_than_a_line():
    context = "task/" + "configure-the-content-delivery-network-distribution" + "/validator/origin-access/fail_message"
    catalog = Catalog(locale="ja", project="p", version="1", fuzzy=False, msgid_bugs_address="")
    message = catalog.add("New English", "日本語", context=context, flags=["fuzzy"])
    message.previous_id = ["Old English"]
    assert '#| msgid "Old English"' in render(catalog).decode("utf-8").splitlines()
