"""`ls`: every pack of the content root with its id, version, locales and paths, and whether its
archive in the build folder is current, cheaply (the sources are hashed, nothing is rebuilt)."""

from __future__ import annotations

import json
import zipfile
from dataclasses import asdict, dataclass, field
from pathlib import Path

from .. import __version__
from ..errors import McxError
from ..loader import display_path, load_pack
from . import members
from .archive import archive_name
from .manifest import NAME, sha256

MANIFEST_BYTES = 16 * 1024 * 1024


@dataclass(frozen=True)
class Listed:
    """One pack as `ls` shows it; the JSON matrix entry is exactly these fields (a stable shape)."""

    pack: str  # the pack's id (its directory name when pack.yaml cannot be read)
    path: str  # the pack directory, relative to the content root
    version: str
    locales: list[str] = field(default_factory=list)  # the source locale first
    required_locales: list[str] = field(default_factory=list)
    archive: str = ""  # where `build` writes its archive, relative to the content root
    archive_state: str = "missing"  # current | stale | missing | unreadable
    current: bool = False
    error: str = ""  # why the pack could not be read ("" when it could)


def list_packs(directories: list[Path], root: Path, build_dir: Path) -> list[Listed]:
    return [list_pack(d, root, build_dir) for d in directories]


def list_pack(directory: Path, root: Path, build_dir: Path) -> Listed:
    path = display_path(directory.resolve(), root)
    source = load_pack(directory, root)
    pack = source.pack
    if pack is None or not pack.id or not pack.version:
        first = source.findings[0].message if source.findings else "pack.yaml has no id or version"
        return Listed(directory.name, path, "", archive_state="unreadable", error=first)
    tags = [pack.source_locale] + [spec.tag for spec in pack.locales if spec.tag != pack.source_locale]
    required = [pack.source_locale] + [spec.tag for spec in pack.locales if spec.required]
    archive = build_dir / archive_name(pack.id, pack.version)
    state = archive_state(pack, root, archive)
    return Listed(pack.id, path, pack.version, tags, required, display_path(archive, root), state, state == "current")


def archive_state(pack, root: Path, archive: Path) -> str:
    """`current` when the archive exists, names this pack and version, was built by this toolchain
    version, and its manifest's sha256 of every source file (pack.yaml, the task files, validators/,
    assets/) equals the file's now, with no file added or removed; `stale` otherwise; `missing`
    without an archive; `unreadable` when its manifest cannot be read. Translations and the
    generated members are not compared: `build` remains the judge of those."""
    if not archive.is_file():
        return "missing"
    manifest = _manifest(archive)
    if manifest is None:
        return "unreadable"
    if (manifest.get("id"), manifest.get("version")) != (pack.id, pack.version):
        return "stale"
    if manifest.get("toolchain", {}).get("version") != __version__:
        return "stale"
    try:
        now = {name: sha256(data) for name, data in members.pack_files(pack, root).items()}
    except McxError:
        return "stale"  # a file `build` would refuse: the archive cannot be of these sources
    recorded = {name: digest for name, digest in manifest.get("files", {}).items() if _is_source(name)}
    return "current" if recorded == now else "stale"


def _is_source(name: str) -> bool:
    return name == "pack.yaml" or name.startswith(("tasks/",) + tuple(f"{f}/" for f in members.COPIED))


def _manifest(archive: Path) -> dict | None:
    try:
        with zipfile.ZipFile(archive) as opened:
            info = opened.getinfo(NAME)
            if info.file_size > MANIFEST_BYTES:
                return None
            data = json.loads(opened.read(info))
    except (OSError, KeyError, ValueError, zipfile.BadZipFile, zipfile.LargeZipFile, EOFError):
        return None
    return data if isinstance(data, dict) else None


def matrix(listed: list[Listed]) -> dict:
    """A GitHub Actions matrix: `strategy: {matrix: ${{ fromJSON(needs.packs.outputs.matrix) }}}`
    runs one job per pack, each with `matrix.pack`, `matrix.path` and the other fields."""
    return {"include": [asdict(entry) for entry in listed]}
