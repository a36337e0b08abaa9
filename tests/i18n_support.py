"""Shared helpers for the tests of `mcx-author i18n`: the clean pack's strings in English and in
hand-written Japanese, a translator's edit of a PO file, and a small independent PO reader.

The PO reader and the translator's edit work on the text of the file, not through Babel, so the
tests do not check the tool's Babel round trip against the same Babel round trip.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

from conftest import edit

VENV_BIN = Path(sys.executable).parent  # the virtualenv running the tests: mcx-author, pybabel
# GNU msgfmt is a real component of these tests (`make test` installs gettext): missing, they fail
MSGFMT = shutil.which("msgfmt") or "msgfmt"

# Every learner-facing string of tests/packs/clean, keyed by the msgctxt the issue prescribes, in
# reading order (pack, architecture, tasks as listed). Written out by reading the YAML, not the POT.
EN = {
    "pack/title": "Static website on Amazon S3",
    "pack/summary": "Host the marketing site from an S3 bucket.",
    "pack/description": "The marketing site is uploaded to `{site_bucket}`.\n"
    "Bucket names follow the pattern `mcx-clean-site-{{account_id}}-{{suffix}}`.",
    "architecture/group/aws-cloud/label": "AWS Cloud",
    "architecture/group/region/label": "US East (N. Virginia)",
    "architecture/component/visitor/label": "Visitor",
    "architecture/component/site-bucket/label": "Site bucket",
    "architecture/connection/visitor/site-bucket/label": "browses",
    "task/enable-versioning/title": "Protect the site's files with versioning",
    "task/enable-versioning/description": "Editors sometimes overwrite pages by mistake.\n"
    "Turn on versioning for `{site_bucket}` so that old pages can be restored.",
    "task/enable-versioning/objective/1": "Enable versioning on `{site_bucket}`.",
    "task/enable-versioning/hint/1": "Look at the bucket's **Properties** tab.",
    "task/enable-versioning/hint/2": "Versioning, once turned on, can only be suspended; you want it `Enabled`.",
    "task/enable-versioning/validator/versioning-enabled/fail_message": "Versioning is not enabled on `{site_bucket}`.",
    "task/enable-website/title": "Host the marketing site",
    "task/enable-website/description": "Turn on static website hosting on `{site_bucket}` so that `index.html` is served for `/`.",
    "task/enable-website/objective/1": "Enable static website hosting with `index.html` as the index document.",
    "task/enable-website/hint/1": "Look at the bucket's **Properties** tab.",
    "task/enable-website/hint/2": "The index document is `index.html`.",
    "task/enable-website/validator/website-enabled/fail_message": "Static website hosting is not enabled on `{site_bucket}` with `index.html`.",
    "task/enable-website/validator/index-document-exists/fail_message": "The index document `{index_key}` is missing from `{site_bucket}`.",
}

# A careful Japanese translation of every string above (placeholders, code spans and AWS names kept).
JA = {
    "pack/title": "Amazon S3 で静的ウェブサイトを公開する",
    "pack/summary": "S3 バケットからマーケティングサイトを配信します。",
    "pack/description": "マーケティングサイトは `{site_bucket}` にアップロードされています。\n"
    "バケット名は `mcx-clean-site-{{account_id}}-{{suffix}}` というパターンに従います。",
    "architecture/group/aws-cloud/label": "AWS クラウド",
    "architecture/group/region/label": "米国東部 (バージニア北部)",
    "architecture/component/visitor/label": "訪問者",
    "architecture/component/site-bucket/label": "サイト用バケット",
    "architecture/connection/visitor/site-bucket/label": "閲覧",
    "task/enable-versioning/title": "バージョニングでサイトのファイルを保護する",
    "task/enable-versioning/description": "編集者がうっかりページを上書きしてしまうことがあります。\n"
    "古いページを復元できるように、`{site_bucket}` のバージョニングを有効にしてください。",
    "task/enable-versioning/objective/1": "`{site_bucket}` のバージョニングを有効にする。",
    "task/enable-versioning/hint/1": "バケットの **プロパティ** タブを確認してください。",
    "task/enable-versioning/hint/2": "バージョニングは一度有効にすると、以後は一時停止しかできません。`Enabled` にしてください。",
    "task/enable-versioning/validator/versioning-enabled/fail_message": "`{site_bucket}` でバージョニングが有効になっていません。",
    "task/enable-website/title": "マーケティングサイトを公開する",
    "task/enable-website/description": "`/` へのアクセスで `index.html` が返されるように、"
    "`{site_bucket}` の静的ウェブサイトホスティングを有効にしてください。",
    "task/enable-website/objective/1": "`index.html` をインデックスドキュメントとして、静的ウェブサイトホスティングを有効にする。",
    "task/enable-website/hint/1": "バケットの **プロパティ** タブを確認してください。",
    "task/enable-website/hint/2": "インデックスドキュメントは `index.html` です。",
    "task/enable-website/validator/website-enabled/fail_message": "`{site_bucket}` で `index.html` を使う静的ウェブサイトホスティングが有効になっていません。",
    "task/enable-website/validator/index-document-exists/fail_message": "インデックスドキュメント `{index_key}` が `{site_bucket}` にありません。",
}

VERSIONING = "tasks/enable-versioning.yaml"
WEBSITE = "tasks/enable-website.yaml"


def pot_file(root: Path, pack: str = "clean") -> Path:
    return root / "locales" / f"{pack}.pot"


def po_file(root: Path, locale: str = "ja", pack: str = "clean") -> Path:
    return root / "locales" / locale / "LC_MESSAGES" / f"{pack}.po"


# --- reading PO files -------------------------------------------------------------------------------


@dataclass
class Entry:
    msgctxt: str | None = None
    msgid: str | None = None
    msgstr: str | None = None
    flags: set = field(default_factory=set)
    previous: str | None = None  # `#| msgid`, when every `#|` line parsed
    previous_ok: bool = True
    obsolete: bool = False
    comments: list = field(default_factory=list)  # translator comments (`# ...`)
    notes: str = ""  # `#.` lines joined by spaces
    locations: list = field(default_factory=list)
    start: int = 0  # first line of the entry (1-based)
    end: int = 0  # last line


_ESCAPES = {"n": "\n", "t": "\t", '"': '"', "\\": "\\", "r": "\r"}
_KEYWORD = re.compile(r'^(msgctxt|msgid|msgstr)\s+"(.*)"\s*$')
_CONTINUATION = re.compile(r'^"(.*)"\s*$')


def _unquote(body: str) -> str:
    return re.sub(r"\\(.)", lambda m: _ESCAPES[m.group(1)], body)


def _quote(text: str) -> str:
    return text.replace("\\", "\\\\").replace('"', '\\"').replace("\t", "\\t").replace("\n", "\\n")


def _blocks(lines: list[str]):
    block: list[tuple[int, str]] = []
    for number, line in enumerate(lines, 1):
        if line.strip():
            block.append((number, line))
        elif block:
            yield block
            block = []
    if block:
        yield block


def parse_po(text: str) -> list[Entry]:
    """Every entry of a PO file, header included (msgid ""), obsolete ones marked."""
    entries = []
    for block in _blocks(text.splitlines()):
        entry = Entry(start=block[0][0], end=block[-1][0])
        values: dict[str, str] = {}
        previous: dict[str, str] = {}
        current = previous_current = None
        notes = []
        for _, line in block:
            if line.startswith("#~"):
                entry.obsolete = True
                line = line[2:].lstrip()
            if line.startswith("#|"):
                body = line[2:].strip()
                match = _KEYWORD.match(body)
                if match:
                    previous_current = match.group(1)
                    previous[previous_current] = _unquote(match.group(2))
                elif (cont := _CONTINUATION.match(body)) and previous_current:
                    previous[previous_current] += _unquote(cont.group(1))
                else:
                    entry.previous_ok = False
            elif line.startswith("#."):
                notes.append(line[2:].strip())
            elif line.startswith("#:"):
                entry.locations += line[2:].split()
            elif line.startswith("#,"):
                entry.flags |= {f.strip() for f in line[2:].split(",") if f.strip()}
            elif line.startswith("#"):
                entry.comments.append(line[1:].strip())
            elif match := _KEYWORD.match(line):
                current = match.group(1)
                values[current] = _unquote(match.group(2))
            elif (cont := _CONTINUATION.match(line)) and current:
                values[current] += _unquote(cont.group(1))
            else:
                raise ValueError(f"unparsable PO line: {line!r}")
        entry.msgctxt = values.get("msgctxt")
        entry.msgid = values.get("msgid")
        entry.msgstr = values.get("msgstr")
        entry.notes = " ".join(notes)
        if "msgid" in previous and entry.previous_ok:
            entry.previous = previous["msgid"]
        if entry.msgid is not None:
            entries.append(entry)
    return entries


def active(path: Path) -> dict[str, Entry]:
    """msgctxt -> entry, for the non-obsolete messages of a PO/POT file."""
    return {e.msgctxt: e for e in parse_po(path.read_text(encoding="utf-8")) if e.msgid and not e.obsolete}


def obsolete(path: Path) -> dict[str, Entry]:
    return {e.msgctxt: e for e in parse_po(path.read_text(encoding="utf-8")) if e.obsolete}


def header(path: Path) -> tuple[Entry, dict[str, str]]:
    entry = next(e for e in parse_po(path.read_text(encoding="utf-8")) if e.msgid == "")
    fields = dict(line.split(": ", 1) for line in entry.msgstr.splitlines() if ": " in line)
    return entry, fields


def all_translations(path: Path) -> set[str]:
    """Every non-empty msgstr in the file, active or obsolete."""
    return {e.msgstr for e in parse_po(path.read_text(encoding="utf-8")) if e.msgid and e.msgstr}


# --- a translator at work -----------------------------------------------------------------------------


def translate(path: Path, strings: dict[str, str]) -> None:
    """What a translator's editor does: set msgstr of each msgctxt, clear `fuzzy` and the `#|` lines."""
    lines = path.read_text(encoding="utf-8").splitlines()
    out: list[str] = []
    done = set()
    for block in _blocks(lines):
        texts = [line for _, line in block]
        contexts = [m.group(2) for line in texts if (m := _KEYWORD.match(line)) and m.group(1) == "msgctxt"]
        context = _unquote(contexts[0]) if contexts else None
        if context in strings and not texts[-1].startswith("#~"):
            at = next(i for i, line in enumerate(texts) if line.startswith("msgstr"))
            kept = []
            for line in texts[:at]:
                if line.startswith("#|"):
                    continue
                if line.startswith("#,"):
                    flags = [f.strip() for f in line[2:].split(",") if f.strip() and f.strip() != "fuzzy"]
                    if not flags:
                        continue
                    line = "#, " + ", ".join(flags)
                kept.append(line)
            value = strings[context]
            if "\n" in value:
                parts = value.split("\n")
                kept.append('msgstr ""')
                kept += [f'"{_quote(p)}\\n"' for p in parts[:-1]] + ([f'"{_quote(parts[-1])}"'] if parts[-1] else [])
            else:
                kept.append(f'msgstr "{_quote(value)}"')
            texts = kept
            done.add(context)
        out += texts + [""]
    missing = set(strings) - done
    assert not missing, f"no such msgctxt in {path}: {sorted(missing)}"
    path.write_text("\n".join(out), encoding="utf-8")


