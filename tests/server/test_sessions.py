"""Sessions over raw HTTP: lifecycle and statuses, busy sessions, index binding and locking,
skipped indexes, restarts, usage, titles and isolation."""

from __future__ import annotations

import json
import sqlite3
import threading
import time
from pathlib import Path
from typing import Any

from agentkit.server import ServerConfig
from agentkit.testing import ReferenceServer

from .conftest import (
    TIMESTAMP,
    Api,
    Harness,
    Stream,
    new_agent,
    new_session,
    session_turn,
    text_message,
    wait_idle,
)
from .test_indexes import REFUNDS, add_document, new_index

WEATHER = {
    "name": "get_weather",
    "description": "The weather in a city.",
    "input_schema": {
        "type": "object",
        "properties": {"city": {"type": "string"}, "days": {"type": "integer"}},
        "required": ["city"],
    },
}
EVERY_TYPE = {
    "name": "book",
    "input_schema": {
        "type": "object",
        "properties": {
            "name": {"type": "string"},
            "seats": {"type": "integer"},
            "price": {"type": "number"},
            "window": {"type": "boolean"},
            "meals": {"type": "array"},
            "extras": {"type": "object"},
            "class": {"type": "string", "enum": ["economy", "business"]},
            "note": {"type": ["null", "string"]},
            "optional": {"type": "string"},
        },
        "required": ["name", "seats", "price", "window", "meals", "extras", "class", "note"],
    },
}


def send(api: Api, session_id: str, text: str, **fields: Any) -> Any:
    body = {"message": text_message(text), **fields}
    return api.post(f"/v1/sessions/{session_id}/messages", json=body)


def submit(api: Api, session_id: str, results: list[dict[str, Any]], **fields: Any) -> Stream:
    body = {"results": results, **fields}
    return api.stream("POST", f"/v1/sessions/{session_id}/tool-results/stream", json=body)


def stocked_index(api: Api, name: str = "handbook") -> tuple[dict[str, Any], dict[str, Any]]:
    """An index holding the refunds document, and that document."""
    index = new_index(api, name)
    return index, add_document(api, index["id"], REFUNDS, title="Refunds")


def texts(message: dict[str, Any], kind: str = "text") -> list[str]:
    return [block["content"] for block in message["content"] if block["type"] == kind]


