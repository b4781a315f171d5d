"""The contract linter: the real contract passes, and each convention fires on a spec breaking it."""

from __future__ import annotations

import copy
import importlib
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[2]
SCRIPTS = ROOT / "scripts"
CONTRACT = ROOT / "openapi" / "agentkit.yaml"
if str(SCRIPTS) not in sys.path:
    sys.path.insert(0, str(SCRIPTS))
lint_spec = importlib.import_module("lint_spec")

ERROR = {"$ref": "#/components/responses/Error"}
IDEMPOTENCY = {"$ref": "#/components/parameters/IdempotencyKey"}
REQUEST_ID = {"X-Request-Id": {"$ref": "#/components/headers/X-Request-Id"}}


def ref(name: str) -> dict[str, str]:
    return {"$ref": f"#/components/schemas/{name}"}


def ok(schema: dict[str, Any], media: str = "application/json") -> dict[str, Any]:
    return {
        "description": "ok",
        "headers": dict(REQUEST_ID),
        "content": {media: {"schema": schema}},
    }


def tagged(tag_value: str, **extra: Any) -> dict[str, Any]:
    return {
        "type": "object",
        "required": ["kind"],
        "properties": {"kind": {"type": "string", "const": tag_value}, **extra},
    }


def minimal_spec() -> dict[str, Any]:
    """A small spec that follows every convention; tests break one thing at a time."""
    return {
        "openapi": "3.1.0",
        "info": {"title": "widgets", "version": "1.0.0"},
        "tags": [{"name": "widgets"}],
        "paths": {
            "/v1/widgets": {
                "post": {
                    "tags": ["widgets"],
                    "operationId": "widgets_create",
                    "x-error-codes": ["WIDGET_TAKEN"],
                    "parameters": [IDEMPOTENCY],
                    "requestBody": {
                        "required": True,
                        "content": {"application/json": {"schema": ref("WidgetCreate")}},
                    },
                    "responses": {"201": ok(ref("Widget")), "default": ERROR},
                },
                "get": {
                    "tags": ["widgets"],
                    "operationId": "widgets_list",
                    "x-error-codes": [],
                    "parameters": [
                        {"name": "page_size", "in": "query", "schema": {"type": "integer"}}
                    ],
                    "responses": {"200": ok(ref("WidgetList")), "default": ERROR},
                },
            },
            "/v1/widgets/events": {
                "get": {
                    "tags": ["widgets"],
                    "operationId": "widgets_events",
                    "x-error-codes": [],
                    "responses": {
                        "200": {
                            **ok({"type": "string"}, "text/event-stream"),
                            "x-sse-events": {"created": "WidgetCreatedEvent"},
                            "x-sse-terminal": ["created"],
                        },
                        "default": ERROR,
                    },
                }
            },
        },
        "components": {
            "headers": {"X-Request-Id": {"schema": {"type": "string"}}},
            "parameters": {
                "IdempotencyKey": {
                    "name": "Idempotency-Key",
                    "in": "header",
                    "required": False,
                    "schema": {"type": "string"},
                }
            },
            "responses": {
                "Error": {
                    "description": "error",
                    "headers": dict(REQUEST_ID),
                    "content": {"application/json": {"schema": ref("ErrorResponse")}},
                }
            },
            "schemas": {
                "ErrorResponse": {
                    "type": "object",
                    "required": ["error"],
                    "properties": {"error": {"type": "string"}},
                },
                "ErrorCode": {
                    "type": "string",
                    "enum": ["NOT_FOUND", "WIDGET_TAKEN"],
                    "x-statuses": {"NOT_FOUND": 404, "WIDGET_TAKEN": 409},
                    "x-common-error-codes": {"every": ["NOT_FOUND"]},
                },
                "Circle": tagged("circle", radius={"type": "number"}),
                "Square": tagged("square", side={"type": "number"}),
                "Shape": {"oneOf": [ref("Circle"), ref("Square")]},
                "Widget": {
                    "type": "object",
                    "required": ["widget_id", "shape"],
                    "properties": {
                        "widget_id": {"type": "string"},
                        "shape": ref("Shape"),
                        "parent": {"anyOf": [ref("Widget"), {"type": "null"}]},
                    },
                },
                "WidgetCreate": {
                    "type": "object",
                    "required": ["shape"],
                    "properties": {"shape": ref("Shape")},
                },
                "WidgetList": {
                    "type": "object",
                    "required": ["data"],
                    "properties": {"data": {"type": "array", "items": ref("Widget")}},
                },
                "WidgetCreatedEvent": {
                    "type": "object",
                    "required": ["type", "widget"],
                    "properties": {
                        "type": {"type": "string", "const": "created"},
                        "widget": ref("Widget"),
                    },
                },
            },
        },
    }


