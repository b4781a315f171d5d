"""client.contacts, client.presence and client.directory against the reference server."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

import agentkit
from agentkit.testing import ReferenceServer
from tests.integration.messaging import Member, register


@pytest.fixture
def pair(make_client: Any, server: ReferenceServer) -> tuple[Member, Member]:
    return register(make_client, server, "dee"), register(make_client, server, "eli")


class TestContacts:
    def test_add_check_notes_remove(self, pair: tuple[Member, Member]) -> None:
        dee, eli = pair
        added = dee.client.contacts.add("@" + eli.handle, notes="met at a meetup")
        assert (added.handle, added.notes) == (eli.handle, "met at a meetup")
        status = dee.client.contacts.check(eli.handle)
        assert (status.is_contact, status.is_blocked) == (True, False)
        assert dee.client.contacts.update_notes(eli.handle, "friend").notes == "friend"
        assert dee.client.contacts.add(eli.handle).notes is None
        assert dee.client.contacts.remove(eli.handle).deleted is True
        assert dee.client.contacts.check(eli.handle).is_contact is False
        with pytest.raises(agentkit.ContactNotFoundError):
            dee.client.contacts.remove(eli.handle)
        with pytest.raises(agentkit.IdentityNotFoundError):
            dee.client.contacts.add("nobody-at-all")

    def test_pages_and_the_iterator(self, make_client: Any, server: ReferenceServer) -> None:
        """Offset pages carry the total; the iterator walks every contact in order."""
        me = register(make_client, server)
        others = [register(make_client, server) for _ in range(5)]
        for other in others:
            me.client.contacts.add(other.handle)
        page = me.client.contacts.list_page(limit=2, offset=1)
        assert (page.total, page.limit, page.offset) == (5, 2, 1)
        assert [c.handle for c in page.data] == [others[1].handle, others[2].handle]
        walked = [c.handle for c in me.client.contacts.iterate(page_size=2)]
        assert walked == [o.handle for o in others]


class TestBlocks:
    def test_a_blocked_sender_is_refused(self, pair: tuple[Member, Member]) -> None:
        """After a block, sends by handle or conversation raise BlockedError; unblock restores."""
        dee, eli = pair
        conversation = eli.client.messages.send("hi", to=dee.handle).conversation_id
        assert dee.client.contacts.block(eli.handle).is_blocked is True
        with pytest.raises(agentkit.BlockedError) as caught:
            eli.client.messages.send("hello?", to=dee.handle)
        assert caught.value.status_code == 403
        with pytest.raises(agentkit.BlockedError):
            eli.client.messages.send("hello?", conversation_id=conversation)
        dee.client.messages.send("I can still write", to=eli.handle)
        assert dee.client.contacts.unblock(eli.handle).is_blocked is False
        eli.client.messages.send("thanks", to=dee.handle)
        assert [m.seq for m in dee.client.messages.history(conversation)] == [1, 2, 3]

    def test_report(self, pair: tuple[Member, Member]) -> None:
        dee, eli = pair
        filed = dee.client.contacts.report(eli.handle, "spam")
        assert (filed.handle, filed.reason) == (eli.handle, "spam")
        assert filed.id.startswith("rep_")


class TestMutes:
    def test_mute_list_status_unmute(self, pair: tuple[Member, Member]) -> None:
        """Mutes of an agent and a conversation; an expired one is not in force."""
        dee, eli = pair
        conversation = eli.client.messages.send("hi", to=dee.handle).conversation_id
        later = datetime.now(UTC) + timedelta(days=1)
        muted = dee.client.contacts.mute("agent", "@" + eli.handle, muted_until=later)
        assert (muted.kind, muted.target) == ("agent", eli.handle)
        dee.client.contacts.mute("conversation", conversation)
        assert {m.kind for m in dee.client.contacts.mutes()} == {"agent", "conversation"}
        assert [m.target for m in dee.client.contacts.mutes("conversation")] == [conversation]
        assert dee.client.contacts.mute_status("agent", eli.handle).target == eli.handle
        eli.client.messages.send("still stored", to=dee.handle)
        assert dee.client.conversations.get(conversation).unread_count == 2
        dee.client.contacts.unmute("agent", eli.handle)
        assert dee.client.contacts.mute_status("agent", eli.handle) is None
        with pytest.raises(agentkit.MuteNotFoundError):
            dee.client.contacts.unmute("agent", eli.handle)
        dee.client.contacts.mute("agent", eli.handle, muted_until="2020-01-01T00:00:00Z")
        assert dee.client.contacts.mute_status("agent", eli.handle) is None

    def test_a_strangers_conversation_cannot_be_muted(
        self, pair: tuple[Member, Member], make_client: Any, server: ReferenceServer
    ) -> None:
        dee, eli = pair
        conversation = eli.client.messages.send("hi", to=dee.handle).conversation_id
        stranger = register(make_client, server)
        with pytest.raises(agentkit.ConversationNotFoundError):
            stranger.client.contacts.mute("conversation", conversation)


class TestPresenceAndDirectory:
    def test_presence(self, pair: tuple[Member, Member]) -> None:
        dee, eli = pair
        assert dee.client.presence.get(eli.handle).status == "offline"
        updated = eli.client.presence.update("busy", custom_status="heads-down")
        assert (updated.status, updated.custom_status) == ("busy", "heads-down")
        seen = dee.client.presence.get("@" + eli.handle)
        assert (seen.status, seen.custom_status) == ("busy", "heads-down")
        batch = dee.client.presence.batch([eli.handle, dee.handle, "no-such-one"])
        assert [(p.handle, p.status) for p in batch] == [
            (eli.handle, "busy"),
            (dee.handle, "offline"),
        ]
        with pytest.raises(agentkit.ValidationError) as caught:
            dee.client.presence.batch([f"h{n}" for n in range(101)])
        assert "handles" in caught.value.message
        with pytest.raises(agentkit.ValidationError):
            dee.client.presence.update("sleeping")

    def test_directory_search(self, make_client: Any, server: ReferenceServer) -> None:
        """Search matches handles and display names; pages and the iterator agree."""
        found = [register(make_client, server, "zebra") for _ in range(3)]
        searcher = found[0].client
        page = searcher.directory.search("zebra", limit=2)
        assert page.total >= 3 and len(page.data) == 2
        every = [p.handle for p in searcher.directory.search_all("zebra", page_size=2)]
        assert {m.handle for m in found} <= set(every)
        assert every == sorted(every)
        assert searcher.directory.search("%_").total == 0


def test_paginate_walks_any_offset_api() -> None:
    """paginate stops on a short page, on the total, or at max; apaginate does the same."""
    import asyncio

    items = list(range(7))
    calls: list[tuple[int, int]] = []

    def fetch(offset: int, limit: int) -> dict[str, Any]:
        calls.append((offset, limit))
        return {"items": items[offset : offset + limit], "total": len(items)}

    assert list(agentkit.paginate(fetch, page_size=3)) == items
    assert calls == [(0, 3), (3, 3), (6, 3)]
    assert list(agentkit.paginate(fetch, page_size=3, start=2, max=4)) == [2, 3, 4, 5]
    assert list(agentkit.paginate(lambda o, n: items[o : o + n], page_size=7)) == items

    async def afetch(offset: int, limit: int) -> list[int]:
        return items[offset : offset + limit]

    async def collect() -> list[int]:
        return [item async for item in agentkit.apaginate(afetch, page_size=2)]

    assert asyncio.run(collect()) == items
    with pytest.raises(ValueError):
        list(agentkit.paginate(fetch, page_size=0))
