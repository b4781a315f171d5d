# Generated from agentkit/_async by scripts/unasync.py: edit the async source, not this file.
"""``client.webhooks``: the URLs that receive your messaging events, and their deliveries."""

from __future__ import annotations

from collections.abc import Sequence

from agentkit_api.models import (
    Deleted,
    WebhookDelivery,
    WebhookDeliveryStatus,
    WebhookEndpoint,
    WebhookEndpointCreate,
    WebhookEndpointSecret,
    WebhookEndpointUpdate,
    WebhookSecretRotate,
)
from agentkit_api.types import UNSET, Unset

from ..._compat import enum_member
from ..._inputs import given
from ..._response import APIResponse
from ..endpoint import endpoint
from ..pagination import Pager
from ._base import SyncResource

__all__ = ["Webhooks"]


class Webhooks(SyncResource):
    """Register webhook endpoints, rotate their secrets, send test events, and inspect and
    redeliver their deliveries.

    An endpoint belongs to the key that made it: an identity's key receives the events
    addressed to that identity, an organization's key those addressed to its agents. Verify
    what arrives with ``agentkit.webhooks.unwrap``.
    """

    @endpoint
    def create(
        self,
        *,
        url: str,
        event_types: Sequence[str] | None = None,
        description: str | None = None,
        enabled: bool | None = None,
        idempotency_key: str | None = None,
    ) -> APIResponse[WebhookEndpointSecret]:
        """Register an endpoint; the answer holds its ``secret``, shown this once.

        Args:
            url: An http or https URL, without credentials, at a public address.
            event_types: Types to receive (``message.new``), prefixes (``typing.*``), or
                ``*`` (every event, the default).
            description: A note for yourself.
            enabled: ``False`` to register it paused.
            idempotency_key: Makes retries of this call safe across processes; one is made
                for you otherwise.

        Raises:
            ValidationError: The URL is refused (its ``field`` is ``url``) or an event type is
                not valid.
        """
        body = WebhookEndpointCreate(
            url=url,
            event_types=UNSET if event_types is None else list(event_types),
            description=given(description),
            enabled=given(enabled),
        )
        return self._client._call("webhooks_create", body=body, idempotency_key=idempotency_key)

    @endpoint
    def get(self, endpoint_id: str) -> APIResponse[WebhookEndpoint]:
        """Get one of your endpoints.

        Raises:
            WebhookEndpointNotFoundError: You have no endpoint with this id.
        """
        return self._client._call("webhooks_get", endpoint_id=endpoint_id)

    @endpoint
    def update(
        self,
        endpoint_id: str,
        *,
        url: str | Unset = UNSET,
        event_types: Sequence[str] | Unset = UNSET,
        description: str | Unset | None = UNSET,
        enabled: bool | Unset = UNSET,
    ) -> APIResponse[WebhookEndpoint]:
        """Change some fields of an endpoint; ``enabled=True`` also clears its failures.

        Raises:
            WebhookEndpointNotFoundError: You have no endpoint with this id.
            ValidationError: The new URL is refused, or an event type is not valid.
        """
        body = WebhookEndpointUpdate(
            url=url,
            event_types=event_types if isinstance(event_types, Unset) else list(event_types),
            description=description,
            enabled=enabled,
        )
        return self._client._call("webhooks_update", endpoint_id=endpoint_id, body=body)

    @endpoint
    def delete(self, endpoint_id: str) -> APIResponse[Deleted]:
        """Delete an endpoint and its deliveries.

        Raises:
            WebhookEndpointNotFoundError: You have no endpoint with this id.
        """
        return self._client._call("webhooks_delete", endpoint_id=endpoint_id)

    def list(self, *, page_size: int = 20) -> Pager[WebhookEndpoint]:
        """Your endpoints, oldest first.

        No request is made until you iterate (``for``) or call ``first_page()``.
        """
        return self._cursor_pager("webhooks_list", page_size=page_size)

    @endpoint
    def rotate_secret(
        self,
        endpoint_id: str,
        *,
        overlap_seconds: int | None = None,
        idempotency_key: str | None = None,
    ) -> APIResponse[WebhookEndpointSecret]:
        """Give an endpoint a new secret, shown this once.

        Args:
            endpoint_id: The endpoint.
            overlap_seconds: How long the current secret keeps signing too (both signatures
                are sent meanwhile); a day by default, ``0`` to drop it at once.
            idempotency_key: Makes retries of this call safe across processes; one is made
                for you otherwise.

        Raises:
            WebhookEndpointNotFoundError: You have no endpoint with this id.
        """
        body = WebhookSecretRotate(overlap_seconds=given(overlap_seconds))
        return self._client._call(
            "webhooks_rotate_secret",
            endpoint_id=endpoint_id,
            body=body,
            idempotency_key=idempotency_key,
        )

    @endpoint
    def test(
        self, endpoint_id: str, *, idempotency_key: str | None = None
    ) -> APIResponse[WebhookDelivery]:
        """Queue a ``webhook.test`` event to the endpoint (even a disabled one); its delivery.

        Raises:
            WebhookEndpointNotFoundError: You have no endpoint with this id.
        """
        return self._client._call(
            "webhooks_test", endpoint_id=endpoint_id, idempotency_key=idempotency_key
        )

    def deliveries(
        self,
        endpoint_id: str,
        *,
        status: WebhookDeliveryStatus | str | None = None,
        page_size: int = 20,
    ) -> Pager[WebhookDelivery]:
        """The endpoint's deliveries, newest first, each with its attempts.

        No request is made until you iterate (``for``) or call ``first_page()``.

        Args:
            endpoint_id: The endpoint.
            status: Only ``pending``, ``succeeded`` or ``failed`` deliveries.
            page_size: Deliveries per request.
        """
        return self._cursor_pager(
            "webhooks_list_deliveries",
            page_size=page_size,
            endpoint_id=endpoint_id,
            status=None if status is None else enum_member(WebhookDeliveryStatus, status),
        )

    @endpoint
    def get_delivery(self, endpoint_id: str, delivery_id: str) -> APIResponse[WebhookDelivery]:
        """One delivery of the endpoint, with its attempts.

        Raises:
            WebhookEndpointNotFoundError: You have no endpoint with this id.
            WebhookDeliveryNotFoundError: The endpoint has no delivery with this id.
        """
        return self._client._call(
            "webhooks_get_delivery", endpoint_id=endpoint_id, delivery_id=delivery_id
        )

    @endpoint
    def redeliver(
        self, endpoint_id: str, delivery_id: str, *, idempotency_key: str | None = None
    ) -> APIResponse[WebhookDelivery]:
        """Send a delivery's event again (same ``webhook-id``), with a fresh run of retries.

        Raises:
            WebhookEndpointNotFoundError: You have no endpoint with this id.
            WebhookDeliveryNotFoundError: The endpoint has no delivery with this id.
        """
        return self._client._call(
            "webhooks_redeliver",
            endpoint_id=endpoint_id,
            delivery_id=delivery_id,
            idempotency_key=idempotency_key,
        )
