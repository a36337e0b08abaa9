"""Python validators (`python: validators/site.py:function`): loaded from inside the pack, given read-only
clients and the variables, stopped when they run past their time limit."""

from __future__ import annotations

import ctypes
import threading
from dataclasses import dataclass
from typing import Any, Callable

from botocore.exceptions import ClientError

from .clients import Clients, MutatingCallRefused
from .values import PackFiles, StepError

DEFAULT_TIMEOUT = 10.0


class ValidatorContext:
    """What a Python validator gets: `ctx.client(service)` (read-only) and `ctx.variables`."""

    def __init__(self, clients: Clients, variables: dict[str, Any]):
        self._clients = clients
        self.variables = dict(variables)

    def client(self, service: str) -> Any:
        return self._clients.reader(service)


@dataclass(frozen=True)
class PythonResult:
    passed: bool
    detail: str = ""
    unsupported: str | None = None  # `service:Operation` the endpoint lacks


class ValidatorStopped(BaseException):
    """Raised inside a validator's thread when it ran past its time limit (BaseException: `except
    Exception` in the validator does not swallow it)."""


class PythonValidators:
    """Loads each validator file once per run (a fresh module namespace, never `sys.modules`)."""

    def __init__(self, files: PackFiles):
        self.files = files
        self._modules: dict[str, dict] = {}

    def function(self, spec: str) -> Callable:
        relative, _, name = spec.rpartition(":")
        if not relative or not name:
            raise StepError(f"`{spec}` is not `file.py:function`")
        if relative not in self._modules:
            self._modules[relative] = self._load(relative)
        function = self._modules[relative].get(name)
        if not callable(function):
            raise StepError(f"`{relative}` defines no function `{name}`")
        return function

    def _load(self, relative: str) -> dict:
        path, source = self.files.python_source(relative)  # checked as lint checks it: project.pack_file
        namespace = {"__name__": f"mcx_validator_{len(self._modules)}", "__file__": str(path)}
        try:
            exec(compile(source, str(path), "exec"), namespace)  # noqa: S102 - the pack's own code
        except Exception as exc:  # noqa: BLE001 - a broken file fails its validators, never the run
            raise StepError(f"`{relative}` cannot be loaded: {_one_line(exc)}") from None
        return namespace


def run_python(function: Callable, ctx: ValidatorContext, timeout: float) -> PythonResult:
    """Call the validator in a thread; past `timeout` seconds it is interrupted and abandoned."""
    outcome: dict[str, Any] = {}

    def target() -> None:
        try:
            outcome["value"] = function(ctx)
        except BaseException as exc:  # noqa: BLE001 - whatever it raises is its failure
            outcome["error"] = exc

    thread = threading.Thread(target=target, name="mcx-python-validator", daemon=True)
    thread.start()
    thread.join(timeout)
    if thread.is_alive():
        ctypes.pythonapi.PyThreadState_SetAsyncExc(ctypes.c_ulong(thread.ident), ctypes.py_object(ValidatorStopped))
        thread.join(0.5)
        return PythonResult(False, f"ran past its time limit of {timeout:g} s and was stopped")
    if "error" in outcome:
        return _raised(outcome["error"])
    return _returned(outcome.get("value"))


def _raised(exc: BaseException) -> PythonResult:
    if isinstance(exc, MutatingCallRefused):
        return PythonResult(False, str(exc))
    if isinstance(exc, NotImplementedError):
        return PythonResult(False, f"raised NotImplementedError: {_one_line(exc)}", unsupported=_not_implemented(exc))
    if isinstance(exc, ClientError):
        code = exc.response.get("Error", {}).get("Code", "")
        return PythonResult(False, f"{exc.operation_name} failed with {code}: {_one_line(exc.response.get('Error', {}).get('Message', ''))}")
    return PythonResult(False, f"raised {type(exc).__name__}: {_one_line(exc)}" if str(exc) else f"raised {type(exc).__name__}")


def _not_implemented(exc: BaseException) -> str:
    # moto: "The get_guardrail action has not been implemented"
    words = str(exc).split()
    return words[1] if len(words) > 1 and words[0] == "The" else "unknown operation"


def _returned(value: Any) -> PythonResult:
    if value is True:
        return PythonResult(True)
    if value is False:
        return PythonResult(False, "returned False")
    if isinstance(value, tuple) and len(value) == 2 and isinstance(value[0], bool):
        return PythonResult(value[0], "" if value[0] else _one_line(value[1]))
    return PythonResult(False, f"returned {value!r:.80}; a validator returns True, False or (False, detail)")


def _one_line(value: Any) -> str:
    return " ".join(str(value).split())
