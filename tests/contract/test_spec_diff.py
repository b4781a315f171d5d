"""The contract differ: what breaks, what adds, the version rules, and loading from git."""

from __future__ import annotations

import copy
import importlib
import itertools
import json
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
SCRIPTS = ROOT / "scripts"
CONTRACT = ROOT / "openapi" / "agentkit.yaml"
if str(SCRIPTS) not in sys.path:
    sys.path.insert(0, str(SCRIPTS))
spec_diff = importlib.import_module("spec_diff")

Spec = dict[str, Any]


def ref(name: str) -> dict[str, str]:
    return {"$ref": f"#/components/schemas/{name}"}


def json_body(schema: dict[str, Any]) -> dict[str, Any]:
    return {"content": {"application/json": {"schema": schema}}}


def base_spec() -> Spec:
    """Widgets: created from `WidgetCreate` (request only), returned as `Widget` (response only),
    with a `Color` enum used only in requests and a `Status` enum used only in responses."""
    return {
        "openapi": "3.1.0",
        "info": {"title": "widgets", "version": "1.2.0"},
        "paths": {
            "/v1/widgets": {
                "post": {
                    "operationId": "widgets_create",
                    "requestBody": {"required": True, **json_body(ref("WidgetCreate"))},
                    "responses": {
                        "201": {"description": "created", **json_body(ref("Widget"))},
                        "404": {"description": "missing", **json_body(ref("Problem"))},
                    },
                },
                "get": {
                    "operationId": "widgets_list",
                    "parameters": [
                        {"name": "limit", "in": "query", "schema": {"type": "integer"}},
                    ],
                    "responses": {
                        "200": {
                            "description": "ok",
                            "headers": {"X-Request-Id": {"schema": {"type": "string"}}},
                            **json_body({"type": "array", "items": ref("Widget")}),
                        }
                    },
                },
            },
            "/v1/widgets/events": {
                "get": {
                    "operationId": "widgets_events",
                    "responses": {
                        "200": {
                            "description": "events",
                            "content": {"text/event-stream": {"schema": {"type": "string"}}},
                            "x-sse-events": {"created": "CreatedEvent", "deleted": "DeletedEvent"},
                        }
                    },
                }
            },
        },
        "components": {
            "schemas": {
                "WidgetCreate": {
                    "type": "object",
                    "required": ["name"],
                    "properties": {
                        "name": {"type": "string", "maxLength": 100},
                        "weight": {"type": "number"},
                        "note": {"type": ["string", "null"]},
                        "color": ref("Color"),
                    },
                },
                "Widget": {
                    "type": "object",
                    "required": ["id", "name", "count", "status"],
                    "properties": {
                        "id": {"type": "string"},
                        "name": {"type": "string"},
                        "count": {"type": "integer"},
                        "created_at": {"type": "string", "format": "date-time"},
                        "status": ref("Status"),
                        "shape": ref("Shape"),
                    },
                },
                "Color": {"type": "string", "enum": ["red", "blue"]},
                "Status": {"type": "string", "enum": ["ready", "gone"]},
                "Problem": {"type": "object", "properties": {"code": {"type": "string"}}},
                "Circle": {
                    "type": "object",
                    "required": ["kind"],
                    "properties": {"kind": {"type": "string", "const": "circle"}},
                },
                "Square": {
                    "type": "object",
                    "required": ["kind"],
                    "properties": {"kind": {"type": "string", "const": "square"}},
                },
                "Shape": {"oneOf": [ref("Circle"), ref("Square")]},
                "CreatedEvent": {
                    "type": "object",
                    "properties": {"type": {"const": "created"}, "widget": ref("Widget")},
                },
                "DeletedEvent": {
                    "type": "object",
                    "properties": {"type": {"const": "deleted"}, "id": {"type": "string"}},
                },
                "AnyEvent": {"oneOf": [ref("CreatedEvent"), ref("DeletedEvent")]},
                "ErrorCode": {
                    "type": "string",
                    "enum": ["NOT_FOUND", "RATE_LIMITED"],
                    "x-statuses": {"NOT_FOUND": 404, "RATE_LIMITED": 429},
                },
                "Node": {
                    "type": "object",
                    "properties": {
                        "value": {"type": "string"},
                        "children": {"type": "array", "items": ref("Node")},
                    },
                },
            }
        },
    }


