"""Hostile input at the request boundary: text that cannot be encoded, deep JSON, numbers the
store cannot hold, bodies that are not JSON. Every case is refused with a 4xx in the envelope
(or, for NULs, stored and served back exactly), never a 5xx, and nothing refused is stored.

A ``Battery`` counts every response by status and fails on any 5xx, any error without the
envelope and its request id, and any event stream cut off before its end.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterator
from typing import Any

import httpx
import pytest

from agentkit._contract import contract
from agentkit._contract_check import error_code_problems
from agentkit._sse import SSEDecoder

from .conftest import Harness

JSON = {"content-type": "application/json"}
MAX_INT64 = (1 << 63) - 1


class Battery:
    """A raw client that checks and counts every response it gets."""

    def __init__(self, harness: Harness) -> None:
        key = harness.server.create_api_key()
        self.http = httpx.Client(
            base_url=harness.server.base_url,
            headers={"Authorization": f"Bearer {key}"},
            timeout=15.0,
        )
        self.statuses: Counter[int] = Counter()

    def close(self) -> None:
        self.http.close()

    def send(
        self,
        method: str,
        path: str,
        body: bytes | None = None,
        *,
        headers: dict[str, Any] | None = None,
        content_type: str | None = "application/json",
    ) -> httpx.Response:
        """Send one request; check that its answer is complete and, if an error, the envelope."""
        sent = dict(headers or {})
        if body is not None and content_type is not None:
            sent["content-type"] = content_type
        with self.http.stream(method, path, content=body, headers=sent) as response:
            raw = response.read()
        self.statuses[response.status_code] += 1
        where = f"{method} {path} {(body or b'')[:80]!r}"
        assert response.status_code < 500, f"{where}: {response.status_code} {raw[:300]!r}"
        request_id = response.headers.get("x-request-id", "")
        assert request_id.startswith("req_"), f"{where}: no X-Request-Id"
        kind = response.headers.get("content-type", "")
        if kind.startswith("text/event-stream"):
            _check_complete_stream(where, path, method, raw)
            return response
        assert kind.startswith("application/json"), f"{where}: {kind}"
        payload = json.loads(raw)
        if response.status_code >= 400:
            error = payload["error"]
            assert error["request_id"] == request_id, f"{where}: {payload}"
            found = contract().find(method, path.split("?")[0])
            if found is not None:  # the operation may answer the code, with this status
                problems = error_code_problems(found[0], error["code"], response.status_code)
                assert not problems, f"{where}: {problems}"
        return response

    def json(self, method: str, path: str, value: Any, **kwargs: Any) -> httpx.Response:
        return self.send(method, path, json.dumps(value).encode(), **kwargs)


def _check_complete_stream(where: str, path: str, method: str, raw: bytes) -> None:
    """A stream that ended ended where its operation says a stream ends."""
    found = contract().find(method, path.split("?")[0])
    assert found is not None
    stream = found[0].stream
    assert stream is not None, f"{where}: {found[0].id} does not stream"
    decoder = SSEDecoder()
    events = [*decoder.feed(raw), *decoder.close()]
    # A stream cut off mid-body fails in read() (an incomplete chunked body); one that ended
    # mid-event would leave a partial event behind.
    assert not raw or raw.endswith(b"\n\n"), f"{where}: the stream was cut off: {raw[-200:]!r}"
    for event in events:
        if event.data != stream.terminator:
            json.loads(event.data)
    if stream.chunked:
        assert events and events[-1].data == stream.terminator, f"{where}: no terminator"


@pytest.fixture
def battery(harness: Harness) -> Iterator[Battery]:
    running = Battery(harness)
    yield running
    running.close()


def _error(response: httpx.Response) -> dict[str, Any]:
    error: dict[str, Any] = response.json()["error"]
    return error


def _field(error: dict[str, Any]) -> Any:
    """The field an error blames: ``details.field``, or ``param`` in OpenAI's error shape."""
    return error["details"]["field"] if "details" in error else error["param"]


