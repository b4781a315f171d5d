"""The webhooks family: URLs that receive signed messaging events, sent in the background."""

from ..core.family import Family
from ..core.state import ServerState
from ..messaging.events import MessagingEvents
from .delivery import WebhookDispatcher
from .routes import HANDLERS
from .sealing import WebhookSecrets

__all__ = ["FAMILY", "WebhookDispatcher"]


def _setup(state: ServerState) -> None:
    state.add_service(WebhookSecrets(state.config))
    dispatcher = WebhookDispatcher(state)
    state.add_service(dispatcher)
    state.service(MessagingEvents).subscribe(dispatcher.on_event, with_change=True)


def _serving(state: ServerState) -> None:
    # Send what a stopped server left pending, without waiting for a request to wake us.
    state.service(WebhookDispatcher).wake()


FAMILY = Family("webhooks", HANDLERS, setup=_setup, serving=_serving)
