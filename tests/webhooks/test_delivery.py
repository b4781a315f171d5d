"""Webhooks end to end: client.webhooks against the reference server, deliveries to a real
receiver on loopback, signatures checked with ours and the official verifiers."""

from __future__ import annotations

import json
import socket
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import standardwebhooks
import stripe

from agentkit import (
    AgentKit,
    ValidationError,
    WebhookDeliveryNotFoundError,
    WebhookEndpointLimitError,
    WebhookEndpointNotFoundError,
    WebhookVerificationError,
    webhooks,
)
from agentkit.server import ServerConfig
from agentkit.testing import ReferenceServer
from tests.integration.messaging import Member, register, unique_handle

from .receiver import Received, Receiver

CONFIG = ServerConfig(
    allow_loopback_urls=True,
    webhook_retry_base=0.05,
    webhook_retry_max=0.2,
    webhook_max_attempts=3,
    webhook_disable_after=4,
    webhook_timeout=2.0,
)


@pytest.fixture(scope="module")
def server() -> Iterator[ReferenceServer]:
    """A reference server that allows loopback endpoints and retries fast."""
    with ReferenceServer(config=CONFIG) as running:
        yield running


@pytest.fixture(scope="module")
def receiver() -> Iterator[Receiver]:
    with Receiver() as running:
        yield running


@pytest.fixture
def pair(make_client: Any, server: ReferenceServer) -> tuple[Member, Member]:
    """Two registered identities: alice sends, bob has the endpoints."""
    return register(make_client, server, "alice"), register(make_client, server, "bob")


def _name(request: pytest.FixtureRequest) -> str:
    return request.node.name.replace("[", "-").replace("]", "")


def _verified_everywhere(received: Received, secret: str) -> dict[str, Any]:
    """The event, after our verifier, Stripe's and Standard Webhooks' all accepted it."""
    event = webhooks.verify(received.body, received.headers, secret)
    stripe_event = stripe.Webhook.construct_event(
        received.body, received.headers["agentkit-signature"], secret
    )
    assert stripe_event["id"] == event["id"]
    assert standardwebhooks.Webhook(secret).verify(received.body, received.headers) == event
    return event


def _wait_for_status(client: Any, endpoint_id: str, status: str, timeout: float = 15.0) -> Any:
    deadline = time.monotonic() + timeout
    while True:
        deliveries = list(client.webhooks.deliveries(endpoint_id))
        if deliveries and deliveries[0].status == status:
            return deliveries[0]
        assert time.monotonic() < deadline, f"no {status} delivery: {deliveries}"
        time.sleep(0.05)


