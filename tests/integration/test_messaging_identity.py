"""client.identity against the reference server, for the sync and the async client."""

from __future__ import annotations

from typing import Any

import pytest

import agentkit
from agentkit.server.messaging.codes import CODES_PER_HOUR
from agentkit.testing import ReferenceServer
from tests.integration.messaging import register, unique_handle

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32


class TestRegistration:
    def test_register_verify_and_me(self, make_client: Any, server: ReferenceServer) -> None:
        """A registered identity's key acts as it; the key is shown once, at verification."""
        member = register(make_client, server)
        me = member.client.identity.me()
        assert me.handle == member.handle
        assert me.email == member.email
        assert me.kind == "identity" and me.status == "active"
        assert me.id.startswith("idn_")
        assert member.api_key.startswith("ak_")

    def test_handle_is_normalised(self, client: Any, server: ReferenceServer) -> None:
        """A leading @ and upper case are dropped: '@Mixed' registers 'mixed'."""
        handle = unique_handle("mixed")
        email = f"{handle}@example.test"
        pending = client.identity.register(
            email=email, handle="@" + handle.upper(), display_name="M"
        )
        made = client.identity.verify(pending.pending_id, server.last_code(email))
        assert made.identity.handle == handle

    @pytest.mark.parametrize(
        ("handle", "reason"),
        [
            ("ab", "3 to 32"),
            ("x" * 33, "3 to 32"),
            ("9lives", "start with a letter"),
            ("has space", "lower-case letters"),
            ("émile", "lower-case letters"),
            ("admin", "reserved"),
            ("@system", "reserved"),
        ],
    )
    def test_bad_handles_are_a_400_naming_the_field(
        self, client: Any, handle: str, reason: str
    ) -> None:
        """Charset, length and reserved names are checked, with a message that says which."""
        with pytest.raises(agentkit.ValidationError) as caught:
            client.identity.register(email="x@example.test", handle=handle, display_name="X")
        assert caught.value.status_code == 400
        assert reason in caught.value.message
        assert caught.value.details["field"] == "handle"

    def test_taken_handle_is_its_own_error(self, make_client: Any, server: ReferenceServer) -> None:
        """Registering a handle someone has raises HandleTakenError (409)."""
        member = register(make_client, server)
        with pytest.raises(agentkit.HandleTakenError) as caught:
            make_client().identity.register(
                email="other@example.test", handle=member.handle, display_name="Other"
            )
        assert caught.value.status_code == 409

    def test_wrong_code_fails_and_attempts_are_bounded(
        self, client: Any, server: ReferenceServer
    ) -> None:
        """A wrong code is VERIFICATION_FAILED; after five wrong tries even the right one fails."""
        handle = unique_handle()
        email = f"{handle}@example.test"
        pending = client.identity.register(email=email, handle=handle, display_name="X")
        right = server.last_code(email)
        wrong = "000000" if right != "000000" else "111111"
        for _ in range(5):
            with pytest.raises(agentkit.VerificationFailedError):
                client.identity.verify(pending.pending_id, wrong)
        with pytest.raises(agentkit.VerificationFailedError):
            client.identity.verify(pending.pending_id, right)

    def test_a_code_works_once(self, client: Any, server: ReferenceServer) -> None:
        """Verifying twice with the same code fails the second time."""
        handle = unique_handle()
        email = f"{handle}@example.test"
        pending = client.identity.register(email=email, handle=handle, display_name="X")
        code = server.last_code(email)
        client.identity.verify(pending.pending_id, code)
        with pytest.raises(agentkit.VerificationFailedError):
            client.identity.verify(pending.pending_id, code)

    def test_registered_email_gets_a_notice_not_a_code(
        self, make_client: Any, server: ReferenceServer
    ) -> None:
        """A second registration with a known email answers the same, but cannot complete."""
        member = register(make_client, server)
        client = make_client()
        pending = client.identity.register(
            email=member.email, handle=unique_handle(), display_name="Again"
        )
        assert pending.pending_id.startswith("pnd_")
        notice = server.outbox[-1]
        assert notice.to == member.email and notice.code is None
        with pytest.raises(agentkit.VerificationFailedError):
            client.identity.verify(pending.pending_id, server.last_code(member.email))

    def test_organization_key_has_no_identity(self, client: Any) -> None:
        """An organization's key reading 'me' gets IdentityNotFoundError (404)."""
        with pytest.raises(agentkit.IdentityNotFoundError):
            client.identity.me()


