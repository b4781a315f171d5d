"""System routes and cross-cutting HTTP behaviour: request ids, auth, errors, limits, speed."""

from __future__ import annotations

import asyncio
import json
from collections.abc import Iterator
from typing import Any

import httpx
import pytest
from starlette.routing import Route

from agentkit._version import __version__
from agentkit.server import ServerConfig, create_app
from agentkit.testing import ReferenceServer

from .conftest import Api, Harness, contract


class TestSystemRoutes:
    def test_health_answers_without_a_key(self, harness: Harness) -> None:
        """GET /v1/health needs no key and says ok."""
        response = harness.client(key=None).get("/v1/health")
        assert response.status_code == 200
        assert response.json() == {"status": "ok"}

    def test_version_names_the_server_and_the_contract(self, harness: Harness) -> None:
        """GET /v1/version reports the package version and the contract's info.version."""
        body = harness.client(key=None).get("/v1/version").json()
        assert body == {"server_version": __version__, "api_version": contract()["info"]["version"]}


class TestRequestIds:
    def test_every_response_has_a_distinct_request_id(self, api: Api) -> None:
        """Successes and errors alike carry X-Request-Id; no two are the same."""
        responses = [
            api.get("/v1/health"),
            api.get("/v1/agents"),
            api.get("/v1/agents/agt_missing"),
            api.get("/v1/nowhere"),
            api.request("DELETE", "/v1/health"),
        ]
        ids = [response.headers["x-request-id"] for response in responses]
        assert all(rid.startswith("req_") for rid in ids)
        assert len(set(ids)) == len(ids)

    def test_the_error_body_quotes_the_request_id(self, api: Api) -> None:
        """The envelope's request_id equals the X-Request-Id header."""
        response = api.get("/v1/chats/chat_missing")
        assert response.json()["error"]["request_id"] == response.headers["x-request-id"]


class TestRouting:
    def test_unknown_route_is_not_found(self, api: Api) -> None:
        """A path the contract does not have answers 404 NOT_FOUND in the envelope."""
        response = api.get("/v1/does-not-exist")
        assert response.status_code == 404
        assert response.json()["error"]["code"] == "NOT_FOUND"

    def test_wrong_method_is_method_not_allowed_with_allow(self, api: Api) -> None:
        """A known path with another method answers 405 and lists every allowed method."""
        response = api.request("PUT", "/v1/agents")
        assert response.status_code == 405
        assert response.json()["error"]["code"] == "METHOD_NOT_ALLOWED"
        assert set(response.headers["allow"].split(", ")) == {"GET", "HEAD", "POST"}


class TestAuthentication:
    @pytest.mark.parametrize(
        "headers",
        [{}, {"Authorization": "Bearer"}, {"Authorization": "Basic abc"}, {"Authorization": "x"}],
    )
    def test_missing_or_malformed_key_is_unauthorized(
        self, harness: Harness, headers: dict[str, str]
    ) -> None:
        """Without a bearer key every /v1 resource answers 401 UNAUTHORIZED."""
        response = harness.client(key=None).get("/v1/agents", headers=headers)
        assert response.status_code == 401
        assert response.json()["error"]["code"] == "UNAUTHORIZED"

    def test_unknown_key_is_unauthorized(self, harness: Harness) -> None:
        """A well-formed key the server never issued answers 401."""
        response = harness.client(key="ak_not-a-real-key").post("/v1/agents", json={"name": "x"})
        assert response.status_code == 401
        assert response.json()["error"]["code"] == "UNAUTHORIZED"

    def test_keys_look_like_ak_tokens(self, harness: Harness) -> None:
        """Issued keys start with ak_ and are long and random."""
        keys = {harness.server.create_api_key() for _ in range(3)}
        assert len(keys) == 3
        assert all(key.startswith("ak_") and len(key) > 40 for key in keys)


