"""A fault-injecting TCP proxy for chaos tests, on stdlib asyncio streams.

The proxy listens on a free loopback port and forwards each accepted connection to an upstream
``host:port``. Its event loop runs in a background thread, so sync tests can use it as well as
async ones. Each accepted connection takes the next fault of the schedule (then ``PASS``):

- ``PASS``: forward both ways untouched.
- ``DROP``: close the client connection at once, without contacting the upstream (the client
  sees EOF, or a reset if its request had already arrived unread).
- ``reset_after(n)``: forward the request, forward the first ``n`` bytes of the response, then
  abort the client connection with a TCP RST (``SO_LINGER`` 0). If the response is shorter than
  ``n`` bytes, all of it is forwarded and the connection is still reset.
- ``delay(seconds)``: wait before forwarding the first response bytes.
- ``DUPLICATE``: send the first response chunk twice. Over HTTP this corrupts the framing (two
  status lines, or a body longer than its Content-Length), so it is meant for raw-socket tests.
- ``http_error(status)``: read the request (head and Content-Length body), then answer it with an
  HTTP/1.1 ``status`` and the JSON error envelope
  ``{"error": {"code": "INTERNAL_ERROR", "message": "injected"}}`` and ``Connection: close``,
  without contacting the upstream. A chunked request body is not read; unread input may turn
  the close into a reset, so inject errors into requests sent with a Content-Length.

Everything is bounded: every read has an idle timeout, requests read for ``http_error`` are size
capped, and :meth:`FaultProxy.stop` cancels every connection and joins the thread.

Example::

    with FaultProxy("127.0.0.1", server_port, [DROP, reset_after(100)]) as proxy:
        httpx.get(proxy.url + "/v1/health")   # first connection is dropped
        ...
        assert proxy.stats().connections == 2
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import socket
import struct
import threading
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from http import HTTPStatus
from types import TracebackType
from typing import Any, Self

CHUNK = 64 * 1024
MAX_REQUEST_BODY = 8 * 1024 * 1024
ERROR_ENVELOPE = {"error": {"code": "INTERNAL_ERROR", "message": "injected"}}


@dataclass(frozen=True)
class Fault:
    """What the proxy does to one connection; build with the constants and helpers below."""

    kind: str
    arg: float = 0

    def __str__(self) -> str:
        return (
            self.kind
            if self.kind in ("pass", "drop", "duplicate")
            else f"{self.kind}({self.arg:g})"
        )


PASS = Fault("pass")
DROP = Fault("drop")
DUPLICATE = Fault("duplicate")


def reset_after(n: int) -> Fault:
    """Forward the first ``n`` response bytes, then reset the client connection."""
    if n < 0:
        raise ValueError("n must be >= 0")
    return Fault("reset_after", n)


def delay(seconds: float) -> Fault:
    """Hold the response back for ``seconds`` before forwarding it."""
    if seconds < 0:
        raise ValueError("seconds must be >= 0")
    return Fault("delay", seconds)


def http_error(status: int) -> Fault:
    """Answer with this HTTP status and the JSON error envelope, without the upstream."""
    if not 400 <= status <= 599:
        raise ValueError("status must be 4xx or 5xx")
    return Fault("http_error", status)


@dataclass(frozen=True)
class ProxyStats:
    """A snapshot of the proxy's counters."""

    connections: int
    """Client connections accepted."""
    upstream_connections: int
    """Connections opened to the upstream."""
    bytes_from_client: int
    """Bytes read from clients and forwarded upstream."""
    bytes_to_client: int
    """Bytes written to clients (forwarded or injected)."""
    active: int
    """Connections still being handled."""
    faults: dict[str, int]
    """How many connections got each fault, by ``str(fault)``."""


