"""Sans-I/O Server-Sent Events: an incremental decoder and an encoder.

The decoder follows the WHATWG HTML "Parsing an event stream" and "Interpreting an event
stream" rules exactly: UTF-8 with U+FFFD for invalid bytes, one leading BOM stripped, CR, LF
and CRLF line ends (also when a CRLF is split between chunks), comments and unknown fields
ignored, ``id`` values containing NUL ignored, ``retry`` only when all ASCII digits, and no
event for a block without ``data`` lines. It does no I/O: feed it the bytes of a response
body as they arrive and it returns the events completed by each chunk.

It runs in linear time, and memory is bounded by ``max_line_size`` and ``max_event_size``.
"""

from __future__ import annotations

import codecs
import json
from dataclasses import dataclass
from typing import Any, NoReturn

__all__ = [
    "SSEDecodeError",
    "SSEDecoder",
    "ServerSentEvent",
    "encode_comment",
    "encode_event",
]


@dataclass(frozen=True, slots=True)
class ServerSentEvent:
    """One dispatched server-sent event.

    Attributes:
        event: The event type; ``"message"`` when the block had no (or an empty) ``event``.
        data: The ``data`` lines of the block joined with LF.
        id: The last event ID string in force when the event was dispatched. It persists
            across events until a later ``id`` field changes or resets it.
        retry: The reconnection time in milliseconds set by this event's block, or None.
    """

    event: str = "message"
    data: str = ""
    id: str = ""
    retry: int | None = None

    def json(self) -> Any:
        """Return ``data`` parsed as JSON.

        Raises:
            json.JSONDecodeError: ``data`` is not valid JSON.
        """
        return json.loads(self.data)


class SSEDecodeError(ValueError):
    """The event stream exceeded the decoder's line or event size limit."""


class _Draft:
    # A frozen dataclass initialises through object.__setattr__, which costs more than the
    # rest of decoding a small event. The decoder builds this mutable twin with the same slot
    # layout instead (object.__new__ and plain slot stores, cheaper than calling an __init__)
    # and then retypes it, which CPython allows for identical layouts.
    __slots__ = ("data", "event", "id", "retry")
    event: str
    data: str
    id: str
    retry: int | None


_new_draft = object.__new__
_utf8_decode = codecs.utf_8_decode
_FAST_TEXT = 4096
# int() refuses decimal strings longer than sys.get_int_max_str_digits(), which is at least 640.
_INT_CHUNK = 600


def _parse_retry(value: str) -> int | None:
    if not (value.isascii() and value.isdigit()):
        return None
    digits = value.lstrip("0")
    if len(digits) <= _INT_CHUNK:
        return int(digits or "0")
    result = 0
    for start in range(0, len(digits), _INT_CHUNK):
        piece = digits[start : start + _INT_CHUNK]
        result = result * 10 ** len(piece) + int(piece)
    return result


