"""The quick schema check never accepts what jsonschema refuses."""

from __future__ import annotations

import copy
from typing import Any

import pytest
from jsonschema import Draft202012Validator

from agentkit._contract import contract
from agentkit.server.core.schema_check import quick_check

COMPONENTS: dict[str, Any] = {
    "schemas": {
        "Text": {
            "type": "object",
            "required": ["type", "content"],
            "additionalProperties": False,
            "properties": {"type": {"const": "text"}, "content": {"type": "string"}},
        },
        "Data": {
            "type": "object",
            "required": ["type"],
            "properties": {"type": {"const": "data"}, "n": {"type": "integer", "minimum": 1}},
        },
        "Part": {
            "oneOf": [{"$ref": "#/components/schemas/Text"}, {"$ref": "#/components/schemas/Data"}]
        },
        "Tree": {
            "type": "object",
            "properties": {
                "children": {"type": "array", "items": {"$ref": "#/components/schemas/Tree"}}
            },
        },
    }
}
SCHEMA: dict[str, Any] = {
    "type": "object",
    "required": ["parts"],
    "properties": {
        "parts": {"type": "array", "items": {"$ref": "#/components/schemas/Part"}, "maxItems": 3},
        "flag": {"type": "boolean"},
        "count": {"type": ["integer", "null"], "maximum": 5},
        "name": {"type": "string", "minLength": 1, "maxLength": 4, "pattern": "^[a-z]+$"},
        "kind": {"enum": ["a", 1, None]},
        "tags": {"type": "array", "uniqueItems": True},
        "any": {"anyOf": [{"type": "string"}, {"type": "number"}]},
        "tree": {"$ref": "#/components/schemas/Tree"},
        "extra": {"type": "object", "additionalProperties": {"type": "string"}},
        "some": {"type": "object", "minProperties": 1, "maxProperties": 2},
    },
}
INSTANCES: list[Any] = [
    {"parts": []},
    {"parts": [{"type": "text", "content": "hi"}]},
    {"parts": [{"type": "text", "content": 1}]},
    {"parts": [{"type": "text", "content": "x", "more": 1}]},
    {"parts": [{"type": "data", "n": 1}, {"type": "data", "n": 1.0}, {"type": "data", "n": 0}]},
    {"parts": [{"type": "data", "n": True}]},
    {"parts": [{}, {}, {}, {}]},
    {"parts": [{"type": 1, "content": "x"}]},
    {"parts": [{"type": "nope", "content": "x"}]},
    {"parts": [{"type": ["text"], "content": "x"}]},
    {"parts": ["text", None]},
    {"parts": [], "flag": 1},
    {"parts": [], "flag": False, "count": None},
    {"parts": [], "count": 6},
    {"parts": [], "count": 2.5},
    {"parts": [], "name": ""},
    {"parts": [], "name": "abcde"},
    {"parts": [], "name": "ab1"},
    {"parts": [], "name": "abc"},
    {"parts": [], "kind": True},
    {"parts": [], "kind": 1.0},
    {"parts": [], "kind": "b"},
    {"parts": [], "tags": [1, True]},
    {"parts": [], "tags": [1, 1.0]},
    {"parts": [], "tags": [{"a": [1]}, {"a": [1]}]},
    {"parts": [], "any": None},
    {"parts": [], "any": False},
    {"parts": [], "tree": {"children": [{"children": [{"children": 3}]}]}},
    {"parts": [], "tree": {"children": [{"children": []}]}},
    {"parts": [], "extra": {"a": "b", "c": 1}},
    {"parts": [], "extra": {"a": "b"}},
    {"parts": [], "some": {}},
    {"parts": [], "some": {"a": None}},
    {"parts": [], "some": {"a": 1, "b": 2}},
    {"parts": [], "some": {"a": 1, "b": 2, "c": 3}},
    {"parts": [], "some": []},
    {"flag": True},
    [],
    "text",
]


@pytest.mark.parametrize("instance", INSTANCES)
def test_agrees_with_jsonschema(instance: Any) -> None:
    quick = quick_check(SCHEMA, COMPONENTS)
    assert quick is not None
    validator = Draft202012Validator({**SCHEMA, "components": COMPONENTS})
    assert quick(instance) == validator.is_valid(instance)


@pytest.mark.parametrize(
    "instance",
    [{"type": "text", "content": "x"}, {"type": "text"}, {"type": "data"}, {"type": 2}, "text"],
)
def test_branches_sharing_a_tag_value_are_each_tried(instance: Any) -> None:
    # Both branches accept type "text": the tag cannot pick one, so "exactly one" is counted.
    components = copy.deepcopy(COMPONENTS)
    components["schemas"]["Data"]["properties"]["type"] = {"const": "text"}
    schema = {"$ref": "#/components/schemas/Part"}
    quick = quick_check(schema, components)
    assert quick is not None
    validator = Draft202012Validator({**schema, "components": components})
    assert quick(instance) == validator.is_valid(instance)


def test_unknown_assertions_get_no_quick_check() -> None:
    assert quick_check({"not": {"type": "string"}}, {}) is None
    assert quick_check({"type": "object", "patternProperties": {}}, {}) is None


def _mutations(value: Any) -> list[Any]:
    """``value`` with one field changed in several ways, at every depth."""
    found: list[Any] = []
    replacements: list[Any] = [None, True, 0, -1, 1.5, "", "x" * 300, [], {}, [1, 1], {"zz": 1}]
    if isinstance(value, dict):
        for key in value:
            for inner in _mutations(value[key]):
                changed = copy.copy(value)
                changed[key] = inner
                found.append(changed)
        found.append({**value, "unexpected_field": 1})
        for key in value:
            found.append({k: v for k, v in value.items() if k != key})
    elif isinstance(value, list):
        for index, item in enumerate(value):
            for inner in _mutations(item):
                changed = list(value)
                changed[index] = inner
                found.append(changed)
        found.append([*value, *value])
    found += replacements
    return found


CONTRACT_BODIES = {
    "chats_message": {"message": {"parts": [{"type": "text", "content": "hello"}], "metadata": {}}},
    "chats_start": {
        "agent_id": "agt_1",
        "message": {
            "parts": [{"type": "text", "content": "hello"}, {"type": "data", "content": "{}"}]
        },
        "chat_id": "c1",
    },
    "agents_create": {"name": "Bot", "brain": "echo", "metadata": {"a": "b"}, "sub_agent_ids": []},
    "messages_send": {
        "client_msg_id": "m1",
        "conversation_id": "conv_1",
        "content": {"text": "hello", "data": {"k": [1]}},
    },
}


def test_every_contract_schema_has_a_quick_check() -> None:
    # A schema without one is validated by jsonschema alone, several times slower per request.
    registry = contract()
    for name in registry.components["schemas"]:
        ref = {"$ref": f"#/components/schemas/{name}"}
        assert quick_check(ref, registry.components) is not None, name


@pytest.mark.parametrize("operation_id", sorted(CONTRACT_BODIES))
def test_contract_bodies_and_their_mutations(operation_id: str) -> None:
    registry = contract()
    schema = registry.operation(operation_id).body_schema
    assert schema
    quick = quick_check(schema, registry.components)
    assert quick is not None
    validator = Draft202012Validator({**schema, "components": registry.components})
    body = CONTRACT_BODIES[operation_id]
    assert quick(body) and validator.is_valid(body)
    for instance in _mutations(body):
        assert quick(instance) == validator.is_valid(instance), instance