def messages(spec: dict[str, Any]) -> list[str]:
    return [str(v) for v in lint_spec.lint(spec)]


def assert_fires(spec: dict[str, Any], where: str, fragment: str) -> None:
    found = lint_spec.lint(spec)
    hits = [v for v in found if v.pointer == where and fragment in v.message]
    assert hits, f"no violation at {where} mentioning {fragment!r}; got {[str(v) for v in found]}"


@pytest.fixture
def spec() -> dict[str, Any]:
    return minimal_spec()


POST = "#/paths/~1v1~1widgets/post"
GET = "#/paths/~1v1~1widgets/get"
EVENTS_200 = "#/paths/~1v1~1widgets~1events/get/responses/200"
ERROR_CODE = "#/components/schemas/ErrorCode"


class TestRealContract:
    def test_contract_is_valid_openapi_31(self) -> None:
        """The contract validates as OpenAPI 3.1."""
        assert [str(v) for v in lint_spec.validate(lint_spec.load(CONTRACT))] == []

    def test_contract_follows_every_convention(self) -> None:
        """The contract has no convention violations."""
        assert messages(lint_spec.load(CONTRACT)) == []

    def test_command_passes_on_the_contract(self) -> None:
        """`python scripts/lint_spec.py` with no argument lints the contract and exits 0."""
        result = subprocess.run(
            [sys.executable, str(SCRIPTS / "lint_spec.py")],
            capture_output=True,
            text=True,
            cwd=ROOT,
            check=False,
        )
        assert result.returncode == 0, result.stdout + result.stderr
        assert "OK" in result.stdout


class TestBaseline:
    def test_minimal_spec_is_clean(self, spec: dict[str, Any]) -> None:
        """The crafted spec passes, so every violation below comes from its one mutation."""
        assert messages(spec) == []
        assert lint_spec.validate(spec) == []


class TestOperationIds:
    def test_missing_operation_id_fires(self, spec: dict[str, Any]) -> None:
        """An operation without operationId is reported at the operation."""
        del spec["paths"]["/v1/widgets"]["post"]["operationId"]
        assert_fires(spec, POST, "no operationId")

    def test_operation_id_must_start_with_its_tag(self, spec: dict[str, Any]) -> None:
        """`gadgets_create` under tag `widgets` is not <tag>_<verb>."""
        spec["paths"]["/v1/widgets"]["post"]["operationId"] = "gadgets_create"
        assert_fires(spec, POST, "<tag>_<verb>")

    def test_operation_id_needs_a_verb(self, spec: dict[str, Any]) -> None:
        """The bare tag name is not an operationId."""
        spec["paths"]["/v1/widgets"]["post"]["operationId"] = "widgets"
        assert_fires(spec, POST, "<tag>_<verb>")

    def test_camel_case_operation_id_fires(self, spec: dict[str, Any]) -> None:
        """`widgets_createOne` is not snake_case."""
        spec["paths"]["/v1/widgets"]["post"]["operationId"] = "widgets_createOne"
        assert_fires(spec, POST, "not snake_case")

    def test_undeclared_tag_fires(self, spec: dict[str, Any]) -> None:
        """A tag missing from the top-level tags is reported."""
        spec["tags"] = []
        assert_fires(spec, POST, "not declared")

    def test_operation_needs_exactly_one_tag(self, spec: dict[str, Any]) -> None:
        """No tag, or two tags, are both reported."""
        spec["tags"].append({"name": "extra"})
        spec["paths"]["/v1/widgets"]["post"]["tags"] = ["widgets", "extra"]
        del spec["paths"]["/v1/widgets"]["get"]["tags"]
        assert_fires(spec, POST, "use exactly one")
        assert_fires(spec, GET, "no tag")

    def test_duplicate_operation_id_fires(self, spec: dict[str, Any]) -> None:
        """Two operations sharing an operationId are both reported."""
        spec["paths"]["/v1/widgets"]["get"]["operationId"] = "widgets_create"
        assert_fires(spec, f"{GET}/operationId", "used 2 times")
        assert_fires(spec, f"{POST}/operationId", "used 2 times")


