"""Look-ups in botocore's bundled service models: services, operations, shapes. No network."""

from __future__ import annotations

import difflib
from functools import cached_property

from botocore import xform_name
from botocore.exceptions import DataNotFoundError
from botocore.loaders import create_loader
from botocore.model import OperationModel, ServiceModel


class ServiceCatalog:
    """botocore's bundled models, loaded lazily and cached for the whole run.

    Uses botocore's data loader directly rather than a Session: a Session imports the client
    and documentation machinery, which costs about 100 ms that lint never needs.
    """

    def __init__(self) -> None:
        self._loader = create_loader()
        self._models: dict[str, ServiceModel | None] = {}
        self._methods: dict[str, dict[str, str]] = {}

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

    def close_services(self, name: str) -> list[str]:
        return difflib.get_close_matches(name, sorted(self.services), n=1, cutoff=0.6)

    def close_methods(self, service: str, method: str) -> list[str]:
        """The likeliest intended method: spelling first, then shared words
        (`get_website_configuration` -> `get_bucket_website`, which shares `get` and `website`)."""
        methods = sorted(self.methods(service))
        words = method.split("_")

        def same(a: str, b: str) -> bool:  # `config` and `configuration` are one word here
            return a == b or (min(len(a), len(b)) >= 4 and (a.startswith(b) or b.startswith(a)))

        def score(candidate: str) -> float:
            theirs = candidate.split("_")
            shared = sum(1 for w in words if any(same(w, t) for t in theirs))
            overlap = shared / (len(words) + len(theirs) - shared)
            return 3 * overlap + difflib.SequenceMatcher(None, method, candidate).ratio()

        best = max(methods, key=score, default=None)
        return [best] if best is not None and score(best) >= 1.8 else []
