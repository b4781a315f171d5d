"""Responses: JSON answers, event streams, the error envelope, and replays of stored answers."""

from __future__ import annotations

import json
from collections.abc import Mapping

from starlette.responses import JSONResponse, Response, StreamingResponse

from ..errors import ApiError, ErrorBody, envelope
from ..event_log import Encoded, EventLog
from ..idempotency import StreamRecord
from ..replies import Bytes, ChunkStream, EventStream, JsonText, Reply
from ..store import Row

__all__ = [
    "REPLAYED",
    "bytes_response",
    "chunk_response",
    "error_response",
    "json_response",
    "replay_response",
    "stream_response",
]

REPLAYED = {"Idempotent-Replayed": "true"}
_SSE_HEADERS = {"Cache-Control": "no-cache", "X-Accel-Buffering": "no"}
# Every conflict this server reports is about the state of a resource (a closed chat, a busy
# session, a used key): repeating the request at once cannot succeed, so clients that retry 409
# by default are told not to.
_FINAL = {409: {"x-should-retry": "false"}}


def json_response(answer: Reply | JsonText, success_status: int) -> Response:
    """The response of a JSON answer (``success_status`` when it names none)."""
    status = success_status if answer.status is None else answer.status
    if isinstance(answer, JsonText):
        return Response(answer.text, status_code=status, media_type="application/json")
    if answer.headers:
        return JSONResponse(answer.body, status_code=status, headers=dict(answer.headers))
    return JSONResponse(answer.body, status_code=status)


def bytes_response(answer: Bytes, success_status: int) -> Response:
    """The response of a raw-bytes answer."""
    headers = dict(answer.headers or {})
    return Response(answer.content, success_status, headers, media_type=answer.media_type)


def _sse(encoded: Encoded, headers: Mapping[str, str] | None = None) -> StreamingResponse:
    # Proxies must neither cache nor buffer an event stream.
    return StreamingResponse(
        encoded.body,
        media_type="text/event-stream",
        headers={**_SSE_HEADERS, **encoded.headers, **(headers or {})},
    )


def stream_response(events: EventLog, org_id: str, answer: EventStream) -> StreamingResponse:
    """The part of the event log an ``EventStream`` names, as a ``text/event-stream``."""
    encoded = events.encode(
        org_id,
        answer.stream,
        answer.after,
        one_turn=answer.one_turn,
        fmt=answer.fmt,
        forever=answer.forever,
        alive=answer.alive,
        deadline=answer.deadline,
    )
    return _sse(encoded, answer.headers)


def chunk_response(answer: ChunkStream) -> StreamingResponse:
    """A body a handler writes itself, in its media type."""
    sse = answer.media_type == "text/event-stream"
    return StreamingResponse(
        answer.body,
        media_type=answer.media_type,
        headers={**(_SSE_HEADERS if sse else {}), **(answer.headers or {})},
    )


def error_response(
    error: ApiError, request_id: str | None, body: ErrorBody | None = None
) -> JSONResponse:
    """The error envelope of an ``ApiError`` (or the ``body`` of a foreign format), with its
    headers."""
    return JSONResponse(
        envelope(error.code, error.message, request_id, error.details)
        if body is None
        else body(error, request_id),
        status_code=error.status,
        headers={**_FINAL.get(error.status, {}), **error.headers},
    )


def replay_response(
    events: EventLog,
    org_id: str,
    record: Row,
    *,
    last_event_id: int | None,
    request_id: str | None,
) -> Response:
    """The stored answer of a key again: the JSON body, or the turn's events from the log."""
    if record["kind"] == "stream":
        spec = StreamRecord.of(record)
        after = spec.after
        if events.resumable(spec.fmt):
            after = max(after, last_event_id or 0)
        encoded = events.encode(org_id, spec.stream, after, one_turn=True, fmt=spec.fmt)
        return _sse(encoded, REPLAYED)
    body = str(record["body"])
    if int(record["status"]) >= 400 and request_id:
        # An error body quotes the request id; quote this request's, as its header does.
        error = json.loads(body)
        error["error"]["request_id"] = request_id
        body = json.dumps(error)
    return Response(
        body, status_code=int(record["status"]), media_type="application/json", headers=REPLAYED
    )