class TestLifecycle:
    def test_a_new_session_has_not_started(self, api: Api, scripted_agent: dict[str, Any]) -> None:
        """Created: not_started, unlocked, no events, zero usage, the given fields kept."""
        session = new_session(
            api,
            scripted_agent,
            title="Support",
            system_prompt="Be brief.",
            model_profile="small",
            metadata={"user": "u1"},
            client_tools=[WEATHER],
        )
        assert session["id"].startswith("ses_") and session["agent_id"] == scripted_agent["id"]
        assert session["status"] == "not_started" and session["indexes_locked"] is False
        assert session["last_event_id"] == 0 and session["continuation_token"] == "0"
        assert session["usage"] == {
            "input_tokens": 0,
            "output_tokens": 0,
            "total_tokens": 0,
            "turns": 0,
            "duration_ms": 0,
        }
        assert session["title"] == "Support" and session["generated_title"] is None
        assert session["system_prompt"] == "Be brief." and session["model_profile"] == "small"
        assert session["metadata"] == {"user": "u1"} and session["client_tools"] == [WEATHER]
        assert session["messages"] == [] and session["message_count"] == 0
        assert session["index_ids"] == [] and TIMESTAMP.match(session["created_at"])
        assert api.get(f"/v1/sessions/{session['id']}").json() == session

    def test_unknown_agent_or_index_is_refused(
        self, api: Api, scripted_agent: dict[str, Any]
    ) -> None:
        """An unknown agent is AGENT_NOT_FOUND and an unknown index INDEX_NOT_FOUND, by field."""
        agent = api.post("/v1/sessions", json={"agent_id": "agt_nope"})
        assert agent.status_code == 404
        assert agent.json()["error"]["code"] == "AGENT_NOT_FOUND"
        assert agent.json()["error"]["details"]["field"] == "agent_id"
        index, _ = stocked_index(api)
        body = {"agent_id": scripted_agent["id"], "index_ids": [index["id"], "idx_nope"]}
        missing = api.post("/v1/sessions", json=body)
        assert missing.status_code == 404
        assert missing.json()["error"]["code"] == "INDEX_NOT_FOUND"
        assert missing.json()["error"]["details"]["field"] == "index_ids[1]"
        assert api.get("/v1/sessions").json()["data"] == []

    def test_a_message_starts_an_agent_turn(self, api: Api, scripted_agent: dict[str, Any]) -> None:
        """Send answers 202 in agent_turn with the user's message stored; then user_turn."""
        session = new_session(api, scripted_agent)
        response = send(api, session["id"], "/slow hello")
        assert response.status_code == 202
        busy = response.json()
        assert busy["status"] == "agent_turn" and busy["indexes_locked"] is True
        user, reply = busy["messages"]
        assert (user["index"], user["role"], user["status"]) == (0, "user", "completed")
        assert user["content"] == [{"type": "text", "content": "/slow hello"}]
        assert (reply["index"], reply["role"], reply["status"]) == (1, "assistant", "generating")
        done = wait_idle(api, session["id"])
        assert done["status"] == "user_turn" and done["message_count"] == 2
        assert done["messages"][1]["status"] == "completed"
        assert texts(done["messages"][1]) == ["You said: /slow hello"]
        assert done["last_event_id"] == int(done["continuation_token"]) > busy["last_event_id"]

    def test_list_and_summary(self, api: Api, scripted_agent: dict[str, Any]) -> None:
        """Summaries list titles, counts and usage, oldest first, filtered by agent."""
        other = new_agent(api, name="other", brain="echo")
        first = new_session(api, scripted_agent)
        second = new_session(api, other, title="Mine")
        session_turn(api, first["id"], "hello there")
        summary = api.get(f"/v1/sessions/{first['id']}/summary").json()
        assert summary["generated_title"] == summary["title"] == "hello there"
        assert summary["message_count"] == 2 and summary["usage"]["turns"] == 1
        assert summary["last_event_id"] > 0 and "messages" not in summary
        listed = api.get("/v1/sessions").json()["data"]
        assert [s["id"] for s in listed] == [first["id"], second["id"]]
        assert listed[0] == summary
        mine = api.get("/v1/sessions", params={"agent_id": other["id"]}).json()["data"]
        assert [s["title"] for s in mine] == ["Mine"]
        page = api.get("/v1/sessions", params={"limit": 1}).json()
        assert page["has_more"] and len(page["data"]) == 1

    def test_update_changes_what_the_next_turn_uses(
        self, api: Api, scripted_agent: dict[str, Any]
    ) -> None:
        """PATCH sets title, prompt, profile, tools and metadata; null clears the title."""
        session = new_session(api, scripted_agent, title="Old")
        session_turn(api, session["id"], "first words here")
        path = f"/v1/sessions/{session['id']}"
        changed = api.request(
            "PATCH",
            path,
            json={
                "title": "New",
                "metadata": {"k": 2},
                "client_tools": [WEATHER],
                "system_prompt": "Terse.",
                "model_profile": "large",
            },
        ).json()
        assert changed["title"] == "New" and changed["metadata"] == {"k": 2}
        assert changed["client_tools"] == [WEATHER] and changed["system_prompt"] == "Terse."
        assert changed["model_profile"] == "large" and changed["message_count"] == 2
        cleared = api.request("PATCH", path, json={"title": None, "system_prompt": None}).json()
        assert cleared["title"] == cleared["generated_title"] == "first words here"
        assert cleared["system_prompt"] is None

    def test_delete_removes_the_session(self, api: Api, scripted_agent: dict[str, Any]) -> None:
        """A deleted session, its messages and events are gone: every route is 404."""
        session = new_session(api, scripted_agent)
        session_turn(api, session["id"], "hi")
        path = f"/v1/sessions/{session['id']}"
        assert api.request("DELETE", path).json() == {"id": session["id"], "deleted": True}
        responses = [
            api.get(path),
            api.get(f"{path}/summary"),
            api.get(f"{path}/delta"),
            api.get(f"{path}/history"),
            api.get(f"{path}/events"),
            send(api, session["id"], "again"),
            api.post(f"{path}/cancel"),
            api.request("DELETE", path),
        ]
        assert [r.status_code for r in responses] == [404] * len(responses)
        assert {r.json()["error"]["code"] for r in responses} == {"SESSION_NOT_FOUND"}
        assert api.get("/v1/sessions").json()["data"] == []

    def test_delete_cancels_a_running_turn(self, api: Api, scripted_agent: dict[str, Any]) -> None:
        """Deleting mid-turn stops the turn, and a reader following its events ends."""
        session = new_session(api, scripted_agent)
        path = f"/v1/sessions/{session['id']}"
        send(api, session["id"], "/slow /long 200")
        follower: list[Stream] = []
        reader = threading.Thread(
            target=lambda: follower.append(
                api.stream("GET", f"{path}/events", params={"follow": "true"})
            )
        )
        reader.start()
        time.sleep(0.2)
        assert api.request("DELETE", path).status_code == 200
        reader.join(timeout=5)
        assert not reader.is_alive(), "the follower of a deleted session must end"
        [seen] = follower
        assert seen.kinds[0] == "user_input" and "stop" not in seen.kinds
        assert 0 < len(seen.payloads("text_delta")) < 200
        assert api.get(path).status_code == 404

    def test_echo_and_other_brains_answer_in_sessions(
        self, api: Api, echo_agent: dict[str, Any]
    ) -> None:
        """The echo brain answers with the user's words as text, without thinking."""
        session = new_session(api, echo_agent)
        stream = session_turn(api, session["id"], "say  this back")
        assert stream.kinds[0] == "user_input" and stream.kinds[-1] == "stop"
        assert set(stream.kinds[1:-1]) == {"text_delta", "text"}
        assert "".join(e["content"] for e in stream.payloads("text_delta")) == "say  this back"
        assert stream.payloads("text")[0]["content"] == "say  this back"


