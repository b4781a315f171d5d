"""Response models built from a newer server's JSON, without changing the generated models."""

from __future__ import annotations

import copy
import enum
import inspect
import json
from typing import Any

import attrs
import pytest
from agentkit_api import models
from agentkit_api.models import (
    AgentBrain,
    Chat,
    ChatDoneEvent,
    ChatList,
    ChatMessage,
    ChatMessageInput,
    ChatStatus,
    Session,
    SessionEventList,
    SessionList,
    SessionMessage,
    SessionMessageStatus,
    SessionStatus,
    SessionStopEvent,
    SessionUserInputEvent,
    StopReason,
    TextPart,
    ToolResultBlock,
    ToolResultStatus,
)

import agentkit
from agentkit._compat import UnknownPart, _Planner, _python_name, parse_model
from agentkit._contract import contract
from agentkit._events import parse_chat_event, parse_session_event, stored_session_event
from agentkit._inputs import to_message
from agentkit._sse import ServerSentEvent
from agentkit.types import UnknownEvent

NOW = "2025-01-01T00:00:00+00:00"
USAGE = {"input_tokens": 1, "output_tokens": 2, "total_tokens": 3, "turns": 1, "duration_ms": 5}
VIDEO = {"type": "video", "content": "AAAA", "mime_type": "video/mp4", "fps": 24}
CITATION = {"type": "citation", "document_id": "doc_1", "quote": "..."}


def chat_message(*parts: dict[str, Any]) -> dict[str, Any]:
    parts = parts or ({"type": "text", "content": "hello"},)
    return {"id": "msg_1", "role": "agent", "parts": list(parts), "created_at": NOW}


def chat(status: str = "ACTIVE", message: dict[str, Any] | None = None) -> dict[str, Any]:
    return {
        "id": "chat_1",
        "agent_id": "agt_1",
        "status": status,
        "participants": ["agt_1"],
        "metadata": {},
        "trace_id": None,
        "message_count": 2,
        "created_at": NOW,
        "closed_at": None,
        "close_reason": None,
        "message": message if message is not None else chat_message(),
    }


def session_message(*content: dict[str, Any], status: str = "completed") -> dict[str, Any]:
    content = content or ({"type": "text", "content": "hello"},)
    return {
        "index": 0,
        "id": "msg_1",
        "role": "user",
        "status": status,
        "content": list(content),
        "created_at": NOW,
        "updated_at": NOW,
    }


def session(status: str = "user_turn", *messages: dict[str, Any]) -> dict[str, Any]:
    return {
        "id": "ses_1",
        "agent_id": "agt_1",
        "status": status,
        "title": None,
        "generated_title": None,
        "system_prompt": None,
        "model_profile": None,
        "index_ids": [],
        "indexes_locked": True,
        "client_tools": [],
        "metadata": {},
        "messages": list(messages),
        "message_count": len(messages),
        "usage": USAGE,
        "continuation_token": "tok",
        "last_event_id": 3,
        "created_at": NOW,
        "updated_at": NOW,
    }


def tool_result(status: str = "success") -> dict[str, Any]:
    return {
        "type": "tool_result",
        "tool_use_id": "tu_1",
        "tool_name": "lookup",
        "status": status,
        "runtime_ms": 3,
        "client": False,
        "output": {"answer": 42},
    }


def user_input(*content: dict[str, Any]) -> dict[str, Any]:
    content = content or ({"type": "text", "content": "hello"},)
    return {
        "type": "user_input",
        "id": 1,
        "session_id": "ses_1",
        "message_index": 0,
        "content": list(content),
    }


def stop(status: str = "user_turn") -> dict[str, Any]:
    return {
        "type": "stop",
        "id": 2,
        "session_id": "ses_1",
        "reason": "end_turn",
        "status": status,
        "is_error": False,
        "usage": USAGE,
        "skipped_index_ids": [],
    }