class TestEndpoints:
    def test_crud_and_the_secret_shown_once(self, pair: tuple[Member, Member]) -> None:
        """Create answers the secret; get, list and update never carry it; delete removes it."""
        _, bob = pair
        made = bob.client.webhooks.create(url="https://127.0.0.1/hook", description="mine")
        assert made.secret.startswith("whsec_")
        endpoint = made.endpoint
        assert endpoint.id.startswith("whe_")
        assert (endpoint.event_types, endpoint.enabled, endpoint.description) == (
            ["*"],
            True,
            "mine",
        )
        fetched = bob.client.webhooks.get(endpoint.id)
        assert "secret" not in fetched.to_dict() and fetched.to_dict() == endpoint.to_dict()
        changed = bob.client.webhooks.update(
            endpoint.id, event_types=["message.new", "typing.*", "message.new"], enabled=False
        )
        assert changed.event_types == ["message.new", "typing.*"]
        assert (changed.enabled, changed.disabled_reason) == (False, "manual")
        assert [e.id for e in bob.client.webhooks.list()] == [endpoint.id]
        assert bob.client.webhooks.delete(endpoint.id).deleted
        with pytest.raises(WebhookEndpointNotFoundError):
            bob.client.webhooks.get(endpoint.id)

    def test_a_retried_create_answers_the_same_secret(self, pair: tuple[Member, Member]) -> None:
        """The same Idempotency-Key replays the first answer, secret included (kept sealed)."""
        _, bob = pair
        first = bob.client.webhooks.create(url="http://127.0.0.1:9/a", idempotency_key="k-1")
        again = bob.client.webhooks.create(url="http://127.0.0.1:9/a", idempotency_key="k-1")
        assert (again.endpoint.id, again.secret) == (first.endpoint.id, first.secret)
        assert len(list(bob.client.webhooks.list())) == 1

    def test_an_owner_has_at_most_twenty_endpoints(self, pair: tuple[Member, Member]) -> None:
        """The 21st endpoint is refused with WEBHOOK_ENDPOINT_LIMIT; deleting one makes room."""
        _, bob = pair
        made = [bob.client.webhooks.create(url=f"http://127.0.0.1:9/{i}") for i in range(20)]
        with pytest.raises(WebhookEndpointLimitError):
            bob.client.webhooks.create(url="http://127.0.0.1:9/one-more")
        bob.client.webhooks.delete(made[0].endpoint.id)
        assert bob.client.webhooks.create(url="http://127.0.0.1:9/one-more").endpoint.id

    def test_lists_page_oldest_first(self, pair: tuple[Member, Member]) -> None:
        """Iterating walks every page in creation order."""
        _, bob = pair
        made = [
            bob.client.webhooks.create(url=f"http://127.0.0.1/{i}").endpoint.id for i in range(5)
        ]
        assert [e.id for e in bob.client.webhooks.list(page_size=2)] == made

    def test_another_owner_is_told_nothing_exists(
        self, pair: tuple[Member, Member], receiver: Receiver, request: pytest.FixtureRequest
    ) -> None:
        """Every operation on someone else's endpoint or delivery answers 404."""
        alice, bob = pair
        endpoint = bob.client.webhooks.create(url=receiver.url(_name(request))).endpoint
        delivery = bob.client.webhooks.test(endpoint.id)
        calls = [
            lambda: alice.client.webhooks.get(endpoint.id),
            lambda: alice.client.webhooks.update(endpoint.id, enabled=False),
            lambda: alice.client.webhooks.delete(endpoint.id),
            lambda: alice.client.webhooks.rotate_secret(endpoint.id),
            lambda: alice.client.webhooks.test(endpoint.id),
            lambda: list(alice.client.webhooks.deliveries(endpoint.id)),
            lambda: alice.client.webhooks.get_delivery(endpoint.id, delivery.id),
            lambda: alice.client.webhooks.redeliver(endpoint.id, delivery.id),
        ]
        for call in calls:
            with pytest.raises(WebhookEndpointNotFoundError):
                call()
        with pytest.raises(WebhookDeliveryNotFoundError):
            bob.client.webhooks.get_delivery(endpoint.id, "whd_nope")
        assert bob.client.webhooks.get(endpoint.id).enabled

    @pytest.mark.parametrize(
        "url",
        [
            "ftp://127.0.0.1/hook",
            "file:///etc/passwd",
            "http://user:secret@127.0.0.1/hook",
            "http://10.0.0.1/hook",
            "http://192.168.1.20/hook",
            "http://169.254.169.254/latest/meta-data",
            "http://[fe80::1]/hook",
            "http://[::ffff:10.0.0.1]/hook",
            "http://0.0.0.0/hook",
            "http://127.0.0.1/ho\x00ok",
            "http://127.0.0.1/a b",
            "http:///nohost",
            "not a url",
            "http://" + "a" * 3000 + ".test/",
        ],
    )
    def test_urls_refused(self, pair: tuple[Member, Member], url: str) -> None:
        """Other schemes, credentials, private and link-local addresses, and junk are a 400 on
        the url field."""
        _, bob = pair
        with pytest.raises(ValidationError) as caught:
            bob.client.webhooks.create(url=url)
        assert caught.value.field == "url"

    @pytest.mark.parametrize(
        "types",
        [
            ["message.new"] * 51,
            ["Message.New"],
            ["message..new"],
            ["message.new\x00"],
            ["*.new"],
            ["x" * 101],
            [],
        ],
    )
    def test_event_types_refused(self, pair: tuple[Member, Member], types: list[str]) -> None:
        """Too many event types, or ones that are not dotted lower-case names, are a 400."""
        _, bob = pair
        with pytest.raises(ValidationError) as caught:
            bob.client.webhooks.create(url="http://127.0.0.1/hook", event_types=types)
        assert (caught.value.field or "").startswith("event_types")


