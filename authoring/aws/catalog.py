"""Look-ups in botocore's bundled service models: services, operations, shapes. No network."""

from __future__ import annotations

import difflib
from functools import cached_property

import botocore.session
from botocore import xform_name
from botocore.model import OperationModel, ServiceModel


class ServiceCatalog:
    """One botocore session's models, loaded lazily and cached for the whole run."""

    def __init__(self) -> None:
        self._session = botocore.session.get_session()
        self._models: dict[str, ServiceModel | None] = {}
        self._methods: dict[str, dict[str, str]] = {}

    @cached_property
    def services(self) -> frozenset[str]:
        return frozenset(self._session.get_available_services())

    def model(self, service: str) -> ServiceModel | None:
        if service not in self._models:
            self._models[service] = (
                self._session.get_service_model(service) if service in self.services else None
            )
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
        return difflib.get_close_matches(method, sorted(self.methods(service)), n=1, cutoff=0.6)
