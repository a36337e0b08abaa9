"""The members of a pack's archive other than the manifest, as archive path -> bytes."""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path

from ..config import Config
from ..errors import InputError, Pos
from ..files import read_regular
from ..loader import display_path
from ..model import Pack

COPIED = ("validators", "assets")  # the pack's own folders, shipped as they are
MAX_FILE_BYTES = 64 * 1024 * 1024
SKIPPED = {"__pycache__"}  # written by Python when a validator runs: volatile, never source


def content(pack: Pack, root: Path, config: Config, locales: list[str]) -> dict[str, bytes]:
    """`content/<locale>.json`: the whole pack in each locale, from i18n's one localize function;
    placeholders are left as they are, for the platform to fill."""
    from ..i18n import localize

    return {f"content/{tag}.json": json_bytes(localize(pack, root, tag, config).as_dict()) for tag in locales}


def catalogs(pack: Pack, root: Path, config: Config, locales: list[str]) -> dict[str, bytes]:
    """`catalogs/<locale>.mo`, compiled as `i18n compile` does (errors left out), for each
    translated locale with a catalog."""
    from ..i18n import compile_catalogs

    found = {}
    with tempfile.TemporaryDirectory(prefix="mcx-bundle-") as out:
        for tag in locales:
            for written in compile_catalogs([str(pack.directory)], root, config, Path(out), tag):
                mo = Path(out) / tag / "LC_MESSAGES" / f"{pack.id}.mo"
                found[f"catalogs/{tag}.mo"] = read_regular(mo, MAX_FILE_BYTES, written.file)
    return found


def diagrams(pack: Pack, root: Path, config: Config) -> dict[str, bytes]:
    """`diagrams/<locale>/architecture.svg`, `tasks.svg` and `task-<id>.svg`, for every pack locale."""
    from ..diagram import render_all

    rendered = render_all(pack, root, "all", config=config)
    return {f"diagrams/{name}": data for name, data in rendered.files.items()}


def pack_files(pack: Pack, root: Path) -> dict[str, bytes]:
    """pack.yaml, the listed task files, and every file under validators/ and assets/, by their path
    in the pack. Hidden files and Python's caches are left out; a link must stay inside the pack."""
    base = pack.directory.resolve()
    paths = [base / "pack.yaml"] + [Path(t.src.doc.path).resolve() for t in pack.listed_tasks]
    for folder in COPIED:
        paths += _walk(base / folder)
    found = {}
    for path in paths:
        display = display_path(path, root)
        if not path.resolve().is_relative_to(base):
            raise InputError("a link out of the pack; copy the file into the pack instead", Pos(display))
        name = path.relative_to(base).as_posix()
        found[name] = read_regular(path, MAX_FILE_BYTES, display)
    return found


def _walk(folder: Path) -> list[Path]:
    if not folder.is_dir():
        return []
    found = []
    for directory, subdirs, files in os.walk(folder):
        subdirs[:] = sorted(d for d in subdirs if d not in SKIPPED and not d.startswith("."))
        found += [Path(directory) / f for f in sorted(files) if not f.startswith(".") and not f.endswith(".pyc")]
    return found


def json_bytes(data) -> bytes:
    """JSON as the archive holds it: UTF-8, keys in the order given, two-space indent, a final newline."""
    return (json.dumps(data, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
