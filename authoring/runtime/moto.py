"""An in-process moto account for dry-run: clients that reach it, with the simulation of the operations
moto lacks (`simulate/`) installed, and its whole state saved and restored in milliseconds, so setup and
dependency chains are replayed once per run, not once per scenario."""

from __future__ import annotations

import copy
import copyreg
import os
import threading
from contextlib import contextmanager
from typing import Any, Iterator

ACCOUNT_ID = "123456789012"  # moto's default account
_FAKE_CREDENTIALS = {"AWS_ACCESS_KEY_ID": "testing", "AWS_SECRET_ACCESS_KEY": "testing", "AWS_SESSION_TOKEN": "testing"}
_LOCK_TYPES = (type(threading.Lock()), type(threading.RLock()))


class MotoAccount:
    """moto's backends for the duration of a `with`; `factory` makes clients that reach them."""

    def __init__(self, region: str):
        self.region = region
        self.account_id = ACCOUNT_ID
        self._mock = None
        self._simulation = None
        self._session = None
        self._saved_env: dict[str, str | None] = {}

    def __enter__(self) -> "MotoAccount":
        for name, value in _FAKE_CREDENTIALS.items():  # never a real profile, even by accident
            self._saved_env[name] = os.environ.get(name)
            os.environ[name] = value
        import boto3
        from moto import mock_aws

        self._mock = mock_aws(config={"core": {"reset_boto3_session": False}})
        self._mock.start()
        from .simulate import install

        self._simulation = install()
        self._simulation.__enter__()
        self._session = boto3.Session(region_name=self.region, **{k.lower(): v for k, v in _FAKE_CREDENTIALS.items()})
        return self

    def __exit__(self, *exc_info) -> None:
        self._simulation.__exit__(*exc_info)
        self._mock.stop()
        for name, value in self._saved_env.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value

    def factory(self, service: str) -> Any:
        return self._session.client(service, region_name=self.region)

    def simulated(self) -> list[str]:
        """The simulated operations (`bedrock:GetGuardrail`) answered since the last call."""
        from .simulate import take_recorded

        return take_recorded()

    def snapshot(self) -> "Snapshot":
        return Snapshot.take()

    def restore(self, snapshot: "Snapshot") -> None:
        snapshot.restore()


class Snapshot:
    """Every moto backend's state at one moment, deep-copied in one pass (objects shared between
    backends stay shared). Backends created after it are reset on restore."""

    def __init__(self, states: list[tuple[Any, dict]]):
        self._states = states

    @staticmethod
    def _backends() -> list[Any]:
        from moto.core.base_backend import BackendDict

        return [b for d in list(BackendDict._instances) for _, _, b in d.iter_backends()]

    @classmethod
    def take(cls) -> "Snapshot":
        backends = cls._backends()
        with _copyable_locks():
            dicts = copy.deepcopy([b.__dict__ for b in backends])
        return cls(list(zip(backends, dicts)))

    def restore(self) -> None:
        known = {id(b) for b, _ in self._states}
        for backend in self._backends():
            if id(backend) not in known:
                backend.reset()
        with _copyable_locks():
            dicts = copy.deepcopy([d for _, d in self._states])
        for (backend, _), state in zip(self._states, dicts):
            backend.__dict__ = state


@contextmanager
def _copyable_locks() -> Iterator[None]:
    """A lock inside a backend (SQS queues hold one) is copied as a new, unlocked lock."""
    saved = {t: copyreg.dispatch_table.get(t) for t in _LOCK_TYPES}
    copyreg.pickle(_LOCK_TYPES[0], lambda lock: (threading.Lock, ()))
    copyreg.pickle(_LOCK_TYPES[1], lambda lock: (threading.RLock, ()))
    try:
        yield
    finally:
        for kind, previous in saved.items():
            if previous is None:
                copyreg.dispatch_table.pop(kind, None)
            else:
                copyreg.dispatch_table[kind] = previous