class SSEDecoder:
    """Incremental ``text/event-stream`` decoder (WHATWG HTML §9.2).

    Feed it the raw bytes of a response body in chunks of any size; each call returns the
    events whose terminating blank line arrived in that chunk. Call ``close()`` at the end
    of the body. The decoder may then be reused for the next connection of the same source:
    ``last_event_id`` and ``retry`` carry over, everything else starts afresh.

    After an ``SSEDecodeError`` the decoder's state is unspecified; drop the connection.

    Args:
        max_line_size: Longest accepted line, in characters, without its line end.
        max_event_size: Largest accepted event data (the joined ``data`` value), in
            characters.
    """

    __slots__ = (
        "_at_start",
        "_block_retry",
        "_data_size",
        "_event",
        "_fast_size",
        "_first",
        "_id_buffer",
        "_idle",
        "_last_event_id",
        "_max_event",
        "_max_line",
        "_measured",
        "_more",
        "_pending",
        "_pending_size",
        "_retry",
        "_skip_lf",
        "_undecoded",
    )

    def __init__(self, *, max_line_size: int = 1 << 20, max_event_size: int = 16 << 20) -> None:
        self._max_line = max_line_size
        self._max_event = max_event_size
        # The longest text feed() decodes on its fast path: one that short has no line or event
        # too large to accept, and is split faster with str.split than by _feed_text, which
        # looks for the line ends of long lines with str.find.
        self._fast_size = min(max_line_size, max_event_size, _FAST_TEXT)
        self._last_event_id = ""
        self._retry: int | None = None
        self._reset_stream()

    def _reset_stream(self) -> None:
        self._undecoded = b""
        self._at_start = True
        # Between two blocks, with nothing pending (see _interpret): where feed() can take its
        # fast path.
        self._idle = False
        self._skip_lf = False
        self._pending: list[str] = []
        self._pending_size = 0
        self._event = ""
        self._block_retry: int | None = None
        # The last event ID buffer only reaches the string on dispatch, so an id in a block
        # that was cut off never counts.
        self._id_buffer = self._last_event_id
        self._first: str | None = None
        self._more: list[str] = []
        self._measured = 0
        self._data_size = 0

    @property
    def last_event_id(self) -> str:
        """The last event ID string: the id of the latest dispatched block, "" if none."""
        return self._last_event_id

    @property
    def retry(self) -> int | None:
        """The latest valid reconnection time (``retry`` field) seen, in ms, or None."""
        return self._retry

    def feed(self, chunk: bytes) -> list[ServerSentEvent]:
        """Decode the next chunk of the body.

        Args:
            chunk: Bytes of the stream, split anywhere (even inside a UTF-8 sequence, a BOM
                or a CRLF).

        Returns:
            The events completed by this chunk, in order.

        Raises:
            SSEDecodeError: A line is longer than ``max_line_size`` or an event's data is
                larger than ``max_event_size``.
        """
        if self._undecoded:
            chunk = self._undecoded + chunk
            self._undecoded = b""
        text, used = _utf8_decode(chunk, "replace", False)
        if used != len(chunk):
            self._undecoded = bytes(chunk[used:])
        if self._idle and text[-2:] == "\n\n" and len(text) <= self._fast_size and "\r" not in text:
            # Whole blocks, as a live stream sends them (one or a few per chunk), fed between
            # two blocks: no state to restore or keep, and no line or event too large. Only
            # `data`, `event` and `id` written as "name: value" are decoded here; at any other
            # line this loop stops, having changed nothing, and _feed_text decodes the text.
            events: list[ServerSentEvent] = []
            event_type = ""
            first: str | None = None
            more: list[str] | None = None
            id_buffer = self._last_event_id
            # The text ends with a blank line, so the split ends with "" (a second, harmless one).
            for line in text.split("\n"):
                if line:
                    name, _, value = line.partition(": ")
                    if name == "data":
                        if first is None:
                            first = value
                        elif more is None:
                            more = [first, value]
                        else:
                            more.append(value)
                    elif name == "event":
                        event_type = value
                    elif name == "id":
                        if "\0" not in value:
                            id_buffer = value
                    else:
                        break
                elif first is not None:
                    if more is not None:
                        first = "\n".join(more)
                        more = None
                    event = _new_draft(_Draft)
                    event.event = event_type or "message"
                    event.data = first
                    event.id = id_buffer
                    event.retry = None
                    event.__class__ = ServerSentEvent  # type: ignore[assignment]
                    events.append(event)  # type: ignore[arg-type]
                    first = None
                    event_type = ""
                else:
                    event_type = ""
            else:
                self._id_buffer = self._last_event_id = id_buffer
                return events
        return self._feed_text(text) if text else []

    def close(self) -> list[ServerSentEvent]:
        """End the stream: flush the UTF-8 decoder and discard any unfinished event.

        An event is only dispatched by a blank line, so this normally returns ``[]``. The id
        and retry of an unfinished block are discarded with it (the ``retry`` property keeps
        a value already seen). The decoder is then ready for a new stream.

        Returns:
            The events completed by the end of the stream.

        Raises:
            SSEDecodeError: The unfinished line exceeds ``max_line_size``.
        """
        text = _utf8_decode(self._undecoded, "replace", True)[0] if self._undecoded else ""
        events = self._feed_text(text) if text else []
        self._reset_stream()
        return events

    def _feed_text(self, text: str) -> list[ServerSentEvent]:
        self._idle = False
        if self._at_start:
            self._at_start = False
            if text[0] == "\ufeff":
                text = text[1:]
                if not text:
                    return []
        if self._skip_lf:
            self._skip_lf = False
            if text[0] == "\n":
                text = text[1:]
                if not text:
                    return []
        if "\r" in text:
            # A trailing CR ends its line now; an LF opening the next chunk belongs to it.
            self._skip_lf = text[-1] == "\r"
            text = text.replace("\r\n", "\n").replace("\r", "\n")
        max_line = self._max_line
        if "\n" not in text:
            self._pending.append(text)
            self._pending_size += len(text)
            if self._pending_size > max_line:
                raise SSEDecodeError(
                    f"SSE line exceeds max_line_size ({max_line} characters) without a line end"
                )
            return []
        probe = min(len(text), 4096)
        if text.count("\n", 0, probe) << 8 >= probe:
            lines = text.split("\n")
            tail = lines.pop()
        else:
            # Long lines: str.split tests every character, str.find skips ahead with memchr.
            lines = []
            find = text.find
            start = 0
            end = find("\n")
            while end >= 0:
                lines.append(text[start:end])
                start = end + 1
                end = find("\n", start)
            tail = text[start:]
        if self._pending:
            self._pending.append(lines[0])
            lines[0] = "".join(self._pending)
            self._pending = [tail] if tail else []
        elif tail:
            self._pending.append(tail)
        if self._pending_size + len(text) > max_line:
            longest = max(map(len, lines))
            if longest > max_line or len(tail) > max_line:
                raise SSEDecodeError(
                    f"SSE line of {max(longest, len(tail))} characters exceeds "
                    f"max_line_size ({max_line})"
                )
        self._pending_size = len(tail)
        return self._interpret(lines)

    def _interpret(self, lines: list[str]) -> list[ServerSentEvent]:
        events: list[ServerSentEvent] = []
        append = events.append
        # Most events have one data line: it waits in `first`, so no list or join is needed.
        first = self._first
        more = self._more
        event_type = self._event
        id_buffer = self._id_buffer
        block_retry = self._block_retry
        last_event_id = self._last_event_id
        max_event = self._max_event
        # One data line is no longer than a line, so usually needs no check of its own.
        check_single = self._max_line > max_event
        for line in lines:
            if line:
                # Splitting at ": " finds the field's colon whenever the name is a known one,
                # since those contain no colon; everything else takes the general path.
                name, _, value = line.partition(": ")
                if name == "data":
                    if first is None:
                        first = value
                    else:
                        more.append(value)
                elif name == "event":
                    event_type = value
                elif name == "id":
                    if "\0" not in value:
                        id_buffer = value
                else:
                    name, _, value = line.partition(":")
                    if value[:1] == " ":
                        value = value[1:]
                    if name == "data":
                        if first is None:
                            first = value
                        else:
                            more.append(value)
                    elif name == "event":
                        event_type = value
                    elif name == "id":
                        if "\0" not in value:
                            id_buffer = value
                    elif name == "retry":
                        retry = _parse_retry(value)
                        if retry is not None:
                            block_retry = self._retry = retry
            else:
                if first is not None:
                    if more:
                        more.insert(0, first)
                        first = "\n".join(more)
                        more = []
                        self._measured = 0
                        if len(first) > max_event:
                            self._event_too_large(len(first))
                    elif check_single and len(first) > max_event:
                        self._event_too_large(len(first))
                    event = _new_draft(_Draft)
                    event.event = event_type or "message"
                    event.data = first
                    event.id = id_buffer
                    event.retry = block_retry
                    event.__class__ = ServerSentEvent  # type: ignore[assignment]
                    append(event)  # type: ignore[arg-type]
                    first = None
                event_type = ""
                block_retry = None
                last_event_id = id_buffer
        self._first = first
        self._more = more
        self._event = event_type
        self._id_buffer = id_buffer
        self._block_retry = block_retry
        self._last_event_id = last_event_id
        if first is not None:
            self._check_event_size(first, more)
        else:
            self._idle = (
                not event_type
                and block_retry is None
                and id_buffer == last_event_id
                and not self._pending
                and not self._skip_lf
            )
        return events

    def _check_event_size(self, first: str, more: list[str]) -> None:
        # Measure only the lines added since the last chunk, so a long event costs linear time.
        measured = self._measured
        if not measured:
            self._data_size = len(first)
        self._data_size += sum(map(len, more[measured:])) + len(more) - measured
        self._measured = len(more)
        if self._data_size > self._max_event:
            self._event_too_large(self._data_size)

    def _event_too_large(self, size: int) -> NoReturn:
        raise SSEDecodeError(
            f"SSE event data of {size} or more characters exceeds "
            f"max_event_size ({self._max_event})"
        )


