"""The SDK realtime client: send → handler latency and deliveries per second with 100 receivers.

The reference server (``agentkit serve``) runs in its own process on 127.0.0.1. A hundred
receiver identities each hold an ``AsyncRealtimeClient`` connection (all on one event loop in
this process); ten sender identities send with ``AsyncAgentKit``, concurrently, round-robin
over the receivers. For every message the time from the start of its send request to the
moment a receiver's handler runs is taken (matched by ``client_msg_id``), beside the send
request's own latency. Rounds of ``PER_ROUND`` messages repeat ``ROUNDS`` times; figures are
medians of the rounds.

Targets, as ratios in the same run: send → handler p50 at most 2x the send request's p50
(realtime adds at most one hop), send → handler p99 under 5x its p50, and every message handled
exactly once by the receiver it was sent to. Exits 1 on a miss.
"""

from __future__ import annotations

import asyncio
import statistics
import sys
import tempfile
import time
import uuid
from collections import Counter
from pathlib import Path

from bench_messaging import _percentile, _register
from bench_server import Child

from agentkit import AsyncAgentKit
from agentkit.realtime import AsyncRealtimeClient
from agentkit.types import Message

RECEIVERS = 100
SENDERS = 10
PER_ROUND = 1_000
ROUNDS = 3
LATENCY_TARGET = 2.0
TAIL_TARGET = 5.0
ROUND_TIMEOUT = 120.0


class Receivers:
    """Every receiver's connection, and when each message reached a handler."""

    def __init__(self) -> None:
        self.reached: dict[str, float] = {}
        self.handled: Counter[tuple[str, str]] = Counter()
        self.clients: list[tuple[AsyncAgentKit, AsyncRealtimeClient]] = []
        self.pending: set[str] = set()
        self.all_reached = asyncio.Event()

    def handler(self, handle: str):  # type: ignore[no-untyped-def]
        def on_message(message: Message) -> None:
            self.reached.setdefault(message.client_msg_id, time.perf_counter())
            self.handled[(handle, message.client_msg_id)] += 1
            self.pending.discard(message.client_msg_id)
            if not self.pending:
                self.all_reached.set()

        return on_message

    async def connect(self, base_url: str, keys: dict[str, str]) -> None:
        for handle, key in keys.items():
            rest = AsyncAgentKit(base_url=base_url, api_key=key)
            realtime = rest.realtime()
            realtime.on_message(self.handler(handle))
            self.clients.append((rest, realtime))
        await asyncio.gather(*(realtime.connect() for _, realtime in self.clients))

    async def close(self) -> None:
        for rest, realtime in self.clients:
            await realtime.disconnect()
            await rest.aclose()


async def _round(
    senders: list[AsyncAgentKit], handles: list[str], receivers: Receivers
) -> tuple[list[float], list[float], float, dict[str, str]]:
    """Send ``PER_ROUND`` messages; send latencies, send → handler latencies, deliveries/s,
    and to whom each ``client_msg_id`` went."""
    started: dict[str, float] = {}
    answered: dict[str, float] = {}
    recipient: dict[str, str] = {}
    per_sender = PER_ROUND // len(senders)
    plan = [
        [
            (uuid.uuid4().hex, handles[(index * per_sender + i) % len(handles)])
            for i in range(per_sender)
        ]
        for index in range(len(senders))
    ]
    receivers.pending = {cid for sends in plan for cid, _ in sends}
    receivers.all_reached.clear()

    async def sender(index: int, client: AsyncAgentKit) -> None:
        for cid, to in plan[index]:
            recipient[cid] = to
            started[cid] = time.perf_counter()
            await client.messages.send("ping", to=to, client_msg_id=cid)
            answered[cid] = time.perf_counter()

    first = time.perf_counter()
    async with asyncio.timeout(ROUND_TIMEOUT):
        await asyncio.gather(*(sender(i, c) for i, c in enumerate(senders)))
        await receivers.all_reached.wait()
    last = max(receivers.reached[cid] for cid in started)
    sends = [answered[cid] - started[cid] for cid in started]
    reach = [receivers.reached[cid] - started[cid] for cid in started]
    return sends, reach, len(started) / (last - first), recipient


async def measure(server: Child) -> int:
    base_url = f"http://127.0.0.1:{server.port}"
    run = uuid.uuid4().hex[:6]
    receiver_keys = {f"rt{i}-{run}": _register(server, f"rt{i}-{run}") for i in range(RECEIVERS)}
    sender_keys = [_register(server, f"st{i}-{run}") for i in range(SENDERS)]
    receivers = Receivers()
    await receivers.connect(base_url, receiver_keys)
    senders = [AsyncAgentKit(base_url=base_url, api_key=key) for key in sender_keys]
    handles = list(receiver_keys)
    # Every pair's conversation exists before the rounds, as in a running system.
    await _round(senders, handles, receivers)
    figures: list[tuple[float, float, float, float]] = []
    sent_to: dict[str, str] = {}
    try:
        for _ in range(ROUNDS):
            sends, reach, rate, recipient = await _round(senders, handles, receivers)
            sent_to.update(recipient)
            figures.append(
                (_percentile(sends, 0.5), _percentile(reach, 0.5), _percentile(reach, 0.99), rate)
            )
        await asyncio.sleep(0.5)  # a duplicate would arrive by now
    finally:
        for client in senders:
            await client.aclose()
        await receivers.close()

    send_p50 = statistics.median(f[0] for f in figures)
    reach_p50 = statistics.median(f[1] for f in figures)
    reach_p99 = statistics.median(f[2] for f in figures)
    rate = statistics.median(f[3] for f in figures)
    print(
        f"{RECEIVERS} receivers connected, {SENDERS} senders, median of {ROUNDS} rounds of {PER_ROUND}:"
    )
    print(f"  send request          p50 {send_p50 * 1e3:7.2f} ms")
    print(f"  send -> handler       p50 {reach_p50 * 1e3:7.2f} ms   p99 {reach_p99 * 1e3:7.2f} ms")
    print(f"  deliveries/s          {rate:7.0f}")
    latency_ratio = reach_p50 / send_p50
    tail_ratio = reach_p99 / reach_p50
    print(f"  handler p50 / send p50 = {latency_ratio:.2f} (target <= {LATENCY_TARGET:g})")
    print(f"  handler p99 / p50 = {tail_ratio:.2f} (target < {TAIL_TARGET:g})")
    measured = {(to, cid) for cid, to in sent_to.items()}
    lost = [key for key in measured if receivers.handled[key] == 0]
    twice = [key for key, count in receivers.handled.items() if count > 1]
    stray = [key for key in receivers.handled if key[1] in sent_to and key not in measured]
    exact = not lost and not twice and not stray
    print(f"  lost {len(lost)}, handled twice {len(twice)}, wrong receiver {len(stray)}")
    missed = []
    if latency_ratio > LATENCY_TARGET:
        missed.append("send -> handler p50")
    if tail_ratio >= TAIL_TARGET:
        missed.append("p99/p50")
    if not exact:
        missed.append("exactly once")
    print("targets met" if not missed else f"targets missed: {', '.join(missed)}")
    return 1 if missed else 0


def main() -> int:
    with tempfile.TemporaryDirectory() as scratch:
        db = str(Path(scratch) / "bench.sqlite3")
        argv = [sys.executable, "-m", "agentkit.cli", "serve", "--port", "0", "--db", db]
        server = Child(argv, r"AGENTKIT_BASE_URL=http://127\.0\.0\.1:(\d+)")
        try:
            return asyncio.run(measure(server))
        finally:
            server.stop()


if __name__ == "__main__":
    sys.exit(main())
