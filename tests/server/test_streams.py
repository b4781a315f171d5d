"""Streamed turns: event order and shape, errors, keep-alives, disconnects and resumption."""

from __future__ import annotations

import json
import time
from typing import Any

from agentkit.server import ServerConfig
from agentkit.testing import ReferenceServer

from .conftest import Api, Harness, Stream, new_agent, text_message


def stream_start(api: Api, agent: dict[str, Any], text: str, **kwargs: Any) -> Stream:
    body = {"agent_id": agent["id"], "message": text_message(text)}
    return api.stream("POST", "/v1/chats/stream", json=body, **kwargs)


class TestEvents:
    def test_a_turn_streams_metadata_content_done(
        self, api: Api, echo_agent: dict[str, Any]
    ) -> None:
        """metadata first, word-sized content deltas that join to the exact text, then done."""
        text = "  My account\nis   locked "
        stream = stream_start(api, echo_agent, text)
        assert stream.status_code == 200
        assert stream.headers["content-type"].startswith("text/event-stream")
        assert stream.headers["cache-control"] == "no-cache"
        assert stream.kinds[0] == "metadata" and stream.kinds[-1] == "done"
        assert set(stream.kinds[1:-1]) == {"content"}
        assert stream.ids == list(range(1, len(stream.events) + 1))
        assert stream.text == text and len(stream.payloads("content")) == 4
        metadata, done = stream.payloads("metadata")[0], stream.payloads("done")[0]
        chat = done["chat"]
        assert metadata["chat_id"] == chat["id"] and metadata["message_id"] == chat["message"]["id"]
        assert {d["message_id"] for d in stream.payloads("content")} == {metadata["message_id"]}
        assert chat["message"]["parts"] == [{"type": "text", "content": text}]
        assert api.get(f"/v1/chats/{chat['id']}").json() == chat

    def test_seq_counts_up_across_turns(self, api: Api, echo_agent: dict[str, Any]) -> None:
        """A second turn's events continue the chat's numbering."""
        first = stream_start(api, echo_agent, "one two")
        chat_id = first.payloads("done")[0]["chat"]["id"]
        body = {"message": text_message("three")}
        second = api.stream("POST", f"/v1/chats/{chat_id}/messages/stream", json=body)
        assert second.ids[0] == first.ids[-1] + 1
        assert second.kinds == ["metadata", "content", "done"]
        assert second.payloads("done")[0]["chat"]["message_count"] == 4

    def test_agent_failure_is_an_error_event_without_done(
        self, api: Api, scripted_agent: dict[str, Any]
    ) -> None:
        """/error ends the stream with an AGENT_ERROR error event and no done."""
        stream = stream_start(api, scripted_agent, "please /error")
        assert stream.kinds == ["metadata", "error"]
        error = stream.payloads("error")[0]
        assert error["error"]["code"] == "AGENT_ERROR"
        assert error["chat_id"] == stream.payloads("metadata")[0]["chat_id"]

    def test_long_streams_count_their_tokens(
        self, api: Api, scripted_agent: dict[str, Any]
    ) -> None:
        """/long N streams exactly N deltas tok0 .. tokN-1."""
        stream = stream_start(api, scripted_agent, "/long 120")
        deltas = [d["delta"] for d in stream.payloads("content")]
        assert deltas == [f"tok{i} " for i in range(120)]

    def test_request_errors_come_before_the_stream(self, api: Api) -> None:
        """A stream whose request is invalid answers a JSON error, not an event stream."""
        stream = api.stream("POST", "/v1/chats/stream", json={"agent_id": "agt_x"})
        assert stream.status_code == 400 and stream.error is not None
        assert stream.error["details"]["field"] == "message"

    def test_a_turn_in_progress_refuses_another(
        self, api: Api, scripted_agent: dict[str, Any]
    ) -> None:
        """While the agent is replying, a new message is CHAT_NOT_ACTIVE with a clear message."""
        stream = stream_start(
            api, scripted_agent, "/slow /long 10", stop=lambda s: len(s.events) >= 1
        )
        chat_id = stream.payloads("metadata")[0]["chat_id"]
        response = api.post(f"/v1/chats/{chat_id}/messages", json={"message": text_message("x")})
        assert response.status_code == 409
        error = response.json()["error"]
        assert error["code"] == "CHAT_NOT_ACTIVE" and "still replying" in error["message"]


