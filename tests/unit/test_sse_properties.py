"""Property tests of the SSE decoder: chunking, encoder round trips, and a reference parser.

The reference parser below is written straight from the WHATWG text ("Parsing an event
stream", "Interpreting an event stream"), deliberately naive: it decodes the whole stream at
once, splits lines one character at a time and keeps the data buffer as a string, exactly as
the spec describes it. The real decoder must agree with it on every generated stream.
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import pairwise

from hypothesis import given, settings
from hypothesis import strategies as st

from agentkit._sse import SSEDecodeError, SSEDecoder, encode_comment, encode_event

Event = tuple[str, str, str, int | None]  # (event, data, id, retry)
Outcome = tuple[list[Event], str, int | None]  # events, last_event_id, retry

SETTINGS = settings(max_examples=300, deadline=None)


def reference_decode(stream: bytes) -> Outcome:
    """Decode a complete stream by the letter of the WHATWG rules."""
    # UTF-8 decode: strip one leading BOM, replace invalid sequences with U+FFFD.
    if stream.startswith(b"\xef\xbb\xbf"):
        stream = stream[3:]
    text = stream.decode("utf-8", "replace")

    # end-of-line = CRLF / CR / LF; a final line without one is not a line.
    lines: list[str] = []
    current = ""
    i = 0
    while i < len(text):
        char = text[i]
        if char == "\r" or char == "\n":
            lines.append(current)
            current = ""
            if char == "\r" and i + 1 < len(text) and text[i + 1] == "\n":
                i += 1
        else:
            current += char
        i += 1

    data_buffer = ""
    event_type_buffer = ""
    last_event_id_buffer = ""
    last_event_id = ""
    reconnection_time: int | None = None
    block_retry: int | None = None  # ours: the retry set since the last blank line
    events: list[Event] = []

    def process_field(field: str, value: str) -> None:
        nonlocal data_buffer, event_type_buffer, last_event_id_buffer
        nonlocal reconnection_time, block_retry
        if field == "event":
            event_type_buffer = value
        elif field == "data":
            data_buffer += value + "\n"
        elif field == "id":
            if "\0" not in value:
                last_event_id_buffer = value
        elif field == "retry" and value != "" and all(c in "0123456789" for c in value):
            reconnection_time = block_retry = int(value)

    for line in lines:
        if line == "":
            # Dispatch the event.
            last_event_id = last_event_id_buffer
            if data_buffer == "":
                event_type_buffer = ""
                block_retry = None
                continue
            if data_buffer.endswith("\n"):
                data_buffer = data_buffer[:-1]
            events.append((event_type_buffer or "message", data_buffer, last_event_id, block_retry))
            data_buffer = ""
            event_type_buffer = ""
            block_retry = None
        elif line.startswith(":"):
            continue
        elif ":" in line:
            field, _, value = line.partition(":")
            if value.startswith(" "):
                value = value[1:]
            process_field(field, value)
        else:
            process_field(line, "")
    # End of file: whatever is left in the buffers is discarded.
    return events, last_event_id, reconnection_time


def decode_chunks(chunks: Sequence[bytes]) -> Outcome:
    decoder = SSEDecoder()
    events = [event for chunk in chunks for event in decoder.feed(chunk)]
    events += decoder.close()
    return [(e.event, e.data, e.id, e.retry) for e in events], decoder.last_event_id, decoder.retry


def split_at(stream: bytes, cuts: list[int]) -> list[bytes]:
    bounds = [0, *sorted(set(cuts)), len(stream)]
    return [stream[a:b] for a, b in pairwise(bounds)]


# --- Random event streams built from the grammar's pieces -------------------------------

JUNK = [b"\xff", b"\xc3", b"\xe2\x82", b"\xed\xa0\x80", b"\xef\xbb", b"\xef\xbb\xbf", b"\x80"]
TRICKY_CHARS = list(" :\t\0a\u00e9\u4e2d\u2028\u2029\u0085\ufeff\U0001f600-+0123456789")

value_text = st.text(
    st.sampled_from(TRICKY_CHARS) | st.sampled_from(TRICKY_CHARS) | st.characters(codec="utf-8"),
    max_size=6,
)
retry_text = st.sampled_from(["0", "7", "03000", "10x", "-1", "+5", "\u0663", "\u00b2", " 1", ""])
values = st.one_of(
    value_text.map(str.encode),
    retry_text.map(str.encode),
    st.tuples(value_text.map(str.encode), st.sampled_from(JUNK)).map(b"".join),
    # Long values steer the decoder onto its path for chunks of few, long lines.
    st.tuples(value_text.map(str.encode), st.integers(200, 3000)).map(lambda v: v[0] * v[1]),
)
names = st.sampled_from(
    ["data", "data", "event", "id", "id", "retry", "retry", "Data", "foo", "", "data ", "\ufeffid"]
).map(str.encode)
separators = st.sampled_from([b":", b": ", b":  ", b""])
field_lines = st.tuples(names, separators, values).map(b"".join)
data_lines = st.sampled_from([b"data: x", b"data:y", b"data"]) | st.tuples(
    st.just(b"data"), separators, values
).map(b"".join)
comment_lines = values.map(lambda v: b":" + v)
# Lines that each probe one rule, mixed in with the generated ones.
TYPICAL_LINES = [
    *(b"data", b"data:", b"data: x", b"data:  x", b"data:\tx", b"data:\0", b"data::"),
    *(b"event: e", b"event:", b"event", b"event:  e", b"id: 1", b"id:2", b"id:", b"id"),
    *(b"id: \0", b"id:x\0", b"id:  3", b"retry: 10", b"retry:0300", b"retry:  10"),
    *(b"retry: 1x", b"retry: -1", b"retry: \xd9\xa3", b"retry:", b"retry", b":", b": c"),
    *(b"Data: x", b"foo: bar", b"data : x", b" data: x", b"\xef\xbb\xbfdata: x"),
    *(b"da\xffta: x", b"data: \xe2\x82", b"id: \xc3", b"data: \xe2\x80\xa8"),
]
lines = st.one_of(st.sampled_from(TYPICAL_LINES), field_lines, comment_lines)
terminators = st.sampled_from([b"\n", b"\r", b"\r\n"])


@st.composite
def blocks(draw: st.DrawFn) -> list[bytes]:
    """The lines of one event block, usually with at least one data line somewhere."""
    block = draw(st.lists(lines, max_size=4))
    if draw(st.integers(0, 4)):
        block.insert(draw(st.integers(0, len(block))), draw(data_lines))
    return block


@st.composite
def event_streams(draw: st.DrawFn, ends: st.SearchStrategy[bytes] = terminators) -> bytes:
    """Blocks of random lines ended by blank lines, with mixed line ends (or ``ends``), BOMs,
    junk bytes and maybe an unfinished final block."""
    parts = [draw(st.sampled_from([b"", b"", b"\xef\xbb\xbf", b"\xef\xbb\xbf\xef\xbb\xbf"]))]
    for block in draw(st.lists(blocks(), min_size=1, max_size=8)):
        for line in [*block, b""]:
            parts += [line, draw(ends)]
    if draw(st.booleans()):
        parts += [draw(data_lines), draw(terminators)]  # a block cut off by the end
    if draw(st.booleans()):
        parts.append(draw(field_lines))  # a final line without a line end
    return b"".join(parts)


@st.composite
def chunked(draw: st.DrawFn, stream: bytes) -> list[bytes]:
    cuts = draw(st.lists(st.integers(0, len(stream)), max_size=len(stream) // 2 + 2))
    return split_at(stream, cuts)


@st.composite
def chunked_at_blocks(draw: st.DrawFn, stream: bytes) -> list[bytes]:
    """Cut after blank lines, where a live stream's writes end, each kept or not, and maybe
    elsewhere too."""
    ends = [i for i in range(2, len(stream) + 1) if stream[i - 2 : i] == b"\n\n"]
    cuts = [i for i in ends if draw(st.integers(0, 3))]
    cuts += draw(st.lists(st.integers(0, len(stream)), max_size=2))
    return split_at(stream, cuts)


class TestChunkingInvariance:
    @SETTINGS
    @given(data=st.data(), stream=event_streams())
    def test_any_chunking_gives_the_same_outcome(self, data: st.DataObject, stream: bytes) -> None:
        """Cutting the same bytes anywhere never changes events, last id or retry."""
        whole = decode_chunks([stream])
        assert decode_chunks(data.draw(chunked(stream))) == whole
        assert decode_chunks([stream[i : i + 1] for i in range(len(stream))]) == whole


class TestAgainstReferenceParser:
    @SETTINGS
    @given(data=st.data(), stream=event_streams())
    def test_matches_the_spec_reference(self, data: st.DataObject, stream: bytes) -> None:
        """The decoder agrees with a literal WHATWG parser on random streams and chunkings."""
        assert decode_chunks(data.draw(chunked(stream))) == reference_decode(stream)

    @SETTINGS
    @given(data=st.data(), stream=event_streams(ends=st.just(b"\n")))
    def test_whole_blocks_per_chunk_match_the_reference(
        self, data: st.DataObject, stream: bytes
    ) -> None:
        """Chunks of whole LF-terminated blocks, as live streams send them, decode the same."""
        assert decode_chunks(data.draw(chunked_at_blocks(stream))) == reference_decode(stream)

    @SETTINGS
    @given(data=st.data(), stream=event_streams(ends=st.just(b"\n")))
    def test_whole_blocks_within_limits_decode_as_bytewise(
        self, data: st.DataObject, stream: bytes
    ) -> None:
        """With small limits, whole-block chunks raise exactly when the stream fed a byte at a
        time does, and decode the same otherwise."""
        limit = data.draw(st.integers(1, 64))

        def outcome(chunks: Sequence[bytes]) -> Outcome | str:
            decoder = SSEDecoder(max_line_size=limit, max_event_size=limit)
            try:
                events = [event for chunk in chunks for event in decoder.feed(chunk)]
                events += decoder.close()
            except SSEDecodeError:
                return "raised"
            decoded = [(e.event, e.data, e.id, e.retry) for e in events]
            return decoded, decoder.last_event_id, decoder.retry

        bytewise = [stream[i : i + 1] for i in range(len(stream))]
        assert outcome(data.draw(chunked_at_blocks(stream))) == outcome(bytewise)


# --- Encoder round trip ------------------------------------------------------------------

line_safe = st.text(st.characters(exclude_characters="\r\n\0", exclude_categories=["Cs"]))
multiline = st.lists(st.one_of(st.text(), st.sampled_from(["\r", "\n", "\r\n"]))).map("".join)
encoded_events = st.tuples(
    multiline,  # data
    st.none() | line_safe,  # event
    st.none() | line_safe,  # id
    st.none() | st.integers(0, 2**63),  # retry
    st.none() | multiline,  # a comment before the event
)


class TestEncoderRoundTrip:
    @SETTINGS
    @given(data=st.data(), events=st.lists(encoded_events, max_size=6))
    def test_decode_of_encode_gives_the_events_back(
        self,
        data: st.DataObject,
        events: list[tuple[str, str | None, str | None, int | None, str | None]],
    ) -> None:
        """Encoded events decode to themselves, however the bytes are chunked.

        Data line ends come back as LF: encode_event splits data at CRLF, CR and LF into
        separate data lines, and the decoder joins data lines with LF. An id of None keeps
        the previous id (the last event id persists), and an event type of None or ""
        decodes as "message".
        """
        stream = b""
        expected: list[Event] = []
        last_id = ""
        for body, event, id, retry, comment in events:
            if comment is not None:
                stream += encode_comment(comment)
            stream += encode_event(body, event=event, id=id, retry=retry)
            last_id = last_id if id is None else id
            normalised = body.replace("\r\n", "\n").replace("\r", "\n")
            expected.append((event or "message", normalised, last_id, retry))
        outcome = decode_chunks(data.draw(chunked(stream)))
        assert outcome[0] == expected
        assert outcome == reference_decode(stream)
