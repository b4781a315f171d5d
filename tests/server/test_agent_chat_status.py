"""An agent chat's status stream resumes by state: each ``status`` event's id stands for what
it shows, and a reader reconnecting with ``Last-Event-ID`` gets the status now only when it
differs from the one it saw last."""

from __future__ import annotations

import json
from typing import Any

import pytest

from .conftest import Api, Stream, new_agent
from .test_agent_chat import path, use_chat


def _status_path(agent: dict[str, Any], chat_id: str = "chat-1") -> str:
    return f"/v1/agents/{agent['id']}/chats/{chat_id}/status"


def _read(api: Api, agent: dict[str, Any], last_id: str | None = None, **params: Any) -> Stream:
    headers = {"Last-Event-ID": last_id} if last_id is not None else {}
    return api.stream("GET", _status_path(agent), headers=headers, params=params)


@pytest.fixture
def chatted(api: Api) -> dict[str, Any]:
    agent = new_agent(api, name="Bot", brain="scripted")
    assert api.stream("POST", path(agent), json=use_chat("hello")).status_code == 200
    return agent


class TestResumeByState:
    def test_status_events_carry_ids_of_what_they_show(self, api: Api, chatted: Any) -> None:
        """The same status has the same id on every connection; ``end`` repeats the id of the
        status the reader has."""
        first, again = _read(api, chatted), _read(api, chatted)
        assert first.kinds == again.kinds == ["status", "end"]
        status_id = first.events[0].id
        assert status_id.isdigit() and again.events[0].id == status_id
        assert first.events[1].id == status_id

    def test_the_status_seen_last_is_not_sent_again(self, api: Api, chatted: Any) -> None:
        seen = _read(api, chatted).events[0].id
        resumed = _read(api, chatted, seen)
        assert resumed.kinds == ["end"] and resumed.ids == [int(seen)]
        assert json.loads(resumed.events[0].data)["reason"] == "idle"

    def test_a_change_made_while_away_comes_first(self, api: Api, chatted: Any) -> None:
        """A reader that saw the chat with two messages and comes back after another reply
        gets the status now: nothing it missed is left out."""
        seen = _read(api, chatted).events[0].id
        assert api.stream("POST", path(chatted), json=use_chat("again")).status_code == 200
        resumed = _read(api, chatted, seen)
        assert resumed.kinds == ["status", "end"]
        status = resumed.payloads("status")[0]
        assert (status["status"], status["message_count"]) == ("ready", 4)
        assert resumed.events[0].id != seen

    def test_an_id_of_another_chat_or_unknown_is_another_status(
        self, api: Api, chatted: Any
    ) -> None:
        """An id this chat never sent (another chat's, or any other) gets the status now."""
        assert api.stream("POST", path(chatted), json=use_chat("hello", "chat-2")).status_code
        other = api.stream("GET", _status_path(chatted, "chat-2")).events[0].id
        for last_id in (other, "0", "42"):
            assert _read(api, chatted, last_id).kinds == ["status", "end"]

    def test_a_followed_stream_resumes_quietly(self, api: Api, chatted: Any) -> None:
        """Following from the status seen last: keep-alives only, until the status changes."""
        seen = _read(api, chatted).events[0].id
        headers = {"Last-Event-ID": seen}
        quiet = api.stream(
            "GET",
            _status_path(chatted),
            headers=headers,
            params={"follow": "true"},
            stop=lambda read: len(read.comments) >= 2,
        )
        assert quiet.events == [] and len(quiet.comments) >= 2

    @pytest.mark.parametrize("last_id", ["bad id!", "1" * 19, "-1", "1.5"])
    def test_a_malformed_id_is_refused_naming_the_header(
        self, api: Api, chatted: Any, last_id: str
    ) -> None:
        refused = _read(api, chatted, last_id)
        assert refused.status_code == 400 and refused.error is not None
        assert refused.error["code"] == "VALIDATION_ERROR"
        assert refused.error["details"]["field"] == "Last-Event-ID"