def _created(response: httpx.Response) -> dict[str, Any]:
    assert response.status_code in (200, 201), response.text
    created: dict[str, Any] = response.json()
    return created


@pytest.fixture
def world(battery: Battery) -> dict[str, str]:
    """An agent, a chat, an index with a document and a session, for the paths that need ids."""
    agent = _created(battery.json("POST", "/v1/agents", {"name": "target"}))
    message = {"parts": [{"type": "text", "content": "hello"}]}
    chat = _created(
        battery.json("POST", "/v1/chats", {"agent_id": agent["id"], "message": message})
    )
    index = _created(battery.json("POST", "/v1/indexes", {"name": "target"}))
    document = _created(
        battery.json("POST", f"/v1/indexes/{index['id']}/documents", {"content": "some text"})
    )
    session = _created(battery.json("POST", "/v1/sessions", {"agent_id": agent["id"]}))
    return {
        "agent_id": agent["id"],
        "chat_id": chat["id"],
        "index_id": index["id"],
        "document_id": document["id"],
        "session_id": session["id"],
    }


def _listings(world: dict[str, str]) -> list[str]:
    return [
        "/v1/agents",
        f"/v1/agents/{world['agent_id']}",
        "/v1/chats",
        f"/v1/chats/{world['chat_id']}/messages",
        "/v1/indexes",
        f"/v1/indexes/{world['index_id']}/documents",
        f"/v1/indexes/{world['index_id']}/documents/{world['document_id']}",
        "/v1/sessions",
        f"/v1/sessions/{world['session_id']}",
        f"/v1/sessions/{world['session_id']}/history",
    ]


def _all_served(battery: Battery, world: dict[str, str]) -> None:
    for path in _listings(world):
        assert battery.send("GET", path).status_code == 200, path


# Raw JSON texts: `\udfff` is the JSON escape, as a browser's JSON.stringify writes a cut emoji.
LONE_SURROGATES = [
    pytest.param("POST", "/v1/agents", rb'{"name":"p","metadata":{"k":"\udfff"}}', "metadata.k"),
    pytest.param("POST", "/v1/agents", rb'{"name":"p","metadata":{"\ud800":1}}', "metadata"),
    pytest.param("POST", "/v1/agents", rb'{"name":"\ud83d"}', "name"),
    pytest.param(
        "POST", "/v1/agents", rb'{"name":"p","metadata":{"a":[1,{"b":["\udc00"]}]}}', "metadata.a"
    ),
    pytest.param(
        "POST",
        "/v1/chats",
        rb'{"agent_id":"{agent_id}","message":{"parts":[{"type":"text","content":"\ud83d"}]}}',
        "message.parts[0].content",
    ),
    pytest.param(
        "POST",
        "/v1/chats/{chat_id}/messages",
        rb'{"message":{"parts":[{"type":"text","content":"x\uDFFFy"}]}}',
        "message.parts[0].content",
    ),
    pytest.param("POST", "/v1/indexes", rb'{"name":"\ud800"}', "name"),
    pytest.param("POST", "/v1/indexes/{index_id}/documents", rb'{"content":"a\udbffb"}', "content"),
    pytest.param("POST", "/v1/indexes/{index_id}/query", rb'{"query":"\ud800"}', "query"),
    pytest.param("POST", "/v1/sessions", rb'{"agent_id":"{agent_id}","title":"\ud83d"}', "title"),
    pytest.param("PATCH", "/v1/sessions/{session_id}", rb'{"title":"\udfff"}', "title"),
    pytest.param("PATCH", "/v1/agents/{agent_id}", rb'{"description":"\ud800"}', "description"),
    pytest.param(
        "PUT", "/v1/agents/{agent_id}/instructions", rb'{"instructions":"\ud800"}', "instructions"
    ),
    pytest.param("POST", "/v1/chats/{chat_id}/end", rb'{"reason":"\ud800"}', "reason"),
    # Surrogates encoded as bytes (CESU-8 style) are not UTF-8 either.
    pytest.param("POST", "/v1/agents", b'{"name":"\xed\xa0\xbd"}', "name"),
]