def newer(value: Any) -> Any:
    """The JSON as a newer server may send it: every object gains a field."""
    if isinstance(value, list):
        return [newer(item) for item in value]
    if not isinstance(value, dict):
        return value
    return {**{key: newer(item) for key, item in value.items()}, "added_in_v2": {"nested": [1]}}


class TestEnums:
    def test_unknown_top_level_value_equals_its_string(self) -> None:
        """A session status unknown today is a SessionStatus equal to the string sent."""
        built = parse_model(Session, session("queued"))
        assert built.status == "queued"
        assert isinstance(built.status, SessionStatus)
        assert built.status.value == "queued" and str(built.status) == "queued"
        assert built.to_dict()["status"] == "queued"

    def test_unknown_nested_values(self) -> None:
        """Unknown values in nested objects and in array items come through too."""
        data = session("queued", session_message(status="streaming"), session_message())
        built = parse_model(Session, data)
        assert built.messages[0].status == "streaming"
        assert isinstance(built.messages[0].status, SessionMessageStatus)
        assert built.messages[1].status is SessionMessageStatus.COMPLETED

    def test_known_values_stay_members(self) -> None:
        """Known values beside an unknown one are the enum's own members."""
        built = parse_model(SessionStopEvent, stop("queued"))
        assert built.status == "queued"
        assert built.reason is StopReason.END_TURN

    def test_unknown_value_inside_a_known_union_member(self) -> None:
        """A tool result block (a known block type) with an unknown status keeps its place."""
        data = session_message({"type": "text", "content": "a"}, tool_result("timed_out"))
        built = parse_model(SessionMessage, data)
        block = built.content[1]
        assert isinstance(block, ToolResultBlock)
        assert block.status == "timed_out" and isinstance(block.status, ToolResultStatus)
        assert block.output is not None and block.output["answer"] == 42

    def test_unknown_values_in_a_list_page(self) -> None:
        """Every item of a page with unknown statuses is parsed."""
        summary = {key: value for key, value in session("queued").items() if key != "messages"}
        page = {"data": [summary, {**summary, "status": "user_turn"}], "has_more": False}
        built = parse_model(SessionList, {**page, "next_cursor": None})
        assert [item.status for item in built.data] == ["queued", "user_turn"]


