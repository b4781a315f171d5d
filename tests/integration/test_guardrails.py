"""client.guardrails, and guardrails applied to chat replies, for the sync and async client."""

from __future__ import annotations

from typing import Any

import pytest

import agentkit
from agentkit.types import (
    ChatContentEvent,
    ChatDoneEvent,
    ChatGuardrailEvent,
    ChatMetadataEvent,
    SessionGuardrailEvent,
    SessionStopEvent,
    SessionTextDeltaEvent,
    SessionThinkingDeltaEvent,
)


def _stream(client: Any, agent_id: str, text: str) -> list[Any]:
    with client.chats.stream_start(agent_id, text) as stream:
        return list(stream)


class TestCrud:
    def test_create_get_update_list_delete(self, client: Any) -> None:
        """A guardrail round-trips with its defaults; updates apply; delete makes it 404."""
        guardrail = client.guardrails.create(name="Brand", competitor_keywords=["Acme"])
        assert guardrail.id.startswith("grd_")
        assert (guardrail.action, guardrail.blocked_categories) == ("block", [])
        assert guardrail.refusal
        assert client.guardrails.get(guardrail.id).to_dict() == guardrail.to_dict()
        changed = client.guardrails.update(guardrail.id, action="flag", blocked_categories=["pii"])
        assert (changed.action, changed.blocked_categories) == ("flag", ["pii"])
        assert [g.id for g in client.guardrails.list()] == [guardrail.id]
        client.guardrails.delete(guardrail.id)
        with pytest.raises(agentkit.GuardrailNotFoundError):
            client.guardrails.get(guardrail.id)

    def test_names_are_unique(self, client: Any) -> None:
        """A second guardrail of the same name is GUARDRAIL_NAME_TAKEN."""
        client.guardrails.create(name="Once")
        with pytest.raises(agentkit.GuardrailNameTakenError):
            client.guardrails.create(name="Once")

    def test_unknown_category_is_a_validation_error_naming_it(self, client: Any) -> None:
        """Only built-in categories are accepted; the error names the bad item."""
        with pytest.raises(agentkit.ValidationError) as caught:
            client.guardrails.create(name="X", blocked_categories=["pii", "astrology"])
        assert caught.value.details["field"] == "blocked_categories[1]"

    def test_agent_naming_an_unknown_guardrail_is_refused(self, client: Any) -> None:
        """guardrail_ids must name guardrails of the organization."""
        with pytest.raises(agentkit.GuardrailNotFoundError) as caught:
            client.agents.create(name="A", guardrail_ids=["grd_nope"])
        assert caught.value.details["field"] == "guardrail_ids[0]"

    def test_other_organizations_guardrails_are_not_found(self, make_client: Any) -> None:
        """Every operation on another organization's guardrail answers 404."""
        owner, stranger = make_client(), make_client()
        guardrail = owner.guardrails.create(name="Mine")
        for call in (
            lambda: stranger.guardrails.get(guardrail.id),
            lambda: stranger.guardrails.update(guardrail.id, name="x"),
            lambda: stranger.guardrails.delete(guardrail.id),
            lambda: stranger.agents.create(name="a", guardrail_ids=[guardrail.id]),
        ):
            with pytest.raises(agentkit.GuardrailNotFoundError):
                call()
        assert list(stranger.guardrails.list()) == []
        assert owner.guardrails.get(guardrail.id).name == "Mine"


