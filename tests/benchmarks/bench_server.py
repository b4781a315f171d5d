"""Server CPU per request of the reference server, against the bare-framework floor, in one run.

Two processes on 127.0.0.1: the reference server (``agentkit serve``, echo brain without delay)
and the floor, a bare Starlette app with one route answering fixed JSON, run by uvicorn with the
same configuration (the same protocol class and event loop). This process drives each over
keep-alive connections (raw sockets, one request in flight per connection) and reads the server
process's CPU time (utime + stime from ``/proc/<pid>/stat``) around each round:

* ``GET /v1/agents/{id}`` and the floor's route, sequentially: CPU per request;
* ``POST /v1/chats/{id}/messages`` (non-streaming, with an ``Idempotency-Key``) sequentially;
* 50 concurrent clients for a fixed count of requests (``GET`` of an agent, and chat messages to
  one chat per client): requests per second, and p50 / p99 latency (after each connection's
  first request, which also connects). The clients are ``httpx.AsyncClient`` instances, one
  connection each, as an application's async clients are;
  they share this process (and the machine's two cores) with the servers, so a server that
  costs more CPU per request leaves less to its clients.
* The same 50 connections driven by raw sockets, which cost the client almost nothing: this
  shows what each server does when it alone is the bottleneck. It is printed, not a target.

Rounds of the floor and the server are interleaved and each figure is the median of its rounds.
Targets: CPU per GET and per chat message at most 2x the floor's; with 50 concurrent async
clients at least 80% of the floor's requests per second. Exits 1 when one is missed.
"""

from __future__ import annotations

import asyncio
import json
import os
import re
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import httpx

SEQUENTIAL = 1_500
# A chat holds at most 1,000 messages (two a turn): sequential turns go to fresh chats of 250.
TURNS_PER_CHAT = 250
CONCURRENT_CLIENTS = 50
CONCURRENT_REQUESTS = 2_000
ROUNDS = 5
CPU_TARGET = 2.0
RATE_TARGET = 0.8
STARTUP_TIMEOUT = 30.0
ROUND_TIMEOUT = 60.0
TICKS = os.sysconf("SC_CLK_TCK")


def serve_floor() -> None:
    """The floor: a bare Starlette route, on uvicorn configured as ``agentkit serve`` is."""
    import uvicorn
    from starlette.applications import Starlette
    from starlette.requests import Request
    from starlette.responses import JSONResponse
    from starlette.routing import Route

    from agentkit._cli.serve import _listen
    from agentkit.server import ServerConfig
    from agentkit.server.core.http import http_protocol

    body = {"id": "agt_1", "name": "floor", "brain": "echo", "metadata": {}}

    async def fixed(_: Request) -> JSONResponse:
        return JSONResponse(body)

    app = Starlette(routes=[Route("/floor", fixed)])
    sock = _listen("127.0.0.1", 0)
    print(f"FLOOR_PORT={sock.getsockname()[1]}", flush=True)
    protocol = http_protocol(ServerConfig(db_path=":memory:"))
    server = uvicorn.Server(uvicorn.Config(app, http=protocol, log_level="warning", ws="none"))
    server.run(sockets=[sock])


class Child:
    """A server subprocess, its port and (for the reference server) its API key."""

    def __init__(self, argv: list[str], port_pattern: str) -> None:
        self.process = subprocess.Popen(
            argv, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True
        )
        self.port = 0
        self.key = ""
        deadline = time.monotonic() + STARTUP_TIMEOUT
        assert self.process.stdout is not None
        while time.monotonic() < deadline and not self.port:
            line = self.process.stdout.readline()
            if not line:
                break
            if found := re.search(port_pattern, line):
                self.port = int(found.group(1))
            if found := re.search(r"AGENTKIT_API_KEY=(\S+)", line):
                self.key = found.group(1)
        if not self.port:
            self.stop()
            raise RuntimeError(f"{argv} did not start")
        # The reference server prints its key after its URL.
        while not self.key and "serve" in argv and time.monotonic() < deadline:
            line = self.process.stdout.readline()
            if found := re.search(r"AGENTKIT_API_KEY=(\S+)", line):
                self.key = found.group(1)

        # The port is printed once bound; the server listens a moment later.
        while time.monotonic() < deadline:
            try:
                socket.create_connection(("127.0.0.1", self.port), timeout=1).close()
                break
            except OSError:
                time.sleep(0.02)

    def cpu(self) -> float:
        """Seconds of CPU the process has used."""
        stat = Path(f"/proc/{self.process.pid}/stat").read_text()
        fields = stat[stat.rindex(")") + 2 :].split()
        return (int(fields[11]) + int(fields[12])) / TICKS

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


Wire = tuple[str, str, dict[str, str], bytes]
"""A request: method, path, headers and body."""
RequestMaker = Callable[[int], Wire]


