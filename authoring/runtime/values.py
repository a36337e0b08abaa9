"""Values a step sends and reads: placeholders filled, `$asset`/`$zip` files read from inside the pack,
and JMESPath with the pack format's `from_json()`."""

from __future__ import annotations

import io
import json
import zipfile
from functools import lru_cache
from pathlib import Path
from typing import Any

import jmespath
from jmespath import functions

from ..errors import InputError
from ..placeholders import PATTERN
from ..files import read_regular
from ..project import MAX_VALIDATOR_BYTES, pack_file, zip_tree

ZIP_EPOCH = (1980, 1, 1, 0, 0, 0)  # fixed entry times: the same files give the same archive


class StepError(Exception):
    """A step cannot be sent as written (an unknown placeholder, a file outside the pack): the pack's fault."""


class _Functions(functions.Functions):
    @functions.signature({"types": ["string", "null"]})
    def _func_from_json(self, text):
        if text is None:
            return None
        try:
            return json.loads(text)
        except ValueError:
            return None


_OPTIONS = jmespath.Options(custom_functions=_Functions())


@lru_cache(maxsize=4096)
def _compiled(expression: str):
    return jmespath.compile(expression)


def search(expression: str, data: Any) -> Any:
    """The value of a JMESPath `expression` (placeholders already filled) over `data`."""
    try:
        return _compiled(expression).search(data, options=_OPTIONS)
    except jmespath.exceptions.JMESPathError as exc:
        raise StepError(f"JMESPath `{expression}`: {exc}") from None


def fill_text(text: str, variables: dict[str, Any]) -> str:
    """`text` with its placeholders replaced; `{{name}}` stays a literal `{name}`."""

    def replace(match) -> str:
        if match.group(1):
            return "{" + match.group(1) + "}"
        name = match.group(2)
        if name not in variables:
            raise StepError(f"unknown placeholder `{{{name}}}`")
        value = variables[name]
        return value if isinstance(value, str) else json.dumps(value, default=str)

    return PATTERN.sub(replace, text) if "{" in text else text


def fill_known(text: str, variables: dict[str, Any], unknown: str) -> str:
    """`text` with every placeholder whose value is known filled, and `unknown` for the others (a save
    its step never made, or null): for messages a person reads, where a raw `{name}` means nothing."""

    def replace(match) -> str:
        if match.group(1):
            return "{" + match.group(1) + "}"
        value = variables.get(match.group(2))
        if value is None:
            return unknown
        return value if isinstance(value, str) else json.dumps(value, default=str)

    return PATTERN.sub(replace, text) if "{" in text else text


def fill(value: Any, variables: dict[str, Any], files: "PackFiles | None" = None) -> Any:
    """A params-like value with placeholders filled; a string that is one whole placeholder takes the
    variable's own value (a saved number stays a number); `$asset`/`$zip` become bytes when `files` is
    given."""
    if isinstance(value, str):
        match = PATTERN.fullmatch(value)
        if match and match.group(2):
            if match.group(2) not in variables:
                raise StepError(f"unknown placeholder `{value}`")
            return variables[match.group(2)]
        return fill_text(value, variables)
    if isinstance(value, dict):
        if files is not None and len(value) == 1:
            key, target = next(iter(value.items()))
            if key in ("$asset", "$zip") and isinstance(target, str):
                return files.asset(target) if key == "$asset" else files.zipped(target)
        return {k: fill(v, variables, files) for k, v in value.items()}
    if isinstance(value, list):
        return [fill(v, variables, files) for v in value]
    return value


class PackFiles:
    """The pack's `$asset` and `$zip` files, confined to the pack directory, each read once per run."""

    def __init__(self, directory: Path):
        self.directory = directory.resolve()
        self._cache: dict[tuple[str, str], bytes] = {}

    def python_source(self, relative: str) -> tuple[Path, bytes]:
        """The `python:` file `relative` names, as lint accepts it, and its bytes (bounded as lint reads
        them), or StepError."""
        path = self._file("python", relative)
        try:
            return path, read_regular(path, MAX_VALIDATOR_BYTES, relative, what="a validator file")
        except InputError as exc:
            raise StepError(exc.message) from None

    def asset(self, relative: str) -> bytes:
        key = ("$asset", relative)
        if key not in self._cache:
            self._cache[key] = self._file("$asset", relative).read_bytes()
        return self._cache[key]

    def zipped(self, relative: str) -> bytes:
        key = ("$zip", relative)
        if key not in self._cache:
            self._cache[key] = self._zip(self._file("$zip", relative))
        return self._cache[key]

    def _file(self, kind: str, relative: str) -> Path:
        """The file lint's path-escape and missing-file rules accept (project.pack_file), or StepError."""
        try:
            return pack_file(self.directory, kind, relative)
        except InputError as exc:
            raise StepError(exc.message) from None

    def _zip(self, path: Path) -> bytes:
        entries = zip_tree(self.directory, path).files if path.is_dir() else [(path, path.name)]
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
            for real, name in entries:
                info = zipfile.ZipInfo(name, ZIP_EPOCH)
                info.external_attr = 0o644 << 16
                archive.writestr(info, real.read_bytes(), zipfile.ZIP_DEFLATED)
        return buffer.getvalue()