class TestErrorResponses:
    def test_missing_default_response_fires(self, spec: dict[str, Any]) -> None:
        """An operation without a default/4XX/5XX error response is reported."""
        del spec["paths"]["/v1/widgets"]["get"]["responses"]["default"]
        assert_fires(spec, f"{GET}/responses", "no default")

    def test_error_response_must_be_the_shared_envelope(self, spec: dict[str, Any]) -> None:
        """An inline default response, even with a JSON body, is not the shared Error."""
        spec["paths"]["/v1/widgets"]["get"]["responses"]["default"] = ok(ref("ErrorResponse"))
        assert_fires(spec, f"{GET}/responses/default", "#/components/responses/Error")

    def test_specific_error_status_must_be_the_envelope_too(self, spec: dict[str, Any]) -> None:
        """A 404 with its own schema breaks the one-envelope rule even when default is right."""
        spec["paths"]["/v1/widgets"]["get"]["responses"]["404"] = ok(ref("Widget"))
        assert_fires(spec, f"{GET}/responses/404", "#/components/responses/Error")

    def test_4xx_and_5xx_ranges_stand_in_for_default(self, spec: dict[str, Any]) -> None:
        """`4XX` and `5XX` referencing Error satisfy the rule without `default`."""
        responses = spec["paths"]["/v1/widgets"]["get"]["responses"]
        del responses["default"]
        responses["4XX"] = ERROR
        responses["5XX"] = ERROR
        assert messages(spec) == []


class TestForeignErrorResponses:
    @pytest.fixture
    def foreign(self, spec: dict[str, Any]) -> dict[str, Any]:
        spec["components"]["responses"]["ShopError"] = {
            "description": "an error in the shop's own shape",
            "x-foreign-format": "shop",
            "content": {"application/json": {"schema": ref("Widget")}},
        }
        get = spec["paths"]["/v1/widgets"]["get"]
        get["x-foreign-format"] = "shop"
        get["responses"]["default"] = {"$ref": "#/components/responses/ShopError"}
        return spec

    def test_a_foreign_operation_may_answer_its_formats_errors(
        self, foreign: dict[str, Any]
    ) -> None:
        """An operation of a foreign format answers errors in that format's response."""
        assert messages(foreign) == []

    def test_only_its_own_format(self, foreign: dict[str, Any]) -> None:
        """Another format's error response is not the operation's."""
        foreign["paths"]["/v1/widgets"]["get"]["x-foreign-format"] = "other"
        assert_fires(foreign, f"{GET}/responses/default", "#/components/responses/Error")

    def test_our_own_operations_keep_the_envelope(self, foreign: dict[str, Any]) -> None:
        """Without a format of its own, an operation may not use a foreign error response."""
        del foreign["paths"]["/v1/widgets"]["get"]["x-foreign-format"]
        assert_fires(foreign, f"{GET}/responses/default", "#/components/responses/Error")


class TestIdempotencyKey:
    def test_post_without_idempotency_key_fires(self, spec: dict[str, Any]) -> None:
        """A POST that does not take the IdempotencyKey parameter is reported."""
        spec["paths"]["/v1/widgets"]["post"]["parameters"] = []
        assert_fires(spec, f"{POST}/parameters", "Idempotency-Key")

    def test_an_inline_idempotency_header_is_not_enough(self, spec: dict[str, Any]) -> None:
        """The header must come from the shared component, not a look-alike."""
        look_alike = {"name": "Idempotency-Key", "in": "header", "schema": {"type": "string"}}
        spec["paths"]["/v1/widgets"]["post"]["parameters"] = [look_alike]
        assert_fires(spec, f"{POST}/parameters", "Idempotency-Key")

    def test_path_level_parameter_counts(self, spec: dict[str, Any]) -> None:
        """Declaring the key on the path item covers its POST."""
        spec["paths"]["/v1/widgets"]["post"]["parameters"] = []
        spec["paths"]["/v1/widgets"]["parameters"] = [IDEMPOTENCY]
        assert messages(spec) == []


