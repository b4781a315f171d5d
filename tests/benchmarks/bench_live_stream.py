"""Typed events per second from a live-shaped stream: the server writes one event per write.

A live token stream reaches the client one event at a time, each in its own write (and often its
own TCP segment), so the reader's cost per chunk counts as much as its cost per event. The
reference server (``agentkit serve``) makes one scripted turn of EVENTS session events; its
bytes are then served by a minimal loopback server in its own process that writes them one
event per ``sendall`` with ``TCP_NODELAY`` (so the server's pipeline is not what is measured),
and read by:

- the SDK, sync: typed events (``Session*Event`` models), resume bookkeeping and the turn
  recorder on, as ``client.sessions.events(...)`` gives them;
- httpx-sse with ``json.loads`` (plain dicts, no models): what a minimal hand-rolled reader
  costs;
- httpx-sse building the same typed models, for reference.

Rounds are interleaved (each round runs every reader once); a reader's ratio is the median of
the rounds' ratios. Target: the SDK's typed events at least TARGET times the rate of httpx-sse
with ``json.loads``, in wall time. Events per CPU second of the reading process are printed
too: a reader faster than the writer waits for it, and on a busy machine the writer gets less
of the CPU, so the wall-time ratio understates the faster reader's lead there.
"""

from __future__ import annotations

import gc
import re
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx
from bench_session_stream import read_httpx_sse, read_sdk, serve

from agentkit import AgentKit

EVENTS = 50_000
# user_input + N text_delta + text + stop
DELTAS = EVENTS - 3
ROUNDS = 7
TARGET = 1.2
READERS = 3

# The one-event-per-write server: answers each connection (at most `limit`) with the events of
# the file, one sendall each, then closes it.
WRITER = r"""
import re, socket, sys

events = re.findall(rb".*?\n\n", open(sys.argv[1], "rb").read(), re.DOTALL)
limit = int(sys.argv[2])
head = (
    b"HTTP/1.1 200 OK\r\ncontent-type: text/event-stream\r\ncache-control: no-cache\r\n"
    b"x-request-id: req_live\r\nconnection: close\r\n\r\n"
)
server = socket.socket()
server.bind(("127.0.0.1", 0))
server.listen(8)
print(server.getsockname()[1], flush=True)
for _ in range(limit):
    conn, _ = server.accept()
    with conn:
        conn.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        request = b""
        while b"\r\n\r\n" not in request:
            part = conn.recv(65536)
            if not part:
                break
            request += part
        conn.sendall(head)
        for event in events:
            conn.sendall(event)
"""


@contextmanager
def one_event_per_write(body: bytes, connections: int) -> Iterator[str]:
    """A server process that sends ``body`` one event per write; yields its base URL."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "events.txt"
        path.write_bytes(body)
        child = subprocess.Popen(
            [sys.executable, "-c", WRITER, str(path), str(connections)],
            stdout=subprocess.PIPE,
            text=True,
        )
        try:
            assert child.stdout is not None
            port = int(child.stdout.readline())
            yield f"http://127.0.0.1:{port}"
        finally:
            child.terminate()
            child.wait(timeout=15)


def measure(
    readers: dict[str, Callable[[], int]], peer: str
) -> dict[str, tuple[float, float, float, float]]:
    """Per reader: median events per wall second and per CPU second of this process, and the
    medians of each round's ratios of those to ``peer``'s."""
    wall: dict[str, list[float]] = {name: [] for name in readers}
    cpu: dict[str, list[float]] = {name: [] for name in readers}
    for _ in range(ROUNDS):
        for name, read in readers.items():
            gc.collect()
            started, started_cpu = time.perf_counter(), time.process_time()
            count = read()
            wall[name].append(time.perf_counter() - started)
            cpu[name].append(time.process_time() - started_cpu)
            if count != EVENTS:
                raise SystemExit(f"{name} read {count} events, expected {EVENTS}")

    def ratio(spent: dict[str, list[float]], name: str) -> float:
        return statistics.median(p / o for o, p in zip(spent[name], spent[peer], strict=True))

    return {
        name: (
            EVENTS / statistics.median(wall[name]),
            ratio(wall, name),
            EVENTS / statistics.median(cpu[name]),
            ratio(cpu, name),
        )
        for name in readers
    }


def main() -> int:
    with serve() as (base_url, key):
        with AgentKit(api_key=key, base_url=base_url, stream_idle_timeout=None) as client:
            agent = client.agents.create(name="Bench", brain="scripted")
            session = client.sessions.create(agent.id)
            with client.sessions.stream_send(session.id, f"/long {DELTAS}") as stream:
                if sum(1 for _ in stream) != EVENTS:
                    raise SystemExit(f"the turn did not carry {EVENTS} events")
        headers = {"Authorization": f"Bearer {key}"}
        with httpx.Client(base_url=base_url, headers=headers, timeout=60) as http:
            body = http.get(f"/v1/sessions/{session.id}/events").raise_for_status().content
    if len(re.findall(rb"\n\n", body)) != EVENTS:
        raise SystemExit("the replayed body does not hold one block per event")

    with one_event_per_write(body, ROUNDS * READERS + 1) as live_url:
        client = AgentKit(api_key=key, base_url=live_url, stream_idle_timeout=None)
        http = httpx.Client(base_url=live_url, headers=headers, timeout=60)
        try:
            results = measure(
                {
                    "agentkit typed": lambda: read_sdk(client, session.id),
                    "httpx-sse dicts": lambda: read_httpx_sse(http, session.id, typed=False),
                    "httpx-sse typed": lambda: read_httpx_sse(http, session.id, typed=True),
                },
                peer="httpx-sse dicts",
            )
        finally:
            http.close()
            client.close()

    print(
        f"live-shaped session stream of {EVENTS:,} events, one event per write over loopback, "
        f"medians of {ROUNDS} rounds, Python {sys.version.split()[0]}"
    )
    ok = results["agentkit typed"][1] >= TARGET
    print(f"  {'reader':<16} {'events/s':>10} {'vs dicts':>9} {'events/CPU s':>13} {'vs dicts':>9}")
    for name, (rate, ratio, cpu_rate, cpu_ratio) in results.items():
        verdict = ""
        if name == "agentkit typed":
            verdict = f"  target {TARGET:.1f}x (wall)  {'PASS' if ok else 'FAIL'}"
        print(
            f"  {name:<16} {rate:>10,.0f} {ratio:>8.2f}x {cpu_rate:>13,.0f} {cpu_ratio:>8.2f}x"
            f"{verdict}"
        )
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
