"""Messaging sends on SQLite, on PostgreSQL, and on PostgreSQL with two instances, in one run.

Processes on 127.0.0.1: the reference server (``agentkit serve``) on a SQLite file; one
instance on a PostgreSQL database; two instances sharing another PostgreSQL database, behind
the scale-out harness's round-robin proxy (a process of its own, so that its CPU is not this
one's); PostgreSQL 16 from the ``pgserver`` wheel (or the server
``$AGENTKIT_TEST_POSTGRES_URL`` names). For each target, fifty sender and fifty recipient
identities are registered and sender *i* writes to recipient *i*; each round sends ``SENDS``
messages with 50 concurrent senders (``httpx.AsyncClient`` clients with one keep-alive
connection each, one request in flight, a fresh ``client_msg_id`` and ``Idempotency-Key`` per
send, as the SDK sends them). Rounds of the three targets interleave; figures are medians.

Targets, as ratios in the same run: PostgreSQL's sends/s at least 70% of SQLite's; two
instances at least 1.6x one, when the machine has more than two cores (on two, every process
shares them: the ratio is printed with where the CPU went, between the server processes, the
PostgreSQL processes, the proxy and this driver, and is not a target). Every answered send
must be stored. Exits 1 on a miss.
"""

from __future__ import annotations

import os
import resource
import secrets
import statistics
import sys
import tempfile
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from bench_messaging import _as, _percentile, _register, _round
from bench_server import TICKS, Child, Wire

from agentkit._postgres_for_tests import PostgresForTests

SENDS = 1_000
SENDERS = 50
ROUNDS = 3
POSTGRES_TARGET = 0.7
SCALE_TARGET = 1.6
CORES = os.cpu_count() or 1
PORT = r"AGENTKIT_BASE_URL=http://127\.0\.0\.1:(\d+)"
PROXY = Path(__file__).resolve().parents[1] / "scaleout" / "cluster.py"
PROXY_LIFETIME = 1800


def _stat(pid: int) -> list[str]:
    stat = Path(f"/proc/{pid}/stat").read_text()
    return stat[stat.rindex(")") + 2 :].split()


def postgres_cpu(postmaster: int) -> float:
    """CPU seconds of the PostgreSQL server: the postmaster, the children it reaped, and the
    ones still running (its backends and helpers)."""
    fields = _stat(postmaster)
    total = sum(int(fields[i]) for i in (11, 12, 13, 14))
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            child = _stat(int(entry.name))
        except (OSError, ValueError):
            continue  # gone meanwhile
        if int(child[1]) == postmaster:
            total += int(child[11]) + int(child[12])
    return total / TICKS


def postmaster_of(url: str) -> int:
    """The pid of the postmaster serving ``url``: the parent of a backend of ours."""
    import psycopg

    with psycopg.connect(url, autocommit=True) as connection:
        row = connection.execute("SELECT pg_backend_pid()").fetchone()
        assert row is not None
        return int(_stat(int(row[0]))[1])


def own_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