class TestBusy:
    def test_a_running_turn_refuses_another_message(
        self, api: Api, scripted_agent: dict[str, Any]
    ) -> None:
        """While the agent answers, a message is SESSION_BUSY saying to wait or cancel."""
        session = new_session(api, scripted_agent)
        send(api, session["id"], "/slow /long 8")
        refused = send(api, session["id"], "too soon")
        assert refused.status_code == 409
        error = refused.json()["error"]
        assert error["code"] == "SESSION_BUSY" and "cancel" in error["message"]
        assert wait_idle(api, session["id"])["message_count"] == 2

    def test_a_pending_tool_call_refuses_another_message(
        self, api: Api, scripted_agent: dict[str, Any]
    ) -> None:
        """In client_tool_turn, a message is SESSION_BUSY saying to submit results."""
        session = new_session(api, scripted_agent, client_tools=[WEATHER])
        session_turn(api, session["id"], "/tool")
        refused = send(api, session["id"], "hello?")
        assert refused.status_code == 409
        assert refused.json()["error"]["code"] == "SESSION_BUSY"
        assert "submit" in refused.json()["error"]["message"]


class TestIndexLock:
    def test_indexes_may_change_until_the_first_message(
        self, api: Api, scripted_agent: dict[str, Any]
    ) -> None:
        """Before the first message index_ids may change; after it, only to the same list."""
        one, _ = stocked_index(api, "one")
        two, _ = stocked_index(api, "two")
        session = new_session(api, scripted_agent, index_ids=[one["id"]])
        path = f"/v1/sessions/{session['id']}"
        unknown = api.request("PATCH", path, json={"index_ids": ["idx_nope"]})
        assert unknown.status_code == 404
        assert unknown.json()["error"]["details"]["field"] == "index_ids[0]"
        moved = api.request("PATCH", path, json={"index_ids": [two["id"], one["id"]]}).json()
        assert moved["index_ids"] == [two["id"], one["id"]]
        session_turn(api, session["id"], "refunds")
        locked = api.request("PATCH", path, json={"index_ids": [one["id"]]})
        assert locked.status_code == 409
        assert locked.json()["error"]["code"] == "SESSION_INDEXES_LOCKED"
        assert locked.json()["error"]["details"]["field"] == "index_ids"
        same = api.request("PATCH", path, json={"index_ids": [two["id"], one["id"]], "title": "t"})
        assert same.status_code == 200 and same.json()["title"] == "t"
        assert same.json()["index_ids"] == [two["id"], one["id"]]

    def test_a_bound_session_refuses_other_indexes_per_message(
        self, api: Api, scripted_agent: dict[str, Any]
    ) -> None:
        """A bound session refuses per-message index_ids unlike its own; its own are fine."""
        one, _ = stocked_index(api, "one")
        two, _ = stocked_index(api, "two")
        session = new_session(api, scripted_agent, index_ids=[one["id"]])
        refused = send(api, session["id"], "refunds", index_ids=[two["id"]])
        assert refused.status_code == 409
        assert refused.json()["error"]["code"] == "SESSION_INDEXES_LOCKED"
        assert api.get(f"/v1/sessions/{session['id']}").json()["message_count"] == 0
        stream = session_turn(api, session["id"], "refunds", index_ids=[one["id"]])
        assert stream.payloads("tool_call")[0]["input"]["index_ids"] == [one["id"]]

    def test_an_unbound_session_uses_the_messages_indexes(
        self, api: Api, scripted_agent: dict[str, Any]
    ) -> None:
        """Each message of an unbound session retrieves from the indexes it names, if any."""
        index, document = stocked_index(api)
        session = new_session(api, scripted_agent)
        with_index = session_turn(api, session["id"], "refunds", index_ids=[index["id"]])
        assert document["id"] in with_index.payloads("text")[0]["content"]
        without = session_turn(api, session["id"], "refunds again")
        assert "tool_call" not in without.kinds
        assert without.payloads("text")[0]["content"] == "You said: refunds again"
        assert api.get(f"/v1/sessions/{session['id']}").json()["index_ids"] == []


