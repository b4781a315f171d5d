"""Rate limits counted in the store: server instances on one database together allow a key (or
an address asking for codes) what one server allows it."""

from __future__ import annotations

import threading
from typing import Any

import pytest

from agentkit import AgentKit
from agentkit._http import httpx
from agentkit.server.core.postgres import PostgresDatabase
from agentkit.server.core.store import StoreFailure
from agentkit.server.messaging.codes import CODES_PER_HOUR
from agentkit.server.store import SQLiteStore
from tests.integration.messaging import unique_handle
from tests.store.conftest import OpenDatabase, open_database

from .conftest import StartInstances

__all__ = ["open_database"]


class TestSlotsInTheStore:
    def test_a_burst_of_the_limit_then_one_slot_each_interval(
        self, open_database: OpenDatabase
    ) -> None:
        """Three slots a minute: three at once, the fourth refused until 20 s later; a name
        idle for a minute has every slot again, and is purged."""
        store = SQLiteStore(open_database())
        t = 1_000_000.0
        assert [store.take_rate_slot("k", 3, 60.0, t)[0] for _ in range(3)] == [True] * 3
        assert store.take_rate_slot("k", 3, 60.0, t) == (False, t + 60.0)
        assert store.take_rate_slot("k", 3, 60.0, t + 19.0)[0] is False
        assert store.take_rate_slot("k", 3, 60.0, t + 20.0) == (True, t + 80.0)
        assert store.take_rate_slot("other", 3, 60.0, t + 20.0) == (True, t + 40.0)
        assert [store.take_rate_slot("k", 3, 60.0, t + 200.0)[0] for _ in range(4)] == [
            True,
            True,
            True,
            False,
        ]
        assert store.purge_rate_limits(t + 100.0) == 1  # "other", full again at t + 40
        assert store.take_rate_slot("k", 3, 60.0, t + 200.0)[0] is False

    def test_two_stores_taking_slots_at_once_take_the_limit_in_all(
        self, open_database: OpenDatabase
    ) -> None:
        """Two connections (as two instances have) race for one name's 25 slots from four
        threads: exactly 25 are taken."""
        stores = [SQLiteStore(open_database()), SQLiteStore(open_database())]
        taken: list[bool] = []
        lock = threading.Lock()
        start = threading.Barrier(4)

        def take(store: SQLiteStore) -> None:
            start.wait()
            for _ in range(20):
                got, _ = store.take_rate_slot("shared", 25, 3600.0, 1_000_000.0)
                with lock:
                    taken.append(got)

        threads = [threading.Thread(target=take, args=(stores[n % 2],)) for n in range(4)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=60)
        assert len(taken) == 80
        assert taken.count(True) == 25

    def test_a_lost_limits_connection_fails_one_slot_then_connects_again(
        self, postgres_url: str
    ) -> None:
        """The limits' own connection is cut (the database restarted, say): that slot fails
        as a store failure, and the next connects again and counts on."""
        import psycopg

        store = SQLiteStore(PostgresDatabase(postgres_url))
        try:
            t = 1_000_000.0
            assert store.take_rate_slot("k", 3, 60.0, t)[0] is True
            with psycopg.connect(postgres_url, autocommit=True) as admin:
                cut = admin.execute(
                    "SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
                    " WHERE application_name LIKE %s",
                    ("%-limits",),
                ).fetchall()
            assert cut == [(True,)]
            with pytest.raises(StoreFailure):
                store.take_rate_slot("k", 3, 60.0, t)
            assert [store.take_rate_slot("k", 3, 60.0, t)[0] for _ in range(3)] == [
                True,
                True,
                False,
            ]
        finally:
            store.close()


def _register(server: Any) -> tuple[str, str, str]:
    """An identity registered on ``server``: (handle, email, key)."""
    handle = unique_handle("limits")
    email = f"{handle}@example.test"
    with AgentKit(base_url=server.base_url, api_key="") as anonymous:
        pending = anonymous.identity.register(email=email, handle=handle, display_name="Limits")
        code = server.last_code(email, "register")
        made = anonymous.identity.verify(pending.pending_id, code)
    return handle, email, made.api_key


def test_a_key_s_requests_over_two_instances_share_one_limit(
    start_instances: StartInstances,
) -> None:
    """Six requests a minute, sent alternately through two instances: the seventh is refused
    by either instance, with Retry-After; another key still passes."""
    one, two = start_instances(2, rate_limit_per_minute=6)
    key, other = one.create_api_key(), two.create_api_key()
    statuses = []
    for n in range(8):
        server = (one, two)[n % 2]
        answer = httpx.get(
            f"{server.base_url}/v1/agents", headers={"Authorization": f"Bearer {key}"}
        )
        statuses.append(answer.status_code)
        if answer.status_code == 429:
            assert answer.json()["error"]["code"] == "RATE_LIMITED"
            assert 1 <= int(answer.headers["retry-after"]) <= 10
    assert statuses == [200] * 6 + [429, 429]
    for server in (one, two):
        fresh = httpx.get(
            f"{server.base_url}/v1/agents", headers={"Authorization": f"Bearer {other}"}
        )
        assert fresh.status_code == 200


def test_concurrent_requests_through_two_instances_pass_the_limit_once(
    start_instances: StartInstances,
) -> None:
    """Ten requests a minute, 32 sent at once from four threads through two instances: ten
    pass, the rest are refused."""
    one, two = start_instances(2, rate_limit_per_minute=10)
    key = one.create_api_key()
    statuses: list[int] = []
    lock = threading.Lock()
    start = threading.Barrier(4)

    def hammer(base_url: str) -> None:
        start.wait()
        with httpx.Client(headers={"Authorization": f"Bearer {key}"}) as http:
            for _ in range(8):
                status = http.get(f"{base_url}/v1/agents").status_code
                with lock:
                    statuses.append(status)

    threads = [threading.Thread(target=hammer, args=(s.base_url,)) for s in (one, two, one, two)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert len(statuses) == 32
    assert statuses.count(200) == 10
    assert statuses.count(429) == 22


def test_codes_to_one_address_through_two_instances_share_one_throttle(
    start_instances: StartInstances,
) -> None:
    """Recovery codes asked for one address through both instances in turn: together they send
    CODES_PER_HOUR codes (one went at registration), not that many each."""
    one, two = start_instances(2)
    _, email, _ = _register(one)
    for n in range(2 * CODES_PER_HOUR):
        server = (one, two)[n % 2]
        with AgentKit(base_url=server.base_url, api_key="") as anonymous:
            anonymous.identity.recover(email)
    sent = [m for server in (one, two) for m in server.outbox if m.to == email]
    assert len(sent) == CODES_PER_HOUR
    assert {m.to for m in two.outbox if m.to == email} == {email}  # the second sent some too
