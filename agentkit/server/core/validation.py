"""Request validation against the contract: JSON bodies, query, path and header parameters.

Validators are compiled once per operation, from the operations and schemas of the contract
registry (``agentkit._contract``). A failure is a 400 VALIDATION_ERROR whose ``details.field`` is
the JSON path of the bad field (``message.parts[0].type``) and whose ``details.location`` says
where it was sent.

This is the one input boundary: before the schema, a JSON body must say it is JSON (else 415
UNSUPPORTED_MEDIA_TYPE), and it may hold only what can be stored and served back. Its text must
be Unicode that encodes as UTF-8 (JSON's ``\\ud800`` escapes can write lone surrogates, which
cannot), its numbers finite (no ``NaN``, ``Infinity`` or ``1e999``), its nesting at most
``MAX_DEPTH`` levels. NULs (``\\u0000``) are valid JSON text and the store keeps them: they are
accepted and served back as sent. Integer parameters are ASCII digits (an optional ``-``), read
within a signed 64-bit integer, what the store holds: a larger one as the largest (the contract
bounds what it must, and input it allows is not refused).
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cache
from typing import Any

from jsonschema import Draft202012Validator
from jsonschema.exceptions import ValidationError, best_match

from ..._contract import Operation, contract
from .errors import ApiError, invalid
from .schema_check import Check, quick_check

__all__ = [
    "MAX_DEPTH",
    "MAX_INTEGER",
    "RequestRules",
    "check_component",
    "compile_all",
    "is_json_media_type",
    "json_path",
    "load_json",
    "parse_integer",
    "rules_for",
]

#: The deepest nesting of arrays and objects a JSON body may have (the body itself is level 1).
MAX_DEPTH = 64
#: The largest integer the store holds (SQLite's INTEGER is a signed 64-bit integer).
MAX_INTEGER = (1 << 63) - 1
_MIN_INTEGER = -(1 << 63)
_INTEGER = re.compile(r"-?[0-9]+")
# A surrogate written as a JSON escape (\uD800-\uDFFF): paired, it is one character; alone,
# text that cannot be encoded. Only bodies with one are checked for lone ones.
_SURROGATE_ESCAPE = re.compile(rb"\\u[dD][89a-fA-F]")
_CONTAINERS = (dict, list)
_NOT_TEXT = "is not valid Unicode text (a lone surrogate: half of a character)"


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


@dataclass(frozen=True, slots=True)
class _Schema:
    """A schema's validator, and its quick check (``schema_check``) when it has one."""

    validator: Draft202012Validator
    quick: Check | None


def _compile(schema: Mapping[str, Any]) -> _Schema:
    components = contract().components
    # Refs in the contract point at "#/components/...", so the root carries the components.
    validator = Draft202012Validator({**schema, "components": components})
    return _Schema(validator, quick_check(schema, components))


def _check(schema: _Schema, value: Any, location: str, prefix: list[Any]) -> None:
    if schema.quick is not None and schema.quick(value):
        return
    error = best_match(schema.validator.iter_errors(value))
    if error is not None:
        path, message = _explain(error)
        raise invalid(json_path([*prefix, *path]) or location, message, location)


def _shown(key: str) -> str:
    """A key as it can be quoted in an error: unencodable characters written as escapes."""
    return key.encode("utf-8", "backslashreplace").decode("utf-8")


