"""Three ``agentkit serve`` processes on one PostgreSQL database behind a round-robin proxy,
one of them SIGKILLed and started again mid-run: the chaos scenarios of one server hold across
instances. Sends under 30 % injected faults land exactly once, numbered without holes; every
realtime message reaches its receiver exactly once, in seq order. Every recipient has a webhook
endpoint on a receiver that verifies each request: every stored message's ``message.new``
arrives, repeats only ever under its one ``webhook-id``, and the deliveries the killed
instance was attempting are sent again by another.

``make test`` runs small sizes; ``make scaleout`` the full ones (``AGENTKIT_SCALEOUT_SENDS=1000
AGENTKIT_CHAOS_MESSAGES=5000``).
"""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from agentkit import AgentKit, APIConnectionError, ServerError
from agentkit._postgres_for_tests import PostgresForTests
from agentkit.realtime._rest import fetch_sync
from agentkit.types import Message
from tests.chaos.conftest import ProxyFactory, fault_proxy  # noqa: F401  (the fixture)
from tests.chaos.realtime_scenario import every_message_once_in_order
from tests.chaos.sends import FreshConnections, quick_retries, thirty_percent_faults
from tests.chaos.ws_proxy import FrameFaultProxy, FrameFaults
from tests.realtime.live import Identity, register, wait_until
from tests.scaleout.cluster import Cluster
from tests.scaleout.webhook_receiver import WebhookReceiver, every_message_hooked_once

SENDS = int(os.environ.get("AGENTKIT_SCALEOUT_SENDS", "450"))
MESSAGES = int(os.environ.get("AGENTKIT_CHAOS_MESSAGES", "450"))
INSTANCES = 3
DOOMED = 1
# A send whose instance died after storing it is answered "outcome unknown" (500) for good
# under its Idempotency-Key: the application sends it again with the same client_msg_id.
RESENDS = 10
TRANSIENT = (ServerError, APIConnectionError)
# Webhooks: the receiver holds each request HOLD seconds, and those of the instance to kill
# until it dies, so that it dies with some in flight; the short lease has another instance
# send those again within seconds.
HOLD = 0.2
WEBHOOK_TIMINGS = ["--webhook-timeout", "4", "--webhook-lease", "6", "--webhook-retry-base", "0.2"]

# Bounded by the sizes: a few minutes by default, more for the full run.
pytestmark = [pytest.mark.slow, pytest.mark.timeout(240 + (SENDS + MESSAGES) * 0.1)]


@pytest.fixture
def cluster(postgres: PostgresForTests, tmp_path: Path) -> Iterator[Cluster]:
    url = postgres.new_database()
    try:
        with Cluster(
            url, INSTANCES, dead_after=2.0, scratch=tmp_path, serve_options=WEBHOOK_TIMINGS
        ) as running:
            yield running
    finally:
        postgres.drop_database(url)


@pytest.fixture
def receiver(cluster: Cluster) -> Iterator[WebhookReceiver]:
    with WebhookReceiver(cluster.pids, hold=HOLD) as running:
        yield running


def _hook(receiver: WebhookReceiver, who: Identity) -> None:
    """An endpoint for ``who``'s incoming messages, named by its handle at the receiver."""
    made = who.rest.webhooks.create(url=receiver.url(who.handle), event_types=["message.new"])
    receiver.add_secret(who.handle, made.secret)


def _webhook_wait(messages: int) -> float:
    """Seconds the webhooks may take to arrive once the run is over."""
    return 60 + messages * 0.02


def _holding_webhooks(cluster: Cluster, receiver: WebhookReceiver) -> None:
    """Return once the instance to kill is attempting a delivery that it cannot finish: the
    receiver answers it nothing more.

    Raises:
        AssertionError: It attempted none within a minute.
    """
    doomed = cluster.pid_of(DOOMED)
    receiver.stall(doomed)
    assert wait_until(lambda: receiver.held_from(doomed) > 0, timeout=60), "no webhook to hold"


