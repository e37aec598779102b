"""Contract fuzzing: schemathesis drives every operation of the OpenAPI document.

Signed in as a bench member over the `small` data set, each operation gets generated
valid and invalid requests. Whatever it sends, the API must answer without a 5xx, with a
status and a body its own document declares, and every error in the envelope of
DESIGN.md §5.3.
"""

from typing import Any

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from schemathesis import APIOperation, Case, CheckContext, Response
from schemathesis.checks import not_a_server_error
from schemathesis.core.result import Err
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from reloop.app import create_app
from reloop.config import Settings
from tests.contract.conftest import ContractServer, Fuzzer

# The document the app serves, read from the app itself: the operations are known when
# pytest collects them, before the server they are sent to starts.
schema = schemathesis.openapi.from_dict(create_app(Settings()).openapi())


def error_envelope(ctx: CheckContext, response: Response, case: Case[Any]) -> bool | None:
    """Every 4xx and 5xx with a JSON body is `{"error": {code, message, request_id, ...}}`."""
    if response.status_code < 400 or "json" not in response.headers.get("content-type", [""])[0]:
        return None
    body: Any = response.json()
    error = body.get("error") if isinstance(body, dict) else None
    assert isinstance(error, dict), f"error without the envelope: {body!r}"
    assert isinstance(error.get("code"), str), f"error without a code: {body!r}"
    assert isinstance(error.get("message"), str), f"error without a message: {body!r}"
    assert error.get("request_id"), f"error without a request id: {body!r}"
    return True


CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
    error_envelope,
]


def _operations() -> dict[str, APIOperation[Any, Any, Any, Any]]:
    """Every operation of the document; one that schemathesis cannot read fails the run."""
    found = {}
    for result in schema.get_all_operations():
        if isinstance(result, Err):
            raise result.err()
        found[result.ok().label] = result.ok()
    return found


OPERATIONS = _operations()


def _timeout(operation: APIOperation[Any, Any, Any, Any]) -> tuple[float, float]:
    """(connect, read) seconds; an event stream is read for two seconds, then let go."""
    streams = any(
        "text/event-stream" in (response.definition or {}).get("content", {})
        for response in operation.responses.iter_successful_responses()
    )
    return (10.0, 2.0) if streams else (10.0, 30.0)


@pytest.mark.timeout(600)
@pytest.mark.parametrize("operation", sorted(OPERATIONS))
def test_every_operation_answers_within_its_contract(
    operation: str, contract_server: ContractServer, fuzzer: Fuzzer
) -> None:
    @given(case=OPERATIONS[operation].as_strategy())
    @settings(
        max_examples=10,
        deadline=None,
        database=None,
        derandomize=True,
        suppress_health_check=list(HealthCheck),
    )
    def exchange(case: Case[Any]) -> None:
        try:
            case.call_and_validate(
                base_url=contract_server.base_url,
                headers=fuzzer.headers(),
                checks=CHECKS,
                timeout=_timeout(OPERATIONS[operation]),
            )
        finally:
            fuzzer.after(operation)

    exchange()
