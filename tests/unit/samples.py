"""Wire-format objects the unit tests answer requests with."""

from __future__ import annotations

AGENT = {
    "id": "agt_1",
    "name": "a",
    "instructions": "",
    "brain": "echo",
    "streaming": True,
    "sub_agent_ids": [],
    "prompt_suggestions": [],
    "metadata": {},
    "created_at": "2026-01-01T00:00:00Z",
    "updated_at": "2026-01-01T00:00:00Z",
}

CHAT = {
    "id": "chat_1",
    "agent_id": "agt_1",
    "status": "ACTIVE",
    "participants": ["agt_1"],
    "metadata": {},
    "created_at": "2026-01-01T00:00:00Z",
    "updated_at": "2026-01-01T00:00:00Z",
}
