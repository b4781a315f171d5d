"""Models of flat schemas are built without their generated ``from_dict``, exactly as it would."""

from __future__ import annotations

from typing import Any

import attrs
import pytest
from agentkit_api import models

from agentkit._compat import _flat_builder, _flat_fields, parse_model
from agentkit._contract import contract

FLAT = [name for name in models.__all__ if _flat_fields(getattr(models, name)) is not None]
SAMPLES = {"string": "text", "integer": 7, "boolean": True}


def sample(name: str) -> dict[str, Any]:
    properties = contract().components["schemas"][name]["properties"]
    return {
        key: definition.get("const", SAMPLES[definition["type"]])
        for key, definition in properties.items()
    }


def outcome(build: Any, data: Any) -> tuple[str, Any]:
    try:
        built = build(data)
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        return type(exc).__name__, exc.args
    return "built", (attrs.asdict(built, recurse=False), type(built))


def test_the_stream_delta_events_are_flat() -> None:
    assert {"SessionTextDeltaEvent", "SessionThinkingDeltaEvent", "ChatContentEvent"} <= set(FLAT)


def test_models_with_nested_optional_or_typed_fields_are_not() -> None:
    for name in ("Agent", "Chat", "SessionStopEvent", "SessionUserInputEvent", "ErrorDetail"):
        assert _flat_fields(getattr(models, name)) is None


@pytest.mark.parametrize("name", FLAT)
def test_builds_as_from_dict_does(name: str) -> None:
    model = getattr(models, name)
    fields = _flat_fields(model)
    assert fields is not None
    build = _flat_builder(model, fields)
    good = sample(name)
    cases: list[Any] = [
        good,
        {**good, "added_by_a_newer_server": [1, 2]},
        {},
        [],
        None,
        "text",
        [("a", 1)],
        *({k: v for k, v in good.items() if k != key} for key in good),
        *({**good, key: None} for key in good),
    ]
    consts = [key for key, _, const in fields if isinstance(const, str)]
    cases += [{**good, key: "another"} for key in consts]
    cases += [{key: "another"} for key in consts]
    for data in cases:
        assert outcome(build, data) == outcome(model.from_dict, data), data
    assert parse_model(model, good) == model.from_dict(good)
    extra = parse_model(model, {**good, "new": 1})
    assert extra.additional_properties == {"new": 1}


def _twin(**extra: Any) -> type[Any]:
    """An attrs class named and shaped as SessionTextDeltaEvent, with ``extra`` in its body."""
    body: dict[str, Any] = {
        "__annotations__": {
            "type_": "str",
            "id": "int",
            "session_id": "str",
            "message_index": "int",
            "content": "str",
            "additional_properties": "dict[str, Any]",
        },
        "additional_properties": attrs.field(init=False, factory=dict),
        **extra,
    }
    return attrs.define(type("SessionTextDeltaEvent", (), body))


def test_the_twin_of_a_flat_model_is_flat() -> None:
    assert _flat_fields(_twin()) == _flat_fields(models.SessionTextDeltaEvent)


@pytest.mark.parametrize(
    "extra",
    [
        {"content": attrs.field(validator=attrs.validators.instance_of(str))},
        {"content": attrs.field(converter=str)},
        {"__attrs_post_init__": lambda self: None},
        {"__attrs_pre_init__": lambda self: None},
        {"__setattr__": lambda self, name, value: object.__setattr__(self, name, value)},
    ],
)
def test_a_class_that_does_more_than_store_is_not_flat(extra: dict[str, Any]) -> None:
    assert _flat_fields(_twin(**extra)) is None
