"""What requests do to a session's turns: start one (for a message or for client tool results),
cancel it, and delete the session.

Everything up to starting a turn's task is synchronous, so no other request can slip a second
turn into the session between the checks and the start.
"""

from __future__ import annotations

import asyncio
from typing import Any

from ..brains import SessionTurn, describe_parts, session_brain_for
from ..core.errors import ApiError
from ..core.ids import now
from ..core.state import ServerState
from ..core.store import Row
from ..guardrails.apply import guard_session_brain
from ..providers.resolve import upstream_for
from .delegation import delegator
from .model import generated_title, history, message_text, new_message, word_count, zero_usage
from .running import RunningTurns
from .stream import SESSION_STREAM
from .turn_runner import TurnRunner, TurnSetup

__all__ = [
    "cancel_turn",
    "delete_session",
    "session_messages",
    "start_message_turn",
    "start_tool_turn",
]


def _emit(state: ServerState, org_id: str, session_id: str, kind: str, **fields: Any) -> int:
    data = {"type": kind, "id": 0, "session_id": session_id, **fields}
    return state.events.append(org_id, SESSION_STREAM.stream(session_id), data)


def _put(state: ServerState, org_id: str, session_id: str, message: Row) -> None:
    stamp = state.events.next_seq(org_id, SESSION_STREAM.stream(session_id))
    state.store.put_session_message(org_id, session_id, message, stamp)


def session_messages(
    state: ServerState, org_id: str, session_id: str, after: int = -1
) -> list[Row]:
    """The session's messages changed after event ``after`` (all by default), as they are now."""
    stored = state.store.session_messages(org_id, session_id, after)
    return state.service(RunningTurns).overlay(org_id, session_id, stored, after)


def _refuse_if_busy(session: Row) -> None:
    if session["status"] == "agent_turn":
        raise ApiError(
            "SESSION_BUSY",
            "the agent is still answering; wait for the turn's stop event or cancel the turn",
            {"status": session["status"]},
        )
    if session["status"] == "client_tool_turn":
        raise ApiError(
            "SESSION_BUSY",
            "the agent waits for the results of its client tool calls; submit them"
            " (sessions_submit_tool_results) or cancel the turn",
            {"status": session["status"]},
        )


def _turn_index_ids(session: Row, body: Row) -> list[str]:
    bound: list[str] = session["index_ids"]
    asked: list[str] | None = body.get("index_ids")
    if bound:
        if asked is not None and set(asked) != set(bound):
            raise ApiError(
                "SESSION_INDEXES_LOCKED",
                "the session is bound to its own indexes; send the message without index_ids"
                " (or with the same ones), or use an unbound session",
                {"field": "index_ids", "location": "body", "index_ids": bound},
            )
        return bound
    return list(asked or [])


def _usable_indexes(
    state: ServerState, org_id: str, index_ids: list[str], require_all: bool
) -> tuple[list[str], list[str], list[Row]]:
    usable: list[str] = []
    skipped: list[str] = []
    warnings: list[Row] = []
    for position, index_id in enumerate(index_ids):
        index = state.store.get_index(org_id, index_id)
        if index is None and require_all:
            raise ApiError(
                "INDEX_NOT_FOUND",
                f"no index {index_id!r} (require_all_indexes refuses to skip it)",
                {"field": f"index_ids[{position}]", "location": "body"},
            )
        if index is not None and index["document_count"] > 0:
            usable.append(index_id)
            continue
        why = "was not found (unknown or deleted)" if index is None else "has no documents"
        skipped.append(index_id)
        warnings.append(
            {
                "code": "INDEX_SKIPPED",
                "message": f"the index {index_id} {why}; the turn goes on without it",
                "index_id": index_id,
            }
        )
    return usable, skipped, warnings


def _turn_agent(session: Row, agent: Row) -> Row:
    merged = dict(agent)
    if session.get("system_prompt") is not None:
        merged["instructions"] = session["system_prompt"]
    if session.get("model_profile"):
        merged["model_profile"] = session["model_profile"]
    return merged