class FaultProxy:
    """A loopback TCP proxy that applies a fault schedule, one fault per accepted connection.

    Args:
        upstream_host: where to forward to.
        upstream_port: where to forward to.
        schedule: faults for the 1st, 2nd, ... connection; later ones get ``PASS``. A callable
            is asked with the 0-based connection index instead.
        idle_timeout: seconds any single read or connect may wait before the connection is
            closed; keeps every connection bounded.
    """

    def __init__(
        self,
        upstream_host: str,
        upstream_port: int,
        schedule: Iterable[Fault] | Callable[[int], Fault] = (),
        *,
        idle_timeout: float = 10.0,
    ) -> None:
        self.upstream = (upstream_host, upstream_port)
        self.idle_timeout = idle_timeout
        self.host = "127.0.0.1"
        self.port = 0
        self._lock = threading.Lock()
        self._schedule: list[Fault] | Callable[[int], Fault] = []
        self.set_schedule(schedule)
        self._accepted = 0
        self._upstream_connections = 0
        self._bytes_in = 0
        self._bytes_out = 0
        self._faults: Counter[str] = Counter()
        self._tasks: set[asyncio.Task[Any]] = set()
        self._clients: set[asyncio.StreamWriter] = set()
        self._loop: asyncio.AbstractEventLoop | None = None
        self._server: asyncio.Server | None = None
        self._thread: threading.Thread | None = None
        self._ready = threading.Event()
        self._startup_error: BaseException | None = None

    # ----------------------------------------------------------------------- public API

    @property
    def url(self) -> str:
        """``http://127.0.0.1:<port>``, for HTTP clients."""
        return f"http://{self.host}:{self.port}"

    def set_schedule(self, schedule: Iterable[Fault] | Callable[[int], Fault]) -> None:
        """Replace the schedule; indices keep counting from the connections already accepted."""
        with self._lock:
            self._schedule = schedule if callable(schedule) else list(schedule)

    def stats(self) -> ProxyStats:
        """The counters as they are now."""
        with self._lock:
            return ProxyStats(
                connections=self._accepted,
                upstream_connections=self._upstream_connections,
                bytes_from_client=self._bytes_in,
                bytes_to_client=self._bytes_out,
                active=len(self._tasks),
                faults=dict(self._faults),
            )

    def wait_idle(self, timeout: float = 5.0) -> bool:
        """Wait until no connection is being handled; whether that happened within ``timeout``."""
        loop = self._loop
        if loop is None:
            return True
        future = asyncio.run_coroutine_threadsafe(self._wait_idle(timeout), loop)
        return future.result(timeout + 1)

    def start(self, timeout: float = 5.0) -> Self:
        """Start listening on a free loopback port (see :attr:`port`) in a background thread.

        Raises:
            RuntimeError: if already started, or the listener did not come up in ``timeout``.
        """
        if self._thread is not None:
            raise RuntimeError("proxy already started")
        self._thread = threading.Thread(target=self._run, name="fault-proxy", daemon=True)
        self._thread.start()
        if not self._ready.wait(timeout):
            raise RuntimeError("proxy did not start in time")
        if self._startup_error is not None:
            raise RuntimeError("proxy failed to start") from self._startup_error
        return self

    def stop(self, timeout: float = 5.0) -> None:
        """Stop listening, abort every connection, stop the loop and join the thread."""
        loop, thread = self._loop, self._thread
        if loop is None or thread is None:
            return
        if loop.is_running():
            future = asyncio.run_coroutine_threadsafe(self._shutdown(), loop)
            with contextlib.suppress(Exception):
                future.result(timeout)
            loop.call_soon_threadsafe(loop.stop)
        thread.join(timeout)
        self._thread = None

    def __enter__(self) -> Self:
        return self.start()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()

    # ----------------------------------------------------------------------- loop thread

    def _run(self) -> None:
        loop = asyncio.new_event_loop()
        self._loop = loop
        try:
            self._server = loop.run_until_complete(asyncio.start_server(self._handle, self.host, 0))
            self.port = self._server.sockets[0].getsockname()[1]
        except BaseException as exc:
            self._startup_error = exc
            self._ready.set()
            loop.close()
            return
        self._ready.set()
        try:
            loop.run_forever()
        finally:
            loop.run_until_complete(loop.shutdown_asyncgens())
            loop.close()

    async def _shutdown(self) -> None:
        if self._server is not None:
            self._server.close()
        # Abort the clients' sockets first: a handler that is slow to finish on a loaded
        # machine must not leave one open once the loop stops.
        for client in list(self._clients):
            client.transport.abort()
        if self._server is not None:
            await self._server.wait_closed()
        tasks = list(self._tasks)
        for task in tasks:
            task.cancel()
        if tasks:
            await asyncio.wait(tasks, timeout=2.0)

    async def _wait_idle(self, seconds: float) -> bool:
        deadline = asyncio.get_running_loop().time() + seconds
        while self._tasks:
            if asyncio.get_running_loop().time() >= deadline:
                return False
            await asyncio.sleep(0.01)
        return True

    def _next_fault(self) -> Fault:
        with self._lock:
            index = self._accepted
            self._accepted += 1
            schedule = self._schedule
            if callable(schedule):
                fault = schedule(index)
            else:
                fault = schedule[index] if index < len(schedule) else PASS
            self._faults[str(fault)] += 1
            return fault

    def _count(self, *, into: int = 0, out: int = 0, upstream: int = 0) -> None:
        with self._lock:
            self._bytes_in += into
            self._bytes_out += out
            self._upstream_connections += upstream

    async def _handle(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        task = asyncio.current_task()
        assert task is not None
        self._tasks.add(task)
        self._clients.add(writer)
        fault = self._next_fault()
        upstream_writer: asyncio.StreamWriter | None = None
        try:
            if fault.kind == "drop":
                return
            if fault.kind == "http_error":
                await self._answer_error(reader, writer, int(fault.arg))
                return
            up_reader, up_writer = await asyncio.wait_for(
                asyncio.open_connection(*self.upstream), self.idle_timeout
            )
            upstream_writer = up_writer
            self._count(upstream=1)
            await self._relay(reader, writer, up_reader, up_writer, fault)
        except (OSError, TimeoutError, asyncio.IncompleteReadError, asyncio.LimitOverrunError):
            pass
        finally:
            if upstream_writer is not None:
                upstream_writer.transport.abort()
            writer.close()
            self._clients.discard(writer)
            self._tasks.discard(task)

    async def _relay(
        self,
        client_r: asyncio.StreamReader,
        client_w: asyncio.StreamWriter,
        up_r: asyncio.StreamReader,
        up_w: asyncio.StreamWriter,
        fault: Fault,
    ) -> None:
        upload = asyncio.create_task(self._pump_upload(client_r, up_w))
        try:
            await self._pump_download(up_r, client_w, fault)
        finally:
            upload.cancel()
            with contextlib.suppress(asyncio.CancelledError, OSError):
                await upload

    async def _pump_upload(
        self, client_r: asyncio.StreamReader, up_w: asyncio.StreamWriter
    ) -> None:
        while True:
            data = await asyncio.wait_for(client_r.read(CHUNK), self.idle_timeout)
            if not data:
                if up_w.can_write_eof():
                    up_w.write_eof()
                return
            up_w.write(data)
            await up_w.drain()
            self._count(into=len(data))

    async def _pump_download(
        self, up_r: asyncio.StreamReader, client_w: asyncio.StreamWriter, fault: Fault
    ) -> None:
        sent = 0
        first = True
        while True:
            data = await asyncio.wait_for(up_r.read(CHUNK), self.idle_timeout)
            if fault.kind == "reset_after":
                limit = int(fault.arg)
                data = data[: max(limit - sent, 0)]
                if data:
                    await self._send(client_w, data)
                    sent += len(data)
                if sent >= limit or not data:
                    await self._reset(client_w)
                    return
                continue
            if not data:
                return
            if first and fault.kind == "delay":
                await asyncio.sleep(fault.arg)
            if first and fault.kind == "duplicate":
                await self._send(client_w, data)
            first = False
            await self._send(client_w, data)

    async def _send(self, writer: asyncio.StreamWriter, data: bytes) -> None:
        writer.write(data)
        await writer.drain()
        self._count(out=len(data))

    async def _reset(self, writer: asyncio.StreamWriter) -> None:
        # Give the bytes already written time to leave the send buffer: with SO_LINGER 0 the
        # kernel discards whatever is still queued when the socket closes.
        await asyncio.sleep(0.05)
        sock = writer.get_extra_info("socket")
        if sock is not None:
            with contextlib.suppress(OSError):
                sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        writer.transport.abort()

    async def _answer_error(
        self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter, status: int
    ) -> None:
        # Read the whole request first: closing a socket with unread input sends an RST, which
        # could reach the client before the response does.
        # The reader's limit (64 KiB) caps the head: a longer one raises LimitOverrunError.
        head = await asyncio.wait_for(reader.readuntil(b"\r\n\r\n"), self.idle_timeout)
        self._count(into=len(head))
        length = 0
        for line in head.split(b"\r\n")[1:]:
            name, _, value = line.partition(b":")
            if name.strip().lower() == b"content-length" and value.strip().isdigit():
                length = int(value.strip())
        if length > MAX_REQUEST_BODY:
            return
        if length:
            body_in = await asyncio.wait_for(reader.readexactly(length), self.idle_timeout)
            self._count(into=len(body_in))
        body = json.dumps(ERROR_ENVELOPE).encode()
        try:
            reason = HTTPStatus(status).phrase
        except ValueError:
            reason = "Error"
        response = (
            f"HTTP/1.1 {status} {reason}\r\n"
            "Content-Type: application/json\r\n"
            f"Content-Length: {len(body)}\r\n"
            "X-Request-Id: req_injected\r\n"
            "Connection: close\r\n\r\n"
        ).encode() + body
        await self._send(writer, response)