class TestProfileAndUpdates:
    def test_public_profile_shows_only_public_fields(
        self, make_client: Any, server: ReferenceServer
    ) -> None:
        """Another identity sees handle, display name and avatar URL, nothing else."""
        alice, bob = register(make_client, server), register(make_client, server)
        profile = bob.client.identity.profile("@" + alice.handle)
        assert profile.to_dict() == {
            "handle": alice.handle,
            "display_name": alice.handle.title(),
            "avatar_url": None,
        }
        with pytest.raises(agentkit.IdentityNotFoundError):
            bob.client.identity.profile("nobody-here")

    def test_update(self, make_client: Any, server: ReferenceServer) -> None:
        """Display name and description change; None clears the description."""
        member = register(make_client, server)
        updated = member.client.identity.update(display_name="New Name", description="Bio")
        assert (updated.display_name, updated.description) == ("New Name", "Bio")
        assert member.client.identity.update(description=None).description is None
        assert member.client.identity.me().display_name == "New Name"

    def test_delete_frees_the_handle_and_kills_the_key(
        self, make_client: Any, server: ReferenceServer
    ) -> None:
        """After delete the key is refused and the handle can be registered again."""
        member = register(make_client, server)
        assert member.client.identity.delete().deleted is True
        with pytest.raises(agentkit.AuthenticationError):
            member.client.identity.me()
        client = make_client()
        email = "again-" + member.email
        pending = client.identity.register(email=email, handle=member.handle, display_name="Y")
        assert (
            client.identity.verify(pending.pending_id, server.last_code(email)).identity.handle
            == member.handle
        )


class TestAvatar:
    def test_set_and_remove(self, make_client: Any, server: ReferenceServer) -> None:
        """A PNG is accepted whatever the client says; its type comes from the bytes."""
        member = register(make_client, server)
        identity = member.client.identity.set_avatar(PNG)
        assert identity.avatar_url.startswith("data:image/png;base64,")
        other = register(make_client, server)
        assert other.client.identity.profile(member.handle).avatar_url == identity.avatar_url
        assert member.client.identity.remove_avatar().avatar_url is None
        assert member.client.identity.remove_avatar().avatar_url is None

    def test_not_an_image_is_415(self, make_client: Any, server: ReferenceServer) -> None:
        """Bytes that are no supported image raise UnsupportedMediaTypeError; nothing changes."""
        member = register(make_client, server)
        for body in (b"", b"GIF", b"<svg xmlns='http://www.w3.org/2000/svg'/>"):
            with pytest.raises(agentkit.UnsupportedMediaTypeError):
                member.client.identity.set_avatar(body)
        assert member.client.identity.me().avatar_url is None

    def test_too_large_is_413(self, make_client: Any, server: ReferenceServer) -> None:
        """An image past the limit raises AvatarTooLargeError (413)."""
        member = register(make_client, server)
        with pytest.raises(agentkit.AvatarTooLargeError) as caught:
            member.client.identity.set_avatar(PNG + b"\x00" * (200 * 1024))
        assert caught.value.status_code == 413


class TestKeys:
    def test_rotate_kills_the_old_key_at_once(
        self, make_client: Any, server: ReferenceServer
    ) -> None:
        """After a code-confirmed rotation the old key is refused and the new one works."""
        member = register(make_client, server)
        pending = member.client.identity.rotate_key()
        code = server.last_code(member.email, "rotate_key")
        new_key = member.client.identity.rotate_key_verify(pending.pending_id, code).api_key
        assert new_key != member.api_key
        with pytest.raises(agentkit.AuthenticationError):
            member.client.identity.me()
        assert make_client(api_key=new_key).identity.me().handle == member.handle

    def test_rotation_code_belongs_to_its_identity(
        self, make_client: Any, server: ReferenceServer
    ) -> None:
        """Another identity cannot complete someone's rotation, even with the right code."""
        alice, bob = register(make_client, server), register(make_client, server)
        pending = alice.client.identity.rotate_key()
        code = server.last_code(alice.email, "rotate_key")
        with pytest.raises(agentkit.VerificationFailedError):
            bob.client.identity.rotate_key_verify(pending.pending_id, code)
        assert alice.client.identity.me().handle == alice.handle

    def test_recover_reissues_the_key(self, make_client: Any, server: ReferenceServer) -> None:
        """Recovery by email gives a new key and revokes the old one."""
        member = register(make_client, server)
        client = make_client()
        pending = client.identity.recover(member.email)
        made = client.identity.recover_verify(
            pending.pending_id, server.last_code(member.email, "recover")
        )
        assert made.identity.handle == member.handle
        with pytest.raises(agentkit.AuthenticationError):
            member.client.identity.me()
        assert make_client(api_key=made.api_key).identity.me().handle == member.handle

    def test_recover_does_not_tell_whether_the_email_exists(
        self, make_client: Any, server: ReferenceServer
    ) -> None:
        """Known and unknown emails get the same status and the same shape of answer."""
        member = register(make_client, server)
        client = make_client()
        known = client.identity.recover.with_raw_response(member.email)
        unknown = client.identity.recover.with_raw_response("nobody@example.test")
        assert known.status_code == unknown.status_code == 202
        assert set(known.parsed.to_dict()) == set(unknown.parsed.to_dict())
        assert server.last_code("nobody@example.test") is None
        with pytest.raises(agentkit.VerificationFailedError):
            client.identity.recover_verify(unknown.parsed.pending_id, "123456")


