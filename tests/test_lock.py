"""The committed lock covers every dependency pyproject.toml names, each pinned to one version with hashes."""

from __future__ import annotations

import os
import re
import tomllib

import pytest
from conftest import TESTS

REPO = TESTS.parent
LOCK = REPO / "requirements.txt"
PIN = re.compile(r"^([A-Za-z0-9][A-Za-z0-9._-]*)==(\S+)(?:\s*;[^\\]*)?\s*\\$")


def normalize(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def requirement_name(spec: str) -> str:
    return normalize(re.split(r"[\s\[<>=!~;]", spec, maxsplit=1)[0])


def declared() -> set[str]:
    project = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    specs = list(project["dependencies"])
    for extra in project["optional-dependencies"].values():
        specs += extra
    return {requirement_name(s) for s in specs} | {"setuptools"}


def pins() -> dict[str, list[str]]:
    """name -> the lines of hashes under each `name==version` entry."""
    found: dict[str, list[str]] = {}
    current = None
    for line in LOCK.read_text(encoding="utf-8").splitlines():
        match = PIN.match(line)
        if match:
            current = normalize(match.group(1))
            found.setdefault(current, [])
        elif current and line.strip().startswith("--hash=sha256:"):
            found[current].append(line.strip())
        elif not line.startswith(" "):
            current = None
    return found


@pytest.mark.parametrize("name", sorted(declared()))
def test_every_declared_dependency_is_pinned_in_the_lock(name):
    assert name in pins(), f"{name} is in pyproject.toml but not in {LOCK.name}; run `make lock`"


def test_every_pinned_package_has_a_sha256_hash():
    unhashed = [name for name, hashes in pins().items() if not hashes]
    assert unhashed == []


def test_lock_has_no_unpinned_or_editable_line():
    loose = [
        line for line in LOCK.read_text(encoding="utf-8").splitlines()
        if line and not line.startswith((" ", "#")) and not PIN.match(line)
    ]
    assert loose == []


PIN_WITH_MARKER = re.compile(r"^([A-Za-z0-9][A-Za-z0-9._-]*)==(\S+)\s*(?:;\s*([^\\]*?))?\s*\\$")


@pytest.mark.skipif(bool(os.environ.get("MCX_UNLOCKED")), reason="make test-latest runs without the lock on purpose")
def test_the_environment_holds_exactly_the_locked_versions():
    """What the tests run against is what the lock says, so a fresh machine gets the versions tested."""
    from importlib.metadata import PackageNotFoundError, version

    from packaging.markers import Marker

    wrong = []
    for line in LOCK.read_text(encoding="utf-8").splitlines():
        match = PIN_WITH_MARKER.match(line)
        if not match or (match.group(3) and not Marker(match.group(3)).evaluate()):
            continue
        name, pinned = match.group(1), match.group(2)
        try:
            installed = version(name)
        except PackageNotFoundError:
            installed = "missing"
        if installed != pinned:
            wrong.append(f"{name}: locked {pinned}, installed {installed}")
    assert wrong == [], "run `make test` (it rebuilds .venv from the lock)"
