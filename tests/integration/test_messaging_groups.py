"""client.groups against the reference server, for the sync and the async client."""

from __future__ import annotations

from typing import Any

import pytest

import agentkit
from agentkit.testing import ReferenceServer
from tests.integration.messaging import Member, register

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 16


@pytest.fixture
def trio(make_client: Any, server: ReferenceServer) -> tuple[Member, Member, Member]:
    return tuple(register(make_client, server, name) for name in ("ann", "ben", "cat"))  # type: ignore[return-value]


def _join(owner: Member, *members: Member, name: str = "Eng") -> Any:
    group = owner.client.groups.create(name, member_handles=["@" + m.handle for m in members])
    for member in members:
        invite = next(i for i in member.client.groups.invites() if i.group_id == group.id)
        assert (invite.group_name, invite.invited_by) == (name, owner.handle)
        member.client.groups.accept_invite(invite.id)
    return owner.client.groups.get(group.id)


class TestLifecycle:
    def test_create_invite_accept_and_talk(self, trio: tuple[Member, Member, Member]) -> None:
        """Invited members join on accepting; messages reach every member, numbered once."""
        ann, ben, cat = trio
        group = _join(ann, ben, cat)
        assert group.id.startswith("grp_") and group.created_by == ann.handle
        assert [(m.handle, m.role) for m in group.members] == [
            (ann.handle, "admin"),
            (ben.handle, "member"),
            (cat.handle, "member"),
        ]
        ann.client.messages.send("hello all", conversation_id=group.id)
        ben.client.messages.send("hi", conversation_id=group.id)
        seen = [(m.sender, m.seq) for m in cat.client.messages.history(group.id)]
        assert seen == [(ann.handle, 1), (ben.handle, 2)]
        view = cat.client.conversations.get(group.id)
        assert (view.kind, view.unread_count) == ("group", 2)

    def test_send_to_a_group_by_its_id(self, trio: tuple[Member, Member, Member]) -> None:
        """group_id names a group's conversation; a conversation that is no group, a group of
        others, or two targets at once are refused."""
        ann, ben, cat = trio
        group = _join(ann, ben)
        sent = ann.client.messages.send("by group id", group_id=group.id)
        assert (sent.conversation_id, sent.seq) == (group.id, 1)
        assert [m.content.text for m in ben.client.messages.history(group.id)] == ["by group id"]
        direct = ann.client.messages.send("just us", to=ben.handle)
        with pytest.raises(agentkit.GroupNotFoundError):
            ann.client.messages.send("x", group_id=direct.conversation_id)
        with pytest.raises(agentkit.GroupNotFoundError):
            cat.client.messages.send("x", group_id=group.id)
        with pytest.raises(agentkit.ValidationError) as caught:
            ann.client.messages.send("x", group_id=group.id, to=ben.handle)
        assert caught.value.field == "group_id"
        assert [m.seq for m in ben.client.messages.history(group.id)] == [1]
        ann.client.groups.delete(group.id)
        with pytest.raises(agentkit.GroupDeletedError):
            ben.client.messages.send("anyone?", group_id=group.id)

    def test_an_invite_is_not_membership(self, trio: tuple[Member, Member, Member]) -> None:
        """Until accepted, the invitee sees nothing; a rejected invite is gone."""
        ann, ben, _ = trio
        group = ann.client.groups.create("Eng", member_handles=[ben.handle])
        with pytest.raises(agentkit.GroupNotFoundError):
            ben.client.groups.get(group.id)
        with pytest.raises(agentkit.ConversationNotFoundError):
            ben.client.messages.send("x", conversation_id=group.id)
        invite = ben.client.groups.invites()[0]
        assert ben.client.groups.reject_invite(invite.id).deleted is True
        assert list(ben.client.groups.invites()) == []
        with pytest.raises(agentkit.InviteNotFoundError):
            ben.client.groups.accept_invite(invite.id)

    def test_admin_powers(self, trio: tuple[Member, Member, Member]) -> None:
        """Members may not manage (403); admins update, promote, demote and remove."""
        ann, ben, cat = trio
        group = _join(ann, ben, cat)
        with pytest.raises(agentkit.ForbiddenError) as caught:
            ben.client.groups.update(group.id, name="Mine")
        assert caught.value.status_code == 403
        with pytest.raises(agentkit.ForbiddenError):
            ben.client.groups.remove_member(group.id, cat.handle)
        assert ann.client.groups.update(group.id, name="Platform").name == "Platform"
        promoted = ann.client.groups.promote(group.id, "@" + ben.handle)
        assert {m.handle: m.role for m in promoted.members}[ben.handle] == "admin"
        ben.client.groups.remove_member(group.id, cat.handle)
        with pytest.raises(agentkit.GroupNotFoundError):
            cat.client.groups.get(group.id)
        demoted = ben.client.groups.demote(group.id, ann.handle)
        assert {m.handle: m.role for m in demoted.members}[ann.handle] == "member"
        with pytest.raises(agentkit.ValidationError):
            ben.client.groups.demote(group.id, ben.handle)
        avatar = ben.client.groups.set_avatar(group.id, PNG).avatar_url
        assert avatar.startswith("data:image/png")
        assert ben.client.groups.remove_avatar(group.id).avatar_url is None

    def test_last_admin_leaving_promotes_the_earliest_member(
        self, trio: tuple[Member, Member, Member]
    ) -> None:
        ann, ben, cat = trio
        group = _join(ann, ben, cat)
        assert ann.client.groups.leave(group.id).deleted is True
        after = ben.client.groups.get(group.id)
        assert [(m.handle, m.role) for m in after.members] == [
            (ben.handle, "admin"),
            (cat.handle, "member"),
        ]

    def test_deleted_group_says_who_and_when(self, trio: tuple[Member, Member, Member]) -> None:
        """Only the creator deletes; then sends raise GroupDeletedError naming the deleter."""
        ann, ben, _ = trio
        group = _join(ann, ben)
        ann.client.groups.promote(group.id, ben.handle)
        with pytest.raises(agentkit.ForbiddenError):
            ben.client.groups.delete(group.id)
        ann.client.groups.delete(group.id)
        with pytest.raises(agentkit.GroupDeletedError) as caught:
            ben.client.messages.send("anyone?", conversation_id=group.id)
        assert caught.value.status_code == 410
        assert caught.value.deleted_by == ann.handle
        assert caught.value.deleted_at
        with pytest.raises(agentkit.GroupDeletedError):
            ben.client.groups.get(group.id)


class TestAuthorization:
    def test_outsiders_get_404_and_change_nothing(
        self, trio: tuple[Member, Member, Member], make_client: Any
    ) -> None:
        ann, ben, cat = trio
        group = _join(ann, ben)
        before = ann.client.groups.get(group.id).to_dict()
        for intruder in (cat.client, make_client()):
            attempts = [
                lambda c=intruder: c.groups.get(group.id),
                lambda c=intruder: c.groups.update(group.id, name="x"),
                lambda c=intruder: c.groups.delete(group.id),
                lambda c=intruder: c.groups.add_member(group.id, ann.handle),
                lambda c=intruder: c.groups.remove_member(group.id, ben.handle),
                lambda c=intruder: c.groups.promote(group.id, ben.handle),
                lambda c=intruder: c.groups.leave(group.id),
                lambda c=intruder: c.groups.set_avatar(group.id, PNG),
            ]
            for attempt in attempts:
                with pytest.raises(agentkit.GroupNotFoundError):
                    attempt()
        assert ann.client.groups.get(group.id).to_dict() == before
