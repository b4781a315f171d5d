"""Webhook deliveries across server instances on one database: each is sent once, by the
instance holding its lease, and one a dead instance held is sent by another."""

from __future__ import annotations

import asyncio
import threading
import time
from collections import Counter
from collections.abc import Iterator
from typing import Any

import pytest
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from agentkit import AgentKit
from agentkit.server.core.migrations import Versioned, migrate, schema_versions
from agentkit.server.store import SQLiteStore
from agentkit.server.webhooks.sqlite import WebhookTables
from tests.integration.messaging import unique_handle
from tests.loopback import LoopbackApp
from tests.store.conftest import OpenDatabase, open_database

from .conftest import SpawnInstance, StartInstances

__all__ = ["open_database"]

# The webhook tables as they stood before leases (schema version 1).
_BEFORE_LEASES = WebhookTables.SCHEMA.replace(", lease_until REAL", "")


def _delivery(number: int, due: float) -> dict[str, Any]:
    return {
        "id": f"whd_{number:04d}",
        "owner": "org_owner",
        "endpoint_id": "whe_one",
        "event_id": f"evt_{number:04d}",
        "event_type": "message.new",
        "body": "{}",
        "next_attempt": due,
        "created_at": "2026-01-01T00:00:00Z",
    }


def _endpoint() -> dict[str, Any]:
    return {"id": "whe_one", "enabled": True, "consecutive_failures": 0, "url": "http://x"}


class TestLeasesInTheStore:
    def test_two_stores_claiming_at_once_take_each_delivery_once(
        self, open_database: OpenDatabase
    ) -> None:
        """Two connections claiming due deliveries from threads at once: every delivery is
        taken exactly once, none twice."""
        first, second = SQLiteStore(open_database()), SQLiteStore(open_database())
        moment = time.time()
        first.queue_webhook_deliveries([_delivery(n, moment - 1) for n in range(60)])
        taken: list[list[str]] = [[], []]
        start = threading.Barrier(2)

        def claim(store: SQLiteStore, into: list[str]) -> None:
            start.wait()
            deadline = time.monotonic() + 30
            while time.monotonic() < deadline:
                got = store.claim_webhook_deliveries(time.time(), 2, time.time() + 60)
                if not got:
                    return
                into.extend(d["id"] for d in got)
                # As a task sends between rounds: one store alone would need 0.3 s or more for
                # all, so the other, however late it starts, takes its share.
                time.sleep(0.01)

        threads = [
            threading.Thread(target=claim, args=(store, into))
            for store, into in zip((first, second), taken, strict=True)
        ]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=60)
        everything = taken[0] + taken[1]
        assert sorted(everything) == [f"whd_{n:04d}" for n in range(60)]
        assert taken[0] and taken[1]

    def test_a_claim_takes_at_most_its_limit_oldest_due_first(
        self, open_database: OpenDatabase
    ) -> None:
        """Ten due deliveries, claims of two: two each time, in order of their due time."""
        store = SQLiteStore(open_database())
        t = 1_000_000.0
        store.queue_webhook_deliveries([_delivery(n, t - n) for n in range(10)])
        rounds = [store.claim_webhook_deliveries(t, 2, t + 60) for _ in range(6)]
        assert [[d["id"] for d in got] for got in rounds] == [
            ["whd_0009", "whd_0008"],
            ["whd_0007", "whd_0006"],
            ["whd_0005", "whd_0004"],
            ["whd_0003", "whd_0002"],
            ["whd_0001", "whd_0000"],
            [],
        ]

    def test_an_expired_lease_is_taken_by_another_and_the_old_holder_records_nothing(
        self, open_database: OpenDatabase
    ) -> None:
        """A delivery is not due while leased; once the lease runs out another store takes
        it; the first holder's late result is refused, the new holder's recorded."""
        first, second = SQLiteStore(open_database()), SQLiteStore(open_database())
        first.insert_webhook_endpoint("org_owner", _endpoint(), "sealed")
        t = 1_000_000.0
        first.queue_webhook_deliveries([_delivery(1, t)])
        [held] = first.claim_webhook_deliveries(t, 5, t + 10)
        assert held["lease_until"] == t + 10
        assert second.claim_webhook_deliveries(t + 5, 5, t + 15) == []
        assert second.next_webhook_due() == t + 10
        [taken] = second.claim_webhook_deliveries(t + 11, 5, t + 21)
        assert taken["id"] == held["id"]
        attempt = {"started_at": "2026-01-01T00:00:01Z", "status_code": 200}
        record = {"succeeded": True, "next_attempt": None, "disable_after": 5}
        late = first.record_webhook_attempt(
            "org_owner", held["id"], attempt, **record, lease_until=t + 10
        )
        assert late is None
        stored = second.webhook_delivery("org_owner", "whe_one", held["id"])
        assert stored is not None and (stored["status"], stored["attempt_count"]) == ("pending", 0)
        assert (
            second.record_webhook_attempt(
                "org_owner", held["id"], attempt, **record, lease_until=t + 21
            )
            is not None
        )
        stored = second.webhook_delivery("org_owner", "whe_one", held["id"])
        assert stored is not None and (stored["status"], stored["attempt_count"]) == (
            "succeeded",
            1,
        )

    def test_a_failed_attempt_releases_the_lease_for_its_retry(
        self, open_database: OpenDatabase
    ) -> None:
        """A recorded failure leaves the delivery due at its retry time, for any store."""
        first, second = SQLiteStore(open_database()), SQLiteStore(open_database())
        first.insert_webhook_endpoint("org_owner", _endpoint(), "sealed")
        t = 1_000_000.0
        first.queue_webhook_deliveries([_delivery(1, t)])
        [held] = first.claim_webhook_deliveries(t, 5, t + 60)
        attempt = {"started_at": "2026-01-01T00:00:01Z", "status_code": 500}
        first.record_webhook_attempt(
            "org_owner",
            held["id"],
            attempt,
            succeeded=False,
            next_attempt=t + 2,
            disable_after=5,
            lease_until=t + 60,
        )
        assert second.next_webhook_due() == t + 2
        [again] = second.claim_webhook_deliveries(t + 2, 5, t + 62)
        assert (again["id"], again["run_attempts"]) == (held["id"], 1)


