"""An SDK from before guardrails reads a guarded chat stream: the new event is an UnknownEvent."""

from __future__ import annotations

import json
from typing import Any

import pytest

from agentkit import _events
from agentkit.types import ChatContentEvent, ChatDoneEvent, UnknownEvent


class TestOlderSDK:
    def test_guardrail_event_arrives_as_unknown_event(
        self, client: Any, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """Without the event in its table, the SDK keeps the raw event and reads on to done."""
        monkeypatch.delitem(_events._CHAT_EVENTS, "guardrail")
        monkeypatch.setattr(_events, "_chat_parsers", {})
        guardrail = client.guardrails.create(name="Brand", competitor_keywords=["Acme"])
        agent = client.agents.create(name="Echo", guardrail_ids=[guardrail.id])
        with client.chats.stream_start(agent.id, "Acme") as stream:
            events = list(stream)
        (unknown,) = [e for e in events if isinstance(e, UnknownEvent)]
        assert unknown.event == "guardrail"
        assert json.loads(unknown.data)["finding"]["guardrail_id"] == guardrail.id
        assert [e.delta for e in events if isinstance(e, ChatContentEvent)]
        assert isinstance(events[-1], ChatDoneEvent)
