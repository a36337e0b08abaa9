"""Clients for steps and validators from a caller's factory, validator clients made read-only by a
botocore event hook, and AWS errors sorted into failures and operations the endpoint lacks."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable

from botocore.exceptions import BotoCoreError, ClientError

from ..aws.readonly import is_read_operation

ClientFactory = Callable[[str], Any]
"""service name (boto3's: `s3`, `apigateway`) -> a new botocore client; the caller decides where it
points (moto in-process, a moto server, a real account). Called at most twice per service per run."""


class MutatingCallRefused(Exception):
    """A validator's client was asked for a non-read operation; it was never sent."""

    def __init__(self, service: str, operation: str):
        super().__init__(f"refused mutating call {service}:{operation}")
        self.operation = f"{service}:{operation}"


def _refuse_writes(model=None, **_) -> None:
    service = model.service_model.service_name
    if not is_read_operation(service, model.name):
        raise MutatingCallRefused(service, model.name)


def make_read_only(client: Any) -> Any:
    """Register the guard on this client's own events (botocore copies the emitter per client), so it
    refuses every non-read operation before parameters are even built, wherever the call comes from."""
    client.meta.events.register_first("before-parameter-build", _refuse_writes)
    return client


class Clients:
    """Per run: one writing client and one read-only client per service, made on first use."""

    def __init__(self, factory: ClientFactory):
        self._factory = factory
        self._writers: dict[str, Any] = {}
        self._readers: dict[str, Any] = {}

    def writer(self, service: str) -> Any:
        if service not in self._writers:
            self._writers[service] = self._factory(service)
        return self._writers[service]

    def reader(self, service: str) -> Any:
        if service not in self._readers:
            self._readers[service] = make_read_only(self._factory(service))
        return self._readers[service]


@dataclass(frozen=True)
class CallFailure:
    """Why a call gave no response: an AWS error code, or an operation the endpoint does not implement."""

    operation: str  # `s3:PutBucketWebsite`
    code: str  # the AWS error code, or the exception's type for other failures
    message: str
    unsupported: bool = False

    @property
    def detail(self) -> str:
        if self.code == "Refused":
            return self.message
        if self.unsupported:
            return f"{self.operation} is not supported by the endpoint ({self.message})"
        return f"{self.operation} failed with {self.code}" + (f": {self.message}" if self.message else "")


# Codes moto answers for requests it has no route for, as opposed to a modelled "no such thing".
_NO_ROUTE_CODES = frozenset({"404", "NotFound", ""})
# Codes moto answers when it rejects parameters botocore's model accepted (S3_VECTORS storage).
_REJECTED_CODES = frozenset({"ValidationException"})


def operation_name(client: Any, method: str) -> str:
    """`s3:PutBucketWebsite` for the boto3 method `put_bucket_website` of an s3 client."""
    model = client.meta.service_model
    api = client.meta.method_to_api_mapping.get(method, method)
    return f"{model.service_name}:{api}"


def classify(exc: BaseException, client: Any, method: str, in_step: bool) -> CallFailure | None:
    """The failure an exception from a call stands for, or None when it is not a call failure (a bug)."""
    operation = operation_name(client, method)
    if isinstance(exc, NotImplementedError):
        return CallFailure(operation, "NotImplemented", _one_line(exc) or "not implemented", unsupported=True)
    if isinstance(exc, MutatingCallRefused):
        return CallFailure(exc.operation, "Refused", str(exc))
    if isinstance(exc, ClientError):
        error = exc.response.get("Error", {})
        code, message = str(error.get("Code", "")), _one_line(error.get("Message", ""))
        status = exc.response.get("ResponseMetadata", {}).get("HTTPStatusCode")
        if status == 404 and code in _NO_ROUTE_CODES and not _head(client, method) and not _declared(client, method, code):
            return CallFailure(operation, code, "no route for it: not implemented", unsupported=True)
        if in_step and code in _REJECTED_CODES:
            return CallFailure(operation, code, f"rejected as invalid although botocore's model accepts it: {message}",
                               unsupported=True)
        return CallFailure(operation, code or str(status), message)
    if isinstance(exc, BotoCoreError):
        return CallFailure(operation, type(exc).__name__, _one_line(exc))
    return None


def _head(client: Any, method: str) -> bool:
    """A HEAD answer has no body, so its 404 is always the bare code `404`: a real "not found"."""
    try:
        model = client.meta.service_model.operation_model(client.meta.method_to_api_mapping[method])
    except Exception:  # noqa: BLE001 - an unknown method
        return False
    return model.http.get("method") == "HEAD"


def _declared(client: Any, method: str, code: str) -> bool:
    try:
        model = client.meta.service_model.operation_model(client.meta.method_to_api_mapping[method])
    except Exception:  # noqa: BLE001 - an unknown method: nothing is declared
        return False
    return any(shape.name == code or shape.metadata.get("error", {}).get("code") == code for shape in model.error_shapes)


def _one_line(value: Any) -> str:
    return " ".join(str(value).split())
