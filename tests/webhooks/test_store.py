"""The webhook tables of the SQLite store: pruning ended deliveries, ownership of rows."""

from __future__ import annotations

from agentkit.server.store import SQLiteStore


def _delivery(ident: str, stamp: str) -> dict[str, object]:
    return {
        "id": ident,
        "owner": "org_a",
        "endpoint_id": "whe_1",
        "event_id": f"evt_{ident}",
        "event_type": "message.new",
        "body": "{}",
        "next_attempt": 0.0,
        "created_at": stamp,
    }


def test_pruning_keeps_pending_and_recent_deliveries() -> None:
    """Only ended deliveries last changed before the cut-off are deleted."""
    store = SQLiteStore(":memory:")
    try:
        old, new = "2020-01-01T00:00:00.000Z", "2030-01-01T00:00:00.000Z"
        store.queue_webhook_deliveries(
            [_delivery("whd_old_ended", old), _delivery("whd_old_pending", old)]
        )
        store.queue_webhook_deliveries([_delivery("whd_new_ended", new)])
        for ident in ("whd_old_ended", "whd_new_ended"):
            store.end_webhook_delivery("org_a", ident)
        assert store.prune_webhook_deliveries("2025-01-01T00:00:00.000Z") == 1
        left = {
            row["id"]
            for row in store.list_webhook_deliveries("org_a", "whe_1", None, 10, None).rows
        }
        assert left == {"whd_old_pending", "whd_new_ended"}
        assert store.list_webhook_deliveries("org_b", "whe_1", None, 10, None).rows == []
    finally:
        store.close()
