"""Realtime push latency against the send request's own, with 100 connected receivers, in one
run.

One reference server process (``agentkit serve``) on 127.0.0.1. A hundred receiver identities
connect to the realtime channel (the ``websockets`` asyncio client, ack mode) and acknowledge
every ``message.new``; ten senders send ``SENDS`` messages round-robin to them over REST
(``httpx.AsyncClient``, one request in flight each, as the SDK sends). For each message the
bench takes the send request's latency (request to response) and the push latency (request to
the frame's arrival at its receiver). Rounds are repeated and the figures are medians.

Targets, as ratios in the same run: push p50 at most 2x the send request's p50 (realtime adds at
most one hop), push p99 under 5x push p50, and every message pushed exactly once to its
receiver (none lost, none twice). Exits 1 on a miss.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import statistics
import sys
import tempfile
import time
import uuid
from pathlib import Path

import httpx
import websockets
from bench_messaging import _register
from bench_server import Child

from agentkit._contract import contract

RECEIVERS = 100
SENDERS = 10
SENDS = 2_000
ROUNDS = 3
PUSH_TARGET = 2.0
TAIL_TARGET = 5.0
ROUND_TIMEOUT = 120.0
PUSH_WAIT = 30.0


class Tally:
    """Messages pushed so far in a round, and the event set once all ``target`` arrived."""

    def __init__(self, target: int) -> None:
        self.target = target
        self.count = 0
        self.done = asyncio.Event()

    def add(self) -> None:
        self.count += 1
        if self.count >= self.target:
            self.done.set()


class Receiver:
    """One connected identity: when each message reached it, by message id."""

    def __init__(self, handle: str, key: str) -> None:
        self.handle = handle
        self.key = key
        self.arrived: dict[str, float] = {}
        self.duplicates = 0

    async def run(self, url: str, ready: asyncio.Event, stop: asyncio.Event, tally: Tally) -> None:
        async with websockets.connect(url, max_size=1 << 20) as ws:
            await ws.send(
                json.dumps({"type": "hello", "api_key": self.key, "capabilities": ["ack"]})
            )
            assert json.loads(await ws.recv())["type"] == "hello.ok"
            ready.set()
            while not stop.is_set():
                try:
                    raw = await asyncio.wait_for(ws.recv(), 0.2)
                except TimeoutError:
                    continue
                frame = json.loads(raw)
                if frame["type"] != "message.new":
                    continue
                message_id = frame["payload"]["client_msg_id"]
                if message_id in self.arrived:
                    self.duplicates += 1
                else:
                    self.arrived[message_id] = time.perf_counter()
                    tally.add()
                await ws.send(json.dumps({"type": "ack", "message_id": frame["payload"]["id"]}))


async def _sender(
    base_url: str, key: str, jobs: list[tuple[str, str]], sent: dict[str, tuple[float, float]]
) -> None:
    headers = {"Authorization": f"Bearer {key}"}
    limits = httpx.Limits(max_connections=1)
    async with httpx.AsyncClient(base_url=base_url, headers=headers, limits=limits) as client:
        for to, client_msg_id in jobs:
            body = {"client_msg_id": client_msg_id, "to": to, "content": {"text": "ping"}}
            started = time.perf_counter()
            response = await client.post(
                "/v1/messages", json=body, headers={"Idempotency-Key": uuid.uuid4().hex}
            )
            sent[client_msg_id] = (started, time.perf_counter())
            if response.status_code != 201:
                raise RuntimeError(f"HTTP {response.status_code}: {response.text[:200]}")


async def _round(port: int, senders: list[str], receivers: list[Receiver]) -> dict[str, float]:
    base_url = f"http://127.0.0.1:{port}"
    url = f"ws://127.0.0.1:{port}{contract().document['x-realtime']['path']}"
    for receiver in receivers:
        receiver.arrived.clear()
        receiver.duplicates = 0
    stop = asyncio.Event()
    tally = Tally(SENDS)
    readies = [asyncio.Event() for _ in receivers]
    listening = [
        asyncio.create_task(r.run(url, ready, stop, tally))
        for r, ready in zip(receivers, readies, strict=True)
    ]
    async with asyncio.timeout(ROUND_TIMEOUT):
        await asyncio.gather(*(ready.wait() for ready in readies))
        ids = [uuid.uuid4().hex for _ in range(SENDS)]
        to = {ids[i]: receivers[i % RECEIVERS] for i in range(SENDS)}
        jobs = [[(to[i].handle, i) for i in ids[s::SENDERS]] for s in range(SENDERS)]
        sent: dict[str, tuple[float, float]] = {}
        await asyncio.gather(
            *(_sender(base_url, key, share, sent) for key, share in zip(senders, jobs, strict=True))
        )
        with contextlib.suppress(TimeoutError):  # what did not arrive by then is lost
            await asyncio.wait_for(tally.done.wait(), PUSH_WAIT)
        await asyncio.sleep(0.3)  # a duplicate would arrive meanwhile
        stop.set()
        await asyncio.gather(*listening)
    request = [end - start for start, end in sent.values()]
    push = [to[i].arrived[i] - sent[i][0] for i in ids]
    request_cuts = statistics.quantiles(request, n=100)
    push_cuts = statistics.quantiles(push, n=100)
    lost = sum(1 for i in ids if i not in to[i].arrived)
    return {
        "request_p50": request_cuts[49],
        "push_p50": push_cuts[49],
        "push_p99": push_cuts[98],
        "lost": lost,
        "duplicates": sum(r.duplicates for r in receivers),
    }


def measure(server: Child) -> int:
    run = uuid.uuid4().hex[:6]
    senders = [_register(server, f"rs{i}-{run}") for i in range(SENDERS)]
    receivers = [
        Receiver(handle, _register(server, handle))
        for handle in (f"rr{i}-{run}" for i in range(RECEIVERS))
    ]
    rounds = [asyncio.run(_round(server.port, senders, receivers)) for _ in range(ROUNDS)]
    figure = {key: statistics.median(r[key] for r in rounds) for key in rounds[0]}
    lost = sum(r["lost"] for r in rounds)
    duplicates = sum(r["duplicates"] for r in rounds)
    print(f"{RECEIVERS} receivers connected, {SENDERS} senders, {SENDS} messages a round")
    print(f"  send request     p50 {figure['request_p50'] * 1e3:7.2f} ms")
    print(
        f"  send -> pushed   p50 {figure['push_p50'] * 1e3:7.2f} ms"
        f"   p99 {figure['push_p99'] * 1e3:7.2f} ms"
    )
    print(f"  lost {lost}, pushed twice {duplicates}")
    misses = []
    if figure["push_p50"] > PUSH_TARGET * figure["request_p50"]:
        misses.append(f"push p50 over {PUSH_TARGET}x the send request's p50")
    if figure["push_p99"] >= TAIL_TARGET * figure["push_p50"]:
        misses.append(f"push p99 not under {TAIL_TARGET}x its p50")
    if lost or duplicates:
        misses.append("messages lost or pushed twice")
    for miss in misses:
        print(f"MISSED: {miss}")
    return 1 if misses else 0


def main() -> int:
    with tempfile.TemporaryDirectory() as scratch:
        db = str(Path(scratch) / "bench.sqlite3")
        argv = [sys.executable, "-m", "agentkit.cli", "serve", "--port", "0", "--db", db]
        server = Child(argv, r"AGENTKIT_BASE_URL=http://127\.0\.0\.1:(\d+)")
        try:
            return measure(server)
        finally:
            server.stop()


if __name__ == "__main__":
    sys.exit(main())