class TestUnionMembers:
    def test_unknown_part_is_kept_in_place(self) -> None:
        """An unknown part type becomes an UnknownPart at its index, with the raw object."""
        data = chat_message(
            {"type": "text", "content": "a"}, VIDEO, {"type": "text", "content": "b"}
        )
        built = parse_model(ChatMessage, data)
        first, unknown, last = built.parts
        assert isinstance(first, TextPart) and first.content == "a"
        assert isinstance(unknown, UnknownPart)
        assert unknown.type == "video" and unknown.raw == VIDEO and unknown.raw["fps"] == 24
        assert isinstance(last, TextPart) and last.content == "b"

    def test_unknown_members_first_and_last(self) -> None:
        """Unknown members at either end, and several, each keep their index."""
        data = session_message(CITATION, {"type": "text", "content": "a"}, VIDEO, CITATION)
        content = parse_model(SessionMessage, data).content
        assert [type(block) for block in content] == [
            UnknownPart,
            TextPart,
            UnknownPart,
            UnknownPart,
        ]
        # Known parts read their type by its wire name too.
        assert [block.type for block in content] == ["citation", "text", "video", "citation"]

    def test_unknown_part_in_a_nullable_nested_message(self) -> None:
        """A chat's message is nullable: its unknown part still becomes an UnknownPart (the
        generated code would keep the whole message as a dict)."""
        built = parse_model(
            Chat, chat(message=chat_message({"type": "text", "content": "a"}, VIDEO))
        )
        assert isinstance(built.message, ChatMessage)
        assert isinstance(built.message.parts[1], UnknownPart)
        assert built.status is ChatStatus.ACTIVE

    def test_unknown_part_and_status_deep_in_a_page_and_an_event(self) -> None:
        """Pages of chats and the ``done`` event carry chats with unknown values."""
        data = chat("ARCHIVED", chat_message({"type": "text", "content": "a"}, VIDEO))
        page = parse_model(
            ChatList, {"data": [data, chat()], "has_more": False, "next_cursor": None}
        )
        assert page.data[0].status == "ARCHIVED"
        assert isinstance(page.data[0].message, ChatMessage)
        assert isinstance(page.data[0].message.parts[1], UnknownPart)
        assert isinstance(page.data[1].message, ChatMessage)
        done = parse_model(ChatDoneEvent, {"type": "done", "chat": chat(message=data["message"])})
        assert isinstance(done.chat.message, ChatMessage)
        assert isinstance(done.chat.message.parts[-1], UnknownPart)

    def test_unknown_union_member_nested_in_a_known_one(self) -> None:
        """A stored event (a known union member) holding an unknown block type keeps both."""
        page = {"data": [user_input({"type": "text", "content": "a"}, CITATION), stop()]}
        built = parse_model(SessionEventList, {**page, "has_more": False, "next_cursor": None})
        event, last = built.data
        assert isinstance(event, SessionUserInputEvent)
        assert isinstance(event.content[0], TextPart)
        assert isinstance(event.content[1], UnknownPart) and event.content[1].type == "citation"
        assert isinstance(last, SessionStopEvent)

    def test_unknown_event_type_in_a_history_page(self) -> None:
        """An unknown event type in a page of stored events becomes an UnknownEvent."""
        reasoning = {"type": "reasoning", "id": 2, "session_id": "ses_1", "text": "hmm"}
        page = {"data": [user_input(), reasoning, stop()], "has_more": False, "next_cursor": None}
        built = parse_model(SessionEventList, page)
        events = [stored_session_event(item) for item in built.data]
        assert isinstance(events[0], SessionUserInputEvent)
        assert isinstance(events[1], UnknownEvent)
        assert events[1].event == "reasoning" and events[1].id == "2"
        assert events[1].json() == reasoning
        assert isinstance(events[2], SessionStopEvent)

    def test_unknown_parts_round_trip(self) -> None:
        """``to_dict`` gives back what was received, unknown members and values included."""
        data = session("queued", session_message(CITATION, tool_result("timed_out")))
        assert parse_model(Session, data).to_dict() == data


class TestNewFields:
    def test_fields_are_kept_at_every_level(self) -> None:
        """Unknown fields land in ``additional_properties``, also where values were set aside."""
        data = newer(session("queued", session_message({"type": "text", "content": "a"}, CITATION)))
        built = parse_model(Session, data)
        message = built.messages[0]
        assert built["added_in_v2"] == {"nested": [1]}
        assert message["added_in_v2"] == {"nested": [1]}
        assert message.content[0]["added_in_v2"] == {"nested": [1]}  # type: ignore[index]
        assert built.usage["added_in_v2"] == {"nested": [1]}
        assert isinstance(message.content[1], UnknownPart)
        assert message.content[1].raw["added_in_v2"] == {"nested": [1]}

    def test_only_new_fields_take_the_generated_path(self) -> None:
        """With no unknown value, the model is what the generated ``from_dict`` builds."""
        data = newer(chat())
        assert parse_model(Chat, data) == Chat.from_dict(data)
        assert parse_model(Chat, data)["added_in_v2"] == {"nested": [1]}


class TestMalformed:
    def test_missing_required_field_raises_the_generated_error(self) -> None:
        """Malformed data raises what the generated code raises, unknown values or not."""
        data = session("queued", session_message(CITATION))
        del data["id"]
        with pytest.raises(KeyError, match="'id'"):
            parse_model(Session, data)

    def test_malformed_known_member_raises(self) -> None:
        """A known part type with a missing field is an error, not an UnknownPart."""
        with pytest.raises(ValueError, match="got 'text'"):
            parse_model(ChatMessage, chat_message({"type": "text"}, VIDEO))

    def test_wrong_type_for_an_enum_raises(self) -> None:
        """Only a string can be a newer value of a string enum."""
        with pytest.raises(ValueError, match="42"):
            parse_model(Session, session(42))  # type: ignore[arg-type]

    def test_nullable_place_keeps_what_the_generated_code_keeps(self) -> None:
        """A malformed nullable message stays as the generated code keeps it (raw JSON)."""
        message = chat_message(VIDEO)
        del message["id"]
        built = parse_model(Chat, chat(message=message))
        assert built.message == message