class TestLoneSurrogates:
    @pytest.mark.parametrize(("method", "path", "body", "field"), LONE_SURROGATES)
    def test_refused_naming_the_field_and_nothing_stored(
        self,
        battery: Battery,
        world: dict[str, str],
        method: str,
        path: str,
        body: bytes,
        field: str,
    ) -> None:
        """Text that cannot be encoded as UTF-8 is a 400 naming its path; every list still
        answers afterwards (nothing was stored that cannot be served)."""
        for name, value in world.items():
            path = path.replace("{" + name + "}", value)
            body = body.replace(b"{" + name.encode() + b"}", value.encode())
        response = battery.send(method, path, body)
        assert response.status_code == 400, response.text
        error = _error(response)
        assert error["code"] == "VALIDATION_ERROR"
        assert error["details"]["field"].startswith(field), error
        assert error["details"]["location"] == "body"
        _all_served(battery, world)

    def test_a_bad_key_is_named_readably(self, battery: Battery) -> None:
        """A key that is a lone surrogate is named escaped, so the error itself can be sent."""
        response = battery.send("POST", "/v1/agents", rb'{"name":"p","metadata":{"\ud800":1}}')
        assert _error(response)["details"]["field"] == "metadata.\\ud800"

    def test_a_paired_surrogate_escape_is_a_character(self, battery: Battery) -> None:
        """``\\ud83d\\ude00`` is one emoji, not two lone halves: stored and served."""
        response = battery.send("POST", "/v1/agents", rb'{"name":"\ud83d\ude00"}')
        assert _created(response)["name"] == "\U0001f600"

    @pytest.mark.parametrize(
        ("metadata", "field"),
        [
            ('{"k": "\\udfff"}', "metadata.k"),
            ('{"\\ud800": 1}', "metadata.\\ud800"),
            ('{"k": [NaN]}', "metadata.k[0]"),
            ('{"k": 1e999}', "metadata.k"),
            ('{"k": ' + "[" * 70 + "]" * 70 + "}", "metadata"),
            ('{"k": ' + "[" * 5000 + "]" * 5000 + "}", "metadata"),
        ],
    )
    def test_an_upload_metadata_field_is_checked_the_same_way(
        self, battery: Battery, world: dict[str, str], metadata: str, field: str
    ) -> None:
        """The metadata field of an upload is JSON too: the same check applies."""
        response = battery.http.post(
            f"/v1/indexes/{world['index_id']}/documents/upload",
            files={"file": ("a.txt", b"text", "text/plain")},
            data={"metadata": metadata},
        )
        assert response.status_code == 400, response.text
        assert _error(response)["details"]["field"] == field
        _all_served(battery, world)

    def test_upload_names_and_titles_that_are_not_utf8_are_stored_as_sent(
        self, battery: Battery, world: dict[str, str]
    ) -> None:
        """A form's file name or title in bytes that are not UTF-8 (surrogates encoded as bytes,
        NUL) is read as Latin-1 by the form parser: stored and served, never a 500."""
        for name in [b"a\xed\xa0\x80.txt", b"a\x00.txt", b"\xff\xfe.txt"]:
            body = (
                b'--XX\r\nContent-Disposition: form-data; name="file"; filename="' + name + b'"'
                b"\r\nContent-Type: text/plain\r\n\r\nhello\r\n"
                b'--XX\r\nContent-Disposition: form-data; name="title"\r\n\r\nt\xed\xa0\x80\r\n'
                b"--XX--\r\n"
            )
            path = f"/v1/indexes/{world['index_id']}/documents/upload"
            response = battery.send(
                "POST", path, body, content_type="multipart/form-data; boundary=XX"
            )
            assert response.status_code == 201, response.text
        _all_served(battery, world)