def schemas(spec: Spec) -> dict[str, Any]:
    return spec["components"]["schemas"]  # type: ignore[no-any-return]


def changed(edit: Callable[[Spec], None], version: str | None = None) -> Any:
    """Diff the base spec against a copy with `edit` applied (and `version`, if given)."""
    old = base_spec()
    new = copy.deepcopy(old)
    edit(new)
    if version is not None:
        new["info"]["version"] = version
    return spec_diff.diff(old, new)


def lines(changes: list[Any]) -> list[str]:
    return [str(c) for c in changes]


def assert_breaking(report: Any, location: str, fragment: str) -> None:
    hits = [c for c in report.breaking if c.location == location and fragment in c.message]
    assert hits, f"no breaking change at {location} with {fragment!r}:\n{report.format()}"


def assert_only_added(report: Any, location: str, fragment: str) -> None:
    assert report.breaking == [], report.format()
    hits = [c for c in report.added if c.location == location and fragment in c.message]
    assert hits, f"no addition at {location} with {fragment!r}:\n{report.format()}"


def assert_compatible(report: Any, location: str, fragment: str) -> None:
    assert report.breaking == [], report.format()
    hits = [c for c in report.changed if c.location == location and fragment in c.message]
    assert hits, f"no compatible change at {location} with {fragment!r}:\n{report.format()}"


S = "#/components/schemas"
POST = "#/paths/~1v1~1widgets/post"
GET = "#/paths/~1v1~1widgets/get"
EVENTS = "#/paths/~1v1~1widgets~1events/get/responses/200/x-sse-events"


class TestIdenticalSpecs:
    def test_real_contract_against_itself_reports_nothing(self) -> None:
        """The contract compared with itself has no changes and passes the version check."""
        contract = yaml.safe_load(CONTRACT.read_text(encoding="utf-8"))
        report = spec_diff.diff(contract, copy.deepcopy(contract))
        assert (report.breaking, report.added, report.changed) == ([], [], [])
        assert report.ok

    def test_command_on_the_real_contract_exits_0(self) -> None:
        """`spec_diff.py SPEC SPEC` prints "no changes" and exits 0."""
        result = run_cli([str(CONTRACT), str(CONTRACT)], ROOT)
        assert result.returncode == 0, result.stdout + result.stderr
        assert "no changes" in result.stdout


class TestOperations:
    def test_removed_operation_breaks(self) -> None:
        """Dropping an operation is breaking, reported at its old path and method."""
        report = changed(lambda s: s["paths"]["/v1/widgets"].pop("get"))
        assert_breaking(report, GET, "widgets_list (GET /v1/widgets) removed")

    def test_renamed_operation_id_breaks(self) -> None:
        """A new operationId at the same path and method is a rename, which breaks SDK names."""
        report = changed(
            lambda s: s["paths"]["/v1/widgets"]["get"].update(operationId="widgets_all")
        )
        assert_breaking(report, f"{GET}/operationId", "renamed from 'widgets_list'")

    def test_moved_operation_breaks(self) -> None:
        """The same operationId at another path is a removed path+method."""

        def move(s: Spec) -> None:
            s["paths"]["/v2/widgets"] = {"get": s["paths"]["/v1/widgets"].pop("get")}

        report = changed(move)
        assert_breaking(report, GET, "moved to GET /v2/widgets")
        assert report.added == []

    def test_new_operation_is_added(self) -> None:
        """A new operation is an addition, not a break."""

        def add(s: Spec) -> None:
            s["paths"]["/v1/widgets"]["delete"] = {"operationId": "widgets_clear", "responses": {}}

        report = changed(add)
        assert_only_added(report, "#/paths/~1v1~1widgets/delete", "new operation widgets_clear")

    def test_removed_response_status_breaks(self) -> None:
        """Dropping a documented status breaks clients that handle it."""
        report = changed(lambda s: s["paths"]["/v1/widgets"]["post"]["responses"].pop("404"))
        assert_breaking(report, f"{POST}/responses/404", "response 404")

    def test_new_response_status_is_added(self) -> None:
        """A new status is an addition."""

        def add(s: Spec) -> None:
            s["paths"]["/v1/widgets"]["post"]["responses"]["409"] = {"description": "conflict"}

        assert_only_added(changed(add), f"{POST}/responses/409", "new response 409")

    def test_removed_response_header_breaks(self) -> None:
        """Clients read X-Request-Id; removing it breaks them."""
        report = changed(
            lambda s: s["paths"]["/v1/widgets"]["get"]["responses"]["200"].pop("headers")
        )
        assert_breaking(
            report, f"{GET}/responses/200/headers/X-Request-Id", "header X-Request-Id removed"
        )