class TestStreamEvents:
    def test_unknown_event_type(self) -> None:
        """An unknown SSE event type is an UnknownEvent with its data."""
        sse = ServerSentEvent(event="reasoning", data='{"type": "reasoning"}', id="7")
        event = parse_session_event(sse)
        assert isinstance(event, UnknownEvent) and event.id == "7"

    def test_session_event_with_unknown_values(self) -> None:
        """Known session events with unknown values and blocks parse."""
        data = json.dumps(newer(user_input({"type": "text", "content": "a"}, CITATION)))
        event = parse_session_event(ServerSentEvent(event="user_input", data=data, id="1"))
        assert isinstance(event, SessionUserInputEvent)
        assert isinstance(event.content[-1], UnknownPart)
        data = json.dumps(newer(stop("queued")))
        event = parse_session_event(ServerSentEvent(event="stop", data=data, id="2"))
        assert isinstance(event, SessionStopEvent) and event.status == "queued"

    def test_chat_done_with_unknown_values(self) -> None:
        """A chat ``done`` event whose chat has an unknown status and part parses."""
        payload = {"type": "done", "chat": chat("ARCHIVED", chat_message(VIDEO))}
        event = parse_chat_event(ServerSentEvent(event="done", data=json.dumps(payload), id=""))
        assert isinstance(event, ChatDoneEvent)
        assert event.chat.status == "ARCHIVED"
        assert isinstance(event.chat.message, ChatMessage)
        assert isinstance(event.chat.message.parts[0], UnknownPart)

    def test_malformed_event_raises(self) -> None:
        """A known event missing a required field is a response validation error."""
        data = json.dumps({"type": "stop", "id": 2})
        with pytest.raises(agentkit.APIResponseValidationError):
            parse_session_event(ServerSentEvent(event="stop", data=data, id="2"))


class TestNothingIsPatched:
    def test_generated_models_stay_strict(self) -> None:
        """After parsing newer data, the generated enums and unions still refuse new values."""
        parse_model(Session, session("queued", session_message(CITATION, status="streaming")))
        parse_model(Chat, chat("ARCHIVED", chat_message(VIDEO)))
        with pytest.raises(ValueError):
            SessionStatus("queued")
        with pytest.raises(ValueError):
            ChatStatus("ARCHIVED")
        with pytest.raises(ValueError):
            ChatMessage.from_dict(chat_message(VIDEO))
        with pytest.raises(ValueError):
            AgentBrain("newer")

    def test_every_generated_class_is_as_generated(self) -> None:
        """No ``from_dict`` replaced, no ``_missing_`` added to an enum."""
        parse_model(Session, session("queued", session_message(CITATION)))
        # Every class, loaded or not yet: the package loads its models as they are used.
        for cls in (getattr(models, name) for name in models.__all__):
            if not isinstance(cls, type):
                continue
            if issubclass(cls, enum.Enum):
                assert "_missing_" not in vars(cls), cls
            elif hasattr(cls, "from_dict"):
                function = inspect.unwrap(cls.from_dict.__func__)
                assert function.__module__ == cls.__module__, cls
                assert function.__qualname__ == f"{cls.__name__}.from_dict", cls

    def test_requests_stay_strict(self) -> None:
        """A request built from user input still refuses a part type the contract lacks."""
        with pytest.raises(ValueError):
            ChatMessageInput.from_dict({"parts": [VIDEO]})
        with pytest.raises(agentkit.ValidationError):
            to_message([VIDEO])

    def test_unknown_member_is_not_a_class_member(self) -> None:
        """The value made for an unknown status is no member of the class."""
        status = parse_model(Session, session("queued")).status
        assert status not in list(SessionStatus)
        assert "QUEUED" not in SessionStatus.__members__
        assert repr(status) == "<SessionStatus.QUEUED: 'queued'>"
        assert status != SessionStatus.USER_TURN and hash(status) == hash("queued")


