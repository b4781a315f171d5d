"""Every response the server can produce can be sent: a property over hostile input.

Hypothesis puts hostile values (lone surrogates, NULs, characters outside the BMP, RTL marks,
very long text, huge and non-finite numbers, deep nesting) into the string and number fields of
every JSON-body operation of the contract, in otherwise valid bodies sent raw to a real server,
then reads back everything that could have been stored. Whatever was sent: no 5xx, every
response parses and matches the contract (errors: the envelope, its request id and
``X-Request-Id``), and every event stream arrives whole.
"""

from __future__ import annotations

import itertools
import json
import os
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from agentkit._contract import Operation, contract

from .conftest import Api, Harness, Stream

EXAMPLES = int(os.environ.get("AGENTKIT_HOSTILE_EXAMPLES", "100"))
_names = itertools.count()

World = dict[str, str]
Seed = Callable[[World], dict[str, Any]]


def _message(text: str = "hello") -> dict[str, Any]:
    return {"parts": [{"type": "text", "content": text}], "metadata": {"k": "v"}}


def _tools() -> list[dict[str, Any]]:
    return [{"name": "lookup", "description": "d", "input_schema": {"type": "object"}}]


# One small valid body per JSON operation, using every kind of field it has: the property test
# puts hostile values in place of each string and number in them (and of each top-level field
# of the operation's schema they leave out).
SEEDS: dict[str, Seed] = {
    "agents_create": lambda w: {
        "name": f"seed-{next(_names)}",
        "description": "d",
        "instructions": "i",
        "model_profile": "m",
        "prompt_suggestions": ["p"],
        "metadata": {"k": "v", "n": 1},
    },
    "agents_update": lambda w: {"description": "d", "metadata": {"k": "v"}},
    "agents_update_instructions": lambda w: {"instructions": "i"},
    "chats_start": lambda w: {
        "agent_id": w["agent_id"],
        "message": _message(),
        "metadata": {"k": "v"},
        "trace_id": "t",
    },
    "chats_start_stream": lambda w: {
        "agent_id": w["agent_id"],
        "message": _message(),
        "metadata": {"k": "v"},
    },
    "chats_end": lambda w: {"reason": "r", "trace_id": "t"},
    "chats_message": lambda w: {"message": _message(), "trace_id": "t"},
    "chats_message_stream": lambda w: {"message": _message(), "trace_id": "t"},
    "indexes_create": lambda w: {
        "name": f"seed-{next(_names)}",
        "description": "d",
        "metadata": {"k": "v"},
    },
    "indexes_add_document": lambda w: {
        "content": "some text to find",
        "title": "t",
        "metadata": {"k": "v"},
    },
    "indexes_query": lambda w: {"query": "text", "top_k": 3},
    "sessions_create": lambda w: {
        "agent_id": w["agent_id"],
        "title": "t",
        "system_prompt": "s",
        "model_profile": "m",
        "metadata": {"k": "v"},
        "client_tools": _tools(),
    },
    "sessions_update": lambda w: {"title": "t", "system_prompt": "s", "metadata": {"k": "v"}},
    "sessions_send": lambda w: {"message": _message()},
    "sessions_send_stream": lambda w: {"message": _message(), "client_tools": _tools()},
    "sessions_send_ui_stream": lambda w: {
        "id": "c",
        "trigger": "submit-message",
        "messages": [{"id": "m", "role": "user", "parts": [{"type": "text", "text": "hi"}]}],
    },
    "sessions_submit_tool_results": lambda w: {
        "results": [
            {
                "tool_use_id": w["tool_use_id"],
                "tool_name": "lookup",
                "status": "success",
                "output": {"k": "v"},
                "runtime_ms": 5,
            }
        ]
    },
    "sessions_submit_tool_results_stream": lambda w: {
        "results": [{"tool_use_id": w["tool_use_id"], "status": "error", "runtime_ms": 5}]
    },
    "agents_chat": lambda w: {
        "id": f"chat-{next(_names)}",
        "trigger": "submit-message",
        "messages": [{"id": "m", "role": "user", "parts": [{"type": "text", "text": "hi"}]}],
    },
    "feedback_vote": lambda w: {
        "conversation_id": w.get("conversation_id", "chat_x"),
        "vote": "up",
        "comment": "c",
    },
    "completions_create": lambda w: {
        "model": w["agent_id"],
        "stream": True,
        "stream_options": {"include_usage": True},
        "messages": [
            {"role": "system", "content": "s"},
            {"role": "user", "content": [{"type": "text", "text": "hello"}], "name": "n"},
        ],
        "tools": [
            {
                "type": "function",
                "function": {"name": "lookup", "description": "d", "parameters": {}},
            }
        ],
        "temperature": 0.5,
        "max_tokens": 50,
        "user": "u",
    },
    "completions_embed": lambda w: {
        "model": "agentkit-lexical-v1",
        "input": ["hello", "world"],
        "dimensions": 8,
        "encoding_format": "float",
    },
    "identity_register": lambda w: {
        "email": f"seed-{next(_names)}@example.test",
        "handle": f"seed-{next(_names)}",
        "display_name": "d",
    },
    "identity_verify": lambda w: {"pending_id": w["pending_id"], "code": w["code"]},
    "identity_recover": lambda w: {"email": w["email"]},
    "identity_recover_verify": lambda w: {"pending_id": w["pending_id"], "code": w["code"]},
    "identity_update": lambda w: {"display_name": "d", "description": "x"},
    "identity_rotate_key_verify": lambda w: {"pending_id": w["pending_id"], "code": w["code"]},
    "identity_claim_agent_handle": lambda w: {
        "agent_id": w["agent_id"],
        "handle": f"seed-agent-{next(_names)}",
        "display_name": "d",
    },
    "messages_send": lambda w: {
        "client_msg_id": f"seed-{next(_names)}",
        "to": w["peer_handle"],
        "content": {"text": "hi", "data": {"k": "v"}},
        "metadata": {"k": "v"},
    },
    "messages_sync_ack": lambda w: {"last_delivery_id": w["delivery_id"]},
    "uploads_create": lambda w: {
        "filename": "f.txt",
        "content_type": "text/plain",
        "size": 5,
        "sha256": "0" * 64,
    },
    "groups_create": lambda w: {
        "name": "g",
        "description": "d",
        "member_handles": [w["peer_handle"]],
    },
    "groups_update": lambda w: {"name": "g", "description": "d"},
    "groups_add_member": lambda w: {"handle": w["peer_handle"]},
    "contacts_add": lambda w: {"handle": w["peer_handle"], "notes": "n"},
    "contacts_update": lambda w: {"notes": "n"},
    "contacts_report": lambda w: {"reason": "r"},
    "contacts_mute": lambda w: {
        "kind": "agent",
        "target": w["peer_handle"],
        "muted_until": "2030-01-01T00:00:00Z",
    },
    "presence_update": lambda w: {"status": "online", "custom_status": "c"},
    "presence_batch": lambda w: {"handles": [w["peer_handle"], "x"]},
    "providers_create": lambda w: {
        "name": f"seed-{next(_names)}",
        "type": "openai",
        "base_url": "http://127.0.0.1:9/v1",
        "api_key": "k",
    },
    "providers_update": lambda w: {"base_url": "http://127.0.0.1:9/v1", "api_key": "k"},
    "guardrails_create": lambda w: {
        "name": f"seed-{next(_names)}",
        "instructions": "i",
        "blocked_categories": ["pii"],
        "competitor_keywords": ["c"],
        "refusal": "r",
    },
    "guardrails_update": lambda w: {"instructions": "i", "competitor_keywords": ["c"]},
}
# The messaging operations act as a messaging identity, not as the organization.
MESSAGING = (
    "identity_",
    "messages_",
    "conversations_",
    "uploads_",
    "groups_",
    "contacts_",
    "presence_",
)


