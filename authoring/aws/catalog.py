"""Look-ups in botocore's bundled service models: services, operations, shapes. No network."""

from __future__ import annotations

from functools import cached_property

from botocore import xform_name
from botocore.exceptions import DataNotFoundError
from botocore.loaders import create_loader
from botocore.model import OperationModel, ServiceModel

from ..text import closest, similarity


# Error codes the S3 API reference documents ("Error responses") but botocore's model never declares,
# for the "this must be gone" checks validators make most; without them every such check would warn.
UNDECLARED_ERRORS = {
    "s3": {
        "NoSuchBucketPolicy", "NoSuchWebsiteConfiguration", "NoSuchCORSConfiguration", "NoSuchTagSet",
        "NoSuchLifecycleConfiguration", "NoSuchPublicAccessBlockConfiguration", "OwnershipControlsNotFoundError",
        "ServerSideEncryptionConfigurationNotFoundError", "ReplicationConfigurationNotFoundError",
        "NoSuchBucket", "NoSuchKey", "AccessDenied",
    },
}


class ServiceCatalog:
    """botocore's bundled models, loaded lazily and cached for the whole run.

    Uses botocore's data loader directly rather than a Session: a Session imports the client
    and documentation machinery, which costs about 100 ms that lint never needs.
    """

    def __init__(self) -> None:
        self._loader = create_loader()
        self._models: dict[str, ServiceModel | None] = {}
        self._methods: dict[str, dict[str, str]] = {}
        self._service_errors: dict[str, frozenset[str]] = {}

    @cached_property
    def services(self) -> frozenset[str]:
        """Every service name; listing them reads hundreds of directories, so only for suggestions."""
        return frozenset(self._loader.list_available_services("service-2"))

    def knows(self, service: str) -> bool:
        return self.model(service) is not None

    def model(self, service: str) -> ServiceModel | None:
        if service not in self._models:
            model = None
            if service and "/" not in service and not service.startswith("."):
                try:
                    data = self._loader.load_service_model(service, "service-2")
                except DataNotFoundError:
                    data = None
                if data is not None:
                    model = ServiceModel(data, service_name=service)
            self._models[service] = model
        return self._models[service]

    def methods(self, service: str) -> dict[str, str]:
        """boto3 client method name -> API operation name."""
        if service not in self._methods:
            model = self.model(service)
            names = model.operation_names if model else []
            self._methods[service] = {xform_name(name): name for name in names}
        return self._methods[service]

    def operation(self, service: str, method: str) -> OperationModel | None:
        name = self.methods(service).get(method)
        model = self.model(service)
        return model.operation_model(name) if name and model else None

    def service_error_codes(self, service: str) -> frozenset[str]:
        """Every error code that some operation of the service declares."""
        if service not in self._service_errors:
            model = self.model(service)
            codes: set[str] = set()
            for name in model.operation_names if model else []:
                codes |= error_codes(model.operation_model(name))
            self._service_errors[service] = frozenset(codes | UNDECLARED_ERRORS.get(service, set()))
        return self._service_errors[service]

    def closest_service(self, name: str) -> str | None:
        return closest(name, sorted(self.services), cutoff=0.6)

    def deprecated(self, service: str, method: str) -> bool:
        operation = self.operation(service, method)
        return operation is not None and operation.deprecated

    def close_methods(self, service: str, method: str) -> list[str]:
        """The likeliest intended current method (never a deprecated one): a typo first, by edit
        distance (`get_function_configration`); else the most shared words (`get_website_configuration`
        -> `get_bucket_website`), ties going to the one that keeps the last word, since in AWS names
        the last word is the resource (`get_function_policy` -> `get_policy`, not `get_function`)."""
        methods = sorted(m for m in self.methods(service) if m != method and not self.deprecated(service, m))
        if not methods:
            return []
        typo_limit = max(1, min(3, len(method) // 8))
        distance, nearest = min((_edit_distance(method, m), m) for m in methods)
        if distance <= typo_limit:
            return [nearest]
        words = method.split("_")

        def rank(candidate: str) -> tuple:
            theirs = candidate.split("_")
            shared = sum(1 for w in words if any(_same_word(w, t) for t in theirs))
            overlap = shared / (len(words) + len(theirs) - shared)
            keeps_resource = _same_word(words[-1], theirs[-1])
            return overlap, keeps_resource, similarity(method, candidate)

        best = max(methods, key=rank)
        return [best] if rank(best)[0] >= 0.5 else []


def error_codes(operation: OperationModel) -> frozenset[str]:
    """The error codes the operation declares: shape names and, where the wire code differs (SQS's
    `AWS.SimpleQueueService.NonExistentQueue`), that code too."""
    return frozenset(code for shape in operation.error_shapes for code in (shape.name, shape.error_code) if code)


def _same_word(a: str, b: str) -> bool:
    """`config` and `configuration`, `notification` and `notifications` count as one word here."""
    return a == b or (min(len(a), len(b)) >= 4 and (a.startswith(b) or b.startswith(a)))


def _edit_distance(a: str, b: str) -> int:
    """Levenshtein distance: insertions, deletions and substitutions."""
    previous = list(range(len(b) + 1))
    for i, x in enumerate(a, 1):
        current = [i]
        for j, y in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (x != y)))
        previous = current
    return previous[-1]