def _nested(depth: int, leaf: Any = 1) -> Any:
    value = leaf
    for i in range(depth):
        value = [value] if i % 2 else {"a": value}
    return value


def _json_body_operations() -> list[Any]:
    return [
        pytest.param(op.method, op.path, id=op.id)
        for op in contract().operations.values()
        if op.body_schema is not None
    ]


def _fill(path: str, world: dict[str, str]) -> str:
    for name, value in world.items():
        path = path.replace("{" + name + "}", value)
    return path


class TestDepth:
    @pytest.mark.parametrize(("method", "path"), _json_body_operations())
    def test_very_deep_json_is_refused_on_every_operation(
        self, battery: Battery, world: dict[str, str], method: str, path: str
    ) -> None:
        """A body nested some thousand levels is a 400 naming the body, never a 500."""
        body = b'{"metadata":' + b"[" * 980 + b"]" * 980 + b"}"
        response = battery.send(method, _fill(path, world), body)
        assert response.status_code == 400, response.text
        assert _field(_error(response)) == "body"

    @pytest.mark.parametrize("depth", [65, 100, 5000, 200_000])
    def test_past_the_limit_is_refused(self, battery: Battery, depth: int) -> None:
        """Any depth past 64 levels (the body object counting as one) names the body."""
        body = {"name": "deep", "metadata": _nested(depth - 1)}
        text = json.dumps(body).encode() if depth < 900 else None
        if text is None:
            text = b'{"name":"deep","metadata":' + b"[" * (depth - 1) + b"]" * (depth - 1) + b"}"
        response = battery.send("POST", "/v1/agents", text)
        assert response.status_code in (400, 413), response.text
        if response.status_code == 400:
            assert _error(response)["details"]["field"] == "body"

    def test_at_the_limit_is_accepted(self, battery: Battery) -> None:
        """64 levels are fine, and served back as sent."""
        metadata = {"m": _nested(62)}
        created = _created(battery.json("POST", "/v1/agents", {"name": "d", "metadata": metadata}))
        assert created["metadata"] == metadata
        again = battery.send("GET", f"/v1/agents/{created['id']}").json()
        assert again["metadata"] == metadata


class TestNonFiniteNumbers:
    @pytest.mark.parametrize(
        ("body", "field"),
        [
            (b'{"name":"n","metadata":{"k":NaN}}', "metadata.k"),
            (b'{"name":"n","metadata":{"k":Infinity}}', "metadata.k"),
            (b'{"name":"n","metadata":{"k":-Infinity}}', "metadata.k"),
            (b'{"name":"n","metadata":{"k":1e999}}', "metadata.k"),
            (b'{"name":"n","metadata":{"k":[-1e400]}}', "metadata.k[0]"),
            (b'{"name":"n","metadata":{"k":' + b"9" * 400 + b".5}}", "metadata.k"),
        ],
    )
    def test_refused_and_nothing_stored(self, battery: Battery, body: bytes, field: str) -> None:
        """JSON has no NaN or infinities: such a number cannot be served back, so it is refused."""
        response = battery.send("POST", "/v1/agents", body)
        assert response.status_code == 400, response.text
        assert _error(response)["details"]["field"] == field
        assert battery.send("GET", "/v1/agents").status_code == 200

    def test_a_huge_integer_in_metadata_round_trips(self, battery: Battery) -> None:
        """Integers in JSON bodies are kept exactly (they are stored as JSON text)."""
        body = {"name": "big", "metadata": {"k": 10**40, "f": 1.5e300}}
        created = _created(battery.json("POST", "/v1/agents", body))
        assert created["metadata"] == body["metadata"]

    @pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-32"])
    def test_json_that_is_not_utf8_is_refused(self, battery: Battery, encoding: str) -> None:
        """JSON between systems is UTF-8; another encoding is a 400, not a guess."""
        body = json.dumps({"name": "wide"}).encode(encoding)
        response = battery.send("POST", "/v1/agents", body)
        assert response.status_code == 400, response.text
        assert _error(response)["details"]["field"] == "body"
        assert battery.send("GET", "/v1/agents").json()["data"] == []

    def test_a_byte_order_mark_is_skipped(self, battery: Battery) -> None:
        response = battery.send("POST", "/v1/agents", b"\xef\xbb\xbf" + b'{"name":"bom"}')
        assert _created(response)["name"] == "bom"

    def test_too_many_digits_is_a_validation_error(self, battery: Battery) -> None:
        """An integer longer than Python will convert is named as bad JSON, not as bad UTF-8."""
        response = battery.send(
            "POST", "/v1/agents", b'{"name":"n","metadata":{"k":' + b"9" * 5000 + b"}}"
        )
        assert response.status_code == 400
        assert "UTF-8" not in _error(response)["message"]


