"""Chats without streaming: lifecycle, states, messages, validation, limits and isolation."""

from __future__ import annotations

import base64
from typing import Any

import pytest

from .conftest import TIMESTAMP, Api, Harness, new_agent, text_message


def start(api: Api, agent: dict[str, Any], text: str = "hello", **extra: Any) -> dict[str, Any]:
    response = api.post(
        "/v1/chats", json={"agent_id": agent["id"], "message": text_message(text), **extra}
    )
    assert response.status_code == 201, response.text
    chat: dict[str, Any] = response.json()
    return chat


def reply_text(chat: dict[str, Any]) -> str:
    return "".join(part["content"] for part in chat["message"]["parts"])


class TestStart:
    def test_start_answers_the_agents_reply(self, api: Api, echo_agent: dict[str, Any]) -> None:
        """Starting a chat runs the first turn and answers the ACTIVE chat with the reply."""
        chat = start(api, echo_agent, "I need  help\twith my account ", metadata={"user": "u1"})
        assert chat["id"].startswith("chat_")
        assert chat["status"] == "ACTIVE"
        assert chat["agent_id"] == echo_agent["id"]
        assert chat["participants"] == ["user", echo_agent["id"]]
        assert chat["metadata"] == {"user": "u1"}
        assert chat["message_count"] == 2
        assert chat["message"]["role"] == "agent" and chat["message"]["id"].startswith("msg_")
        assert reply_text(chat) == "I need  help\twith my account "
        assert TIMESTAMP.match(chat["created_at"])
        assert chat["closed_at"] is None and chat["close_reason"] is None

    def test_client_chosen_chat_id_and_trace_id(self, api: Api, echo_agent: dict[str, Any]) -> None:
        """A chat_id chosen by the client is used; a second chat with it is CHAT_ID_TAKEN."""
        chat = start(api, echo_agent, chat_id="order-42:support", trace_id="trace-1")
        assert chat["id"] == "order-42:support" and chat["trace_id"] == "trace-1"
        body = {"agent_id": echo_agent["id"], "message": text_message("x"), "chat_id": chat["id"]}
        response = api.post("/v1/chats", json=body)
        assert response.status_code == 409
        assert response.json()["error"]["code"] == "CHAT_ID_TAKEN"

    def test_unknown_agent_is_agent_not_found(self, api: Api) -> None:
        """A chat needs an agent of the organization."""
        response = api.post(
            "/v1/chats", json={"agent_id": "agt_nope", "message": text_message("x")}
        )
        assert response.status_code == 404
        assert response.json()["error"]["code"] == "AGENT_NOT_FOUND"

    def test_scripted_agent_answers_by_script(
        self, api: Api, scripted_agent: dict[str, Any]
    ) -> None:
        """The scripted agent answers 'You said: <text>'."""
        assert reply_text(start(api, scripted_agent, "hi there")) == "You said: hi there"

    def test_failed_turn_is_an_agent_error(self, api: Api, scripted_agent: dict[str, Any]) -> None:
        """When the agent fails, the non-streaming call answers 502 AGENT_ERROR."""
        body = {"agent_id": scripted_agent["id"], "message": text_message("/error")}
        response = api.post("/v1/chats", json=body)
        assert response.status_code == 502
        error = response.json()["error"]
        assert error["code"] == "AGENT_ERROR" and error["details"]["chat_id"].startswith("chat_")