class KillAndRestart:
    """Once ``ready()`` holds and ``before_kill()`` returned, SIGKILL one instance and start
    it again, in a thread; then note how many connections the proxy had given it, to tell
    that it served again, and set ``done``."""

    def __init__(
        self,
        cluster: Cluster,
        ready: Callable[[], bool],
        *,
        within: float,
        before_kill: Callable[[], None] = lambda: None,
    ) -> None:
        self.cluster = cluster
        self._before_kill = before_kill
        self.routed_at_restart = -1
        self.killed_pid = 0
        self.killed_at = 0.0
        self.done = threading.Event()
        self._thread = threading.Thread(target=self._run, args=(ready, within), daemon=True)
        self._thread.start()

    def _run(self, ready: Callable[[], bool], within: float) -> None:
        try:
            if wait_until(ready, timeout=within):
                self._before_kill()
                self.killed_pid = self.cluster.pid_of(DOOMED)
                self.killed_at = time.monotonic()
                self.cluster.kill(DOOMED)
                self.cluster.restart(DOOMED)
                self.routed_at_restart = self.cluster.proxy.routed[DOOMED]
        finally:
            self.done.set()

    def join(self) -> None:
        self._thread.join(60)
        assert self.routed_at_restart >= 0, "the instance was not killed and restarted"


def _send(client: AgentKit, text: str, conversation: str, client_msg_id: str) -> Message:
    for attempt in range(RESENDS + 1):
        try:
            return client.messages.send(
                text, conversation_id=conversation, client_msg_id=client_msg_id
            )
        except TRANSIENT:
            if attempt == RESENDS:
                raise
    raise AssertionError("unreachable")


def test_sends_land_exactly_once_in_order_while_an_instance_is_killed(
    cluster: Cluster,
    receiver: WebhookReceiver,
    fault_proxy: ProxyFactory,  # noqa: F811
) -> None:
    """Three senders at once (two in one conversation, one in another), each request on a
    fresh connection through a proxy that faults 30 % of them, in front of three instances
    of which one dies (while sending webhooks) and comes back: each conversation holds every
    message once, seq 1..n without a hole, each sender's in the order sent; every instance
    reads the same; every message's webhook reaches its recipient's endpoint."""
    alice, bob, carol = (register(cluster, name) for name in ("alice", "bob", "carol"))
    for who in (alice, bob):  # carol is sent nothing
        _hook(receiver, who)
    starts = [who.rest.messages.send("start", to=bob.handle) for who in (alice, carol)]
    shared, apart = (start.conversation_id for start in starts)
    parts = urlsplit(cluster.base_url)
    assert parts.hostname is not None and parts.port is not None
    faulty = fault_proxy((parts.hostname, parts.port), thirty_percent_faults(20261203))
    plan = [(alice, shared), (bob, shared), (carol, apart)]
    per_sender = SENDS // len(plan)
    sent: dict[str, list[Message]] = {who.handle: [] for who, _ in plan}

    def send_all(who: Identity, conversation: str) -> None:
        with quick_retries(
            AgentKit(base_url=faulty.url, api_key=who.key, transport=FreshConnections())
        ) as client:
            for n in range(per_sender):
                if n == per_sender * 2 // 3:  # the last third with the instance back
                    assert chaos.done.wait(60)
                text = f"{who.handle} {n}"
                sent[who.handle].append(_send(client, text, conversation, f"{who.handle}-{n}"))

    chaos = KillAndRestart(
        cluster,
        lambda: sum(map(len, sent.values())) >= SENDS // 4,
        within=120,
        before_kill=lambda: _holding_webhooks(cluster, receiver),
    )
    threads = [threading.Thread(target=send_all, args=step, daemon=True) for step in plan]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(240)
    chaos.join()
    assert [len(messages) for messages in sent.values()] == [per_sender] * len(plan)
    assert faulty.stats().connections > SENDS * 1.2  # the faults struck, and were retried

    # Every instance, the restarted one included, reads the same complete history.
    stored: list[Message] = []
    for slot in range(INSTANCES):
        with AgentKit(base_url=cluster.url_of(slot), api_key=bob.key) as reader:
            for conversation, senders in ((shared, (alice, bob)), (apart, (carol,))):
                history = list(reader.messages.history(conversation, page_size=200))
                assert [m.seq for m in history] == list(range(1, len(history) + 1))
                assert len(history) == 1 + per_sender * len(senders)
                if slot == 0:
                    stored += history
                ids = [m.client_msg_id for m in history[1:]]
                assert len(set(ids)) == len(ids)
                for who in senders:
                    own = [m for m in history[1:] if m.sender == who.handle]
                    assert [m.id for m in own] == [m.id for m in sent[who.handle]]
                    assert [m.content.text for m in own] == [
                        f"{who.handle} {n}" for n in range(per_sender)
                    ]
    # Bob's stored deliveries: what alice and carol sent him, once each.
    delivered: list[str] = []
    after: str | None = None
    while True:
        rows, more = fetch_sync(bob.rest, after, 500)
        delivered += [message.id for _, message in rows]
        if not more or not rows:
            break
        after = rows[-1][0]
    expected = [m.id for m in starts] + [m.id for w in (alice, carol) for m in sent[w.handle]]
    assert sorted(delivered) == sorted(expected)
    assert cluster.proxy.routed[DOOMED] > chaos.routed_at_restart  # it served again

    # Each stored message's webhook, at the endpoint of the one it was sent to.
    recipient = {alice.handle: bob.handle, bob.handle: alice.handle, carol.handle: bob.handle}
    expected = {(recipient[m.sender], m.id) for m in stored}
    receiver.wait_for(expected, timeout=_webhook_wait(SENDS))
    every_message_hooked_once(receiver, expected, chaos.killed_pid, chaos.killed_at)
    for identity in (alice, bob, carol):
        identity.rest.close()


