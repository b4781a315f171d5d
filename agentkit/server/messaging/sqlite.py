"""Messaging in the store: identities, one-time codes, conversations, messages, deliveries.

Server instances sharing one database send at once. A conversation's ``seq`` is counted up in
its row, which one transaction at a time may change; a ``client_msg_id`` is unique per sender,
so of two instances storing the same one at once the second is refused and answers with the
first's message. ``activity`` (the order conversations are listed in, and the position their
pages start from) must never repeat: SQLite, with one writer, counts it from the largest so
far; PostgreSQL takes it from a sequence, since concurrent transactions would read the same
largest value.
"""

from __future__ import annotations

import json
import secrets
from typing import Any

from ..core.database import Connection, Database, Statement
from ..core.migrations import Migration
from ..core.sqlite import SQLiteTables
from ..core.store import Conflict, Row
from .records import BacklogFull, ColdLimitReached, Membership, SendContext, SentMessage

__all__ = ["MessagingTables"]

# The next ``activity`` value, as each database takes it (see the module's docstring).
_NEXT_ACTIVITY = {
    "sqlite": "(SELECT COALESCE(MAX(activity), 0) + 1 FROM msg_conversations)",
    "postgresql": "nextval('msg_activity')",
}


def _activity_sequence(database: Database) -> None:
    """PostgreSQL's ``activity`` sequence, starting past every value given so far."""
    if database.dialect != "postgresql":
        return
    database.run("CREATE SEQUENCE IF NOT EXISTS msg_activity")
    database.one(
        "SELECT setval('msg_activity', (SELECT COALESCE(MAX(activity), 0) + 1"
        " FROM msg_conversations), false)"
    )


def _refuse_cold(
    db: Connection, conversation_id: str, sender: str, recipient: str, limit: int
) -> None:
    """Raise ``ColdLimitReached`` when ``sender`` sent ``limit`` messages into the direct
    conversation already, and ``recipient`` neither wrote in it nor added ``sender`` as a
    contact."""
    contact, answered, sent = db.execute(
        "SELECT EXISTS (SELECT 1 FROM msg_contacts WHERE owner_id = ? AND contact_id = ?),"
        " EXISTS (SELECT 1 FROM msg_messages WHERE conversation_id = ? AND sender_id = ?),"
        " (SELECT COUNT(*) FROM msg_messages WHERE conversation_id = ? AND sender_id = ?)",
        (recipient, sender, conversation_id, recipient, conversation_id, sender),
    ).fetchone()
    if not contact and not answered and int(sent) >= limit:
        raise ColdLimitReached(recipient, int(sent))


_SENT = "SELECT data, fingerprint FROM msg_messages WHERE sender_id = ? AND client_msg_id = ?"


def _sent(rows: list[tuple[Any, ...]]) -> SentMessage | None:
    return SentMessage(json.loads(rows[0][0]), str(rows[0][1]), True) if rows else None


_MEMBERSHIP = (
    "SELECT c.kind, c.last_seq > m.hidden_seq, o.identity_id, EXISTS (SELECT 1 FROM"
    " msg_blocks b WHERE b.owner_id = o.identity_id AND b.blocked_id = m.identity_id)"
    " FROM msg_members m JOIN msg_conversations c ON c.id = m.conversation_id"
    " JOIN msg_members o ON o.conversation_id = m.conversation_id"
)
_PRINCIPALS_IDENTITY = "(SELECT id FROM msg_identities WHERE principal = ?)"


def _membership(rows: list[tuple[Any, ...]], identity_id: str) -> Membership | None:
    """``member_kind``'s answer from the rows of ``_MEMBERSHIP``."""
    if not rows or not rows[0][1]:
        return None
    others = [row for row in rows if row[2] != identity_id]
    return Membership(
        str(rows[0][0]), [str(row[2]) for row in others], any(row[3] for row in others)
    )


#: Delivery rows one ``INSERT`` writes at most (seven parameters each).
_DELIVERIES_PER_INSERT = 100


def _insert_deliveries(
    message: Row, conversation_id: str, seq: int, recipients: list[str]
) -> list[Statement]:
    """The statements that write one delivery row per recipient of a message."""
    statements: list[Statement] = []
    for start in range(0, len(recipients), _DELIVERIES_PER_INSERT):
        chunk = recipients[start : start + _DELIVERIES_PER_INSERT]
        values: list[Any] = []
        for recipient in chunk:
            values += [
                "del_" + secrets.token_hex(16),
                message["id"],
                recipient,
                conversation_id,
                seq,
                message["created_at"],
            ]
        statements.append(
            (
                "INSERT INTO msg_deliveries"
                " (id, message_id, recipient_id, conversation_id, seq, status, created_at)"
                " VALUES " + ", ".join(["(?, ?, ?, ?, ?, 'stored', ?)"] * len(chunk)),
                values,
            )
        )
    return statements


_CONVERSATION = (
    "SELECT c.id, c.kind, c.last_seq, c.activity, c.created_at, c.updated_at,"
    " m.last_read_seq FROM msg_members m JOIN msg_conversations c ON c.id = m.conversation_id"
)