def _launch(
    state: ServerState,
    org_id: str,
    session: Row,
    agent: Row,
    *,
    prompt: str,
    trigger: Row,
    earlier: list[Row],
    usable: list[str] | None = None,
    skipped: list[str] | None = None,
    warnings: list[Row] | None = None,
    tool_results: list[Row] | None = None,
) -> None:
    session_id = session["id"]
    assistant = new_message(trigger["index"] + 1, "assistant", "generating", [])
    _put(state, org_id, session_id, assistant)
    turn = SessionTurn(
        agent=_turn_agent(session, agent),
        session_id=session_id,
        prompt=prompt,
        history=history(earlier),
        index_ids=usable or [],
        client_tools=session["client_tools"],
        tool_results=tool_results or [],
    )
    read = word_count(message_text(trigger)) + sum(word_count(message_text(m)) for m in earlier)
    setup = TurnSetup(
        org_id=org_id,
        session_id=session_id,
        turn=turn,
        message=assistant,
        warnings=warnings or [],
        skipped_index_ids=skipped or [],
        input_tokens=read,
        delegate=delegator(state, org_id, session, agent, start_message_turn),
    )
    config = state.config
    brain = session_brain_for(
        agent.get("brain", "echo"),
        echo_delay=config.echo_delay,
        slow_delay=config.slow_delay,
        upstream=upstream_for(state, org_id, agent),
    )
    brain = guard_session_brain(
        state, org_id, agent, brain, SESSION_STREAM.stream(session_id), session_id
    )
    state.service(RunningTurns).start(TurnRunner(setup, brain, state.events, state.store))


def start_message_turn(state: ServerState, org_id: str, session: Row, agent: Row, body: Row) -> int:
    """Store the user's message, log ``user_input`` and start the agent's turn.

    Returns:
        The id of the turn's first event.

    Raises:
        ApiError: SESSION_BUSY, SESSION_INDEXES_LOCKED, or INDEX_NOT_FOUND (with
            ``require_all_indexes``); nothing is stored then.
    """
    _refuse_if_busy(session)
    index_ids = _turn_index_ids(session, body)
    require_all = bool(body.get("require_all_indexes"))
    usable, skipped, warnings = _usable_indexes(state, org_id, index_ids, require_all)
    session_id = session["id"]
    earlier = state.store.session_messages(org_id, session_id)
    parts = [dict(part) for part in body["message"]["parts"]]
    user = new_message(len(earlier), "user", "completed", parts)
    _put(state, org_id, session_id, user)
    first = _emit(
        state, org_id, session_id, "user_input", message_index=user["index"], content=parts
    )
    prompt = describe_parts(parts)
    if user["index"] == 0:
        session["generated_title"] = generated_title(prompt)
    if "client_tools" in body:
        session["client_tools"] = body["client_tools"]
    session.update(indexes_locked=True, status="agent_turn", updated_at=now())
    state.store.update_session(org_id, session)
    _launch(
        state,
        org_id,
        session,
        agent,
        prompt=prompt,
        trigger=user,
        earlier=earlier,
        usable=usable,
        skipped=skipped,
        warnings=warnings,
    )
    return first


def _mismatch(message: str, details: Row) -> ApiError:
    return ApiError("TOOL_RESULTS_MISMATCH", message, {"location": "body", **details})


def _check_results(session: Row, results: list[Row]) -> dict[str, Row]:
    if session["status"] != "client_tool_turn":
        raise ApiError(
            "NO_PENDING_TOOL_CALLS",
            f"no client tool call waits for results (the session is in {session['status']})",
            {"status": session["status"]},
        )
    pending = {call["tool_use_id"]: call for call in session["pending_tool_calls"]}
    answered: set[str] = set()
    for position, result in enumerate(results):
        tool_use_id = result["tool_use_id"]
        field = f"results[{position}].tool_use_id"
        if tool_use_id not in pending:
            raise _mismatch(
                f"{field}: {tool_use_id!r} is not a pending tool call", {"field": field}
            )
        if tool_use_id in answered:
            raise _mismatch(f"{field}: {tool_use_id!r} is answered twice", {"field": field})
        name = result.get("tool_name")
        if name is not None and name != pending[tool_use_id]["tool_name"]:
            field = f"results[{position}].tool_name"
            expected = pending[tool_use_id]["tool_name"]
            raise _mismatch(
                f"{field}: the call {tool_use_id!r} is of {expected!r}", {"field": field}
            )
        answered.add(tool_use_id)
    missing = [tool_use_id for tool_use_id in pending if tool_use_id not in answered]
    if missing:
        raise _mismatch(
            f"results: no result for the pending tool calls {', '.join(missing)}",
            {"field": "results", "missing": missing},
        )
    return pending