class TestRequestBodies:
    def test_malformed_json_is_a_validation_error(self, api: Api) -> None:
        """A body that is not JSON answers 400 VALIDATION_ERROR naming the body."""
        response = api.post(
            "/v1/agents", content=b"{not json", headers={"content-type": "application/json"}
        )
        assert response.status_code == 400
        error = response.json()["error"]
        assert error["code"] == "VALIDATION_ERROR"
        assert error["details"] == {"field": "body", "location": "body"}

    def test_missing_required_body_is_a_validation_error(self, api: Api) -> None:
        """POST /v1/agents without a body answers 400."""
        response = api.post("/v1/agents")
        assert response.status_code == 400
        assert response.json()["error"]["details"]["field"] == "body"

    def test_over_long_idempotency_key_is_a_header_error(self, api: Api) -> None:
        """Header parameters are validated too, with location header."""
        response = api.post(
            "/v1/agents", json={"name": "a"}, headers={"Idempotency-Key": "k" * 300}
        )
        assert response.status_code == 400
        assert response.json()["error"]["details"] == {
            "field": "Idempotency-Key",
            "location": "header",
        }

    def test_oversized_body_is_request_too_large(self, api: Api) -> None:
        """A body over max_body_bytes answers 413 REQUEST_TOO_LARGE before it is parsed."""
        big = {"name": "big", "instructions": "x" * (70 * 1024)}
        response = api.post("/v1/agents", json=big)
        assert response.status_code == 413
        assert response.json()["error"]["code"] == "REQUEST_TOO_LARGE"

    def test_oversized_chunked_body_is_request_too_large(self, api: Api) -> None:
        """A chunked body (no Content-Length) is counted as it arrives and refused the same way."""

        def chunks() -> Iterator[bytes]:
            for _ in range(80):
                yield b"x" * 1024

        response = api.post("/v1/agents", content=chunks())
        assert response.status_code == 413

    def test_a_chunked_body_in_pieces_is_read_whole(self, api: Api) -> None:
        """A body sent in several chunks (each its own ASGI message) arrives whole."""
        text = json.dumps({"name": "pieces", "instructions": "y" * 5000}).encode()

        def chunks() -> Iterator[bytes]:
            for start in range(0, len(text), 700):
                yield text[start : start + 700]

        response = api.post(
            "/v1/agents", content=chunks(), headers={"Content-Type": "application/json"}
        )
        assert response.status_code == 201
        assert response.json()["instructions"] == "y" * 5000


class TestUnexpectedFailures:
    def test_an_exception_becomes_an_internal_error_envelope(self) -> None:
        """An exception escaping a route answers 500 INTERNAL_ERROR JSON, never a traceback."""

        async def boom(request: Any) -> Any:
            raise RuntimeError("secret detail")

        app = create_app(ServerConfig(db_path=":memory:"))
        app.router.routes.append(Route("/boom", boom))

        async def fetch() -> httpx.Response:
            transport = httpx.ASGITransport(app=app)
            async with httpx.AsyncClient(transport=transport, base_url="http://t") as http:
                return await http.get("/boom")

        response = asyncio.run(fetch())
        assert response.status_code == 500
        body = response.json()
        assert body["error"]["code"] == "INTERNAL_ERROR"
        assert "secret detail" not in response.text
        assert body["error"]["request_id"] == response.headers["x-request-id"]


class TestRateLimits:
    def test_the_limit_answers_429_with_retry_after(self) -> None:
        """Past rate_limit_per_minute a key gets 429 RATE_LIMITED and Retry-After; others do not."""
        with ReferenceServer(config=ServerConfig(rate_limit_per_minute=3)) as server:
            limited = Api(server.base_url, server.api_key)
            other = Api(server.base_url, server.create_api_key())
            try:
                statuses = [limited.get("/v1/agents").status_code for _ in range(4)]
                assert statuses == [200, 200, 200, 429]
                response = limited.get("/v1/agents")
                assert response.json()["error"]["code"] == "RATE_LIMITED"
                assert 1 <= int(response.headers["retry-after"]) <= 60
                assert other.get("/v1/agents").status_code == 200
                assert limited.get("/v1/health").status_code == 200
            finally:
                limited.close()
                other.close()
