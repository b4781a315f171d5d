"""Forward compatibility for the generated models.

A newer server may add enum values (a status), union members (a part type) and fields. The
generated models keep unknown fields, but raise on unknown enum values and on unknown tags of a
tagged union, so one new value would break every older SDK. ``open_models`` fixes both:

- enums accept unknown values as extra members that compare equal to their string;
- arrays of tagged unions keep members with an unknown tag as ``UnknownPart`` objects, in place.
"""

from __future__ import annotations

import enum
import json
from dataclasses import dataclass, field
from importlib import resources
from typing import Any, TypeVar

__all__ = ["UnknownPart", "open_models", "parse_model"]

_done = False
T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class UnknownPart:
    """A member of a tagged union whose ``type`` this SDK version does not know.

    Attributes:
        type: The tag the server sent.
        raw: The whole object as received.
    """

    type: str
    raw: dict[str, Any] = field(repr=False)

    def to_dict(self) -> dict[str, Any]:
        """The object as received."""
        return dict(self.raw)


def _missing(cls: type[enum.Enum], value: object) -> Any:
    if not isinstance(value, str):
        return None
    member = str.__new__(cls, value)  # type: ignore[type-var]
    member._name_ = value.upper()
    member._value_ = value
    return member


def _request_schemas(spec: dict[str, Any]) -> set[str]:
    """Names of the schemas a request body can contain: those must stay strict."""
    found: set[str] = set()

    def walk(node: Any) -> None:
        if isinstance(node, dict):
            ref = node.get("$ref", "")
            if ref.startswith("#/components/schemas/"):
                name = ref.rsplit("/", 1)[-1]
                if name not in found:
                    found.add(name)
                    walk(spec["components"]["schemas"][name])
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    for item in spec["paths"].values():
        for operation in item.values():
            if isinstance(operation, dict):
                walk(operation.get("requestBody", {}))
    return found


def _tagged_arrays(spec: dict[str, Any]) -> dict[str, dict[str, set[str]]]:
    """For each response schema: its arrays of a tagged union, and the tags known today."""
    schemas = spec["components"]["schemas"]
    strict = _request_schemas(spec)

    def tags(name: str) -> set[str] | None:
        variants = schemas.get(name, {}).get("oneOf")
        if not variants:
            return None
        found = set()
        for variant in variants:
            target = schemas[variant["$ref"].rsplit("/", 1)[-1]]
            found.add(target["properties"]["type"]["const"])
        return found

    result: dict[str, dict[str, set[str]]] = {}
    for name, schema in schemas.items():
        if name in strict:
            continue
        for prop, definition in schema.get("properties", {}).items():
            ref = (
                definition.get("items", {}).get("$ref", "")
                if definition.get("type") == "array"
                else ""
            )
            known = tags(ref.rsplit("/", 1)[-1]) if ref else None
            if known:
                result.setdefault(name, {})[prop] = known
    return result


def _tolerant(original: Any, arrays: dict[str, set[str]]) -> classmethod[Any, Any, Any]:
    def from_dict(cls: type[Any], src_dict: Any) -> Any:
        data = dict(src_dict)
        unknown: dict[str, list[tuple[int, dict[str, Any]]]] = {}
        for prop, known in arrays.items():
            items = data.get(prop)
            if not isinstance(items, list):
                continue
            kept = []
            for index, item in enumerate(items):
                if (
                    isinstance(item, dict)
                    and isinstance(item.get("type"), str)
                    and item["type"] not in known
                ):
                    unknown.setdefault(prop, []).append((index, item))
                else:
                    kept.append(item)
            data[prop] = kept
        model = original(cls, data)
        for prop, found in unknown.items():
            for index, item in found:
                getattr(model, prop).insert(index, UnknownPart(type=item["type"], raw=item))
        return model

    return classmethod(from_dict)


def open_models() -> None:
    """Make the generated models tolerate values from newer servers (idempotent)."""
    global _done
    if _done:
        return
    from agentkit_api import models

    for value in vars(models).values():
        if isinstance(value, type) and issubclass(value, enum.Enum) and issubclass(value, str):
            value._missing_ = classmethod(_missing)  # type: ignore[assignment]
    text = resources.files("agentkit_api").joinpath("contract.json").read_text(encoding="utf-8")
    for name, arrays in _tagged_arrays(json.loads(text)).items():
        model = getattr(models, name, None)
        if model is not None:
            model.from_dict = _tolerant(model.from_dict.__func__, arrays)
    _done = True


def parse_model(model: type[T], data: Any) -> T:
    """Build a generated response model from its JSON, tolerating values from newer servers."""
    result: T = model.from_dict(data)  # type: ignore[attr-defined]
    return result