class TestAppliedToChats:
    def test_blocked_reply_is_replaced_and_the_event_says_why(self, client: Any) -> None:
        """A blocking guardrail's event comes before the refusal, which is the stored reply."""
        guardrail = client.guardrails.create(
            name="Brand", competitor_keywords=["Acme Corp"], refusal="I can only talk about us."
        )
        agent = client.agents.create(name="Echo", guardrail_ids=[guardrail.id])
        events = _stream(client, agent.id, "have you tried acme corp today")
        assert isinstance(events[0], ChatMetadataEvent)
        assert isinstance(events[1], ChatGuardrailEvent)
        finding = events[1].finding
        assert (finding.guardrail_id, finding.guardrail_name, finding.action) == (
            guardrail.id,
            "Brand",
            "block",
        )
        assert finding.reason == "competitor keyword 'Acme Corp'"
        text = "".join(e.delta for e in events if isinstance(e, ChatContentEvent))
        assert text == "I can only talk about us."
        assert isinstance(events[-1], ChatDoneEvent)
        assert events[-1].chat.message.parts[0].content == "I can only talk about us."

    def test_flagged_reply_passes_with_the_event(self, client: Any) -> None:
        """A flagging guardrail reports its category; the reply is unchanged."""
        guardrail = client.guardrails.create(name="PII", blocked_categories=["pii"], action="flag")
        agent = client.agents.create(name="Echo", guardrail_ids=[guardrail.id])
        events = _stream(client, agent.id, "write to jane@example.com")
        (event,) = [e for e in events if isinstance(e, ChatGuardrailEvent)]
        assert (event.finding.action, event.finding.category) == ("flag", "pii")
        assert "e-mail" in event.finding.reason
        text = "".join(e.delta for e in events if isinstance(e, ChatContentEvent))
        assert text == "write to jane@example.com"

    def test_clean_reply_sends_no_event(self, client: Any) -> None:
        """A reply no guardrail objects to streams as usual, without a guardrail event."""
        guardrail = client.guardrails.create(name="All", blocked_categories=["violence", "pii"])
        agent = client.agents.create(name="Echo", guardrail_ids=[guardrail.id])
        chat = client.chats.start(agent.id, "a pleasant day in the park")
        assert chat.message.parts[0].content == "a pleasant day in the park"
        events = _stream(client, agent.id, "hello there")
        assert not [e for e in events if isinstance(e, ChatGuardrailEvent)]

    def test_every_firing_guardrail_reports_and_the_first_block_wins(self, client: Any) -> None:
        """Each guardrail that fires has its event, in the agent's order."""
        flag = client.guardrails.create(name="Flag", blocked_categories=["violence"], action="flag")
        block = client.guardrails.create(
            name="Block", competitor_keywords=["Globex"], refusal="No."
        )
        agent = client.agents.create(name="Echo", guardrail_ids=[flag.id, block.id])
        chat = client.chats.start(agent.id, "Globex will kill the market")
        assert chat.message.parts[0].content == "No."
        events = _stream(client, agent.id, "Globex will kill the market")
        names = [e.finding.guardrail_name for e in events if isinstance(e, ChatGuardrailEvent)]
        assert names == ["Flag", "Block"]

    def test_deleted_guardrail_stops_applying(self, client: Any) -> None:
        """Once deleted, a guardrail no longer changes its agents' replies."""
        guardrail = client.guardrails.create(name="Brand", competitor_keywords=["Acme"])
        agent = client.agents.create(name="Echo", guardrail_ids=[guardrail.id])
        client.guardrails.delete(guardrail.id)
        assert client.chats.start(agent.id, "Acme rocks").message.parts[0].content == "Acme rocks"


class TestAppliedToSessions:
    def test_blocked_session_text_is_replaced_after_the_event(self, client: Any) -> None:
        """Thinking streams as usual; the event precedes the refusal, which is the stored text."""
        guardrail = client.guardrails.create(
            name="Brand", competitor_keywords=["Acme"], refusal="Let us talk about us."
        )
        agent = client.agents.create(name="S", brain="scripted", guardrail_ids=[guardrail.id])
        session = client.sessions.create(agent.id)
        with client.sessions.stream_send(session.id, "Acme or not?") as stream:
            events = list(stream)
        kinds = [type(e) for e in events]
        first_text = kinds.index(SessionTextDeltaEvent)
        assert kinds.index(SessionThinkingDeltaEvent) < kinds.index(SessionGuardrailEvent)
        assert kinds.index(SessionGuardrailEvent) < first_text
        (event,) = [e for e in events if isinstance(e, SessionGuardrailEvent)]
        assert (event.finding.guardrail_id, event.finding.action) == (guardrail.id, "block")
        assert event.session_id == session.id
        assert stream.text == "Let us talk about us."
        assert isinstance(events[-1], SessionStopEvent)
        history = list(client.sessions.history(session.id))
        assert [e.id for e in history if isinstance(e, SessionGuardrailEvent)] == [event.id]

    def test_flagged_session_text_passes(self, client: Any) -> None:
        """A flagging guardrail sends its event and leaves the text alone."""
        guardrail = client.guardrails.create(
            name="Harm", blocked_categories=["violence"], action="flag"
        )
        agent = client.agents.create(name="S", brain="scripted", guardrail_ids=[guardrail.id])
        session = client.sessions.create(agent.id)
        with client.sessions.stream_send(session.id, "kill the job") as stream:
            events = list(stream)
        assert [e.finding.category for e in events if isinstance(e, SessionGuardrailEvent)] == [
            "violence"
        ]
        assert stream.text == "You said: kill the job"
