"""Shared by the simulation tests: clients whose every answer is checked against botocore's model."""

from __future__ import annotations

import pytest
from botocore.exceptions import ClientError
from botocore.stub import Stubber

from authoring.runtime.simulate import constraint_errors


def check_shape(client, method: str, response: dict) -> None:
    """botocore's Stubber validates a response against the output shape (types, required and unknown
    members); constraint_errors adds the enums, patterns and maximum lengths."""
    body = {k: v for k, v in response.items() if k != "ResponseMetadata"}
    stubber = Stubber(client)
    stubber.add_response(method, body)  # raises ParamValidationError when the answer breaks the shape
    operation = client.meta.service_model.operation_model(client.meta.method_to_api_mapping[method])
    assert constraint_errors(body, operation.output_shape) == [], (method, body)


def checked_client(account, service: str):
    """A client of `service` on the simulated account; every successful answer is shape-checked, and the
    operation names it answered are kept in `client.checked`."""
    client = account.factory(service)
    methods = {api: name for name, api in client.meta.method_to_api_mapping.items()}

    def validate(http_response=None, parsed=None, model=None, **_):
        if http_response.status_code < 300:
            check_shape(client, methods[model.name], parsed)
            client.checked.append(model.name)

    client.meta.events.register(f"after-call.{service}", validate)
    client.account, client.checked = account, []
    return client


def error_of(call, **params) -> tuple[str, int]:
    with pytest.raises(ClientError) as caught:
        call(**params)
    return caught.value.response["Error"]["Code"], caught.value.response["ResponseMetadata"]["HTTPStatusCode"]