@dataclass
class Target:
    """A way to serve: its processes, the port clients use, and its identities."""

    name: str
    servers: list[Child]
    port: int
    proxy: Child | None = None
    senders: list[str] | None = None
    conversations: list[str] | None = None

    def prepare(self) -> None:
        """Register the identities (through the first server, which prints their codes) and
        open one conversation per pair."""
        first = self.servers[0]
        run = secrets.token_hex(3)
        self.senders = [_register(first, f"s{i}-{run}") for i in range(SENDERS)]
        recipients = [f"r{i}-{run}" for i in range(SENDERS)]
        for handle in recipients:
            _register(first, handle)
        self.conversations = [
            str(_as(first, key, "POST", "/v1/messages", {
                "client_msg_id": uuid.uuid4().hex, "to": to, "content": {"text": "start"},
            })["conversation_id"])
            for key, to in zip(self.senders, recipients, strict=True)
        ]  # fmt: skip

    def sends(self, answered: dict[str, int]) -> list[list[Wire]]:
        assert self.senders is not None and self.conversations is not None
        per_client = []
        for key, conversation in zip(self.senders, self.conversations, strict=True):
            headers = {"Authorization": f"Bearer {key}", "Content-Type": "application/json"}
            wires: list[Wire] = []
            for _ in range(SENDS // SENDERS):
                body = (
                    f'{{"client_msg_id": "{uuid.uuid4().hex}", "conversation_id": '
                    f'"{conversation}", "content": {{"text": "hello there"}}}}'
                ).encode()
                wires.append(
                    ("POST", "/v1/messages", {**headers, "Idempotency-Key": uuid.uuid4().hex}, body)
                )
                answered[conversation] = answered.get(conversation, 1) + 1
            per_client.append(wires)
        return per_client

    def stored(self) -> dict[str, int]:
        assert self.senders is not None and self.conversations is not None
        return {
            conversation: int(
                _as(self.servers[0], key, "GET", f"/v1/conversations/{conversation}", None)[
                    "last_seq"
                ]  # type: ignore[call-overload]
            )
            for key, conversation in zip(self.senders, self.conversations, strict=True)
        }

    def stop(self) -> None:
        for child in [*self.servers, *([self.proxy] if self.proxy else [])]:
            child.stop()


@dataclass
class Measured:
    rate: float
    p99: float
    servers_cpu: float
    postgres_cpu: float
    proxy_cpu: float
    driver_cpu: float
    wall: float


def measure_round(
    target: Target, answered: dict[str, int], database: Callable[[], float]
) -> Measured:
    per_client = target.sends(answered)
    before = (
        sum(c.cpu() for c in target.servers),
        database(),
        target.proxy.cpu() if target.proxy else 0.0,
        own_cpu(),
    )
    started = time.perf_counter()
    rate, latencies = _round(target.port, per_client)
    wall = time.perf_counter() - started
    after = (
        sum(c.cpu() for c in target.servers),
        database(),
        target.proxy.cpu() if target.proxy else 0.0,
        own_cpu(),
    )
    spent = [b - a for a, b in zip(before, after, strict=True)]
    return Measured(rate, _percentile(latencies, 0.99), *spent, wall)


def _postgres_serve(url: str, secret: str, blobs: str, key: str) -> Child:
    argv = [sys.executable, "-m", "agentkit.cli", "serve", "--port", "0", "--database", url]
    # "--name=value": a generated secret or key may start with "-", which argparse reads as an option.
    argv += [f"--secret-key={secret}", "--blob-dir", blobs, f"--api-key={key}", "--echo-delay", "0"]
    return Child(argv, PORT)


def main() -> int:
    postgres = PostgresForTests(os.environ.get("AGENTKIT_TEST_POSTGRES_URL"))
    targets: list[Target] = []
    try:
        with tempfile.TemporaryDirectory() as scratch:
            sqlite = str(Path(scratch) / "bench.sqlite3")
            argv = [sys.executable, "-m", "agentkit.cli", "serve", "--port", "0", "--db", sqlite]
            server = Child([*argv, "--echo-delay", "0"], PORT)
            targets.append(Target("SQLite, 1 instance", [server], server.port))
            secret = secrets.token_urlsafe(32)
            single = _postgres_serve(
                postgres.new_database(), secret, scratch + "/blobs-1", "ak_" + uuid.uuid4().hex
            )
            targets.append(Target("PostgreSQL, 1 instance", [single], single.port))
            shared, key = postgres.new_database(), "ak_" + uuid.uuid4().hex
            pair = [_postgres_serve(shared, secret, scratch + "/blobs-2", key) for _ in range(2)]
            proxy_argv = [sys.executable, str(PROXY), "--proxy", *(str(c.port) for c in pair)]
            proxy = Child([*proxy_argv, "--lifetime", str(PROXY_LIFETIME)], r"PROXY_PORT=(\d+)")
            targets.append(Target("PostgreSQL, 2 instances", pair, proxy.port, proxy))
            postmaster = postmaster_of(postgres.admin_url)
            return compare(targets, lambda: postgres_cpu(postmaster))
    finally:
        for target in targets:
            target.stop()
        postgres.stop()


def compare(targets: list[Target], database: Callable[[], float]) -> int:
    for target in targets:
        target.prepare()
    answered: dict[str, dict[str, int]] = {t.name: {} for t in targets}
    rounds: dict[str, list[Measured]] = {t.name: [] for t in targets}
    for _ in range(ROUNDS):
        for target in targets:
            rounds[target.name].append(measure_round(target, answered[target.name], database))
    print(
        f"message sends, {SENDERS} concurrent senders (httpx.AsyncClient, one connection each),"
        f" median of {ROUNDS} rounds of {SENDS}, on {CORES} cores:"
    )
    rates: dict[str, float] = {}
    for target in targets:
        measured = rounds[target.name]
        rates[target.name] = statistics.median(m.rate for m in measured)
        p99 = statistics.median(m.p99 for m in measured)
        print(f"  {target.name:<26} {rates[target.name]:7.0f}/s   p99 {p99 * 1e3:7.2f} ms")
    sqlite, single, pair = (rates[t.name] for t in targets)
    postgres_ratio, scale_ratio = single / sqlite, pair / single
    print(f"  PostgreSQL / SQLite = {postgres_ratio:.0%} (target >= {POSTGRES_TARGET:.0%})")
    scale_goal = (
        f"target >= {SCALE_TARGET:g}x"
        if CORES > 2
        else f"not a target on {CORES} cores: every process shares them"
    )
    print(f"  2 instances / 1 instance = {scale_ratio:.2f}x ({scale_goal})")
    print(
        "  where the CPU went, per round (median seconds; share of the round's wall time; rest:"
        f" what the {CORES} cores had left, idle or used by other processes):"
    )
    for target in targets:
        measured = rounds[target.name]
        wall = statistics.median(m.wall for m in measured)
        parts = {
            "servers": statistics.median(m.servers_cpu for m in measured),
            "PostgreSQL": statistics.median(m.postgres_cpu for m in measured),
            "proxy": statistics.median(m.proxy_cpu for m in measured),
            "driver": statistics.median(m.driver_cpu for m in measured),
        }
        parts["rest"] = max(0.0, CORES * wall - sum(parts.values()))
        shown = ", ".join(
            f"{name} {spent:.2f} ({spent / wall:.0%})" for name, spent in parts.items()
        )
        per_send = parts["servers"] / SENDS * 1e3
        print(f"    {target.name:<24} wall {wall:5.2f}: {shown}; servers {per_send:.2f} ms/send")
    durable = all(t.stored() == answered[t.name] for t in targets)
    print(f"  every answered send stored: {'yes' if durable else 'NO'}")
    missed = []
    if postgres_ratio < POSTGRES_TARGET:
        missed.append("PostgreSQL sends/s")
    if CORES > 2 and scale_ratio < SCALE_TARGET:
        missed.append("2-instance scaling")
    if not durable:
        missed.append("durability")
    print("targets met" if not missed else f"targets missed: {', '.join(missed)}")
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())
