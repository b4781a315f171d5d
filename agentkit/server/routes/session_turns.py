"""Session turns: send a message (answered in the background, streamed, or as a UI message
stream), submit client tool results, cancel."""

from __future__ import annotations

from starlette.responses import Response

from ..context import Call, api, resource
from ..errors import ApiError, invalid
from ..sessions.turns import cancel_turn, start_message_turn, start_tool_turn
from ..store import Row
from ..streams import SESSION_STREAM
from .sessions import load_session, session_response

__all__ = ["routes"]


def _agent(call: Call, session: Row) -> Row:
    agent = call.state.store.get_agent(call.org_id, session["agent_id"])
    if agent is None:
        raise ApiError("AGENT_NOT_FOUND", "the session's agent was deleted; start a new session")
    return agent


def _send(call: Call, body: Row | None = None) -> tuple[str, int]:
    session = load_session(call)
    agent = _agent(call, session)
    # The UI request is read once the session is known: an unknown session is a 404 first.
    message = body if body is not None else _ui_message(call.body)
    return session["id"], start_message_turn(call.state, call.org_id, session, agent, message)


def _submit(call: Call) -> tuple[str, int]:
    session = load_session(call)
    agent = _agent(call, session)
    return session["id"], start_tool_turn(call.state, call.org_id, session, agent, call.body)


def _stream(call: Call, session_id: str, first: int, fmt: str = "sse") -> Response:
    stream = SESSION_STREAM.stream(session_id)
    call.remember_stream(stream, first - 1, fmt)
    return call.state.events.response(call.org_id, stream, first - 1, one_turn=True, fmt=fmt)


def _ui_message(body: Row) -> Row:
    """The session message for an AI SDK chat request: the last user message's text."""
    messages = body["messages"]
    for position in range(len(messages) - 1, -1, -1):
        message = messages[position]
        if message["role"] != "user":
            continue
        texts = [
            part["text"]
            for part in message["parts"]
            if part["type"] == "text" and isinstance(part.get("text"), str) and part["text"]
        ]
        if not texts:
            raise invalid(f"messages[{position}].parts", "the last user message has no text")
        return {"message": {"parts": [{"type": "text", "content": "\n".join(texts)}]}}
    raise invalid("messages", "there is no message with role user")


@api("sessions_send")
async def send(call: Call) -> Response:
    """Send a message; the agent answers in the background."""
    session_id, _ = _send(call, call.body)
    return session_response(call, session_id, 202)


@api("sessions_send_stream")
async def send_stream(call: Call) -> Response:
    """Send a message and stream the turn's events."""
    session_id, first = _send(call, call.body)
    return _stream(call, session_id, first)


@api("sessions_send_ui_stream")
async def send_ui_stream(call: Call) -> Response:
    """Send the last user message of an AI SDK chat request; stream the turn as UI chunks."""
    session_id, first = _send(call)
    return _stream(call, session_id, first, "ui")


@api("sessions_submit_tool_results")
async def submit_tool_results(call: Call) -> Response:
    """Submit client tool results; the agent continues in the background."""
    session_id, _ = _submit(call)
    return session_response(call, session_id, 202)


@api("sessions_submit_tool_results_stream")
async def submit_tool_results_stream(call: Call) -> Response:
    """Submit client tool results and stream the turn that follows."""
    session_id, first = _submit(call)
    return _stream(call, session_id, first)


@api("sessions_cancel")
async def cancel(call: Call) -> Response:
    """Cancel the turn in progress or the pending client tool calls."""
    session = load_session(call)
    await cancel_turn(call.state, call.org_id, session)
    return session_response(call, session["id"])


routes = [
    resource("/v1/sessions/{session_id}/messages", post=send),
    resource("/v1/sessions/{session_id}/messages/stream", post=send_stream),
    resource("/v1/sessions/{session_id}/messages/ui-stream", post=send_ui_stream),
    resource("/v1/sessions/{session_id}/tool-results", post=submit_tool_results),
    resource("/v1/sessions/{session_id}/tool-results/stream", post=submit_tool_results_stream),
    resource("/v1/sessions/{session_id}/cancel", post=cancel),
]