def _split_lines(text: str) -> list[str]:
    return text.replace("\r\n", "\n").replace("\r", "\n").split("\n")


def encode_event(
    data: str,
    *,
    event: str | None = None,
    id: str | None = None,
    retry: int | None = None,
) -> bytes:
    """Encode one event as UTF-8 ``text/event-stream`` bytes, ending with a blank line.

    Multi-line ``data`` (split at CRLF, CR or LF) becomes several ``data`` lines, so a
    decoder returns it with every line end turned into LF.

    Args:
        data: The event data; "" still produces an event.
        event: The event type; None or "" leaves the decoder's default ``"message"``.
        id: The event id; "" resets the client's last event id, None leaves it unchanged.
        retry: A reconnection time in milliseconds for the client.

    Raises:
        ValueError: ``event`` or ``id`` contains CR, LF or NUL, or ``retry`` is negative.
        UnicodeEncodeError: A value holds a lone surrogate (a ValueError too).
    """
    parts: list[str] = []
    if event:
        if "\r" in event or "\n" in event or "\0" in event:
            raise ValueError(f"SSE event type must not contain CR, LF or NUL: {event!r}")
        parts.append(f"event: {event}\n")
    if id is not None:
        if "\r" in id or "\n" in id or "\0" in id:
            raise ValueError(f"SSE id must not contain CR, LF or NUL: {id!r}")
        parts.append(f"id: {id}\n")
    if retry is not None:
        if retry < 0:
            raise ValueError(f"SSE retry must be a non-negative integer: {retry!r}")
        parts.append(f"retry: {retry:d}\n")
    parts.extend(f"data: {line}\n" for line in _split_lines(data))
    parts.append("\n")
    return "".join(parts).encode()


def encode_comment(text: str = "") -> bytes:
    """Encode a comment, e.g. a keep-alive, as UTF-8 ``text/event-stream`` bytes.

    Multi-line text becomes several comment lines. No blank line is added: between events a
    comment needs none, and some clients dispatch spurious empty events on extra blank lines.

    Args:
        text: The comment text; "" gives a bare ``:`` line.
    """
    return "".join(f": {line}\n" if line else ":\n" for line in _split_lines(text)).encode()