class TestSkippedIndexes:
    def test_unusable_indexes_are_skipped_with_warnings(
        self, api: Api, scripted_agent: dict[str, Any]
    ) -> None:
        """Unknown and empty indexes warn INDEX_SKIPPED and are listed in the stop; others serve."""
        good, document = stocked_index(api, "good")
        empty = new_index(api, "empty")
        session = new_session(api, scripted_agent)
        asked = ["idx_unknown", empty["id"], good["id"]]
        stream = session_turn(api, session["id"], "How are refunds paid?", index_ids=asked)
        warnings = stream.payloads("warning")
        assert [(w["code"], w["index_id"]) for w in warnings] == [
            ("INDEX_SKIPPED", "idx_unknown"),
            ("INDEX_SKIPPED", empty["id"]),
        ]
        assert "not found" in warnings[0]["message"] and "no documents" in warnings[1]["message"]
        assert stream.kinds.index("warning") < stream.kinds.index("thinking_delta")
        stop = stream.payloads("stop")[0]
        assert stop["skipped_index_ids"] == ["idx_unknown", empty["id"]]
        assert stop["reason"] == "end_turn" and stop["is_error"] is False
        assert stream.payloads("tool_call")[0]["input"]["index_ids"] == [good["id"]]
        assert document["id"] in stream.payloads("text")[0]["content"]

    def test_a_deleted_bound_index_is_skipped(
        self, api: Api, scripted_agent: dict[str, Any]
    ) -> None:
        """A bound index deleted later is skipped with a warning; the agent answers directly."""
        index, _ = stocked_index(api)
        session = new_session(api, scripted_agent, index_ids=[index["id"]])
        api.request("DELETE", f"/v1/indexes/{index['id']}")
        stream = session_turn(api, session["id"], "refunds?")
        assert [w["index_id"] for w in stream.payloads("warning")] == [index["id"]]
        assert stream.payloads("stop")[0]["skipped_index_ids"] == [index["id"]]
        assert "tool_call" not in stream.kinds
        assert "I will answer directly." in stream.payloads("thinking")[0]["content"]

    def test_require_all_indexes_refuses_up_front(
        self, api: Api, scripted_agent: dict[str, Any]
    ) -> None:
        """With require_all_indexes an unknown index is 404 naming it, and nothing is stored."""
        good, _ = stocked_index(api)
        session = new_session(api, scripted_agent)
        refused = send(
            api,
            session["id"],
            "refunds",
            index_ids=[good["id"], "idx_gone"],
            require_all_indexes=True,
        )
        assert refused.status_code == 404
        error = refused.json()["error"]
        assert error["code"] == "INDEX_NOT_FOUND"
        assert error["details"]["field"] == "index_ids[1]"
        after = api.get(f"/v1/sessions/{session['id']}").json()
        assert after["message_count"] == 0 and after["last_event_id"] == 0
        assert after["status"] == "not_started" and after["indexes_locked"] is False

    def test_require_all_indexes_still_skips_an_empty_index(
        self, api: Api, scripted_agent: dict[str, Any]
    ) -> None:
        """An index that exists but is empty is skipped, not refused, even with require_all."""
        empty = new_index(api, "empty")
        session = new_session(api, scripted_agent)
        stream = session_turn(
            api, session["id"], "x", index_ids=[empty["id"]], require_all_indexes=True
        )
        assert stream.status_code == 200
        assert stream.payloads("stop")[0]["skipped_index_ids"] == [empty["id"]]


