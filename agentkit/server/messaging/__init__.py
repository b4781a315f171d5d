"""The messaging family: identities with handles, and the messages they send each other."""

from ..core.family import Family
from ..core.state import ServerState
from .attachment_routes import ATTACHMENT_HANDLERS
from .blobs import BlobStore
from .codes import CodeThrottle
from .events import MessagingEvent, MessagingEvents
from .group_routes import GROUP_HANDLERS
from .identity_routes import IDENTITY_HANDLERS
from .message_routes import MESSAGE_HANDLERS
from .outbox import Outbox, OutboxMessage
from .replies import AgentReplies
from .social_routes import SOCIAL_HANDLERS

__all__ = ["FAMILY", "MessagingEvent", "MessagingEvents", "Outbox", "OutboxMessage"]


def _setup(state: ServerState) -> None:
    state.add_service(MessagingEvents(state))
    state.add_service(Outbox())
    state.add_service(CodeThrottle(state.store))
    state.add_service(AgentReplies(state))
    config = state.config
    blobs = BlobStore.configured(config.blob_dir, config.db_path, state.store.secret("blobs"))
    state.add_service(blobs)


FAMILY = Family(
    "messaging",
    {
        **IDENTITY_HANDLERS,
        **MESSAGE_HANDLERS,
        **ATTACHMENT_HANDLERS,
        **GROUP_HANDLERS,
        **SOCIAL_HANDLERS,
    },
    setup=_setup,
    tags=("identity", "messages", "conversations", "uploads", "groups", "contacts", "presence"),
)
