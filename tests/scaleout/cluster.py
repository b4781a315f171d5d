"""Several ``agentkit serve`` processes on one PostgreSQL database, behind one loopback address.

``Cluster`` starts N instances (real processes, as production runs them) that share a fresh
database, the secret key, the blob directory and the API key, with a short
``--instance-dead-after``; a ``RoundRobinProxy`` in front hands each new client connection to
the next live instance, so clients see one base URL. ``kill(i)`` SIGKILLs an instance (its
connections break, and new ones go to the others), ``restart(i)`` starts it again on a new
port, ``stop()`` ends every process and the proxy. Every wait is bounded; everything listens
and connects on 127.0.0.1 only.

The instances print one-time codes instead of mailing them: a thread per process reads its
output, and ``last_code`` finds a code whichever instance sent it, so ``Cluster`` stands in
for a ``ReferenceServer`` where a test registers identities (``base_url``, ``api_key``,
``last_code``).

Run as a script (``python tests/scaleout/cluster.py --proxy PORT [PORT ...]``) it is only the
proxy, in front of fixed ports, for a benchmark that keeps the proxy's CPU out of its own.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import os
import re
import secrets
import signal
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from types import TracebackType
from typing import Any, Self

import httpx

HOST = "127.0.0.1"
START_TIMEOUT = 60.0
STOP_TIMEOUT = 10.0
CHUNK = 64 * 1024
# A connection idle this long is closed: realtime clients ping far more often, so only a
# stuck peer is cut.
IDLE_TIMEOUT = 60.0


class RoundRobinProxy:
    """A TCP proxy on a free loopback port: each accepted connection goes to the next live
    upstream, in turn. A connection whose upstream cannot be reached is closed at once (the
    client sees it fail and connects again). The event loop runs in a thread of its own.

    Args:
        upstreams: The upstreams' ports on 127.0.0.1, one slot each; ``None`` is a slot
            that is down.
    """

    def __init__(self, upstreams: list[int | None]) -> None:
        self._slots = list(upstreams)
        self._next = 0
        self._lock = threading.Lock()
        self.port = 0
        self.routed: Counter[int] = Counter()
        """Connections handed to each slot."""
        self.refused = 0
        """Connections closed because their upstream could not be reached, or none was up."""
        self._loop = asyncio.new_event_loop()
        self._thread = threading.Thread(target=self._loop.run_forever, daemon=True)
        self._server: asyncio.Server | None = None
        self._live: dict[int, set[asyncio.StreamWriter]] = {}

    @property
    def url(self) -> str:
        """``http://127.0.0.1:<port>``."""
        return f"http://{HOST}:{self.port}"

    def start(self) -> Self:
        """Listen, and serve from the loop thread."""
        self._thread.start()
        self._server = self._call(asyncio.start_server(self._handle, HOST, 0))
        self.port = self._server.sockets[0].getsockname()[1]
        return self

    def set_upstream(self, slot: int, port: int | None) -> None:
        """Send new connections of ``slot``'s turn to ``port`` (``None``: skip the slot)."""
        with self._lock:
            self._slots[slot] = port

    def cut(self, slot: int) -> None:
        """Abort the open connections going through ``slot`` (both sides)."""
        self._loop.call_soon_threadsafe(self._cut, slot)

    def stop(self) -> None:
        """Close the listener and every connection; join the thread."""
        if self._server is not None:
            server, self._server = self._server, None

            async def shut() -> None:
                server.close()
                for slot in list(self._live):
                    self._cut(slot)
                others = [t for t in asyncio.all_tasks() if t is not asyncio.current_task()]
                for task in others:
                    task.cancel()
                await asyncio.gather(*others, return_exceptions=True)

            with contextlib.suppress(Exception):
                self._call(shut())
        if self._thread.is_alive():
            self._loop.call_soon_threadsafe(self._loop.stop)
            self._thread.join(STOP_TIMEOUT)
        if not self._thread.is_alive():
            self._loop.close()

    def __enter__(self) -> Self:
        return self.start()

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.stop()

    def _call(self, coroutine: Any) -> Any:
        return asyncio.run_coroutine_threadsafe(coroutine, self._loop).result(STOP_TIMEOUT)

    def _pick(self) -> tuple[int, int] | None:
        with self._lock:
            for _ in range(len(self._slots)):
                slot = self._next
                self._next = (self._next + 1) % len(self._slots)
                port = self._slots[slot]
                if port is not None:
                    self.routed[slot] += 1
                    return slot, port
            self.refused += 1
            return None

    def _cut(self, slot: int) -> None:
        for writer in list(self._live.get(slot, ())):
            writer.transport.abort()

    async def _handle(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        picked = self._pick()
        if picked is None:
            writer.transport.abort()
            return
        slot, port = picked
        try:
            up_reader, up_writer = await asyncio.wait_for(
                asyncio.open_connection(HOST, port), IDLE_TIMEOUT
            )
        except (OSError, TimeoutError):
            with self._lock:
                self.refused += 1
            writer.transport.abort()
            return
        live = self._live.setdefault(slot, set())
        live.update((writer, up_writer))
        try:
            pumps = [
                asyncio.create_task(self._pump(reader, up_writer)),
                asyncio.create_task(self._pump(up_reader, writer)),
            ]
            await asyncio.wait(pumps, return_when=asyncio.FIRST_COMPLETED)
            for pump in pumps:
                pump.cancel()
            await asyncio.gather(*pumps, return_exceptions=True)
        finally:
            live.difference_update((writer, up_writer))
            # Either side gone: the other is cut too, as a dead instance's peer would be.
            up_writer.transport.abort()
            writer.transport.abort()

    @staticmethod
    async def _pump(source: asyncio.StreamReader, sink: asyncio.StreamWriter) -> None:
        with contextlib.suppress(OSError, TimeoutError):
            while data := await asyncio.wait_for(source.read(CHUNK), IDLE_TIMEOUT):
                sink.write(data)
                await sink.drain()


class Instance:
    """One ``agentkit serve`` process and everything it printed."""

    def __init__(self, argv: list[str], log: Path) -> None:
        self.lines: list[tuple[float, str]] = []
        """What it printed, each line with the moment it was read (``time.monotonic()``)."""
        self.port = 0
        self._found = threading.Event()
        self._log = log
        with log.open("ab") as errors:
            self.process = subprocess.Popen(
                argv,
                stdout=subprocess.PIPE,
                stderr=errors,
                stdin=subprocess.DEVNULL,
                text=True,
                start_new_session=True,  # its own group: killed with whatever it started
            )
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    def _read(self) -> None:
        assert self.process.stdout is not None
        for line in self.process.stdout:
            self.lines.append((time.monotonic(), line))
            if not self.port and (found := re.search(r"AGENTKIT_BASE_URL=\S+:(\d+)", line)):
                self.port = int(found.group(1))
                self._found.set()
        self._found.set()

    def wait_ready(self, deadline: float) -> None:
        """Wait until the instance answers its health check.

        Raises:
            RuntimeError: It exited, or did not answer before ``deadline`` (monotonic).
        """
        self._found.wait(max(0.0, deadline - time.monotonic()))
        if not self.port:
            printed = "".join(line for _, line in self.lines)
            errors = self._log.read_text(errors="replace") if self._log.exists() else ""
            raise RuntimeError(
                f"agentkit serve did not start: {printed[-2000:]}\nits errors: {errors[-2000:]}"
            )
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError("agentkit serve exited while starting")
            with contextlib.suppress(httpx.HTTPError):
                if httpx.get(f"http://{HOST}:{self.port}/v1/health", timeout=2).is_success:
                    return
            time.sleep(0.05)
        raise RuntimeError("agentkit serve did not answer its health check in time")

    def kill(self) -> None:
        """SIGKILL the process group and reap the process."""
        if self.process.poll() is None:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(self.process.pid, signal.SIGKILL)
        with contextlib.suppress(subprocess.TimeoutExpired):
            self.process.wait(STOP_TIMEOUT)
        self._reader.join(STOP_TIMEOUT)


class Cluster:
    """``size`` instances of ``agentkit serve`` on the database ``database_url``, behind a
    round-robin proxy; a context manager.

    Args:
        database_url: A fresh PostgreSQL database (the instances migrate it as they start).
        size: How many instances.
        dead_after: Their ``--instance-dead-after``, in seconds.
        echo_delay: Their ``--echo-delay``.
        scratch: Where the blob directory and the instances' error logs go (default: a
            temporary directory, deleted by ``stop``).
        serve_options: More options of ``agentkit serve`` for every instance (webhook
            timings, say: ``["--webhook-lease", "3"]``).

    Attributes:
        base_url: The proxy's URL: where clients connect.
        api_key: The development key every instance accepts (one organization).
        secret_key: The secret every instance shares.
        proxy: The round-robin proxy.
        instances: The current process of each slot (``None`` while killed).
    """

    def __init__(
        self,
        database_url: str,
        size: int = 3,
        *,
        dead_after: float = 2.0,
        echo_delay: float = 0.0,
        scratch: Path | None = None,
        serve_options: Sequence[str] = (),
    ) -> None:
        self.database_url = database_url
        self.serve_options = list(serve_options)
        self.size = size
        self.dead_after = dead_after
        self.echo_delay = echo_delay
        self.api_key = "ak_cluster_" + secrets.token_urlsafe(24)
        self.secret_key = secrets.token_urlsafe(32)
        self._tmp = (
            None if scratch is not None else tempfile.TemporaryDirectory(prefix="agentkit-cluster-")
        )
        self.scratch = scratch if scratch is not None else Path(self._tmp.name)  # type: ignore[union-attr]
        self.blob_dir = self.scratch / "blobs"
        self.blob_dir.mkdir(exist_ok=True)
        self.instances: list[Instance | None] = [None] * size
        self._gone: list[Instance] = []
        self.proxy = RoundRobinProxy([None] * size)
        self.base_url = ""

    def __repr__(self) -> str:
        up = sum(instance is not None for instance in self.instances)
        return f"<Cluster {up}/{self.size} up at {self.base_url or '(stopped)'}>"

    def _argv(self) -> list[str]:
        argv = [sys.executable, "-m", "agentkit", "serve", "--host", HOST, "--port", "0"]
        # "--name=value": a generated secret or key may start with "-", which argparse reads as an option.
        argv += ["--database", self.database_url, f"--secret-key={self.secret_key}"]
        argv += ["--blob-dir", str(self.blob_dir), f"--api-key={self.api_key}"]
        argv += ["--instance-dead-after", str(self.dead_after)]
        argv += ["--echo-delay", str(self.echo_delay), "--allow-loopback-urls"]
        return argv + self.serve_options

    def _launch(self, slot: int) -> Instance:
        return Instance(self._argv(), self.scratch / f"instance-{slot}.log")

    def start(self) -> Self:
        """Start every instance (at once) and the proxy; returns when all answer.

        Raises:
            RuntimeError: An instance did not start in time (everything started is stopped).
        """
        try:
            self.proxy.start()
            self.base_url = self.proxy.url
            started = [self._launch(slot) for slot in range(self.size)]
            self.instances = list(started)
            deadline = time.monotonic() + START_TIMEOUT
            for slot, instance in enumerate(started):
                instance.wait_ready(deadline)
                self.proxy.set_upstream(slot, instance.port)
        except BaseException:
            self.stop()
            raise
        return self

    def kill(self, slot: int) -> None:
        """SIGKILL instance ``slot``: new connections go to the others at once, and its open
        connections break."""
        instance = self.instances[slot]
        if instance is None:
            raise RuntimeError(f"instance {slot} is not running")
        self.proxy.set_upstream(slot, None)
        instance.kill()
        self.proxy.cut(slot)
        self.instances[slot] = None
        self._gone.append(instance)

    def restart(self, slot: int) -> None:
        """Start instance ``slot`` again (a new process on a new port) and route to it once it
        answers.

        Raises:
            RuntimeError: It is running, or did not start in time.
        """
        if self.instances[slot] is not None:
            raise RuntimeError(f"instance {slot} is running")
        instance = self._launch(slot)
        self.instances[slot] = instance
        instance.wait_ready(time.monotonic() + START_TIMEOUT)
        self.proxy.set_upstream(slot, instance.port)

    def pid_of(self, slot: int) -> int:
        """The process id of instance ``slot``."""
        instance = self.instances[slot]
        if instance is None:
            raise RuntimeError(f"instance {slot} is not running")
        return instance.process.pid

    def pids(self) -> list[int]:
        """The process ids of every instance started so far, killed ones included."""
        return [i.process.pid for i in (*self._gone, *self.instances) if i is not None]

    def url_of(self, slot: int) -> str:
        """The URL of instance ``slot`` itself, bypassing the proxy."""
        instance = self.instances[slot]
        if instance is None:
            raise RuntimeError(f"instance {slot} is not running")
        return f"http://{HOST}:{instance.port}"

    def last_code(self, email: str, purpose: str | None = None, timeout: float = 5.0) -> str | None:
        """The newest one-time code any instance printed for ``email``, waiting ``timeout``
        seconds at most for one (``purpose`` is taken for ``ReferenceServer``'s signature;
        the printed line does not show it). A request retried onto another instance may have
        sent a second code: the newest, by when it was read, is the one that counts."""
        # The code ends the line; the handle before it may hold six digits of its own.
        pattern = re.compile(rf"\[outbox\] to {re.escape(email)}: .*\b(\d{{6}})\b")
        deadline = time.monotonic() + timeout
        while True:
            everyone = [*self._gone, *(i for i in self.instances if i is not None)]
            codes = [
                (moment, found.group(1))
                for instance in everyone
                for moment, line in list(instance.lines)
                if (found := pattern.search(line))
            ]
            if codes or time.monotonic() >= deadline:
                return max(codes)[1] if codes else None
            time.sleep(0.02)

    def stop(self) -> None:
        """SIGKILL every instance this started and stop the proxy; safe to call twice."""
        for slot, instance in enumerate(self.instances):
            if instance is not None:
                instance.kill()
                self._gone.append(instance)
                self.instances[slot] = None
        self.proxy.stop()
        if self._tmp is not None:
            self._tmp.cleanup()
            self._tmp = None

    def __enter__(self) -> Self:
        return self.start()

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.stop()


def _serve_proxy(ports: list[int], lifetime: float) -> None:
    """Only the proxy, in front of fixed ports, until SIGTERM or ``lifetime`` seconds."""
    stopped = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stopped.set())
    upstreams: list[int | None] = list(ports)
    with RoundRobinProxy(upstreams) as proxy:
        print(f"PROXY_PORT={proxy.port}", flush=True)
        deadline = time.monotonic() + lifetime
        while not stopped.wait(0.5) and time.monotonic() < deadline:
            pass


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--proxy", type=int, nargs="+", required=True, metavar="PORT")
    parser.add_argument("--lifetime", type=float, default=3600.0, help="seconds, at most")
    options = parser.parse_args()
    _serve_proxy(options.proxy, options.lifetime)
