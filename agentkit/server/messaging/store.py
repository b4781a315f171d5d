"""The storage the messaging family needs: identities, pending verifications, conversations,
messages and their deliveries.

Every send is one transaction: the message takes the conversation's next ``seq``, and every
recipient gets a delivery row of its own (the unit realtime push and sync/ack will work on).
"""

from __future__ import annotations

from typing import Protocol

from ..core.store import Row
from .records import Membership, SendContext, SentMessage

__all__ = ["MessagingStore"]


class MessagingStore(Protocol):
    """Identities, verifications, conversations and messages; each method one transaction."""

    # identities
    def insert_identity(self, identity: Row, principal: str | None, email: str | None) -> None:
        """Raises ``Conflict`` when the handle (or the email) is taken."""

    def identity_by_principal(self, principal: str) -> Row | None: ...
    def identity_by_handle(self, handle: str) -> Row | None: ...
    def identity_by_id(self, identity_id: str) -> Row | None: ...
    def identity_by_email(self, email: str) -> Row | None: ...
    def identity_by_agent(self, org_id: str, agent_id: str) -> Row | None: ...
    def update_identity(self, identity: Row) -> None: ...
    def delete_identity(self, identity_id: str) -> None:
        """Delete the identity and every key of its principal; its handle is free again."""

    def replace_keys(self, principal: str, key_hash: str) -> None:
        """Make ``key_hash`` the principal's only key, at once."""

    def handle_taken(self, handle: str) -> bool: ...
    def principal_of(self, identity_id: str) -> str | None:
        """The principal (key owner) of an identity; ``None`` for an organization's agent."""

    # one-time codes
    def put_pending(self, pending: Row) -> None: ...
    def get_pending(self, pending_id: str) -> Row | None: ...
    def count_pending_attempt(self, pending_id: str) -> int:
        """Count one more attempt at the code; the attempts so far."""

    def delete_pending(self, pending_id: str) -> None: ...

    # conversations
    def direct_conversation(self, first: str, second: str, stamp: str) -> str:
        """The id of the direct conversation of two identities, made on first use."""

    def membership(
        self, conversation_id: str, identity_id: str, *, hidden: bool = False
    ) -> Row | None:
        """The identity's view of a conversation it belongs to, or ``None``; one it hid counts
        only when ``hidden`` is true."""

    def conversations_of(self, identity_id: str, before: int | None, limit: int) -> list[Row]:
        """The identity's visible conversations, most recently active first, each with the
        position (``activity``) to page from."""

    def participants(self, conversation_id: str) -> list[Row]: ...
    def hide_conversation(self, conversation_id: str, identity_id: str) -> None: ...

    # messages
    def sent_message(self, sender_id: str, client_msg_id: str) -> SentMessage | None: ...
    def send_message(
        self,
        conversation_id: str,
        message: Row,
        fingerprint: str,
        backlog_limit: int | None = None,
        cold_limit: int | None = None,
    ) -> SentMessage:
        """Number and store a message (``seq`` filled in), one delivery per other member.

        Raises:
            BacklogFull: A recipient holds ``backlog_limit`` undelivered messages already.
            ColdLimitReached: In a direct conversation, the sender sent ``cold_limit``
                messages already, and the recipient neither wrote back nor added the sender as
                a contact.
        """

    def message_for(self, message_id: str, identity_id: str) -> Row | None:
        """A message of a conversation the identity belongs to, unless it hid the message."""

    def messages(
        self,
        conversation_id: str,
        identity_id: str,
        *,
        before: int | None,
        after: int | None,
        limit: int,
    ) -> list[Row]: ...
    def mark_read(self, conversation_id: str, identity_id: str, seq: int) -> int:
        """Move the read cursor up to ``seq`` (never down); the cursor after."""

    def hide_message(self, message_id: str, identity_id: str) -> None: ...
    def hid_message(self, message_id: str, identity_id: str) -> bool:
        """Whether the identity hid this message before."""

    # attachments
    def insert_attachment(self, attachment: Row) -> None: ...
    def attachment(self, attachment_id: str) -> Row | None: ...
    def update_attachment(self, attachment: Row) -> None: ...
    def may_see_attachment(self, attachment_id: str, identity_id: str) -> bool:
        """Whether the identity uploaded it or belongs to a conversation it was sent in."""

    def add_download_token(self, token_hash: str, attachment_id: str, expires: float) -> None: ...
    def use_download_token(self, token_hash: str, attachment_id: str, moment: float) -> bool:
        """Spend a download token: whether it was valid for the attachment at ``moment``."""

    def secret(self, name: str) -> bytes:
        """A random secret of the server's, made on first use and kept."""

    # groups
    def create_group(self, group: Row, creator_id: str) -> None: ...
    def group(self, group_id: str) -> Row | None: ...
    def update_group(self, group: Row) -> None: ...
    def group_members(self, group_id: str) -> list[Row]: ...
    def member_role(self, group_id: str, identity_id: str) -> str | None: ...
    def add_member(self, group_id: str, identity_id: str) -> None:
        """Join the identity to the group; it reads from the group's newest message on."""

    def set_role(self, group_id: str, identity_id: str, role: str) -> None: ...
    def remove_member(self, group_id: str, identity_id: str) -> None:
        """Remove a member; when no admin is left, the earliest member becomes one."""

    def add_invite(self, invite: Row, invitee_id: str) -> Row: ...
    def invite_for(self, invite_id: str, invitee_id: str) -> Row | None: ...
    def invites_for(self, invitee_id: str) -> list[Row]: ...
    def delete_invites(self, group_id: str, invite_id: str | None = None) -> None: ...

    # contacts, blocks, reports
    def put_contact(self, owner_id: str, contact_id: str, notes: str | None, stamp: str) -> Row: ...
    def contact(self, owner_id: str, contact_id: str) -> Row | None: ...
    def contacts(self, owner_id: str, offset: int, limit: int) -> tuple[list[Row], int]: ...
    def set_contact_notes(self, owner_id: str, contact_id: str, notes: str | None) -> bool: ...
    def remove_contact(self, owner_id: str, contact_id: str) -> bool: ...
    def set_block(self, owner_id: str, blocked_id: str, blocked: bool) -> None: ...
    def blocks(self, owner_id: str, other_id: str) -> bool: ...
    def add_report(self, report: Row, reporter_id: str, target_id: str) -> None: ...
    def reporters_of(self, target_id: str) -> int:
        """How many different identities reported ``target_id``."""

    def direct_exchange(self, sender_id: str, recipient_id: str) -> tuple[int, bool]:
        """In the direct conversation of the two: how many messages ``sender_id`` sent, and
        whether ``recipient_id`` ever wrote; ``(0, False)`` when they have none."""

    # mutes
    def put_mute(self, owner_id: str, mute: Row) -> None: ...
    def mutes(self, owner_id: str, kind: str | None, moment: str) -> list[Row]: ...
    def delete_mute(self, owner_id: str, kind: str, target: str) -> bool: ...

    # presence, directory
    def set_presence(
        self, identity_id: str, status: str, custom: str | None, stamp: str
    ) -> None: ...
    def presence(self, identity_ids: list[str]) -> dict[str, Row]: ...
    def search_identities(self, text: str, offset: int, limit: int) -> tuple[list[Row], int]: ...
    def backlogs(self, identity_ids: list[str]) -> dict[str, int]:
        """Each identity's deliveries not yet delivered or read."""

    def member_kind(self, conversation_id: str, identity_id: str) -> Membership | None:
        """A visible conversation's kind, the other members' ids, and whether one of them
        blocks the member asking."""

    def send_context(
        self, principal: str, client_msg_id: str, conversation_id: str | None
    ) -> SendContext:
        """The caller's identity, its earlier send with ``client_msg_id`` and its membership of
        ``conversation_id``, read at once (one round trip, for the send path)."""