class TestPlans:
    def test_attribute_names_match_the_generated_models(self) -> None:
        """Every property of every schema maps to the attribute its generated model has."""
        for name, schema in contract().components["schemas"].items():
            cls = getattr(models, name, None)
            if cls is None or not attrs.has(cls):
                continue
            fields = attrs.fields_dict(cls)
            for key in schema.get("properties", {}):
                assert _python_name(key) in fields, (name, key)

    @pytest.mark.parametrize(
        ("key", "attribute"),
        [
            ("type", "type_"),
            ("input", "input_"),
            ("id", "id"),
            ("finishReason", "finish_reason"),
            ("toolCallId", "tool_call_id"),
            ("content-type", "content_type"),
            ("2fa", "field_2fa"),
            ("_private", "field_private"),
            ("class", "class_"),
        ],
    )
    def test_python_names(self, key: str, attribute: str) -> None:
        """Keys are named as the generator names them."""
        assert _python_name(key) == attribute

    def test_plans_are_made_once(self) -> None:
        """A schema's plan is made on first use and kept; plain schemas have none."""
        planner = _Planner(contract().components["schemas"])
        assert planner.named("Session") is planner.named("Session")
        assert planner.named("TokenUsage") is None
        assert planner.named("JsonObject") is None
        assert planner.named("NoSuchSchema") is None


class Color(enum.StrEnum):
    RED = "red"


@attrs.define
class Leaf:
    """A hand-written model shaped as the generator writes them."""

    color: Color
    additional_properties: dict[str, Any] = attrs.field(init=False, factory=dict)

    @classmethod
    def from_dict(cls, src_dict: dict[str, Any]) -> Leaf:
        data = dict(src_dict)
        leaf = cls(color=Color(data.pop("color")))
        leaf.additional_properties = data
        return leaf


@attrs.define
class Tree:
    """A map of leaves (typed ``additionalProperties``) that may hold a tree in ``child``."""

    child: Tree | None
    additional_properties: dict[str, Leaf] = attrs.field(init=False, factory=dict)

    @classmethod
    def from_dict(cls, src_dict: dict[str, Any]) -> Tree:
        data = dict(src_dict)
        child = data.pop("child")
        tree = cls(child=None if child is None else Tree.from_dict(child))
        tree.additional_properties = {key: Leaf.from_dict(value) for key, value in data.items()}
        return tree


SCHEMAS = {
    "Color": {"type": "string", "enum": ["red"]},
    "Leaf": {
        "type": "object",
        "properties": {"color": {"$ref": "#/components/schemas/Color"}},
        "required": ["color"],
    },
    "Tree": {
        "type": "object",
        "properties": {
            "child": {"oneOf": [{"$ref": "#/components/schemas/Tree"}, {"type": "null"}]}
        },
        "additionalProperties": {"$ref": "#/components/schemas/Leaf"},
        "required": ["child"],
    },
}


class TestSchemaShapes:
    def test_typed_map_in_a_schema_that_contains_itself(self) -> None:
        """Unknown values in a typed map, in a tree of its own schema, come through."""
        plan = _Planner(SCHEMAS).named("Tree")
        assert plan is not None
        data = {"child": {"child": None, "a": {"color": "blue"}}, "b": {"color": "red"}}
        cleaned, fix = plan.clean(copy.deepcopy(data))
        assert fix is not None and cleaned["child"]["a"] == {"color": "red"}
        tree = fix(Tree.from_dict(cleaned))
        assert tree.additional_properties["b"].color is Color.RED
        assert tree.child.additional_properties["a"].color == "blue"
        assert isinstance(tree.child.additional_properties["a"].color, Color)
        with pytest.raises(ValueError):
            Color("blue")
