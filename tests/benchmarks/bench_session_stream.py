"""Events per second from the reference server to the SDK, for a 100,000-event session stream.

The server runs as its own process (``agentkit serve`` on loopback, a temporary SQLite file), so
that it does not share the reader's interpreter. One scripted turn of exactly 100,000 events is
generated once: read live while it is generated (the rate of the whole pipeline: brain, SQLite
log, SSE, SDK), then replayed from the log with ``GET /v1/sessions/{id}/events`` by:

- the SDK, sync and async: typed events (``SessionTextDeltaEvent`` models), resume bookkeeping on;
- httpx-sse building the same typed models (``connect_sse``, ``json.loads``, the model's
  ``from_dict``): what a hand-rolled typed reader costs;
- httpx-sse with ``json.loads`` only (plain dicts, no models), for reference.

Each replay is the best of ROUNDS interleaved rounds. Target: the SDK's typed replay reaches at
least TARGET times the rate of httpx-sse building the same models, measured in the same run.
"""

from __future__ import annotations

import asyncio
import gc
import json
import os
import re
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx
from httpx_sse import connect_sse

from agentkit import AgentKit, AsyncAgentKit, types

EVENTS = 100_000
# user_input + N text_delta + text + stop
DELTAS = EVENTS - 3
ROUNDS = 3
TARGET = 1.0


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@contextmanager
def serve() -> Iterator[tuple[str, str]]:
    """``agentkit serve`` in a child process; yields its base URL and API key."""
    port = _free_port()
    with tempfile.TemporaryDirectory() as folder:
        command = [
            sys.executable,
            "-m",
            "agentkit.cli",
            "serve",
            "--port",
            str(port),
            "--db",
            str(Path(folder) / "bench.sqlite3"),
        ]
        child = subprocess.Popen(command, stdout=subprocess.PIPE, text=True, env=os.environ.copy())
        try:
            assert child.stdout is not None
            key = ""
            for line in child.stdout:
                found = re.search(r"AGENTKIT_API_KEY=(\S+)", line)
                if found:
                    key = found.group(1)
                if "Ctrl-C" in line:
                    break
            base_url = f"http://127.0.0.1:{port}"
            deadline = time.monotonic() + 15
            while True:
                try:
                    httpx.get(f"{base_url}/v1/health", timeout=1).raise_for_status()
                    break
                except httpx.HTTPError:
                    if time.monotonic() > deadline:
                        raise
                    time.sleep(0.1)
            yield base_url, key
        finally:
            child.terminate()
            child.wait(timeout=15)


def read_sdk(client: AgentKit, session_id: str) -> int:
    count = 0
    with client.sessions.events(session_id) as stream:
        for _ in stream:
            count += 1
    return count


def read_sdk_async(client: AsyncAgentKit, session_id: str, runner: asyncio.Runner) -> int:
    async def run() -> int:
        count = 0
        async with client.sessions.events(session_id) as stream:
            async for _ in stream:
                count += 1
        return count

    return runner.run(run())


MODELS = {
    "user_input": types.SessionUserInputEvent,
    "text_delta": types.SessionTextDeltaEvent,
    "text": types.SessionTextEvent,
    "stop": types.SessionStopEvent,
}


def read_httpx_sse(http: httpx.Client, session_id: str, typed: bool) -> int:
    count = 0
    with connect_sse(http, "GET", f"/v1/sessions/{session_id}/events") as source:
        for event in source.iter_sse():
            payload = json.loads(event.data)
            if typed:
                MODELS[event.event].from_dict(payload)
            count += 1
    return count


def best_rate(readers: dict[str, Callable[[], int]]) -> dict[str, float]:
    best = dict.fromkeys(readers, float("inf"))
    for _ in range(ROUNDS):
        for name, read in readers.items():
            gc.collect()
            started = time.perf_counter()
            count = read()
            elapsed = time.perf_counter() - started
            if count != EVENTS:
                raise SystemExit(f"{name} read {count} events, expected {EVENTS}")
            best[name] = min(best[name], elapsed)
    return {name: EVENTS / elapsed for name, elapsed in best.items()}


def main() -> int:
    with serve() as (base_url, key):
        client = AgentKit(api_key=key, base_url=base_url, stream_idle_timeout=None)
        agent = client.agents.create(name="Bench", brain="scripted")
        session = client.sessions.create(agent.id)

        started = time.perf_counter()
        with client.sessions.stream_send(session.id, f"/long {DELTAS}") as stream:
            live = sum(1 for _ in stream)
        live_rate = live / (time.perf_counter() - started)
        if live != EVENTS:
            raise SystemExit(f"the live stream carried {live} events, expected {EVENTS}")

        runner = asyncio.Runner()
        async_client = AsyncAgentKit(api_key=key, base_url=base_url, stream_idle_timeout=None)
        headers = {"Authorization": f"Bearer {key}"}
        http = httpx.Client(base_url=base_url, headers=headers, timeout=60)
        try:
            rates = best_rate(
                {
                    "agentkit sync": lambda: read_sdk(client, session.id),
                    "agentkit async": lambda: read_sdk_async(async_client, session.id, runner),
                    "httpx-sse typed": lambda: read_httpx_sse(http, session.id, typed=True),
                    "httpx-sse dicts": lambda: read_httpx_sse(http, session.id, typed=False),
                }
            )
        finally:
            http.close()
            runner.run(async_client.aclose())
            runner.close()
            client.close()

    print(f"session stream of {EVENTS:,} events over loopback, Python {sys.version.split()[0]}")
    print(f"  live (generated while read, SDK sync): {live_rate:>10,.0f} events/s")
    typed, dicts = rates["httpx-sse typed"], rates["httpx-sse dicts"]
    failed = False
    for name, rate in rates.items():
        verdict = ""
        if name.startswith("agentkit"):
            ok = rate / typed >= TARGET
            failed |= not ok
            verdict = f"  target {TARGET:.1f}x typed  {'PASS' if ok else 'FAIL'}"
        print(
            f"  replay, {name:<16} {rate:>9,.0f} events/s  {rate / typed:>5.2f}x httpx-sse typed"
            f"  {rate / dicts:>5.2f}x httpx-sse dicts{verdict}"
        )
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