def request(method: str, path: str, headers: dict[str, str], body: bytes = b"") -> bytes:
    lines = [f"{method} {path} HTTP/1.1", "Host: 127.0.0.1"]
    lines += [f"{name}: {value}" for name, value in headers.items()]
    if body or method == "POST":
        lines.append(f"Content-Length: {len(body)}")
    return ("\r\n".join(lines) + "\r\n\r\n").encode() + body


async def _exchange(
    reader: asyncio.StreamReader, writer: asyncio.StreamWriter, data: bytes
) -> tuple[int, bytes]:
    writer.write(data)
    head = await reader.readuntil(b"\r\n\r\n")
    status = int(head[9:12])
    length = 0
    for line in head.split(b"\r\n")[1:]:
        name, _, value = line.partition(b":")
        if name.strip().lower() == b"content-length":
            length = int(value)
    return status, await reader.readexactly(length)


async def _client(port: int, make: RequestMaker, indexes: list[int], took: list[float]) -> None:
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    try:
        for count, index in enumerate(indexes):
            data = request(*make(index))
            started = time.perf_counter()
            status, body = await _exchange(reader, writer, data)
            if count:  # the first exchange of a connection also waits for the others to connect
                took.append(time.perf_counter() - started)
            if status >= 300:
                raise RuntimeError(f"HTTP {status}: {body[:200]!r}")
    finally:
        writer.close()


async def _httpx_client(
    port: int, make: RequestMaker, indexes: list[int], took: list[float]
) -> None:
    limits = httpx.Limits(max_connections=1)
    async with httpx.AsyncClient(base_url=f"http://127.0.0.1:{port}", limits=limits) as client:
        for count, index in enumerate(indexes):
            method, path, headers, body = make(index)
            started = time.perf_counter()
            response = await client.request(method, path, headers=headers, content=body or None)
            if count:  # the first request of a client also opens its connection
                took.append(time.perf_counter() - started)
            if response.status_code >= 300:
                raise RuntimeError(f"HTTP {response.status_code}: {response.text[:200]}")


async def _drive(
    port: int, makers: list[RequestMaker], count: int, *, raw: bool = True
) -> list[float]:
    """``count`` requests over ``len(makers)`` connections, one request in flight on each;
    the latency of each."""
    clients = len(makers)
    shares = [list(range(client, count, clients)) for client in range(clients)]
    took: list[float] = []
    run = _client if raw else _httpx_client
    async with asyncio.timeout(ROUND_TIMEOUT):
        await asyncio.gather(
            *(run(port, make, share, took) for make, share in zip(makers, shares, strict=True))
        )
    return took


def cpu_per_request(child: Child, make: RequestMaker) -> float:
    """Server CPU seconds per request over ``SEQUENTIAL`` requests on one connection."""
    before = child.cpu()
    asyncio.run(_drive(child.port, [make], SEQUENTIAL))
    return (child.cpu() - before) / SEQUENTIAL


@dataclass(frozen=True)
class Load:
    """What one round of concurrent requests measured."""

    rate: float
    p50: float
    p99: float


def under_load(child: Child, makers: list[RequestMaker], *, raw: bool) -> Load:
    """Requests per second and latency with ``len(makers)`` concurrent clients."""
    started = time.perf_counter()
    took = asyncio.run(_drive(child.port, makers, CONCURRENT_REQUESTS, raw=raw))
    rate = CONCURRENT_REQUESTS / (time.perf_counter() - started)
    cuts = statistics.quantiles(took, n=100)
    return Load(rate, cuts[49], cuts[98])


def _call(child: Child, method: str, path: str, body: object = None) -> dict[str, object]:
    data = b"" if body is None else json.dumps(body).encode()
    headers = {"Authorization": f"Bearer {child.key}", "Content-Type": "application/json"}
    with socket.create_connection(("127.0.0.1", child.port), timeout=10) as sock:
        sock.sendall(request(method, path, headers, data) + b"")
        chunks = b""
        while b"\r\n\r\n" not in chunks:
            chunks += sock.recv(65536)
        head, _, rest = chunks.partition(b"\r\n\r\n")
        length = int(re.search(rb"(?i)content-length: *(\d+)", head).group(1))  # type: ignore[union-attr]
        while len(rest) < length:
            rest += sock.recv(65536)
    answer: dict[str, object] = json.loads(rest)
    return answer


def main() -> int:
    if sys.argv[1:] == ["--floor"]:
        serve_floor()
        return 0
    with tempfile.TemporaryDirectory() as scratch:
        db = str(Path(scratch) / "bench.sqlite3")
        server_argv = [sys.executable, "-m", "agentkit.cli", "serve", "--port", "0"]
        server_argv += ["--db", db, "--echo-delay", "0"]
        server = Child(server_argv, r"AGENTKIT_BASE_URL=http://127\.0\.0\.1:(\d+)")
        try:
            floor = Child([sys.executable, __file__, "--floor"], r"FLOOR_PORT=(\d+)")
        except Exception:
            server.stop()
            raise
        try:
            return measure(server, floor)
        finally:
            server.stop()
            floor.stop()


