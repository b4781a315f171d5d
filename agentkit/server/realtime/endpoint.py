"""The realtime websocket: the handshake, then the client's frames read and the server's sent.

The connection is accepted at once; the client then has ``realtime_hello_timeout`` seconds to
send a valid ``hello`` (anything before it is ignored) or it is closed with 4408. A key that
is not a messaging identity's closes it with 4401, a suspended identity with 4403 (checked
again every ``realtime_auth_interval`` seconds while it is open). After
``hello.ok``, in ack mode, the identity's stored deliveries are sent oldest first, then live
ones; each refused client frame gets an ``error`` frame and the connection stays open.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import secrets
from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any

from ..core.auth import hash_key
from ..core.errors import ApiError, invalid
from ..core.ids import new_id, now
from ..core.state import ServerState
from ..core.store import Row, StoreFailure
from .actions import act
from .connection import Connection, Outgoing
from .frames import (
    KNOWN_CAPABILITIES,
    error_frame,
    hello_ok_frame,
    message_frame,
    read_frame,
    read_hello,
)
from .hub import Hub

__all__ = ["CLOSE_FORBIDDEN", "CLOSE_HELLO_TIMEOUT", "CLOSE_UNAUTHORIZED", "serve_realtime"]

Scope = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[MutableMapping[str, Any]]]
Send = Callable[[MutableMapping[str, Any]], Awaitable[None]]

CLOSE_UNAUTHORIZED = (4401, "unauthorized")
CLOSE_FORBIDDEN = (4403, "forbidden")
CLOSE_HELLO_TIMEOUT = (4408, "hello timeout")
_CLOSE_STORE_FAILED = (1011, "the server could not read its store")
#: Stored deliveries read per query while catching a connection up.
_REPLAY_PAGE = 100
#: Seconds a close frame may wait to be sent (to a client that does not read, it never is).
_CLOSE_WAIT = 5.0

logger = logging.getLogger("agentkit.server.realtime")


async def serve_realtime(state: ServerState, scope: Scope, receive: Receive, send: Send) -> None:
    """Serve one realtime connection until it closes."""
    if (await receive())["type"] != "websocket.connect":
        return
    await send({"type": "websocket.accept"})
    hello = await _await_hello(state, receive, send)
    if hello is None:
        return
    identity, key_hash, asked = hello
    accepted = [capability for capability in KNOWN_CAPABILITIES if capability in asked]
    connection = Connection(
        identity["id"],
        identity["handle"],
        "rts_" + secrets.token_hex(12),
        "ack" in accepted,
        state.config.realtime_send_queue,
    )
    await send(
        {
            "type": "websocket.send",
            "text": hello_ok_frame(accepted, connection.handle, connection.session_id),
        }
    )
    hub = state.service(Hub)
    hub.attach(connection)
    writer = asyncio.create_task(_write(state, connection, send))
    watcher = asyncio.create_task(_watch_key(state, connection, key_hash))
    try:
        await _read(state, connection, receive)
    finally:
        hub.detach(connection)
        connection.close(1000, "")
        watcher.cancel()
        with contextlib.suppress(asyncio.TimeoutError, OSError):
            await asyncio.wait_for(writer, _CLOSE_WAIT)


async def _close(send: Send, code: int, reason: str) -> None:
    with contextlib.suppress(OSError):
        await send({"type": "websocket.close", "code": code, "reason": reason})


async def _await_hello(
    state: ServerState, receive: Receive, send: Send
) -> tuple[Row, str, list[str]] | None:
    """The identity of a valid hello, its key's hash, and the capabilities it asked for;
    ``None`` once the connection was closed instead."""
    deadline = asyncio.get_running_loop().time() + state.config.realtime_hello_timeout
    try:
        async with asyncio.timeout_at(deadline):
            while True:
                message = await receive()
                if message["type"] == "websocket.disconnect":
                    return None
                text = message.get("text")
                hello = read_hello(text) if text is not None else None
                if hello is not None:
                    break
    except TimeoutError:
        await _close(send, *CLOSE_HELLO_TIMEOUT)
        return None
    key_hash = hash_key(hello["api_key"])
    identity = _identity_for(state, key_hash)
    if not isinstance(identity, dict):
        await _close(send, *identity)
        return None
    return identity, key_hash, list(hello.get("capabilities", []))


def _identity_for(state: ServerState, key_hash: str) -> Row | tuple[int, str]:
    """The identity a key stands for, or the close that refuses it."""
    store = state.store
    principal = store.org_for_key(key_hash)
    identity = store.identity_by_principal(principal) if principal is not None else None
    if identity is None:
        return CLOSE_UNAUTHORIZED
    if identity.get("status") == "suspended":
        return CLOSE_FORBIDDEN
    return identity


async def _watch_key(state: ServerState, connection: Connection, key_hash: str) -> None:
    """Close the connection once its key stops being valid (rotated away, the identity
    deleted) or its identity is suspended: what was allowed at hello is checked again."""
    while connection.closing is None:
        await asyncio.sleep(state.config.realtime_auth_interval)
        found = _identity_for(state, key_hash)
        if not isinstance(found, dict):
            connection.close(*found)
        elif found["id"] != connection.identity_id:  # pragma: no cover - keys are not moved
            connection.close(*CLOSE_UNAUTHORIZED)


async def _read(state: ServerState, connection: Connection, receive: Receive) -> None:
    """Act on the client's frames until the connection closes."""
    while True:
        message = await receive()
        if message["type"] == "websocket.disconnect":
            return
        if connection.closing is not None:
            continue  # closing: what the client still sends is not acted on
        text = message.get("text")
        try:
            if text is None:
                raise invalid("frame", "send text frames, each one JSON object", "frame")
            frame = read_frame(text)
            if frame["type"] != "hello":
                act(state, connection, frame)
        except ApiError as error:
            connection.offer(_error(error))
        except Exception:
            logger.exception("a realtime frame failed [%s]", connection.session_id)
            connection.offer(_error(ApiError("INTERNAL_ERROR", "the server failed on this frame")))