class TestDelivery:
    def test_fails_twice_then_succeeds_with_one_webhook_id(
        self, pair: tuple[Member, Member], receiver: Receiver, request: pytest.FixtureRequest
    ) -> None:
        """A receiver answering 500, 500, 200 gets the event three times with the same id and
        valid signatures; the three attempts are recorded."""
        alice, bob = pair
        name = _name(request)
        made = bob.client.webhooks.create(
            url=receiver.url(name, 500, 503), event_types=["message.new"]
        )
        sent = alice.client.messages.send("hello hooks", to=bob.handle)
        got = receiver.wait_for(name, 3)
        events = [_verified_everywhere(one, made.secret) for one in got]
        assert {one.headers["webhook-id"] for one in got} == {events[0]["id"]}
        assert {e["id"] for e in events} == {events[0]["id"]}
        assert events[0]["type"] == "message.new"
        assert events[0]["data"]["id"] == sent.id
        me = bob.client.identity.me()
        assert events[0]["recipient_ids"] == [me.id]
        typed = webhooks.unwrap(got[-1].body, got[-1].headers, made.secret)
        assert typed.data.content.text == "hello hooks"
        delivery = _wait_for_status(bob.client, made.endpoint.id, "succeeded")
        assert delivery.event_id == events[0]["id"]
        assert delivery.attempt_count == 3
        assert [a.status_code for a in delivery.attempts] == [500, 503, 200]
        assert [a.error is None for a in delivery.attempts] == [False, False, True]
        assert all(a.duration_ms >= 0 for a in delivery.attempts)
        assert bob.client.webhooks.get(made.endpoint.id).consecutive_failures == 0

    def test_only_subscribed_types_are_sent(
        self, pair: tuple[Member, Member], receiver: Receiver, request: pytest.FixtureRequest
    ) -> None:
        """An endpoint for typing.* gets no message.new; one for message.new does."""
        alice, bob = pair
        name = _name(request)
        wanted = bob.client.webhooks.create(url=receiver.url(name), event_types=["message.new"])
        other = bob.client.webhooks.create(url=receiver.url(name + "-x"), event_types=["typing.*"])
        alice.client.messages.send("typed", to=bob.handle)
        receiver.wait_for(name, 1)
        assert list(bob.client.webhooks.deliveries(other.endpoint.id)) == []
        assert len(list(bob.client.webhooks.deliveries(wanted.endpoint.id))) == 1

    def test_redeliver_sends_the_same_event_again(
        self, pair: tuple[Member, Member], receiver: Receiver, request: pytest.FixtureRequest
    ) -> None:
        """A redelivery arrives with the same webhook-id and body, and adds an attempt."""
        alice, bob = pair
        name = _name(request)
        made = bob.client.webhooks.create(url=receiver.url(name))
        alice.client.messages.send("again please", to=bob.handle)
        first = receiver.wait_for(name, 1)[0]
        delivery = _wait_for_status(bob.client, made.endpoint.id, "succeeded")
        queued = bob.client.webhooks.redeliver(made.endpoint.id, delivery.id)
        assert queued.id == delivery.id
        second = receiver.wait_for(name, 2)[1]
        assert second.body == first.body
        assert second.headers["webhook-id"] == first.headers["webhook-id"]
        _verified_everywhere(second, made.secret)
        deadline = time.monotonic() + 10
        while bob.client.webhooks.get_delivery(made.endpoint.id, delivery.id).attempt_count < 2:
            assert time.monotonic() < deadline
            time.sleep(0.05)

    def test_a_test_event(
        self, pair: tuple[Member, Member], receiver: Receiver, request: pytest.FixtureRequest
    ) -> None:
        """webhooks.test sends a typed webhook.test event, even to a disabled endpoint."""
        _, bob = pair
        name = _name(request)
        made = bob.client.webhooks.create(url=receiver.url(name), enabled=False)
        delivery = bob.client.webhooks.test(made.endpoint.id)
        assert (delivery.event_type, delivery.status) == ("webhook.test", "pending")
        got = receiver.wait_for(name, 1)[0]
        event = webhooks.unwrap(got.body, got.headers, made.secret)
        from agentkit_api.models import WebhookTestEvent

        assert isinstance(event, WebhookTestEvent)
        assert (event.id, event.data.endpoint_id) == (delivery.event_id, made.endpoint.id)

    def test_rotation_signs_with_both_secrets_during_the_window(
        self, pair: tuple[Member, Member], receiver: Receiver, request: pytest.FixtureRequest
    ) -> None:
        """After a rotation both secrets verify each delivery; with no overlap only the new."""
        alice, bob = pair
        name = _name(request)
        made = bob.client.webhooks.create(url=receiver.url(name))
        rotated = bob.client.webhooks.rotate_secret(made.endpoint.id)
        assert rotated.secret != made.secret
        window_ends = rotated.endpoint.previous_secret_expires_at
        assert window_ends is not None
        assert bob.client.webhooks.get(made.endpoint.id).previous_secret_expires_at == window_ends
        listed = next(e for e in bob.client.webhooks.list() if e.id == made.endpoint.id)
        assert listed.previous_secret_expires_at == window_ends
        alice.client.messages.send("during", to=bob.handle)
        during = receiver.wait_for(name, 1)[0]
        assert during.headers["agentkit-signature"].count(",v1=") == 2
        assert len(during.headers["webhook-signature"].split()) == 2
        for secret in (made.secret, rotated.secret):
            _verified_everywhere(during, secret)
        final = bob.client.webhooks.rotate_secret(made.endpoint.id, overlap_seconds=0)
        assert final.endpoint.previous_secret_expires_at is None
        alice.client.messages.send("after", to=bob.handle)
        after = receiver.wait_for(name, 2)[1]
        assert after.headers["agentkit-signature"].count(",v1=") == 1
        _verified_everywhere(after, final.secret)
        for old in (made.secret, rotated.secret):
            with pytest.raises(WebhookVerificationError) as caught:
                webhooks.verify(after.body, after.headers, old)
            assert caught.value.reason == "bad_signature"

    def test_disabled_after_a_run_of_failures(
        self, pair: tuple[Member, Member], receiver: Receiver, request: pytest.FixtureRequest
    ) -> None:
        """Four failed attempts in a row disable the endpoint; later events are not queued;
        enabling it again clears the count."""
        alice, bob = pair
        name = _name(request)
        made = bob.client.webhooks.create(url=receiver.fail_always(name))
        alice.client.messages.send("one", to=bob.handle)
        alice.client.messages.send("two", to=bob.handle)
        deadline = time.monotonic() + 15
        while bob.client.webhooks.get(made.endpoint.id).enabled:
            assert time.monotonic() < deadline, "the endpoint was never disabled"
            time.sleep(0.05)
        endpoint = bob.client.webhooks.get(made.endpoint.id)
        assert (endpoint.disabled_reason, endpoint.consecutive_failures) == ("failures", 4)
        time.sleep(0.5)  # let the attempts in flight finish
        before = len(list(bob.client.webhooks.deliveries(made.endpoint.id)))
        alice.client.messages.send("three", to=bob.handle)
        time.sleep(0.3)
        assert len(list(bob.client.webhooks.deliveries(made.endpoint.id))) == before == 2
        assert all(d.status == "failed" for d in bob.client.webhooks.deliveries(made.endpoint.id))
        again = bob.client.webhooks.update(made.endpoint.id, enabled=True)
        assert (again.enabled, again.disabled_reason, again.consecutive_failures) == (True, None, 0)

    def test_a_hanging_receiver_never_slows_a_send(self, pair: tuple[Member, Member]) -> None:
        """Sends to an identity whose endpoint accepts connections and never answers take no
        longer than usual; the attempt ends at the timeout and is recorded."""
        alice, bob = pair
        with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as hanging:
            hanging.bind(("127.0.0.1", 0))
            hanging.listen(64)
            port = hanging.getsockname()[1]
            made = bob.client.webhooks.create(url=f"http://127.0.0.1:{port}/hook")
            durations = []
            for i in range(5):
                started = time.monotonic()
                alice.client.messages.send(f"quick {i}", to=bob.handle)
                durations.append(time.monotonic() - started)
            assert max(durations) < 1.0, durations
            deadline = time.monotonic() + 15
            while True:
                attempts = [
                    a for d in bob.client.webhooks.deliveries(made.endpoint.id) for a in d.attempts
                ]
                if attempts:
                    break
                assert time.monotonic() < deadline, "no attempt was recorded"
                time.sleep(0.1)
        assert attempts[0].status_code is None
        assert "no answer within 2 s" in (attempts[0].error or "")
        assert attempts[0].duration_ms >= 1900

    def test_an_organization_receives_its_agents_events(
        self,
        make_client: Any,
        pair: tuple[Member, Member],
        receiver: Receiver,
        request: pytest.FixtureRequest,
    ) -> None:
        """An organization's endpoint gets the events addressed to its agents' identities."""
        alice, _ = pair
        name = _name(request)
        org = make_client()
        agent = org.agents.create(name=f"hooked-{name}")
        handle = f"hooked-{int(time.time() * 1000) % 10**9}"
        identity = org.identity.claim_agent_handle(agent_id=agent.id, handle=handle)
        made = org.webhooks.create(url=receiver.url(name), event_types=["message.new"])
        alice.client.messages.send("hello agent", to=handle)
        got = receiver.wait_for(name, 1)[0]
        event = _verified_everywhere(got, made.secret)
        assert event["recipient_ids"] == [identity.id]
        assert event["data"]["content"] == {"text": "hello agent"}


