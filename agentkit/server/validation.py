"""Request validation against the contract: JSON bodies and query parameters.

Validators are compiled once from the contract that ships with the generated client. A failure
names the JSON path of the bad field, such as ``message.parts[0].type``.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping
from functools import cache
from importlib import resources
from typing import Any

from jsonschema import Draft202012Validator
from jsonschema.exceptions import ValidationError, best_match

from .errors import invalid

__all__ = ["Operation", "allowed_methods", "contract", "operation"]


@cache
def contract() -> dict[str, Any]:
    """The contract (OpenAPI 3.1) as a dict."""
    text = resources.files("agentkit_api").joinpath("contract.json").read_text(encoding="utf-8")
    loaded: dict[str, Any] = json.loads(text)
    return loaded


def _path(parts: Iterable[Any]) -> str:
    out = ""
    for part in parts:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


def _field(error: ValidationError) -> str:
    path = list(error.absolute_path)
    if error.validator == "required" and isinstance(error.instance, dict):
        missing = [name for name in error.validator_value if name not in error.instance]
        path += missing[:1]
    elif error.validator == "additionalProperties" and isinstance(error.instance, dict):
        allowed = error.schema.get("properties", {})
        path += [name for name in error.instance if name not in allowed][:1]
    return _path(path) or "body"


def _precise(error: ValidationError) -> ValidationError:
    """For a tagged oneOf, the error inside the variant whose tag matched, if there is one."""
    while error.validator in ("oneOf", "anyOf") and error.context:
        inside = [
            sub
            for sub in error.context
            if not (sub.validator == "const" and list(sub.relative_path) == ["type"])
        ]
        tagged = [sub for sub in inside if sub.relative_path or sub.validator != "type"]
        best = best_match(tagged) if tagged and len(tagged) < len(error.context) else None
        if best is None:
            break
        error = best
    return error


def _validator(schema: dict[str, Any]) -> Draft202012Validator:
    root = {**schema, "components": contract()["components"]}
    return Draft202012Validator(root)


class Operation:
    """One operation of the contract, with its compiled validators."""

    def __init__(self, operation_id: str, spec: dict[str, Any]) -> None:
        self.operation_id = operation_id
        body = spec.get("requestBody", {})
        schema = body.get("content", {}).get("application/json", {}).get("schema")
        self.body_required = bool(body.get("required"))
        self.secured = spec.get("security", [{"bearerAuth": []}]) != []
        self._body = _validator(schema) if schema else None
        self._query: dict[str, tuple[dict[str, Any], bool, Draft202012Validator]] = {}
        self._headers: dict[str, tuple[dict[str, Any], bool, Draft202012Validator]] = {}
        components = contract()["components"]["parameters"]
        for param in spec.get("parameters", []):
            if "$ref" in param:
                param = components[param["$ref"].rsplit("/", 1)[-1]]
            if param["in"] in ("query", "header"):
                target = self._query if param["in"] == "query" else self._headers
                schema = param["schema"]
                target[param["name"]] = (schema, param.get("required", False), _validator(schema))

    def body(self, raw: bytes) -> dict[str, Any] | None:
        """Parse and validate the JSON body."""
        if not raw.strip():
            if self._body is not None and self.body_required:
                raise invalid("body", "a JSON body is required")
            return None
        if self._body is None:
            return None
        try:
            value = json.loads(raw)
        except json.JSONDecodeError as exc:
            raise invalid("body", f"not valid JSON ({exc.msg})") from None
        except ValueError:
            raise invalid("body", "not valid UTF-8 JSON") from None
        error = best_match(self._body.iter_errors(value))
        if error is not None:
            error = _precise(error)
            raise invalid(_field(error), error.message)
        result: dict[str, Any] = value
        return result

    def query(self, params: Mapping[str, str]) -> dict[str, Any]:
        """Coerce and validate the query parameters, applying defaults."""
        return self._parameters(self._query, params, "query")

    def headers(self, headers: Mapping[str, str]) -> dict[str, Any]:
        """Validate the header parameters the operation declares."""
        return self._parameters(self._headers, headers, "header")

    @staticmethod
    def _parameters(
        declared: dict[str, tuple[dict[str, Any], bool, Draft202012Validator]],
        params: Mapping[str, str],
        location: str,
    ) -> dict[str, Any]:
        values: dict[str, Any] = {}
        for name, (schema, required, validator) in declared.items():
            raw = params.get(name)
            if raw is None:
                if required:
                    raise invalid(name, "is required", location)
                if "default" in schema:
                    values[name] = schema["default"]
                continue
            value: Any = raw
            if schema.get("type") == "integer":
                try:
                    value = int(raw)
                except ValueError:
                    raise invalid(name, "must be an integer", location) from None
            error = best_match(validator.iter_errors(value))
            if error is not None:
                raise invalid(name, error.message, location)
            values[name] = value
        return values


@cache
def _path_methods() -> list[tuple[re.Pattern[str], str]]:
    found = []
    for pattern, item in contract()["paths"].items():
        regex = re.compile("^" + re.sub(r"\{[^}]+\}", "[^/]+", pattern) + "$")
        methods = sorted(name.upper() for name in item if name != "parameters")
        found.append((regex, ", ".join(methods)))
    return found


def allowed_methods(path: str) -> str:
    """The methods the contract defines for a path, as an ``Allow`` header value."""
    return next((methods for regex, methods in _path_methods() if regex.match(path)), "")


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
