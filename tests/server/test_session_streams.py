"""Session event streams: ids, replay from any id, history pages, following across turns,
resuming a streaming POST, and deltas by continuation token."""

from __future__ import annotations

import threading
import time
from typing import Any

from .conftest import Api, Stream, new_session, session_turn, text_message, wait_idle
from .test_indexes import REFUNDS, add_document, new_index
from .test_sessions import WEATHER, send


def events(api: Api, session_id: str, **kwargs: Any) -> Stream:
    return api.stream("GET", f"/v1/sessions/{session_id}/events", **kwargs)


def history(api: Api, session_id: str, limit: int = 1000) -> list[dict[str, Any]]:
    """Every stored event, walking the history pages."""
    found: list[dict[str, Any]] = []
    params: dict[str, Any] = {"limit": limit}
    while True:
        page = api.get(f"/v1/sessions/{session_id}/history", params=params).json()
        found.extend(page["data"])
        if not page["has_more"]:
            return found
        params["cursor"] = page["next_cursor"]


def delta(api: Api, session_id: str, token: str | None = None) -> dict[str, Any]:
    params = {"continuation_token": token} if token is not None else {}
    response = api.get(f"/v1/sessions/{session_id}/delta", params=params)
    assert response.status_code == 200, response.text
    found: dict[str, Any] = response.json()
    return found


def apply(messages: dict[int, dict[str, Any]], change: dict[str, Any]) -> None:
    """Apply a delta as a client does: replace or append messages by index."""
    for message in change["messages"]:
        messages[message["index"]] = message


class TestEventIds:
    def test_ids_count_up_across_turns(self, api: Api, scripted_agent: dict[str, Any]) -> None:
        """Each event's id is its SSE id, counting from 1 through every turn of the session."""
        session = new_session(api, scripted_agent)
        first = session_turn(api, session["id"], "one")
        second = session_turn(api, session["id"], "two")
        assert first.ids == list(range(1, len(first.events) + 1))
        assert second.ids[0] == first.ids[-1] + 1
        assert [e["id"] for e in second.payloads()] == second.ids
        assert {e["session_id"] for e in first.payloads() + second.payloads()} == {session["id"]}
        assert first.kinds[0] == "user_input" and first.kinds[-1] == "stop"
        assert api.get(f"/v1/sessions/{session['id']}").json()["last_event_id"] == second.ids[-1]

    def test_the_stream_has_the_sse_headers(self, api: Api, scripted_agent: dict[str, Any]) -> None:
        """Session streams are uncached, unbuffered event streams."""
        stream = session_turn(api, new_session(api, scripted_agent)["id"], "hi")
        assert stream.headers["content-type"].startswith("text/event-stream")
        assert stream.headers["cache-control"] == "no-cache"
        assert stream.headers["x-accel-buffering"] == "no"

    def test_request_errors_come_before_the_stream(
        self, api: Api, scripted_agent: dict[str, Any]
    ) -> None:
        """A streaming send that is refused answers a JSON error, not an event stream."""
        session = new_session(api, scripted_agent)
        path = f"/v1/sessions/{session['id']}/messages/stream"
        stream = api.stream("POST", path, json={"message": {"parts": []}})
        assert stream.status_code == 400 and stream.error is not None
        assert stream.error["details"]["field"] == "message.parts"


