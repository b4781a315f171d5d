"""Request validation against the contract: JSON bodies, query, path and header parameters.

Validators are compiled once per operation, from the operations and schemas of the contract
registry (``agentkit._contract``). A failure is a 400 VALIDATION_ERROR whose ``details.field`` is
the JSON path of the bad field (``message.parts[0].type``) and whose ``details.location`` says
where it was sent.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cache
from typing import Any

from jsonschema import Draft202012Validator
from jsonschema.exceptions import ValidationError, best_match

from ..._contract import Operation, contract
from .errors import invalid

__all__ = ["RequestRules", "compile_all", "json_path", "rules_for"]


def json_path(parts: Iterable[Any]) -> str:
    """``["message", "parts", 0, "type"]`` as ``message.parts[0].type``."""
    out = ""
    for part in parts:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else str(part)
    return out


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


def _compile(schema: Mapping[str, Any]) -> Draft202012Validator:
    # Refs in the contract point at "#/components/...", so the root carries the components.
    return Draft202012Validator({**schema, "components": contract().components})


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
    schema: Mapping[str, Any]
    validator: Draft202012Validator


class RequestRules:
    """The checks of one operation's input, compiled from its entry in the contract registry."""

    def __init__(self, operation: Operation) -> None:
        self.operation = operation
        self.body_required = operation.body_required
        schema = operation.body_schema
        self._body = _compile(schema) if schema else None
        self._params = [
            _Param(p.name, p.location, p.required, p.schema, _compile(p.schema))
            for p in operation.parameters
        ]

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
def rules_for(operation_id: str) -> RequestRules:
    """The compiled input checks of the operation with this ``operationId``."""
    return RequestRules(contract().operation(operation_id))


def compile_all() -> None:
    """Compile every operation's validators now, so no request pays for it."""
    for operation_id in contract().operations:
        rules_for(operation_id)