def test_loopback_is_refused_outside_development_mode() -> None:
    """A server not in development mode refuses loopback URLs, by address or by name."""
    from agentkit import AgentKit

    with (
        ReferenceServer(ServerConfig(allow_loopback_urls=False)) as plain,
        AgentKit(base_url=plain.base_url, api_key=plain.api_key) as client,
    ):
        for url in ("http://127.0.0.1:9/hook", "http://localhost:9/hook", "http://[::1]/hook"):
            with pytest.raises(ValidationError) as caught:
                client.webhooks.create(url=url)
            assert caught.value.field == "url"
            assert "loopback" in str(caught.value) or "resolve" in str(caught.value)


@dataclass
class _Stopped:
    """A server stopped while a delivery to ``receiver``'s ``restart`` URL was pending."""

    config: ServerConfig
    hooked_key: str
    secret: str
    first_attempt: Received


def _stop_with_a_pending_delivery(tmp_path: Path, rx: Receiver) -> _Stopped:
    config = ServerConfig(
        db_path=str(tmp_path / "hooks.sqlite3"),
        allow_loopback_urls=True,
        webhook_retry_base=0.5,
        webhook_retry_max=0.5,
        webhook_max_attempts=50,
    )
    url = rx.fail_always("restart")
    with ReferenceServer(config=config) as first:
        keys = {who: _registered(first, who) for who in ("sender", "hooked")}
        with AgentKit(base_url=first.base_url, api_key=keys["hooked"][1]) as hooked:
            made = hooked.webhooks.create(url=url)
        with AgentKit(base_url=first.base_url, api_key=keys["sender"][1]) as sender:
            sender.messages.send("survive", to=keys["hooked"][0])
        failed = rx.wait_for("restart", 1)[0]
    rx.url("restart")  # from now on it answers 200
    return _Stopped(config, keys["hooked"][1], made.secret, failed)