class TestNul:
    def test_nuls_round_trip_everywhere(self, battery: Battery) -> None:
        """JSON allows ``\\u0000`` and the store keeps it: NULs are stored and served exactly."""
        agent = _created(
            battery.json("POST", "/v1/agents", {"name": "a\x00b", "metadata": {"k\x00": "v\x00"}})
        )
        assert (agent["name"], agent["metadata"]) == ("a\x00b", {"k\x00": "v\x00"})
        listed = battery.send("GET", "/v1/agents").json()["data"]
        assert [a["name"] for a in listed] == ["a\x00b"]
        message = {"parts": [{"type": "text", "content": "x\x00y"}]}
        chat = _created(
            battery.json("POST", "/v1/chats", {"agent_id": agent["id"], "message": message})
        )
        messages = battery.send("GET", f"/v1/chats/{chat['id']}/messages").json()["data"]
        assert messages[0]["parts"][0]["content"] == "x\x00y"
        index = _created(battery.json("POST", "/v1/indexes", {"name": "i\x00"}))
        document = _created(
            battery.json(
                "POST", f"/v1/indexes/{index['id']}/documents", {"content": "nul\x00text here"}
            )
        )
        got = battery.send("GET", f"/v1/indexes/{index['id']}/documents/{document['id']}").json()
        assert got["content"] == "nul\x00text here"
        found = battery.json("POST", f"/v1/indexes/{index['id']}/query", {"query": "nul\x00"})
        assert found.status_code == 200
        session = _created(
            battery.json("POST", "/v1/sessions", {"agent_id": agent["id"], "title": "t\x00"})
        )
        assert battery.send("GET", f"/v1/sessions/{session['id']}").json()["title"] == "t\x00"
        stream = battery.json(
            "POST", f"/v1/sessions/{session['id']}/messages/stream", {"message": message}
        )
        assert stream.status_code == 200
        assert battery.send("GET", f"/v1/agents/{agent['id']}%00").status_code == 404
        name = battery.send("GET", "/v1/agents/name-availability?name=a%00b").json()
        assert name == {"name": "a\x00b", "available": False}


OUT_OF_RANGE = ["99999999999999999999", str(MAX_INT64 + 1), "9" * 5000]
BAD_INTEGERS = [
    "\u00b2",  # superscript two: str.isdigit() says yes, int() says no
    "\u0663",  # Arabic-Indic three: int() reads it as 3
    "+1",
    " 1",
    "1 ",
    "1_0",
    "0x10",
    "1.0",
    "",
]


def _header(value: str) -> bytes:
    """The header value as a server reads it back (HTTP headers are Latin-1 where they can be)."""
    try:
        return value.encode("latin-1")
    except UnicodeEncodeError:
        return value.encode()


