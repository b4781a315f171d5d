"""The realtime family: the websocket that pushes messaging events to connected identities,
and offline sync (unacknowledged deliveries read and acknowledged over REST)."""

from ..core.family import Family
from ..core.state import ServerState
from ..messaging import MessagingEvents
from .endpoint import serve_realtime
from .hub import Hub
from .sync_routes import SYNC_HANDLERS
from .warnings import watch_rate_limits

__all__ = ["FAMILY", "Hub"]


def _setup(state: ServerState) -> None:
    hub = Hub(state)
    state.add_service(hub)
    state.service(MessagingEvents).subscribe(hub.push, everywhere=True)
    watch_rate_limits(state)


FAMILY = Family(
    "realtime",
    SYNC_HANDLERS,
    setup=_setup,
    tags=("messages",),
    sockets={"realtime": serve_realtime},
)