@pytest.fixture
def frame_proxy(cluster: Cluster) -> Iterator[FrameFaultProxy]:
    upstream = cluster.base_url.replace("http://", "ws://") + "/v1/realtime"
    with FrameFaultProxy(upstream, FrameFaults(), seed=11) as running:
        yield running


def test_realtime_messages_arrive_once_in_order_while_an_instance_is_killed(
    cluster: Cluster, frame_proxy: FrameFaultProxy, receiver: WebhookReceiver
) -> None:
    """The realtime chaos scenario (frames dropped, delayed, reordered; connections killed)
    through three instances, one SIGKILLed midway (while sending webhooks) and started again:
    every receiver handles every message sent to it exactly once, in seq order per
    conversation, and every message's webhook reaches the receiver's endpoint."""
    restarted: list[int] = []
    killed: list[tuple[int, float]] = []

    def kill_and_restart() -> None:
        _holding_webhooks(cluster, receiver)
        killed.append((cluster.pid_of(DOOMED), time.monotonic()))
        cluster.kill(DOOMED)
        frame_proxy.kill_all()  # every client reconnects, onto the instances left
        cluster.restart(DOOMED)
        restarted.append(cluster.proxy.routed[DOOMED])

    started = time.monotonic()
    got = every_message_once_in_order(
        cluster,
        frame_proxy,
        "async",
        MESSAGES,
        midway=kill_and_restart,
        resend_on=TRANSIENT,
        on_receiver=lambda who: _hook(receiver, who),
    )
    assert restarted, f"the instance was not killed ({time.monotonic() - started:.0f} s)"
    # The reconnections after the restart were spread over every instance again.
    assert cluster.proxy.routed[DOOMED] > restarted[0]
    expected = {(handle, i) for handle, by in got.items() for ids in by.values() for i in ids}
    assert len(expected) == MESSAGES // 4 * 4
    receiver.wait_for(expected, timeout=_webhook_wait(MESSAGES))
    every_message_hooked_once(receiver, expected, *killed[0])
