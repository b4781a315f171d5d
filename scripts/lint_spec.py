"""Validate the contract as OpenAPI 3.1 and lint it against agentkit's contract conventions.

Usage: ``python scripts/lint_spec.py [SPEC]`` (default ``openapi/agentkit.yaml``). Prints one
line per problem, ``<json pointer>: <message>``, and exits 1 if there is any.

Conventions checked by :func:`lint`:

- every operation has exactly one tag, declared in the top-level ``tags``, and an ``operationId``
  ``<tag>_<verb>`` in snake_case, unique across the document;
- every operation answers errors (``default``, ``4XX`` or ``5XX``) with
  ``#/components/responses/Error``, and every 4xx/5xx response it declares is that response; an
  operation of a foreign format (``x-foreign-format: <name>``, such as OpenAI's completions) may
  answer them with a response of ``components/responses`` marked with the same format instead;
- every POST takes ``#/components/parameters/IdempotencyKey``;
- every 2xx response declares the ``X-Request-Id`` header;
- in every ``oneOf``/``anyOf``, each object variant (after resolving ``$ref``) pins a tag property
  with ``const`` and lists it in ``required``, with no tag value used twice. ``{type: "null"}``
  variants need no tag, and neither does the lone object of a nullable wrapper
  (``anyOf: [{$ref: X}, {type: "null"}]``): with a single candidate there is nothing to tell apart;
- object schemas with ``properties`` appear only directly under ``components/schemas``;
- every ``text/event-stream`` response has schema ``{type: string}`` and an ``x-sse-events`` map
  (on the response, or on its media type) whose values name ``components/schemas`` entries that
  require a ``type`` property whose ``const`` is the event name. A foreign chunk stream (unnamed
  events, such as the Vercel UI message stream) has an ``x-sse-chunks`` map instead, keyed by the
  data's ``type`` with the same rule (or the property its ``x-sse-chunk-key`` names, such as
  OpenAI's ``object``), whose schemas are all marked ``x-foreign-format``, and a
  string ``x-sse-terminator`` (the final non-JSON data line);
- a named-event stream also lists the events that end a turn in ``x-sse-terminal``, each one
  of its ``x-sse-events``;
- wire names (schema properties, query and path parameters) are snake_case, except inside a
  named schema marked ``x-foreign-format: <name>``, for formats we speak on purpose with their
  own names (the Vercel UI message stream, OpenAI-compatible completions);
- error codes carry their status in the contract, so that clients and servers derive it: the
  ``ErrorCode`` schema is an enum of UPPER_SNAKE codes whose ``x-statuses`` map gives every code
  (and nothing else) a 4xx or 5xx status; ``x-common-error-codes`` lists, under ``every``,
  ``secured``, ``body`` and ``idempotency_key``, codes of the enum; and every operation lists the other
  codes it may answer in ``x-error-codes``, each a code of the enum, none twice.
"""

from __future__ import annotations

import re
import sys
from collections import Counter
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from openapi_spec_validator import OpenAPIV31SpecValidator

DEFAULT_SPEC = Path(__file__).resolve().parent.parent / "openapi" / "agentkit.yaml"

ERROR_RESPONSE_REF = "#/components/responses/Error"
IDEMPOTENCY_KEY_REF = "#/components/parameters/IdempotencyKey"
REQUEST_ID_HEADER = "x-request-id"
SSE_MEDIA_TYPE = "text/event-stream"
SSE_EVENTS_KEY = "x-sse-events"
SSE_CHUNKS_KEY = "x-sse-chunks"
SSE_TERMINATOR_KEY = "x-sse-terminator"
SSE_TERMINAL_KEY = "x-sse-terminal"
SSE_CHUNK_KEY_KEY = "x-sse-chunk-key"
ERROR_CODE_SCHEMA = "ErrorCode"
ERROR_STATUSES_KEY = "x-statuses"
COMMON_ERROR_CODES_KEY = "x-common-error-codes"
COMMON_ERROR_SCOPES = ("every", "secured", "body", "idempotency_key")
OPERATION_ERROR_CODES_KEY = "x-error-codes"
FOREIGN_FORMAT_KEY = "x-foreign-format"

