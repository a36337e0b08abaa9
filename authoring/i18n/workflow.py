"""The i18n commands as library functions: extract, update, report, compile. No printing here."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from ..config import Config
from ..errors import UsageError
from ..files import MAX_CATALOG_BYTES, read_regular, write_if_changed
from ..loader import display_path
from ..model import Pack
from ..project import resolve_pack_dirs, valid_pack
from .catalogs import (
    LOCALES_DIR,
    compile_mo,
    parse_locale,
    po_path,
    pot_path,
    read_catalog,
    render,
    template_catalog,
)
from .glossary import glossary_for
from .localize import locale_tag  # a tag from a pack or mcx.toml: InputError when unknown
from .locales import resolve_locale
from .merge import merge
from .messages import pack_messages
from .report import DEFAULT_GATE, PackReport, catalog_errors, report_pack
from .stamps import content_diff, same_content, write_catalog


def packs(paths, root: Path, config: Config) -> list[Pack]:
    return [valid_pack(d, root, config) for d in resolve_pack_dirs(list(paths), root)]


@dataclass(frozen=True)
class Written:
    pack: str
    file: str  # relative to the content root
    changed: bool
    detail: str = ""
    diff: tuple[str, ...] = ()  # extract --check: how the file on disk differs, the first lines
    problems: tuple = ()  # compile: the strings left out (or, strict, refused) for an error
    refused: bool = False


def extract(paths, root: Path, config: Config, check: bool = False) -> list[Written]:
    """Write `locales/<pack>.pot` for each pack; with `check`, only compare with the file on disk."""
    results = []
    for pack in packs(paths, root, config):
        path = pot_path(root, pack.id)
        messages = pack_messages(pack, config.label_width)
        data = render(template_catalog(pack, messages))
        display, detail = display_path(path, root), f"{len(messages)} messages"
        if not check:
            results.append(Written(pack.id, display, write_catalog(path, data), detail))
        elif not os.path.lexists(path):  # a FIFO or directory is read, and refused
            results.append(Written(pack.id, display, True, "missing"))
        else:
            on_disk = read_regular(path, MAX_CATALOG_BYTES, display)
            stale = not same_content(on_disk, data)
            diff = tuple(content_diff(on_disk, data, display)) if stale else ()
            results.append(Written(pack.id, display, stale, detail, diff))
    return results


def declared_locales(pack: Pack) -> list[str]:
    return list(dict.fromkeys(locale_tag(spec.tag) for spec in pack.locales))


def _locales(pack: Pack, only: str | None) -> list[str]:
    """`only` (any valid tag: reporting on a locale not declared yet is how one sizes it), else the declared ones."""
    declared = declared_locales(pack)
    return [resolve_locale(only, declared, must_be_declared=False)] if only else declared


def _catalog_locales(pack: Pack, root: Path) -> list[str]:
    """Locales with a catalog of `pack` on disk (one started with --add-locale, not declared yet)."""
    base = root / LOCALES_DIR
    found = sorted(d.name for d in base.iterdir() if po_path(root, d.name, pack.id).is_file()) if base.is_dir() else []
    return [tag for tag in found if _is_canonical(tag)]


def _is_canonical(tag: str) -> bool:
    try:
        return resolve_locale(tag) == tag
    except UsageError:
        return False


ADD_HINT = "; declare it under `locales:` in pack.yaml, or pass --add-locale to start a catalog for it"


def _update_plan(selected: list[Pack], root: Path, only: str | None, add_locale: bool) -> list[tuple[Pack, list[str]]]:
    """Which catalogs `update` writes: every declared locale, or `only` for the packs that declare
    it or already have its catalog; a new locale needs `add_locale`, so a typo starts no catalog."""
    if not only:
        if add_locale:
            raise UsageError("--add-locale goes with --locale L, the locale to add")
        return [(pack, declared_locales(pack)) for pack in selected]
    known = {pack.id: declared_locales(pack) + _catalog_locales(pack, root) for pack in selected}
    everything = list(dict.fromkeys(tag for tags in known.values() for tag in tags))
    tag = resolve_locale(only, everything, must_be_declared=not add_locale, hint=ADD_HINT)
    plan = [(pack, [tag]) for pack in selected if add_locale or tag in known[pack.id]]
    if not plan and selected:
        raise UsageError(f"locale `{only}` is not declared by the pack{ADD_HINT}")
    return plan


def update(paths, root: Path, config: Config, locale: str | None = None, purge_obsolete: bool = False,
           add_locale: bool = False) -> list[Written]:
    """Create or merge `locales/<L>/LC_MESSAGES/<pack>.po` for each declared locale (or just `locale`)."""
    results = []
    for pack, tags in _update_plan(packs(paths, root, config), root, locale, add_locale):
        template = template_catalog(pack, pack_messages(pack, config.label_width))
        for tag in tags:
            path = po_path(root, tag, pack.id)
            display = display_path(path, root)
            existing = read_catalog(path, display, tag) if os.path.lexists(path) else None
            result = merge(template, existing, parse_locale(tag), pack, purge_obsolete)
            read_as = existing.read_as if existing else None
            changed = write_catalog(path, render(result.catalog), display, read_as)
            parts = [f"{result.new} new"]
            if result.changed:
                parts.append(f"{result.changed} changed in the source (kept, fuzzy)")
            if result.moved:
                parts.append(f"{result.moved} moved with their English (kept)")
            if result.reused:
                parts.append(f"{result.reused} filled from identical text (fuzzy)")
            if result.obsolete:
                parts.append(f"{result.obsolete} no longer in the source (kept as obsolete)")
            if result.purged:
                parts.append(f"{result.purged} obsolete purged")
            results.append(Written(pack.id, display, changed, ", ".join(parts)))
    return results


def report(paths, root: Path, config: Config, locale: str | None = None, min_translated: float | None = None) -> list[PackReport]:
    glossary = glossary_for(config.glossary)
    reports = []
    for pack in packs(paths, root, config):
        messages = pack_messages(pack, config.label_width)
        required = {locale_tag(spec.tag): spec.required for spec in pack.locales}
        for tag in _locales(pack, locale):
            gates = {locale_tag(k): v for k, v in config.locale_gates.items()}
            gate = min_translated if min_translated is not None else gates.get(tag, DEFAULT_GATE)
            reports.append(
                report_pack(pack, messages, root, tag, required.get(tag, False), gate, glossary, config.label_width)
            )
    return reports


def compile_catalogs(paths, root: Path, config: Config, out_dir: Path, locale: str | None = None,
                     strict: bool = False) -> list[Written]:
    """`<out>/<L>/LC_MESSAGES/<pack>.mo` from each PO file. Fuzzy and untranslated strings are left
    out, and so is every string with an error-level report problem (named in `Written.problems`);
    with `strict`, a catalog with such a string is refused: no .mo is written for it."""
    glossary = glossary_for(config.glossary)
    results = []
    for pack in packs(paths, root, config):
        messages = pack_messages(pack, config.label_width)
        for tag in _locales(pack, locale):
            source = po_path(root, tag, pack.id)
            display = display_path(source, root)
            if not os.path.lexists(source):
                raise UsageError(f"{display}: no catalog; run `mcx-author i18n update` first")
            catalog = read_catalog(source, display, tag)
            errors = catalog_errors(catalog, messages, tag, glossary, config.label_width, display)
            target = out_dir / tag / "LC_MESSAGES" / f"{pack.id}.mo"
            if strict and errors:
                results.append(Written(pack.id, display_path(target, root), False, problems=tuple(errors), refused=True))
                continue
            for context in dict.fromkeys(p.msgctxt for p in errors):
                catalog.delete(next(m.id for m in catalog if m.id and m.context == context), context=context)
            changed = write_if_changed(target, compile_mo(catalog))
            done = sum(1 for m in catalog if m.id and m.string and not m.fuzzy)
            left_out = len({p.msgctxt for p in errors})
            detail = f"{done} translated messages" + (f", {left_out} left out" if left_out else "")
            results.append(Written(pack.id, display_path(target, root), changed, detail, problems=tuple(errors)))
    return results
