"""Sending webhooks: events become deliveries queued in the store, and one background task per
server sends them, signed, with bounded concurrency, timeouts and exponential backoff.

Servers sharing one database each run such a task; a task takes the deliveries it sends with a
lease in the store (``webhook_lease`` seconds, committed before anything is sent), so each
delivery is attempted by one server at a time, and one that a dead server held is taken by
another once the lease runs out.

Nothing is sent inside a request: a messaging route publishes its event, the listener
queues rows (a few inserts, in the send's own transaction, so that a stored message always
has its deliveries), and the task sends later, once they are committed, so a slow or dead
receiver never slows a send. Deliveries live in the store, so a restarted server sends
what was still pending: its task starts when the app starts serving, or, in an app run without
a lifespan (``agentkit.testing``), on the next event or webhooks request.
"""

from __future__ import annotations

import asyncio
import functools
import json
import logging
import random
import time
from collections.abc import Iterable
from typing import Any

from ..._http import httpx
from ..._version import __version__
from ...webhooks import sign
from ..core.ids import new_id, now
from ..core.state import ServerState
from ..core.store import Row
from ..core.urls import UrlRefused as ConnectionRefused
from ..core.urls import guarded_client
from ..messaging.events import MessagingEvent
from .sealing import SealError, WebhookSecrets
from .sqlite import iso_time
from .urls import UrlRefused, check_url

__all__ = ["WebhookDispatcher", "matches"]

logger = logging.getLogger("agentkit.server.webhooks")

# The longest the task sleeps without being woken: it re-reads the queue at least this often.
_IDLE_POLL = 1.0
_MAX_ERROR = 300
# Ended deliveries are kept this long for listing and redelivery, then pruned.
_KEEP_SECONDS = 30 * 86400.0
_PRUNE_EVERY = 3600.0


def matches(filters: Iterable[str], event_type: str) -> bool:
    """Whether an endpoint subscribed with ``filters`` receives ``event_type``."""
    for wanted in filters:
        if wanted == "*" or wanted == event_type:
            return True
        if wanted.endswith(".*") and event_type.startswith(wanted[:-1]):
            return True
    return False


