"""This server instance among the instances that share one PostgreSQL database.

Instances work together through the database alone:

* **Liveness.** Each instance has an id and writes a heartbeat every ``dead_after / 4`` seconds
  (from a thread of its own, on a connection of its own, so a busy event loop does not make
  it look dead). One silent for ``dead_after`` seconds is dead; one that stops cleanly says
  so at once.
* **Notifications.** ``notify`` sends a PostgreSQL ``NOTIFY`` within the open transaction, so
  it goes out when the writes it tells of are committed, and never for a rolled-back one. The
  same thread ``LISTEN``\\ s and hands each notification to the handler of its channel, on the
  event loop. Notifications are not durable: after the listening connection is lost and made
  again, every handler is called with ``None``, to read from the store whatever it missed.
  A channel whose writers tell their own instance directly drops this instance's own
  notifications in the listening thread, before they cost the event loop anything.
* **Sweeping.** Every ``dead_after / 2`` seconds the sweepers run on the event loop with the set
  of live instances, to take over what dead ones left (a turn they were running).

A server on SQLite is one instance and has no ``Cluster``.
"""

from __future__ import annotations

import asyncio
import logging
import secrets
import threading
import time
from collections.abc import Callable
from typing import Any

from .postgres import PostgresDatabase
from .store import ClusterStore

__all__ = ["Cluster", "Sweeper"]

logger = logging.getLogger("agentkit.server")

#: Runs on the event loop with the ids of the live instances (this one included).
Sweeper = Callable[[set[str]], None]
#: Gets a notification's payload, or ``None`` when notifications may have been missed.
Handler = Callable[[str | None], None]

_RECONNECT_WAIT = 1.0


class Cluster:
    """This instance's id, heartbeat, notifications and sweeps.

    Args:
        store: The store, for liveness and sweeps (used on the event loop's thread).
        database: The store's database: notifications go out in its transaction, and the
            listening thread opens a connection of its own to it.
        dead_after: Seconds of silence after which an instance counts as dead.
    """

    def __init__(self, store: ClusterStore, database: PostgresDatabase, dead_after: float) -> None:
        self.id = "ins_" + secrets.token_hex(8)
        self._store = store
        self._database = database
        self._url = database.url
        # Each connection says whose it is, for an operator reading pg_stat_activity.
        database.name(f"agentkit {self.id}")
        self._dead_after = dead_after
        self._handlers: dict[str, Handler] = {}
        self._others_only: set[str] = set()
        self._sweepers: list[Sweeper] = []
        self._loop: asyncio.AbstractEventLoop | None = None
        self._stopping = threading.Event()
        self._thread: threading.Thread | None = None
        self._live: frozenset[str] = frozenset({self.id})
        self._live_read = 0.0

    def __repr__(self) -> str:
        return f"<Cluster instance {self.id}>"

    # ------------------------------------------------------------------ set-up
    def on(self, channel: str, handler: Handler, *, from_self: bool = True) -> None:
        """Call ``handler`` on the event loop with each notification on ``channel`` (with
        ``from_self=False``, only those other instances sent)."""
        self._handlers[channel] = handler
        if from_self:
            self._others_only.discard(channel)
        else:
            self._others_only.add(channel)

    def add_sweeper(self, sweeper: Sweeper) -> None:
        """Run ``sweeper`` on the event loop now and then, with the live instances."""
        self._sweepers.append(sweeper)

    def start(self) -> None:
        """Announce this instance and start listening (before serving)."""
        self._store.beat_instance(self.id, time.time())
        self._thread = threading.Thread(target=self._run, name="agentkit-cluster", daemon=True)
        self._thread.start()

    def notify(self, channel: str, payload: str) -> None:
        """Tell every instance (this one too) ``payload`` on ``channel``, once the writes made
        so far are committed."""
        self._database.notify(channel, payload)

    def bind(self, loop: asyncio.AbstractEventLoop) -> None:
        """The event loop requests are served on, where handlers and sweepers run."""
        if self._loop is None:
            self._loop = loop

    def stop(self) -> None:
        """Stop listening and say this instance is gone."""
        self._stopping.set()
        if self._thread is not None:
            self._thread.join(timeout=5)
            self._thread = None
        try:
            self._store.forget_instance(self.id)
        except Exception:  # the store may be closed already; the heartbeat then runs out
            logger.warning("could not say instance %s stopped", self.id)

    # ------------------------------------------------------------------ liveness
    def alive(self, instance_id: str) -> bool:
        """Whether the instance is alive (this one always is), as of a second ago at most."""
        if instance_id == self.id:
            return True
        moment = time.monotonic()
        if moment - self._live_read > 1.0:
            self._refresh_live()
        return instance_id in self._live

    def _refresh_live(self) -> frozenset[str]:
        found = self._store.live_instances(time.time() - self._dead_after)
        self._live = frozenset(found | {self.id})
        self._live_read = time.monotonic()
        return self._live

    # ------------------------------------------------------------------ the thread
    def _run(self) -> None:
        import psycopg

        lost = False
        while not self._stopping.is_set():
            try:
                with psycopg.connect(
                    self._url, autocommit=True, application_name=f"agentkit-listener {self.id}"
                ) as connection:
                    for channel in self._handlers:
                        connection.execute(f'LISTEN "{channel}"')  # names are our own
                    if lost:
                        self._dispatch_all(None)
                    self._serve(connection)
            except Exception as exc:  # the database went away: listen again once it is back
                if self._stopping.is_set():
                    return
                logger.warning("instance %s lost its listening connection: %s", self.id, exc)
                lost = True
                self._stopping.wait(_RECONNECT_WAIT)

    def _serve(self, connection: Any) -> None:
        beat_every = self._dead_after / 4
        sweep_every = self._dead_after / 2
        next_beat = time.monotonic()  # at once: a new connection may follow a long gap
        next_sweep = time.monotonic() + sweep_every
        while not self._stopping.is_set():
            wait = max(0.0, min(next_beat, next_sweep) - time.monotonic())
            for note in connection.notifies(timeout=min(wait, 0.5)):
                if note.channel in self._others_only and note.pid == self._database.backend_pid:
                    continue
                self._dispatch(note.channel, note.payload)
            moment = time.monotonic()
            if moment >= next_beat:
                connection.execute(
                    "UPDATE instances SET heartbeat = %s WHERE id = %s", (time.time(), self.id)
                )
                next_beat = moment + beat_every
            if moment >= next_sweep:
                self._call_soon(self._sweep)
                next_sweep = moment + sweep_every

    def _call_soon(self, callback: Callable[..., None], *args: Any) -> None:
        loop = self._loop
        if loop is None or loop.is_closed():
            return  # not serving yet: nothing listens here, and others sweep
        try:
            loop.call_soon_threadsafe(callback, *args)
        except RuntimeError:  # the loop closed meanwhile
            pass

    def _dispatch(self, channel: str, payload: str | None) -> None:
        handler = self._handlers.get(channel)
        if handler is not None:
            self._call_soon(self._guarded, handler, payload)

    def _dispatch_all(self, payload: None) -> None:
        for channel in self._handlers:
            self._dispatch(channel, payload)

    @staticmethod
    def _guarded(handler: Handler, payload: str | None) -> None:
        try:
            handler(payload)
        except Exception:  # one bad notification must not stop the others
            logger.exception("a notification handler failed")

    def _sweep(self) -> None:
        try:
            live = set(self._refresh_live())
            for sweeper in self._sweepers:
                sweeper(live)
        except Exception:  # the next sweep tries again
            logger.exception("instance %s could not sweep", self.id)