class TestReplay:
    def test_replay_from_any_id_equals_the_history(
        self, api: Api, scripted_agent: dict[str, Any]
    ) -> None:
        """From any id, /events replays the stored events after it: the history, byte-equal."""
        index = new_index(api)
        add_document(api, index["id"], REFUNDS, title="Refunds")
        session = new_session(api, scripted_agent, index_ids=[index["id"]], client_tools=[WEATHER])
        session_turn(api, session["id"], "How are refunds paid?")
        session_turn(api, session["id"], "/tool")
        stored = history(api, session["id"])
        everything = events(api, session["id"])
        assert everything.payloads() == stored
        assert {e["type"] for e in stored} >= {
            "user_input",
            "thinking_delta",
            "thinking",
            "tool_call",
            "tool_result",
            "text_delta",
            "text",
            "stop",
        }
        for after in (0, 1, 7, len(stored) - 1, len(stored)):
            replay = events(api, session["id"], params={"after": after})
            assert replay.payloads() == stored[after:]
            assert replay.ids == [e["id"] for e in stored[after:]]
        by_header = events(api, session["id"], headers={"Last-Event-ID": "5"})
        assert by_header.payloads() == stored[5:]

    def test_history_pages_walk_every_event(self, api: Api, scripted_agent: dict[str, Any]) -> None:
        """Small pages of the history give the same events, in order, with no repeats."""
        session = new_session(api, scripted_agent)
        session_turn(api, session["id"], "/long 25")
        whole = history(api, session["id"])
        assert history(api, session["id"], limit=4) == whole
        assert [e["id"] for e in whole] == list(range(1, 29))
        first = api.get(f"/v1/sessions/{session['id']}/history", params={"limit": 4}).json()
        assert first["has_more"] and len(first["data"]) == 4
        empty = api.get(f"/v1/sessions/{session['id']}/history", params={"cursor": "junk"}).json()
        assert empty == {"data": [], "has_more": False, "next_cursor": None}

    def test_a_stream_follows_a_turn_in_progress(
        self, api: Api, scripted_agent: dict[str, Any]
    ) -> None:
        """/events during a /slow turn replays, then follows live until the turn's stop."""
        session = new_session(api, scripted_agent)
        send(api, session["id"], "/slow /long 6")
        live = events(api, session["id"])
        assert live.kinds[0] == "user_input" and live.kinds[-1] == "stop"
        assert len(live.payloads("text_delta")) == 6

    def test_bad_resume_positions_are_refused(
        self, api: Api, scripted_agent: dict[str, Any]
    ) -> None:
        """A Last-Event-ID that is no id, or a negative ?after=, answers 400."""
        session = new_session(api, scripted_agent)
        junk = events(api, session["id"], headers={"Last-Event-ID": "abc"})
        assert junk.error is not None and junk.error["details"]["field"] == "Last-Event-ID"
        negative = events(api, session["id"], params={"after": -1})
        assert negative.error is not None and negative.error["details"]["location"] == "query"


class TestFollow:
    def test_follow_stays_open_across_turns(self, api: Api, scripted_agent: dict[str, Any]) -> None:
        """follow=true keeps the stream open through idle time and two turns, with keep-alives."""
        session = new_session(api, scripted_agent)
        seen: list[Stream] = []

        def follow() -> None:
            seen.append(
                events(
                    api,
                    session["id"],
                    params={"follow": "true"},
                    stop=lambda s: s.kinds.count("stop") >= 2,
                )
            )

        reader = threading.Thread(target=follow)
        reader.start()
        session_turn(api, session["id"], "first")
        time.sleep(0.5)  # idle for longer than the keep-alive interval (0.2 s)
        session_turn(api, session["id"], "second")
        reader.join(timeout=5)
        assert not reader.is_alive()
        [stream] = seen
        assert stream.kinds.count("user_input") == 2 and stream.kinds[-1] == "stop"
        assert stream.ids == list(range(1, len(stream.events) + 1))
        assert any(comment.startswith(": keep-alive") for comment in stream.comments)

    def test_without_follow_an_idle_session_ends_at_once(
        self, api: Api, scripted_agent: dict[str, Any]
    ) -> None:
        """With no turn running, /events ends after the stored events, follow=false too."""
        session = new_session(api, scripted_agent)
        assert events(api, session["id"]).events == []
        session_turn(api, session["id"], "x")
        started = time.monotonic()
        stream = events(api, session["id"], params={"follow": "false"})
        assert stream.kinds[-1] == "stop" and time.monotonic() - started < 1


class TestStreamingPostReplay:
    def test_same_key_and_last_event_id_resume_the_turn(
        self, api: Api, scripted_agent: dict[str, Any]
    ) -> None:
        """A dropped streaming send, repeated with its key and Last-Event-ID, goes on live."""
        session = new_session(api, scripted_agent)
        path = f"/v1/sessions/{session['id']}/messages/stream"
        body = {"message": text_message("/slow /long 8")}
        key = {"Idempotency-Key": "session-stream-1"}
        dropped = api.stream(
            "POST", path, json=body, headers=key, stop=lambda s: len(s.events) >= 3
        )
        last = dropped.events[-1].id
        resumed = api.stream("POST", path, json=body, headers={**key, "Last-Event-ID": last})
        assert resumed.headers["idempotent-replayed"] == "true"
        assert resumed.ids[0] == int(last) + 1 and resumed.kinds[-1] == "stop"
        whole = api.stream("POST", path, json=body, headers=key)
        assert whole.ids == list(range(1, 12)) and whole.kinds[0] == "user_input"
        assert dropped.payloads() + resumed.payloads() == whole.payloads()
        assert api.get(f"/v1/sessions/{session['id']}").json()["message_count"] == 2

    def test_a_tool_results_stream_replays_too(
        self, api: Api, scripted_agent: dict[str, Any]
    ) -> None:
        """Repeating a streamed submit replays its turn from the first tool_result."""
        session = new_session(api, scripted_agent, client_tools=[WEATHER])
        call = session_turn(api, session["id"], "/tool").payloads("tool_call")[0]
        path = f"/v1/sessions/{session['id']}/tool-results/stream"
        body = {"results": [{"tool_use_id": call["tool_use_id"], "status": "declined"}]}
        key = {"Idempotency-Key": "tools-1"}
        first = api.stream("POST", path, json=body, headers=key)
        again = api.stream("POST", path, json=body, headers=key)
        assert first.kinds[0] == "tool_result" and first.kinds[-1] == "stop"
        assert again.payloads() == first.payloads()
        assert len(api.get(f"/v1/sessions/{session['id']}").json()["messages"]) == 4


