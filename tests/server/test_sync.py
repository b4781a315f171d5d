"""Offline sync over REST: unacknowledged deliveries after a cursor, oldest first, and their
acknowledgement up to a delivery id, idempotent and forward only."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from agentkit.testing import ReferenceServer
from tests.server.realtime_client import Someone, connected, register, send_text


@pytest.fixture(scope="module")
def server() -> Iterator[ReferenceServer]:
    """A server for the sync tests."""
    with ReferenceServer() as running:
        yield running


def sync(who: Someone, **params: Any) -> dict[str, Any]:
    response = who.api.get("/v1/messages/sync", params=params)
    assert response.status_code == 200, response.text
    return dict(response.json())


def ack(who: Someone, delivery_id: str) -> int:
    response = who.api.post("/v1/messages/sync/ack", json={"last_delivery_id": delivery_id})
    assert response.status_code == 200, response.text
    return int(response.json()["acked"])


class TestSyncPages:
    def test_pending_deliveries_come_oldest_first_in_pages(self, server: ReferenceServer) -> None:
        """Pages by the cursor walk every unacknowledged delivery once, in order, with
        has_more until the last."""
        alice, carol, bob = register(server), register(server), register(server)
        sent = [send_text((alice if i % 2 else carol).api, bob.handle, f"m{i}") for i in range(7)]
        seen: list[str] = []
        after = None
        pages = 0
        while True:
            page = sync(bob, limit=3, **({"after": after} if after else {}))
            pages += 1
            seen += [row["message"]["id"] for row in page["data"]]
            if not page["has_more"]:
                break
            after = page["data"][-1]["delivery_id"]
        assert seen == [m["id"] for m in sent]
        assert pages == 3
        assert sync(bob)["data"][0]["message"] == sent[0]

    def test_reading_does_not_acknowledge(self, server: ReferenceServer) -> None:
        """Reading a page twice gives the same deliveries."""
        alice, bob = register(server), register(server)
        send_text(alice.api, bob.handle, "twice")
        assert sync(bob) == sync(bob)

    def test_nothing_pending_is_an_empty_page(self, server: ReferenceServer) -> None:
        """An identity with nothing pending gets no rows; its own sent messages are not its
        deliveries."""
        alice, bob = register(server), register(server)
        send_text(alice.api, bob.handle, "from alice")
        assert sync(alice) == {"data": [], "has_more": False}


class TestSyncAck:
    def test_ack_is_inclusive_idempotent_and_forward_only(self, server: ReferenceServer) -> None:
        """Acking the third of five acks three; again, or an older one, acks none; the rest
        stay pending; the backlog drops with each ack."""
        alice, bob = register(server), register(server)
        for i in range(5):
            send_text(alice.api, bob.handle, f"m{i}")
        rows = sync(bob)["data"]
        assert ack(bob, rows[2]["delivery_id"]) == 3
        assert ack(bob, rows[2]["delivery_id"]) == 0
        assert ack(bob, rows[0]["delivery_id"]) == 0
        assert [r["delivery_id"] for r in sync(bob)["data"]] == [r["delivery_id"] for r in rows[3:]]
        assert server._store.backlogs([bob.id])[bob.id] == 2
        assert ack(bob, rows[4]["delivery_id"]) == 2
        assert server._store.backlogs([bob.id])[bob.id] == 0

    def test_an_acknowledged_cursor_still_pages_on(self, server: ReferenceServer) -> None:
        """A cursor naming a delivery acknowledged since still works as a cursor."""
        alice, bob = register(server), register(server)
        first = send_text(alice.api, bob.handle, "one")
        rows = sync(bob)["data"]
        ack(bob, rows[0]["delivery_id"])
        second = send_text(alice.api, bob.handle, "two")
        page = sync(bob, after=rows[0]["delivery_id"])
        assert [r["message"]["id"] for r in page["data"]] == [second["id"]]
        assert first["id"] != second["id"]

    def test_a_websocket_ack_and_a_sync_ack_agree(self, server: ReferenceServer) -> None:
        """A delivery acked over the socket leaves sync; acking past it over REST does not
        count it again."""
        alice, bob = register(server), register(server)
        socket = connected(server, bob)
        first = send_text(alice.api, bob.handle, "socket ack")
        socket.recv()
        second = send_text(alice.api, bob.handle, "rest ack")
        second_frame = socket.recv()
        socket.send({"type": "ack", "message_id": first["id"]})
        socket.close()
        rows = sync(bob)["data"]
        assert [r["message"]["id"] for r in rows] == [second["id"]]
        assert ack(bob, second_frame["delivery_id"]) == 1


class TestSyncRefusals:
    @pytest.mark.parametrize("after", ["del_unknown", "x"])
    def test_an_unknown_cursor_is_a_400_on_after(self, server: ReferenceServer, after: str) -> None:
        """A cursor that names no delivery of the caller is refused, naming ``after``."""
        bob = register(server)
        response = bob.api.get("/v1/messages/sync", params={"after": after})
        assert response.status_code == 400
        assert response.json()["error"]["details"]["field"] == "after"

    def test_another_identitys_cursor_is_refused_like_an_unknown_one(
        self, server: ReferenceServer
    ) -> None:
        """Someone else's delivery id is refused exactly as a made-up one, for sync and ack."""
        alice, bob, eve = register(server), register(server), register(server)
        send_text(alice.api, bob.handle, "for bob")
        delivery = sync(bob)["data"][0]["delivery_id"]
        stolen = eve.api.get("/v1/messages/sync", params={"after": delivery})
        made_up = eve.api.get("/v1/messages/sync", params={"after": "del_" + "0" * 32})
        assert stolen.status_code == made_up.status_code == 400
        assert stolen.json()["error"]["message"] == made_up.json()["error"]["message"]
        refused = eve.api.post("/v1/messages/sync/ack", json={"last_delivery_id": delivery})
        assert refused.status_code == 400
        assert refused.json()["error"]["details"]["field"] == "last_delivery_id"
        assert len(sync(bob)["data"]) == 1

    @pytest.mark.parametrize("limit", ["0", "501", "-1", "ten"])
    def test_a_bad_limit_is_a_400(self, server: ReferenceServer, limit: str) -> None:
        """A limit outside 1..500 is refused, naming ``limit``."""
        bob = register(server)
        response = bob.api.get("/v1/messages/sync", params={"limit": limit})
        assert response.status_code == 400
        assert response.json()["error"]["details"]["field"] == "limit"

    def test_an_organization_key_has_no_deliveries(self, server: ReferenceServer) -> None:
        """An organization's key gets IDENTITY_NOT_FOUND for sync and ack."""
        from tests.server.conftest import Api

        org = Api(server.base_url, server.create_api_key())
        assert org.get("/v1/messages/sync").json()["error"]["code"] == "IDENTITY_NOT_FOUND"
        body = {"last_delivery_id": "del_x"}
        refused = org.post("/v1/messages/sync/ack", json=body)
        assert refused.json()["error"]["code"] == "IDENTITY_NOT_FOUND"
        org.close()