class TestIntegers:
    @pytest.mark.parametrize("value", BAD_INTEGERS)
    @pytest.mark.parametrize("where", ["sessions", "chats"])
    def test_after_not_in_ascii_digits_is_refused(
        self, battery: Battery, world: dict[str, str], where: str, value: str
    ) -> None:
        """``?after=`` takes ASCII digits within what the store holds, else a 400 naming it."""
        stream_id = world["session_id"] if where == "sessions" else world["chat_id"]
        response = battery.http.get(f"/v1/{where}/{stream_id}/events", params={"after": value})
        battery.statuses[response.status_code] += 1
        assert response.status_code == 400, response.text
        assert _error(response)["details"] == {"field": "after", "location": "query"}

    @pytest.mark.parametrize("value", OUT_OF_RANGE)
    @pytest.mark.parametrize("where", ["sessions", "chats"])
    def test_after_past_what_the_store_holds_is_past_every_event(
        self, battery: Battery, world: dict[str, str], where: str, value: str
    ) -> None:
        """The contract bounds ``?after=`` only below: a larger id than the store holds is after
        every event (an empty, complete stream), not a failure mid-body."""
        stream_id = world["session_id"] if where == "sessions" else world["chat_id"]
        response = battery.send("GET", f"/v1/{where}/{stream_id}/events?after={value}")
        assert response.status_code == 200
        assert response.content == b""

    @pytest.mark.parametrize(
        "value", [*OUT_OF_RANGE[:2], "-1", *(v for v in BAD_INTEGERS if v.strip() == v and v)]
    )
    @pytest.mark.parametrize("where", ["sessions", "chats"])
    def test_bad_last_event_id_is_refused(
        self, battery: Battery, world: dict[str, str], where: str, value: str
    ) -> None:
        """``Last-Event-ID`` is read the same way."""
        stream_id = world["session_id"] if where == "sessions" else world["chat_id"]
        headers = {"Last-Event-ID": _header(value)}
        response = battery.http.get(f"/v1/{where}/{stream_id}/events", headers=headers)
        battery.statuses[response.status_code] += 1
        assert response.status_code == 400, response.text
        assert _error(response)["details"] == {"field": "Last-Event-ID", "location": "header"}

    @pytest.mark.parametrize("where", ["sessions", "chats"])
    def test_the_largest_id_is_fine(
        self, battery: Battery, world: dict[str, str], where: str
    ) -> None:
        """The largest id the store holds is after every event: an empty, complete stream."""
        stream_id = world["session_id"] if where == "sessions" else world["chat_id"]
        path = f"/v1/{where}/{stream_id}/events?after={MAX_INT64}"
        assert battery.send("GET", path).status_code == 200
        # The contract allows at most 18 digits in a session's Last-Event-ID.
        headers = {"Last-Event-ID": str(MAX_INT64) if where == "chats" else "9" * 18}
        assert (
            battery.send("GET", f"/v1/{where}/{stream_id}/events", headers=headers).status_code
            == 200
        )

    @pytest.mark.parametrize("value", [*BAD_INTEGERS, *OUT_OF_RANGE, "-" + OUT_OF_RANGE[0]])
    def test_bad_limit_is_refused(self, battery: Battery, value: str) -> None:
        """``?limit=`` too: ASCII digits only."""
        response = battery.http.get("/v1/agents", params={"limit": value})
        assert response.status_code == 400, response.text
        assert _error(response)["details"] == {"field": "limit", "location": "query"}

    @pytest.mark.parametrize("value", ["\u00b2", "99999999999999999999", "\u0663"])
    def test_a_repeated_streaming_post_with_a_bad_last_event_id(
        self, battery: Battery, world: dict[str, str], value: str
    ) -> None:
        """A replay ignores a ``Last-Event-ID`` that is no event id: the whole turn again."""
        body = {
            "agent_id": world["agent_id"],
            "message": {"parts": [{"type": "text", "content": "hi"}]},
        }
        headers = {"Idempotency-Key": f"replay-{value.encode().hex()}"}
        first = battery.json("POST", "/v1/chats/stream", body, headers=headers)
        header = _header(value)
        again = battery.json(
            "POST", "/v1/chats/stream", body, headers={**headers, "Last-Event-ID": header}
        )
        assert again.status_code == 200
        assert again.headers["idempotent-replayed"] == "true"
        assert first.status_code == 200