HTTP_METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")
SNAKE_CASE = re.compile(r"^[a-z][a-z0-9]*(?:_[a-z0-9]+)*$")
UPPER_SNAKE = re.compile(r"^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)*$")

_SCHEMA_MAPS = ("properties", "patternProperties", "$defs", "definitions", "dependentSchemas")
_SCHEMA_SINGLES = (
    "additionalProperties",
    "items",
    "additionalItems",
    "not",
    "if",
    "then",
    "else",
    "contains",
    "propertyNames",
    "unevaluatedItems",
    "unevaluatedProperties",
)
_SCHEMA_LISTS = ("allOf", "anyOf", "oneOf", "prefixItems")

Parts = tuple[str, ...]


@dataclass(frozen=True)
class Violation:
    """One broken rule: where (a JSON pointer into the document) and what."""

    pointer: str
    message: str

    def __str__(self) -> str:
        return f"{self.pointer}: {self.message}"


def pointer(parts: Parts) -> str:
    """Format path segments as a URI-fragment JSON pointer (``#/a/b~1c``)."""
    return "#/" + "/".join(p.replace("~", "~0").replace("/", "~1") for p in parts)


def resolve_ref(spec: Mapping[str, Any], ref: str) -> Any:
    """Return the node a local ``$ref`` (``#/...``) points at, or ``None`` if there is none."""
    if not ref.startswith("#/"):
        return None
    node: Any = spec
    for raw in ref[2:].split("/"):
        key = raw.replace("~1", "/").replace("~0", "~")
        if isinstance(node, Mapping) and key in node:
            node = node[key]
        elif isinstance(node, list) and key.isdigit() and int(key) < len(node):
            node = node[int(key)]
        else:
            return None
    return node


def deref(spec: Mapping[str, Any], node: Any) -> Any:
    """Follow a chain of ``$ref`` objects to the node it ends at (``None`` if broken or cyclic)."""
    seen: set[str] = set()
    while isinstance(node, Mapping) and isinstance(node.get("$ref"), str):
        ref = node["$ref"]
        if ref in seen:
            return None
        seen.add(ref)
        node = resolve_ref(spec, ref)
    return node


# ------------------------------------------------------------------------------- traversal


@dataclass(frozen=True)
class _SchemaSite:
    parts: Parts
    schema: Mapping[str, Any]
    named: bool
    foreign: bool


def _sub_schemas(schema: Mapping[str, Any], parts: Parts) -> Iterator[tuple[Parts, Any]]:
    for key in _SCHEMA_MAPS:
        children = schema.get(key)
        if isinstance(children, Mapping):
            for name, child in children.items():
                yield (*parts, key, str(name)), child
    for key in _SCHEMA_SINGLES:
        if key in schema:
            child = schema[key]
            if isinstance(child, list):
                for i, item in enumerate(child):
                    yield (*parts, key, str(i)), item
            else:
                yield (*parts, key), child
    for key in _SCHEMA_LISTS:
        children = schema.get(key)
        if isinstance(children, list):
            for i, child in enumerate(children):
                yield (*parts, key, str(i)), child


def _walk_schema(
    schema: Any, parts: Parts, named: bool, foreign: bool, on_path: frozenset[int] = frozenset()
) -> Iterator[_SchemaSite]:
    if not isinstance(schema, Mapping) or id(schema) in on_path:
        return
    yield _SchemaSite(parts, schema, named, foreign)
    inner = on_path | {id(schema)}
    for child_parts, child in _sub_schemas(schema, parts):
        yield from _walk_schema(child, child_parts, False, foreign, inner)


def _content_schemas(content: Any, parts: Parts) -> Iterator[tuple[Parts, Any]]:
    if isinstance(content, Mapping):
        for media, media_obj in content.items():
            if isinstance(media_obj, Mapping) and "schema" in media_obj:
                yield (*parts, "content", str(media), "schema"), media_obj["schema"]