class TestRestarts:
    def test_sessions_outlive_the_server(self, tmp_path: Path) -> None:
        """A session, its messages and events are still there after a restart, and go on."""
        config = ServerConfig(db_path=str(tmp_path / "agentkit.sqlite3"))
        with ReferenceServer(config=config) as server:
            key = server.api_key
            api = Api(server.base_url, key)
            session = new_session(api, new_agent(api, name="s", brain="scripted"))
            first = session_turn(api, session["id"], "before")
            api.close()
        with ReferenceServer(config=config) as server:
            api = Api(server.base_url, key)
            state = api.get(f"/v1/sessions/{session['id']}").json()
            assert state["last_event_id"] == first.ids[-1] and state["message_count"] == 2
            again = session_turn(api, session["id"], "after")
            assert again.ids[0] == first.ids[-1] + 1
            api.close()

    def test_a_turn_cut_by_a_stop_ends_in_error(self, tmp_path: Path) -> None:
        """A server stopped mid-turn fails the turn; after a restart the session takes messages."""
        config = ServerConfig(db_path=str(tmp_path / "agentkit.sqlite3"))
        with ReferenceServer(config=config) as server:
            key = server.api_key
            api = Api(server.base_url, key)
            session = new_session(api, new_agent(api, name="s", brain="scripted"))
            send(api, session["id"], "/slow /long 400")
            time.sleep(0.2)
            api.close()
        with ReferenceServer(config=config) as server:
            api = Api(server.base_url, key)
            state = api.get(f"/v1/sessions/{session['id']}").json()
            assert state["status"] == "user_turn"
            assert state["messages"][1]["status"] == "failed"
            assert state["messages"][1]["content"][-1]["error_code"] == "TURN_INTERRUPTED"
            tail = api.stream("GET", f"/v1/sessions/{session['id']}/events").payloads()[-2:]
            assert [e["type"] for e in tail] == ["error", "stop"]
            assert tail[1]["reason"] == "error" and tail[1]["is_error"] is True
            assert (
                session_turn(api, session["id"], "ok").payloads("stop")[0]["reason"] == "end_turn"
            )
            api.close()

    def test_an_abandoned_turn_is_recovered(self, tmp_path: Path) -> None:
        """A session left in agent_turn with no turn running (a crash) is ended when next read."""
        path = tmp_path / "agentkit.sqlite3"
        config = ServerConfig(db_path=str(path))
        with ReferenceServer(config=config) as server:
            key = server.api_key
            api = Api(server.base_url, key)
            session = new_session(api, new_agent(api, name="s", brain="scripted"))
            session_turn(api, session["id"], "hi")
            api.close()
        with sqlite3.connect(path) as db:
            [(data,)] = db.execute("SELECT data FROM sessions").fetchall()
            db.execute(
                "UPDATE sessions SET data = ?",
                (json.dumps({**json.loads(data), "status": "agent_turn"}),),
            )
        with ReferenceServer(config=config) as server:
            api = Api(server.base_url, key)
            state = api.get(f"/v1/sessions/{session['id']}").json()
            assert state["status"] == "user_turn"
            tail = api.stream("GET", f"/v1/sessions/{session['id']}/events").payloads()[-2:]
            assert [(e["type"], e.get("reason")) for e in tail] == [
                ("error", None),
                ("stop", "error"),
            ]
            api.close()


class TestUsage:
    def test_usage_counts_words_and_accumulates(
        self, api: Api, scripted_agent: dict[str, Any]
    ) -> None:
        """input = prompt and history words, output = answer and thinking words; sums per session."""
        session = new_session(api, scripted_agent)
        first = session_turn(api, session["id"], "one two three").payloads("stop")[0]["usage"]
        thinking = "The user asks: one two three. I will answer directly."
        answer = "You said: one two three"
        assert first["input_tokens"] == 3
        assert first["output_tokens"] == len(thinking.split()) + len(answer.split())
        assert first["total_tokens"] == first["input_tokens"] + first["output_tokens"]
        assert first["turns"] == 1 and first["duration_ms"] >= 0
        second = session_turn(api, session["id"], "four").payloads("stop")[0]["usage"]
        assert second["input_tokens"] == 1 + 3 + len(answer.split())
        total = api.get(f"/v1/sessions/{session['id']}").json()["usage"]
        assert total == {name: first[name] + second[name] for name in first}
        assert total["turns"] == 2

    def test_long_turns_count_their_tokens(self, api: Api, scripted_agent: dict[str, Any]) -> None:
        """/long N: N text deltas tok0 .. tokN-1, no thinking, N output tokens."""
        session = new_session(api, scripted_agent)
        stream = session_turn(api, session["id"], "/long 300")
        deltas = [d["content"] for d in stream.payloads("text_delta")]
        assert deltas == [f"tok{i} " for i in range(300)]
        assert "thinking_delta" not in stream.kinds
        assert stream.payloads("stop")[0]["usage"]["output_tokens"] == 300


