"""A database file an older server wrote answers in today's shapes.

Agents and guardrails gained fields after they were first stored (``provider_id``,
``guardrail_ids``, ``model_check``); the contract lists them as always present. A server that
opens a file holding rows without them fills them in, so every read (get, list, update) answers
with the whole object. Each response is checked against the contract by ``Api``.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from agentkit.server import ServerConfig
from agentkit.testing import ReferenceServer

from .conftest import Api, new_agent

NEWER_AGENT_FIELDS = ("provider_id", "guardrail_ids")


def _strip(db: Path, table: str, fields: tuple[str, ...]) -> None:
    """Remove ``fields`` from every stored document, as a server that predates them wrote it."""
    paths = ", ".join(f"'$.{name}'" for name in fields)
    with sqlite3.connect(db) as connection:
        connection.execute(f"UPDATE {table} SET data = json_remove(data, {paths})")
    connection.close()


def _stored(db: Path, table: str) -> list[str]:
    with sqlite3.connect(db) as connection:
        rows = connection.execute(f"SELECT data FROM {table}").fetchall()
    connection.close()
    return [str(row[0]) for row in rows]


def test_rows_without_newer_fields_are_read_back_whole(tmp_path: Path) -> None:
    """Agents and guardrails stored without the newer fields come back with their defaults."""
    db = tmp_path / "older.sqlite3"
    config = ServerConfig(db_path=str(db))
    with ReferenceServer(config=config) as server:
        key = server.api_key
        api = Api(server.base_url, key)
        agent = new_agent(api, name="Old timer", model_profile="small")
        guardrail = api.post("/v1/guardrails", json={"name": "old"}).json()
        api.close()
    _strip(db, "agents", NEWER_AGENT_FIELDS)
    _strip(db, "guardrails", ("model_check",))
    # Those servers kept no schema versions either: these two families' tables are opened as
    # theirs (the other families' tables are today's, at today's versions).
    with sqlite3.connect(db) as connection:
        connection.execute("DELETE FROM schema_versions WHERE family IN ('agent', 'guardrail')")
    connection.close()
    assert not any("guardrail_ids" in data for data in _stored(db, "agents"))

    with ReferenceServer(config=config) as server:
        api = Api(server.base_url, key)
        try:
            got = api.get(f"/v1/agents/{agent['id']}").json()
            assert got["provider_id"] is None and got["guardrail_ids"] == []
            assert got["model_profile"] == "small"
            listed = api.get("/v1/agents").json()["data"]
            assert [row["guardrail_ids"] for row in listed] == [[]]
            renamed = api.request("PATCH", f"/v1/agents/{agent['id']}", json={"name": "Renamed"})
            assert renamed.json()["provider_id"] is None
            assert api.get(f"/v1/guardrails/{guardrail['id']}").json()["model_check"] is None
            assert api.get("/v1/guardrails").json()["data"][0]["model_check"] is None
        finally:
            api.close()


def test_a_field_stored_as_null_is_kept(tmp_path: Path) -> None:
    """Filling in skips documents that have the field, whatever its value."""
    db = tmp_path / "current.sqlite3"
    config = ServerConfig(db_path=str(db))
    with ReferenceServer(config=config) as server:
        key = server.api_key
        api = Api(server.base_url, key)
        agent = new_agent(api, name="Current", guardrail_ids=[])
        api.close()
    before = _stored(db, "agents")
    with ReferenceServer(config=config) as server:
        api = Api(server.base_url, key)
        try:
            assert api.get(f"/v1/agents/{agent['id']}").json() == agent
        finally:
            api.close()
    assert _stored(db, "agents") == before