def _parameter_like_schemas(obj: Any, parts: Parts) -> Iterator[tuple[Parts, Any]]:
    """Schemas of a parameter or header object (``schema`` or ``content``)."""
    if not isinstance(obj, Mapping):
        return
    if "schema" in obj:
        yield (*parts, "schema"), obj["schema"]
    yield from _content_schemas(obj.get("content"), parts)


def _response_schemas(response: Any, parts: Parts) -> Iterator[tuple[Parts, Any]]:
    if not isinstance(response, Mapping):
        return
    headers = response.get("headers")
    if isinstance(headers, Mapping):
        for name, header in headers.items():
            yield from _parameter_like_schemas(header, (*parts, "headers", str(name)))
    yield from _content_schemas(response.get("content"), parts)


def _path_item_schemas(item: Any, parts: Parts) -> Iterator[tuple[Parts, Any]]:
    if not isinstance(item, Mapping):
        return
    for i, param in enumerate(item.get("parameters") or []):
        yield from _parameter_like_schemas(param, (*parts, "parameters", str(i)))
    for method in HTTP_METHODS:
        op = item.get(method)
        if not isinstance(op, Mapping):
            continue
        op_parts = (*parts, method)
        for i, param in enumerate(op.get("parameters") or []):
            yield from _parameter_like_schemas(param, (*op_parts, "parameters", str(i)))
        body = op.get("requestBody")
        if isinstance(body, Mapping):
            yield from _content_schemas(body.get("content"), (*op_parts, "requestBody"))
        responses = op.get("responses")
        if isinstance(responses, Mapping):
            for status, response in responses.items():
                yield from _response_schemas(response, (*op_parts, "responses", str(status)))
        callbacks = op.get("callbacks")
        if isinstance(callbacks, Mapping):
            for cb_name, callback in callbacks.items():
                if isinstance(callback, Mapping):
                    for expr, cb_item in callback.items():
                        cb_parts = (*op_parts, "callbacks", str(cb_name), str(expr))
                        yield from _path_item_schemas(cb_item, cb_parts)


def _root_schemas(spec: Mapping[str, Any]) -> Iterator[tuple[Parts, Any]]:
    """Every place outside ``components/schemas`` where a schema object starts."""
    for section in ("paths", "webhooks"):
        items = spec.get(section)
        if isinstance(items, Mapping):
            for key, item in items.items():
                yield from _path_item_schemas(item, (section, str(key)))
    components = spec.get("components")
    if not isinstance(components, Mapping):
        return

    def entries(kind: str) -> Iterator[tuple[Parts, Any]]:
        section = components.get(kind)
        if isinstance(section, Mapping):
            for name, obj in section.items():
                yield ("components", kind, str(name)), obj

    for parts, obj in entries("parameters"):
        yield from _parameter_like_schemas(obj, parts)
    for parts, obj in entries("headers"):
        yield from _parameter_like_schemas(obj, parts)
    for parts, obj in entries("responses"):
        yield from _response_schemas(obj, parts)
    for parts, obj in entries("requestBodies"):
        if isinstance(obj, Mapping):
            yield from _content_schemas(obj.get("content"), parts)
    for parts, obj in entries("pathItems"):
        yield from _path_item_schemas(obj, parts)


def iter_schemas(spec: Mapping[str, Any]) -> Iterator[_SchemaSite]:
    """Every schema object in the document, nested ones included, with where it sits."""
    components = spec.get("components")
    named = components.get("schemas") if isinstance(components, Mapping) else None
    if isinstance(named, Mapping):
        for name, schema in named.items():
            foreign = isinstance(schema, Mapping) and bool(schema.get(FOREIGN_FORMAT_KEY))
            yield from _walk_schema(schema, ("components", "schemas", str(name)), True, foreign)
    for parts, schema in _root_schemas(spec):
        yield from _walk_schema(schema, parts, False, False)