class TestRequestRules:
    def test_removed_request_property_breaks(self) -> None:
        """Old clients still send the property."""
        report = changed(lambda s: schemas(s)["WidgetCreate"]["properties"].pop("weight"))
        assert_breaking(report, f"{S}/WidgetCreate/properties/weight", "property 'weight' removed")

    def test_new_optional_request_property_is_added(self) -> None:
        """Old clients simply do not send it."""

        def add(s: Spec) -> None:
            schemas(s)["WidgetCreate"]["properties"]["size"] = {"type": "integer"}

        assert_only_added(
            changed(add), f"{S}/WidgetCreate/properties/size", "new optional property"
        )

    def test_new_required_request_property_breaks(self) -> None:
        """Old clients do not send it, so the server would refuse them."""

        def add(s: Spec) -> None:
            schemas(s)["WidgetCreate"]["properties"]["size"] = {"type": "integer"}
            schemas(s)["WidgetCreate"]["required"].append("size")

        assert_breaking(changed(add), f"{S}/WidgetCreate/properties/size", "new required property")

    def test_property_newly_required_in_request_breaks(self) -> None:
        """An optional field turned required is refused when old clients leave it out."""
        report = changed(lambda s: schemas(s)["WidgetCreate"]["required"].append("weight"))
        assert_breaking(report, f"{S}/WidgetCreate/properties/weight", "now required")

    def test_new_required_parameter_breaks(self) -> None:
        """A required query parameter old clients do not send."""

        def add(s: Spec) -> None:
            s["paths"]["/v1/widgets"]["get"]["parameters"].append(
                {"name": "owner", "in": "query", "required": True, "schema": {"type": "string"}}
            )

        assert_breaking(changed(add), f"{GET}/parameters/query:owner", "new required query")

    def test_parameter_newly_required_breaks(self) -> None:
        """An optional parameter turned required."""
        report = changed(
            lambda s: s["paths"]["/v1/widgets"]["get"]["parameters"][0].update(required=True)
        )
        assert_breaking(report, f"{GET}/parameters/query:limit", "now required")

    def test_new_optional_parameter_is_added(self) -> None:
        """An optional parameter is an addition."""

        def add(s: Spec) -> None:
            s["paths"]["/v1/widgets"]["get"]["parameters"].append(
                {"name": "owner", "in": "query", "schema": {"type": "string"}}
            )

        assert_only_added(changed(add), f"{GET}/parameters/query:owner", "new optional query")

    def test_removed_parameter_breaks(self) -> None:
        """Removing a parameter drops an argument old callers pass."""
        report = changed(lambda s: s["paths"]["/v1/widgets"]["get"].pop("parameters"))
        assert_breaking(report, f"{GET}/parameters/query:limit", "removed")

    def test_number_to_integer_in_request_breaks(self) -> None:
        """Old clients may send 1.5."""
        report = changed(
            lambda s: schemas(s)["WidgetCreate"]["properties"]["weight"].update(type="integer")
        )
        assert_breaking(
            report, f"{S}/WidgetCreate/properties/weight", "number -> integer: narrowed"
        )

    def test_nullable_made_non_nullable_in_request_breaks(self) -> None:
        """Old clients may send null."""
        report = changed(
            lambda s: schemas(s)["WidgetCreate"]["properties"]["note"].update(type="string")
        )
        assert_breaking(report, f"{S}/WidgetCreate/properties/note", "narrowed")

    def test_widened_request_type_is_compatible(self) -> None:
        """Accepting more in a request breaks nobody."""
        report = changed(
            lambda s: schemas(s)["WidgetCreate"]["properties"]["name"].update(
                type=["string", "null"]
            )
        )
        assert_compatible(report, f"{S}/WidgetCreate/properties/name", "widened")

    def test_enum_value_removed_in_request_breaks(self) -> None:
        """Old clients may send the removed value."""
        report = changed(lambda s: schemas(s)["Color"]["enum"].remove("blue"))
        assert_breaking(report, f"{S}/Color", "enum value 'blue' removed")

    def test_enum_value_added_to_request_only_enum_is_added(self) -> None:
        """Only clients send Color, so a new value is a pure addition."""
        report = changed(lambda s: schemas(s)["Color"]["enum"].append("green"))
        assert_only_added(report, f"{S}/Color", "new enum value 'green'")

    def test_tighter_bound_in_request_breaks(self) -> None:
        """A lower maxLength refuses names old clients may send."""
        report = changed(
            lambda s: schemas(s)["WidgetCreate"]["properties"]["name"].update(maxLength=10)
        )
        assert_breaking(report, f"{S}/WidgetCreate/properties/name", "maxLength 100 -> 10")

    def test_request_body_newly_required_breaks(self) -> None:
        """A body old clients were allowed to omit is now required."""

        def edit(s: Spec) -> None:
            s["paths"]["/v1/widgets"]["post"]["requestBody"]["required"] = False

        old = base_spec()
        edit(old)
        report = spec_diff.diff(old, base_spec())
        assert_breaking(report, f"{POST}/requestBody", "now required")


