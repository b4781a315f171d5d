"""A webhook receiver on loopback for the tests: it records every request and answers each
URL with the statuses it is told to (then 200)."""

from __future__ import annotations

import time
from collections import defaultdict
from dataclasses import dataclass

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from tests.loopback import LoopbackApp


@dataclass(frozen=True)
class Received:
    """One request the receiver got: the raw body and the headers (names lower-cased)."""

    body: bytes
    headers: dict[str, str]


class Receiver:
    """Serves ``/r/<name>`` while open; ``url(name)`` is a fresh address for one test."""

    def __init__(self) -> None:
        self.received: dict[str, list[Received]] = defaultdict(list)
        self._plans: dict[str, list[int]] = {}
        app = Starlette(routes=[Route("/r/{name}", self._handle, methods=["POST"])])
        self._app = LoopbackApp(app)

    async def _handle(self, request: Request) -> Response:
        name = request.path_params["name"]
        body = await request.body()
        self.received[name].append(Received(body, dict(request.headers)))
        plan = self._plans.get(name) or []
        return Response(status_code=plan.pop(0) if plan else 200)

    def url(self, name: str, *statuses: int) -> str:
        """The URL of ``name``, which answers ``statuses`` in turn, then 200 to everything."""
        self._plans[name] = list(statuses)
        return f"{self._app.origin}/r/{name}"

    def fail_always(self, name: str) -> str:
        """The URL of ``name``, which answers 500 to everything."""
        return self.url(name, *([500] * 10_000))

    def wait_for(self, name: str, count: int, timeout: float = 15.0) -> list[Received]:
        """The requests to ``name`` once there are ``count``; fails after ``timeout`` s."""
        deadline = time.monotonic() + timeout
        while len(self.received[name]) < count:
            assert time.monotonic() < deadline, (
                f"{name} got {len(self.received[name])} requests, not {count}"
            )
            time.sleep(0.02)
        return self.received[name]

    def __enter__(self) -> Receiver:
        self._app.__enter__()
        return self

    def __exit__(self, *exc_info: object) -> None:
        self._app.__exit__(*exc_info)