@dataclass(frozen=True)
class _Operation:
    parts: Parts
    path: str
    method: str
    op: Mapping[str, Any]
    item: Mapping[str, Any]


def _iter_operations(spec: Mapping[str, Any]) -> Iterator[_Operation]:
    paths = spec.get("paths")
    if not isinstance(paths, Mapping):
        return
    for path, item in paths.items():
        if not isinstance(item, Mapping):
            continue
        for method in HTTP_METHODS:
            op = item.get(method)
            if isinstance(op, Mapping):
                yield _Operation(("paths", str(path), method), str(path), method, op, item)


# ------------------------------------------------------------------------------- checks


def _check_operation_ids(spec: Mapping[str, Any], ops: list[_Operation]) -> Iterator[Violation]:
    declared = {t.get("name") for t in spec.get("tags") or [] if isinstance(t, Mapping)}
    seen: Counter[str] = Counter()
    for o in ops:
        where = pointer(o.parts)
        tags = o.op.get("tags") or []
        if not tags:
            yield Violation(where, "operation has no tag")
        elif len(tags) > 1:
            yield Violation(where, f"operation has {len(tags)} tags {tags}; use exactly one")
        for tag in tags:
            if tag not in declared:
                yield Violation(where, f"tag {tag!r} is not declared in the top-level tags")
        op_id = o.op.get("operationId")
        if not isinstance(op_id, str) or not op_id:
            yield Violation(where, "operation has no operationId")
            continue
        seen[op_id] += 1
        if not SNAKE_CASE.match(op_id):
            yield Violation(where, f"operationId {op_id!r} is not snake_case")
        elif tags and isinstance(tags[0], str):
            prefix = f"{tags[0]}_"
            if not op_id.startswith(prefix) or len(op_id) == len(prefix):
                yield Violation(
                    where, f"operationId {op_id!r} is not <tag>_<verb> for tag {tags[0]!r}"
                )
    for o in ops:
        op_id = o.op.get("operationId")
        if isinstance(op_id, str) and seen[op_id] > 1:
            yield Violation(
                pointer((*o.parts, "operationId")),
                f"operationId {op_id!r} is used {seen[op_id]} times",
            )


def _is_error_status(status: str) -> bool:
    return status == "default" or status[:1] in ("4", "5")


def _is_error_response(spec: Mapping[str, Any], o: _Operation, response: Any) -> bool:
    """The shared envelope, or for an operation of a foreign format, a response of its format."""
    ref = response.get("$ref") if isinstance(response, Mapping) else None
    if ref == ERROR_RESPONSE_REF:
        return True
    fmt = o.op.get(FOREIGN_FORMAT_KEY)
    if not fmt or not isinstance(ref, str) or not ref.startswith("#/components/responses/"):
        return False
    target = resolve_ref(spec, ref)
    return isinstance(target, Mapping) and target.get(FOREIGN_FORMAT_KEY) == fmt


def _check_error_responses(spec: Mapping[str, Any], ops: list[_Operation]) -> Iterator[Violation]:
    for o in ops:
        responses = o.op.get("responses")
        if not isinstance(responses, Mapping):
            yield Violation(pointer(o.parts), "operation has no responses")
            continue
        catch_all = False
        for key, response in responses.items():
            status = str(key) if str(key) == "default" else str(key).upper()
            if not _is_error_status(status):
                continue
            is_envelope = _is_error_response(spec, o, response)
            if not is_envelope:
                yield Violation(
                    pointer((*o.parts, "responses", str(status))),
                    f"error response must be {{$ref: {ERROR_RESPONSE_REF!r}}}",
                )
            elif status in ("default", "4XX", "5XX"):
                catch_all = True
        if not catch_all:
            yield Violation(
                pointer((*o.parts, "responses")),
                f"no default (or 4XX/5XX) response referencing {ERROR_RESPONSE_REF}",
            )


