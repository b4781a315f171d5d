"""Offline sync over REST: the caller's unacknowledged deliveries after a cursor, and their
acknowledgement up to one."""

from __future__ import annotations

from ..core.call import Call, Handler
from ..core.errors import invalid
from ..core.replies import Reply
from ..messaging.caller import caller

__all__ = ["SYNC_HANDLERS"]


def _position(call: Call, identity_id: str, delivery_id: str, field: str, location: str) -> int:
    position = call.state.store.delivery_position(identity_id, delivery_id)
    if position is None:
        # The same answer for someone else's delivery as for none: ids cannot be probed.
        raise invalid(field, "is not one of your delivery ids", location)
    return position


async def sync(call: Call) -> Reply:
    """A page of the caller's deliveries not yet acknowledged, oldest first."""
    me = caller(call)
    after = call.params.get("after")
    position = 0 if after is None else _position(call, me["id"], after, "after", "query")
    limit = call.params["limit"]
    rows = call.state.store.pending_deliveries(me["id"], position, limit + 1)
    data = [{"delivery_id": row.delivery_id, "message": row.message} for row in rows[:limit]]
    return Reply({"data": data, "has_more": len(rows) > limit})


async def sync_ack(call: Call) -> Reply:
    """Acknowledge the caller's deliveries up to one (forward only; again: none)."""
    me = caller(call)
    last = call.body["last_delivery_id"]
    position = _position(call, me["id"], last, "last_delivery_id", "body")
    return Reply({"acked": call.state.store.acknowledge_through(me["id"], position)})


SYNC_HANDLERS: dict[str, Handler] = {
    "messages_sync": sync,
    "messages_sync_ack": sync_ack,
}