class TestResponseRules:
    def test_removed_response_property_breaks(self) -> None:
        """Old clients read the property."""
        report = changed(lambda s: schemas(s)["Widget"]["properties"].pop("created_at"))
        assert_breaking(report, f"{S}/Widget/properties/created_at", "removed")

    def test_new_response_property_is_added(self) -> None:
        """Old clients ignore fields they do not know."""

        def add(s: Spec) -> None:
            schemas(s)["Widget"]["properties"]["color"] = {"type": "string"}
            schemas(s)["Widget"]["required"].append("color")

        assert_only_added(changed(add), f"{S}/Widget/properties/color", "new required property")

    def test_property_newly_required_in_response_is_compatible(self) -> None:
        """Old clients parse a field they took as optional; it is now always there."""
        report = changed(lambda s: schemas(s)["Widget"]["required"].append("created_at"))
        assert_compatible(report, f"{S}/Widget/properties/created_at", "now required")

    def test_property_newly_required_in_a_shared_schema_breaks(self) -> None:
        """A schema sent both ways is a request too: old clients may leave the field out."""

        def require(s: Spec) -> None:
            schemas(s)["Widget"]["required"].append("created_at")
            schemas(s)["WidgetCreate"]["properties"]["like"] = ref("Widget")

        assert_breaking(changed(require), f"{S}/Widget/properties/created_at", "now required")

    def test_property_no_longer_required_in_response_breaks(self) -> None:
        """Old clients rely on the field being present."""
        report = changed(lambda s: schemas(s)["Widget"]["required"].remove("count"))
        assert_breaking(report, f"{S}/Widget/properties/count", "no longer required")

    def test_integer_to_number_in_response_breaks(self) -> None:
        """A client parsing an int would get 1.5: widening a response type breaks."""
        report = changed(
            lambda s: schemas(s)["Widget"]["properties"]["count"].update(type="number")
        )
        assert_breaking(report, f"{S}/Widget/properties/count", "integer -> number: widened")

    def test_response_made_nullable_breaks(self) -> None:
        """A client expecting a string would get null."""
        report = changed(
            lambda s: schemas(s)["Widget"]["properties"]["name"].update(type=["string", "null"])
        )
        assert_breaking(report, f"{S}/Widget/properties/name", "widened")

    def test_narrowed_response_type_is_compatible(self) -> None:
        """Every value the new server sends was valid before."""

        def edit(s: Spec) -> None:
            schemas(s)["Widget"]["properties"]["count"]["type"] = "number"

        old = base_spec()
        edit(old)
        report = spec_diff.diff(old, base_spec())
        assert_compatible(report, f"{S}/Widget/properties/count", "number -> integer (narrowed")

    def test_enum_value_added_to_response_enum_is_an_addition(self) -> None:
        """The SDK's enums are open, so a new status value breaks no client."""
        report = changed(lambda s: schemas(s)["Status"]["enum"].append("archived"))
        assert_only_added(report, f"{S}/Status", "new enum value 'archived'")

    def test_enum_value_removed_from_response_enum_breaks(self) -> None:
        """Code matching on the removed value loses its case."""
        report = changed(lambda s: schemas(s)["Status"]["enum"].remove("gone"))
        assert_breaking(report, f"{S}/Status", "enum value 'gone' removed")

    def test_format_change_in_response_breaks(self) -> None:
        """Generated clients parse by format: date-time is a datetime, no format is a str."""
        report = changed(lambda s: schemas(s)["Widget"]["properties"]["created_at"].pop("format"))
        assert_breaking(report, f"{S}/Widget/properties/created_at", "format date-time -> none")

    def test_union_variant_added_in_response_is_an_addition(self) -> None:
        """Old clients keep a shape kind they do not know as an unknown member."""

        def add(s: Spec) -> None:
            schemas(s)["Triangle"] = copy.deepcopy(schemas(s)["Circle"])
            schemas(s)["Triangle"]["properties"]["kind"]["const"] = "triangle"
            schemas(s)["Shape"]["oneOf"].append(ref("Triangle"))

        report = changed(add)
        assert_only_added(report, f"{S}/Shape/oneOf", "new oneOf variant $ref Triangle")
        assert f"{S}/Triangle: new schema Triangle" in lines(report.added)