def _check_idempotency(ops: list[_Operation]) -> Iterator[Violation]:
    for o in ops:
        if o.method != "post":
            continue
        params = [*(o.item.get("parameters") or []), *(o.op.get("parameters") or [])]
        refs = {p.get("$ref") for p in params if isinstance(p, Mapping)}
        if IDEMPOTENCY_KEY_REF not in refs:
            yield Violation(
                pointer((*o.parts, "parameters")),
                f"POST does not declare the Idempotency-Key header ({IDEMPOTENCY_KEY_REF})",
            )


def _check_request_id(spec: Mapping[str, Any], ops: list[_Operation]) -> Iterator[Violation]:
    for o in ops:
        responses = o.op.get("responses")
        if not isinstance(responses, Mapping):
            continue
        for status, response in responses.items():
            if not str(status).startswith("2"):
                continue
            resolved = deref(spec, response)
            headers = resolved.get("headers") if isinstance(resolved, Mapping) else None
            names = {str(h).lower() for h in headers} if isinstance(headers, Mapping) else set()
            if REQUEST_ID_HEADER not in names:
                yield Violation(
                    pointer((*o.parts, "responses", str(status))),
                    "2xx response does not declare the X-Request-Id header",
                )
    error = resolve_ref(spec, ERROR_RESPONSE_REF)
    if not isinstance(error, Mapping):
        yield Violation(ERROR_RESPONSE_REF, "the shared error response is missing")
    elif REQUEST_ID_HEADER not in {str(h).lower() for h in error.get("headers") or {}}:
        yield Violation(
            ERROR_RESPONSE_REF, "the shared error response does not declare X-Request-Id"
        )


def _check_sse(spec: Mapping[str, Any], ops: list[_Operation]) -> Iterator[Violation]:
    for o in ops:
        responses = o.op.get("responses")
        if not isinstance(responses, Mapping):
            continue
        for status, response in responses.items():
            resolved = deref(spec, response)
            if not isinstance(resolved, Mapping):
                continue
            media = (resolved.get("content") or {}).get(SSE_MEDIA_TYPE)
            if media is None:
                continue
            parts = (*o.parts, "responses", str(status))
            media_parts = (*parts, "content", SSE_MEDIA_TYPE)
            media = media if isinstance(media, Mapping) else {}
            if media.get("schema") != {"type": "string"}:
                yield Violation(
                    pointer((*media_parts, "schema")),
                    "an event-stream response's schema must be exactly {type: string}",
                )
            chunks = resolved.get(SSE_CHUNKS_KEY, media.get(SSE_CHUNKS_KEY))
            if chunks is not None:
                yield from _check_sse_chunks(spec, resolved, media, chunks, parts)
                continue
            events = resolved.get(SSE_EVENTS_KEY, media.get(SSE_EVENTS_KEY))
            if not isinstance(events, Mapping) or not events:
                yield Violation(
                    pointer(parts), f"event-stream response has no {SSE_EVENTS_KEY} map"
                )
                continue
            yield from _check_sse_events(spec, events, (*parts, SSE_EVENTS_KEY))
            terminal = resolved.get(SSE_TERMINAL_KEY, media.get(SSE_TERMINAL_KEY))
            if not isinstance(terminal, list) or not terminal:
                yield Violation(
                    pointer(parts), f"event-stream response has no {SSE_TERMINAL_KEY} list"
                )
                continue
            for name in terminal:
                if name not in events:
                    yield Violation(
                        pointer((*parts, SSE_TERMINAL_KEY)),
                        f"terminal event {name!r} is not one of its {SSE_EVENTS_KEY}",
                    )


