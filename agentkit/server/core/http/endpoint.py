"""One operation's endpoint: what happens to a request before and after its handler runs.

Authentication and rate limits (for a secured operation), the body read within its limit, the
parameters and body validated against the contract, ``Idempotency-Key`` (replaying a stored
answer, or recording this one), and the handler's answer sent as a response. Everything the
contract says about the operation is looked up here, once, when the app is built. An operation
of a foreign format (``x-foreign-format``) whose family gives that format an error body answers
its errors in that body rather than the envelope.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Coroutine, Mapping

from starlette.requests import ClientDisconnect, Request
from starlette.responses import Response

from ...._contract import Operation, contract
from ..auth import authenticate
from ..call import Call, Handler, last_event_id
from ..eager import Finished, resume, step
from ..errors import ApiError, ErrorBody
from ..idempotency import StreamRecord, fingerprint
from ..replies import Answer, Bytes, ChunkStream, EventStream
from ..state import ServerState
from ..validation import rules_for
from .responses import (
    bytes_response,
    chunk_response,
    error_response,
    json_response,
    replay_response,
    stream_response,
)

__all__ = ["Endpoint", "endpoint"]

Endpoint = Callable[[Request], Awaitable[Response]]
_NO_QUERY: Mapping[str, str] = {}


async def _read_body(request: Request, limit: int) -> bytes:
    headers = request.headers
    if "content-length" not in headers and "transfer-encoding" not in headers:
        return b""  # a request without either has no body (RFC 9112 6.3): nothing to wait for
    # The middleware refuses a too-large Content-Length up front; this catches chunked bodies.
    # Read from the ASGI channel directly: Request.stream is an async generator, which costs
    # more than a body that arrived in one message.
    receive = request.receive
    chunks: list[bytes] = []
    size = 0
    while True:
        message = await receive()
        if message["type"] != "http.request":
            raise ClientDisconnect()
        chunk: bytes = message.get("body", b"")
        size += len(chunk)
        if size > limit:
            raise ApiError("REQUEST_TOO_LARGE", f"the request body exceeds {limit} bytes")
        if not message.get("more_body", False):
            return chunk if not chunks else b"".join([*chunks, chunk])
        chunks.append(chunk)


def _target(request: Request) -> tuple[str, str]:
    """The request's path and query as ``request.url`` has them, without building the URL when
    they need no escaping (as almost every request's do)."""
    scope = request.scope
    path: str = scope["path"]
    query: bytes = scope["query_string"]
    plain = path.startswith("/") and not path.startswith("//") and path.isascii()
    if plain and path.isprintable() and not _ESCAPED.intersection(path):
        text = query.decode("ascii", "replace")
        if text.isascii() and text.isprintable() and "#" not in text:
            return path, text
    url = request.url
    return url.path, url.query


_ESCAPED = frozenset("?#\\")


def endpoint(
    operation: Operation, handler: Handler, error_body: ErrorBody | None = None
) -> Endpoint:
    """The endpoint that runs ``handler`` for requests of ``operation``; ``error_body`` shapes
    its errors when its format has its own."""
    rules = rules_for(operation.id)
    # An answer that shows a secret once is kept for replay sealed, never in clear.
    sealed = operation.response_schema is not None and contract().holds_secret(
        operation.response_schema
    )
    secured = operation.secured
    success = operation.success_status
    # What a request the server stopped during is answered with when its key comes again.
    interrupted = (
        ApiError(
            "TURN_INTERRUPTED",
            "the server stopped during this request's turn, which was "
            "closed as interrupted; send it again with a new Idempotency-Key",
        )
        if "TURN_INTERRUPTED" in operation.error_codes
        else ApiError(
            "INTERNAL_ERROR",
            "the server stopped during this request; its outcome is "
            "unknown: check, then send it again with a new Idempotency-Key",
        )
    )
    # An operation may answer JSON or a stream (as OpenAI's completions do, by ``stream``).
    streams_only = operation.stream is not None and operation.response_schema is None

    def respond(call: Call, answer: Answer) -> Response:
        if isinstance(answer, EventStream):
            return stream_response(call.state.events, call.org_id, answer)
        if isinstance(answer, ChunkStream):
            return chunk_response(answer)
        if streams_only:  # pragma: no cover - a mistake in the handler
            raise TypeError(f"{operation.id} streams: its handler must answer an EventStream")
        if isinstance(answer, Bytes):
            return bytes_response(answer, success)
        return json_response(answer, success)

    async def run(request: Request) -> Response:
        state: ServerState = request.app.state.server
        org_id = ""
        if secured:
            org_id, key_hash = authenticate(state.store, request.headers.getlist("authorization"))
            state.limiter.check(key_hash)
        raw = await _read_body(request, state.config.max_body_bytes)
        # No query string (as on most requests): nothing to parse.
        query = request.query_params if request.scope["query_string"] else _NO_QUERY
        params = rules.parameters(query, request.path_params, request.headers)
        # Read from the scope: Request.state would build an object for one value.
        request_id = request.scope.get("state", {}).get("request_id")
        body = rules.body(raw, request.headers.get("content-type"))
        call = Call(state, org_id, body, params, raw, request.headers, request_id)
        key = params.get("Idempotency-Key") if request.method == "POST" else None
        if not key:
            return respond(call, await handler(call))
        digest = fingerprint(request.method, *_target(request), raw)
        guard = state.idempotency
        async with guard.exclusive(org_id, key):
            # Shared with other instances, the key is claimed first: one statement when it is
            # new, and only a key that someone holds needs reading.
            began = guard.shared and guard.begin(org_id, key, digest)
            record = None if began else await guard.settled(org_id, key, digest)
            if record is None and not began and guard.shared:
                # Its record was gone by the time it was read (expired, or not replayable).
                began = guard.begin(org_id, key, digest)
                if not began:
                    # Another instance began this key at the same moment: its answer is replayed.
                    record = await guard.settled(org_id, key, digest)
            if record is not None and record.get("kind") == "pending":
                # Left by a server that stopped while it ran: answered as interrupted, for good.
                refusal = error_response(interrupted, request_id)
                guard.remember_json(org_id, key, digest, refusal.status_code, bytes(refusal.body))
                return refusal
            if record is not None:
                return replay_response(
                    state.events,
                    org_id,
                    record,
                    last_event_id=last_event_id(request.headers),
                    request_id=request_id,
                )
            try:
                if began:
                    answer = await handler(call)
                else:
                    # Alone on the key (it is held, no other instance shares the records), the
                    # request is noted pending only if it waits: until then nothing is committed,
                    # so the note joins its first writes, and one that never waits needs none.
                    pending = handler(call)
                    stepped = step(pending) if isinstance(pending, Coroutine) else None
                    if isinstance(stepped, Finished):
                        answer = stepped.result
                    else:
                        began = guard.begin(org_id, key, digest)
                        if stepped is not None and isinstance(pending, Coroutine):
                            answer = await resume(pending, stepped)
                        else:
                            answer = await pending
                response = respond(call, answer)
            except BaseException:
                # Raised errors are not kept (as before any record): a repeat runs again.
                if began:
                    guard.abandon(org_id, key)
                raise
            # Answers the handler returned (not raised) reflect work done: keep them all, but a
            # chunk stream is kept nowhere to replay; it has no effect to guard, and runs again.
            if isinstance(answer, ChunkStream):
                if began:
                    guard.abandon(org_id, key)
                return response
            if isinstance(answer, EventStream):
                spec = StreamRecord(answer.stream, answer.after, answer.fmt)
                guard.remember_stream(org_id, key, digest, spec)
            else:
                guard.remember_json(
                    org_id, key, digest, response.status_code, bytes(response.body), sealed=sealed
                )
            return response

    served: Endpoint = run if error_body is None else _foreign_errors(run, error_body)
    served.__name__ = served.__qualname__ = handler.__name__
    served.__doc__ = handler.__doc__
    return served


def _foreign_errors(run: Endpoint, error_body: ErrorBody) -> Endpoint:
    async def run_foreign(request: Request) -> Response:
        try:
            return await run(request)
        except ApiError as error:
            request_id = request.scope.get("state", {}).get("request_id")
            return error_response(error, request_id, error_body)

    return run_foreign
