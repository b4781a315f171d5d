"""client.guardrails, and guardrails applied to chat replies, for the sync and async client."""

from __future__ import annotations

from collections.abc import Iterator
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
from tests.integration.upstream_stub import KEY, StubUpstream


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


def _brand(client: Any, action: str = "block") -> Any:
    return client.guardrails.create(
        name="Brand", competitor_keywords=["Acme"], action=action, refusal="Only about us."
    )


class TestAppliedToCompletions:
    def test_a_blocked_completion_is_the_refusal(self, client: Any) -> None:
        """The text is the refusal, the finish reason ``content_filter``, and the choice says
        which guardrail fired."""
        guardrail = _brand(client)
        client.agents.create(name="Echo", brain="echo", guardrail_ids=[guardrail.id])
        result = client.completions.create("Echo", "Acme is great")
        choice = result.choices[0]
        assert choice.message.content == "Only about us."
        assert choice.finish_reason == "content_filter"
        (finding,) = choice.guardrail_findings
        assert (finding.guardrail_id, finding.action) == (guardrail.id, "block")
        assert finding.reason == "competitor keyword 'Acme'"

    def test_a_blocked_stream_sends_the_verdict_before_the_refusal(self, client: Any) -> None:
        guardrail = _brand(client)
        client.agents.create(name="S", brain="scripted", guardrail_ids=[guardrail.id])
        with client.completions.stream("S", "Acme or not?") as stream:
            chunks = list(stream)
        flagged = [i for i, c in enumerate(chunks) if c.choices and c.choices[0].guardrail_findings]
        texts = [i for i, c in enumerate(chunks) if c.choices and c.choices[0].delta.content]
        assert len(flagged) == 1 and flagged[0] < texts[0]
        assert chunks[flagged[0]].choices[0].delta.to_dict() == {}
        assert stream.text == "Only about us."
        assert stream.finish_reason == "content_filter"
        assert [f.guardrail_id for f in stream.guardrail_findings] == [guardrail.id]
        assert stream.reasoning  # thinking is not held back
        whole = stream.until_done()
        assert whole.choices[0].guardrail_findings[0].guardrail_id == guardrail.id

    def test_a_flagged_completion_passes_unchanged(self, client: Any) -> None:
        guardrail = client.guardrails.create(name="PII", blocked_categories=["pii"], action="flag")
        client.agents.create(name="Echo", brain="echo", guardrail_ids=[guardrail.id])
        result = client.completions.create("Echo", "mail jane@example.com")
        assert result.choices[0].message.content == "mail jane@example.com"
        assert result.choices[0].finish_reason == "stop"
        assert result.choices[0].guardrail_findings[0].category == "pii"
        with client.completions.stream("Echo", "mail jane@example.com") as stream:
            assert "".join(stream.text_deltas()) == "mail jane@example.com"
        assert stream.finish_reason == "stop"
        assert [f.action for f in stream.guardrail_findings] == ["flag"]

    def test_a_clean_completion_has_no_findings(self, client: Any) -> None:
        guardrail = _brand(client)
        client.agents.create(name="Echo", brain="echo", guardrail_ids=[guardrail.id])
        result = client.completions.create("Echo", "hello")
        assert result.choices[0].message.content == "hello"
        assert isinstance(result.choices[0].guardrail_findings, agentkit.types.Unset)
        with client.completions.stream("Echo", "hello") as stream:
            list(stream)
        assert stream.guardrail_findings == [] and stream.finish_reason == "stop"

    def test_a_json_reply_carries_the_refusal(self, client: Any) -> None:
        """With ``response_format`` JSON, the refusal is what the JSON object carries."""
        guardrail = _brand(client)
        client.agents.create(name="Echo", brain="echo", guardrail_ids=[guardrail.id])
        result = client.completions.create("Echo", "Acme", response_format="json")
        assert result.choices[0].message.content == '{"content":"Only about us."}'
        assert result.choices[0].finish_reason == "content_filter"


class TestAppliedToAgentChat:
    def test_the_ui_stream_has_a_guardrail_data_part_before_the_refusal(self, client: Any) -> None:
        guardrail = _brand(client)
        agent = client.agents.create(name="S", brain="scripted", guardrail_ids=[guardrail.id])
        with client.agents.stream_chat(agent.id, "Acme or not?", chat_id="c1") as stream:
            chunks = list(stream)
        kinds = [chunk["type"] for chunk in chunks]
        assert kinds.count("data-guardrail") == 1
        assert kinds.index("data-guardrail") < kinds.index("text-delta")
        data = chunks[kinds.index("data-guardrail")]["data"]
        assert (data["guardrail_id"], data["action"]) == (guardrail.id, "block")
        text = "".join(c["delta"] for c in chunks if c["type"] == "text-delta")
        assert text == "Only about us."
        stored = client.agents.get_chat(agent.id, "c1").messages[-1]
        assert [p.text for p in stored.parts if p.type_ == "text"] == ["Only about us."]

    def test_a_plain_text_agent_answers_with_the_refusal(self, client: Any) -> None:
        guardrail = _brand(client)
        agent = client.agents.create(name="Q", streaming=False, guardrail_ids=[guardrail.id])
        assert "".join(client.agents.stream_chat_text(agent.id, "Acme!")) == "Only about us."