# --- running the tools --------------------------------------------------------------------------------


def i18n(run, root: Path, *args):
    return run("--root", root, "i18n", *args)


def report_json(run, root: Path, *args, locale: str = "ja", pack: str = "clean"):
    """(exit code, the report of one locale and pack as JSON)."""
    result = i18n(run, root, "report", "--format", "json", *args)
    assert result.exit_code in (0, 1), result.output
    return result.exit_code, json.loads(result.stdout)["locales"][locale][pack]


def msgfmt_check(path: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [MSGFMT, "-c", "--check-format", "-o", "/dev/null", str(path)], capture_output=True, text=True, check=False
    )


def stray_files(root: Path) -> list[str]:
    """Files a crashed or non-atomic write would leave: temporaries and hidden files."""
    return sorted(
        str(p.relative_to(root)) for p in root.rglob("*") if p.is_file() and (p.name.startswith(".") or "tmp" in p.name)
    )


def translated_root(copy_pack, run, *, sources=(), strings=None, skip=(), toml: str | None = None) -> Path:
    """A content root holding a copy of the clean pack with its `ja` catalog translated.

    `sources`: (file, old, new) edits to the YAML before the catalog is made; `strings`: msgctxt ->
    Japanese overriding or adding to JA; `skip`: msgctxts left untranslated; `toml`: mcx.toml text.
    """
    pack = copy_pack("clean")
    root = pack.parent.parent
    if toml is not None:
        (root / "mcx.toml").write_text(toml, encoding="utf-8")
    for file, old, new in sources:
        edit(pack / file, old, new)
    result = i18n(run, root, "update")
    assert result.exit_code == 0, result.output
    wanted = {**JA, **(strings or {})}
    for context in skip:
        wanted.pop(context)
    translate(po_file(root), wanted)
    return root
