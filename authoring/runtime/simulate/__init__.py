"""The simulation of AWS operations moto lacks, installed into moto only while the dry-run's in-process
account (`MotoAccount`) is open — never for `check`, whose clients reach a real account or a server.

How the seam works (one module per service: `bedrock.py`; `bedrock_agent.py` is added the same way)
----------------------------------------------------------------------------------------------------
A module is written the way moto writes a service, so it can be offered to moto as is:

- records: `BaseModel` classes (`FakeGuardrail`), like the ones in `moto/<service>/models.py`;
- backend methods: a mixin class whose methods are written for moto's own backend class
  (`BedrockBackend`): `self` is moto's backend, the records live in an attribute of it (so the dry-run's
  snapshots save and restore them with the rest of moto's state), and moto's own operations see them
  (a guardrail's tags are in moto's `tagger`, its ARN in moto's `_list_arns`). A mixin method named like a
  private method of moto's backend (`_list_arns`) replaces it while installed, and calls moto's original;
- a response class: a subclass of moto's response class (`BedrockResponse`) with one method per
  operation, parameters parsed from botocore's model (`automated_parameter_parsing`), results returned as
  `ActionResult`, errors raised as `ServiceException`s whose `code` names an error shape of the service
  model, so moto's serializer gives the real HTTP status;
- `url_paths`: moto's `urls.py` patterns (`"{0}/guardrails$"`) for those routes;
- `SIMULATION`: a `Simulation` naming all of the above and the moto modules they extend.

Overrides: an operation moto implements but answers unlike AWS (moto's `create_agent` marks a new agent
`PREPARED` at once) is named in the `Simulation`'s `overrides`, with the reason in the module's docstring.
The simulation answers it although moto implements it, and the mixin's method of that name replaces
moto's backend method while installed. This is explicit, unlike hooking a private method of moto's, which
moto may rename or stop calling without notice: the test of the installed moto checks that each override
is still implemented by moto and still answers unlike AWS, so it is removed once moto is fixed.

`install()` adds the mixin's methods to moto's backend class and puts the module's URL patterns in front
of moto's own for that service (moto's bedrock routes start with a catch-all), and undoes both on exit.
Each request on those routes is matched to its operation by moto's own router: an operation moto
implements itself (its response class has the method) goes to moto — the simulation steps aside for it,
overrides excepted — and every other one to the simulation, which records it (`take_recorded()`), so the report can say which
results were simulated. `tests/test_simulate_*.py` fail loudly when moto starts implementing a simulated
operation, and validate every simulated response against botocore's output shape.

To add a service: write `<service>.py` with the four parts and a `SIMULATION`, list it in `simulations()`
below, and add its tests (shapes, errors, state) beside `tests/test_simulate_bedrock.py`.
"""

from __future__ import annotations

import re
from contextlib import contextmanager
from dataclasses import dataclass
from types import ModuleType
from typing import Any, Callable, Iterator

_recorded: set[str] = set()  # `bedrock:GetGuardrail`, for each operation the simulation answered


@dataclass(frozen=True)
class Simulation:
    """One service's simulation, and the moto modules it extends."""

    service: str  # botocore's service name (`bedrock`), as in `bedrock:GetGuardrail`
    moto_urls: ModuleType  # moto's `urls.py` for the service, whose `url_paths` the simulation's go in front of
    moto_backend: type  # moto's backend class, which gains the mixin's methods
    backend_mixin: type  # methods written for `moto_backend`
    response: type  # a subclass of moto's response class, one method per simulated operation
    url_paths: dict[str, Callable]  # moto style: `"{0}/guardrails$": Response.dispatch`
    overrides: frozenset[str] = frozenset()  # operations moto implements unlike AWS, answered by the simulation

    @property
    def moto_response(self) -> type:
        return self.response.__mro__[1]

    def operations(self) -> set[str]:
        """The API names (`GetGuardrail`) of the operations the response class answers."""
        return {name for name in _api_names(self.service) if _method(name) in vars(self.response)}

    def implemented_by_moto(self) -> set[str]:
        """The simulated operations moto answers itself (then the simulation steps aside for them), overrides
        excepted."""
        return self.moto_implements(self.operations()) - self.overrides

    def moto_implements(self, names: set[str] | frozenset[str]) -> set[str]:
        """Those of the API names whose method moto's response class has."""
        return {name for name in names if callable(getattr(self.moto_response, _method(name), None))}

    def offered(self) -> set[str]:
        return self.operations() - self.implemented_by_moto()


def simulations() -> list[Simulation]:
    """Every service's simulation (imports moto)."""
    from . import bedrock, bedrock_agent

    return [bedrock.SIMULATION, bedrock_agent.SIMULATION]


