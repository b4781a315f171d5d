"""Answers that show a secret once are kept for replay sealed; the rest in clear."""

from __future__ import annotations

import uuid
from pathlib import Path

import httpx

from agentkit._contract import contract
from agentkit.server import ServerConfig
from agentkit.testing import ReferenceServer


def _stored(database: Path) -> bytes:
    return b"".join(
        path.read_bytes() for path in database.parent.glob(database.name + "*") if path.is_file()
    )


def test_the_contract_marks_the_answers_that_show_a_secret() -> None:
    registry = contract()
    assert registry.holds_secret("IdentityKey")  # by its own property
    assert registry.holds_secret("ApiKey")
    assert registry.holds_secret("WebhookEndpointSecret")
    assert not registry.holds_secret("Agent")
    assert not registry.holds_secret("Identity")  # refers to nothing secret
    sealed = {
        operation.id
        for operation in registry.operations.values()
        if operation.response_schema and registry.holds_secret(operation.response_schema)
    }
    assert {"identity_verify", "identity_rotate_key_verify", "webhooks_create"} <= sealed
    assert "agents_create" not in sealed and "messages_send" not in sealed


def test_a_new_identity_key_replays_without_being_stored_in_clear(tmp_path: Path) -> None:
    database = tmp_path / "keys.sqlite3"
    with ReferenceServer(ServerConfig(db_path=str(database))) as server:
        with httpx.Client(base_url=server.base_url) as http:
            body = {"email": "kim@example.test", "handle": "kim", "display_name": "Kim"}
            pending = http.post("/v1/identity/register", json=body).json()
            code = server.last_code("kim@example.test")
            verify = {"pending_id": pending["pending_id"], "code": code}
            headers = {"Idempotency-Key": uuid.uuid4().hex}
            made = http.post("/v1/identity/register/verify", json=verify, headers=headers)
            again = http.post("/v1/identity/register/verify", json=verify, headers=headers)
            key = made.json()["api_key"]
            assert again.json()["api_key"] == key  # the replay still shows it
            # An answer with no secret is kept as it is.
            auth = {"Authorization": f"Bearer {key}", "Idempotency-Key": "plain-answer"}
            sent = {"display_name": "Kim Plainly"}
            assert http.patch("/v1/identity/me", json=sent, headers=auth).status_code == 200
        stored = _stored(database)
    assert key.encode() not in stored
