"""Helpers for the realtime tests: identities registered over REST, and websocket clients (the
``websockets`` library's own) that say hello and read frames checked against the contract."""

from __future__ import annotations

import contextlib
import itertools
import json
import secrets
from dataclasses import dataclass
from typing import Any

from websockets.exceptions import ConnectionClosed
from websockets.sync.client import ClientConnection, connect

from agentkit._contract import contract
from agentkit.testing import ReferenceServer
from tests.server.conftest import Api, assert_schema

_names = itertools.count()


@dataclass
class Someone:
    """A registered messaging identity: its handle, key, id and a REST client acting as it."""

    handle: str
    key: str
    id: str
    api: Api


def register(server: ReferenceServer, prefix: str = "rt") -> Someone:
    """Register a messaging identity through the API."""
    handle = f"{prefix}-{next(_names)}-{secrets.token_hex(3)}"
    email = f"{handle}@example.test"
    anonymous = Api(server.base_url, None)
    body = {"email": email, "handle": handle, "display_name": handle}
    pending = anonymous.post("/v1/identity/register", json=body).json()
    verify = {"pending_id": pending["pending_id"], "code": server.last_code(email)}
    made = anonymous.post("/v1/identity/register/verify", json=verify).json()
    anonymous.close()
    return Someone(
        handle, made["api_key"], made["identity"]["id"], Api(server.base_url, made["api_key"])
    )


def ws_url(server: ReferenceServer) -> str:
    """The realtime channel's URL on ``server``."""
    return server.base_url.replace("http://", "ws://") + contract().document["x-realtime"]["path"]


def send_text(api: Api, to: str, text: str, **fields: Any) -> dict[str, Any]:
    """Send a text message to a handle (or into a conversation, with ``conversation_id``)."""
    body: dict[str, Any] = {"client_msg_id": secrets.token_hex(8), "content": {"text": text}}
    body.update(fields)
    if "conversation_id" not in fields and "group_id" not in fields:
        body["to"] = to
    response = api.post("/v1/messages", json=body)
    assert response.status_code == 201, response.text
    return dict(response.json())


class Socket:
    """A websocket client of the realtime channel; every frame it reads is checked against the
    contract's ``RealtimeServerFrame``."""

    def __init__(self, server: ReferenceServer, **options: Any) -> None:
        options.setdefault("open_timeout", 5)
        options.setdefault("close_timeout", 2)
        self._stack = contextlib.ExitStack()
        self.ws: ClientConnection = self._stack.enter_context(connect(ws_url(server), **options))

    def send(self, frame: Any) -> None:
        self.ws.send(frame if isinstance(frame, (str, bytes)) else json.dumps(frame))

    def hello(self, key: str, capabilities: list[str] | None = None) -> dict[str, Any]:
        """Say hello; the ``hello.ok`` frame."""
        caps = ["ack"] if capabilities is None else capabilities
        self.send({"type": "hello", "api_key": key, "capabilities": caps, "client": "tests"})
        frame = self.recv()
        assert frame["type"] == "hello.ok", frame
        return frame

    def recv(self, timeout: float = 5.0) -> dict[str, Any]:
        """The next frame, checked against the contract."""
        raw = self.ws.recv(timeout=timeout)
        assert isinstance(raw, str), "the server sends text frames only"
        frame = json.loads(raw)
        assert_schema("RealtimeServerFrame", frame)
        return dict(frame)

    def recv_type(self, kind: str, timeout: float = 5.0) -> dict[str, Any]:
        """The next frame of type ``kind``, skipping others."""
        while True:
            frame = self.recv(timeout)
            if frame["type"] == kind:
                return frame

    def quiet(self, timeout: float = 0.3) -> list[dict[str, Any]]:
        """Every frame that arrives within ``timeout`` seconds of silence."""
        frames = []
        while True:
            try:
                frames.append(self.recv(timeout))
            except TimeoutError:
                return frames

    def closed_with(self, timeout: float = 5.0) -> int | None:
        """The close code the server ends the connection with (reading and dropping frames)."""
        try:
            while True:
                self.ws.recv(timeout=timeout)
        except ConnectionClosed as closed:
            return closed.rcvd.code if closed.rcvd is not None else None

    def close(self) -> None:
        self._stack.close()


def connected(
    server: ReferenceServer, who: Someone, capabilities: list[str] | None = None
) -> Socket:
    """A socket that said hello as ``who``."""
    socket = Socket(server)
    socket.hello(who.key, capabilities)
    return socket
