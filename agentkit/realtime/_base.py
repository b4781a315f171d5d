"""What the asyncio and the threaded realtime clients share: their options, the protocol core
they drive, and the registering of handlers."""

from __future__ import annotations

import random
from collections.abc import Callable
from typing import Any

from agentkit_api.models import Message

from .._errors import ConfigurationError
from ._events import Connected, Disconnected, SequenceGap
from ._handlers import ON_CONNECT, ON_DISCONNECT, ON_ERROR, ON_MESSAGE, Handlers
from ._protocol import RealtimeProtocol, RealtimeSettings
from ._reconnect import ReconnectPolicy

__all__ = ["CHANNEL_PATH", "RealtimeBase", "realtime_url"]

#: Where the channel is, under the API's base URL.
CHANNEL_PATH = "/v1/realtime"

Unsubscribe = Callable[[], None]


def realtime_url(base_url: str) -> str:
    """The channel's websocket URL for an API base URL (``http`` → ``ws``, ``https`` → ``wss``).

    Raises:
        ConfigurationError: The base URL is neither http nor https.
    """
    for scheme, ws in (("https://", "wss://"), ("http://", "ws://")):
        if base_url.startswith(scheme):
            return ws + base_url[len(scheme) :].rstrip("/") + CHANNEL_PATH
    raise ConfigurationError(f"the base URL must be http:// or https://, not {base_url!r}")


class RealtimeBase:
    """Handlers and state of a realtime client; the subclasses move the frames."""

    def __init__(
        self,
        *,
        api_key: str | None,
        base_url: str,
        resume_after: str | None,
        settings: RealtimeSettings | None,
        reconnect: ReconnectPolicy | None,
        clock: Callable[[], float] | None,
        rng: random.Random | None,
        open_timeout: float,
    ) -> None:
        if not api_key:
            raise ConfigurationError(
                "the realtime channel needs a messaging identity's API key: pass api_key= to "
                "the client or set AGENTKIT_API_KEY"
            )
        self._url = realtime_url(base_url)
        self._settings = settings or RealtimeSettings()
        self._open_timeout = open_timeout
        options: dict[str, Any] = {} if clock is None else {"clock": clock}
        self._core = RealtimeProtocol(
            api_key,
            settings=self._settings,
            reconnect=reconnect,
            rng=rng,
            resume_after=resume_after,
            **options,
        )
        self._handlers = Handlers()

    @property
    def url(self) -> str:
        """The channel's websocket URL."""
        return self._url

    @property
    def connected(self) -> bool:
        """Whether a connection is open and its hello was accepted."""
        return self._core.state == "open"

    @property
    def handle(self) -> str | None:
        """Your handle, once a connection was accepted."""
        return self._core.handle

    @property
    def session_id(self) -> str | None:
        """The server's id of the current connection (``rts_...``)."""
        return self._core.session_id

    @property
    def ack_mode(self) -> bool:
        """Whether messages are acknowledged one by one once your handlers return."""
        return self._core.ack_mode

    @property
    def cursor(self) -> str | None:
        """The delivery id of the last message your handlers took without raising.

        Persist it, and pass it as ``resume_after`` to a later client so that its first
        offline drain starts after it.
        """
        return self._core.cursor

    def on(self, event_type: str, handler: Callable[[Any], object]) -> Unsubscribe:
        """Call ``handler`` with every event of ``event_type``.

        ``message.new`` handlers get a ``MessageNew`` (the message, its delivery id, where it
        came from); ``sequence.gap`` a ``SequenceGap``; a type this SDK does not know an
        ``UnknownEvent``; ``"*"`` every event. The handler may be a plain or an ``async``
        function. A message is acknowledged only after every one of its handlers returned
        without raising.

        Returns:
            A function that removes the handler.

        Raises:
            TypeError: ``handler`` is not callable.
        """
        return self._handlers.add(event_type, handler)

    def on_message(self, handler: Callable[[Message], object]) -> Unsubscribe:
        """Call ``handler`` with every new message for you, once each, in seq order per
        conversation. If it raises, the message is not acknowledged and is delivered again on
        a later connection.

        Returns:
            A function that removes the handler.

        Raises:
            TypeError: ``handler`` is not callable.
        """
        return self._handlers.add(ON_MESSAGE, handler)

    def on_sequence_gap(self, handler: Callable[[SequenceGap], object]) -> Unsubscribe:
        """Call ``handler`` with each report of a hole in a conversation's seq: filled from
        the history, or given up on (fill failed or unavailable, too many held back).

        Returns:
            A function that removes the handler.

        Raises:
            TypeError: ``handler`` is not callable.
        """
        return self._handlers.add(SequenceGap.type, handler)

    def on_error(self, handler: Callable[[Exception], object]) -> Unsubscribe:
        """Call ``handler`` with each error the client meets without stopping: a handler that
        raised (``HandlerError``), a frame it could not read, a REST call that failed; and the
        error that stopped it (``RealtimeAuthError``).

        Returns:
            A function that removes the handler.

        Raises:
            TypeError: ``handler`` is not callable.
        """
        return self._handlers.add(ON_ERROR, handler)

    def on_connect(self, handler: Callable[[Connected], object]) -> Unsubscribe:
        """Call ``handler`` each time a connection is accepted.

        Returns:
            A function that removes the handler.

        Raises:
            TypeError: ``handler`` is not callable.
        """
        return self._handlers.add(ON_CONNECT, handler)

    def on_disconnect(self, handler: Callable[[Disconnected], object]) -> Unsubscribe:
        """Call ``handler`` each time a connection ends, saying whether the client will
        connect again.

        Returns:
            A function that removes the handler.

        Raises:
            TypeError: ``handler`` is not callable.
        """
        return self._handlers.add(ON_DISCONNECT, handler)

    def __repr__(self) -> str:
        return f"{type(self).__name__}(url={self._url!r}, state={self._core.state!r})"
