"""Report breaking changes and additions between two versions of the contract.

Usage:
    python scripts/spec_diff.py OLD NEW
    python scripts/spec_diff.py --against-base NEW

OLD and NEW are YAML/JSON files, or ``git:REV:PATH`` for PATH (relative to the repository root)
at git revision REV of the repository around the current directory. ``--against-base`` compares
NEW with the newest ``v*`` tag (by version order) that holds the same file, else with the file at
``git merge-base HEAD origin/main``, else with the file committed at HEAD.

Exit status 1 when a change is not allowed by the versions: ``info.version`` must be SemVer, never
lower than OLD's, and a breaking change needs a major bump (a minor bump while the major is 0).

How a change is judged depends on which way the schema travels. Every named schema is compared
once, in the role(s) it plays in OLD or NEW: *request* if it is reachable from a parameter or a
request body, *response* if reachable from a response (headers, bodies, ``x-sse-events``) or a
webhook payload (the client parses those), and *unreached* otherwise (``ErrorCode``, unions such
as ``ChatStreamEvent``, realtime frames).

- Removed operations, statuses, parameters, properties, SSE events, schemas, enum/const values:
  breaking in every role. A renamed operationId or a moved path/method is a removal.
- ``$ref``: pointing at another named schema, or no longer at a named schema, is breaking (the
  generated type changes even when the shapes agree). Inline replaced by a ``$ref`` is compared
  structurally.
- Requests: the server must accept what old clients send, so narrowing breaks: a type removed
  (``number`` to ``integer``, ``null`` dropped), a new required property or parameter, an enum
  value or union variant removed, a format added or changed, tighter bounds/pattern, extra
  properties no longer allowed. Widening is compatible.
- Responses: old clients must parse what the server sends, so widening breaks: a type added
  (``integer`` to ``number``, ``null`` allowed), a property no longer required, a format
  added, changed or removed (generated clients parse by format). New enum values and union
  variants are additions everywhere: agentkit's models keep values they do not know (the SDK's
  forward compatibility, proven by tests/contract/test_forward_compat.py).
  Narrowing is compatible: every value the new server sends was valid before.
- Unreached schemas are judged both ways, except that new enum values and union variants are
  additions: nothing in the contract parses them as a closed set. The ``ErrorCode`` enum is
  always open (``ErrorDetail.code`` is a plain string; new codes are promised), as are
  ``x-sse-events`` (SSE clients skip unknown events). Bounds and patterns are ignored in
  responses.
- Error codes: a documented code sent with another status (``ErrorCode.x-statuses``) breaks,
  since clients pick the exception class by code and status.
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from lint_spec import HTTP_METHODS, SSE_EVENTS_KEY, deref, pointer

SCHEMA_PREFIX = "#/components/schemas/"
ERROR_CODE_SCHEMA = "ErrorCode"

SEMVER = re.compile(
    r"^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)"
    r"(?:-((?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\.(?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?"
    r"(?:\+([0-9a-zA-Z-]+(?:\.[0-9a-zA-Z-]+)*))?$"
)

Parts = tuple[str, ...]


# ------------------------------------------------------------------------------- report


@dataclass(frozen=True)
class Change:
    """One difference: where (a JSON pointer, into NEW or OLD) and what."""

    location: str
    message: str

    def __str__(self) -> str:
        return f"{self.location}: {self.message}"


@dataclass
class DiffReport:
    """Every difference between two contracts, sorted by kind, and the verdict on the versions.

    ``breaking`` breaks old clients; ``added`` is new surface; ``changed`` is compatible but not an
    addition (a widened request type, a relaxed bound). ``version_errors`` says why the versions do
    not allow the changes; it is empty when they do.
    """

    old_version: str
    new_version: str
    breaking: list[Change] = field(default_factory=list)
    added: list[Change] = field(default_factory=list)
    changed: list[Change] = field(default_factory=list)
    version_errors: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        """Whether the versions allow the changes (the exit status is 0)."""
        return not self.version_errors

    def format(self) -> str:
        """The readable report: a header, then BREAKING / ADDED / CHANGED, then the verdict."""
        lines = [f"contract {self.old_version} -> {self.new_version}"]
        for title, changes in (
            ("BREAKING", self.breaking),
            ("ADDED", self.added),
            ("CHANGED (compatible)", self.changed),
        ):
            if changes:
                lines.append(f"{title} ({len(changes)})")
                lines.extend(f"  {c}" for c in changes)
        if not (self.breaking or self.added or self.changed):
            lines.append("no changes")
        lines.extend(f"VERSION: {e}" for e in self.version_errors)
        return "\n".join(lines)


class _Collector:
    def __init__(self) -> None:
        self.breaking: dict[Change, None] = {}
        self.added: dict[Change, None] = {}
        self.changed: dict[Change, None] = {}

    def breaks(self, parts: Parts, message: str) -> None:
        self.breaking[Change(pointer(parts), message)] = None

    def adds(self, parts: Parts, message: str) -> None:
        self.added[Change(pointer(parts), message)] = None

    def changes(self, parts: Parts, message: str) -> None:
        self.changed[Change(pointer(parts), message)] = None

    def judge(self, breaking: bool, parts: Parts, message: str) -> None:
        (self.breaks if breaking else self.changes)(parts, message)


# ------------------------------------------------------------------------------- versions


def parse_semver(text: str) -> tuple[int, int, int, tuple[str, ...]] | None:
    """Split a SemVer 2.0 string into major, minor, patch and pre-release ids (``None`` if not)."""
    match = SEMVER.match(text)
    if not match:
        return None
    pre = tuple(match.group(4).split(".")) if match.group(4) else ()
    return int(match.group(1)), int(match.group(2)), int(match.group(3)), pre


def _precedence(version: tuple[int, int, int, tuple[str, ...]]) -> tuple[Any, ...]:
    major, minor, patch, pre = version
    # A release sorts after its pre-releases; numeric ids sort before alphanumeric ones.
    ids = tuple((0, int(p), "") if p.isdigit() else (1, 0, p) for p in pre)
    return (major, minor, patch, 1 if not pre else 0, ids)


def check_versions(old: str, new: str, breaking: bool) -> list[str]:
    """Why NEW's version does not allow the changes over OLD's; empty when it does.

    A version may never go down; breaking changes need a major bump, or a minor one while the
    major version is 0.
    """
    old_v, new_v = parse_semver(old), parse_semver(new)
    errors = [f"info.version {v!r} is not SemVer" for v, p in ((old, old_v), (new, new_v)) if not p]
    if old_v is None or new_v is None:
        return errors
    if _precedence(new_v) < _precedence(old_v):
        errors.append(f"info.version went down from {old} to {new}")
    elif breaking:
        if old_v[0] == 0:
            bumped = new_v[0] > 0 or new_v[1] > old_v[1]
            need = "a minor (or major) bump while the major version is 0"
        else:
            bumped = new_v[0] > old_v[0]
            need = "a major bump"
        if not bumped:
            errors.append(f"breaking changes need {need}, but the version went {old} -> {new}")
    return errors


# ------------------------------------------------------------------------------- roles


@dataclass(frozen=True)
class Role:
    """Which way a schema travels, which decides whether narrowing or widening breaks."""

    request: bool
    response: bool
    open_sets: bool
    """New enum values and union variants are additions, not breaking."""

    @property
    def name(self) -> str:
        if self.request and self.response:
            return "request and response" if not self.open_sets else "unreached"
        return "request" if self.request else "response"


REQUEST = Role(request=True, response=False, open_sets=True)
RESPONSE = Role(request=False, response=True, open_sets=False)
UNREACHED = Role(request=True, response=True, open_sets=True)
BOTH = Role(request=True, response=True, open_sets=False)


def schema_name(ref: Any) -> str | None:
    """The ``components/schemas`` name a ``$ref`` string points at, if it does."""
    if isinstance(ref, str) and ref.startswith(SCHEMA_PREFIX):
        return ref[len(SCHEMA_PREFIX) :].replace("~1", "/").replace("~0", "~")
    return None


def _schema_refs(schema: Any, seen: set[int] | None = None) -> Iterator[str]:
    """Names of every named schema a schema refers to directly (not through those names)."""
    seen = set() if seen is None else seen
    if isinstance(schema, Mapping):
        if id(schema) in seen:
            return
        seen.add(id(schema))
        name = schema_name(schema.get("$ref"))
        if name is not None:
            yield name
        for key, value in schema.items():
            if key not in ("example", "examples", "default", "const", "enum"):
                yield from _schema_refs(value, seen)
    elif isinstance(schema, list):
        for item in schema:
            yield from _schema_refs(item, seen)


def _operation_roots(spec: Mapping[str, Any]) -> Iterator[tuple[str, Any]]:
    """(direction, schema-bearing node) for every operation and webhook of a document."""
    for section, body_dir, reply_dir in (
        ("paths", "request", "response"),
        ("webhooks", "response", "request"),
    ):
        items = spec.get(section)
        if not isinstance(items, Mapping):
            continue
        for item in items.values():
            item = deref(spec, item)
            if not isinstance(item, Mapping):
                continue
            for method in HTTP_METHODS:
                op = item.get(method)
                if not isinstance(op, Mapping):
                    continue
                for param in [*(item.get("parameters") or []), *(op.get("parameters") or [])]:
                    yield body_dir, deref(spec, param)
                yield body_dir, deref(spec, op.get("requestBody"))
                for response in (op.get("responses") or {}).values():
                    response = deref(spec, response)
                    yield reply_dir, response
                    if isinstance(response, Mapping):
                        events = response.get(SSE_EVENTS_KEY) or {}
                        for media in (response.get("content") or {}).values():
                            if isinstance(media, Mapping):
                                events = events or media.get(SSE_EVENTS_KEY) or {}
                        for name in events.values():
                            yield reply_dir, {"$ref": SCHEMA_PREFIX + str(name)}


def schema_roles(spec: Mapping[str, Any]) -> dict[str, set[str]]:
    """For each named schema, the directions (``request``/``response``) it is reachable in."""
    schemas = (spec.get("components") or {}).get("schemas") or {}
    roles: dict[str, set[str]] = {}
    for direction, node in _operation_roots(spec):
        # Parameters, bodies and responses may $ref components; resolve them all on the way.
        stack = [name for name in _schema_refs(_resolve_containers(spec, node))]
        while stack:
            name = stack.pop()
            if direction in roles.setdefault(name, set()):
                continue
            roles[name].add(direction)
            stack.extend(_schema_refs(schemas.get(name)))
    return roles


def _resolve_containers(spec: Mapping[str, Any], node: Any, depth: int = 0) -> Any:
    """A copy of a parameter/body/response with its non-schema ``$ref``s (headers) resolved."""
    if depth > 8 or not isinstance(node, Mapping):
        return node
    out: dict[str, Any] = {}
    for key, value in node.items():
        if key == "headers" and isinstance(value, Mapping):
            out[key] = {
                h: _resolve_containers(spec, deref(spec, v), depth + 1) for h, v in value.items()
            }
        else:
            out[key] = value
    return out


def _role_of(name: str, old_roles: dict[str, set[str]], new_roles: dict[str, set[str]]) -> Role:
    dirs = old_roles.get(name, set()) | new_roles.get(name, set())
    if name == ERROR_CODE_SCHEMA:
        return Role(request="request" in dirs or not dirs, response=True, open_sets=True)
    if dirs == {"request"}:
        return REQUEST
    if dirs == {"response"}:
        return RESPONSE
    if dirs:
        return BOTH
    return UNREACHED


# ------------------------------------------------------------------------------- schemas

_UPPER_BOUNDS = ("maxLength", "maxItems", "maximum", "exclusiveMaximum", "maxProperties")
_LOWER_BOUNDS = ("minLength", "minItems", "minimum", "exclusiveMinimum", "minProperties")


def _types(schema: Mapping[str, Any]) -> set[str] | None:
    raw = schema.get("type")
    if raw is None:
        return None
    types = {str(t) for t in raw} if isinstance(raw, list) else {str(raw)}
    if schema.get("nullable") is True:
        types.add("null")
    return types


def _covers(wide: set[str] | None, narrow: set[str] | None) -> bool:
    """Whether every value of type set ``narrow`` is also of type set ``wide``."""
    if wide is None:
        return True
    if narrow is None:
        return False
    return all(t in wide or (t == "integer" and "number" in wide) for t in narrow)


def _values(schema: Mapping[str, Any]) -> list[Any] | None:
    """The allowed values (``const`` or ``enum``), or ``None`` when any value goes."""
    if "const" in schema:
        return [schema["const"]]
    if isinstance(schema.get("enum"), list):
        return list(schema["enum"])
    return None


def _fmt_types(types: set[str] | None) -> str:
    return "any" if types is None else "|".join(sorted(types))


def _variant_key(spec: Mapping[str, Any], variant: Any, index: int) -> str:
    if isinstance(variant, Mapping):
        name = schema_name(variant.get("$ref"))
        if name is not None:
            return f"$ref {name}"
        if variant.get("type") == "null":
            return "null"
        props = variant.get("properties")
        if isinstance(props, Mapping):
            for prop_name, prop in props.items():
                prop = deref(spec, prop)
                if isinstance(prop, Mapping) and "const" in prop:
                    return f"{prop_name}={json.dumps(prop['const'])}"
    return f"#{index}"


class _SchemaDiff:
    def __init__(self, old: Mapping[str, Any], new: Mapping[str, Any], out: _Collector) -> None:
        self.old = old
        self.new = new
        self.out = out

    def compare(
        self, o: Any, n: Any, parts: Parts, role: Role, seen: frozenset[int] = frozenset()
    ) -> None:
        """Compare two schemas at one site; named schemas they ref are compared on their own."""
        if not isinstance(o, Mapping) or not isinstance(n, Mapping):
            if o != n:
                self.out.breaks(parts, "schema changed")
            return
        o_ref, n_ref = o.get("$ref"), n.get("$ref")
        if o_ref is not None or n_ref is not None:
            if o_ref == n_ref:
                return
            if o_ref is not None:
                target = f"now refers to {n_ref}" if n_ref is not None else "is now inline"
                self.out.breaks(parts, f"$ref target changed: was {o_ref}, {target}")
                return
            # Inline replaced by a named schema: compare the shapes (the name is an addition).
            if id(n) in seen:
                return
            self.compare(o, deref(self.new, n), parts, role, seen | {id(n)})
            return
        self._types(o, n, parts, role)
        self._values(o, n, parts, role)
        self._format(o, n, parts, role)
        if role.request:
            self._bounds(o, n, parts, role)
        self._properties(o, n, parts, role, seen)
        for key in ("items", "additionalProperties", "not"):
            o_sub, n_sub = o.get(key), n.get(key)
            if isinstance(o_sub, Mapping) and isinstance(n_sub, Mapping):
                self.compare(o_sub, n_sub, (*parts, key), role, seen)
        for key in ("oneOf", "anyOf", "allOf"):
            self._variants(o, n, key, parts, role, seen)

    def _types(self, o: Mapping[str, Any], n: Mapping[str, Any], parts: Parts, role: Role) -> None:
        ot, nt = _types(o), _types(n)
        if ot == nt:
            return
        narrowed = not _covers(nt, ot)
        widened = not _covers(ot, nt)
        what = f"type {_fmt_types(ot)} -> {_fmt_types(nt)}"
        if narrowed and role.request:
            self.out.breaks(parts, f"{what}: narrowed, so requests old clients send are refused")
        elif widened and role.response:
            self.out.breaks(parts, f"{what}: widened, so responses old clients parse may not fit")
        else:
            self.out.changes(
                parts, f"{what} ({'narrowed' if narrowed else 'widened'} in a {role.name})"
            )

    def _values(self, o: Mapping[str, Any], n: Mapping[str, Any], parts: Parts, role: Role) -> None:
        ov, nv = _values(o), _values(n)
        if ov == nv:
            return
        if "const" in o and "const" in n:
            self.out.breaks(parts, f"const changed from {o['const']!r} to {n['const']!r}")
            return
        if ov is not None and nv is None:
            msg = "no longer restricted to " + ", ".join(repr(v) for v in ov)
            self.out.judge(role.response and not role.open_sets, parts, msg)
            return
        if ov is None and nv is not None:
            msg = "now restricted to " + ", ".join(repr(v) for v in nv)
            self.out.judge(role.request, parts, msg)
            return
        assert ov is not None and nv is not None
        noun = "error code" if parts[-1:] == (ERROR_CODE_SCHEMA,) else "enum value"
        for value in ov:
            if value not in nv:
                self.out.breaks(parts, f"{noun} {value!r} removed")
        for value in nv:
            if value not in ov:
                # agentkit's models are open: older SDKs keep unknown values.
                self.out.adds(parts, f"new {noun} {value!r}")

    def _format(self, o: Mapping[str, Any], n: Mapping[str, Any], parts: Parts, role: Role) -> None:
        of, nf = o.get("format"), n.get("format")
        if of == nf:
            return
        breaking = role.response or (role.request and nf is not None)
        self.out.judge(breaking, parts, f"format {of or 'none'} -> {nf or 'none'}")

    def _bounds(self, o: Mapping[str, Any], n: Mapping[str, Any], parts: Parts, role: Role) -> None:
        for key in (*_UPPER_BOUNDS, *_LOWER_BOUNDS):
            ob, nb = o.get(key), n.get(key)
            if ob == nb or isinstance(ob, bool) or isinstance(nb, bool):
                continue
            upper = key in _UPPER_BOUNDS
            if nb is None:
                tighter = False
            elif ob is None:
                tighter = True
            else:
                tighter = nb < ob if upper else nb > ob
            bounds = f"{key} {'none' if ob is None else ob} -> {'none' if nb is None else nb}"
            self.out.judge(tighter, parts, f"{bounds} ({'tighter' if tighter else 'looser'})")
        if o.get("pattern") != n.get("pattern"):
            tighter = n.get("pattern") is not None
            what = f"pattern {o.get('pattern')!r} -> {n.get('pattern')!r}"
            self.out.judge(tighter, parts, f"{what} ({'tighter' if tighter else 'looser'})")
        if o.get("additionalProperties") is not False and n.get("additionalProperties") is False:
            self.out.breaks(parts, "additional properties are no longer accepted in requests")

    def _properties(
        self,
        o: Mapping[str, Any],
        n: Mapping[str, Any],
        parts: Parts,
        role: Role,
        seen: frozenset[int],
    ) -> None:
        o_props = o.get("properties") if isinstance(o.get("properties"), Mapping) else {}
        n_props = n.get("properties") if isinstance(n.get("properties"), Mapping) else {}
        assert isinstance(o_props, Mapping) and isinstance(n_props, Mapping)
        o_req = {str(r) for r in o.get("required") or []}
        n_req = {str(r) for r in n.get("required") or []}
        for name, o_prop in o_props.items():
            where = (*parts, "properties", str(name))
            if name not in n_props:
                self.out.breaks(where, f"property {name!r} removed")
                continue
            if name in n_req and name not in o_req:
                self.out.judge(role.request, where, f"property {name!r} is now required")
            if name in o_req and name not in n_req:
                self.out.judge(role.response, where, f"property {name!r} is no longer required")
            self.compare(o_prop, n_props[name], where, role, seen)
        for name in n_props:
            if name in o_props:
                continue
            where = (*parts, "properties", str(name))
            if name in n_req and role.request:
                self.out.breaks(where, f"new required property {name!r}")
            else:
                self.out.adds(
                    where, f"new {'required' if name in n_req else 'optional'} property {name!r}"
                )

    def _variants(
        self,
        o: Mapping[str, Any],
        n: Mapping[str, Any],
        key: str,
        parts: Parts,
        role: Role,
        seen: frozenset[int],
    ) -> None:
        o_list, n_list = o.get(key), n.get(key)
        if not isinstance(o_list, list) and not isinstance(n_list, list):
            return
        o_map = {_variant_key(self.old, v, i): v for i, v in enumerate(o_list or [])}
        n_map = {_variant_key(self.new, v, i): v for i, v in enumerate(n_list or [])}
        for vkey, variant in o_map.items():
            where = (*parts, key)
            if vkey not in n_map:
                # allOf members add constraints: losing one widens; a union losing one narrows.
                if key == "allOf":
                    self.out.judge(role.response, where, f"allOf member {vkey} removed")
                else:
                    self.out.judge(role.request, where, f"{key} variant {vkey} removed")
            else:
                self.compare(variant, n_map[vkey], (*where, vkey), role, seen)
        for vkey in n_map:
            if vkey in o_map:
                continue
            where = (*parts, key)
            if key == "allOf":
                self.out.judge(role.request, where, f"allOf member {vkey} added")
            else:
                # Older SDKs keep an unknown union member as UnknownPart/UnknownEvent.
                self.out.adds(where, f"new {key} variant {vkey}")


# ------------------------------------------------------------------------------- operations


@dataclass(frozen=True)
class _Op:
    section: str
    key: str
    method: str
    op: Mapping[str, Any]
    item: Mapping[str, Any]

    @property
    def parts(self) -> Parts:
        return (self.section, self.key, self.method)

    @property
    def op_id(self) -> str | None:
        value = self.op.get("operationId")
        return value if isinstance(value, str) else None

    @property
    def label(self) -> str:
        where = f"{self.method.upper()} {self.key}"
        return f"{self.op_id} ({where})" if self.op_id else where


def _operations(spec: Mapping[str, Any]) -> dict[tuple[str, str, str], _Op]:
    found: dict[tuple[str, str, str], _Op] = {}
    for section in ("paths", "webhooks"):
        items = spec.get(section)
        if not isinstance(items, Mapping):
            continue
        for key, item in items.items():
            item = deref(spec, item)
            if not isinstance(item, Mapping):
                continue
            for method in HTTP_METHODS:
                op = item.get(method)
                if isinstance(op, Mapping):
                    found[(section, str(key), method)] = _Op(section, str(key), method, op, item)
    return found


def _params(spec: Mapping[str, Any], op: _Op) -> dict[tuple[str, str], Mapping[str, Any]]:
    params: dict[tuple[str, str], Mapping[str, Any]] = {}
    for raw in [*(op.item.get("parameters") or []), *(op.op.get("parameters") or [])]:
        param = deref(spec, raw)
        if isinstance(param, Mapping):
            name, where = str(param.get("name")), str(param.get("in"))
            params[(where, name.lower() if where == "header" else name)] = param
    return params


def _param_schema(param: Mapping[str, Any]) -> Any:
    if "schema" in param:
        return param["schema"]
    for media in (param.get("content") or {}).values():
        if isinstance(media, Mapping):
            return media.get("schema")
    return None


def _sse_events(response: Mapping[str, Any]) -> dict[str, Any]:
    events = response.get(SSE_EVENTS_KEY)
    if not isinstance(events, Mapping):
        for media in (response.get("content") or {}).values():
            if isinstance(media, Mapping) and isinstance(media.get(SSE_EVENTS_KEY), Mapping):
                events = media[SSE_EVENTS_KEY]
    return dict(events) if isinstance(events, Mapping) else {}


class _Differ:
    def __init__(self, old: Mapping[str, Any], new: Mapping[str, Any]) -> None:
        self.old = old
        self.new = new
        self.out = _Collector()
        self.schemas = _SchemaDiff(old, new, self.out)

    def run(self) -> None:
        self._operations()
        self._named_schemas()
        self._error_statuses()

    def _error_statuses(self) -> None:
        def statuses(spec: Mapping[str, Any]) -> Mapping[str, Any]:
            schemas = (spec.get("components") or {}).get("schemas") or {}
            found = (schemas.get("ErrorCode") or {}).get("x-statuses")
            return found if isinstance(found, Mapping) else {}

        old, new = statuses(self.old), statuses(self.new)
        for code, status in old.items():
            if code in new and new[code] != status:
                where = ("components", "schemas", "ErrorCode", "x-statuses", str(code))
                self.out.breaks(
                    where, f"error code {code} is now sent with {new[code]}, not {status}"
                )

    def _operations(self) -> None:
        old_ops, new_ops = _operations(self.old), _operations(self.new)
        new_by_id = {op.op_id: op for op in new_ops.values() if op.op_id}
        old_ids = {op.op_id for op in old_ops.values() if op.op_id}
        for key, o in old_ops.items():
            n = new_ops.get(key)
            if n is None:
                moved = new_by_id.get(o.op_id) if o.op_id else None
                if moved is not None:
                    self.out.breaks(
                        o.parts, f"{o.label} moved to {moved.method.upper()} {moved.key}"
                    )
                else:
                    self.out.breaks(o.parts, f"operation {o.label} removed")
                continue
            if o.op_id != n.op_id:
                self.out.breaks(
                    (*n.parts, "operationId"),
                    f"operationId renamed from {o.op_id!r} to {n.op_id!r}",
                )
            self._operation(o, n)
        for key, n in new_ops.items():
            if key not in old_ops and not (n.op_id and n.op_id in old_ids):
                self.out.adds(n.parts, f"new operation {n.label}")

    def _operation(self, o: _Op, n: _Op) -> None:
        webhook = o.section == "webhooks"
        inbound, outbound = (RESPONSE, REQUEST) if webhook else (REQUEST, RESPONSE)
        self._parameters(o, n, inbound)
        self._request_body(o, n, inbound)
        if not webhook:
            self._responses(o, n, outbound)

    def _parameters(self, o: _Op, n: _Op, role: Role) -> None:
        o_params, n_params = _params(self.old, o), _params(self.new, n)
        for key, param in o_params.items():
            where = (*n.parts, "parameters", f"{key[0]}:{param.get('name')}")
            if key not in n_params:
                self.out.breaks(where, f"{key[0]} parameter {param.get('name')!r} removed")
                continue
            new = n_params[key]
            if new.get("required") and not param.get("required"):
                self.out.breaks(where, f"{key[0]} parameter {param.get('name')!r} is now required")
            elif param.get("required") and not new.get("required"):
                self.out.changes(where, f"{key[0]} parameter {param.get('name')!r} is now optional")
            self.schemas.compare(_param_schema(param), _param_schema(new), (*where, "schema"), role)
        for key, param in n_params.items():
            if key in o_params:
                continue
            where = (*n.parts, "parameters", f"{key[0]}:{param.get('name')}")
            if param.get("required"):
                self.out.breaks(where, f"new required {key[0]} parameter {param.get('name')!r}")
            else:
                self.out.adds(where, f"new optional {key[0]} parameter {param.get('name')!r}")

    def _request_body(self, o: _Op, n: _Op, role: Role) -> None:
        ob, nb = deref(self.old, o.op.get("requestBody")), deref(self.new, n.op.get("requestBody"))
        where = (*n.parts, "requestBody")
        if not isinstance(ob, Mapping) and not isinstance(nb, Mapping):
            return
        if not isinstance(nb, Mapping):
            self.out.breaks(where, "request body removed")
            return
        if not isinstance(ob, Mapping):
            self.out.judge(bool(nb.get("required")), where, "request body added")
            return
        if nb.get("required") and not ob.get("required"):
            self.out.breaks(where, "request body is now required")
        self._content(ob.get("content"), nb.get("content"), where, role)

    def _content(self, o_content: Any, n_content: Any, parts: Parts, role: Role) -> None:
        o_content = o_content if isinstance(o_content, Mapping) else {}
        n_content = n_content if isinstance(n_content, Mapping) else {}
        for media, o_media in o_content.items():
            where = (*parts, "content", str(media))
            n_media = n_content.get(media)
            if n_media is None:
                self.out.breaks(where, f"media type {media} removed")
                continue
            both = isinstance(o_media, Mapping) and isinstance(n_media, Mapping)
            if both and ("schema" in o_media or "schema" in n_media):
                self.schemas.compare(
                    o_media.get("schema"), n_media.get("schema"), (*where, "schema"), role
                )
        for media in n_content:
            if media not in o_content:
                self.out.adds((*parts, "content", str(media)), f"new media type {media}")

    def _responses(self, o: _Op, n: _Op, role: Role) -> None:
        o_resps = o.op.get("responses") or {}
        n_resps = n.op.get("responses") or {}
        for status, o_raw in o_resps.items():
            where = (*n.parts, "responses", str(status))
            if status not in n_resps:
                self.out.breaks(where, f"response {status} of {o.label} removed")
                continue
            o_resp, n_resp = deref(self.old, o_raw), deref(self.new, n_resps[status])
            if not isinstance(o_resp, Mapping) or not isinstance(n_resp, Mapping):
                continue
            self._headers(o_resp, n_resp, where, role)
            self._content(o_resp.get("content"), n_resp.get("content"), where, role)
            self._events(_sse_events(o_resp), _sse_events(n_resp), (*where, SSE_EVENTS_KEY))
        for status in n_resps:
            if status not in o_resps:
                self.out.adds((*n.parts, "responses", str(status)), f"new response {status}")

    def _headers(
        self, o_resp: Mapping[str, Any], n_resp: Mapping[str, Any], parts: Parts, role: Role
    ) -> None:
        o_h = {str(k).lower(): (k, v) for k, v in (o_resp.get("headers") or {}).items()}
        n_h = {str(k).lower(): (k, v) for k, v in (n_resp.get("headers") or {}).items()}
        for key, (name, o_header) in o_h.items():
            where = (*parts, "headers", str(name))
            if key not in n_h:
                self.out.breaks(where, f"response header {name} removed")
                continue
            o_res, n_res = deref(self.old, o_header), deref(self.new, n_h[key][1])
            if isinstance(o_res, Mapping) and isinstance(n_res, Mapping):
                self.schemas.compare(
                    _param_schema(o_res), _param_schema(n_res), (*where, "schema"), role
                )
        for key, (name, _header) in n_h.items():
            if key not in o_h:
                self.out.adds((*parts, "headers", str(name)), f"new response header {name}")

    def _events(self, o_events: dict[str, Any], n_events: dict[str, Any], parts: Parts) -> None:
        for event, o_schema in o_events.items():
            where = (*parts, str(event))
            if event not in n_events:
                self.out.breaks(where, f"SSE event {event!r} removed")
            elif n_events[event] != o_schema:
                self.out.breaks(
                    where,
                    f"SSE event {event!r} payload changed from {o_schema} to {n_events[event]}",
                )
        for event, n_schema in n_events.items():
            if event not in o_events:
                self.out.adds((*parts, str(event)), f"new SSE event {event!r} ({n_schema})")

    def _named_schemas(self) -> None:
        o_schemas = (self.old.get("components") or {}).get("schemas") or {}
        n_schemas = (self.new.get("components") or {}).get("schemas") or {}
        old_roles, new_roles = schema_roles(self.old), schema_roles(self.new)
        for name, o_schema in o_schemas.items():
            where = ("components", "schemas", str(name))
            if name not in n_schemas:
                self.out.breaks(where, f"schema {name} removed")
                continue
            role = _role_of(str(name), old_roles, new_roles)
            self.schemas.compare(o_schema, n_schemas[name], where, role)
        for name in n_schemas:
            if name not in o_schemas:
                self.out.adds(("components", "schemas", str(name)), f"new schema {name}")


def _version(spec: Mapping[str, Any]) -> str:
    info = spec.get("info")
    version = info.get("version") if isinstance(info, Mapping) else None
    return str(version) if version is not None else "<none>"


def diff(old: Mapping[str, Any], new: Mapping[str, Any]) -> DiffReport:
    """Compare two parsed contracts; see the module docstring for what breaks and what adds.

    Args:
        old: the contract clients were built from.
        new: the proposed contract.

    Returns:
        The changes, grouped, and the version verdict (``report.ok``).
    """
    differ = _Differ(old, new)
    differ.run()
    report = DiffReport(
        old_version=_version(old),
        new_version=_version(new),
        breaking=list(differ.out.breaking),
        added=list(differ.out.added),
        changed=list(differ.out.changed),
    )
    report.version_errors = check_versions(
        report.old_version, report.new_version, bool(report.breaking)
    )
    return report


# ------------------------------------------------------------------------------- loading


class SpecError(Exception):
    """A spec could not be read (missing file, bad git revision, not YAML/JSON)."""


def _git(args: list[str], cwd: Path) -> str | None:
    """Run git; its stdout, or ``None`` when it fails."""
    try:
        result = subprocess.run(
            ["git", *args], cwd=cwd, capture_output=True, text=True, timeout=60, check=False
        )
    except (OSError, subprocess.TimeoutExpired):
        return None
    return result.stdout if result.returncode == 0 else None


def _parse(text: str, source: str) -> dict[str, Any]:
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        raise SpecError(f"{source}: not YAML/JSON: {exc}") from exc
    if not isinstance(data, dict):
        raise SpecError(f"{source}: not a mapping at the top level")
    return data


def load_spec(source: str, cwd: Path | None = None) -> dict[str, Any]:
    """Load a spec from a file path, or from ``git:REV:PATH`` (PATH relative to the repo root).

    Raises:
        SpecError: when the file or revision cannot be read or parsed.
    """
    cwd = Path.cwd() if cwd is None else cwd
    if source.startswith("git:"):
        rev, sep, path = source[4:].partition(":")
        if not sep or not rev or not path:
            raise SpecError(f"{source}: expected git:REV:PATH")
        text = _git(["show", f"{rev}:{path}"], cwd)
        if text is None:
            raise SpecError(f"{source}: git show {rev}:{path} failed")
        return _parse(text, source)
    file = Path(source)
    if not file.is_absolute():
        file = cwd / file
    try:
        return _parse(file.read_text(encoding="utf-8"), source)
    except OSError as exc:
        raise SpecError(f"{source}: {exc}") from exc


def find_base(spec_path: Path) -> str | None:
    """The ``git:REV:PATH`` to compare a working-tree spec with, or ``None`` when there is none.

    Tries, in order: the highest ``v*`` tag holding the file, ``git merge-base HEAD origin/main``,
    then HEAD.
    """
    spec_path = spec_path.resolve()
    top = _git(["rev-parse", "--show-toplevel"], spec_path.parent)
    if top is None:
        return None
    root = Path(top.strip())
    try:
        rel = spec_path.relative_to(root.resolve()).as_posix()
    except ValueError:
        return None
    candidates: list[str] = []
    tags = _git(["tag", "--list", "v*", "--sort=-v:refname"], root)
    candidates += (tags or "").split()
    merge_base = _git(["merge-base", "HEAD", "origin/main"], root)
    if merge_base:
        candidates.append(merge_base.strip())
    candidates.append("HEAD")
    for rev in candidates:
        if _git(["cat-file", "-e", f"{rev}:{rel}"], root) is not None:
            return f"git:{rev}:{rel}"
    return None


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point; returns the exit status."""
    parser = argparse.ArgumentParser(
        description="Report breaking changes and additions between two contract versions."
    )
    parser.add_argument("--against-base", action="store_true", help="compare NEW with its git base")
    parser.add_argument(
        "specs", nargs="+", metavar="SPEC", help="OLD NEW, or NEW with --against-base"
    )
    args = parser.parse_args(argv)
    specs: list[str] = args.specs
    try:
        if args.against_base:
            if len(specs) != 1:
                parser.error("--against-base takes exactly one spec, NEW")
            new_source = specs[0]
            base = find_base(Path(new_source))
            if base is None:
                print(f"{new_source}: no committed base to compare with; nothing to check")
                return 0
            old_source, root = base, Path(new_source).resolve().parent
        else:
            if len(specs) != 2:
                parser.error("expected OLD NEW")
            old_source, new_source = specs
            root = Path.cwd()
        old = load_spec(old_source, root)
        new = load_spec(new_source)
    except SpecError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    report = diff(old, new)
    print(f"{old_source} -> {new_source}")
    print(report.format())
    return 0 if report.ok else 1


if __name__ == "__main__":
    sys.exit(main())