def start_tool_turn(state: ServerState, org_id: str, session: Row, agent: Row, body: Row) -> int:
    """Store the client tools' results as one ``tool`` message and let the agent continue.

    Returns:
        The id of the turn's first event (the first ``tool_result``).

    Raises:
        ApiError: NO_PENDING_TOOL_CALLS or TOOL_RESULTS_MISMATCH; nothing is stored then.
    """
    pending = _check_results(session, body["results"])
    session_id = session["id"]
    earlier = state.store.session_messages(org_id, session_id)
    blocks = [
        {
            "type": "tool_result",
            "tool_use_id": result["tool_use_id"],
            "tool_name": pending[result["tool_use_id"]]["tool_name"],
            "status": result["status"],
            "output": result.get("output"),
            "runtime_ms": result.get("runtime_ms", 0),
            "client": True,
        }
        for result in body["results"]
    ]
    message = new_message(len(earlier), "tool", "completed", blocks)
    _put(state, org_id, session_id, message)
    seqs = [
        _emit(
            state,
            org_id,
            session_id,
            "tool_result",
            message_index=message["index"],
            **{k: v for k, v in block.items() if k != "type"},
        )
        for block in blocks
    ]
    if "client_tools" in body:
        session["client_tools"] = body["client_tools"]
    session.update(status="agent_turn", pending_tool_calls=[], updated_at=now())
    state.store.update_session(org_id, session)
    _launch(
        state,
        org_id,
        session,
        agent,
        prompt="",
        trigger=message,
        earlier=earlier,
        tool_results=[
            {"tool_name": b["tool_name"], "status": b["status"], "output": b["output"]}
            for b in blocks
        ],
    )
    return seqs[0]


async def cancel_turn(state: ServerState, org_id: str, session: Row) -> None:
    """Cancel the running turn or drop the pending client tool calls; idle sessions stay as is."""
    session_id = session["id"]
    if session["status"] == "agent_turn":
        runner = state.service(RunningTurns).get(org_id, session_id)
        task = runner.cancel("cancelled") if runner is not None else None
        if task is not None:
            await asyncio.wait({task})
        else:  # run by another instance sharing the database, if any
            stream = SESSION_STREAM.stream(session_id)
            await state.events.cancel_elsewhere(org_id, stream, "cancelled")
    elif session["status"] == "client_tool_turn":
        session.update(status="user_turn", pending_tool_calls=[], updated_at=now())
        state.store.update_session(org_id, session)
        _stop_without_turn(state, org_id, session_id, "cancelled", is_error=False)


def _stop_without_turn(
    state: ServerState, org_id: str, session_id: str, reason: str, *, is_error: bool
) -> None:
    _emit(
        state,
        org_id,
        session_id,
        "stop",
        reason=reason,
        status="user_turn",
        is_error=is_error,
        usage=zero_usage(),
        skipped_index_ids=[],
    )


async def delete_session(state: ServerState, org_id: str, session: Row) -> None:
    """Cancel the session's turn, if one runs, and delete it with its messages and events."""
    session_id = session["id"]
    runner = state.service(RunningTurns).get(org_id, session_id)
    task = runner.cancel("deleted") if runner is not None else None
    if task is not None:
        await asyncio.wait({task})
    else:  # run by another instance sharing the database, if any
        await state.events.cancel_elsewhere(org_id, SESSION_STREAM.stream(session_id), "deleted")
    state.store.delete_session(org_id, session_id)
    state.events.drop(org_id, SESSION_STREAM.stream(session_id))