class TestAgentHandles:
    def test_a_direct_message_to_an_agent_is_answered_by_its_brain(
        self, make_client: Any, server: ReferenceServer
    ) -> None:
        """An organization's echo agent with a handle answers in the same conversation."""
        org = make_client()
        agent = org.agents.create(name="Echo Desk", brain="echo")
        handle = unique_handle("desk")
        identity = org.identity.claim_agent_handle(agent.id, handle)
        assert (identity.kind, identity.agent_id, identity.email) == ("agent", agent.id, None)
        assert org.identity.claim_agent_handle(agent.id, handle).id == identity.id
        alice = register(make_client, server)
        sent = alice.client.messages.send("hello desk", to="@" + handle)
        reply = _wait_for_reply(alice.client, sent.conversation_id)
        assert reply.sender == handle
        assert reply.content.text == "hello desk"
        assert reply.metadata.to_dict() == {"in_reply_to": sent.id}

    def test_deleting_the_agent_frees_its_handle(
        self, make_client: Any, server: ReferenceServer
    ) -> None:
        """A deleted agent's handle reaches nobody, and another agent may take it."""
        org = make_client()
        handle = unique_handle("gone")
        first = org.agents.create(name="Leaving", brain="echo")
        org.identity.claim_agent_handle(first.id, handle)
        alice = register(make_client, server)
        alice.client.messages.send("before", to="@" + handle)
        org.agents.delete(first.id)
        with pytest.raises(agentkit.IdentityNotFoundError):
            alice.client.messages.send("after", to="@" + handle)
        with pytest.raises(agentkit.IdentityNotFoundError):
            alice.client.identity.profile(handle)
        second = org.agents.create(name="Arriving", brain="echo")
        assert org.identity.claim_agent_handle(second.id, handle).agent_id == second.id

    def test_claim_checks_the_agent_and_the_handle(
        self, make_client: Any, server: ReferenceServer
    ) -> None:
        """Another organization's agent is not found; a taken handle is HandleTakenError."""
        org, other = make_client(), make_client()
        agent = org.agents.create(name="Mine")
        with pytest.raises(agentkit.AgentNotFoundError):
            other.identity.claim_agent_handle(agent.id, unique_handle())
        member = register(make_client, server)
        with pytest.raises(agentkit.HandleTakenError):
            org.identity.claim_agent_handle(agent.id, member.handle)


def _wait_for_reply(client: Any, conversation_id: str) -> Any:
    import time

    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        page = client.messages.list_page(conversation_id, after_seq=1)
        if page.data:
            return page.data[0]
        time.sleep(0.02)
    raise AssertionError("the agent did not answer within 10 s")


class TestCodeThrottle:
    def test_an_address_gets_a_bounded_number_of_codes_an_hour(
        self, make_client: Any, server: ReferenceServer
    ) -> None:
        """Past the hourly number, recovery answers as always but sends no code, and its
        verification cannot succeed: asking again and again does not multiply the guesses."""
        member = register(make_client, server, "thr")
        anonymous = make_client(api_key="")
        sent_before = len([m for m in server.outbox if m.to == member.email])
        pendings = [anonymous.identity.recover(member.email) for _ in range(CODES_PER_HOUR + 2)]
        sent = [m for m in server.outbox if m.to == member.email][sent_before:]
        # The registration's code counts too.
        assert len(sent) == CODES_PER_HOUR - 1
        assert all(p.pending_id and p.expires_at for p in pendings)
        last_code = server.last_code(member.email, "recover")
        assert last_code is not None
        with pytest.raises(agentkit.VerificationFailedError):
            anonymous.identity.recover_verify(pendings[-1].pending_id, last_code)
        made = anonymous.identity.recover_verify(pendings[CODES_PER_HOUR - 2].pending_id, last_code)
        assert made.api_key.startswith("ak_")