def simulated_operations() -> set[str]:
    """`bedrock:GetGuardrail`, ... for every operation the simulation answers with the installed moto."""
    return {f"{s.service}:{name}" for s in simulations() for name in s.offered()}


def take_recorded() -> list[str]:
    """The simulated operations answered since the last call, sorted; the record starts again."""
    found = sorted(_recorded)
    _recorded.clear()
    return found


@contextmanager
def install() -> Iterator[None]:
    """The simulation inside moto (in this process) for the duration of the `with`."""
    undo: list[Callable[[], None]] = []
    try:
        for simulation in simulations():
            undo.append(_extend_backend(simulation))
            undo.append(_route(simulation))
        yield
    finally:
        for step in reversed(undo):
            step()
        _recorded.clear()


def _extend_backend(simulation: Simulation) -> Callable[[], None]:
    target, moto_has = simulation.moto_backend, simulation.implemented_by_moto()
    overridden = set(map(_method, simulation.overrides))
    names = [n for n in vars(simulation.backend_mixin) if not n.startswith("__")]
    names = [n for n in names if n.startswith("_") or n in overridden
             or not hasattr(target, n) and n not in map(_method, moto_has)]
    saved = {n: vars(target)[n] for n in names if n in vars(target)}
    for name in names:
        setattr(target, name, vars(simulation.backend_mixin)[name])

    def undo() -> None:
        for name in names:
            if name in saved:
                setattr(target, name, saved[name])
            else:
                delattr(target, name)
    return undo


def _route(simulation: Simulation) -> Callable[[], None]:
    """The simulation's URL patterns in front of moto's (same dict object: moto reads it per request)."""
    paths = simulation.moto_urls.url_paths
    saved = dict(paths)
    handler = _handler(simulation)
    ours = {pattern: handler for pattern in simulation.url_paths}
    paths.clear()
    paths.update(ours)
    paths.update({k: v for k, v in saved.items() if k not in ours})

    def undo() -> None:
        paths.clear()
        paths.update(saved)
    return undo


def _handler(simulation: Simulation) -> Callable:
    from moto.core.routing import get_service_router

    router = get_service_router(simulation.service)
    offered = simulation.offered()

    def dispatch(request: Any, full_url: str, headers: Any) -> Any:
        operation, _ = router.match(request)
        if operation.name in offered:
            _recorded.add(f"{simulation.service}:{operation.name}")
            return simulation.response.dispatch(request, full_url, headers)
        return simulation.moto_response.dispatch(request, full_url, headers)
    return dispatch


def _api_names(service: str) -> list[str]:
    import botocore.session

    return list(botocore.session.get_session().get_service_model(service).operation_names)


def _method(api_name: str) -> str:
    from botocore import xform_name

    return xform_name(api_name)


# --- request constraints botocore leaves to the service -------------------------------------------

def constraint_errors(params: Any, shape: Any, path: str = "") -> list[str]:
    """What the service would refuse in `params` that botocore's client-side validation lets through:
    a string longer than its `max`, not matching its `pattern` (whole string), or outside its `enum`;
    a list longer than its `max`. Walks the input shape like botocore's ParamValidator."""
    kind = shape.type_name
    if kind == "structure" and isinstance(params, dict):
        return [e for name, member in shape.members.items() if name in params
                for e in constraint_errors(params[name], member, f"{path}/{name}")]
    if kind == "list" and isinstance(params, list):
        errors = _too_long(params, shape, path, "length")
        return errors + [e for i, item in enumerate(params) for e in constraint_errors(item, shape.member, f"{path}/{i}")]
    if kind == "map" and isinstance(params, dict):
        return [e for key, value in params.items() for e in constraint_errors(value, shape.value, f"{path}/{key}")]
    if kind == "string" and isinstance(params, str):
        errors = _too_long(params, shape, path, "length")
        if shape.enum and params not in shape.enum:
            errors.append(f"Value at '{path}' failed to satisfy constraint: Member must satisfy enum value set: "
                          f"[{', '.join(shape.enum)}]")
        pattern = shape.metadata.get("pattern")
        if pattern and not re.fullmatch(pattern, params, re.DOTALL):
            errors.append(f"Value at '{path}' failed to satisfy constraint: Member must satisfy regular "
                          f"expression pattern: {pattern}")
        return errors
    return []


def _too_long(value: Any, shape: Any, path: str, what: str) -> list[str]:
    limit = shape.metadata.get("max")
    if limit is not None and len(value) > limit:
        return [f"Value at '{path}' failed to satisfy constraint: Member must have {what} less than or equal to {limit}"]
    return []
