"""A webhook receiver on 127.0.0.1 for runs of several instances, and what it must have got.

``/hook/<name>`` takes the webhooks of the endpoint registered as ``name``: each request is
verified with that endpoint's secret by the SDK (``agentkit.webhooks.verify``), then held
``hold`` seconds before it is answered 200. Each request is recorded with its ``webhook-id``,
the message it tells of, the process that sent it (found from its connection in ``/proc``)
and when it was answered, or when its sender hung up first. The requests of a process about
to be killed can be stalled (held until it hangs up), so that it is sure to die holding one.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import threading
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from agentkit import WebhookVerificationError, webhooks
from tests.loopback import LoopbackApp


@dataclass
class Arrival:
    """One request: which endpoint, event and message, from which process, and when."""

    name: str
    webhook_id: str
    message_id: str
    pid: int | None
    started: float
    answered: float | None = None
    """When the answer was given (``time.monotonic()``); ``None`` while held, or if cut."""
    cut: float | None = None
    """When the sender hung up before the answer (it died, or gave up)."""

    def open_at(self, moment: float) -> bool:
        """Whether the request was held, unanswered, at ``moment``."""
        return all(end is None or end > moment for end in (self.answered, self.cut))


def _tcp_inode(local_port: int, remote_port: int) -> str | None:
    """The socket inode of the loopback TCP connection from ``local_port`` to ``remote_port``."""
    with open("/proc/net/tcp", encoding="ascii") as table:
        next(table)
        for line in table:
            fields = line.split()
            local, remote = fields[1].rsplit(":", 1)[1], fields[2].rsplit(":", 1)[1]
            if int(local, 16) == local_port and int(remote, 16) == remote_port:
                return fields[9]
    return None


def _holder(inode: str, pids: Iterable[int]) -> int | None:
    """The process among ``pids`` that has the socket ``inode`` open."""
    wanted = f"socket:[{inode}]"
    for pid in pids:
        with contextlib.suppress(OSError):
            for fd in os.listdir(f"/proc/{pid}/fd"):
                with contextlib.suppress(OSError):
                    if os.readlink(f"/proc/{pid}/fd/{fd}") == wanted:
                        return pid
    return None


# The longest a stalled request is held: its sender is killed long before.
_STALL = 60.0


class WebhookReceiver:
    """Serves ``/hook/<name>`` while open.

    Args:
        pids: The processes that may send (read on each new connection: restarted
            instances join).
        hold: Seconds each request is held before its answer.
    """

    def __init__(self, pids: Callable[[], list[int]], hold: float = 0.3) -> None:
        self.arrivals: list[Arrival] = []
        self.refused: list[str] = []
        """Why each request that failed verification failed."""
        self._secrets: dict[str, str] = {}
        self._pids = pids
        self._hold = hold
        self._owners: dict[str, int | None] = {}
        self._stalled: set[int] = set()
        self._lock = threading.Lock()
        app = Starlette(routes=[Route("/hook/{name}", self._handle, methods=["POST"])])
        self._app = LoopbackApp(app)
        self._port = 0

    def url(self, name: str) -> str:
        """Where the endpoint ``name`` is to send."""
        return f"{self._app.origin}/hook/{name}"

    def add_secret(self, name: str, secret: str) -> None:
        """The secret the endpoint ``name`` signs with."""
        self._secrets[name] = secret

    def _sender(self, request: Request) -> int | None:
        assert request.client is not None
        inode = _tcp_inode(request.client.port, self._port)
        if inode is None:
            return None
        if inode not in self._owners:
            self._owners[inode] = _holder(inode, self._pids())
        return self._owners[inode]

    async def _handle(self, request: Request) -> Response:
        name = request.path_params["name"]
        body = await request.body()
        try:
            event = webhooks.verify(body, request.headers, self._secrets[name])
        except (KeyError, WebhookVerificationError) as exc:
            with self._lock:
                self.refused.append(f"{name}: {exc!r}")
            return Response(status_code=400)
        arrival = Arrival(
            name,
            request.headers["webhook-id"],
            event["data"]["id"],
            self._sender(request),
            time.monotonic(),
        )
        with self._lock:
            self.arrivals.append(arrival)
        hold = _STALL if arrival.pid in self._stalled else self._hold
        try:
            # The body is read: the next message is the sender hanging up, if it does.
            told = await asyncio.wait_for(request.receive(), hold)
            if told["type"] == "http.disconnect":
                arrival.cut = time.monotonic()
                return Response(status_code=503)  # nobody is listening any more
        except TimeoutError:
            pass
        arrival.answered = time.monotonic()
        return Response(status_code=200)

    def stall(self, pid: int) -> None:
        """Answer nothing more that ``pid`` sends, until it hangs up (a minute at most)."""
        self._stalled.add(pid)

    def held_from(self, pid: int) -> int:
        """How many requests of ``pid`` are held, unanswered, now."""
        moment = time.monotonic()
        with self._lock:
            return sum(a.pid == pid and a.open_at(moment) for a in self.arrivals)

    def answered(self) -> set[tuple[str, str]]:
        """``(name, message id)`` of every event answered at least once."""
        with self._lock:
            return {(a.name, a.message_id) for a in self.arrivals if a.answered is not None}

    def wait_for(self, expected: set[tuple[str, str]], timeout: float) -> None:
        """Wait until every ``(name, message id)`` of ``expected`` was answered.

        Raises:
            AssertionError: Some were not within ``timeout`` seconds (they are listed).
        """
        deadline = time.monotonic() + timeout
        while not expected <= self.answered():
            if time.monotonic() > deadline:
                lacking = sorted(expected - self.answered())
                raise AssertionError(f"{len(lacking)} webhooks never arrived: {lacking[:10]}")
            time.sleep(0.05)

    def __enter__(self) -> WebhookReceiver:
        self._app.__enter__()
        self._port = int(self._app.origin.rsplit(":", 1)[1])
        return self

    def __exit__(self, *exc_info: object) -> None:
        self._app.__exit__(*exc_info)


def every_message_hooked_once(
    receiver: WebhookReceiver, expected: set[tuple[str, str]], killed: int, killed_at: float
) -> None:
    """Assert that every ``(endpoint name, message id)`` of ``expected`` was delivered and
    nothing else; that an event's repeats all share its ``webhook-id`` (the receiver dedupes
    by it); that the killed process ``killed`` held deliveries when it died at ``killed_at``
    (monotonic), and that each of them was sent again, after, by another process."""
    assert not receiver.refused, receiver.refused[:5]
    arrivals = list(receiver.arrivals)
    assert {(a.name, a.message_id) for a in arrivals} == expected
    ids: dict[tuple[str, str], set[str]] = {}
    messages: dict[tuple[str, str], set[str]] = {}
    for a in arrivals:
        ids.setdefault((a.name, a.message_id), set()).add(a.webhook_id)
        messages.setdefault((a.name, a.webhook_id), set()).add(a.message_id)
    assert all(len(found) == 1 for found in ids.values()), "an event came with two webhook ids"
    assert all(len(told) == 1 for told in messages.values()), "a webhook id told of two events"
    held = {(a.name, a.webhook_id) for a in arrivals if a.pid == killed and a.open_at(killed_at)}
    assert held, "the killed instance held no delivery when it died"
    for name, webhook_id in held:
        again = [
            a
            for a in arrivals
            if (a.name, a.webhook_id) == (name, webhook_id)
            and a.answered is not None
            and a.pid not in (killed, None)
            and a.started > killed_at
        ]
        assert again, f"{webhook_id}, held by the killed instance, was not sent again"
