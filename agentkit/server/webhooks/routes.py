"""The webhooks family's operations: endpoint CRUD, secret rotation, test events, and the
deliveries of an endpoint (listed, redelivered).

An endpoint belongs to the principal of the key that made it (a messaging identity, or an
organization for its agents' identities); any other key is told it does not exist.
"""

from __future__ import annotations

import functools
import time
from typing import Any

from ...webhooks import generate_secret
from ..core.call import Call, Handler, page_reply
from ..core.cursors import PAST_THE_END, decode_cursor
from ..core.errors import ApiError, invalid
from ..core.ids import new_id, now
from ..core.replies import Answer, Reply
from ..core.store import Row
from .delivery import WebhookDispatcher
from .sealing import WebhookSecrets
from .sqlite import iso_time
from .urls import UrlRefused, check_address, check_url

__all__ = ["HANDLERS"]

_DEFAULT_OVERLAP = 86400
# Each endpoint gets its own copy of every event: a bound keeps one key from multiplying the
# server's outgoing traffic without end.
MAX_ENDPOINTS = 20


def _not_found(endpoint_id: str) -> ApiError:
    return ApiError("WEBHOOK_ENDPOINT_NOT_FOUND", f"you have no webhook endpoint {endpoint_id!r}")


def _stored(call: Call) -> Row:
    endpoint_id = call.params["endpoint_id"]
    endpoint = call.state.store.webhook_endpoint(call.org_id, endpoint_id)
    if endpoint is None:
        raise _not_found(endpoint_id)
    return endpoint


def public(endpoint: Row) -> Row:
    """The ``WebhookEndpoint`` wire shape of a stored endpoint (never its secrets)."""
    shown = {k: v for k, v in endpoint.items() if not k.startswith(("sealed_", "previous_u"))}
    shown.pop("owner", None)
    until = endpoint.get("previous_until")
    shown["previous_secret_expires_at"] = (
        iso_time(until) if until is not None and until > time.time() else None
    )
    return shown


def public_delivery(delivery: Row) -> Row:
    """The ``WebhookDelivery`` wire shape of a stored delivery."""
    hidden = ("owner", "body", "run_attempts", "forced", "next_attempt")
    return {k: v for k, v in delivery.items() if k not in hidden}


async def _checked_url(call: Call, url: str) -> str:
    try:
        await check_address(check_url(url), call.state.config.allow_loopback_urls)
    except UrlRefused as exc:
        raise invalid("url", str(exc)) from None
    return url


def _event_types(types: list[str]) -> list[str]:
    return list(dict.fromkeys(types))


async def create(call: Call) -> Reply:
    """Register an endpoint; its secret is in this answer only."""
    body = call.body
    if call.state.store.count_webhook_endpoints(call.org_id) >= MAX_ENDPOINTS:
        raise ApiError(
            "WEBHOOK_ENDPOINT_LIMIT",
            f"you have {MAX_ENDPOINTS} webhook endpoints already; delete one first",
        )
    url = await _checked_url(call, body["url"])
    stamp = now()
    enabled = body.get("enabled", True)
    endpoint: dict[str, Any] = {
        "id": new_id("whe"),
        "url": url,
        "event_types": _event_types(body.get("event_types", ["*"])),
        "description": body.get("description"),
        "enabled": enabled,
        "disabled_reason": None if enabled else "manual",
        "consecutive_failures": 0,
        "previous_secret_expires_at": None,
        "created_at": stamp,
        "updated_at": stamp,
    }
    secret = generate_secret()
    sealed = call.state.service(WebhookSecrets).seal(secret)
    call.state.store.insert_webhook_endpoint(call.org_id, endpoint, sealed)
    call.state.service(WebhookDispatcher).endpoints_changed()
    return Reply({"endpoint": public(endpoint), "secret": secret})


async def get(call: Call) -> Reply:
    """One of the caller's endpoints."""
    return Reply(public(_stored(call)))


async def update(call: Call) -> Reply:
    """Change some fields; enabling again clears the run of failures."""
    endpoint = _stored(call)
    changes = dict(call.body)
    if "url" in changes:
        await _checked_url(call, changes["url"])
    if "event_types" in changes:
        changes["event_types"] = _event_types(changes["event_types"])
    if "enabled" in changes and changes["enabled"] != endpoint["enabled"]:
        if changes["enabled"]:
            changes.update(disabled_reason=None, consecutive_failures=0)
        else:
            changes["disabled_reason"] = "manual"
    endpoint.update(changes, updated_at=now())
    call.state.store.update_webhook_endpoint(call.org_id, endpoint)
    call.state.service(WebhookDispatcher).endpoints_changed()
    return Reply(public(endpoint))