def _json_operations() -> list[Operation]:
    return [op for op in contract().operations.values() if op.body_schema is not None]


def _resolve(schema: Any) -> Any:
    while isinstance(schema, dict) and "$ref" in schema:
        schema = contract().resolve(schema["$ref"])
    return schema


def _types(schema: Any) -> set[str]:
    kind = _resolve(schema).get("type", [])
    return {kind} if isinstance(kind, str) else set(kind)


def _leaves(value: Any, path: tuple[Any, ...] = ()) -> Iterator[tuple[Any, ...]]:
    """The paths of the strings and numbers in a seed (keys of objects, indexes of arrays)."""
    if isinstance(value, dict):
        for key, item in value.items():
            yield from _leaves(item, (*path, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _leaves(item, (*path, index))
    elif isinstance(value, str | int | float) and not isinstance(value, bool):
        yield path


def _fields(op: Operation) -> list[tuple[Any, ...]]:
    """Where hostile values go in the operation's body: each string and number of its seed, each
    top-level string or number field of its schema, and a new key of each ``metadata``."""
    placeholders = {
        "agent_id": "agt_x",
        "tool_use_id": "toolu_x",
        "pending_id": "pnd_x",
        "delivery_id": "del_x",
    }
    seed = SEEDS[op.id]({**placeholders, "code": "0", "email": "e@x.test", "peer_handle": "p"})
    found = list(_leaves(seed))
    for name, schema in _resolve(op.body_schema).get("properties", {}).items():
        if (name,) not in found and _types(schema) & {"string", "integer", "number"}:
            found.append((name,))
    for path in list(found):
        if "metadata" in path:
            metadata = path[: path.index("metadata") + 1]
            found += [(*metadata, "new"), (*metadata, "\ud800new")]
    return found


def _put(body: Any, path: tuple[Any, ...], value: Any) -> None:
    for step in path[:-1]:
        body = body[step]
    body[path[-1]] = value


def _nested(depth: int) -> Any:
    value: Any = "leaf"
    for i in range(depth):
        value = [value] if i % 2 else {"d": value}
    return value


SPECIALS = ["\udfff", "\ud83d", "\ud800\udc00", "\x00", "\u202e", "\u200f", "\U0001f600", "\ufeff"]
pieces = st.one_of(
    st.characters(categories=["Cs"]),  # lone surrogates, high and low
    st.sampled_from(SPECIALS),
    st.characters(codec="utf-8"),
)
hostile_text = st.one_of(
    st.lists(pieces, max_size=12).map("".join),
    st.builds(lambda c, n: c * n, st.sampled_from([*SPECIALS, "x"]), st.integers(1, 70_000)),
)
hostile_numbers = st.one_of(
    st.integers(min_value=-(2**70), max_value=2**70),
    st.sampled_from([2**63, -(2**63) - 1, 10**40, 2**64 - 1]),
    st.floats(),  # NaN and the infinities included: json.dumps writes them as NaN, Infinity
)
hostile_values = st.one_of(
    hostile_text,
    hostile_numbers,
    st.builds(_nested, st.integers(60, 900)),
    st.builds(lambda key, value: {key: value}, hostile_text, hostile_text),
    st.lists(hostile_text, max_size=3),
)


def _encode(body: Any, raw_surrogates: bool) -> bytes:
    """JSON as a browser sends it (surrogates as ``\\ud800`` escapes), or their bytes as such."""
    if raw_surrogates:
        return json.dumps(body, ensure_ascii=False).encode("utf-8", "surrogatepass")
    return json.dumps(body).encode()


@pytest.fixture(scope="module")
def api(harness: Harness) -> Api:
    return harness.client()


@pytest.fixture(scope="module")
def world(harness: Harness, api: Api) -> World:
    agent = api.post("/v1/agents", json={"name": "world"}).json()
    scripted = api.post("/v1/agents", json={"name": "tools", "brain": "scripted"}).json()
    index = api.post("/v1/indexes", json={"name": "world"}).json()
    document = api.post(
        f"/v1/indexes/{index['id']}/documents", json={"content": "some text"}
    ).json()
    provider = api.post(
        "/v1/providers",
        json={"name": "world", "type": "openai", "base_url": "http://127.0.0.1:9/v1"},
    ).json()
    guardrail = api.post("/v1/guardrails", json={"name": "world"}).json()
    return {
        "provider_id": provider["id"],
        "guardrail_id": guardrail["id"],
        "agent_id": agent["id"],
        "scripted_id": scripted["id"],
        "index_id": index["id"],
        "document_id": document["id"],
        "peer_handle": _identity(harness, api, {})["handle"],
    }


def _identity(harness: Harness, api: Api, world: World) -> World:
    """A newly registered messaging identity: its key, handle and email."""
    handle = f"seed-{next(_names)}"
    email = f"{handle}@example.test"
    body = {"email": email, "handle": handle, "display_name": handle}
    pending = api.post("/v1/identity/register", json=body).json()
    code = harness.server.last_code(email)
    verify = {"pending_id": pending["pending_id"], "code": code}
    made = api.post("/v1/identity/register/verify", json=verify).json()
    return {"identity_key": made["api_key"], "handle": handle, "email": email}


def _messaging_ids(harness: Harness, api: Api, world: World, op: Operation) -> World:
    """A fresh identity (so a rotated or recovered key harms no other example), a peer to
    message, and a pending verification with its code for the operations that complete one."""
    ids = {**world, **_identity(harness, api, world)}
    auth = {"Authorization": f"Bearer {ids['identity_key']}"}
    if "{group_id}" in op.path:
        group = api.post("/v1/groups", json={"name": "g"}, headers=auth).json()
        ids["group_id"] = group["id"]
    if op.id.startswith("contacts_"):
        ids["handle"] = world["peer_handle"]
        api.post("/v1/contacts", json={"handle": ids["handle"]}, headers=auth)
    if op.id == "identity_claim_agent_handle":
        ids["agent_id"] = api.post("/v1/agents", json={"name": f"a-{next(_names)}"}).json()["id"]
    elif op.id == "identity_verify":
        handle = f"seed-{next(_names)}"
        email = f"{handle}@example.test"
        body = {"email": email, "handle": handle, "display_name": "d"}
        ids["pending_id"] = api.post("/v1/identity/register", json=body).json()["pending_id"]
        ids["code"] = harness.server.last_code(email) or ""
    elif op.id == "identity_recover_verify":
        pending = api.post("/v1/identity/recover", json={"email": ids["email"]}).json()
        ids["pending_id"] = pending["pending_id"]
        ids["code"] = harness.server.last_code(ids["email"], "recover") or ""
    elif op.id == "identity_rotate_key_verify":
        pending = api.post("/v1/identity/me/rotate-key", headers=auth).json()
        ids["pending_id"] = pending["pending_id"]
        ids["code"] = harness.server.last_code(ids["email"], "rotate_key") or ""
    elif op.id == "messages_sync_ack":
        # A delivery of the identity's to acknowledge: a message from another identity.
        sender = {"Authorization": f"Bearer {_identity(harness, api, world)['identity_key']}"}
        body = {"client_msg_id": "seed", "to": ids["handle"], "content": {"text": "hi"}}
        api.post("/v1/messages", json=body, headers=sender)
        page = api.get("/v1/messages/sync", headers=auth).json()
        ids["delivery_id"] = page["data"][0]["delivery_id"]
    return ids


def _headers(op: Operation, ids: World) -> dict[str, str]:
    """The messaging identity's key for a messaging operation (except an agent's handle, which
    the organization gives); nothing else for the others."""
    if op.id.startswith(MESSAGING) and op.id != "identity_claim_agent_handle":
        return {"Authorization": f"Bearer {ids['identity_key']}"}
    return {}


def _fresh_ids(harness: Harness, api: Api, world: World, op: Operation) -> World:
    """Ids for the operation's path: a new chat or session when it needs one, so that earlier
    examples (a closed chat, a full buffer, a busy session) do not decide the answer."""
    if op.id.startswith(MESSAGING):
        return _messaging_ids(harness, api, world, op)
    ids = dict(world)
    if "{chat_id}" in op.path:
        body = {"agent_id": world["agent_id"], "message": _message()}
        ids["chat_id"] = api.post("/v1/chats", json=body).json()["id"]
    if "{session_id}" in op.path:
        session = api.post("/v1/sessions", json={"agent_id": world["agent_id"]}).json()
        ids["session_id"] = session["id"]
    if op.id == "feedback_vote":
        # A chat with the agent's reply to vote on.
        body = {"agent_id": world["agent_id"], "message": _message()}
        ids["conversation_id"] = api.post("/v1/chats", json=body).json()["id"]
        messages = api.get(f"/v1/chats/{ids['conversation_id']}/messages").json()["data"]
        ids["message_id"] = next(m["id"] for m in messages if m["role"] == "agent")
    if op.id.startswith("sessions_submit_tool_results"):
        # A session waiting for a client tool's result: the scripted agent calls one on /tool.
        body = {"agent_id": world["scripted_id"], "client_tools": _tools()}
        ids["session_id"] = api.post("/v1/sessions", json=body).json()["id"]
        turn = api.stream(
            "POST",
            f"/v1/sessions/{ids['session_id']}/messages/stream",
            json={"message": _message("/tool")},
        )
        ids["tool_use_id"] = turn.payloads("tool_call")[0]["tool_use_id"]
    return ids


def _read_back_messaging(api: Api, ids: World) -> None:
    """The identity and its conversations, as it reads them: all must be served."""
    auth = {"Authorization": f"Bearer {ids['identity_key']}"}
    me = api.get("/v1/identity/me", headers=auth)
    if me.status_code == 401:  # the example rotated or recovered the key, or deleted it
        return
    assert me.status_code == 200
    assert api.get(f"/v1/identity/profiles/{ids['handle']}", headers=auth).status_code == 200
    conversations = api.get("/v1/conversations", headers=auth)
    assert conversations.status_code == 200
    for conversation in conversations.json()["data"]:
        path = f"/v1/conversations/{conversation['id']}/messages"
        assert api.get(path, headers=auth).status_code == 200


def _read_back(api: Api, ids: World) -> None:
    """Everything the example could have stored, read back: all must be served."""
    if "identity_key" in ids:
        _read_back_messaging(api, ids)
        return
    paths = [
        "/v1/agents",
        f"/v1/agents/{ids['agent_id']}",
        "/v1/chats",
        "/v1/indexes",
        f"/v1/indexes/{ids['index_id']}/documents",
        "/v1/sessions",
        "/v1/providers",
        "/v1/guardrails",
    ]
    if "chat_id" in ids:
        paths.append(f"/v1/chats/{ids['chat_id']}/messages")
    if "session_id" in ids:
        paths += [f"/v1/sessions/{ids['session_id']}", f"/v1/sessions/{ids['session_id']}/history"]
    for path in paths:
        assert api.get(path).status_code == 200, path
    for document in api.get(f"/v1/indexes/{ids['index_id']}/documents").json()["data"]:
        api.get(f"/v1/indexes/{ids['index_id']}/documents/{document['id']}")
    if "chat_id" in ids:
        _whole(api.stream("GET", f"/v1/chats/{ids['chat_id']}/events"), None)
    if "session_id" in ids:
        _whole(api.stream("GET", f"/v1/sessions/{ids['session_id']}/events"), None)


def _whole(stream: Stream, op: Operation | None) -> None:
    """A stream that answered 200 arrived whole: each event complete, a turn to its end."""
    assert stream.status_code < 500
    if stream.status_code != 200:
        return
    assert not stream.raw or bytes(stream.raw).endswith(b"\n\n"), bytes(stream.raw[-200:])
    if op is not None and op.stream is not None and not op.stream.chunked:
        assert stream.kinds, f"{op.id}: an empty stream"
        assert stream.kinds[-1] in op.stream.terminal, f"{op.id}: ended with {stream.kinds[-1]}"


def test_every_json_operation_has_a_seed() -> None:
    """The property covers the whole contract: a new JSON operation needs a seed here."""
    assert {op.id for op in _json_operations()} == set(SEEDS)


def test_the_seeds_are_valid(harness: Harness, api: Api, world: World) -> None:
    """Unchanged, each seed is accepted: so hostile values are what a refusal is about."""
    for op in _json_operations():
        ids = _fresh_ids(harness, api, world, op)
        path = op.url(**{name: ids[name] for name in op.path_parameters})
        body = SEEDS[op.id](ids)
        if op.stream is not None:
            assert api.stream(op.method, path, json=body).status_code == 200, op.id
        else:
            response = api.request(op.method, path, json=body, headers=_headers(op, ids))
            assert response.status_code == op.success_status, (op.id, response.text)


CASES = [(op, field) for op in _json_operations() for field in _fields(op)]


@settings(
    max_examples=EXAMPLES,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(
    case=st.sampled_from(CASES),
    value=hostile_values,
    raw_surrogates=st.booleans(),
)
def test_every_response_can_be_sent(
    harness: Harness,
    api: Api,
    world: World,
    case: tuple[Operation, tuple[Any, ...]],
    value: Any,
    raw_surrogates: bool,
) -> None:
    """Whatever goes into a field: no 5xx, every answer parses and matches the contract, every
    stream arrives whole, and everything stored can be read back."""
    op, field = case
    ids = _fresh_ids(harness, api, world, op)
    body = SEEDS[op.id](ids)
    _put(body, field, value)
    path = op.url(**{name: ids[name] for name in op.path_parameters})
    content = _encode(body, raw_surrogates)
    headers = {"content-type": "application/json", **_headers(op, ids)}
    if op.stream is not None:
        _whole(api.stream(op.method, path, content=content, headers=headers), op)
    else:
        assert api.request(op.method, path, content=content, headers=headers).status_code < 500
    _read_back(api, ids)