class TestKeepAlive:
    def test_idle_streams_send_comments(self) -> None:
        """Between slow events the stream sends keep-alive comments, which are not events."""
        config = ServerConfig(keepalive_interval=0.02)
        with ReferenceServer(config=config) as server:
            api = Api(server.base_url, server.api_key)
            try:
                agent = new_agent(api, name="slow", brain="scripted")
                stream = stream_start(api, agent, "/slow /long 4")
            finally:
                api.close()
        assert stream.kinds == ["metadata", "content", "content", "content", "content", "done"]
        assert stream.comments and all(c == ": keep-alive" for c in stream.comments)


class TestResume:
    def test_a_dropped_stream_resumes_from_last_event_id(
        self, api: Api, scripted_agent: dict[str, Any]
    ) -> None:
        """The turn goes on after a disconnect; /events replays after Last-Event-ID and follows."""
        dropped = stream_start(
            api, scripted_agent, "/slow /long 12", stop=lambda s: len(s.events) >= 3
        )
        chat_id = dropped.payloads("metadata")[0]["chat_id"]
        last = dropped.events[-1].id
        rest = api.stream("GET", f"/v1/chats/{chat_id}/events", headers={"Last-Event-ID": last})
        assert rest.ids[0] == int(last) + 1 and rest.kinds[-1] == "done"
        deltas = [d["delta"] for d in dropped.payloads("content") + rest.payloads("content")]
        assert deltas == [f"tok{i} " for i in range(12)]

    def test_after_query_replays_a_finished_chat_and_ends(
        self, api: Api, echo_agent: dict[str, Any]
    ) -> None:
        """With no turn running, /events replays what is stored after ?after= and ends."""
        full = stream_start(api, echo_agent, "a b c")
        chat_id = full.payloads("metadata")[0]["chat_id"]
        replay = api.stream("GET", f"/v1/chats/{chat_id}/events", params={"after": 2})
        assert replay.ids == full.ids[2:]
        assert [e.data for e in replay.events] == [e.data for e in full.events[2:]]
        everything = api.stream("GET", f"/v1/chats/{chat_id}/events")
        assert everything.ids == full.ids

    def test_bad_resume_positions_are_validation_errors(
        self, api: Api, echo_agent: dict[str, Any]
    ) -> None:
        """A negative ?after= or a Last-Event-ID that is no event id answers 400."""
        chat_id = stream_start(api, echo_agent, "x").payloads("metadata")[0]["chat_id"]
        negative = api.stream("GET", f"/v1/chats/{chat_id}/events", params={"after": -1})
        assert negative.error is not None and negative.error["details"]["location"] == "query"
        junk = api.stream("GET", f"/v1/chats/{chat_id}/events", headers={"Last-Event-ID": "x"})
        assert junk.error is not None and junk.error["details"]["location"] == "header"

    def test_a_repeated_streaming_post_replays_its_turn(
        self, api: Api, scripted_agent: dict[str, Any]
    ) -> None:
        """Same Idempotency-Key: the turn's events again (after Last-Event-ID), no new chat."""
        body = {"agent_id": scripted_agent["id"], "message": text_message("/slow /long 6")}
        key = {"Idempotency-Key": "stream-resume-1"}
        dropped = api.stream(
            "POST", "/v1/chats/stream", json=body, headers=key, stop=lambda s: len(s.events) >= 2
        )
        last = dropped.events[-1].id
        resumed = api.stream(
            "POST", "/v1/chats/stream", json=body, headers={**key, "Last-Event-ID": last}
        )
        assert resumed.headers["idempotent-replayed"] == "true"
        assert resumed.ids[0] == int(last) + 1 and resumed.kinds[-1] == "done"
        again = api.stream("POST", "/v1/chats/stream", json=body, headers=key)
        assert again.ids == list(range(1, 9))
        assert len(api.get("/v1/chats").json()["data"]) == 1

    def test_a_slow_reader_does_not_slow_the_turn(self, harness: Harness) -> None:
        """Turns run in the background: the reply is complete even if nobody reads the stream."""
        api = harness.client()
        agent = new_agent(api, name="bg", brain="scripted")
        body = {"agent_id": agent["id"], "message": text_message("/long 50")}
        first = api.stream("POST", "/v1/chats/stream", json=body, stop=lambda s: bool(s.events))
        chat_id = json.loads(first.events[0].data)["chat_id"]
        deadline = time.monotonic() + 5
        while api.get(f"/v1/chats/{chat_id}").json()["message"] is None:
            assert time.monotonic() < deadline
            time.sleep(0.02)
        assert api.get(f"/v1/chats/{chat_id}").json()["message_count"] == 2