class TestTitles:
    def test_the_first_message_makes_the_title(
        self, api: Api, scripted_agent: dict[str, Any]
    ) -> None:
        """generated_title: the first words, at most 60 characters, no trailing space."""
        session = new_session(api, scripted_agent)
        text = "Where  is my parcel? It was due last Tuesday and the tracking page says nothing"
        session_turn(api, session["id"], text)
        state = api.get(f"/v1/sessions/{session['id']}").json()
        title = state["generated_title"]
        assert title == "Where is my parcel? It was due last Tuesday and the tracking"
        assert len(title) <= 60 and state["title"] == title
        session_turn(api, session["id"], "a second message")
        assert api.get(f"/v1/sessions/{session['id']}").json()["generated_title"] == title

    def test_a_set_title_wins(self, api: Api, scripted_agent: dict[str, Any]) -> None:
        """A title set by the user is the title; the generated one is kept beside it."""
        session = new_session(api, scripted_agent, title="Parcel")
        session_turn(api, session["id"], "x" * 80)
        state = api.get(f"/v1/sessions/{session['id']}").json()
        assert state["title"] == "Parcel" and state["generated_title"] == "x" * 60


class TestIsolation:
    def test_another_organizations_session_is_not_found(self, harness: Harness) -> None:
        """Every session route answers 404 SESSION_NOT_FOUND for another organization's session."""
        owner, stranger = harness.client(), harness.client()
        session = new_session(owner, new_agent(owner, name="Owner", brain="scripted"))
        session_turn(owner, session["id"], "hi")
        base = f"/v1/sessions/{session['id']}"
        ui = {"messages": [{"role": "user", "parts": [{"type": "text", "text": "x"}]}]}
        results = {"results": [{"tool_use_id": "toolu_x", "status": "success"}]}
        responses = [
            stranger.get(base),
            stranger.request("PATCH", base, json={"title": "mine"}),
            stranger.request("DELETE", base),
            stranger.get(f"{base}/summary"),
            stranger.get(f"{base}/delta"),
            stranger.get(f"{base}/history"),
            stranger.get(f"{base}/events"),
            send(stranger, session["id"], "x"),
            stranger.post(f"{base}/messages/stream", json={"message": text_message("x")}),
            stranger.post(f"{base}/messages/ui-stream", json=ui),
            stranger.post(f"{base}/tool-results", json=results),
            stranger.post(f"{base}/tool-results/stream", json=results),
            stranger.post(f"{base}/cancel"),
        ]
        assert [r.status_code for r in responses] == [404] * len(responses)
        assert {r.json()["error"]["code"] for r in responses} == {"SESSION_NOT_FOUND"}
        assert stranger.get("/v1/sessions").json()["data"] == []
        index = new_index(owner)
        body = {"agent_id": session["agent_id"], "index_ids": [index["id"]]}
        assert stranger.post("/v1/sessions", json=body).json()["error"]["code"] == (
            "AGENT_NOT_FOUND"
        )
        mine = new_agent(stranger, name="Mine", brain="scripted")
        foreign = stranger.post("/v1/sessions", json={**body, "agent_id": mine["id"]})
        assert foreign.json()["error"]["code"] == "INDEX_NOT_FOUND"
        assert owner.get(base).json()["title"] == "hi"


def test_stored_events_are_json(api: Api, scripted_agent: dict[str, Any]) -> None:
    """Every session event carries its id and session id."""
    session = new_session(api, scripted_agent)
    stream = session_turn(api, session["id"], "hi")
    for event in stream.events:
        data = json.loads(event.data)
        assert data["id"] == int(event.id) and data["session_id"] == session["id"]