async def delete(call: Call) -> Reply:
    """Delete an endpoint and its deliveries."""
    endpoint_id = call.params["endpoint_id"]
    if not call.state.store.delete_webhook_endpoint(call.org_id, endpoint_id):
        raise _not_found(endpoint_id)
    call.state.service(WebhookDispatcher).endpoints_changed()
    return Reply({"id": endpoint_id, "deleted": True})


async def list_endpoints(call: Call) -> Reply:
    """The caller's endpoints, oldest first."""
    after = decode_cursor(call.params.get("cursor"))
    page = call.state.store.list_webhook_endpoints(call.org_id, after, call.params["limit"])
    return page_reply([public(row) for row in page.rows], page.next_position)


async def rotate_secret(call: Call) -> Reply:
    """A new secret; the current one keeps signing for the overlap window."""
    endpoint = _stored(call)
    overlap = call.body.get("overlap_seconds", _DEFAULT_OVERLAP)
    secret = generate_secret()
    secrets = call.state.service(WebhookSecrets)
    until = time.time() + overlap if overlap > 0 else None
    previous = endpoint["sealed_secret"] if until is not None else None
    call.state.store.set_webhook_secret(
        call.org_id, endpoint["id"], secrets.seal(secret), previous, until
    )
    endpoint.update(previous_until=until, updated_at=now())
    call.state.store.update_webhook_endpoint(call.org_id, endpoint)
    return Reply({"endpoint": public(endpoint), "secret": secret})


async def send_test(call: Call) -> Reply:
    """Queue a ``webhook.test`` event to the endpoint, disabled or not."""
    endpoint = _stored(call)
    event = {
        "id": new_id("evt"),
        "type": "webhook.test",
        "created_at": now(),
        "recipient_ids": [],
        "data": {"endpoint_id": endpoint["id"], "message": "a test event from agentkit"},
    }
    dispatcher = call.state.service(WebhookDispatcher)
    delivery = dispatcher.queue(call.org_id, endpoint["id"], event, forced=True)
    return Reply(public_delivery(delivery), status=202)


def _delivery(call: Call) -> Row:
    endpoint = _stored(call)
    delivery_id = call.params["delivery_id"]
    delivery = call.state.store.webhook_delivery(call.org_id, endpoint["id"], delivery_id)
    if delivery is None:
        raise ApiError(
            "WEBHOOK_DELIVERY_NOT_FOUND", f"the endpoint has no delivery {delivery_id!r}"
        )
    return delivery


async def list_deliveries(call: Call) -> Reply:
    """The endpoint's deliveries, newest first."""
    endpoint = _stored(call)
    before = decode_cursor(call.params.get("cursor")) if call.params.get("cursor") else None
    if before == PAST_THE_END:
        before = 0  # a forged cursor: an empty, final page
    page = call.state.store.list_webhook_deliveries(
        call.org_id, endpoint["id"], before, call.params["limit"], call.params.get("status")
    )
    return page_reply([public_delivery(row) for row in page.rows], page.next_position)


async def get_delivery(call: Call) -> Reply:
    """One delivery with its attempts."""
    return Reply(public_delivery(_delivery(call)))


async def redeliver(call: Call) -> Reply:
    """Send a delivery's event again, with the same ``webhook-id``."""
    delivery = _delivery(call)
    dispatcher = call.state.service(WebhookDispatcher)
    dispatcher.requeue(call.org_id, delivery["id"])
    again = call.state.store.webhook_delivery(call.org_id, delivery["endpoint_id"], delivery["id"])
    assert again is not None
    return Reply(public_delivery(again), status=202)


def _waking(handler: Handler) -> Handler:
    # Every webhooks request wakes the sender: after a restart, the deliveries left pending
    # are sent from the first request on, even before any new event.
    @functools.wraps(handler)
    async def woken(call: Call) -> Answer:
        call.state.service(WebhookDispatcher).wake()
        return await handler(call)

    return woken


_HANDLERS: dict[str, Handler] = {
    "webhooks_create": create,
    "webhooks_get": get,
    "webhooks_update": update,
    "webhooks_delete": delete,
    "webhooks_list": list_endpoints,
    "webhooks_rotate_secret": rotate_secret,
    "webhooks_test": send_test,
    "webhooks_list_deliveries": list_deliveries,
    "webhooks_get_delivery": get_delivery,
    "webhooks_redeliver": redeliver,
}
HANDLERS = {operation: _waking(handler) for operation, handler in _HANDLERS.items()}