class TestDelta:
    def test_a_delta_lists_only_what_changed(
        self, api: Api, scripted_agent: dict[str, Any]
    ) -> None:
        """After a token, only the messages changed since; at the latest token, none."""
        session = new_session(api, scripted_agent)
        empty = delta(api, session["id"])
        assert empty["messages"] == [] and empty["continuation_token"] == "0"
        assert empty["status"] == "not_started"
        session_turn(api, session["id"], "one")
        first = delta(api, session["id"], "0")
        assert [m["index"] for m in first["messages"]] == [0, 1]
        assert first["continuation_token"] == str(
            api.get(f"/v1/sessions/{session['id']}").json()["last_event_id"]
        )
        assert first["status"] == "user_turn" and first["title"] == "one"
        assert first["message_count"] == 2 and first["usage"]["turns"] == 1
        assert delta(api, session["id"], first["continuation_token"])["messages"] == []
        session_turn(api, session["id"], "two")
        second = delta(api, session["id"], first["continuation_token"])
        assert [m["index"] for m in second["messages"]] == [2, 3]
        assert (
            delta(api, session["id"])["messages"]
            == (api.get(f"/v1/sessions/{session['id']}").json()["messages"])
        )

    def test_applying_deltas_rebuilds_the_session(
        self, api: Api, scripted_agent: dict[str, Any]
    ) -> None:
        """Polling deltas during turns and applying them (twice, too) gives the session's messages."""
        index = new_index(api)
        add_document(api, index["id"], "Refunds take 14 days.")
        session = new_session(api, scripted_agent, index_ids=[index["id"]])
        mirror: dict[int, dict[str, Any]] = {}
        token = None
        seen_partial = False
        send(api, session["id"], "/slow refunds")
        for _ in range(400):
            change = delta(api, session["id"], token)
            apply(mirror, change)
            apply(mirror, change)
            token = change["continuation_token"]
            seen_partial |= any(m["status"] == "generating" for m in change["messages"])
            if change["status"] == "user_turn":
                break
            time.sleep(0.02)
        final = api.get(f"/v1/sessions/{session['id']}").json()
        apply(mirror, delta(api, session["id"], token))
        assert [mirror[i] for i in sorted(mirror)] == final["messages"]
        assert seen_partial, "a poll during the turn sees the message being generated"

    def test_a_delta_shows_partial_text(self, api: Api, scripted_agent: dict[str, Any]) -> None:
        """Mid-turn, the generating message holds the text so far, and a later delta has more."""
        session = new_session(api, scripted_agent)
        path = f"/v1/sessions/{session['id']}/messages/stream"
        partial = api.stream(
            "POST",
            path,
            json={"message": text_message("/slow /long 10")},
            stop=lambda s: len(s.payloads("text_delta")) >= 2,
        )
        change = delta(api, session["id"], str(partial.ids[0]))
        [message] = change["messages"]
        assert message["status"] == "generating" and message["index"] == 1
        so_far = message["content"][0]["content"]
        assert so_far.startswith("tok0 tok1 ")
        time.sleep(0.15)
        [later] = delta(api, session["id"], change["continuation_token"])["messages"]
        assert later["index"] == 1 and len(later["content"][0]["content"]) > len(so_far)
        done = wait_idle(api, session["id"])
        assert done["messages"][1]["content"][0]["content"].count("tok") == 10


def test_long_streams_are_batched_but_whole(api: Api, scripted_agent: dict[str, Any]) -> None:
    """A turn of more deltas than one write batch arrives whole and in order, stored the same."""
    session = new_session(api, scripted_agent)
    stream = session_turn(api, session["id"], "/long 1200")
    assert stream.ids == list(range(1, 1204))
    text = stream.payloads("text")[0]["content"]
    assert text == "".join(f"tok{i} " for i in range(1200))
    assert history(api, session["id"]) == stream.payloads()