class TestSharedRules:
    def test_const_change_breaks(self) -> None:
        """A tag value is an identity; changing it breaks both ways."""
        report = changed(lambda s: schemas(s)["Circle"]["properties"]["kind"].update(const="round"))
        assert_breaking(
            report, f"{S}/Circle/properties/kind", "const changed from 'circle' to 'round'"
        )

    def test_changed_ref_target_breaks(self) -> None:
        """Pointing at another named schema changes the generated type, even if shapes agree."""

        def edit(s: Spec) -> None:
            schemas(s)["Status2"] = copy.deepcopy(schemas(s)["Status"])
            schemas(s)["Widget"]["properties"]["status"] = ref("Status2")

        assert_breaking(changed(edit), f"{S}/Widget/properties/status", "now refers to")

    def test_ref_replaced_by_inline_breaks(self) -> None:
        """A removed $ref target breaks even when the inline copy is identical."""

        def edit(s: Spec) -> None:
            schemas(s)["Widget"]["properties"]["status"] = copy.deepcopy(schemas(s)["Status"])

        assert_breaking(changed(edit), f"{S}/Widget/properties/status", "is now inline")

    def test_inline_replaced_by_equal_ref_is_not_breaking(self) -> None:
        """Naming an inline schema, unchanged, is compared structurally and passes."""

        def edit(s: Spec) -> None:
            schemas(s)["Weight"] = {"type": "number"}
            schemas(s)["WidgetCreate"]["properties"]["weight"] = ref("Weight")

        report = changed(edit)
        assert report.breaking == [], report.format()
        assert lines(report.added) == [f"{S}/Weight: new schema Weight"]

    def test_inline_replaced_by_narrower_ref_breaks(self) -> None:
        """Through the new $ref, a narrowed request type is still caught."""

        def edit(s: Spec) -> None:
            schemas(s)["Weight"] = {"type": "integer"}
            schemas(s)["WidgetCreate"]["properties"]["weight"] = ref("Weight")

        assert_breaking(changed(edit), f"{S}/WidgetCreate/properties/weight", "narrowed")

    def test_removed_error_code_breaks(self) -> None:
        """Clients map codes to exception classes."""
        report = changed(lambda s: schemas(s)["ErrorCode"]["enum"].remove("RATE_LIMITED"))
        assert_breaking(report, f"{S}/ErrorCode", "error code 'RATE_LIMITED' removed")

    def test_new_error_code_is_added(self) -> None:
        """New codes are promised; unknown ones map to the status class."""
        report = changed(lambda s: schemas(s)["ErrorCode"]["enum"].append("QUOTA_EXCEEDED"))
        assert_only_added(report, f"{S}/ErrorCode", "new error code 'QUOTA_EXCEEDED'")

    def test_error_code_with_a_new_status_breaks(self) -> None:
        """Clients pick the exception class by the code's status family."""
        report = changed(lambda s: schemas(s)["ErrorCode"]["x-statuses"].update(NOT_FOUND=410))
        assert_breaking(
            report, f"{S}/ErrorCode/x-statuses/NOT_FOUND", "NOT_FOUND is now sent with 410"
        )

    def test_status_of_a_new_error_code_is_not_a_break(self) -> None:
        """A new code brings its status along; only the code's addition is reported."""

        def edit(s: Spec) -> None:
            schemas(s)["ErrorCode"]["enum"].append("QUOTA_EXCEEDED")
            schemas(s)["ErrorCode"]["x-statuses"]["QUOTA_EXCEEDED"] = 429

        assert_only_added(changed(edit), f"{S}/ErrorCode", "new error code 'QUOTA_EXCEEDED'")

    def test_removed_sse_event_breaks(self) -> None:
        """Clients handle the event; it no longer comes."""

        def edit(s: Spec) -> None:
            s["paths"]["/v1/widgets/events"]["get"]["responses"]["200"]["x-sse-events"].pop(
                "deleted"
            )

        assert_breaking(changed(edit), f"{EVENTS}/deleted", "SSE event 'deleted' removed")

    def test_new_sse_event_is_added(self) -> None:
        """SSE clients skip events they do not know; the new variant of the unreached union too."""

        def edit(s: Spec) -> None:
            schemas(s)["MovedEvent"] = {
                "type": "object",
                "properties": {"type": {"const": "moved"}},
            }
            schemas(s)["AnyEvent"]["oneOf"].append(ref("MovedEvent"))
            events = s["paths"]["/v1/widgets/events"]["get"]["responses"]["200"]["x-sse-events"]
            events["moved"] = "MovedEvent"

        report = changed(edit)
        assert report.breaking == [], report.format()
        assert set(lines(report.added)) == {
            f"{EVENTS}/moved: new SSE event 'moved' (MovedEvent)",
            f"{S}/AnyEvent/oneOf: new oneOf variant $ref MovedEvent",
            f"{S}/MovedEvent: new schema MovedEvent",
        }

    def test_sse_event_payload_renamed_breaks(self) -> None:
        """An event mapped to another schema changes the type clients parse it into."""

        def edit(s: Spec) -> None:
            schemas(s)["GoneEvent"] = copy.deepcopy(schemas(s)["DeletedEvent"])
            s["paths"]["/v1/widgets/events"]["get"]["responses"]["200"]["x-sse-events"][
                "deleted"
            ] = "GoneEvent"

        assert_breaking(changed(edit), f"{EVENTS}/deleted", "from DeletedEvent to GoneEvent")

    def test_event_payload_fields_are_response_fields(self) -> None:
        """Event schemas are reached through x-sse-events, so their fields follow response rules."""
        report = changed(
            lambda s: schemas(s)["DeletedEvent"]["properties"]["id"].update(type=["string", "null"])
        )
        assert_breaking(report, f"{S}/DeletedEvent/properties/id", "widened")

    def test_removed_schema_breaks_and_new_schema_is_added(self) -> None:
        """Generated models disappear with their schema; new ones are additions."""

        def edit(s: Spec) -> None:
            schemas(s)["Gadget"] = schemas(s).pop("Problem")
            s["paths"]["/v1/widgets"]["post"]["responses"]["404"] = {"description": "missing"}

        report = changed(edit)
        assert_breaking(report, f"{S}/Problem", "schema Problem removed")
        assert f"{S}/Gadget: new schema Gadget" in lines(report.added)

    def test_recursive_schema_terminates(self) -> None:
        """A self-referencing schema is compared once and its change reported once."""
        report = changed(lambda s: schemas(s)["Node"]["properties"].pop("value"))
        assert lines(report.breaking) == [f"{S}/Node/properties/value: property 'value' removed"]

    def test_recursive_inline_to_ref_terminates(self) -> None:
        """Resolving a new $ref into a recursive schema does not loop."""

        def edit(s: Spec) -> None:
            schemas(s)["Tree"] = copy.deepcopy(schemas(s)["Node"])
            schemas(s)["Tree"]["properties"]["children"]["items"] = ref("Tree")
            schemas(s)["Widget"]["properties"]["tree"] = ref("Tree")

        old = base_spec()
        schemas(old)["Widget"]["properties"]["tree"] = copy.deepcopy(schemas(old)["Node"])
        new = copy.deepcopy(old)
        edit(new)
        report = spec_diff.diff(old, new)
        assert_breaking(report, f"{S}/Widget/properties/tree/properties/children/items", "Node")