class TestRequestIdHeader:
    def test_2xx_without_request_id_fires(self, spec: dict[str, Any]) -> None:
        """A success response without X-Request-Id is reported."""
        del spec["paths"]["/v1/widgets"]["get"]["responses"]["200"]["headers"]
        assert_fires(spec, f"{GET}/responses/200", "X-Request-Id")

    def test_header_name_is_case_insensitive(self, spec: dict[str, Any]) -> None:
        """`x-request-id` is the same HTTP header."""
        response = spec["paths"]["/v1/widgets"]["get"]["responses"]["200"]
        response["headers"] = {"x-request-id": {"schema": {"type": "string"}}}
        assert messages(spec) == []

    def test_referenced_response_is_resolved(self, spec: dict[str, Any]) -> None:
        """A 2xx given as a $ref to components/responses is checked through the ref."""
        spec["components"]["responses"]["WidgetOk"] = {
            "description": "ok",
            "content": {"application/json": {"schema": ref("Widget")}},
        }
        spec["paths"]["/v1/widgets"]["post"]["responses"]["201"] = {
            "$ref": "#/components/responses/WidgetOk"
        }
        assert_fires(spec, f"{POST}/responses/201", "X-Request-Id")


class TestTaggedUnions:
    def test_untagged_variant_fires(self, spec: dict[str, Any]) -> None:
        """A referenced object variant without a const tag is reported at its index."""
        del spec["components"]["schemas"]["Square"]["properties"]["kind"]["const"]
        assert_fires(spec, "#/components/schemas/Shape/oneOf/1", "does not pin its tag 'kind'")

    def test_tag_must_be_required(self, spec: dict[str, Any]) -> None:
        """A const tag that is optional does not let the generator tell variants apart."""
        spec["components"]["schemas"]["Circle"]["required"] = ["radius"]
        assert_fires(spec, "#/components/schemas/Shape/oneOf/0", "in required")

    def test_duplicate_tag_value_fires(self, spec: dict[str, Any]) -> None:
        """Two variants pinning the same tag value are reported."""
        spec["components"]["schemas"]["Square"]["properties"]["kind"]["const"] = "circle"
        assert_fires(spec, "#/components/schemas/Shape/oneOf/1", "repeats tag kind='circle'")

    def test_inline_untagged_variant_in_any_of_fires(self, spec: dict[str, Any]) -> None:
        """anyOf is held to the same rule, inline variants included."""
        spec["components"]["schemas"]["Shape"] = {
            "anyOf": [ref("Circle"), {"type": "object", "additionalProperties": True}]
        }
        assert_fires(spec, "#/components/schemas/Shape/anyOf/1", "does not pin its tag")

    def test_discriminator_names_the_tag(self, spec: dict[str, Any]) -> None:
        """With discriminator.propertyName, that property is the one that must be pinned."""
        spec["components"]["schemas"]["Shape"]["discriminator"] = {"propertyName": "variety"}
        assert_fires(spec, "#/components/schemas/Shape/oneOf/0", "'variety'")

    def test_null_variant_needs_no_tag(self, spec: dict[str, Any]) -> None:
        """`{type: null}` beside tagged variants is allowed."""
        spec["components"]["schemas"]["Shape"]["oneOf"].append({"type": "null"})
        assert messages(spec) == []

    def test_nullable_wrapper_of_one_object_needs_no_tag(self, spec: dict[str, Any]) -> None:
        """`anyOf: [Widget, null]` (Widget has no tag) is the 3.1 nullable idiom, not a union."""
        assert "kind" not in spec["components"]["schemas"]["Widget"]["properties"]
        assert messages(spec) == []

    def test_two_untagged_objects_with_null_still_fire(self, spec: dict[str, Any]) -> None:
        """The null exemption does not excuse two untagged objects."""
        parent = spec["components"]["schemas"]["Widget"]["properties"]["parent"]
        parent["anyOf"].insert(1, ref("WidgetList"))
        assert_fires(
            spec, "#/components/schemas/Widget/properties/parent/anyOf/0", "does not pin its tag"
        )