def _resent(rx: Receiver, stopped: _Stopped) -> None:
    got = rx.wait_for("restart", 2)[-1]
    assert got.headers["webhook-id"] == stopped.first_attempt.headers["webhook-id"]
    event = webhooks.verify(got.body, got.headers, stopped.secret)
    assert event["data"]["content"] == {"text": "survive"}


def test_pending_deliveries_survive_a_restart(tmp_path: Path) -> None:
    """A delivery still pending when the server stops is sent by the next server on the same
    database, with the same webhook-id, once a webhooks request wakes it (no lifespan)."""
    with Receiver() as rx:
        stopped = _stop_with_a_pending_delivery(tmp_path, rx)
        with ReferenceServer(config=stopped.config) as second:
            with AgentKit(base_url=second.base_url, api_key=stopped.hooked_key) as hooked:
                hooked.webhooks.list().first_page()
                _resent(rx, stopped)


def test_a_server_with_a_lifespan_resumes_at_startup(tmp_path: Path) -> None:
    """An app started with its lifespan (as by `agentkit serve`) sends what was pending
    without any request."""
    from starlette.testclient import TestClient

    from agentkit.server import create_app

    with Receiver() as rx:
        stopped = _stop_with_a_pending_delivery(tmp_path, rx)
        with TestClient(create_app(stopped.config)):
            _resent(rx, stopped)