class TestMessages:
    def test_multi_part_messages_are_described(self, api: Api, echo_agent: dict[str, Any]) -> None:
        """Non-text parts reach the echo agent as bracketed descriptions; parts are stored as sent."""
        png = base64.b64encode(b"\x89PNG fake").decode()
        parts = [
            {"type": "text", "content": "look:"},
            {
                "type": "image",
                "content": png,
                "mime_type": "image/png",
                "width": 800,
                "height": 600,
            },
            {"type": "data", "content": '{"a": 1}'},
            {"type": "file", "content": png, "mime_type": "text/plain", "filename": "a.txt"},
            {"type": "audio", "content": png, "mime_type": "audio/wav", "duration": 1.5},
        ]
        body = {"agent_id": echo_agent["id"], "message": {"parts": parts, "metadata": {"k": 1}}}
        chat = api.post("/v1/chats", json=body).json()
        assert reply_text(chat) == (
            "look:\n[image image/png 800x600]\n[data application/json]\n"
            "[file text/plain a.txt]\n[audio audio/wav 1.5s]"
        )
        messages = api.get(f"/v1/chats/{chat['id']}/messages").json()["data"]
        assert messages[0]["parts"] == parts and messages[0]["metadata"] == {"k": 1}
        assert [m["role"] for m in messages] == ["user", "agent"]

    def test_messages_get_replies_and_are_listed_in_order(
        self, api: Api, echo_agent: dict[str, Any]
    ) -> None:
        """Each message gets a reply; the history pages oldest first."""
        chat = start(api, echo_agent, "one")
        reply = api.post(f"/v1/chats/{chat['id']}/messages", json={"message": text_message("two")})
        assert reply.status_code == 200
        assert reply_text(reply.json()) == "two" and reply.json()["message_count"] == 4
        first = api.get(f"/v1/chats/{chat['id']}/messages", params={"limit": 3}).json()
        rest = api.get(f"/v1/chats/{chat['id']}/messages", params={"cursor": first["next_cursor"]})
        texts = [m["parts"][0]["content"] for m in first["data"] + rest.json()["data"]]
        assert texts == ["one", "one", "two", "two"]
        assert rest.json()["has_more"] is False

    @pytest.mark.parametrize(
        ("part", "field", "code"),
        [
            ({"type": "text", "content": ""}, "message.parts[0].content", "VALIDATION_ERROR"),
            ({"type": "video", "content": "x"}, "message.parts[0].type", "VALIDATION_ERROR"),
            ({"type": "text"}, "message.parts[0].content", "VALIDATION_ERROR"),
            (
                {"type": "image", "content": "not base64!", "mime_type": "image/png"},
                "message.parts[0].content",
                "VALIDATION_ERROR",
            ),
            ({"type": "file", "content": "QQ=="}, "message.parts[0].mime_type", "VALIDATION_ERROR"),
        ],
    )
    def test_bad_parts_name_the_field(
        self, api: Api, echo_agent: dict[str, Any], part: dict[str, Any], field: str, code: str
    ) -> None:
        """A bad part answers 400 naming the field inside the part, and starts no chat."""
        body = {"agent_id": echo_agent["id"], "message": {"parts": [part]}}
        response = api.post("/v1/chats", json=body)
        assert response.status_code == 400
        error = response.json()["error"]
        assert error["code"] == code
        assert error["details"] == {"field": field, "location": "body"}
        assert api.get("/v1/chats").json()["data"] == []

    def test_only_users_send_messages(self, api: Api, echo_agent: dict[str, Any]) -> None:
        """A message with another role is refused, naming message.role."""
        body = {"agent_id": echo_agent["id"], "message": {**text_message("x"), "role": "agent"}}
        response = api.post("/v1/chats", json=body)
        assert response.status_code == 400
        assert response.json()["error"]["details"]["field"] == "message.role"


