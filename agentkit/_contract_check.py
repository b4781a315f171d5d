"""Validate responses against the contract, from any deployment of the API.

``ContractTransport`` sits between a client and the real transport. Each JSON response is
checked with openapi-core (status, headers, body); each event of an event stream is checked
against the schema its operation's stream names for it (``x-sse-events`` or ``x-sse-chunks``).
An error, as a response or as a stream's ``error`` event, must carry a code its operation may
answer (``x-error-codes`` plus the common ones), and a response must carry it with the code's
HTTP status. Mismatches are collected in ``validator.problems``. Needs the ``contract`` extra
(``pip install agentkit[contract]``).

What the contract says comes from the registry (``agentkit._contract``). The costly part, the
contract compiled for openapi-core and one JSON Schema validator per schema, is built once per
process on first use and shared by every ``ContractValidator``, whatever its base URL: making a
validator per test, per client or per server costs nothing more than its ``problems`` list.
"""

from __future__ import annotations

import json
from collections.abc import AsyncIterator, Iterator, Mapping
from functools import cache
from typing import Any

import jsonschema
from jsonschema.exceptions import best_match
from openapi_core import OpenAPI
from openapi_core.datatypes import RequestParameters
from werkzeug.datastructures import Headers, ImmutableMultiDict

from ._contract import Operation, contract
from ._http import httpx
from ._sse import ServerSentEvent, SSEDecoder

__all__ = [
    "ContractTransport",
    "ContractValidator",
    "error_code_problems",
    "event_error_code",
    "schema_validator",
]

_ERROR_DETAIL = {"$ref": "#/components/schemas/ErrorDetail"}


@cache
def _compiled() -> OpenAPI:
    # One server, "/": openapi-core then matches paths alone, so this one compiled contract
    # serves every base URL (each validator hands it paths relative to its own).
    document = {**contract().document, "servers": [{"url": "/"}]}
    return OpenAPI.from_dict(document)


@cache
def schema_validator(schema_name: str) -> jsonschema.Draft202012Validator:
    """The JSON Schema validator for ``#/components/schemas/<schema_name>``, built once.

    Formats (``date-time`` and the like) are checked, as openapi-core checks them in bodies.
    """
    root = {"$ref": f"#/components/schemas/{schema_name}", "components": contract().components}
    return jsonschema.Draft202012Validator(
        root, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
    )


@cache
def _carries_error(schema_name: str) -> bool:
    properties = contract().schema(schema_name).get("properties", {})
    return bool(properties.get("error") == _ERROR_DETAIL)


def event_error_code(schema_name: str, data: Any) -> str | None:
    """The error code a stream event reports, if its schema is one that reports an error (it
    carries an ``ErrorDetail`` as ``error``, as the ``error`` events do); else ``None``."""
    return _error_code(data) if _carries_error(schema_name) else None


def error_code_problems(operation: Operation, code: str, status: int | None = None) -> list[str]:
    """What is wrong with ``operation`` answering the error ``code``, sent with ``status``.

    The code must be one the operation may answer, and a response (``status`` given; a stream's
    ``error`` event has none) must be sent with the status the contract gives the code.
    """
    problems = []
    if code not in operation.error_codes:
        problems.append(f"{operation.id} may not answer the error code {code!r}")
    expected = contract().status_of(code)
    if status is not None and expected is not None and status != expected:
        problems.append(f"the contract sends {code!r} with {expected}, not {status}")
    return problems


def _error_code(payload: Any) -> str | None:
    error = payload.get("error") if isinstance(payload, dict) else None
    code = error.get("code") if isinstance(error, dict) else None
    return code if isinstance(code, str) else None


class _Request:
    def __init__(self, request: httpx.Request, path: str) -> None:
        url = request.url
        self.host_url = f"{url.scheme}://{url.netloc.decode()}"
        self.path = path
        self.method = request.method.lower()
        self.parameters = RequestParameters(
            query=ImmutableMultiDict(list(url.params.multi_items())),
            header=Headers(list(request.headers.items())),
        )
        self.content_type = request.headers.get("content-type", "")
        self.body = request.content or None


class _Response:
    def __init__(self, response: httpx.Response, body: bytes | None) -> None:
        self.status_code = response.status_code
        self.content_type = response.headers.get("content-type", "")
        self.headers = Headers(list(response.headers.items()))
        self.data = body


