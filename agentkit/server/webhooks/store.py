"""The storage the webhooks family needs: endpoints with their sealed secrets, and deliveries
queued in the store so that they outlive a restart."""

from __future__ import annotations

from typing import Protocol

from ..core.store import Page, Row

__all__ = ["WebhookStore"]


class WebhookStore(Protocol):
    """Webhook endpoints by owner (the principal of the key that made them) and their
    deliveries; each method one transaction."""

    def insert_webhook_endpoint(self, owner: str, endpoint: Row, sealed: str) -> None: ...
    def webhook_endpoint(self, owner: str, endpoint_id: str) -> Row | None:
        """The endpoint, with its sealed secrets as ``sealed_secret``, ``sealed_previous`` and
        ``previous_until`` (Unix seconds)."""

    def update_webhook_endpoint(self, owner: str, endpoint: Row) -> None: ...
    def set_webhook_secret(
        self, owner: str, endpoint_id: str, sealed: str, previous: str | None, until: float | None
    ) -> None:
        """Make ``sealed`` the signing secret, ``previous`` signing too until ``until``."""

    def delete_webhook_endpoint(self, owner: str, endpoint_id: str) -> bool:
        """Delete the endpoint and its deliveries; whether there was one."""

    def list_webhook_endpoints(self, owner: str, after: int, limit: int) -> Page: ...
    def count_webhook_endpoints(self, owner: str) -> int: ...
    def enabled_webhook_endpoints(self, owners: list[str]) -> list[Row]:
        """The enabled endpoints of these owners, each with its ``owner``."""

    def webhook_owners(self) -> set[str]:
        """The owners of at least one enabled endpoint."""

    def queue_webhook_deliveries(self, deliveries: list[Row]) -> None:
        """Store new deliveries (each with its ``owner``, ``body`` and ``next_attempt``)."""

    def webhook_delivery(self, owner: str, endpoint_id: str, delivery_id: str) -> Row | None: ...
    def list_webhook_deliveries(
        self, owner: str, endpoint_id: str, before: int | None, limit: int, status: str | None
    ) -> Page:
        """The endpoint's deliveries, newest first, before the position ``before``."""

    def claim_webhook_deliveries(self, moment: float, limit: int, lease_until: float) -> list[Row]:
        """Take pending deliveries whose next attempt is due at ``moment`` and that no server
        holds (or whose lease ran out), oldest due first, at most ``limit``; each is leased
        until ``lease_until`` (Unix seconds) in the same statement, so that no other server
        sharing the database takes it meanwhile. With their ``owner``, ``body``,
        ``run_attempts`` and ``forced``."""

    def next_webhook_due(self) -> float | None:
        """When the earliest pending delivery is due (a leased one: when its lease runs out), in
        Unix seconds."""

    def record_webhook_attempt(
        self,
        owner: str,
        delivery_id: str,
        attempt: Row,
        *,
        succeeded: bool,
        next_attempt: float | None,
        disable_after: int,
        lease_until: float | None = None,
    ) -> Row | None:
        """Append an attempt to the delivery: ``succeeded`` ends it, else it is retried at
        ``next_attempt`` or given up when that is ``None``; its lease is released. The
        endpoint's run of failures is reset or counted; at ``disable_after`` the endpoint is
        disabled. The endpoint after. With ``lease_until``, only while that lease is still
        the delivery's (else nothing is recorded, and ``None`` returned)."""

    def end_webhook_delivery(self, owner: str, delivery_id: str) -> None:
        """Give up on a delivery without an attempt (its endpoint is disabled)."""

    def prune_webhook_deliveries(self, before: str) -> int:
        """Delete the ended deliveries last changed before ``before`` (RFC 3339); how many."""

    def requeue_webhook_delivery(self, owner: str, delivery_id: str, moment: float) -> None:
        """Make the delivery pending again, due at ``moment``, with a fresh run of attempts;
        it is attempted even if the endpoint is disabled."""