def measure(server: Child, floor: Child) -> int:
    agent = _call(server, "POST", "/v1/agents", {"name": "Bench", "brain": "echo"})
    message = {"message": {"parts": [{"type": "text", "content": "hello"}]}}

    def new_chats(count: int) -> list[str]:
        # A chat holds a bounded number of messages: each round talks to fresh ones.
        start = {"agent_id": agent["id"], **message}
        return [str(_call(server, "POST", "/v1/chats", start)["id"]) for _ in range(count)]

    auth = {"Authorization": f"Bearer {server.key}"}
    get_agent: Wire = ("GET", f"/v1/agents/{agent['id']}", auth, b"")
    floor_get: Wire = ("GET", "/floor", {}, b"")
    body = json.dumps(message).encode()

    def fixed(wire: Wire) -> RequestMaker:
        return lambda _: wire

    def send_to(*chat_ids: str) -> RequestMaker:
        def make(index: int) -> Wire:
            chat_id = chat_ids[index * len(chat_ids) // SEQUENTIAL % len(chat_ids)]
            headers = {**auth, "Content-Type": "application/json"}
            headers["Idempotency-Key"] = uuid.uuid4().hex
            return ("POST", f"/v1/chats/{chat_id}/messages", headers, body)

        return make

    cpu: dict[str, list[float]] = {"floor": [], "get": [], "chat": []}
    loads: dict[str, list[Load]] = {
        f"{name} {kind}": [] for kind in ("async", "raw") for name in ("floor", "get", "chat")
    }
    for _ in range(ROUNDS):
        cpu["floor"].append(cpu_per_request(floor, fixed(floor_get)))
        cpu["get"].append(cpu_per_request(server, fixed(get_agent)))
        cpu["chat"].append(
            cpu_per_request(server, send_to(*new_chats(SEQUENTIAL // TURNS_PER_CHAT)))
        )
        for kind, raw in (("async", False), ("raw", True)):
            loads[f"floor {kind}"].append(
                under_load(floor, [fixed(floor_get)] * CONCURRENT_CLIENTS, raw=raw)
            )
            loads[f"get {kind}"].append(
                under_load(server, [fixed(get_agent)] * CONCURRENT_CLIENTS, raw=raw)
            )
            chats = new_chats(CONCURRENT_CLIENTS)
            loads[f"chat {kind}"].append(
                under_load(server, [send_to(chat) for chat in chats], raw=raw)
            )
    cpu_median = {name: statistics.median(values) for name, values in cpu.items()}
    load_median = {
        name: Load(
            *(statistics.median(getattr(load, f) for load in values) for f in Load.__annotations__)
        )
        for name, values in loads.items()
    }
    floor_cpu = cpu_median["floor"]
    print(f"server CPU per request (median of {ROUNDS} rounds of {SEQUENTIAL}):")
    print(f"  floor (bare Starlette)   {floor_cpu * 1e3:7.3f} ms")
    ratios = {}
    for name, label in (("get", "GET agent"), ("chat", "chat message")):
        ratios[f"{name} cpu"] = cpu_median[name] / floor_cpu
        print(
            f"  {label:<24} {cpu_median[name] * 1e3:7.3f} ms"
            f"  = {ratios[f'{name} cpu']:.2f}x floor (target <= {CPU_TARGET:g}x)"
        )
    for kind, title in (
        ("async", f"{CONCURRENT_CLIENTS} concurrent httpx.AsyncClient clients"),
        (
            "raw",
            f"{CONCURRENT_CLIENTS} raw-socket connections (the server alone the bottleneck; "
            "not a target)",
        ),
    ):
        print(f"requests/s with {title}, {CONCURRENT_REQUESTS} requests:")
        base = load_median[f"floor {kind}"]
        print(
            f"  floor (bare Starlette)   {base.rate:7.0f}"
            f"          p50 {base.p50 * 1e3:6.1f} ms  p99 {base.p99 * 1e3:6.1f} ms"
        )
        for name, label in (("get", "GET agent"), ("chat", "chat message")):
            load = load_median[f"{name} {kind}"]
            ratio = load.rate / base.rate
            goal = f" (target >= {RATE_TARGET:.0%})" if kind == "async" else ""
            if kind == "async":
                ratios[f"{name} rps"] = ratio
            print(
                f"  {label:<24} {load.rate:7.0f} = {ratio:4.0%}"
                f"  p50 {load.p50 * 1e3:6.1f} ms  p99 {load.p99 * 1e3:6.1f} ms{goal}"
            )
    missed = [
        name
        for name, ratio in ratios.items()
        if (ratio < RATE_TARGET if name.endswith("rps") else ratio > CPU_TARGET)
    ]
    print("targets met" if not missed else f"targets missed: {', '.join(missed)}")
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())