def test_secrets_are_sealed_at_rest(pair: tuple[Member, Member], server: ReferenceServer) -> None:
    """The database file (and its WAL) never holds an endpoint's secret in clear."""
    _, bob = pair
    secret = bob.client.webhooks.create(url="http://127.0.0.1:9/hook").secret
    bob.client.webhooks.rotate_secret(bob.client.webhooks.list().first_page().data[0].id)
    assert server.config is not None
    database = Path(server.config.db_path)
    stored = b"".join(
        path.read_bytes() for path in database.parent.glob(database.name + "*") if path.is_file()
    )
    assert b"whsec_" not in stored
    assert secret.encode() not in stored
    assert secret.removeprefix("whsec_").encode() not in stored


def test_attempts_in_flight_are_bounded(tmp_path: Path) -> None:
    """With a concurrency of 2, a slow receiver never sees more than 2 requests at once, and
    every event still arrives."""
    import asyncio

    from starlette.applications import Starlette
    from starlette.requests import Request
    from starlette.responses import Response
    from starlette.routing import Route

    from tests.loopback import LoopbackApp

    now_open = 0
    most_open = 0
    ids: list[str] = []

    async def slow(request: Request) -> Response:
        nonlocal now_open, most_open
        now_open += 1
        most_open = max(most_open, now_open)
        await asyncio.sleep(0.2)
        ids.append(request.headers["webhook-id"])
        now_open -= 1
        return Response(status_code=204)

    config = ServerConfig(
        db_path=str(tmp_path / "bounded.sqlite3"),
        allow_loopback_urls=True,
        webhook_concurrency=2,
    )
    app = Starlette(routes=[Route("/slow", slow, methods=["POST"])])
    with LoopbackApp(app) as slow_app, ReferenceServer(config=config) as running:
        hooked = _registered(running, "hooked")
        sender = _registered(running, "sender")
        with AgentKit(base_url=running.base_url, api_key=hooked[1]) as client:
            client.webhooks.create(url=f"{slow_app.origin}/slow")
        with AgentKit(base_url=running.base_url, api_key=sender[1]) as client:
            for i in range(6):
                client.messages.send(f"n{i}", to=hooked[0])
        deadline = time.monotonic() + 15
        while len(ids) < 6:
            assert time.monotonic() < deadline, f"{len(ids)} of 6 arrived"
            time.sleep(0.05)
    assert most_open == 2
    assert len(set(ids)) == 6


def _registered(running: ReferenceServer, prefix: str) -> tuple[str, str]:
    """A new identity on ``running``: its handle and key."""
    handle = unique_handle(prefix)
    email = f"{handle}@example.test"
    with AgentKit(base_url=running.base_url, api_key="") as anonymous:
        pending = anonymous.identity.register(email=email, handle=handle, display_name=prefix)
        code = running.last_code(email, "register")
        assert code is not None
        return handle, anonymous.identity.verify(pending.pending_id, code).api_key


def test_any_published_event_type_is_delivered(
    pair: tuple[Member, Member],
    server: ReferenceServer,
    receiver: Receiver,
    request: pytest.FixtureRequest,
) -> None:
    """Every type messaging publishes reaches the endpoints whose filters take it, as an
    unknown event when the SDK has no model for it."""
    from agentkit.server import server_state
    from agentkit.server.messaging import MessagingEvents

    _, bob = pair
    name = _name(request)
    typing_only = bob.client.webhooks.create(url=receiver.url(name), event_types=["typing.*"])
    me = bob.client.identity.me()
    events = server_state(server._app).service(MessagingEvents)
    events.publish("presence.update", {"handle": "x", "status": "away"}, [me.id])
    events.publish("typing.start", {"conversation_id": "cnv_1", "handle": "x"}, [me.id])
    bob.client.webhooks.list().first_page()  # published from this thread: wake the sender
    got = receiver.wait_for(name, 1)[0]
    event = webhooks.unwrap(got.body, got.headers, typing_only.secret)
    assert isinstance(event, webhooks.UnknownWebhookEvent)
    assert (event.type_, event.data) == (
        "typing.start",
        {"conversation_id": "cnv_1", "handle": "x"},
    )
    assert [d.event_type for d in bob.client.webhooks.deliveries(typing_only.endpoint.id)] == [
        "typing.start"
    ]