class TestStates:
    def test_pause_resume_and_end(self, api: Api, echo_agent: dict[str, Any]) -> None:
        """PAUSED refuses messages with CHAT_NOT_ACTIVE; resume reopens; end closes for good."""
        chat = start(api, echo_agent)
        send = f"/v1/chats/{chat['id']}/messages"
        assert api.post(f"/v1/chats/{chat['id']}/pause").json()["status"] == "PAUSED"
        refused = api.post(send, json={"message": text_message("x")})
        assert refused.status_code == 409 and refused.json()["error"]["code"] == "CHAT_NOT_ACTIVE"
        assert api.post(f"/v1/chats/{chat['id']}/resume").json()["status"] == "ACTIVE"
        assert api.post(send, json={"message": text_message("back")}).status_code == 200
        ended = api.post(f"/v1/chats/{chat['id']}/end", json={"reason": "resolved"}).json()
        assert ended["status"] == "CLOSED" and ended["close_reason"] == "resolved"
        assert TIMESTAMP.match(ended["closed_at"])
        assert api.get(f"/v1/chats/{chat['id']}").json() == ended

    def test_a_closed_chat_refuses_everything(self, api: Api, echo_agent: dict[str, Any]) -> None:
        """Messages, a second end, pause and resume of a closed chat are CHAT_ALREADY_CLOSED."""
        chat = start(api, echo_agent)
        assert api.post(f"/v1/chats/{chat['id']}/end").json()["close_reason"] is None
        responses = [
            api.post(f"/v1/chats/{chat['id']}/messages", json={"message": text_message("x")}),
            api.post(f"/v1/chats/{chat['id']}/end", json={"reason": "again"}),
            api.post(f"/v1/chats/{chat['id']}/pause"),
            api.post(f"/v1/chats/{chat['id']}/resume"),
        ]
        assert [r.status_code for r in responses] == [409] * 4
        assert {r.json()["error"]["code"] for r in responses} == {"CHAT_ALREADY_CLOSED"}

    def test_a_full_chat_overflows(self, api: Api, echo_agent: dict[str, Any]) -> None:
        """A chat holds at most max_chat_messages (6 here): the turn past it is refused."""
        chat = start(api, echo_agent)
        send = f"/v1/chats/{chat['id']}/messages"
        assert [
            api.post(send, json={"message": text_message("m")}).status_code for _ in range(2)
        ] == [
            200,
            200,
        ]
        response = api.post(send, json={"message": text_message("one too many")})
        assert response.status_code == 409
        assert response.json()["error"]["code"] == "CHAT_BUFFER_OVERFLOW"


class TestListing:
    def test_filters_by_status_and_agent(self, api: Api) -> None:
        """status and agent_id filter the list; pages stay oldest first."""
        one, two = new_agent(api, name="one"), new_agent(api, name="two")
        a, b, c = start(api, one), start(api, two), start(api, one)
        api.post(f"/v1/chats/{b['id']}/end")

        def ids(**params: Any) -> list[str]:
            return [chat["id"] for chat in api.get("/v1/chats", params=params).json()["data"]]

        assert ids() == [a["id"], b["id"], c["id"]]
        assert ids(agent_id=one["id"]) == [a["id"], c["id"]]
        assert ids(status="CLOSED") == [b["id"]]
        assert ids(status="ACTIVE", agent_id=two["id"]) == []
        page = api.get("/v1/chats", params={"limit": 1}).json()
        assert page["has_more"] and len(page["data"]) == 1

    def test_unknown_status_is_a_validation_error(self, api: Api) -> None:
        """status must be one of the documented states."""
        response = api.get("/v1/chats", params={"status": "OPEN"})
        assert response.status_code == 400
        assert response.json()["error"]["details"] == {"field": "status", "location": "query"}


class TestIsolation:
    def test_another_organizations_chat_is_not_found(self, harness: Harness) -> None:
        """Every chat route answers 404 CHAT_NOT_FOUND for a chat of another organization."""
        owner, stranger = harness.client(), harness.client()
        chat = start(owner, new_agent(owner, name="Owner"))
        base = f"/v1/chats/{chat['id']}"
        responses = [
            stranger.get(base),
            stranger.get(f"{base}/messages"),
            stranger.post(f"{base}/messages", json={"message": text_message("x")}),
            stranger.post(f"{base}/end"),
            stranger.post(f"{base}/pause"),
            stranger.post(f"{base}/resume"),
            stranger.get(f"{base}/events"),
        ]
        assert [r.status_code for r in responses] == [404] * len(responses)
        assert {r.json()["error"]["code"] for r in responses} == {"CHAT_NOT_FOUND"}
        agent_of_owner = {"agent_id": chat["agent_id"], "message": text_message("x")}
        assert stranger.post("/v1/chats", json=agent_of_owner).status_code == 404
        assert stranger.get("/v1/chats").json()["data"] == []