class WebhookDispatcher:
    """The queue of deliveries and the task that sends them."""

    def __init__(self, state: ServerState) -> None:
        self._state = state
        self._owners: set[str] | None = None
        self._task: asyncio.Task[None] | None = None
        self._woken: asyncio.Event | None = None
        self._in_flight: dict[str, asyncio.Task[None]] = {}

    # ------------------------------------------------------------------ queueing
    def endpoints_changed(self) -> None:
        """Forget which principals own endpoints (read again on the next event)."""
        self._owners = None

    def on_event(self, event: MessagingEvent) -> None:
        """Queue a delivery of a messaging event to every endpoint that wants it, in the
        transaction of the change that made the event (kept with it, or undone with it)."""
        store = self._state.store
        # Another server on the same database may add an endpoint at any time: such a server
        # reads the owners on every event, rather than keeping what it read once.
        if self._owners is None or self._state.config.database_url is not None:
            self._owners = store.webhook_owners()
        if not self._owners:
            return  # the common case: nobody has an endpoint, so no lookups per send
        owned: dict[str, list[str]] = {}
        for recipient in event.recipients:
            for owner in self._owners_of(recipient):
                if owner in self._owners:
                    owned.setdefault(owner, []).append(recipient)
        if not owned:
            return
        stamp = time.time()
        deliveries = []
        for endpoint in store.enabled_webhook_endpoints(list(owned)):
            if not matches(endpoint["event_types"], event.type):
                continue
            body = {
                "id": event.id,
                "type": event.type,
                "created_at": event.created_at,
                "recipient_ids": owned[endpoint["owner"]],
                "data": event.payload,
            }
            deliveries.append(self._delivery(endpoint["owner"], endpoint["id"], body, stamp))
        if deliveries:
            store.queue_webhook_deliveries(deliveries)
            store.after_commit(self.wake)

    def _owners_of(self, identity_id: str) -> list[str]:
        store = self._state.store
        owners = []
        principal = store.principal_of(identity_id)
        if principal is not None:
            owners.append(principal)
        identity = store.identity_by_id(identity_id)
        if identity is not None and identity.get("agent_org"):
            owners.append(identity["agent_org"])
        return owners

    @staticmethod
    def _delivery(
        owner: str, endpoint_id: str, event: Row, due: float, *, forced: bool = False
    ) -> Row:
        return {
            "id": new_id("whd"),
            "owner": owner,
            "endpoint_id": endpoint_id,
            "event_id": event["id"],
            "event_type": event["type"],
            # Compact and fixed once: every attempt sends these very bytes.
            "body": json.dumps(event, separators=(",", ":"), ensure_ascii=False),
            "forced": forced,
            "next_attempt": due,
            "created_at": now(),
        }

    def queue(self, owner: str, endpoint_id: str, event: Row, *, forced: bool = False) -> Row:
        """Queue one event to one endpoint; the delivery as stored."""
        delivery = self._delivery(owner, endpoint_id, event, time.time(), forced=forced)
        self._state.store.queue_webhook_deliveries([delivery])
        self.wake()
        stored = self._state.store.webhook_delivery(owner, endpoint_id, delivery["id"])
        assert stored is not None
        return stored

    def requeue(self, owner: str, delivery_id: str) -> None:
        """Send a delivery again, now, with a fresh run of attempts."""
        self._state.store.requeue_webhook_delivery(owner, delivery_id, time.time())
        self.wake()

    # ------------------------------------------------------------------ the task
    def wake(self) -> None:
        """Have the task look at the queue now; start it if it is not running on this loop."""
        try:
            loop = asyncio.get_running_loop()
        except RuntimeError:
            return  # no loop (a store call from a test thread): the next wake on the loop runs
        if self._task is None or self._task.done() or self._task.get_loop() is not loop:
            self._woken = asyncio.Event()
            self._task = loop.create_task(self._run(), name="agentkit-webhooks")
        assert self._woken is not None
        self._woken.set()

    async def _run(self) -> None:
        config = self._state.config
        woken = self._woken
        assert woken is not None
        timeout = httpx.Timeout(config.webhook_timeout)
        limits = httpx.Limits(max_connections=config.webhook_concurrency)
        # Connections go only to the address checked (a name cannot resolve elsewhere between
        # the check and the connection).
        async with guarded_client(
            allow_loopback=config.allow_loopback_urls, timeout=timeout, limits=limits
        ) as client:
            pruned = 0.0
            while True:
                woken.clear()
                try:
                    self._start_due(client)
                    if time.monotonic() - pruned > _PRUNE_EVERY:
                        pruned = time.monotonic()
                        self._state.store.prune_webhook_deliveries(
                            iso_time(time.time() - _KEEP_SECONDS)
                        )
                except Exception:  # the store failed this time; try again on the next round
                    logger.exception("reading the webhook queue failed")
                await self._sleep(woken)

    def _start_due(self, client: httpx.AsyncClient) -> None:
        config = self._state.config
        free = config.webhook_concurrency - len(self._in_flight)
        if free <= 0:
            return
        store = self._state.store
        moment = time.time()
        mark = store.durability_mark()
        due = store.claim_webhook_deliveries(moment, free, moment + config.webhook_lease)
        if not due:
            return
        # The leases are kept before anything is sent: a server that dies mid-attempt leaves
        # leases that run out, never an attempt nobody knew was made.
        store.make_durable(mark)
        for delivery in due:
            task = asyncio.get_running_loop().create_task(self._attempt(client, delivery))
            self._in_flight[delivery["id"]] = task
            task.add_done_callback(functools.partial(self._finished, delivery["id"]))

    def _finished(self, delivery_id: str, _: asyncio.Task[None]) -> None:
        self._in_flight.pop(delivery_id, None)
        if self._woken is not None:
            self._woken.set()

    async def _sleep(self, woken: asyncio.Event) -> None:
        wait = _IDLE_POLL
        try:
            due = self._state.store.next_webhook_due()
        except Exception:  # read again after the idle wait
            logger.exception("reading the webhook queue failed")
            due = None
        if due is not None and len(self._in_flight) < self._state.config.webhook_concurrency:
            wait = min(wait, max(0.0, due - time.time()))
        try:
            await asyncio.wait_for(woken.wait(), timeout=wait)
        except TimeoutError:
            pass

    # ------------------------------------------------------------------ one attempt
    async def _attempt(self, client: httpx.AsyncClient, delivery: Row) -> None:
        try:
            await self._send(client, delivery)
        except Exception:  # a bug must not end the task; the delivery stays pending
            logger.exception("a webhook attempt failed unexpectedly")

    async def _send(self, client: httpx.AsyncClient, delivery: Row) -> None:
        state = self._state
        owner = delivery["owner"]
        endpoint = state.store.webhook_endpoint(owner, delivery["endpoint_id"])
        if endpoint is None:
            state.store.end_webhook_delivery(owner, delivery["id"])
            return
        if not endpoint["enabled"] and not delivery["forced"]:
            state.store.end_webhook_delivery(owner, delivery["id"])
            return
        started = time.time()
        clock = time.monotonic()
        status: int | None = None
        error: str | None = None
        try:
            body = delivery["body"].encode("utf-8")
            headers = self._headers(endpoint, delivery, body, int(started))
            # The guarded client resolves and checks the address on connecting.
            url = check_url(endpoint["url"])
            async with asyncio.timeout(state.config.webhook_timeout):
                async with client.stream("POST", url, content=body, headers=headers) as answer:
                    status = answer.status_code  # the body is never read: only the status counts
        except (UrlRefused, ConnectionRefused) as exc:
            error = f"the URL is refused: {exc}"
        except SealError:
            error = "the endpoint's secret cannot be opened with this server's secret"
        except (TimeoutError, httpx.TimeoutException):
            error = f"no answer within {state.config.webhook_timeout:g} s"
        except httpx.HTTPError as exc:
            error = f"{type(exc).__name__}: {exc}"[:_MAX_ERROR] or type(exc).__name__
        succeeded = status is not None and 200 <= status < 300
        if status is not None and not succeeded:
            error = f"the receiver answered {status}"
        attempt = {
            "started_at": iso_time(started),
            "status_code": status,
            "duration_ms": round((time.monotonic() - clock) * 1000, 3),
            "error": error,
        }
        run = delivery["run_attempts"] + 1
        retry = None
        if not succeeded and run < state.config.webhook_max_attempts:
            retry = time.time() + self._backoff(run)
        endpoint_after = state.store.record_webhook_attempt(
            owner,
            delivery["id"],
            attempt,
            succeeded=succeeded,
            next_attempt=retry,
            disable_after=state.config.webhook_disable_after,
            lease_until=delivery["lease_until"],
        )
        if endpoint_after is not None and endpoint["enabled"] and not endpoint_after["enabled"]:
            logger.info("webhook endpoint %s disabled after failures", endpoint["id"])
            self.endpoints_changed()

    def _backoff(self, run: int) -> float:
        config = self._state.config
        delay = min(config.webhook_retry_base * 2 ** (run - 1), config.webhook_retry_max)
        # Up to 10 % of jitter, so receivers that failed together are not retried together.
        return float(delay * (1 + random.random() * 0.1))

    def _headers(self, endpoint: Row, delivery: Row, body: bytes, moment: int) -> dict[str, str]:
        sealer = self._state.service(WebhookSecrets)
        keys = [sealer.open(endpoint["sealed_secret"])]
        until = endpoint.get("previous_until")
        if endpoint.get("sealed_previous") and until is not None and until > time.time():
            keys.append(sealer.open(endpoint["sealed_previous"]))
        headers: dict[str, Any] = sign(body, keys, timestamp=moment, msg_id=delivery["event_id"])
        headers["Content-Type"] = "application/json"
        headers["User-Agent"] = f"agentkit-webhooks/{__version__}"
        return headers