def _check_sse_chunks(
    spec: Mapping[str, Any],
    response: Mapping[str, Any],
    media: Mapping[str, Any],
    chunks: Any,
    parts: Parts,
) -> Iterator[Violation]:
    if not isinstance(chunks, Mapping) or not chunks:
        yield Violation(pointer(parts), f"{SSE_CHUNKS_KEY} must be a non-empty map")
        return
    terminator = response.get(SSE_TERMINATOR_KEY, media.get(SSE_TERMINATOR_KEY))
    if not isinstance(terminator, str) or not terminator:
        yield Violation(pointer(parts), f"a chunk stream needs a string {SSE_TERMINATOR_KEY}")
    where = (*parts, SSE_CHUNKS_KEY)
    key = response.get(SSE_CHUNK_KEY_KEY, media.get(SSE_CHUNK_KEY_KEY, "type"))
    if not isinstance(key, str) or not key:
        yield Violation(pointer(parts), f"{SSE_CHUNK_KEY_KEY} must name a property")
        key = "type"
    yield from _check_sse_events(spec, chunks, where, key)
    schemas = (spec.get("components") or {}).get("schemas") or {}
    for chunk, name in chunks.items():
        schema = schemas.get(name) if isinstance(name, str) else None
        if isinstance(schema, Mapping) and not schema.get(FOREIGN_FORMAT_KEY):
            yield Violation(
                pointer((*where, str(chunk))),
                f"chunk schema {name} must be marked {FOREIGN_FORMAT_KEY}: only foreign formats"
                " may leave their events unnamed",
            )


def _check_sse_events(
    spec: Mapping[str, Any], events: Mapping[str, Any], parts: Parts, key: str = "type"
) -> Iterator[Violation]:
    schemas = (spec.get("components") or {}).get("schemas") or {}
    for event, name in events.items():
        where = pointer((*parts, str(event)))
        if not isinstance(name, str) or name not in schemas:
            yield Violation(
                where, f"event {event!r} names {name!r}, which is not in components/schemas"
            )
            continue
        schema = deref(spec, schemas[name])
        props = schema.get("properties") if isinstance(schema, Mapping) else None
        type_prop = deref(spec, props.get(key)) if isinstance(props, Mapping) else None
        if not isinstance(type_prop, Mapping) or type_prop.get("const") != event:
            yield Violation(where, f"schema {name} has no `{key}` property with const {event!r}")
        elif key not in (schema.get("required") or []):
            yield Violation(where, f"schema {name} does not list `{key}` as required")


def _flatten_object(spec: Mapping[str, Any], schema: Any) -> tuple[dict[str, Any], set[str]] | None:
    """Properties and required names of an object schema, through ``$ref`` and ``allOf``."""
    props: dict[str, Any] = {}
    required: set[str] = set()
    is_object = False
    stack: list[Any] = [schema]
    seen: set[int] = set()
    while stack:
        node = deref(spec, stack.pop())
        if not isinstance(node, Mapping) or id(node) in seen:
            continue
        seen.add(id(node))
        types = node.get("type")
        if types == "object" or (isinstance(types, list) and "object" in types):
            is_object = True
        if isinstance(node.get("properties"), Mapping):
            is_object = True
            for name, prop in node["properties"].items():
                props.setdefault(str(name), prop)
        required.update(str(r) for r in node.get("required") or [])
        stack.extend(node.get("allOf") or [])
    return (props, required) if is_object else None


def _is_null_schema(spec: Mapping[str, Any], schema: Any) -> bool:
    node = deref(spec, schema)
    return isinstance(node, Mapping) and node.get("type") == "null"


def _check_unions(spec: Mapping[str, Any], sites: list[_SchemaSite]) -> Iterator[Violation]:
    for site in sites:
        for keyword in ("oneOf", "anyOf"):
            variants = site.schema.get(keyword)
            if not isinstance(variants, list):
                continue
            yield from _check_union(spec, site, keyword, variants)


