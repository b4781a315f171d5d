"""Messaging tables at schema version 1 are brought to version 2: on PostgreSQL, activity then
comes from a sequence that starts past every activity already given."""

from __future__ import annotations

from agentkit.server.core.migrations import schema_versions
from agentkit.server.store import SQLiteStore
from tests.store.conftest import OpenDatabase, open_database

__all__ = ["open_database"]


def test_activity_goes_on_past_the_old_values(open_database: OpenDatabase) -> None:
    """A version-1 database holding a conversation at activity 7: after the upgrade a new
    conversation gets an activity above 7, and the old one is kept."""
    database = open_database()
    SQLiteStore(database)
    if database.dialect == "postgresql":
        database.run("DROP SEQUENCE msg_activity")  # as version 1 had none
    database.run("UPDATE schema_versions SET version = 1 WHERE family = 'messaging'")
    database.run(
        "INSERT INTO msg_conversations (id, kind, activity, created_at, updated_at)"
        " VALUES ('conv_old', 'group', 7, 'then', 'then')"
    )
    store = SQLiteStore(database)
    assert schema_versions(database)["messaging"] == 2
    made = store.direct_conversation("ident_a", "ident_b", "now")
    rows = dict(database.all("SELECT id, activity FROM msg_conversations"))
    assert rows["conv_old"] == 7
    assert rows[made] > 7