def test_a_database_from_before_leases_is_migrated_and_keeps_its_deliveries(
    open_database: OpenDatabase,
) -> None:
    """Webhook tables at version 1 (no leases) are brought to version 2 on open: their pending
    delivery is kept, and taken with a lease."""
    database = open_database()
    migrate(database, [Versioned("webhook", _BEFORE_LEASES, (), None)])
    assert schema_versions(database)["webhook"] == 1
    database.run(
        "INSERT INTO webhook_deliveries (id, owner, endpoint_id, event_id, event_type, body,"
        " status, next_attempt, created_at, updated_at)"
        " VALUES ('whd_old', 'org_owner', 'whe_one', 'evt_old', 'message.new', '{}', 'pending',"
        " 5.0, 'then', 'then')"
    )
    store = SQLiteStore(database)
    assert schema_versions(database)["webhook"] == 2
    [kept] = store.claim_webhook_deliveries(10.0, 5, 70.0)
    assert (kept["id"], kept["event_id"], kept["lease_until"]) == ("whd_old", "evt_old", 70.0)
    assert store.claim_webhook_deliveries(11.0, 5, 71.0) == []


class _CountingReceiver:
    """Counts the requests for each webhook id; the first request of ``hold_first`` is held
    that many seconds before it is answered (a receiver that hangs)."""

    def __init__(self, delay: float = 0.0, hold_first: float = 0.0) -> None:
        self.counts: Counter[str] = Counter()
        self._delay = delay
        self._hold = hold_first
        self._lock = threading.Lock()
        self._app = LoopbackApp(Starlette(routes=[Route("/hook", self._handle, methods=["POST"])]))

    async def _handle(self, request: Request) -> Response:
        await request.body()
        with self._lock:
            self.counts[request.headers["webhook-id"]] += 1
            first = sum(self.counts.values()) == 1
        await asyncio.sleep(self._hold if first and self._hold else self._delay)
        return Response(status_code=200)

    @property
    def url(self) -> str:
        return f"{self._app.origin}/hook"

    def wait_for(self, total: int, timeout: float) -> None:
        deadline = time.monotonic() + timeout
        while sum(self.counts.values()) < total:
            assert time.monotonic() < deadline, f"{sum(self.counts.values())} of {total} arrived"
            time.sleep(0.02)

    def __enter__(self) -> _CountingReceiver:
        self._app.__enter__()
        return self

    def __exit__(self, *exc_info: object) -> None:
        self._app.__exit__(*exc_info)


def _register(server: Any, base_url: str | None = None) -> tuple[str, str]:
    """An identity registered on ``server``; its (handle, key)."""
    handle = unique_handle("hooks")
    email = f"{handle}@example.test"
    with AgentKit(base_url=base_url or server.base_url, api_key="") as anonymous:
        pending = anonymous.identity.register(email=email, handle=handle, display_name="Hooks")
        code = server.last_code(email, "register")
        made = anonymous.identity.verify(pending.pending_id, code)
    return handle, made.api_key


