"""manifest.json: what the archive is (pack, locales, tasks, dry-run summary, toolchain, source) and
the sha256 of every other member. Nothing in it depends on when, where or by whom it was built."""

from __future__ import annotations

import hashlib
from collections.abc import Mapping

from .. import __version__
from ..model import Pack

SCHEMA = "mcx-pack/v1"
NAME = "manifest.json"


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def manifest(pack: Pack, locales: dict, dry_run, commit: str | None, members: Mapping[str, bytes]) -> dict:
    """The manifest of `pack` with `locales` (tag -> completeness), the dry-run's PackResult, the source
    commit (None outside git) and the other members (path -> bytes)."""
    data = {
        "schema": SCHEMA,
        "id": pack.id,
        "version": pack.version,
        "title": pack.title,
        "level": pack.level,
        "duration_minutes": pack.duration_minutes,
        "passing_score": pack.passing_score,
        "source_locale": next(iter(locales)),
        "locales": locales,
        "tasks": [_task(task, dry_run) for task in pack.listed_tasks],
        "dry_run": {status: dry_run.count(status) for status in ("verified", "failed", "unsupported")},
        "toolchain": {"name": "mcx-author", "version": __version__},
    }
    if commit:
        data["source"] = {"commit": commit}
    data["files"] = {name: sha256(members[name]) for name in sorted(members)}
    return data


def _task(task, dry_run) -> dict:
    result = next((t for t in dry_run.tasks if t.id == task.id), None)
    return {
        "id": task.id,
        "title": task.title,
        "points": task.points,
        "estimated_minutes": task.estimated_minutes,
        "depends_on": list(task.depends_on),
        "dry_run": {
            "status": result.status if result else "unsupported",
            "unsupported": list(result.unsupported) if result else [],
            "simulated": list(result.simulated) if result else [],
        },
    }


def locale_entries(source: str, reports) -> dict:
    """tag -> completeness, the source locale first (complete by definition), then each declared locale
    as its i18n report found it."""
    entries = {source: {"source": True, "required": True, "percent": 100.0, "complete": True}}
    for report in reports:
        entries[report.locale] = {
            "source": False,
            "required": report.required,
            "percent": report.percent,
            "complete": report.translated == report.total,
            "gate": report.gate,
            "translated": report.translated,
            "total": report.total,
            "incomplete_units": list(report.incomplete_units),
            "catalog": report.exists,
        }
    return entries
