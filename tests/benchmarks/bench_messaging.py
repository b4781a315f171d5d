"""Messaging sends against the reference server, beside its chat messages and the bare-framework
floor, in one run.

Two processes on 127.0.0.1, as in ``bench_server``: the reference server (``agentkit serve``)
and the floor (a bare Starlette route on the same uvicorn configuration). Fifty sender and
fifty recipient identities are registered through the API (the codes read from the server's
printed outbox); sender *i* writes to recipient *i*. Each round sends ``SENDS`` messages with 1,
10 and 50 concurrent senders (``httpx.AsyncClient`` clients with one keep-alive connection
each, one request in flight, as the SDK sends them: a fresh ``client_msg_id`` and
``Idempotency-Key`` each), and, at 50, the same count of chat messages and of floor requests,
measured as ``bench_server`` measures throughput. The 50-sender round is also driven by raw
sockets, which cost the client almost nothing (the server alone the bottleneck): printed, not a
target. Rounds interleave; figures are medians.

Targets, as ratios in the same run: at 50 senders, sends/s at least 50% of the floor's
requests/s, and p99 latency under 3x p50. After the rounds, every conversation's messages are
counted: each answered send must be stored (committed before its response). Exits 1 on a miss.
"""

from __future__ import annotations

import asyncio
import json
import re
import statistics
import sys
import tempfile
import time
import uuid
from pathlib import Path

from bench_server import Child, Wire, _call, _client, _httpx_client

SENDS = 1_000
LEVELS = (1, 10, 50)
ROUNDS = 3
PAIRS = 50
RATE_TARGET = 0.5
TAIL_TARGET = 3.0
ROUND_TIMEOUT = 120.0


def _code(server: Child, email: str) -> str:
    """The one-time code ``agentkit serve`` printed for ``email``."""
    assert server.process.stdout is not None
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        line = server.process.stdout.readline()
        # The code ends the line: the address and the handle before it may hold six digits.
        if email in line and (found := re.findall(r"\b\d{6}\b", line.split(email, 1)[1])):
            return str(found[-1])
    raise RuntimeError(f"no code for {email}")


def _register(server: Child, handle: str) -> str:
    email = f"{handle}@bench.test"
    body = {"email": email, "handle": handle, "display_name": handle}
    pending = _call(server, "POST", "/v1/identity/register", body)
    verify = {"pending_id": pending["pending_id"], "code": _code(server, email)}
    made = _call(server, "POST", "/v1/identity/register/verify", verify)
    return str(made["api_key"])


def _as(server: Child, key: str, method: str, path: str, body: object) -> dict[str, object]:
    own = Child.__new__(Child)
    own.port, own.key = server.port, key
    return _call(own, method, path, body)


def _round(
    port: int, per_client: list[list[Wire]], *, raw: bool = False
) -> tuple[float, list[float]]:
    """Requests per second and the latency of each request, one connection per list."""
    latencies: list[float] = []
    client = _client if raw else _httpx_client

    async def drive() -> None:
        async with asyncio.timeout(ROUND_TIMEOUT):
            await asyncio.gather(
                *(client(port, r.__getitem__, list(range(len(r))), latencies) for r in per_client)
            )

    started = time.perf_counter()
    asyncio.run(drive())
    return sum(map(len, per_client)) / (time.perf_counter() - started), latencies


def _percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def main() -> int:
    with tempfile.TemporaryDirectory() as scratch:
        db = str(Path(scratch) / "bench.sqlite3")
        argv = [sys.executable, "-m", "agentkit.cli", "serve", "--port", "0", "--db", db]
        server = Child([*argv, "--echo-delay", "0"], r"AGENTKIT_BASE_URL=http://127\.0\.0\.1:(\d+)")
        try:
            floor_script = str(Path(__file__).with_name("bench_server.py"))
            floor = Child([sys.executable, floor_script, "--floor"], r"FLOOR_PORT=(\d+)")
        except Exception:
            server.stop()
            raise
        try:
            return measure(server, floor)
        finally:
            server.stop()
            floor.stop()