class TestContentType:
    @pytest.mark.parametrize(
        "content_type",
        [
            "text/plain",
            "text/plain; charset=utf-8",
            "application/xml",
            "application/x-www-form-urlencoded",
            "multipart/form-data; boundary=x",
            "application/jsonx",
            "application/json-seq",
            "json",
            None,
        ],
    )
    def test_a_body_that_does_not_say_json_is_refused(
        self, battery: Battery, content_type: str | None
    ) -> None:
        """A JSON operation's body must be sent as JSON: else 415 naming the type sent."""
        response = battery.send(
            "POST", "/v1/agents", b'{"name":"typed"}', content_type=content_type
        )
        assert response.status_code == 415, response.text
        error = _error(response)
        assert error["code"] == "UNSUPPORTED_MEDIA_TYPE"
        shown = content_type.split(";")[0] if content_type else None
        assert error["details"]["content_type"] == shown
        if shown:
            assert shown in error["message"]
        assert battery.send("GET", "/v1/agents").json()["data"] == []

    @pytest.mark.parametrize(
        "content_type",
        [
            "application/json",
            "application/json; charset=utf-8",
            "Application/JSON;charset=UTF-8",
            "application/vnd.agentkit+json",
            "application/merge-patch+json",
        ],
    )
    def test_json_types_are_accepted(self, battery: Battery, content_type: str) -> None:
        response = battery.send(
            "POST", "/v1/agents", b'{"name":"typed"}', content_type=content_type
        )
        assert response.status_code == 201, response.text

    def test_an_empty_optional_body_needs_no_type(
        self, battery: Battery, world: dict[str, str]
    ) -> None:
        """A POST without a body, to an operation whose body is optional, stays fine."""
        response = battery.send("POST", f"/v1/chats/{world['chat_id']}/end", b"", content_type=None)
        assert response.status_code == 200, response.text

    def test_bodiless_operations_are_not_affected(
        self, battery: Battery, world: dict[str, str]
    ) -> None:
        response = battery.send(
            "POST", f"/v1/chats/{world['chat_id']}/pause", b"", content_type="text/plain"
        )
        assert response.status_code == 200, response.text

    def test_the_upload_keeps_its_own_rule(self, battery: Battery, world: dict[str, str]) -> None:
        path = f"/v1/indexes/{world['index_id']}/documents/upload"
        response = battery.send("POST", path, b'{"content":"x"}')
        assert response.status_code == 400
        assert _error(response)["code"] == "VALIDATION_ERROR"


HOSTILE_VALUES: list[Any] = [
    "\udfff",
    "\ud83d",
    "a\ud800b",
    "\x00",
    "\u202eRTL\u200f",
    "\U0001f600" * 50,
    "x" * 20_000,
    10**30,
    -(10**30),
    1e308,
    _nested(70),
    {"\udc80": "key"},
    ["\ud800"],
]


class TestBattery:
    def test_hostile_values_in_every_field_of_every_json_operation(
        self, battery: Battery, world: dict[str, str]
    ) -> None:
        """Each hostile value in each top-level field every JSON operation declares: no 5xx, every
        answer complete and enveloped, and every list still served afterwards."""
        for op in contract().operations.values():
            schema = op.body_schema
            if schema is None:
                continue
            resolved = contract().resolve(schema["$ref"]) if "$ref" in schema else schema
            for field in resolved.get("properties", {}):
                for value in HOSTILE_VALUES:
                    body = {field: value}
                    text = json.dumps(body).encode()
                    battery.send(op.method, _fill(op.path, world), text)
        _all_served(battery, world)
        assert sum(battery.statuses.values()) > 500
        assert not [status for status in battery.statuses if status >= 500]
