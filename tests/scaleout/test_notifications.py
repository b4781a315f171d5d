"""Notifications between instances: what a channel's handler is given."""

from __future__ import annotations

import asyncio
import threading
import time
from collections.abc import Iterator

import pytest

from agentkit.server.core.cluster import Cluster
from agentkit.server.core.postgres import PostgresDatabase
from agentkit.server.store import SQLiteStore


@pytest.fixture
def loop() -> Iterator[asyncio.AbstractEventLoop]:
    running = asyncio.new_event_loop()
    thread = threading.Thread(target=running.run_forever, daemon=True)
    thread.start()
    try:
        yield running
    finally:
        running.call_soon_threadsafe(running.stop)
        thread.join(timeout=5)
        running.close()


def test_a_channel_for_others_only_never_hears_its_own_instance(
    postgres_url: str, loop: asyncio.AbstractEventLoop
) -> None:
    """Writers that tell their own instance directly mark their channel ``from_self=False``:
    their own notifications are dropped before the event loop, other instances' arrive."""
    database, other = PostgresDatabase(postgres_url), PostgresDatabase(postgres_url)
    store = SQLiteStore(database)
    cluster = Cluster(store, database, dead_after=2.0)
    heard: dict[str, list[str | None]] = {"others_only": [], "everyone": []}
    cluster.on("others_only", heard["others_only"].append, from_self=False)
    cluster.on("everyone", heard["everyone"].append)
    cluster.bind(loop)
    cluster.start()
    try:
        deadline = time.monotonic() + 10
        while "ping" not in heard["everyone"] and time.monotonic() < deadline:
            other.notify("everyone", "ping")  # until the listening thread has said LISTEN
            time.sleep(0.05)
        time.sleep(0.2)
        heard["everyone"].clear()
        database.notify("others_only", "mine")
        database.notify("everyone", "mine")
        other.notify("others_only", "theirs")
        other.notify("everyone", "theirs")
        deadline = time.monotonic() + 5
        while len(heard["everyone"]) < 2 and time.monotonic() < deadline:
            time.sleep(0.02)
        time.sleep(0.2)  # anything else on its way arrives too
        assert heard["others_only"] == ["theirs"]
        assert sorted(map(str, heard["everyone"])) == ["mine", "theirs"]
    finally:
        cluster.stop()
        store.close()
        other.close()
