"""Wire-format objects the unit tests answer requests with."""

from __future__ import annotations

AGENT = {
    "id": "agt_1",
    "name": "a",
    "description": None,
    "instructions": "",
    "brain": "echo",
    "model_profile": None,
    "provider_id": None,
    "guardrail_ids": [],
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
    "message": None,
    "participants": ["agt_1"],
    "metadata": {},
    "trace_id": None,
    "message_count": 0,
    "created_at": "2026-01-01T00:00:00Z",
    "closed_at": None,
    "close_reason": None,
    "updated_at": "2026-01-01T00:00:00Z",
}