def _error(error: ApiError) -> Outgoing:
    return Outgoing(error_frame(error))


async def _write(state: ServerState, connection: Connection, send: Send) -> None:
    """Send the connection's frames in order: in ack mode its stored deliveries first."""
    try:
        if connection.ack_mode:
            await _replay(state, connection, send)
        while (frame := await connection.next()) is not None:
            await send({"type": "websocket.send", "text": frame.text})
            if frame.message_id is not None and not connection.ack_mode:
                # Without acks, a delivery is done once it is sent.
                state.store.acknowledge_message(connection.identity_id, frame.message_id)
    except StoreFailure:
        connection.close(*_CLOSE_STORE_FAILED)
    except OSError:
        return  # the client went away
    if connection.closing is not None and connection.closing[0] != 1000:
        await _close(send, *connection.closing)


async def _replay(state: ServerState, connection: Connection, send: Send) -> None:
    """Send every stored delivery of the identity, oldest first, then go live.

    Only committed deliveries are sent: each page is read right after a commit. Those stored
    while a page is being sent are not pushed live but read by the next page, and the
    connection goes live as the page that finds none is read, so none is missed or sent twice.
    """
    store = state.store
    position = 0
    while connection.closing is None:
        store.make_durable(store.durability_mark())
        page = store.pending_deliveries(connection.identity_id, position, _REPLAY_PAGE)
        if not page:
            connection.live = True
            return
        moment = now()
        for pending in page:
            position = pending.position
            message = pending.message
            if store.muted_for(
                connection.identity_id, message["sender"], message["conversation_id"], moment
            ):
                continue
            text = message_frame(new_id("evt"), pending.delivery_id, message)
            await send({"type": "websocket.send", "text": text})