def measure(server: Child, floor: Child) -> int:
    run = uuid.uuid4().hex[:6]
    senders = [_register(server, f"s{i}-{run}") for i in range(PAIRS)]
    recipients = [f"r{i}-{run}" for i in range(PAIRS)]
    for handle in recipients:
        _register(server, handle)
    conversations = [
        str(_as(server, key, "POST", "/v1/messages", {
            "client_msg_id": uuid.uuid4().hex, "to": to, "content": {"text": "start"},
        })["conversation_id"])
        for key, to in zip(senders, recipients, strict=True)
    ]  # fmt: skip
    answered = dict.fromkeys(conversations, 1)

    def send(index: int) -> Wire:
        body = json.dumps(
            {
                "client_msg_id": uuid.uuid4().hex,
                "conversation_id": conversations[index],
                "content": {"text": "hello there"},
            }
        ).encode()
        headers = {
            "Authorization": f"Bearer {senders[index]}",
            "Content-Type": "application/json",
            "Idempotency-Key": uuid.uuid4().hex,
        }
        answered[conversations[index]] += 1
        return ("POST", "/v1/messages", headers, body)

    agent = _call(server, "POST", "/v1/agents", {"name": "Bench", "brain": "echo"})
    chat_body = {"message": {"parts": [{"type": "text", "content": "hello"}]}}
    org = {"Authorization": f"Bearer {server.key}", "Content-Type": "application/json"}

    def chat_requests() -> list[list[Wire]]:
        per = SENDS // PAIRS
        chats = [
            str(_call(server, "POST", "/v1/chats", {"agent_id": agent["id"], **chat_body})["id"])
            for _ in range(PAIRS)
        ]
        data = json.dumps(chat_body).encode()
        return [
            [
                (
                    "POST",
                    f"/v1/chats/{chat}/messages",
                    {**org, "Idempotency-Key": uuid.uuid4().hex},
                    data,
                )
                for _ in range(per)
            ]
            for chat in chats
        ]

    floor_get: Wire = ("GET", "/floor", {}, b"")
    rates: dict[str, list[float]] = {}
    tails: dict[int, list[tuple[float, float]]] = {level: [] for level in LEVELS}
    for _ in range(ROUNDS):
        for level in LEVELS:
            per_client = [[send(i) for _ in range(SENDS // level)] for i in range(level)]
            rate, latencies = _round(server.port, per_client)
            rates.setdefault(f"send {level}", []).append(rate)
            tails[level].append((_percentile(latencies, 0.5), _percentile(latencies, 0.99)))
        rate, _ = _round(server.port, chat_requests())
        rates.setdefault("chat 50", []).append(rate)
        rate, _ = _round(floor.port, [[floor_get] * (SENDS // PAIRS) for _ in range(PAIRS)])
        rates.setdefault("floor 50", []).append(rate)
        per_client = [[send(i) for _ in range(SENDS // PAIRS)] for i in range(PAIRS)]
        rate, _ = _round(server.port, per_client, raw=True)
        rates.setdefault("send 50 raw", []).append(rate)
        floor_raw = [[floor_get] * (SENDS // PAIRS) for _ in range(PAIRS)]
        rate, _ = _round(floor.port, floor_raw, raw=True)
        rates.setdefault("floor 50 raw", []).append(rate)

    medians = {name: statistics.median(values) for name, values in rates.items()}
    floor_rate = medians["floor 50"]
    print(f"requests/s with httpx.AsyncClient clients (median of {ROUNDS} rounds of {SENDS}):")
    print(f"  floor (bare Starlette), 50 clients   {floor_rate:7.0f}")
    print(f"  chat messages, 50 clients            {medians['chat 50']:7.0f}")
    p50 = p99 = 0.0
    for level in LEVELS:
        p50 = statistics.median(t[0] for t in tails[level])
        p99 = statistics.median(t[1] for t in tails[level])
        print(
            f"  message sends, {level:>2} senders           {medians[f'send {level}']:7.0f}"
            f"   p50 {p50 * 1e3:6.2f} ms  p99 {p99 * 1e3:6.2f} ms"
        )
    raw_ratio = medians["send 50 raw"] / medians["floor 50 raw"]
    print(
        f"  raw sockets, 50 connections: sends {medians['send 50 raw']:7.0f},"
        f" floor {medians['floor 50 raw']:7.0f} = {raw_ratio:.0%} (the server alone; not a target)"
    )
    rate_ratio = medians["send 50"] / floor_rate
    tail_ratio = p99 / p50
    print(f"  sends at 50 = {rate_ratio:.0%} of floor (target >= {RATE_TARGET:.0%})")
    print(f"  p99 / p50 at 50 = {tail_ratio:.2f} (target < {TAIL_TARGET:g})")
    stored = {
        conversation: int(
            _as(server, senders[i], "GET", f"/v1/conversations/{conversation}", None)["last_seq"]
        )  # type: ignore[call-overload]
        for i, conversation in enumerate(conversations)
    }
    durable = stored == answered
    print(f"  every answered send stored: {'yes' if durable else 'NO'}")
    missed = []
    if rate_ratio < RATE_TARGET:
        missed.append("sends/s")
    if tail_ratio >= TAIL_TARGET:
        missed.append("p99/p50")
    if not durable:
        missed.append("durability")
    print("targets met" if not missed else f"targets missed: {', '.join(missed)}")
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())