class TestNoInlineObjects:
    INLINE = {"type": "object", "properties": {"name": {"type": "string"}}}

    def test_inline_request_body_fires(self, spec: dict[str, Any]) -> None:
        """A request body with an inline object schema is reported."""
        content = spec["paths"]["/v1/widgets"]["post"]["requestBody"]["content"]
        content["application/json"]["schema"] = copy.deepcopy(self.INLINE)
        assert_fires(spec, f"{POST}/requestBody/content/application~1json/schema", "inline object")

    def test_inline_response_fires(self, spec: dict[str, Any]) -> None:
        """A response with an inline object schema is reported."""
        spec["paths"]["/v1/widgets"]["get"]["responses"]["200"] = ok(copy.deepcopy(self.INLINE))
        where = f"{GET}/responses/200/content/application~1json/schema"
        assert_fires(spec, where, "inline object")

    def test_inline_property_and_items_fire(self, spec: dict[str, Any]) -> None:
        """Nested objects inside a named schema must be named too."""
        widget = spec["components"]["schemas"]["Widget"]["properties"]
        widget["owner"] = copy.deepcopy(self.INLINE)
        widget["tags"] = {"type": "array", "items": copy.deepcopy(self.INLINE)}
        assert_fires(spec, "#/components/schemas/Widget/properties/owner", "inline object")
        assert_fires(spec, "#/components/schemas/Widget/properties/tags/items", "inline object")

    def test_inline_parameter_schema_fires(self, spec: dict[str, Any]) -> None:
        """Parameters are schema sites as well."""
        param = spec["paths"]["/v1/widgets"]["get"]["parameters"][0]
        param["schema"] = copy.deepcopy(self.INLINE)
        assert_fires(spec, f"{GET}/parameters/0/schema", "inline object")

    def test_inline_all_of_member_fires(self, spec: dict[str, Any]) -> None:
        """An allOf member with properties is inline, even inside a named schema."""
        spec["components"]["schemas"]["Special"] = {"allOf": [ref("Widget"), self.INLINE]}
        assert_fires(spec, "#/components/schemas/Special/allOf/1", "inline object")


class TestEventStreams:
    def test_ref_schema_on_event_stream_fires(self, spec: dict[str, Any]) -> None:
        """An SSE response must declare `{type: string}`, not the event schema."""
        content = spec["paths"]["/v1/widgets/events"]["get"]["responses"]["200"]["content"]
        content["text/event-stream"]["schema"] = ref("WidgetCreatedEvent")
        assert_fires(spec, f"{EVENTS_200}/content/text~1event-stream/schema", "{type: string}")

    def test_missing_event_map_fires(self, spec: dict[str, Any]) -> None:
        """An SSE response without x-sse-events is reported."""
        del spec["paths"]["/v1/widgets/events"]["get"]["responses"]["200"]["x-sse-events"]
        assert_fires(spec, EVENTS_200, "no x-sse-events")

    def test_unknown_event_schema_fires(self, spec: dict[str, Any]) -> None:
        """Every event must name a schema that exists."""
        events = spec["paths"]["/v1/widgets/events"]["get"]["responses"]["200"]["x-sse-events"]
        events["deleted"] = "WidgetDeletedEvent"
        assert_fires(spec, f"{EVENTS_200}/x-sse-events/deleted", "not in components/schemas")

    def test_event_type_const_must_match_event_name(self, spec: dict[str, Any]) -> None:
        """The payload's `type` const must equal the SSE event name."""
        events = spec["paths"]["/v1/widgets/events"]["get"]["responses"]["200"]["x-sse-events"]
        events["updated"] = "WidgetCreatedEvent"
        assert_fires(spec, f"{EVENTS_200}/x-sse-events/updated", "const 'updated'")

    def test_event_type_must_be_required(self, spec: dict[str, Any]) -> None:
        """An optional `type` would let a payload hide which event it is."""
        spec["components"]["schemas"]["WidgetCreatedEvent"]["required"] = ["widget"]
        assert_fires(spec, f"{EVENTS_200}/x-sse-events/created", "required")

    def test_event_map_on_the_media_type_is_accepted(self, spec: dict[str, Any]) -> None:
        """x-sse-events may sit on the media type object instead of the response."""
        response = spec["paths"]["/v1/widgets/events"]["get"]["responses"]["200"]
        events = response.pop("x-sse-events")
        response["content"]["text/event-stream"]["x-sse-events"] = events
        assert messages(spec) == []


class TestTurnEnds:
    def test_missing_terminal_list_fires(self, spec: dict[str, Any]) -> None:
        """A named-event stream must say which events end a turn."""
        del spec["paths"]["/v1/widgets/events"]["get"]["responses"]["200"]["x-sse-terminal"]
        assert_fires(spec, EVENTS_200, "no x-sse-terminal")

    def test_terminal_event_must_be_one_of_the_stream(self, spec: dict[str, Any]) -> None:
        """A terminal event the stream never sends would leave readers waiting."""
        response = spec["paths"]["/v1/widgets/events"]["get"]["responses"]["200"]
        response["x-sse-terminal"] = ["created", "finished"]
        assert_fires(spec, f"{EVENTS_200}/x-sse-terminal", "'finished' is not one of")


