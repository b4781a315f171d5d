"""Serve a small ASGI app on 127.0.0.1 in a thread, for tests that need an upstream."""

from __future__ import annotations

import asyncio
import socket
import threading
import time
from typing import Any

import uvicorn


class LoopbackApp:
    """An ASGI app served by uvicorn on a free loopback port while the context is open."""

    def __init__(self, app: Any) -> None:
        self._app = app
        self.origin = ""
        self._server: Any = None
        self._thread: threading.Thread | None = None

    def __enter__(self) -> LoopbackApp:
        sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM, socket.IPPROTO_TCP)
        sock.bind(("127.0.0.1", 0))
        self.origin = f"http://127.0.0.1:{sock.getsockname()[1]}"
        self._server = uvicorn.Server(
            uvicorn.Config(self._app, log_level="warning", lifespan="off")
        )
        self._thread = threading.Thread(
            target=lambda: asyncio.run(self._server.serve(sockets=[sock])), daemon=True
        )
        self._thread.start()
        deadline = time.monotonic() + 10
        while not self._server.started:
            assert time.monotonic() < deadline, "the loopback app did not start"
            time.sleep(0.01)
        return self

    def __exit__(self, *exc_info: object) -> None:
        self._server.should_exit = True
        if self._thread is not None:
            self._thread.join(timeout=10)