class TestVersionRules:
    def breaking_edit(self, s: Spec) -> None:
        schemas(s)["Widget"]["properties"].pop("name")

    def adding_edit(self, s: Spec) -> None:
        schemas(s)["Widget"]["properties"]["size"] = {"type": "integer"}

    def test_breaking_change_without_major_bump_fails(self) -> None:
        """1.2.0 -> 1.3.0 with a break is refused."""
        report = changed(self.breaking_edit, "1.3.0")
        assert not report.ok
        assert "major bump" in report.version_errors[0]

    def test_breaking_change_with_major_bump_passes(self) -> None:
        """1.2.0 -> 2.0.0 allows a break."""
        assert changed(self.breaking_edit, "2.0.0").ok

    def test_major_zero_needs_a_minor_bump(self) -> None:
        """While the major is 0, a minor bump allows a break and a patch bump does not."""

        old = base_spec()
        old["info"]["version"] = "0.4.2"
        for version, allowed in (("0.4.3", False), ("0.5.0", True), ("1.0.0", True)):
            new = with_version(old, version)
            self.breaking_edit(new)
            assert spec_diff.diff(old, new).ok is allowed, version

    def test_additions_need_no_bump(self) -> None:
        """Non-breaking changes pass with the same version."""
        report = changed(self.adding_edit)
        assert report.added and report.ok

    def test_lower_version_fails(self) -> None:
        """Any change with a version lower than OLD's is refused."""
        report = changed(self.adding_edit, "1.1.9")
        assert not report.ok
        assert "went down" in report.version_errors[0]

    def test_pre_release_sorts_before_its_release(self) -> None:
        """1.2.0 -> 1.2.0-rc.1 goes down; 1.2.0 -> 2.0.0-rc.1 is a major bump."""
        assert not changed(self.adding_edit, "1.2.0-rc.1").ok
        assert changed(self.breaking_edit, "2.0.0-rc.1").ok

    def test_non_semver_version_fails(self) -> None:
        """info.version must be SemVer."""
        report = changed(self.adding_edit, "v1.3")
        assert not report.ok
        assert "not SemVer" in report.version_errors[0]

    def test_semver_precedence_of_pre_release_ids(self) -> None:
        """Numeric ids sort numerically and before alphanumeric ones (SemVer §11)."""
        ordered = [
            "1.0.0-alpha",
            "1.0.0-alpha.1",
            "1.0.0-alpha.beta",
            "1.0.0-beta.2",
            "1.0.0-beta.11",
            "1.0.0",
        ]
        for lower, higher in itertools.pairwise(ordered):
            assert spec_diff.check_versions(higher, lower, breaking=False), (lower, higher)
            assert spec_diff.check_versions(lower, higher, breaking=False) == [], (lower, higher)

    def test_command_exits_1_on_unbumped_break(self, tmp_path: Path) -> None:
        """The command prints BREAKING and the version verdict, and exits 1."""
        old, new = base_spec(), base_spec()
        self.breaking_edit(new)
        (tmp_path / "old.json").write_text(json.dumps(old), encoding="utf-8")
        (tmp_path / "new.yaml").write_text(yaml.safe_dump(new), encoding="utf-8")
        result = run_cli(["old.json", "new.yaml"], tmp_path)
        assert result.returncode == 1
        assert "BREAKING (1)" in result.stdout
        assert "VERSION: breaking changes need a major bump" in result.stdout