class TestErrorCodes:
    def test_missing_error_code_enum_fires(self, spec: dict[str, Any]) -> None:
        """Without an ErrorCode enum nothing can map codes to statuses."""
        del spec["components"]["schemas"]["ErrorCode"]
        assert_fires(spec, ERROR_CODE, "no ErrorCode enum")

    def test_code_without_status_fires(self, spec: dict[str, Any]) -> None:
        """Every documented code needs its status in x-statuses."""
        spec["components"]["schemas"]["ErrorCode"]["enum"].append("WIDGET_GONE")
        assert_fires(spec, f"{ERROR_CODE}/x-statuses", "WIDGET_GONE has no status")

    def test_status_must_be_an_error_status(self, spec: dict[str, Any]) -> None:
        """A code sent with a 2xx (or a string) status is reported."""
        spec["components"]["schemas"]["ErrorCode"]["x-statuses"]["WIDGET_TAKEN"] = 200
        assert_fires(spec, f"{ERROR_CODE}/x-statuses/WIDGET_TAKEN", "not an HTTP error status")

    def test_status_of_an_undocumented_code_fires(self, spec: dict[str, Any]) -> None:
        """x-statuses may not hold codes the enum lacks: the two lists must agree."""
        spec["components"]["schemas"]["ErrorCode"]["x-statuses"]["WIDGET_LOST"] = 410
        assert_fires(spec, f"{ERROR_CODE}/x-statuses/WIDGET_LOST", "not in the ErrorCode enum")

    def test_code_must_be_upper_snake(self, spec: dict[str, Any]) -> None:
        """Codes are stable UPPER_SNAKE identifiers."""
        error_code = spec["components"]["schemas"]["ErrorCode"]
        error_code["enum"].append("widgetGone")
        error_code["x-statuses"]["widgetGone"] = 410
        assert_fires(spec, f"{ERROR_CODE}/enum", "not UPPER_SNAKE")

    def test_unknown_common_scope_fires(self, spec: dict[str, Any]) -> None:
        """Common codes are grouped only by the scopes clients understand."""
        spec["components"]["schemas"]["ErrorCode"]["x-common-error-codes"]["admin"] = []
        assert_fires(spec, f"{ERROR_CODE}/x-common-error-codes/admin", "unknown scope")

    def test_operation_without_error_codes_fires(self, spec: dict[str, Any]) -> None:
        """Every operation says which codes it may answer, even when it is none."""
        del spec["paths"]["/v1/widgets"]["get"]["x-error-codes"]
        assert_fires(spec, GET, "no x-error-codes")

    def test_unknown_operation_code_fires(self, spec: dict[str, Any]) -> None:
        """An operation may only list codes of the enum."""
        spec["paths"]["/v1/widgets"]["post"]["x-error-codes"] = ["WIDGET_TAKEN", "NO_SUCH"]
        assert_fires(spec, f"{POST}/x-error-codes", "'NO_SUCH' is not in the ErrorCode enum")

    def test_code_listed_twice_fires(self, spec: dict[str, Any]) -> None:
        """A repeated code is a slip worth flagging."""
        spec["paths"]["/v1/widgets"]["post"]["x-error-codes"] = ["WIDGET_TAKEN", "WIDGET_TAKEN"]
        assert_fires(spec, f"{POST}/x-error-codes", "listed twice")