class MessagingTables(SQLiteTables):
    """The ``MessagingStore`` part of the SQLite store."""

    SCHEMA = """
CREATE TABLE IF NOT EXISTS msg_identities (
    pk INTEGER PRIMARY KEY AUTOINCREMENT, id TEXT NOT NULL UNIQUE, handle TEXT NOT NULL UNIQUE,
    email TEXT UNIQUE, principal TEXT UNIQUE, agent_org TEXT, agent_id TEXT, data TEXT NOT NULL);
CREATE UNIQUE INDEX IF NOT EXISTS msg_identities_by_agent
    ON msg_identities (agent_org, agent_id) WHERE agent_id IS NOT NULL;
CREATE TABLE IF NOT EXISTS msg_pending (
    id TEXT PRIMARY KEY, attempts INTEGER NOT NULL DEFAULT 0, data TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS msg_conversations (
    pk INTEGER PRIMARY KEY AUTOINCREMENT, id TEXT NOT NULL UNIQUE, kind TEXT NOT NULL,
    direct_key TEXT UNIQUE, last_seq INTEGER NOT NULL DEFAULT 0, activity INTEGER NOT NULL,
    created_at TEXT NOT NULL, updated_at TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS msg_conversations_by_activity ON msg_conversations (activity);
CREATE TABLE IF NOT EXISTS msg_members (
    conversation_id TEXT NOT NULL, identity_id TEXT NOT NULL,
    last_read_seq INTEGER NOT NULL DEFAULT 0, hidden_seq INTEGER NOT NULL DEFAULT -1,
    role TEXT NOT NULL DEFAULT 'member', joined INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (conversation_id, identity_id)) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS msg_members_by_identity ON msg_members (identity_id);
CREATE TABLE IF NOT EXISTS msg_messages (
    pk INTEGER PRIMARY KEY AUTOINCREMENT, id TEXT NOT NULL UNIQUE,
    conversation_id TEXT NOT NULL, seq INTEGER NOT NULL, sender_id TEXT NOT NULL,
    client_msg_id TEXT NOT NULL, fingerprint TEXT NOT NULL, data TEXT NOT NULL,
    UNIQUE (conversation_id, seq), UNIQUE (sender_id, client_msg_id));
CREATE TABLE IF NOT EXISTS msg_deliveries (
    pk INTEGER PRIMARY KEY AUTOINCREMENT, id TEXT NOT NULL UNIQUE, message_id TEXT NOT NULL,
    recipient_id TEXT NOT NULL, conversation_id TEXT NOT NULL, seq INTEGER NOT NULL,
    status TEXT NOT NULL, created_at TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS msg_deliveries_by_recipient ON msg_deliveries (recipient_id, pk);
CREATE INDEX IF NOT EXISTS msg_deliveries_by_conversation
    ON msg_deliveries (recipient_id, conversation_id, seq);
CREATE INDEX IF NOT EXISTS msg_deliveries_by_message ON msg_deliveries (message_id, recipient_id);
CREATE INDEX IF NOT EXISTS msg_deliveries_stored
    ON msg_deliveries (recipient_id, pk) WHERE status = 'stored';
CREATE TABLE IF NOT EXISTS msg_backlog (
    recipient_id TEXT PRIMARY KEY, undelivered INTEGER NOT NULL) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS msg_attachments (
    id TEXT PRIMARY KEY, owner_id TEXT NOT NULL, data TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS msg_attachment_links (
    attachment_id TEXT NOT NULL, conversation_id TEXT NOT NULL,
    PRIMARY KEY (attachment_id, conversation_id)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS msg_download_tokens (
    token_hash TEXT PRIMARY KEY, attachment_id TEXT NOT NULL, expires REAL NOT NULL);
CREATE TABLE IF NOT EXISTS msg_secrets (name TEXT PRIMARY KEY, value BLOB NOT NULL);
CREATE TABLE IF NOT EXISTS msg_groups (id TEXT PRIMARY KEY, data TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS msg_invites (
    id TEXT PRIMARY KEY, group_id TEXT NOT NULL, invitee_id TEXT NOT NULL, data TEXT NOT NULL,
    UNIQUE (group_id, invitee_id));
CREATE INDEX IF NOT EXISTS msg_invites_by_invitee ON msg_invites (invitee_id);
CREATE TABLE IF NOT EXISTS msg_contacts (
    pk INTEGER PRIMARY KEY AUTOINCREMENT, owner_id TEXT NOT NULL, contact_id TEXT NOT NULL,
    notes TEXT, created_at TEXT NOT NULL, UNIQUE (owner_id, contact_id));
CREATE TABLE IF NOT EXISTS msg_blocks (
    owner_id TEXT NOT NULL, blocked_id TEXT NOT NULL,
    PRIMARY KEY (owner_id, blocked_id)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS msg_reports (
    id TEXT PRIMARY KEY, reporter_id TEXT NOT NULL, target_id TEXT NOT NULL,
    reason TEXT NOT NULL, created_at TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS msg_reports_by_target ON msg_reports (target_id, reporter_id);
CREATE TABLE IF NOT EXISTS msg_mutes (
    owner_id TEXT NOT NULL, kind TEXT NOT NULL, target TEXT NOT NULL, muted_until TEXT,
    created_at TEXT NOT NULL, PRIMARY KEY (owner_id, kind, target)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS msg_presence (
    identity_id TEXT PRIMARY KEY, status TEXT NOT NULL, custom_status TEXT,
    updated_at TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS msg_hidden (
    identity_id TEXT NOT NULL, message_id TEXT NOT NULL,
    PRIMARY KEY (identity_id, message_id)) WITHOUT ROWID;
"""
    POSTGRES_SCHEMA = SCHEMA + "CREATE SEQUENCE IF NOT EXISTS msg_activity;\n"
    MIGRATIONS = (
        # 2: on PostgreSQL, activity from a sequence, so concurrent sends never share a value.
        Migration(run=_activity_sequence),
    )

    # ------------------------------------------------------------------ identities
    def insert_identity(self, identity: Row, principal: str | None, email: str | None) -> None:
        """Store a new identity; ``Conflict`` when its handle or email is taken."""
        self._database.run(
            "INSERT INTO msg_identities (id, handle, email, principal, agent_org, agent_id, data)"
            " VALUES (?, ?, ?, ?, ?, ?, ?)",
            identity["id"],
            identity["handle"],
            email,
            principal,
            identity.get("agent_org"),
            identity.get("agent_id"),
            json.dumps(identity),
        )

    def _identity_where(self, column: str, value: str) -> Row | None:
        row = self._database.one(f"SELECT data FROM msg_identities WHERE {column} = ?", value)
        return json.loads(row[0]) if row else None

    def identity_by_principal(self, principal: str) -> Row | None:
        """The identity an API key's principal stands for."""
        return self._identity_where("principal", principal)

    def identity_by_handle(self, handle: str) -> Row | None:
        """The identity with this (normalised) handle."""
        return self._identity_where("handle", handle)

    def identity_by_id(self, identity_id: str) -> Row | None:
        """The identity with this id."""
        return self._identity_where("id", identity_id)

    def identity_by_email(self, email: str) -> Row | None:
        """The identity registered with this (normalised) email."""
        return self._identity_where("email", email)

    def identity_by_agent(self, org_id: str, agent_id: str) -> Row | None:
        """The identity of an organization's agent."""
        row = self._database.one(
            "SELECT data FROM msg_identities WHERE agent_org = ? AND agent_id = ?", org_id, agent_id
        )
        return json.loads(row[0]) if row else None

    def update_identity(self, identity: Row) -> None:
        """Replace the stored identity."""
        self._database.run(
            "UPDATE msg_identities SET data = ? WHERE id = ?", json.dumps(identity), identity["id"]
        )

    def delete_identity(self, identity_id: str) -> None:
        """Delete the identity and every key of its principal."""
        with self._database.transaction() as db:
            row = db.execute(
                "SELECT principal FROM msg_identities WHERE id = ?", (identity_id,)
            ).fetchone()
            if row and row[0]:
                db.execute("DELETE FROM api_keys WHERE org_id = ?", (row[0],))
            db.execute("DELETE FROM msg_identities WHERE id = ?", (identity_id,))

    def replace_keys(self, principal: str, key_hash: str) -> None:
        """Make ``key_hash`` the principal's only key."""
        with self._database.transaction() as db:
            db.execute("DELETE FROM api_keys WHERE org_id = ?", (principal,))
            db.execute("INSERT INTO api_keys VALUES (?, ?)", (key_hash, principal))

    def handle_taken(self, handle: str) -> bool:
        """Whether an identity has this handle."""
        found = self._database.one("SELECT 1 FROM msg_identities WHERE handle = ?", handle)
        return found is not None

    def principal_of(self, identity_id: str) -> str | None:
        """The principal whose keys act as the identity."""
        row = self._database.one("SELECT principal FROM msg_identities WHERE id = ?", identity_id)
        return str(row[0]) if row and row[0] else None

    # ------------------------------------------------------------------ one-time codes
    def put_pending(self, pending: Row) -> None:
        """Store a pending verification."""
        self._database.run(
            "INSERT INTO msg_pending (id, data) VALUES (?, ?)", pending["id"], json.dumps(pending)
        )

    def get_pending(self, pending_id: str) -> Row | None:
        """A pending verification with its ``attempts``."""
        row = self._database.one("SELECT data, attempts FROM msg_pending WHERE id = ?", pending_id)
        if row is None:
            return None
        pending: Row = json.loads(row[0])
        pending["attempts"] = int(row[1])
        return pending

    def count_pending_attempt(self, pending_id: str) -> int:
        """Count an attempt at the code; the attempts so far."""
        self._database.run(
            "UPDATE msg_pending SET attempts = attempts + 1 WHERE id = ?", pending_id
        )
        row = self._database.one("SELECT attempts FROM msg_pending WHERE id = ?", pending_id)
        return int(row[0]) if row else 0

    def delete_pending(self, pending_id: str) -> None:
        """Forget a pending verification (used or expired)."""
        self._database.run("DELETE FROM msg_pending WHERE id = ?", pending_id)

    # ------------------------------------------------------------------ conversations
    @property
    def _next_activity(self) -> str:
        return _NEXT_ACTIVITY[self._database.dialect]

    def direct_conversation(self, first: str, second: str, stamp: str) -> str:
        """The direct conversation of two identities, made on first use (by whichever server
        sharing the database makes it first)."""
        key = "|".join(sorted((first, second)))
        try:
            return self._direct_conversation(first, second, key, stamp)
        except Conflict:
            # Another instance made it meanwhile: the unique key refused the second.
            row = self._database.one("SELECT id FROM msg_conversations WHERE direct_key = ?", key)
            if row is None:
                raise
            return str(row[0])

    def _direct_conversation(self, first: str, second: str, key: str, stamp: str) -> str:
        with self._database.transaction() as db:
            row = db.execute(
                "SELECT id FROM msg_conversations WHERE direct_key = ?", (key,)
            ).fetchone()
            if row:
                return str(row[0])
            conversation_id = "conv_" + secrets.token_hex(12)
            db.execute(
                "INSERT INTO msg_conversations"
                " (id, kind, direct_key, activity, created_at, updated_at)"
                f" VALUES (?, 'direct', ?, {self._next_activity}, ?, ?)",
                (conversation_id, key, stamp, stamp),
            )
            db.executemany(
                "INSERT INTO msg_members (conversation_id, identity_id) VALUES (?, ?)",
                [(conversation_id, first), (conversation_id, second)],
            )
            return conversation_id

    def _conversation(self, db: Connection, row: tuple[Any, ...], me: str) -> Row:
        conversation_id, kind, last_seq, activity, created_at, updated_at, last_read = row
        unread = db.execute(
            "SELECT COUNT(*) FROM msg_messages WHERE conversation_id = ? AND seq > ?"
            " AND sender_id != ?",
            (conversation_id, last_read, me),
        ).fetchone()[0]
        last = db.execute(
            "SELECT data FROM msg_messages WHERE conversation_id = ? AND id NOT IN"
            " (SELECT message_id FROM msg_hidden WHERE identity_id = ?)"
            " ORDER BY seq DESC LIMIT 1",
            (conversation_id, me),
        ).fetchone()
        return {
            "id": conversation_id,
            "kind": kind,
            "last_seq": int(last_seq),
            "last_read_seq": int(last_read),
            "unread_count": int(unread),
            "last_message": json.loads(last[0]) if last else None,
            "created_at": created_at,
            "updated_at": updated_at,
            "activity": int(activity),
        }

    def membership(
        self, conversation_id: str, identity_id: str, *, hidden: bool = False
    ) -> Row | None:
        """The identity's view of a conversation it belongs to (one it hid if ``hidden``)."""
        sql = _CONVERSATION + " WHERE m.conversation_id = ? AND m.identity_id = ?"
        if not hidden:
            sql += " AND c.last_seq > m.hidden_seq"
        with self._database.transaction() as db:
            row = db.execute(sql, (conversation_id, identity_id)).fetchone()
            return None if row is None else self._conversation(db, row, identity_id)

    def conversations_of(self, identity_id: str, before: int | None, limit: int) -> list[Row]:
        """The identity's visible conversations, most recently active first."""
        with self._database.transaction() as db:
            rows = db.execute(
                _CONVERSATION + " WHERE m.identity_id = ? AND c.last_seq > m.hidden_seq"
                " AND (? IS NULL OR c.activity < ?) ORDER BY c.activity DESC LIMIT ?",
                (identity_id, before, before, limit),
            ).fetchall()
            return [self._conversation(db, row, identity_id) for row in rows]

    def participants(self, conversation_id: str) -> list[Row]:
        """Handle and display name of each member, in the order they joined."""
        rows = self._database.all(
            "SELECT i.data FROM msg_members m JOIN msg_identities i ON i.id = m.identity_id"
            " WHERE m.conversation_id = ? ORDER BY i.pk",
            conversation_id,
        )
        found = [json.loads(row[0]) for row in rows]
        return [{"handle": i["handle"], "display_name": i["display_name"]} for i in found]

    def hide_conversation(self, conversation_id: str, identity_id: str) -> None:
        """Hide the conversation from the identity until a newer message arrives."""
        self._database.run(
            "UPDATE msg_members SET hidden_seq = (SELECT last_seq FROM msg_conversations"
            " WHERE id = ?) WHERE conversation_id = ? AND identity_id = ?",
            conversation_id,
            conversation_id,
            identity_id,
        )

    # ------------------------------------------------------------------ messages
    def sent_message(self, sender_id: str, client_msg_id: str) -> SentMessage | None:
        """The message the sender made with this ``client_msg_id``, if any."""
        return _sent(self._database.all(_SENT, sender_id, client_msg_id))

    def send_message(
        self,
        conversation_id: str,
        message: Row,
        fingerprint: str,
        backlog_limit: int | None = None,
        cold_limit: int | None = None,
    ) -> SentMessage:
        """Number and store a message, one delivery row per other member, in one transaction.

        When the sender's ``client_msg_id`` made a message already (even one another instance
        stored a moment ago), nothing is stored and that message is answered, as replayed.
        Each recipient's backlog is counted in the same transaction, and a recipient at
        ``backlog_limit`` refuses the whole send (``BacklogFull``): instances sending to one
        recipient at once cannot together take it past the limit. So are the sender's
        unanswered messages of a direct conversation, against ``cold_limit``
        (``ColdLimitReached``).
        """
        try:
            return self._send_message(
                conversation_id, message, fingerprint, backlog_limit, cold_limit
            )
        except Conflict:
            # Another instance stored this client_msg_id first (the unique key refused ours,
            # and undid the whole send, seq included): the send is its duplicate.
            earlier = self.sent_message(message["sender_id"], message["client_msg_id"])
            if earlier is None:
                raise
            return earlier

    def _send_message(
        self,
        conversation_id: str,
        message: Row,
        fingerprint: str,
        backlog_limit: int | None,
        cold_limit: int | None,
    ) -> SentMessage:
        # Statements go in two batches (two round trips on PostgreSQL): what numbers the
        # message and names its recipients, then every write that follows from them. An earlier
        # send of this client_msg_id is not looked for here: the unique key refuses the insert
        # (a Conflict, which ``send_message`` answers), and that undoes the whole group.
        sender = message["sender_id"]
        with self._database.transaction() as db:
            numbered, members = db.batch(
                [
                    (
                        "UPDATE msg_conversations SET last_seq = last_seq + 1, updated_at = ?,"
                        f" activity = {self._next_activity} WHERE id = ?"
                        " RETURNING last_seq, kind",
                        (message["created_at"], conversation_id),
                    ),
                    # In one order, so that two sends lock the recipients' backlogs in turn.
                    (
                        "SELECT identity_id FROM msg_members WHERE conversation_id = ?"
                        " AND identity_id != ? ORDER BY identity_id",
                        (conversation_id, sender),
                    ),
                ]
            )
            seq, kind = int(numbered[0][0]), numbered[0][1]
            recipients = [str(member) for (member,) in members]
            if cold_limit is not None and kind == "direct" and len(recipients) == 1:
                # After the UPDATE above: the conversation's row is locked until this send
                # commits, so a send of the same two waits here for the other's count to be
                # final, and (a statement reading what is committed when it starts) sees it.
                _refuse_cold(db, conversation_id, sender, recipients[0], cold_limit)
            stored = {k: v for k, v in message.items() if k != "sender_id"}
            stored["seq"] = seq
            deliveries = _insert_deliveries(message, conversation_id, seq, recipients)
            statements: list[Statement] = [
                (
                    "INSERT INTO msg_messages"
                    " (id, conversation_id, seq, sender_id, client_msg_id, fingerprint, data)"
                    " VALUES (?, ?, ?, ?, ?, ?, ?)",
                    (
                        message["id"],
                        conversation_id,
                        seq,
                        sender,
                        message["client_msg_id"],
                        fingerprint,
                        json.dumps(stored),
                    ),
                ),
                *deliveries,
                # Each row is locked until the send commits: a count another send saw is final.
                *(
                    (
                        "INSERT INTO msg_backlog VALUES (?, 1) ON CONFLICT (recipient_id)"
                        " DO UPDATE SET undelivered = msg_backlog.undelivered + 1"
                        " WHERE ? IS NULL OR msg_backlog.undelivered < ? RETURNING undelivered",
                        (recipient, backlog_limit, backlog_limit),
                    )
                    for recipient in recipients
                ),
                (
                    "UPDATE msg_members SET last_read_seq = ? WHERE conversation_id = ?"
                    " AND identity_id = ?",
                    (seq, conversation_id, sender),
                ),
            ]
            attachment_id = message["content"].get("attachment_id")
            if attachment_id is not None:
                statements.append(
                    (
                        "INSERT OR IGNORE INTO msg_attachment_links VALUES (?, ?)",
                        (attachment_id, conversation_id),
                    )
                )
            first_count = 1 + len(deliveries)
            counts = db.batch(statements)[first_count : first_count + len(recipients)]
            backlogs: dict[str, int] = {}
            for recipient, counted in zip(recipients, counts, strict=True):
                if not counted:
                    assert backlog_limit is not None  # only a limit leaves the row as it was
                    raise BacklogFull(recipient, backlog_limit)
                backlogs[recipient] = int(counted[0][0])
            return SentMessage(stored, fingerprint, False, tuple(recipients), backlogs)

    def message_for(self, message_id: str, identity_id: str) -> Row | None:
        """A message the identity may see."""
        row = self._database.one(
            "SELECT g.data FROM msg_messages g JOIN msg_members m"
            " ON m.conversation_id = g.conversation_id AND m.identity_id = ?"
            " WHERE g.id = ? AND g.id NOT IN"
            " (SELECT message_id FROM msg_hidden WHERE identity_id = ?)",
            identity_id,
            message_id,
            identity_id,
        )
        return json.loads(row[0]) if row else None

    def messages(
        self,
        conversation_id: str,
        identity_id: str,
        *,
        before: int | None,
        after: int | None,
        limit: int,
    ) -> list[Row]:
        """Up to ``limit`` messages past a seq: after it oldest first, else newest first."""
        sql = (
            "SELECT data FROM msg_messages WHERE conversation_id = ? AND id NOT IN"
            " (SELECT message_id FROM msg_hidden WHERE identity_id = ?)"
        )
        if after is not None:
            sql += " AND seq > ? ORDER BY seq LIMIT ?"
            args: tuple[Any, ...] = (conversation_id, identity_id, after, limit)
        else:
            bound = before if before is not None else (1 << 62)
            sql += " AND seq < ? ORDER BY seq DESC LIMIT ?"
            args = (conversation_id, identity_id, bound, limit)
        return [json.loads(row[0]) for row in self._database.all(sql, *args)]

    def mark_read(self, conversation_id: str, identity_id: str, seq: int) -> int:
        """Move the read cursor up to ``seq``; the cursor after. Deliveries up to it are read,
        and leave the identity's backlog."""
        with self._database.transaction() as db:
            read = db.execute(
                "UPDATE msg_deliveries SET status = 'read' WHERE recipient_id = ?"
                " AND conversation_id = ? AND seq <= ? AND status = 'stored'",
                (identity_id, conversation_id, seq),
            ).rowcount
            if read:
                db.execute(
                    "UPDATE msg_backlog SET undelivered = MAX(undelivered - ?, 0)"
                    " WHERE recipient_id = ?",
                    (read, identity_id),
                )
            # Delivered (acknowledged) ones are read too; they left the backlog already.
            db.execute(
                "UPDATE msg_deliveries SET status = 'read' WHERE recipient_id = ?"
                " AND conversation_id = ? AND seq <= ? AND status = 'delivered'",
                (identity_id, conversation_id, seq),
            )
            db.execute(
                "UPDATE msg_members SET last_read_seq = MAX(last_read_seq, ?)"
                " WHERE conversation_id = ? AND identity_id = ?",
                (seq, conversation_id, identity_id),
            )
            row = db.execute(
                "SELECT last_read_seq FROM msg_members WHERE conversation_id = ?"
                " AND identity_id = ?",
                (conversation_id, identity_id),
            ).fetchone()
            return int(row[0]) if row else 0

    def hide_message(self, message_id: str, identity_id: str) -> None:
        """Hide the message from the identity only."""
        self._database.run(
            "INSERT OR IGNORE INTO msg_hidden VALUES (?, ?)", identity_id, message_id
        )

    def hid_message(self, message_id: str, identity_id: str) -> bool:
        """Whether the identity hid this message before."""
        found = self._database.one(
            "SELECT 1 FROM msg_hidden WHERE identity_id = ? AND message_id = ?",
            identity_id,
            message_id,
        )
        return found is not None

    # ------------------------------------------------------------------ attachments
    def insert_attachment(self, attachment: Row) -> None:
        """Store a new attachment record."""
        self._database.run(
            "INSERT INTO msg_attachments VALUES (?, ?, ?)",
            attachment["id"],
            attachment["owner_id"],
            json.dumps(attachment),
        )

    def attachment(self, attachment_id: str) -> Row | None:
        """An attachment record."""
        row = self._database.one("SELECT data FROM msg_attachments WHERE id = ?", attachment_id)
        return json.loads(row[0]) if row else None

    def update_attachment(self, attachment: Row) -> None:
        """Replace an attachment record."""
        self._database.run(
            "UPDATE msg_attachments SET data = ? WHERE id = ?",
            json.dumps(attachment),
            attachment["id"],
        )

    def may_see_attachment(self, attachment_id: str, identity_id: str) -> bool:
        """Whether the identity uploaded it or belongs to a conversation it was sent in."""
        found = self._database.one(
            "SELECT 1 FROM msg_attachments WHERE id = ? AND owner_id = ? UNION ALL"
            " SELECT 1 FROM msg_attachment_links l JOIN msg_members m"
            " ON m.conversation_id = l.conversation_id"
            " WHERE l.attachment_id = ? AND m.identity_id = ?",
            attachment_id,
            identity_id,
            attachment_id,
            identity_id,
        )
        return found is not None

    def add_download_token(self, token_hash: str, attachment_id: str, expires: float) -> None:
        """Keep a download token (by its hash) until it is used or expires."""
        self._database.run(
            "INSERT INTO msg_download_tokens VALUES (?, ?, ?)", token_hash, attachment_id, expires
        )

    def use_download_token(self, token_hash: str, attachment_id: str, moment: float) -> bool:
        """Spend a download token; expired ones are swept on the way."""
        with self._database.transaction() as db:
            db.execute("DELETE FROM msg_download_tokens WHERE expires < ?", (moment,))
            used = db.execute(
                "DELETE FROM msg_download_tokens WHERE token_hash = ? AND attachment_id = ?",
                (token_hash, attachment_id),
            ).rowcount
            return used > 0

    def secret(self, name: str) -> bytes:
        """A random secret of the server's, made on first use and kept."""
        self._database.run(
            "INSERT OR IGNORE INTO msg_secrets VALUES (?, ?)", name, secrets.token_bytes(32)
        )
        row = self._database.one("SELECT value FROM msg_secrets WHERE name = ?", name)
        assert row is not None
        return bytes(row[0])

    # ------------------------------------------------------------------ groups
    def create_group(self, group: Row, creator_id: str) -> None:
        """Store a group and its conversation, with its creator as the first admin."""
        with self._database.transaction() as db:
            db.execute(
                "INSERT INTO msg_conversations (id, kind, activity, created_at, updated_at)"
                f" VALUES (?, 'group', {self._next_activity}, ?, ?)",
                (group["id"], group["created_at"], group["created_at"]),
            )
            db.execute("INSERT INTO msg_groups VALUES (?, ?)", (group["id"], json.dumps(group)))
            db.execute(
                "INSERT INTO msg_members (conversation_id, identity_id, role, joined)"
                " VALUES (?, ?, 'admin', 1)",
                (group["id"], creator_id),
            )

    def group(self, group_id: str) -> Row | None:
        """A group's record."""
        row = self._database.one("SELECT data FROM msg_groups WHERE id = ?", group_id)
        return json.loads(row[0]) if row else None

    def update_group(self, group: Row) -> None:
        """Replace a group's record."""
        self._database.run(
            "UPDATE msg_groups SET data = ? WHERE id = ?", json.dumps(group), group["id"]
        )

    def group_members(self, group_id: str) -> list[Row]:
        """The members, earliest first: identity id, handle, display name, role."""
        rows = self._database.all(
            "SELECT m.identity_id, m.role, i.data FROM msg_members m"
            " JOIN msg_identities i ON i.id = m.identity_id"
            " WHERE m.conversation_id = ? ORDER BY m.joined",
            group_id,
        )
        found = []
        for identity_id, role, data in rows:
            identity = json.loads(data)
            found.append(
                {
                    "identity_id": identity_id,
                    "handle": identity["handle"],
                    "display_name": identity["display_name"],
                    "role": role,
                }
            )
        return found

    def member_role(self, group_id: str, identity_id: str) -> str | None:
        """The identity's role in the group, or ``None`` for a non-member."""
        row = self._database.one(
            "SELECT role FROM msg_members WHERE conversation_id = ? AND identity_id = ?",
            group_id,
            identity_id,
        )
        return str(row[0]) if row else None

    def add_member(self, group_id: str, identity_id: str) -> None:
        """Make the identity a member (the newest); no change for a member."""
        self._database.run(
            "INSERT OR IGNORE INTO msg_members (conversation_id, identity_id, joined, last_read_seq)"
            " SELECT ?, ?, COALESCE(MAX(joined), 0) + 1,"
            " (SELECT last_seq FROM msg_conversations WHERE id = ?)"
            " FROM msg_members WHERE conversation_id = ?",
            group_id,
            identity_id,
            group_id,
            group_id,
        )

    def set_role(self, group_id: str, identity_id: str, role: str) -> None:
        """Change a member's role."""
        self._database.run(
            "UPDATE msg_members SET role = ? WHERE conversation_id = ? AND identity_id = ?",
            role,
            group_id,
            identity_id,
        )

    def remove_member(self, group_id: str, identity_id: str) -> None:
        """Remove a member; when no admin is left, the earliest member becomes one."""
        with self._database.transaction() as db:
            db.execute(
                "DELETE FROM msg_members WHERE conversation_id = ? AND identity_id = ?",
                (group_id, identity_id),
            )
            admins = db.execute(
                "SELECT COUNT(*) FROM msg_members WHERE conversation_id = ? AND role = 'admin'",
                (group_id,),
            ).fetchone()[0]
            if admins == 0:
                db.execute(
                    "UPDATE msg_members SET role = 'admin' WHERE conversation_id = ? AND"
                    " identity_id = (SELECT identity_id FROM msg_members WHERE conversation_id = ?"
                    " ORDER BY joined LIMIT 1)",
                    (group_id, group_id),
                )

    def add_invite(self, invite: Row, invitee_id: str) -> Row:
        """Store an invite; the one pending already for the same identity and group wins."""
        with self._database.transaction() as db:
            db.execute(
                "INSERT OR IGNORE INTO msg_invites VALUES (?, ?, ?, ?)",
                (invite["id"], invite["group_id"], invitee_id, json.dumps(invite)),
            )
            row = db.execute(
                "SELECT data FROM msg_invites WHERE group_id = ? AND invitee_id = ?",
                (invite["group_id"], invitee_id),
            ).fetchone()
            stored: Row = json.loads(row[0])
            return stored

    def invite_for(self, invite_id: str, invitee_id: str) -> Row | None:
        """An invite addressed to the identity."""
        row = self._database.one(
            "SELECT data FROM msg_invites WHERE id = ? AND invitee_id = ?", invite_id, invitee_id
        )
        return json.loads(row[0]) if row else None

    def invites_for(self, invitee_id: str) -> list[Row]:
        """The identity's pending invites, oldest first."""
        rows = self._database.all(
            "SELECT data FROM msg_invites WHERE invitee_id = ?"
            " ORDER BY json_extract(data, '$.created_at'), id",
            invitee_id,
        )
        return [json.loads(row[0]) for row in rows]

    def delete_invites(self, group_id: str, invite_id: str | None = None) -> None:
        """Forget one invite of a group, or all of them."""
        self._database.run(
            "DELETE FROM msg_invites WHERE group_id = ? AND (? IS NULL OR id = ?)",
            group_id,
            invite_id,
            invite_id,
        )

    # ------------------------------------------------------------------ contacts and blocks
    _CONTACT = (
        "SELECT i.data, c.notes, c.created_at FROM msg_contacts c"
        " JOIN msg_identities i ON i.id = c.contact_id"
    )

    @staticmethod
    def _contact(row: tuple[Any, ...]) -> Row:
        identity = json.loads(row[0])
        return {
            "handle": identity["handle"],
            "display_name": identity["display_name"],
            "notes": row[1],
            "created_at": row[2],
        }

    def put_contact(self, owner_id: str, contact_id: str, notes: str | None, stamp: str) -> Row:
        """Add (or re-add, replacing the notes) a contact; the contact."""
        self._database.run(
            "INSERT INTO msg_contacts (owner_id, contact_id, notes, created_at)"
            " VALUES (?, ?, ?, ?) ON CONFLICT (owner_id, contact_id)"
            " DO UPDATE SET notes = excluded.notes",
            owner_id,
            contact_id,
            notes,
            stamp,
        )
        found = self.contact(owner_id, contact_id)
        assert found is not None
        return found

    def contact(self, owner_id: str, contact_id: str) -> Row | None:
        """One contact of the owner."""
        row = self._database.one(
            self._CONTACT + " WHERE c.owner_id = ? AND c.contact_id = ?", owner_id, contact_id
        )
        return None if row is None else self._contact(row)

    def contacts(self, owner_id: str, offset: int, limit: int) -> tuple[list[Row], int]:
        """A page of the owner's contacts, oldest first, and how many there are."""
        rows = self._database.all(
            self._CONTACT + " WHERE c.owner_id = ? ORDER BY c.pk LIMIT ? OFFSET ?",
            owner_id,
            limit,
            offset,
        )
        total = self._database.one("SELECT COUNT(*) FROM msg_contacts WHERE owner_id = ?", owner_id)
        return [self._contact(row) for row in rows], int(total[0]) if total else 0

    def set_contact_notes(self, owner_id: str, contact_id: str, notes: str | None) -> bool:
        """Replace a contact's notes; whether there was such a contact."""
        changed = self._database.run(
            "UPDATE msg_contacts SET notes = ? WHERE owner_id = ? AND contact_id = ?",
            notes,
            owner_id,
            contact_id,
        )
        return changed > 0

    def remove_contact(self, owner_id: str, contact_id: str) -> bool:
        """Remove a contact; whether there was one."""
        removed = self._database.run(
            "DELETE FROM msg_contacts WHERE owner_id = ? AND contact_id = ?", owner_id, contact_id
        )
        return removed > 0

    def set_block(self, owner_id: str, blocked_id: str, blocked: bool) -> None:
        """Block or unblock an identity (again: no change)."""
        if blocked:
            self._database.run(
                "INSERT OR IGNORE INTO msg_blocks VALUES (?, ?)", owner_id, blocked_id
            )
        else:
            self._database.run(
                "DELETE FROM msg_blocks WHERE owner_id = ? AND blocked_id = ?", owner_id, blocked_id
            )

    def blocks(self, owner_id: str, other_id: str) -> bool:
        """Whether the owner blocks the other identity."""
        found = self._database.one(
            "SELECT 1 FROM msg_blocks WHERE owner_id = ? AND blocked_id = ?", owner_id, other_id
        )
        return found is not None

    def add_report(self, report: Row, reporter_id: str, target_id: str) -> None:
        """Keep a report for the operators."""
        self._database.run(
            "INSERT INTO msg_reports VALUES (?, ?, ?, ?, ?)",
            report["id"],
            reporter_id,
            target_id,
            report["reason"],
            report["created_at"],
        )

    def reporters_of(self, target_id: str) -> int:
        """How many different identities reported ``target_id``."""
        row = self._database.one(
            "SELECT COUNT(DISTINCT reporter_id) FROM msg_reports WHERE target_id = ?", target_id
        )
        return int(row[0]) if row else 0

    def direct_exchange(self, sender_id: str, recipient_id: str) -> tuple[int, bool]:
        """In the direct conversation of the two: how many messages ``sender_id`` sent, and
        whether ``recipient_id`` ever wrote; ``(0, False)`` when they have none."""
        key = "|".join(sorted((sender_id, recipient_id)))
        found = self._database.one("SELECT id FROM msg_conversations WHERE direct_key = ?", key)
        if found is None:
            return 0, False
        sent = self._database.one(
            "SELECT COUNT(*) FROM msg_messages WHERE conversation_id = ? AND sender_id = ?",
            found[0],
            sender_id,
        )
        answered = self._database.one(
            "SELECT 1 FROM msg_messages WHERE conversation_id = ? AND sender_id = ? LIMIT 1",
            found[0],
            recipient_id,
        )
        return (int(sent[0]) if sent else 0), answered is not None

    # ------------------------------------------------------------------ mutes
    def put_mute(self, owner_id: str, mute: Row) -> None:
        """Mute (or mute again, with a new end)."""
        self._database.run(
            "INSERT INTO msg_mutes VALUES (?, ?, ?, ?, ?) ON CONFLICT (owner_id, kind, target)"
            " DO UPDATE SET muted_until = excluded.muted_until, created_at = excluded.created_at",
            owner_id,
            mute["kind"],
            mute["target"],
            mute["muted_until"],
            mute["created_at"],
        )

    def mutes(self, owner_id: str, kind: str | None, moment: str) -> list[Row]:
        """The owner's mutes in force at ``moment`` (RFC 3339), oldest first."""
        rows = self._database.all(
            "SELECT kind, target, muted_until, created_at FROM msg_mutes WHERE owner_id = ?"
            " AND (? IS NULL OR kind = ?) AND (muted_until IS NULL OR muted_until > ?)"
            " ORDER BY created_at",
            owner_id,
            kind,
            kind,
            moment,
        )
        return [{"kind": k, "target": t, "muted_until": u, "created_at": c} for k, t, u, c in rows]

    def delete_mute(self, owner_id: str, kind: str, target: str) -> bool:
        """End a mute; whether there was one."""
        removed = self._database.run(
            "DELETE FROM msg_mutes WHERE owner_id = ? AND kind = ? AND target = ?",
            owner_id,
            kind,
            target,
        )
        return removed > 0

    # ------------------------------------------------------------------ presence, directory
    def set_presence(self, identity_id: str, status: str, custom: str | None, stamp: str) -> None:
        """Replace an identity's presence."""
        self._database.run(
            "INSERT INTO msg_presence VALUES (?, ?, ?, ?) ON CONFLICT (identity_id) DO UPDATE"
            " SET status = excluded.status, custom_status = excluded.custom_status,"
            " updated_at = excluded.updated_at",
            identity_id,
            status,
            custom,
            stamp,
        )

    def presence(self, identity_ids: list[str]) -> dict[str, Row]:
        """The stored presence of each identity that has one."""
        if not identity_ids:
            return {}
        marks = ", ".join("?" for _ in identity_ids)
        rows = self._database.all(
            f"SELECT identity_id, status, custom_status, updated_at FROM msg_presence"
            f" WHERE identity_id IN ({marks})",
            *identity_ids,
        )
        return {str(i): {"status": s, "custom_status": c, "updated_at": u} for i, s, c, u in rows}

    def search_identities(self, text: str, offset: int, limit: int) -> tuple[list[Row], int]:
        """Identities whose handle or display name holds ``text`` (any case), by handle."""
        escaped = text.lower().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        pattern = f"%{escaped}%"
        where = (
            " FROM msg_identities WHERE handle LIKE ? ESCAPE '\\'"
            " OR lower(json_extract(data, '$.display_name')) LIKE ? ESCAPE '\\'"
        )
        rows = self._database.all(
            "SELECT data" + where + " ORDER BY handle LIMIT ? OFFSET ?",
            pattern,
            pattern,
            limit,
            offset,
        )
        total = self._database.one("SELECT COUNT(*)" + where, pattern, pattern)
        return [json.loads(row[0]) for row in rows], int(total[0]) if total else 0

    def backlogs(self, identity_ids: list[str]) -> dict[str, int]:
        """How many deliveries to each identity are not yet delivered or read (0 when none)."""
        if not identity_ids:
            return {}
        marks = ", ".join("?" for _ in identity_ids)
        rows = self._database.all(
            f"SELECT recipient_id, undelivered FROM msg_backlog WHERE recipient_id IN ({marks})",
            *identity_ids,
        )
        counts = dict.fromkeys(identity_ids, 0)
        counts.update({str(who): int(count) for who, count in rows})
        return counts

    def member_kind(self, conversation_id: str, identity_id: str) -> Membership | None:
        """For a member of a conversation it has not hidden: the conversation's kind, the
        other members' ids, and whether one of them blocks it (one read, for the send
        path)."""
        rows = self._database.all(
            _MEMBERSHIP + " WHERE m.conversation_id = ? AND m.identity_id = ?",
            conversation_id,
            identity_id,
        )
        return _membership(rows, identity_id)

    def send_context(
        self, principal: str, client_msg_id: str, conversation_id: str | None
    ) -> SendContext:
        """The caller's identity, its earlier send with ``client_msg_id`` and its membership of
        ``conversation_id``, read at once (one round trip on PostgreSQL)."""
        queries: list[Statement] = [
            ("SELECT data FROM msg_identities WHERE principal = ?", (principal,)),
            (
                "SELECT data, fingerprint FROM msg_messages WHERE client_msg_id = ?"
                f" AND sender_id = {_PRINCIPALS_IDENTITY}",
                (client_msg_id, principal),
            ),
        ]
        if conversation_id is not None:
            queries.append(
                (
                    _MEMBERSHIP + f" WHERE m.conversation_id = ? AND m.identity_id = "
                    f"{_PRINCIPALS_IDENTITY}",
                    (conversation_id, principal),
                )
            )
        found = self._database.reads(*queries)
        if not found[0]:
            return SendContext(None, None, None)
        identity: Row = json.loads(found[0][0][0])
        membership = _membership(found[2], identity["id"]) if conversation_id else None
        return SendContext(identity, _sent(found[1]), membership)