def _encodes(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _problem(value: Any, depth: int) -> tuple[list[Any] | None, str] | None:
    """The path (inside ``value``) and fault of the first thing that cannot be served back; the
    path is ``None`` when the fault is the nesting of the whole."""
    if isinstance(value, str):
        return None if value.isascii() or _encodes(value) else ([], _NOT_TEXT)
    if isinstance(value, float):
        return None if math.isfinite(value) else ([], "must be a finite number")
    if isinstance(value, dict):
        items: Iterable[tuple[Any, Any]] = value.items()
    elif isinstance(value, list):
        items = enumerate(value)
    else:
        return None
    if depth > MAX_DEPTH:
        return None, f"nests deeper than {MAX_DEPTH} levels"
    for key, item in items:
        if isinstance(key, str) and not (key.isascii() or _encodes(key)):
            return [_shown(key)], _NOT_TEXT
        if isinstance(item, str) and item.isascii():
            continue
        found = _problem(item, depth + 1)
        if found is not None:
            if found[0] is not None:
                found[0].insert(0, key)
            return found
    return None


class _NotFinite(ValueError):
    """A number in JSON text that is not a finite float: NaN, an infinity, or too large."""


def _finite(text: str) -> float:
    number = float(text)
    if math.isinf(number):
        raise _NotFinite(text)
    return number


def _not_finite(text: str) -> float:
    raise _NotFinite(text)


def _too_deep(value: Any) -> bool:
    """Whether arrays and objects nest more than ``MAX_DEPTH`` levels (containers only)."""
    if not isinstance(value, _CONTAINERS):
        return False
    level, depth = [value], 1
    while level:
        if depth > MAX_DEPTH:
            return True
        inner: list[Any] = []
        for item in level:
            children = item.values() if isinstance(item, dict) else item
            inner += [child for child in children if isinstance(child, _CONTAINERS)]
        level, depth = inner, depth + 1
    return False


def _refusal(value: Any, field: str) -> ApiError:
    """The 400 naming what in ``value`` cannot be served back (there is something)."""
    found = _problem(value, 1)
    assert found is not None
    path, message = found
    if path is None:
        return invalid(field, message)
    prefix = [] if field == "body" else [field]
    return invalid(json_path([*prefix, *path]) or field, message)


# Built once: json.loads with hooks would build a decoder for every call.
_CHECKING = json.JSONDecoder(parse_float=_finite, parse_constant=_not_finite)
_PLAIN = json.JSONDecoder()


def _parse(raw: bytes | str, field: str, decoder: json.JSONDecoder) -> Any:
    try:
        # JSON between systems is UTF-8 (RFC 8259 8.1); a BOM is skipped. UTF-16 and UTF-32,
        # which json.loads would guess from their NULs, are refused.
        text = raw if isinstance(raw, str) else raw.decode("utf-8-sig", "surrogatepass")
        return decoder.decode(text)
    except _NotFinite:
        raise
    except RecursionError:
        raise invalid(field, f"nests deeper than {MAX_DEPTH} levels") from None
    except UnicodeDecodeError:
        raise invalid(field, "is not valid JSON (not UTF-8)") from None
    except ValueError as exc:
        # The other ValueError json.loads raises: an integer of more than 4300 digits.
        reason = exc.msg if isinstance(exc, json.JSONDecodeError) else "a number is too long"
        raise invalid(field, f"is not valid JSON ({reason})") from None


def load_json(raw: bytes | str, field: str = "body") -> Any:
    """Parse JSON text that must be stored and served back: ``field`` names it in errors.

    Cheap for the usual body: the numbers are checked as they are parsed (only floats and
    ``NaN``/``Infinity`` reach Python), the nesting by a walk over its arrays and objects only
    (not its strings), and the text is encoded (in C) only when its bytes hold a surrogate
    escape or what decodes to one; the slow walk that names the path runs only for a body that
    is refused.

    Raises:
        ApiError: 400 VALIDATION_ERROR for text that is not JSON, nests deeper than
            ``MAX_DEPTH``, is not UTF-8, holds text that does not encode as UTF-8 (naming
            its path) or a number that is not finite (naming its path).
    """
    try:
        value = _parse(raw, field, _CHECKING)
    except _NotFinite:
        raise _refusal(_parse(raw, field, _PLAIN), field) from None
    data = raw.encode("utf-8", "surrogatepass") if isinstance(raw, str) else raw
    if _too_deep(value):
        raise invalid(field, f"nests deeper than {MAX_DEPTH} levels")
    # Lone surrogates come from escapes, from surrogates encoded as UTF-8 bytes (ED A0-BF), or
    # from UTF-16 or UTF-32 text (which json.loads reads too, and which has NUL bytes). A byte
    # is looked for first (memchr): the regex runs only on bodies with escapes.
    if (
        (b"\\" in data and _SURROGATE_ESCAPE.search(data) is not None)
        or b"\xed" in data
        or b"\x00" in data
    ):
        try:
            json.dumps(value, ensure_ascii=False).encode("utf-8")
        except UnicodeEncodeError:
            raise _refusal(value, field) from None
    return value


def is_json_media_type(content_type: str | None) -> bool:
    """Whether a ``Content-Type`` says JSON: ``application/json`` or a ``+json`` type, with any
    parameters (``charset=utf-8``)."""
    media = (content_type or "").split(";", 1)[0].strip().lower()
    return media == "application/json" or (media.endswith("+json") and "/" in media)


def _held(raw: str) -> int | None:
    """An integer in ASCII digits (an optional ``-``), brought within what the store holds (the
    nearest it holds); ``None`` when it is written otherwise: ``+1``, `` 1``, ``1_0``, ``²``, or
    another script's digits (which ``int()`` would read). Long digit strings never reach
    ``int()``."""
    if _INTEGER.fullmatch(raw) is None:
        return None
    negative = raw.startswith("-")
    if len(raw.lstrip("-").lstrip("0")) > 19:
        return _MIN_INTEGER if negative else MAX_INTEGER
    return min(max(int(raw), _MIN_INTEGER), MAX_INTEGER)


def parse_integer(raw: str) -> int | None:
    """An integer written in ASCII digits (an optional ``-``) that the store can hold, else
    ``None``: no signs, spaces, underscores or other scripts' digits, nothing out of range."""
    if _INTEGER.fullmatch(raw) is None or len(raw.lstrip("-").lstrip("0")) > 19:
        return None
    value = int(raw)
    return value if _MIN_INTEGER <= value <= MAX_INTEGER else None


_BOOLEANS = {"true": True, "false": False, "1": True, "0": False}


@dataclass(frozen=True, slots=True)
class _Param:
    name: str
    location: str
    required: bool
    schema: Mapping[str, Any]
    validator: _Schema


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

    def body(self, raw: bytes, content_type: str | None = "application/json") -> dict[str, Any]:
        """Parse and validate the JSON body; an absent optional body is ``{}``.

        Raises:
            ApiError: 415 UNSUPPORTED_MEDIA_TYPE for a body not sent as JSON, 400
                VALIDATION_ERROR for one that is not valid (see ``load_json``).
        """
        if self._body is None:
            return {}
        if not raw.strip():
            if self.body_required:
                raise invalid("body", "a JSON body is required")
            return {}
        if not is_json_media_type(content_type):
            media = (content_type or "").split(";", 1)[0].strip()
            shown = repr(media) if media else "no content type"
            raise ApiError(
                "UNSUPPORTED_MEDIA_TYPE",
                f"body: sent as {shown}; send JSON with Content-Type: application/json",
                {"field": "Content-Type", "location": "header", "content_type": media or None},
            )
        value = load_json(raw)
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
                # Past what the store holds, the nearest it holds: the contract bounds what it
                # must (``limit``), and input it allows is not refused (``?after=`` 20 nines is
                # after every event).
                value = _held(raw)
                if value is None:
                    raise invalid(param.name, "must be an integer in ASCII digits", param.location)
            elif param.schema.get("type") == "boolean":
                if raw.lower() not in _BOOLEANS:
                    raise invalid(param.name, "must be true or false", param.location)
                value = _BOOLEANS[raw.lower()]
            _check(param.validator, value, param.location, [param.name])
            values[param.name] = value
        return values


@cache
@cache
def _component(name: str) -> _Schema:
    return _compile({"$ref": f"#/components/schemas/{name}"})


def check_component(name: str, value: Any, location: str) -> None:
    """Check ``value`` against the contract's schema ``name`` (a websocket frame, say).

    Raises:
        ApiError: 400 VALIDATION_ERROR naming the JSON path of the bad field under
            ``location`` (``frame.status``), as ``load_json`` names the fields it refuses.
    """
    _check(_component(name), value, location, [location])


def rules_for(operation_id: str) -> RequestRules:
    """The compiled input checks of the operation with this ``operationId``."""
    return RequestRules(contract().operation(operation_id))


def compile_all() -> None:
    """Compile every operation's validators now, so no request pays for it."""
    for operation_id in contract().operations:
        rules_for(operation_id)