def _check_union(
    spec: Mapping[str, Any], site: _SchemaSite, keyword: str, variants: list[Any]
) -> Iterator[Violation]:
    candidates = [(i, v) for i, v in enumerate(variants) if not _is_null_schema(spec, v)]
    if len(candidates) < 2:
        return
    objects: list[tuple[int, dict[str, Any], set[str]]] = []
    for i, variant in candidates:
        flat = _flatten_object(spec, variant)
        if flat is not None:
            objects.append((i, *flat))
    if not objects:
        return
    discriminator = site.schema.get("discriminator")
    tag = discriminator.get("propertyName") if isinstance(discriminator, Mapping) else None
    if not isinstance(tag, str):
        pinned: Counter[str] = Counter()
        for _, props, _required in objects:
            for name, prop in props.items():
                resolved = deref(spec, prop)
                if isinstance(resolved, Mapping) and "const" in resolved:
                    pinned[name] += 1
        # Prefer the property most variants pin; `type` wins ties, as our convention.
        tag = max(pinned, key=lambda n: (pinned[n], n == "type"), default="type")
    owners: dict[Any, int] = {}
    for i, props, required in objects:
        where = pointer((*site.parts, keyword, str(i)))
        prop = deref(spec, props.get(tag))
        if not isinstance(prop, Mapping) or "const" not in prop:
            yield Violation(where, f"{keyword} variant does not pin its tag {tag!r} with const")
            continue
        if tag not in required:
            yield Violation(where, f"{keyword} variant does not list its tag {tag!r} in required")
        value = prop["const"]
        key = repr(value)
        if key in owners:
            yield Violation(
                where, f"{keyword} variant repeats tag {tag}={value!r} of variant {owners[key]}"
            )
        else:
            owners[key] = i


def _check_inline_objects(sites: list[_SchemaSite]) -> Iterator[Violation]:
    for site in sites:
        if site.named:
            continue
        if isinstance(site.schema.get("properties"), Mapping) and site.schema["properties"]:
            yield Violation(
                pointer(site.parts),
                "inline object schema with properties; name it in components/schemas and $ref it",
            )


def _check_wire_names(ops: list[_Operation], sites: list[_SchemaSite]) -> Iterator[Violation]:
    for site in sites:
        props = site.schema.get("properties")
        if site.foreign or not isinstance(props, Mapping):
            continue
        for name in props:
            if not SNAKE_CASE.match(str(name)):
                yield Violation(
                    pointer((*site.parts, "properties", str(name))),
                    f"property name {name!r} is not snake_case",
                )
    for o in ops:
        for where, params in (("item", o.item), ("op", o.op)):
            for i, param in enumerate(params.get("parameters") or []):
                if not isinstance(param, Mapping) or param.get("in") not in ("query", "path"):
                    continue
                name = str(param.get("name"))
                if not SNAKE_CASE.match(name):
                    base = o.parts[:-1] if where == "item" else o.parts
                    yield Violation(
                        pointer((*base, "parameters", str(i), "name")),
                        f"{param['in']} parameter {name!r} is not snake_case",
                    )


def _check_error_codes(spec: Mapping[str, Any], ops: list[_Operation]) -> Iterator[Violation]:
    schemas = (spec.get("components") or {}).get("schemas") or {}
    where = ("components", "schemas", ERROR_CODE_SCHEMA)
    error_code = schemas.get(ERROR_CODE_SCHEMA)
    codes = error_code.get("enum") if isinstance(error_code, Mapping) else None
    if not isinstance(codes, list) or not codes:
        yield Violation(pointer(where), "there is no ErrorCode enum of the documented codes")
        return
    for code in codes:
        if not isinstance(code, str) or not UPPER_SNAKE.match(code):
            yield Violation(pointer((*where, "enum")), f"error code {code!r} is not UPPER_SNAKE")
    statuses = error_code.get(ERROR_STATUSES_KEY)
    if not isinstance(statuses, Mapping):
        yield Violation(pointer(where), f"ErrorCode has no {ERROR_STATUSES_KEY} map")
        statuses = {}
    for code in codes:
        status = statuses.get(code)
        if statuses and code not in statuses:
            yield Violation(pointer((*where, ERROR_STATUSES_KEY)), f"{code} has no status")
        elif statuses and not (isinstance(status, int) and 400 <= status <= 599):
            yield Violation(
                pointer((*where, ERROR_STATUSES_KEY, str(code))),
                f"{code} has status {status!r}, not an HTTP error status (400-599)",
            )
    for code in statuses:
        if code not in codes:
            yield Violation(
                pointer((*where, ERROR_STATUSES_KEY, str(code))),
                f"{code} has a status but is not in the ErrorCode enum",
            )
    common = error_code.get(COMMON_ERROR_CODES_KEY, {})
    if not isinstance(common, Mapping):
        yield Violation(pointer((*where, COMMON_ERROR_CODES_KEY)), "must be a map of lists")
        common = {}
    for scope, listed in common.items():
        parts = (*where, COMMON_ERROR_CODES_KEY, str(scope))
        if scope not in COMMON_ERROR_SCOPES:
            yield Violation(pointer(parts), f"unknown scope; use one of {COMMON_ERROR_SCOPES}")
        yield from _check_code_list(listed, codes, parts)
    for o in ops:
        parts = (*o.parts, OPERATION_ERROR_CODES_KEY)
        if OPERATION_ERROR_CODES_KEY not in o.op:
            yield Violation(
                pointer(o.parts), f"operation has no {OPERATION_ERROR_CODES_KEY} list (may be [])"
            )
            continue
        yield from _check_code_list(o.op[OPERATION_ERROR_CODES_KEY], codes, parts)