@pytest.fixture(scope="module")
def upstream() -> Iterator[StubUpstream]:
    with StubUpstream() as running:
        yield running


class TestModelCheck:
    def _judged(self, client: Any, upstream: StubUpstream, model: str, action: str) -> Any:
        provider = client.providers.create(
            name="Judge", type="openai-compatible", base_url=upstream.base_url, api_key=KEY
        )
        return client.guardrails.create(
            name="No weather",
            instructions="The assistant must not talk about the weather.",
            action=action,
            refusal="Ask me something else.",
            model_check={"provider_id": provider.id, "model": model},
        )

    def test_the_model_judges_chats_sessions_and_completions(
        self, client: Any, upstream: StubUpstream
    ) -> None:
        """The model's verdict blocks wherever the agent answers; a clean reply passes."""
        guardrail = self._judged(client, upstream, "stub-judge", "block")
        assert guardrail.model_check.model == "stub-judge"
        agent = client.agents.create(name="Echo", brain="echo", guardrail_ids=[guardrail.id])
        events = _stream(client, agent.id, "lovely weather today")
        (event,) = [e for e in events if isinstance(e, ChatGuardrailEvent)]
        assert event.finding.reason == "model stub-judge: it talks about the weather"
        assert "".join(e.delta for e in events if isinstance(e, ChatContentEvent)) == (
            "Ask me something else."
        )
        assert client.chats.start(agent.id, "hello there").message.parts[0].content == (
            "hello there"
        )
        result = client.completions.create("Echo", "the weather is grim")
        assert result.choices[0].finish_reason == "content_filter"
        session = client.sessions.create(agent.id)
        with client.sessions.stream_send(session.id, "weather report") as stream:
            list(stream)
        assert stream.text == "Ask me something else."
        # The rule and the reply went to the model; the key with them, to the provider only.
        judged = [r for r in upstream.requests if r["path"] == "/v1/chat/completions"]
        assert judged and all(r["authorization"] == f"Bearer {KEY}" for r in judged)

    def test_a_flagging_model_check_lets_the_reply_pass(
        self, client: Any, upstream: StubUpstream
    ) -> None:
        guardrail = self._judged(client, upstream, "stub-judge", "flag")
        agent = client.agents.create(name="Echo", brain="echo", guardrail_ids=[guardrail.id])
        chat = client.chats.start(agent.id, "weather news")
        assert chat.message.parts[0].content == "weather news"

    @pytest.mark.parametrize("failure", ["no verdict", "provider deleted", "unreachable"])
    def test_a_check_that_cannot_judge_fires(
        self, client: Any, upstream: StubUpstream, failure: str
    ) -> None:
        """No verdict, no provider, no answer: the guardrail fires, saying why."""
        model = "stub-rambler" if failure == "no verdict" else "stub-judge"
        guardrail = self._judged(client, upstream, model, "block")
        provider_id = guardrail.model_check.provider_id
        if failure == "provider deleted":
            client.providers.delete(provider_id)
        if failure == "unreachable":
            client.providers.update(provider_id, base_url="http://127.0.0.1:9/v1")
        agent = client.agents.create(name="Echo", brain="echo", guardrail_ids=[guardrail.id])
        events = _stream(client, agent.id, "hello")
        (event,) = [e for e in events if isinstance(e, ChatGuardrailEvent)]
        assert event.finding.reason.startswith("model check failed")
        assert KEY not in event.finding.reason
        assert "".join(e.delta for e in events if isinstance(e, ChatContentEvent)) == (
            "Ask me something else."
        )

    def test_the_provider_must_be_the_organizations(
        self, make_client: Any, upstream: StubUpstream
    ) -> None:
        owner, stranger = make_client(), make_client()
        provider = owner.providers.create(
            name="Judge", type="openai-compatible", base_url=upstream.base_url, api_key=KEY
        )
        check = {"provider_id": provider.id, "model": "stub-judge"}
        with pytest.raises(agentkit.ProviderNotFoundError) as caught:
            stranger.guardrails.create(name="G", model_check=check)
        assert caught.value.details["field"] == "model_check.provider_id"
        mine = stranger.guardrails.create(name="G")
        with pytest.raises(agentkit.ProviderNotFoundError):
            stranger.guardrails.update(mine.id, model_check=check)
        assert stranger.guardrails.update(mine.id, model_check=None).model_check is None

    @pytest.mark.parametrize(
        ("check", "field"),
        [
            ({"provider_id": "", "model": "m"}, "model_check.provider_id"),
            ({"provider_id": "p", "model": "x" * 201}, "model_check.model"),
        ],
    )
    def test_malformed_checks_are_validation_errors(
        self, client: Any, check: Any, field: str
    ) -> None:
        with pytest.raises(agentkit.ValidationError) as caught:
            client.guardrails.create(name="G", model_check=check)
        assert caught.value.details["field"] == field