# ------------------------------------------------------------------------------- git


def run_cli(args: list[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(SCRIPTS / "spec_diff.py"), *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        check=False,
        timeout=60,
    )


GIT_ENV = {
    "GIT_AUTHOR_NAME": "t",
    "GIT_AUTHOR_EMAIL": "t@example.invalid",
    "GIT_COMMITTER_NAME": "t",
    "GIT_COMMITTER_EMAIL": "t@example.invalid",
    "GIT_CONFIG_GLOBAL": os.devnull,
    "GIT_CONFIG_NOSYSTEM": "1",
}


def git(repo: Path, *args: str) -> str:
    result = subprocess.run(
        ["git", *args],
        cwd=repo,
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, **GIT_ENV},
    )
    return result.stdout.strip()


class GitRepo:
    """A throwaway repository holding `openapi/api.yaml`."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.spec_path = root / "openapi" / "api.yaml"
        self.spec_path.parent.mkdir(parents=True)
        git(root, "init", "-q", "-b", "main")

    def commit(self, spec: Spec, message: str) -> str:
        self.write(spec)
        git(self.root, "add", "-A")
        git(self.root, "commit", "-q", "-m", message)
        return git(self.root, "rev-parse", "HEAD")

    def write(self, spec: Spec) -> None:
        self.spec_path.write_text(yaml.safe_dump(spec), encoding="utf-8")


@pytest.fixture
def repo(tmp_path: Path) -> GitRepo:
    return GitRepo(tmp_path / "repo")


def with_version(spec: Spec, version: str) -> Spec:
    spec = copy.deepcopy(spec)
    spec["info"]["version"] = version
    return spec


class TestGitLoading:
    def test_git_source_reads_a_revision(self, repo: GitRepo) -> None:
        """`git:REV:PATH` reads the file as committed at REV, not the working tree."""
        first = repo.commit(base_spec(), "one")
        repo.commit(with_version(base_spec(), "9.9.9"), "two")
        loaded = spec_diff.load_spec(f"git:{first}:openapi/api.yaml", repo.root)
        assert loaded["info"]["version"] == "1.2.0"
        assert (
            spec_diff.load_spec("git:HEAD:openapi/api.yaml", repo.root)["info"]["version"]
            == "9.9.9"
        )

    def test_bad_git_source_raises(self, repo: GitRepo) -> None:
        """An unknown revision or a malformed source is a SpecError."""
        repo.commit(base_spec(), "one")
        with pytest.raises(spec_diff.SpecError):
            spec_diff.load_spec("git:nope:openapi/api.yaml", repo.root)
        with pytest.raises(spec_diff.SpecError):
            spec_diff.load_spec("git:HEAD", repo.root)

    def test_command_compares_a_revision_with_the_tree(self, repo: GitRepo) -> None:
        """`spec_diff.py git:HEAD:PATH PATH` reports the uncommitted break and exits 1."""
        repo.commit(base_spec(), "one")
        new = base_spec()
        schemas(new)["Widget"]["properties"].pop("id")
        repo.write(new)
        result = run_cli(["git:HEAD:openapi/api.yaml", "openapi/api.yaml"], repo.root)
        assert result.returncode == 1
        assert f"{S}/Widget/properties/id: property 'id' removed" in result.stdout


class TestAgainstBase:
    def test_uses_head_when_there_is_no_tag_or_origin(self, repo: GitRepo) -> None:
        """On a fresh clone with neither, the committed spec is the base; identical passes."""
        repo.commit(base_spec(), "one")
        assert spec_diff.find_base(repo.spec_path) == "git:HEAD:openapi/api.yaml"
        result = run_cli(["--against-base", "openapi/api.yaml"], repo.root)
        assert result.returncode == 0, result.stdout + result.stderr
        assert "no changes" in result.stdout

    def test_prefers_the_highest_v_tag_holding_the_spec(self, repo: GitRepo) -> None:
        """The highest v* tag by version order wins, and tags without the file are skipped."""
        git(repo.root, "commit", "-q", "--allow-empty", "-m", "empty")
        git(repo.root, "tag", "v9.0.0")
        repo.commit(base_spec(), "one")
        git(repo.root, "tag", "v1.2.0")
        repo.commit(with_version(base_spec(), "1.10.0"), "two")
        git(repo.root, "tag", "v1.10.0")
        repo.commit(with_version(base_spec(), "1.11.0"), "three")
        assert spec_diff.find_base(repo.spec_path) == "git:v1.10.0:openapi/api.yaml"

    def test_uses_merge_base_with_origin_main(self, repo: GitRepo) -> None:
        """Without tags, the fork point from origin/main is the base, not the branch's HEAD."""
        fork = repo.commit(base_spec(), "one")
        git(repo.root, "update-ref", "refs/remotes/origin/main", fork)
        broken = with_version(base_spec(), "1.3.0")
        schemas(broken)["Widget"]["properties"].pop("id")
        repo.commit(broken, "break it on a branch")
        assert spec_diff.find_base(repo.spec_path) == f"git:{fork}:openapi/api.yaml"
        result = run_cli(["--against-base", "openapi/api.yaml"], repo.root)
        assert result.returncode == 1
        assert "property 'id' removed" in result.stdout

    def test_no_committed_spec_passes(self, repo: GitRepo) -> None:
        """A spec never committed has nothing to be compared with, and passes."""
        git(repo.root, "commit", "-q", "--allow-empty", "-m", "empty")
        repo.write(base_spec())
        assert spec_diff.find_base(repo.spec_path) is None
        assert run_cli(["--against-base", "openapi/api.yaml"], repo.root).returncode == 0
