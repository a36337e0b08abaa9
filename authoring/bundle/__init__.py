"""Distribution: a pack built into a reproducible, verifiable `.mcxpack` archive, and the checks an
importer runs on one.

Public API (commands import from here):
- `Source.of(root, config)`, `Options(out_dir, allow_unsupported, validator_timeout)`,
  `build_packs(dirs, source, options, jobs, progress)` -> `Outcome`s; `build_pack`, `archive_bytes`
- `GateFailed`: a pack refused by lint, i18n or the dry-run
- `verify_archive(path)` -> `VerifyProblem`s (none: intact); `Limits`
- `SCHEMA`, `SUFFIX`, `archive_name(id, version)`, `source_epoch(root)`
- `publish(paths, Target.of(bucket, prefix, ...), dry_run)` -> `PublishReport`; `INDEX_SCHEMA`, `latest(versions)`
- `list_packs(dirs, root, build_dir)` -> `Listed`s; `matrix(listed)` (the `ls --format json` document)
"""

from __future__ import annotations

from .archive import SUFFIX, archive_name, source_epoch
from .build import Options, Outcome, Source, archive_bytes, build_pack, build_packs
from .gates import GateFailed
from .listing import Listed, list_packs, matrix
from .manifest import SCHEMA
from .publish import INDEX_SCHEMA, Target, latest, publish
from .publish import Report as PublishReport
from .verify import Limits, VerifyProblem, verify_archive

__all__ = [
    "SUFFIX", "archive_name", "source_epoch", "Options", "Outcome", "Source", "archive_bytes", "build_pack",
    "build_packs", "GateFailed", "SCHEMA", "Limits", "VerifyProblem", "verify_archive", "INDEX_SCHEMA", "Target",
    "latest", "publish", "PublishReport", "Listed", "list_packs", "matrix",
]
