"""The contract registry: what ``openapi/agentkit.yaml`` says, read once and shared.

The SDK, the reference server, the contract checks and the tests all read the contract from
here rather than each loading and interpreting it: every operation by id (method, path template,
parameters, whether it is idempotent, its stream shape and events, the error codes it may
answer) and the error table (code -> HTTP status, from ``ErrorCode.x-statuses``).

Sans-I/O: the only input is ``contract.json``, shipped beside the generated client and read on
first use (``contract()``), never at import.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from functools import cache, cached_property
from typing import Any
from urllib.parse import quote

__all__ = [
    "IDEMPOTENT_METHODS",
    "Contract",
    "Operation",
    "Parameter",
    "StreamSpec",
    "contract",
]

#: Methods that are safe to repeat whatever their body.
IDEMPOTENT_METHODS = frozenset({"GET", "HEAD", "PUT", "DELETE", "OPTIONS"})
_HTTP_METHODS = frozenset({"get", "put", "post", "delete", "options", "head", "patch", "trace"})
_SCHEMA_REF = "#/components/schemas/"
_TEMPLATE_FIELD = re.compile(r"\{([^}]+)\}")


def _segment(value: object) -> str:
    """A path parameter quoted as one segment. A value of dots alone (``.`` or ``..``) has its
    dots escaped too: left as they are, the URL would resolve them and name another resource
    (``DELETE .../chats/..`` would be ``DELETE`` of the agent)."""
    quoted = quote(str(value), safe="")
    return quoted.replace(".", "%2E") if quoted.strip(".") == "" else quoted


@dataclass(frozen=True, slots=True)
class StreamSpec:
    """The shape of an operation's ``text/event-stream`` response.

    Attributes:
        schemas: Event name (or, for a chunk stream, the data's ``type``) -> schema name.
        chunked: A foreign chunk stream (``x-sse-chunks``): unnamed events whose JSON ``type``
            selects the schema, rather than named events (``x-sse-events``).
        terminal: Event types that end one turn's stream (``x-sse-terminal``).
        terminator: The data line that ends a chunk stream, such as ``[DONE]``.
        chunk_key: The property of a chunk's JSON that selects its schema (``x-sse-chunk-key``;
            ``type`` unless the format names another, as OpenAI's ``object`` does).
    """

    schemas: Mapping[str, str]
    chunked: bool
    terminal: frozenset[str]
    terminator: str | None
    chunk_key: str = "type"


@dataclass(frozen=True, slots=True)
class Parameter:
    """A declared parameter of an operation (path, query or header)."""

    name: str
    location: str
    required: bool
    schema: Mapping[str, Any]


@dataclass(frozen=True, eq=False)
class Operation:
    """One operation of the contract.

    Attributes:
        id: The ``operationId``, such as ``sessions_send_stream``.
        tag: Its resource family (the first tag), such as ``sessions``.
        method: The HTTP method, upper case.
        path: The path template, such as ``/v1/sessions/{session_id}/messages/stream``.
        secured: Whether it takes an API key.
        parameters: Path, query and header parameters, path-level ones included.
        body_schema: The JSON request body's schema, if it takes a JSON body.
        body_required: Whether the request body is required.
        responses: Documented status (``"200"``, ``"default"``) -> JSON schema name or ``None``.
        stream: The event stream its success answers with, if it streams.
        error_codes: Every error code it may answer, the common ones included.
        spec: The operation object as the contract has it.
    """

    id: str
    tag: str
    method: str
    path: str
    secured: bool
    parameters: tuple[Parameter, ...]
    body_schema: Mapping[str, Any] | None
    body_required: bool
    responses: Mapping[str, str | None]
    stream: StreamSpec | None
    error_codes: frozenset[str]
    spec: Mapping[str, Any]

    @cached_property
    def takes_idempotency_key(self) -> bool:
        """Whether it accepts an ``Idempotency-Key`` header."""
        return any(p.location == "header" and p.name == "Idempotency-Key" for p in self.parameters)

    @property
    def idempotent(self) -> bool:
        """Whether repeating it is safe: an idempotent method, or a POST keyed for replay."""
        return self.method in IDEMPOTENT_METHODS or self.takes_idempotency_key

    @cached_property
    def path_parameters(self) -> tuple[str, ...]:
        """The names in the path template, in order."""
        return tuple(_TEMPLATE_FIELD.findall(self.path))

    @cached_property
    def success_status(self) -> int:
        """The 2xx status it answers with."""
        return min(int(status) for status in self.responses if status.startswith("2"))

    @cached_property
    def response_schema(self) -> str | None:
        """The schema name of its JSON success response (``None`` for a stream)."""
        return self.responses.get(str(self.success_status))

    @cached_property
    def _pattern(self) -> re.Pattern[str]:
        return re.compile(f"^{_named_groups(self.path)}$")

    @cached_property
    def literal_segments(self) -> int:
        """How many path segments are literal: more literal segments match first."""
        return sum(1 for segment in self.path.split("/") if segment and "{" not in segment)

    def url(self, **path_params: object) -> str:
        """The path with its parameters filled in, each quoted as one segment."""
        missing = set(self.path_parameters) - set(path_params)
        if missing:
            raise TypeError(f"{self.id} needs the path parameters {sorted(missing)}")
        return _TEMPLATE_FIELD.sub(lambda m: _segment(path_params[m.group(1)]), self.path)

    def match(self, method: str, path: str) -> dict[str, str] | None:
        """The path parameters when ``method path`` is this operation, else ``None``."""
        if method.upper() != self.method:
            return None
        found = self._pattern.match(path)
        return found.groupdict() if found else None


def _named_groups(template: str) -> str:
    out = []
    position = 0
    for found in _TEMPLATE_FIELD.finditer(template):
        out.append(re.escape(template[position : found.start()]))
        out.append(f"(?P<{found.group(1)}>[^/]+)")
        position = found.end()
    out.append(re.escape(template[position:]))
    return "".join(out)


class Contract:
    """The whole contract, indexed. Get the shared instance with ``contract()``.

    Args:
        document: The OpenAPI document as a dict.
    """

    def __init__(self, document: Mapping[str, Any]) -> None:
        self.document = document
        error_code = document["components"]["schemas"]["ErrorCode"]
        self.error_statuses: Mapping[str, int] = dict(error_code.get("x-statuses", {}))
        self._common: Mapping[str, list[str]] = error_code.get("x-common-error-codes", {})
        operations: dict[str, Operation] = {}
        for path, item in document["paths"].items():
            shared = item.get("parameters", [])
            for method, spec in item.items():
                if method in _HTTP_METHODS and isinstance(spec, dict):
                    operation = self._operation(path, method.upper(), spec, shared)
                    operations[operation.id] = operation
        self.operations: Mapping[str, Operation] = operations
        # Literal segments win: /v1/chats/stream is chats_start_stream, not chats_get.
        self._by_specificity = sorted(operations.values(), key=lambda op: -op.literal_segments)

    @property
    def version(self) -> str:
        """The contract's ``info.version``."""
        return str(self.document["info"]["version"])

    @property
    def components(self) -> Mapping[str, Any]:
        """The ``components`` section."""
        components: Mapping[str, Any] = self.document["components"]
        return components

    @property
    def error_codes(self) -> tuple[str, ...]:
        """The documented error codes (the ``ErrorCode`` enum), in contract order."""
        return tuple(self.components["schemas"]["ErrorCode"]["enum"])

    def operation(self, operation_id: str) -> Operation:
        """The operation with this id.

        Raises:
            KeyError: The contract has no such operation.
        """
        try:
            return self.operations[operation_id]
        except KeyError:
            raise KeyError(f"the contract has no operation {operation_id!r}") from None

    def find(self, method: str, path: str) -> tuple[Operation, dict[str, str]] | None:
        """The operation a request is for, with its path parameters; ``None`` if there is none."""
        for operation in self._by_specificity:
            params = operation.match(method, path)
            if params is not None:
                return operation, params
        return None

    def paths(self) -> Iterator[tuple[str, list[Operation]]]:
        """Each path template with its operations, more literal paths first."""
        grouped: dict[str, list[Operation]] = {}
        for operation in self._by_specificity:
            grouped.setdefault(operation.path, []).append(operation)
        yield from grouped.items()

    def status_of(self, code: str) -> int | None:
        """The HTTP status an error code is sent with, or ``None`` for a code not documented."""
        return self.error_statuses.get(code)

    def schema(self, name: str) -> Mapping[str, Any]:
        """The named schema of ``components/schemas``."""
        schema: Mapping[str, Any] = self.components["schemas"][name]
        return schema

    def holds_secret(self, schema_name: str) -> bool:
        """Whether a value of the named schema may carry a secret shown once: a property
        marked ``x-secret: true`` in it or in any schema it refers to."""
        seen: set[str] = set()
        pending = [schema_name]
        while pending:
            name = pending.pop()
            if name in seen:
                continue
            seen.add(name)
            nodes: list[Any] = [self.schema(name)]
            while nodes:
                node = nodes.pop()
                if isinstance(node, Mapping):
                    if node.get("x-secret") is True:
                        return True
                    ref = node.get("$ref")
                    if isinstance(ref, str) and ref.startswith(_SCHEMA_REF):
                        pending.append(ref.removeprefix(_SCHEMA_REF))
                    nodes.extend(node.values())
                elif isinstance(node, list):
                    nodes.extend(node)
        return False

    def resolve(self, ref: str) -> Any:
        """What a local ``$ref`` (``#/components/...``) points at."""
        node: Any = self.document
        for name in ref.removeprefix("#/").split("/"):
            node = node[name]
        return node

    def _operation(
        self, path: str, method: str, spec: Mapping[str, Any], shared: list[Any]
    ) -> Operation:
        parameters = []
        for raw in [*shared, *spec.get("parameters", [])]:
            param = self.resolve(raw["$ref"]) if "$ref" in raw else raw
            parameters.append(
                Parameter(
                    name=param["name"],
                    location=param["in"],
                    required=bool(param.get("required")),
                    schema=param.get("schema", {}),
                )
            )
        body = spec.get("requestBody", {})
        body_schema = body.get("content", {}).get("application/json", {}).get("schema")
        responses: dict[str, str | None] = {}
        stream = None
        for status, response in spec.get("responses", {}).items():
            if "$ref" in response:
                response = self.resolve(response["$ref"])
            content = response.get("content", {})
            schema = content.get("application/json", {}).get("schema", {})
            ref = schema.get("$ref", "")
            responses[status] = ref.removeprefix(_SCHEMA_REF) if ref else None
            if "text/event-stream" in content and status.startswith("2"):
                stream = _stream_spec(response)
        secured = spec.get("security", self.document.get("security", [])) != []
        codes = set(spec.get("x-error-codes", []))
        codes.update(self._common.get("every", []))
        if secured:
            codes.update(self._common.get("secured", []))
        if "requestBody" in spec:
            codes.update(self._common.get("body", []))
        operation = Operation(
            id=spec["operationId"],
            tag=(spec.get("tags") or ["default"])[0],
            method=method,
            path=path,
            secured=secured,
            parameters=tuple(parameters),
            body_schema=body_schema,
            body_required=bool(body.get("required")),
            responses=responses,
            stream=stream,
            error_codes=frozenset(codes),
            spec=spec,
        )
        if operation.takes_idempotency_key:
            extra = self._common.get("idempotency_key", [])
            object.__setattr__(operation, "error_codes", operation.error_codes | set(extra))
        return operation


def _stream_spec(response: Mapping[str, Any]) -> StreamSpec:
    chunked = "x-sse-chunks" in response
    schemas = response.get("x-sse-chunks" if chunked else "x-sse-events", {})
    return StreamSpec(
        schemas=dict(schemas),
        chunked=chunked,
        terminal=frozenset(response.get("x-sse-terminal", [])),
        terminator=response.get("x-sse-terminator"),
        chunk_key=response.get("x-sse-chunk-key", "type"),
    )


@cache
def contract() -> Contract:
    """The contract this SDK was generated from, loaded on first use and shared."""
    from importlib import resources

    text = resources.files("agentkit_api").joinpath("contract.json").read_text(encoding="utf-8")
    return Contract(json.loads(text))
