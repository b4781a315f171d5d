"""A websocket proxy that injects faults frame by frame, for the realtime chaos tests.

It accepts websocket connections on a free loopback port and opens one to the upstream URL for
each, then moves messages both ways. While faults are on, each ``message.new`` going down may be
dropped, delayed or swapped with the next one, each ``ack`` going up may be dropped, and after
any frame the connection may be killed (its TCP transport aborted, so the client sees a close
without a close frame). Hellos and everything else pass untouched. Randomness is seeded; every
connection and wait is bounded, and ``stop()`` closes everything and joins the thread.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import random
import threading
from collections import Counter
from dataclasses import dataclass
from types import TracebackType
from typing import Any, Self

from websockets.asyncio.client import connect
from websockets.asyncio.server import Server, ServerConnection, serve
from websockets.exceptions import ConnectionClosed


@dataclass(frozen=True)
class FrameFaults:
    """Probabilities of each fault, per frame it may apply to."""

    drop: float = 0.03
    delay: float = 0.05
    max_delay: float = 0.02
    reorder: float = 0.05
    drop_ack: float = 0.05
    kill: float = 0.004


def _kind(text: str | bytes) -> str:
    if not isinstance(text, str) or '"type"' not in text:
        return ""
    try:
        frame = json.loads(text)
    except ValueError:
        return ""
    return str(frame.get("type", "")) if isinstance(frame, dict) else ""


class FrameFaultProxy:
    """Forward websockets to ``upstream`` with faults; ``url`` is where to connect."""

    def __init__(self, upstream: str, faults: FrameFaults, *, seed: int = 0) -> None:
        self._upstream = upstream
        self.faults = faults
        self.faulty = True
        self._random = random.Random(seed)
        self._loop = asyncio.new_event_loop()
        self._thread = threading.Thread(target=self._loop.run_forever, daemon=True)
        self._server: Server | None = None
        self._live: set[ServerConnection] = set()
        self.counts: Counter[str] = Counter()
        self.url = ""

    def start(self) -> Self:
        self._thread.start()

        async def listen() -> Server:
            return await serve(self._serve, "127.0.0.1", 0, max_size=1 << 20)

        self._server = self._call(listen())
        port = next(iter(self._server.sockets)).getsockname()[1]
        self.url = f"ws://127.0.0.1:{port}/v1/realtime"
        return self

    def calm(self) -> None:
        """Stop injecting faults (connections already open stay)."""
        self.faulty = False

    def kill_all(self) -> None:
        """Abort every open connection."""
        self._loop.call_soon_threadsafe(self._kill_all)

    def stop(self) -> None:
        """Close the listener and every connection; join the thread."""
        if self._server is not None:
            server = self._server
            self._server = None

            async def shut() -> None:
                self._kill_all()
                server.close()
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(server.wait_closed(), 5)
                # Nothing may outlive the loop: a coroutine finalized after it fails.
                others = [t for t in asyncio.all_tasks() if t is not asyncio.current_task()]
                for task in others:
                    task.cancel()
                await asyncio.gather(*others, return_exceptions=True)

            self._call(shut())
        self._loop.call_soon_threadsafe(self._loop.stop)
        self._thread.join(5)
        self._loop.close()

    def __enter__(self) -> Self:
        return self.start()

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.stop()

    def _call(self, coroutine: Any) -> Any:
        return asyncio.run_coroutine_threadsafe(coroutine, self._loop).result(10)

    def _kill_all(self) -> None:
        live = list(self._live)
        if self.faulty:  # a kill while faults are injected is one of them
            self.counts["killed"] += len(live)
        for connection in live:
            connection.transport.abort()

    def _chance(self, probability: float) -> bool:
        return self.faulty and self._random.random() < probability

    async def _serve(self, client: ServerConnection) -> None:
        self._live.add(client)
        self.counts["connections"] += 1
        try:
            async with connect(self._upstream, open_timeout=5, max_size=1 << 20) as upstream:
                tasks = [
                    asyncio.create_task(self._up(client, upstream)),
                    asyncio.create_task(self._down(upstream, client)),
                ]
                await asyncio.wait(tasks, return_when=asyncio.FIRST_COMPLETED)
                for task in tasks:
                    task.cancel()
                await asyncio.gather(*tasks, return_exceptions=True)
        except (OSError, ConnectionClosed, TimeoutError):
            pass
        finally:
            self._live.discard(client)
            client.transport.abort()

    async def _up(self, client: ServerConnection, upstream: Any) -> None:
        with contextlib.suppress(ConnectionClosed):
            async for text in client:
                if _kind(text) == "ack" and self._chance(self.faults.drop_ack):
                    self.counts["acks dropped"] += 1
                    continue
                await upstream.send(text)

    async def _down(self, upstream: Any, client: ServerConnection) -> None:
        faults = self.faults
        held: str | bytes | None = None
        with contextlib.suppress(ConnectionClosed):
            async for text in upstream:
                if _kind(text) == "message.new":
                    if self._chance(faults.drop):
                        self.counts["dropped"] += 1
                        continue
                    if self._chance(faults.delay):
                        self.counts["delayed"] += 1
                        await asyncio.sleep(self._random.random() * faults.max_delay)
                    if held is None and self._chance(faults.reorder):
                        held = text
                        self.counts["reordered"] += 1
                        continue
                await client.send(text)
                if held is not None:
                    await client.send(held)
                    held = None
                if self._chance(faults.kill):
                    self.counts["killed"] += 1
                    client.transport.abort()
                    return
