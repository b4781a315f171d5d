"""The providers family's operations: CRUD, the synthetic ``system`` provider, refreshing a
provider's models and testing that it answers."""

from __future__ import annotations

from typing import Any

from ..._http import httpx
from ..core.call import Call, Handler, page_reply, page_start
from ..core.errors import ApiError, invalid
from ..core.ids import new_id, now
from ..core.replies import Reply
from ..core.store import Conflict, Row
from ..core.urls import url_refusal
from .resolve import upstream_of
from .sealing import KeySealer, SealError
from .upstream import UpstreamFailure, list_models
from .view import SEALED_KEY, SYSTEM_ID, public, system_provider

__all__ = ["HANDLERS"]

_MAX_KEY = 4096


def _provider(call: Call) -> Row:
    provider = call.state.store.get_provider(call.org_id, call.params["provider_id"])
    if provider is None:
        raise ApiError("PROVIDER_NOT_FOUND", f"no provider {call.params['provider_id']!r}")
    return provider


def _writable(call: Call) -> Row:
    if call.params["provider_id"] == SYSTEM_ID:
        raise ApiError("PROVIDER_READ_ONLY", "the system provider cannot be changed or deleted")
    return _provider(call)


def _name_taken(name: str) -> ApiError:
    return ApiError(
        "PROVIDER_NAME_TAKEN",
        f"a provider named {name!r} exists already",
        {"field": "name", "location": "body"},
    )


def _check_base_url(call: Call, url: str) -> str:
    refusal = url_refusal(url, allow_loopback=call.state.config.allow_loopback_urls)
    if refusal == "must not carry credentials":
        refusal += "; send the key as api_key"
    if refusal:
        raise invalid("base_url", refusal)
    parsed = httpx.URL(url)
    if parsed.query or parsed.fragment:
        raise invalid("base_url", "must not carry a query or a fragment")
    return url


def _sealed(call: Call, api_key: str | None) -> str | None:
    # Checked here rather than by the schema, whose messages quote the value sent.
    if api_key is None:
        return None
    if not api_key or len(api_key) > _MAX_KEY or any(c in api_key for c in "\r\n"):
        raise invalid("api_key", f"must be 1 to {_MAX_KEY} characters on one line")
    return call.state.service(KeySealer).seal(api_key)


async def create(call: Call) -> Reply:
    """Add a provider; its key is sealed before it is stored."""
    body = call.body
    stamp = now()
    provider: dict[str, Any] = {
        "id": new_id("prv"),
        "name": body["name"],
        "type": body["type"],
        "base_url": _check_base_url(call, body["base_url"]),
        SEALED_KEY: _sealed(call, body.get("api_key")),
        "models": [],
        "models_refreshed_at": None,
        "created_at": stamp,
        "updated_at": stamp,
    }
    try:
        call.state.store.insert_provider(call.org_id, provider)
    except Conflict:
        raise _name_taken(provider["name"]) from None
    return Reply(public(provider))


async def get(call: Call) -> Reply:
    """Get a provider, ``system`` included."""
    if call.params["provider_id"] == SYSTEM_ID:
        return Reply(system_provider())
    return Reply(public(_provider(call)))


async def update(call: Call) -> Reply:
    """Change some fields of a provider; a new key replaces the stored one, null removes it."""
    provider = _writable(call)
    changes = dict(call.body)
    if "base_url" in changes:
        _check_base_url(call, changes["base_url"])
    if "api_key" in changes:
        provider[SEALED_KEY] = _sealed(call, changes.pop("api_key"))
    provider.update(changes, updated_at=now())
    try:
        call.state.store.update_provider(call.org_id, provider)
    except Conflict:
        raise _name_taken(provider["name"]) from None
    return Reply(public(provider))


async def delete(call: Call) -> Reply:
    """Delete a provider; agents naming it fail their turns until they name another."""
    provider = _writable(call)
    call.state.store.delete_provider(call.org_id, provider["id"])
    return Reply({"id": provider["id"], "deleted": True})


async def list_providers(call: Call) -> Reply:
    """List providers: ``system`` first (unless left out), then the organization's, oldest first."""
    limit = call.params["limit"]
    first_page = call.params.get("cursor") is None
    if not (first_page and call.params["include_system"]):
        page = call.state.store.list_providers(call.org_id, page_start(call), limit)
        return page_reply([public(row) for row in page.rows], page.next_position)
    if limit == 1:
        more = call.state.store.list_providers(call.org_id, 0, 1).rows
        return page_reply([system_provider()], 0 if more else None)
    page = call.state.store.list_providers(call.org_id, 0, limit - 1)
    rows = [system_provider(), *(public(row) for row in page.rows)]
    return page_reply(rows, page.next_position)


async def refresh_models(call: Call) -> Reply:
    """Read the provider's models from its ``/models`` and keep them."""
    if call.params["provider_id"] == SYSTEM_ID:
        return Reply(system_provider())
    provider = _provider(call)
    try:
        listing = await list_models(upstream_of(call.state, provider))
    except (UpstreamFailure, SealError) as exc:
        raise ApiError("PROVIDER_UNREACHABLE", str(exc)) from None
    # Read again: the provider may have changed while its upstream answered.
    current = call.state.store.get_provider(call.org_id, provider["id"])
    if current is None:
        raise ApiError("PROVIDER_NOT_FOUND", f"no provider {provider['id']!r}")
    stamp = now()
    current.update(
        models=listing.models,
        models_refreshed_at=stamp,
        updated_at=stamp,
    )
    call.state.store.update_provider(call.org_id, current)
    return Reply(public(current))


async def test(call: Call) -> Reply:
    """Check that the provider lists its models with its key; a failure is a result."""
    if call.params["provider_id"] == SYSTEM_ID:
        count = len(system_provider()["models"])
        message = "the built-in brains are always available"
        return Reply(
            {
                "ok": True,
                "status_code": None,
                "latency_ms": 0.0,
                "message": message,
                "model_count": count,
            }
        )
    provider = _provider(call)
    try:
        listing = await list_models(upstream_of(call.state, provider))
    except SealError as exc:
        return Reply(_failed(str(exc), None))
    except UpstreamFailure as exc:
        return Reply(_failed(str(exc), exc.status_code))
    return Reply(
        {
            "ok": True,
            "status_code": listing.status_code,
            "latency_ms": round(listing.latency_ms, 3),
            "message": f"the provider listed {len(listing.model_ids)} models",
            "model_count": len(listing.model_ids),
        }
    )


def _failed(message: str, status_code: int | None) -> dict[str, Any]:
    return {
        "ok": False,
        "status_code": status_code,
        "latency_ms": 0.0,
        "message": message,
        "model_count": None,
    }


HANDLERS: dict[str, Handler] = {
    "providers_create": create,
    "providers_get": get,
    "providers_update": update,
    "providers_delete": delete,
    "providers_list": list_providers,
    "providers_refresh_models": refresh_models,
    "providers_test": test,
}