def _check_code_list(listed: Any, codes: list[Any], parts: Parts) -> Iterator[Violation]:
    if not isinstance(listed, list):
        yield Violation(pointer(parts), "must be a list of error codes")
        return
    seen: set[Any] = set()
    for code in listed:
        if code not in codes:
            yield Violation(pointer(parts), f"{code!r} is not in the ErrorCode enum")
        elif code in seen:
            yield Violation(pointer(parts), f"{code} is listed twice")
        seen.add(code)


def lint(spec: Mapping[str, Any]) -> list[Violation]:
    """Check the contract's conventions (see the module docstring); return every violation.

    Args:
        spec: the parsed OpenAPI document.
    """
    ops = list(_iter_operations(spec))
    sites = list(iter_schemas(spec))
    found: list[Violation] = []
    found += _check_operation_ids(spec, ops)
    found += _check_error_responses(spec, ops)
    found += _check_idempotency(ops)
    found += _check_request_id(spec, ops)
    found += _check_sse(spec, ops)
    found += _check_unions(spec, sites)
    found += _check_inline_objects(sites)
    found += _check_wire_names(ops, sites)
    found += _check_error_codes(spec, ops)
    return list(dict.fromkeys(found))


def validate(spec: Mapping[str, Any]) -> list[Violation]:
    """Validate the document against the OpenAPI 3.1 schema; return one violation per error."""
    found: list[Violation] = []
    for error in OpenAPIV31SpecValidator(spec).iter_errors():
        parts = tuple(str(p) for p in getattr(error, "absolute_path", ()))
        found.append(Violation(pointer(parts), f"OpenAPI 3.1: {error.message}"))
    return found


def load(path: Path) -> dict[str, Any]:
    """Parse a YAML or JSON document (JSON is YAML) into a dict."""
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    if not isinstance(data, dict):
        raise ValueError(f"{path}: not a mapping at the top level")
    return data


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point; returns the exit status."""
    args = sys.argv[1:] if argv is None else argv
    if len(args) > 1 or (args and args[0] in ("-h", "--help")):
        print(__doc__)
        return 2
    path = Path(args[0]) if args else DEFAULT_SPEC
    try:
        spec = load(path)
    except (OSError, ValueError, yaml.YAMLError) as exc:
        print(f"{path}: cannot read: {exc}", file=sys.stderr)
        return 1
    problems = validate(spec)
    # Conventions are checked even on an invalid document, so one run shows everything.
    problems += lint(spec)
    for problem in problems:
        print(problem)
    if problems:
        print(f"{path}: {len(problems)} problem(s)", file=sys.stderr)
        return 1
    print(f"{path}: OK")
    return 0


if __name__ == "__main__":
    sys.exit(main())