class ContractValidator:
    """Checks responses against the contract, for one server base URL.

    Cheap to make: the compiled contract is shared (see the module's description).

    Args:
        base_url: Where the API under test is served; requests elsewhere are problems.

    Attributes:
        problems: Every mismatch seen so far, one line each.
    """

    def __init__(self, base_url: str) -> None:
        base = httpx.URL(base_url)
        self.base_url = base_url
        self._origin = (base.scheme, base.host, base.port)
        self._prefix = base.path.rstrip("/")
        self._openapi = _compiled()
        self.problems: list[str] = []

    def _path(self, request: httpx.Request) -> str | None:
        """The request's path below the base URL, ``None`` when it is not for the base URL."""
        url = request.url
        # The path as sent: decoded, a parameter of dots (``%2E%2E``) would be resolved away and
        # a ``%2F`` inside a parameter would look like two segments.
        path = url.raw_path.decode("ascii").partition("?")[0]
        if (url.scheme, url.host, url.port) != self._origin:
            return None
        if not self._prefix:
            return path
        rest = path.removeprefix(self._prefix)
        return rest if rest != path and rest.startswith("/") else None

    def check(self, request: httpx.Request, response: httpx.Response, body: bytes) -> None:
        """Validate status, headers and body of a (non-streamed) response, and its error code."""
        where = f"{request.method} {request.url.path} -> {response.status_code}"
        path = self._path(request)
        if path is None:
            self.problems.append(f"{where}: not a request to {self.base_url}")
            return
        try:
            self._openapi.validate_response(_Request(request, path), _Response(response, body))
        except Exception as exc:  # openapi-core raises a family of errors; report any of them
            causes = "; ".join(str(error) for error in getattr(exc, "schema_errors", None) or [])
            self.problems.append(f"{where}: {exc} {causes}")
        if response.status_code < 400:
            return
        found = contract().find(request.method, path)
        try:
            code = _error_code(json.loads(body))
        except ValueError:
            code = None  # openapi-core has reported a body that is not the envelope
        if found is not None and code is not None:
            for problem in error_code_problems(found[0], code, response.status_code):
                self.problems.append(f"{where}: {problem}")

    def check_event(self, request: httpx.Request, event: ServerSentEvent) -> None:
        """Validate one event of a stream against the schema its operation names for it.

        Named-event streams (``x-sse-events``) pick the schema by the SSE event name; foreign
        chunk streams (``x-sse-chunks``) send unnamed events and pick it by the data's ``type``
        (or the property ``x-sse-chunk-key`` names),
        and may end with their ``x-sse-terminator`` line. An event that reports an error must
        carry a code the operation may answer.
        """
        where = f"{request.method} {request.url.path} event {event.event!r}"
        path = self._path(request)
        if path is None:
            self.problems.append(f"{where}: not a request to {self.base_url}")
            return
        found = contract().find(request.method, path)
        operation = found[0] if found else None
        stream = operation.stream if operation is not None else None
        schemas: Mapping[str, str] = stream.schemas if stream is not None else {}
        if stream is not None and stream.chunked:
            if event.event != "message":
                self.problems.append(f"{where}: a chunk stream's events have no name")
                return
            if stream.terminator is not None and event.data == stream.terminator:
                return
            try:
                payload = json.loads(event.data)
            except ValueError as exc:
                self.problems.append(f"{where}: {exc}")
                return
            key = payload.get(stream.chunk_key) if isinstance(payload, dict) else None
            where = f"{request.method} {request.url.path} chunk {key!r}"
        else:
            key = event.event
        schema_name = schemas.get(key) if isinstance(key, str) else None
        if schema_name is None:
            self.problems.append(f"{where}: not an event the contract names")
            return
        try:
            data = json.loads(event.data)
        except ValueError as exc:
            self.problems.append(f"{where}: {exc}")
            return
        error = best_match(schema_validator(schema_name).iter_errors(data))
        if error is not None:
            self.problems.append(f"{where}: {error}")
            return
        code = event_error_code(schema_name, data)
        if operation is not None and code is not None:
            for problem in error_code_problems(operation, code):
                self.problems.append(f"{where}: {problem}")


class _CheckedStream(httpx.SyncByteStream, httpx.AsyncByteStream):
    def __init__(
        self, validator: ContractValidator, request: httpx.Request, inner: httpx.Response
    ) -> None:
        self._validator = validator
        self._request = request
        self._inner = inner
        self._decoder = SSEDecoder()

    def _see(self, chunk: bytes) -> None:
        for event in self._decoder.feed(chunk):
            self._validator.check_event(self._request, event)

    def __iter__(self) -> Iterator[bytes]:
        for chunk in self._inner.stream:  # type: ignore[union-attr]
            self._see(chunk)
            yield chunk

    async def __aiter__(self) -> AsyncIterator[bytes]:
        async for chunk in self._inner.stream:  # type: ignore[union-attr]
            self._see(chunk)
            yield chunk

    def close(self) -> None:
        self._inner.close()

    async def aclose(self) -> None:
        await self._inner.aclose()


class ContractTransport(httpx.BaseTransport, httpx.AsyncBaseTransport):
    """An httpx transport that forwards to ``inner`` and validates what comes back.

    Pass it as ``transport=`` to ``AgentKit`` or ``AsyncAgentKit``; afterwards,
    ``transport.validator.problems`` lists every mismatch with the contract.

    Args:
        validator: The validator that collects problems.
        inner: The transport to forward to (default: a plain HTTP transport).
    """

    def __init__(self, validator: ContractValidator, inner: Any | None = None) -> None:
        self.validator = validator
        self._inner = inner
        self._sync = inner or httpx.HTTPTransport()
        self._async = inner or httpx.AsyncHTTPTransport()

    def _wrap(self, request: httpx.Request, response: httpx.Response) -> httpx.Response:
        return httpx.Response(
            response.status_code,
            headers=response.headers,
            stream=_CheckedStream(self.validator, request, response),
            extensions=response.extensions,
        )

    def _is_stream(self, response: httpx.Response) -> bool:
        return response.status_code == 200 and response.headers.get("content-type", "").startswith(
            "text/event-stream"
        )

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        response = self._sync.handle_request(request)
        if self._is_stream(response):
            return self._wrap(request, response)
        body = response.read()
        self.validator.check(request, response, body)
        return httpx.Response(response.status_code, headers=response.headers, content=body)

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        response = await self._async.handle_async_request(request)
        if self._is_stream(response):
            return self._wrap(request, response)
        body = await response.aread()
        self.validator.check(request, response, body)
        return httpx.Response(response.status_code, headers=response.headers, content=body)

    def close(self) -> None:
        self._sync.close()

    async def aclose(self) -> None:
        await self._async.aclose()