@pytest.fixture
def receiver() -> Iterator[_CountingReceiver]:
    with _CountingReceiver(delay=0.02) as running:
        yield running


FAST = {"webhook_retry_base": 0.05, "webhook_retry_max": 0.2, "webhook_timeout": 5.0}


def test_two_instances_deliver_every_event_exactly_once(
    start_instances: StartInstances, receiver: _CountingReceiver
) -> None:
    """Events sent through two instances at once: each delivered once, none twice, though
    both instances' tasks take due deliveries from the same table."""
    one, two = start_instances(2, webhook_concurrency=4, **FAST)
    _, alice_key = _register(one)
    bob, bob_key = _register(two)
    clients = [AgentKit(base_url=s.base_url, api_key=alice_key) for s in (one, two)]
    with AgentKit(base_url=two.base_url, api_key=bob_key) as hooked:
        made = hooked.webhooks.create(url=receiver.url, event_types=["message.new"])
        conversation = clients[0].messages.send("first", to=bob).conversation_id
        sends = 40

        def send_through(client: AgentKit, numbers: range) -> None:
            for n in numbers:
                client.messages.send(f"m{n}", conversation_id=conversation)

        threads = [
            threading.Thread(target=send_through, args=(client, range(k, sends, 2)))
            for k, client in enumerate(clients)
        ]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=60)
        receiver.wait_for(sends + 1, timeout=30)
        time.sleep(1.5)  # past an idle poll of both tasks: a second send would show now
        assert len(receiver.counts) == sends + 1
        assert set(receiver.counts.values()) == {1}
        deliveries = list(hooked.webhooks.deliveries(made.endpoint.id))
        assert len(deliveries) == sends + 1
        assert all(d.attempt_count == 1 for d in deliveries)
    for client in clients:
        client.close()


def test_a_delivery_held_by_a_killed_instance_is_sent_by_another(
    start_instances: StartInstances, spawn_instance: SpawnInstance
) -> None:
    """An instance is SIGKILLed while its attempt hangs on a slow receiver: once the lease runs
    out, the other instance sends the delivery (same webhook id), and records it."""
    lease = {"webhook_lease": 3.0, "webhook_timeout": 2.5}
    [survivor] = start_instances(1, **lease)
    doomed = spawn_instance(**lease)
    with _CountingReceiver(hold_first=30.0) as slow:
        _, alice_key = _register(survivor)
        bob, bob_key = _register(survivor)
        # Everything goes through the doomed instance, whose task alone is running.
        with AgentKit(base_url=doomed.base_url, api_key=bob_key) as hooked:
            endpoint = hooked.webhooks.create(url=slow.url, event_types=["message.new"])
        with AgentKit(base_url=doomed.base_url, api_key=alice_key) as alice:
            alice.messages.send("held", to=bob)
        slow.wait_for(1, timeout=15)
        doomed.kill()
        killed_at = time.monotonic()
        with AgentKit(base_url=survivor.base_url, api_key=bob_key) as hooked:
            hooked.webhooks.list().first_page()  # wakes the survivor's task
            slow.wait_for(2, timeout=20)
            assert time.monotonic() - killed_at < 15
            assert list(slow.counts.values()) == [2]  # the same webhook id, sent again
            deadline = time.monotonic() + 10
            while True:
                [delivery] = list(hooked.webhooks.deliveries(endpoint.endpoint.id))
                if delivery.status == "succeeded" or time.monotonic() > deadline:
                    break
                time.sleep(0.05)
            assert (delivery.status, delivery.attempt_count) == ("succeeded", 1)


def test_an_endpoint_made_on_one_instance_hears_events_sent_through_another(
    start_instances: StartInstances, receiver: _CountingReceiver
) -> None:
    """An instance that already saw an event while nobody had an endpoint still queues the
    next one for an endpoint another instance made meanwhile."""
    one, two = start_instances(2, **FAST)
    _, alice_key = _register(one)
    bob, bob_key = _register(two)
    with AgentKit(base_url=one.base_url, api_key=alice_key) as alice:
        alice.messages.send("before any endpoint", to=bob)
        with AgentKit(base_url=two.base_url, api_key=bob_key) as hooked:
            hooked.webhooks.create(url=receiver.url, event_types=["message.new"])
        alice.messages.send("after", to=bob)
        receiver.wait_for(1, timeout=15)
        assert len(receiver.counts) == 1
