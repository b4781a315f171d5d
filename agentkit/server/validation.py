"""Request validation against the contract: JSON bodies, query, path and header parameters.

Validators are compiled once per operation, from the contract that ships with the generated
client. A failure is a 400 VALIDATION_ERROR whose ``details.field`` is the JSON path of the bad
field (``message.parts[0].type``) and whose ``details.location`` says where it was sent.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

from jsonschema import Draft202012Validator
from jsonschema.exceptions import ValidationError, best_match

from .errors import invalid

__all__ = ["Operation", "compile_all", "contract", "json_path", "operation"]


@cache
def contract() -> dict[str, Any]:
    """The contract (OpenAPI 3.1) as a dict."""
    text = resources.files("agentkit_api").joinpath("contract.json").read_text(encoding="utf-8")
    loaded: dict[str, Any] = json.loads(text)
    return loaded


def json_path(parts: Iterable[Any]) -> str:
    """``["message", "parts", 0, "type"]`` as ``message.parts[0].type``."""
    out = ""
    for part in parts:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else str(part)
    return out


def _resolve(ref: str) -> dict[str, Any]:
    node: Any = contract()
    for name in ref.removeprefix("#/").split("/"):
        node = node[name]
    resolved: dict[str, Any] = node
    return resolved


def _explain(error: ValidationError) -> tuple[list[Any], str]:
    """The path of the field to blame and a message, looking inside tagged unions."""
    path = list(error.absolute_path)
    schema, instance = error.schema, error.instance
    if error.validator == "oneOf" and isinstance(schema, dict) and "discriminator" in schema:
        tag = schema["discriminator"]["propertyName"]
        mapping: dict[str, str] = schema["discriminator"].get("mapping", {})
        if not isinstance(instance, dict):
            return path, "must be an object"
        value = instance.get(tag)
        if not isinstance(value, str) or value not in mapping:
            return [*path, tag], f"must be one of {sorted(mapping)}, not {value!r}"
        # Blame only the variant the tag selects, not every alternative of the union.
        index = next(
            i for i, variant in enumerate(schema["oneOf"]) if variant.get("$ref") == mapping[value]
        )
        inner = [e for e in error.context or [] if e.relative_schema_path[0] == index]
        chosen = best_match(inner) if inner else None
        if chosen is not None:
            return _explain(chosen)
    if error.validator == "required" and isinstance(instance, dict):
        missing = [name for name in error.validator_value if name not in instance]
        return [*path, *missing[:1]], "is required"
    if error.validator == "additionalProperties" and isinstance(instance, dict):
        known = schema.get("properties", {}) if isinstance(schema, dict) else {}
        extra = [name for name in instance if name not in known]
        return [*path, *extra[:1]], "is not a known field"
    return path, error.message


def _compile(schema: dict[str, Any]) -> Draft202012Validator:
    # Refs in the contract point at "#/components/...", so the root carries the components.
    return Draft202012Validator({**schema, "components": contract()["components"]})


def _check(validator: Draft202012Validator, value: Any, location: str, prefix: list[Any]) -> None:
    error = best_match(validator.iter_errors(value))
    if error is not None:
        path, message = _explain(error)
        raise invalid(json_path([*prefix, *path]) or location, message, location)


_BOOLEANS = {"true": True, "false": False, "1": True, "0": False}


@dataclass(frozen=True, slots=True)
class _Param:
    name: str
    location: str
    required: bool
    schema: dict[str, Any]
    validator: Draft202012Validator


class Operation:
    """One operation of the contract, with its compiled validators."""

    def __init__(self, operation_id: str, spec: dict[str, Any]) -> None:
        self.operation_id = operation_id
        body = spec.get("requestBody", {})
        schema = body.get("content", {}).get("application/json", {}).get("schema")
        self.body_required = bool(body.get("required"))
        self.secured = spec.get("security", contract().get("security", [])) != []
        self._body = _compile(schema) if schema else None
        self._params: list[_Param] = []
        for param in spec.get("parameters", []):
            if "$ref" in param:
                param = _resolve(param["$ref"])
            self._params.append(
                _Param(
                    name=param["name"],
                    location=param["in"],
                    required=bool(param.get("required")),
                    schema=param["schema"],
                    validator=_compile(param["schema"]),
                )
            )

    def body(self, raw: bytes) -> dict[str, Any]:
        """Parse and validate the JSON body; an absent optional body is ``{}``."""
        if self._body is None:
            return {}
        if not raw.strip():
            if self.body_required:
                raise invalid("body", "a JSON body is required")
            return {}
        try:
            value = json.loads(raw)
        except ValueError as exc:
            reason = exc.msg if isinstance(exc, json.JSONDecodeError) else "not UTF-8"
            raise invalid("body", f"is not valid JSON ({reason})") from None
        _check(self._body, value, "body", [])
        result: dict[str, Any] = value
        return result

    def parameters(
        self, query: Mapping[str, str], path: Mapping[str, str], headers: Mapping[str, str]
    ) -> dict[str, Any]:
        """Coerce and validate the declared parameters, applying defaults; keyed by name."""
        sources = {"query": query, "path": path, "header": headers}
        values: dict[str, Any] = {}
        for param in self._params:
            source = sources.get(param.location, {})
            raw = source.get(param.name.lower() if param.location == "header" else param.name)
            if raw is None:
                if param.required:
                    raise invalid(param.name, "is required", param.location)
                if "default" in param.schema:
                    values[param.name] = param.schema["default"]
                continue
            value: Any = raw
            if param.schema.get("type") == "integer":
                try:
                    value = int(raw)
                except ValueError:
                    raise invalid(param.name, "must be an integer", param.location) from None
            elif param.schema.get("type") == "boolean":
                if raw.lower() not in _BOOLEANS:
                    raise invalid(param.name, "must be true or false", param.location)
                value = _BOOLEANS[raw.lower()]
            _check(param.validator, value, param.location, [param.name])
            values[param.name] = value
        return values


@cache
def operation(operation_id: str) -> Operation:
    """The compiled operation with this ``operationId``."""
    for item in contract()["paths"].values():
        shared = item.get("parameters", [])
        for spec in item.values():
            if isinstance(spec, dict) and spec.get("operationId") == operation_id:
                merged = {**spec, "parameters": [*shared, *spec.get("parameters", [])]}
                return Operation(operation_id, merged)
    raise KeyError(operation_id)


def compile_all() -> None:
    """Compile every operation's validators now, so no request pays for it."""
    for item in contract()["paths"].values():
        for spec in item.values():
            if isinstance(spec, dict) and "operationId" in spec:
                operation(spec["operationId"])
