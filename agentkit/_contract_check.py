"""Validate responses against the contract, from any deployment of the API.

``ContractTransport`` sits between a client and the real transport. Each JSON response is
checked with openapi-core (status, headers, body); each event of an event stream is checked
against the schema the operation's ``x-sse-events`` names for it. Mismatches are collected in
``validator.problems``. Needs the ``contract`` extra (``pip install agentkit[contract]``).
"""

from __future__ import annotations

import json
import re
from collections.abc import AsyncIterator, Iterator
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

import jsonschema
from openapi_core import OpenAPI
from openapi_core.datatypes import RequestParameters
from werkzeug.datastructures import Headers, ImmutableMultiDict

from ._http import httpx
from ._sse import ServerSentEvent, SSEDecoder

__all__ = ["ContractTransport", "ContractValidator", "contract"]


@cache
def contract() -> dict[str, Any]:
    text = resources.files("agentkit_api").joinpath("contract.json").read_text(encoding="utf-8")
    loaded: dict[str, Any] = json.loads(text)
    return loaded


class _Request:
    def __init__(self, request: httpx.Request) -> None:
        url = request.url
        self.host_url = f"{url.scheme}://{url.netloc.decode()}"
        self.path = url.path
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


@dataclass(frozen=True, slots=True)
class _StreamShape:
    schemas: dict[str, str]
    chunked: bool
    terminator: str | None


class ContractValidator:
    """Checks responses against the contract, for one server base URL.

    Args:
        base_url: Where the API under test is served.
    """

    def __init__(self, base_url: str) -> None:
        spec = dict(contract())
        spec["servers"] = [{"url": base_url}]
        self._openapi = OpenAPI.from_dict(spec)
        self._components = spec["components"]
        self._streams: list[tuple[re.Pattern[str], str, _StreamShape]] = []
        for pattern, item in spec["paths"].items():
            regex = re.compile("^" + re.sub(r"\{[^}]+\}", "[^/]+", pattern) + "$")
            for method, operation in item.items():
                ok = (
                    operation.get("responses", {}).get("200", {})
                    if isinstance(operation, dict)
                    else {}
                )
                if ok.get("x-sse-events"):
                    shape = _StreamShape(dict(ok["x-sse-events"]), chunked=False, terminator=None)
                elif ok.get("x-sse-chunks"):
                    shape = _StreamShape(
                        dict(ok["x-sse-chunks"]),
                        chunked=True,
                        terminator=ok.get("x-sse-terminator"),
                    )
                else:
                    continue
                self._streams.append((regex, method.upper(), shape))
        self.problems: list[str] = []

    def check(self, request: httpx.Request, response: httpx.Response, body: bytes) -> None:
        """Validate status, headers and body of a (non-streamed) response."""
        try:
            self._openapi.validate_response(_Request(request), _Response(response, body))
        except Exception as exc:  # openapi-core raises a family of errors; report any of them
            causes = "; ".join(str(error) for error in getattr(exc, "schema_errors", None) or [])
            self.problems.append(
                f"{request.method} {request.url.path} -> {response.status_code}: {exc} {causes}"
            )

    def check_event(self, request: httpx.Request, event: ServerSentEvent) -> None:
        """Validate one event of a stream against the schema its operation names for it.

        Named-event streams (``x-sse-events``) pick the schema by the SSE event name; foreign
        chunk streams (``x-sse-chunks``) send unnamed events and pick it by the data's ``type``,
        and may end with their ``x-sse-terminator`` line.
        """
        shape = next(
            (
                shape
                for regex, method, shape in self._streams
                if method == request.method and regex.match(request.url.path)
            ),
            _StreamShape({}, chunked=False, terminator=None),
        )
        where = f"{request.method} {request.url.path} event {event.event!r}"
        if shape.chunked:
            if event.event != "message":
                self.problems.append(f"{where}: a chunk stream's events have no name")
                return
            if shape.terminator is not None and event.data == shape.terminator:
                return
            try:
                payload = json.loads(event.data)
            except ValueError as exc:
                self.problems.append(f"{where}: {exc}")
                return
            key = payload.get("type") if isinstance(payload, dict) else None
            where = f"{request.method} {request.url.path} chunk {key!r}"
        else:
            key = event.event
        schema_name = shape.schemas.get(key) if isinstance(key, str) else None
        if schema_name is None:
            self.problems.append(f"{where}: not an event the contract names")
            return
        schema = {"$ref": f"#/components/schemas/{schema_name}", "components": self._components}
        try:
            jsonschema.validate(json.loads(event.data), schema, cls=jsonschema.Draft202012Validator)
        except (ValueError, jsonschema.ValidationError) as exc:
            self.problems.append(f"{where}: {exc}")


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