def test_read_receipts_and_group_events_arrive_typed(
    pair: tuple[Member, Member], receiver: Receiver, request: pytest.FixtureRequest
) -> None:
    """message.read, group.invite.received and group.deleted from real requests unwrap into
    their models, each verified by the official verifiers too."""
    from agentkit.types import (
        GroupDeletedWebhookEvent,
        GroupInviteReceivedWebhookEvent,
        MessageReadWebhookEvent,
    )

    alice, bob = pair
    name = _name(request)
    made = alice.client.webhooks.create(url=receiver.url(name), event_types=["message.read"])
    bobs = bob.client.webhooks.create(url=receiver.url(name + "-bob"), event_types=["group.*"])
    sent = alice.client.messages.send("read me", to=bob.handle)
    bob.client.messages.mark_read(sent.id)
    group = alice.client.groups.create("typed", member_handles=[bob.handle])
    bob.client.groups.accept_invite(bob.client.groups.invites()[0].id)
    alice.client.groups.delete(group.id)
    (got,) = receiver.wait_for(name, 1)
    _verified_everywhere(got, made.secret)
    read = webhooks.unwrap(got.body, got.headers, made.secret)
    assert isinstance(read, MessageReadWebhookEvent)
    assert (read.type, read.data.handle, read.data.last_read_seq) == ("message.read", bob.handle, 1)
    for_bob = [
        webhooks.unwrap(got.body, got.headers, bobs.secret)
        for got in receiver.wait_for(name + "-bob", 2)
    ]
    invite, deleted = sorted(for_bob, key=lambda event: event.type != "group.invite.received")
    assert isinstance(invite, GroupInviteReceivedWebhookEvent)
    assert invite.data.group_id == group.id
    assert isinstance(deleted, GroupDeletedWebhookEvent)
    assert (deleted.data.group_id, deleted.data.deleted_by) == (group.id, alice.handle)


def test_a_message_and_its_deliveries_are_committed_together(
    make_client: Any, tmp_path: Path, receiver: Receiver
) -> None:
    """A send's webhook deliveries are queued in the send's own transaction: the commit that
    makes the message visible to another connection shows its delivery too, so a server
    killed right after that commit leaves no message whose webhook was never queued."""
    import asyncio
    import sqlite3

    from agentkit.server import server_state
    from agentkit.server.messaging.message_routes import deliver

    path = tmp_path / "together.sqlite3"
    with ReferenceServer(config=ServerConfig(db_path=str(path), allow_loopback_urls=True)) as one:
        alice, bob = register(make_client, one, "alice"), register(make_client, one, "bob")
        bob.client.webhooks.create(url=receiver.url("together"), event_types=["message.new"])
        conversation = alice.client.messages.send("first", to=bob.handle).conversation_id
        receiver.wait_for("together", 1)
        state = server_state(one._app)
        me = state.store.identity_by_handle(alice.handle)
        assert me is not None
        other = sqlite3.connect(path)

        def visible() -> tuple[int, int]:
            counts = [
                other.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0]
                for table in ("msg_messages", "webhook_deliveries")
            ]
            return counts[0], counts[1]

        async def send_and_commit() -> tuple[str, tuple[int, int], tuple[int, int]]:
            # As a route does: the send's writes join the loop's open transaction.
            body = {"client_msg_id": "together", "content": {"text": "together"}}
            mark = state.store.durability_mark()
            message = deliver(state, me, conversation, body)
            before = visible()
            state.store.make_durable(mark)
            return message["id"], before, visible()

        try:
            # The server's own loop writes too (it records the first delivery's attempt): with
            # the connection's lock held, none of its writes or commits comes in between.
            with state.store.database._lock:
                message_id, before, after = asyncio.run(send_and_commit())
            bodies = [
                json.loads(row[0]) for row in other.execute("SELECT body FROM webhook_deliveries")
            ]
        finally:
            other.close()
        assert before == (1, 1)  # neither is committed before the commit
        assert after == (2, 2)  # and both are by it: no moment shows the message alone
        assert message_id in [body["data"]["id"] for body in bodies]
