"""`build`: a pack that passes every gate becomes `<id>-<version>.mcxpack`, written atomically; several
packs are built in parallel processes, each reported as it finishes."""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass
from pathlib import Path

from ..config import Config
from ..errors import McxError
from ..files import write_atomic_bytes
from ..loader import display_path
from ..project import valid_pack
from . import gates, members
from .archive import archive_name, git_head, source_epoch, zip_bytes
from .manifest import NAME, locale_entries, manifest, sha256


@dataclass(frozen=True)
class Options:
    out_dir: Path
    allow_unsupported: bool = False
    validator_timeout: float = 10.0


@dataclass(frozen=True)
class Source:
    """What every pack of one build shares: the content root, its settings, the time and commit."""

    root: Path
    config: Config
    epoch: int
    commit: str | None

    @classmethod
    def of(cls, root: Path, config: Config) -> "Source":
        head = git_head(root)
        return cls(root, config, source_epoch(root), head[0] if head else None)


@dataclass(frozen=True)
class Outcome:
    """One pack's build: the archive written (`archive`, relative to the root where it can be), or
    why not (`error`, one line) with its exit code."""

    pack: str
    archive: str | None = None
    size: int = 0
    digest: str = ""
    members: int = 0
    summary: str = ""
    error: str | None = None
    exit_code: int = 0


def archive_bytes(directory: Path, source: Source, options: Options) -> tuple[str, bytes, dict]:
    """(file name, zip bytes, manifest) of the pack in `directory`; GateFailed when a gate refuses it."""
    root, config = source.root, source.config
    gates.lint_gate(directory, root, config)
    pack = valid_pack(directory, root, config)
    reports = gates.i18n_gate(directory, root, config)
    result = gates.dry_run_gate(pack, options.allow_unsupported, options.validator_timeout)
    locales = locale_entries(_tag(pack.source_locale), reports)
    found = {
        **members.pack_files(pack, root),
        **members.content(pack, root, config, list(locales)),
        **members.catalogs(pack, root, config, [r.locale for r in reports if r.exists]),
        **members.diagrams(pack, root, config),
    }
    data = manifest(pack, locales, result, source.commit, found)
    found[NAME] = members.json_bytes(data)
    return archive_name(pack.id, pack.version), zip_bytes(found, source.epoch), data


def build_pack(directory: Path, source: Source, options: Options) -> Outcome:
    """Build one pack and write its archive; a refused pack is an Outcome with its error, not a raise."""
    try:
        name, data, made = archive_bytes(directory, source, options)
        target = options.out_dir / name
        write_atomic_bytes(target, data)
    except McxError as exc:
        return Outcome(directory.name, error=str(exc), exit_code=exc.exit_code)
    summary = ", ".join(f"{n} {s}" for s, n in made["dry_run"].items() if n)
    return Outcome(made["id"], display_path(target.resolve(), source.root), len(data), sha256(data),
                   len(made["files"]) + 1, summary)


def build_packs(directories: list[Path], source: Source, options: Options, jobs: int = 1,
                progress: Callable[[Outcome, int, int], None] | None = None) -> list[Outcome]:
    """Build each pack, `jobs` at a time in separate processes; `progress(outcome, done, total)` as
    each finishes. The outcomes come back in the order of `directories`."""
    outcomes: dict[Path, Outcome] = {}

    def finished(directory: Path, outcome: Outcome) -> None:
        outcomes[directory] = outcome
        if progress:
            progress(outcome, len(outcomes), len(directories))

    if jobs <= 1 or len(directories) <= 1:
        for directory in directories:
            finished(directory, build_pack(directory, source, options))
    else:
        _preload()
        with ProcessPoolExecutor(max_workers=min(jobs, len(directories))) as pool:
            futures = {pool.submit(build_pack, d, source, options): d for d in directories}
            for future in as_completed(futures):
                finished(futures[future], future.result())
    return [outcomes[d] for d in directories]


def _preload() -> None:
    """Import the dry-run's and the diagrams' libraries once, before the workers fork, so that each
    worker starts with them instead of paying the imports (about a second) again."""
    from .. import diagram, i18n, runtime  # noqa: F401

    try:
        import boto3  # noqa: F401
        from moto import mock_aws  # noqa: F401
    except ImportError:  # the dry-run gate says so, in each worker, as one line
        pass


def _tag(tag: str) -> str:
    from ..i18n import locale_tag

    return locale_tag(tag)