class TestChunkStreams:
    @pytest.fixture
    def chunk_spec(self, spec: dict[str, Any]) -> dict[str, Any]:
        response = spec["paths"]["/v1/widgets/events"]["get"]["responses"]["200"]
        del response["x-sse-events"]
        response["x-sse-chunks"] = {"text-delta": "UITextDelta"}
        response["x-sse-terminator"] = "[DONE]"
        spec["components"]["schemas"]["UITextDelta"] = {
            "type": "object",
            "x-foreign-format": "vercel-ui-message-stream",
            "required": ["type", "delta"],
            "properties": {"type": {"type": "string", "const": "text-delta"}, "delta": {}},
        }
        return spec

    def test_a_foreign_chunk_stream_is_accepted(self, chunk_spec: dict[str, Any]) -> None:
        """Unnamed events keyed by their data's type, with a terminator, pass."""
        assert messages(chunk_spec) == []

    def test_chunk_stream_needs_a_terminator(self, chunk_spec: dict[str, Any]) -> None:
        """Without x-sse-terminator a reader cannot tell the end from a cut."""
        del chunk_spec["paths"]["/v1/widgets/events"]["get"]["responses"]["200"]["x-sse-terminator"]
        assert_fires(chunk_spec, EVENTS_200, "x-sse-terminator")

    def test_chunk_type_const_must_match_its_key(self, chunk_spec: dict[str, Any]) -> None:
        """A chunk schema's `type` const must equal its key in the map."""
        chunks = chunk_spec["paths"]["/v1/widgets/events"]["get"]["responses"]["200"]
        chunks["x-sse-chunks"]["text-end"] = "UITextDelta"
        assert_fires(chunk_spec, f"{EVENTS_200}/x-sse-chunks/text-end", "const 'text-end'")

    def test_a_chunk_key_other_than_type(self, chunk_spec: dict[str, Any]) -> None:
        """With ``x-sse-chunk-key`` the chunks are keyed by that property instead of ``type``."""
        response = chunk_spec["paths"]["/v1/widgets/events"]["get"]["responses"]["200"]
        response["x-sse-chunk-key"] = "object"
        assert_fires(chunk_spec, f"{EVENTS_200}/x-sse-chunks/text-delta", "no `object` property")
        schema = chunk_spec["components"]["schemas"]["UITextDelta"]
        schema["properties"]["object"] = {"type": "string", "const": "text-delta"}
        schema["required"] = ["object", "delta"]
        assert messages(chunk_spec) == []

    def test_only_foreign_formats_may_use_chunks(self, chunk_spec: dict[str, Any]) -> None:
        """Our own streams name their events; unnamed chunks are for foreign formats only."""
        del chunk_spec["components"]["schemas"]["UITextDelta"]["x-foreign-format"]
        assert_fires(chunk_spec, f"{EVENTS_200}/x-sse-chunks/text-delta", "x-foreign-format")


class TestWireNames:
    def test_camel_case_property_fires(self, spec: dict[str, Any]) -> None:
        """`widgetName` is not snake_case."""
        props = spec["components"]["schemas"]["Widget"]["properties"]
        props["widgetName"] = {"type": "string"}
        assert_fires(spec, "#/components/schemas/Widget/properties/widgetName", "snake_case")

    def test_camel_case_query_parameter_fires(self, spec: dict[str, Any]) -> None:
        """Query parameters are wire names too."""
        spec["paths"]["/v1/widgets"]["get"]["parameters"][0]["name"] = "pageSize"
        assert_fires(spec, f"{GET}/parameters/0/name", "not snake_case")

    def test_header_parameters_keep_http_spelling(self, spec: dict[str, Any]) -> None:
        """`Last-Event-ID` is an HTTP header name and is not held to snake_case."""
        header = {"name": "Last-Event-ID", "in": "header", "schema": {"type": "string"}}
        spec["paths"]["/v1/widgets"]["get"]["parameters"].append(header)
        assert messages(spec) == []

    def test_foreign_format_schemas_keep_their_names(self, spec: dict[str, Any]) -> None:
        """A schema marked x-foreign-format (e.g. the Vercel UI stream) may use camelCase."""
        spec["components"]["schemas"]["UiTextDelta"] = {
            "x-foreign-format": "vercel-ui-message-stream",
            "type": "object",
            "properties": {"messageId": {"type": "string"}},
        }
        assert messages(spec) == []


class TestValidation:
    def test_invalid_document_is_reported(self, spec: dict[str, Any]) -> None:
        """A document that is not OpenAPI 3.1 yields validation violations."""
        del spec["info"]
        found = lint_spec.validate(spec)
        assert found and all(v.message.startswith("OpenAPI 3.1:") for v in found)

    def test_command_prints_pointers_and_exits_1(
        self, spec: dict[str, Any], tmp_path: Path
    ) -> None:
        """The command prints `<pointer>: <message>` per violation and exits 1."""
        del spec["paths"]["/v1/widgets"]["post"]["parameters"]
        path = tmp_path / "bad.json"
        path.write_text(json.dumps(spec), encoding="utf-8")
        result = subprocess.run(
            [sys.executable, str(SCRIPTS / "lint_spec.py"), str(path)],
            capture_output=True,
            text=True,
            check=False,
        )
        assert result.returncode == 1
        assert f"{POST}/parameters: POST does not declare the Idempotency-Key" in result.stdout
