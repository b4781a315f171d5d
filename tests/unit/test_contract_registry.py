"""The contract registry: operations by id, path matching, idempotency, streams, error codes."""

from __future__ import annotations

from typing import Any

import pytest

from agentkit._contract import Contract, contract

ERROR = {"$ref": "#/components/responses/Error"}
KEY = {"$ref": "#/components/parameters/IdempotencyKey"}


def _ok(schema: str) -> dict[str, Any]:
    return {
        "description": "ok",
        "content": {"application/json": {"schema": {"$ref": f"#/components/schemas/{schema}"}}},
    }


def _document() -> dict[str, Any]:
    return {
        "openapi": "3.1.0",
        "info": {"title": "widgets", "version": "2.1.0"},
        "security": [{"bearer": []}],
        "paths": {
            "/v1/widgets": {
                "post": {
                    "operationId": "widgets_create",
                    "tags": ["widgets"],
                    "parameters": [KEY],
                    "requestBody": {"content": {"application/json": {"schema": {}}}},
                    "x-error-codes": ["WIDGET_TAKEN"],
                    "responses": {"201": _ok("Widget"), "default": ERROR},
                }
            },
            "/v1/widgets/{widget_id}": {
                "parameters": [{"name": "widget_id", "in": "path", "required": True}],
                "get": {
                    "operationId": "widgets_get",
                    "tags": ["widgets"],
                    "security": [],
                    "x-error-codes": [],
                    "responses": {"200": _ok("Widget"), "default": ERROR},
                },
            },
            "/v1/widgets/stream": {
                "get": {
                    "operationId": "widgets_stream",
                    "tags": ["widgets"],
                    "x-error-codes": [],
                    "responses": {
                        "200": {
                            "description": "events",
                            "content": {"text/event-stream": {"schema": {"type": "string"}}},
                            "x-sse-events": {"made": "WidgetMade", "end": "WidgetEnd"},
                            "x-sse-terminal": ["end"],
                        },
                        "default": ERROR,
                    },
                }
            },
        },
        "components": {
            "parameters": {
                "IdempotencyKey": {"name": "Idempotency-Key", "in": "header", "schema": {}}
            },
            "responses": {"Error": {"description": "error"}},
            "schemas": {
                "Widget": {"type": "object"},
                "ErrorCode": {
                    "type": "string",
                    "enum": ["NOT_FOUND", "UNAUTHORIZED", "BAD_TYPE", "REUSED", "WIDGET_TAKEN"],
                    "x-statuses": {
                        "NOT_FOUND": 404,
                        "UNAUTHORIZED": 401,
                        "BAD_TYPE": 415,
                        "REUSED": 409,
                        "WIDGET_TAKEN": 409,
                    },
                    "x-common-error-codes": {
                        "every": ["NOT_FOUND"],
                        "secured": ["UNAUTHORIZED"],
                        "body": ["BAD_TYPE"],
                        "idempotency_key": ["REUSED"],
                    },
                },
            },
        },
    }


@pytest.fixture
def registry() -> Contract:
    return Contract(_document())


class TestOperations:
    def test_an_operation_by_id_has_its_method_path_and_response(self, registry: Contract) -> None:
        """The registry reads method, path, success status and response schema from the contract."""
        create = registry.operation("widgets_create")
        assert (create.method, create.path, create.tag) == ("POST", "/v1/widgets", "widgets")
        assert (create.success_status, create.response_schema) == (201, "Widget")

    def test_an_unknown_operation_is_a_key_error_naming_it(self, registry: Contract) -> None:
        """Asking for an operation the contract lacks fails loudly, with its id."""
        with pytest.raises(KeyError, match="widgets_melt"):
            registry.operation("widgets_melt")

    def test_path_level_parameters_belong_to_each_operation(self, registry: Contract) -> None:
        """Parameters declared on the path item are parameters of its operations."""
        get = registry.operation("widgets_get")
        assert [p.name for p in get.parameters] == ["widget_id"]
        assert get.path_parameters == ("widget_id",)

    def test_url_quotes_each_parameter_as_one_segment(self, registry: Contract) -> None:
        """A slash or space in an id cannot reach another route."""
        assert registry.operation("widgets_get").url(widget_id="a/b c") == "/v1/widgets/a%2Fb%20c"
        with pytest.raises(TypeError, match="widget_id"):
            registry.operation("widgets_get").url()

    def test_a_parameter_of_dots_is_escaped(self, registry: Contract) -> None:
        """``..`` as an id would resolve to the collection above it; escaped, it stays a value."""
        get = registry.operation("widgets_get")
        assert get.url(widget_id="..") == "/v1/widgets/%2E%2E"
        assert get.url(widget_id=".") == "/v1/widgets/%2E"
        assert get.url(widget_id="a..b") == "/v1/widgets/a..b"
        assert get.url(widget_id="...") == "/v1/widgets/%2E%2E%2E"

    def test_literal_paths_win_over_templates(self, registry: Contract) -> None:
        """/v1/widgets/stream is the stream, not a widget whose id is "stream"."""
        found = registry.find("GET", "/v1/widgets/stream")
        assert found is not None and found[0].id == "widgets_stream"
        found = registry.find("GET", "/v1/widgets/w_1")
        assert found is not None and (found[0].id, found[1]) == (
            "widgets_get",
            {"widget_id": "w_1"},
        )
        assert registry.find("DELETE", "/v1/widgets/w_1") is None

    def test_idempotency_follows_the_method_or_the_key(self, registry: Contract) -> None:
        """GET is idempotent by method; a POST only because it takes an Idempotency-Key."""
        assert registry.operation("widgets_get").idempotent
        create = registry.operation("widgets_create")
        assert create.takes_idempotency_key and create.idempotent

    def test_a_stream_names_its_events_and_the_ones_that_end_a_turn(
        self, registry: Contract
    ) -> None:
        """x-sse-events and x-sse-terminal are read into the operation's stream shape."""
        stream = registry.operation("widgets_stream").stream
        assert stream is not None and not stream.chunked
        assert dict(stream.schemas) == {"made": "WidgetMade", "end": "WidgetEnd"}
        assert stream.terminal == {"end"}
        assert registry.operation("widgets_get").stream is None


class TestErrorCodes:
    def test_each_code_has_its_status(self, registry: Contract) -> None:
        """x-statuses is the error table; an undocumented code has no status."""
        assert registry.status_of("WIDGET_TAKEN") == 409
        assert registry.status_of("NOT_IN_THE_CONTRACT") is None

    def test_common_codes_apply_by_scope(self, registry: Contract) -> None:
        """Every operation gets `every`; secured ones `secured`; those with a body `body`; those
        with an Idempotency-Key `idempotency_key`; plus their own x-error-codes."""
        assert registry.operation("widgets_create").error_codes == {
            "NOT_FOUND",
            "UNAUTHORIZED",
            "BAD_TYPE",
            "REUSED",
            "WIDGET_TAKEN",
        }
        assert registry.operation("widgets_get").error_codes == {"NOT_FOUND"}
        assert registry.operation("widgets_stream").error_codes == {"NOT_FOUND", "UNAUTHORIZED"}


class TestTheShippedContract:
    def test_it_is_loaded_once_and_shared(self) -> None:
        """contract() reads contract.json once; every caller gets the same registry."""
        assert contract() is contract()

    def test_every_documented_code_has_a_status(self) -> None:
        """The codes of the ErrorCode enum and the error table agree."""
        assert set(contract().error_codes) == set(contract().error_statuses)
