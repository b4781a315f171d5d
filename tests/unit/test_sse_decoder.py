"""The SSE decoder and encoder against the WHATWG rules, case by case."""

from __future__ import annotations

import dataclasses
import time
from collections.abc import Iterable

import pytest

from agentkit._sse import (
    ServerSentEvent,
    SSEDecodeError,
    SSEDecoder,
    encode_comment,
    encode_event,
)

Event = tuple[str, str, str, int | None]  # (event, data, id, retry)


def decode(chunks: Iterable[bytes], decoder: SSEDecoder | None = None) -> list[Event]:
    """Feed the chunks, close the stream and return the events as tuples."""
    decoder = decoder or SSEDecoder()
    events = [event for chunk in chunks for event in decoder.feed(chunk)]
    events += decoder.close()
    return [(e.event, e.data, e.id, e.retry) for e in events]


def data_of(stream: bytes) -> list[str]:
    return [data for _, data, _, _ in decode([stream])]


def bytewise(stream: bytes) -> list[bytes]:
    return [stream[i : i + 1] for i in range(len(stream))]


def message(body: bytes, newline: bool = True) -> bytes:
    """The body WPT's resources/message.py sends: message, "\\n\\n" unless newline=none, "\\n"."""
    return body + (b"\n\n" if newline else b"") + b"\n"


def msg(data: str, event: str = "message", id: str = "", retry: int | None = None) -> Event:
    return (event, data, id, retry)


def msg_event(
    data: str, event: str = "message", id: str = "", retry: int | None = None
) -> ServerSentEvent:
    return ServerSentEvent(event=event, data=data, id=id, retry=retry)


# WPT eventsource/format-*.any.js (transcribed in protocols.md §1.3): id, body,
# expected events, expected last_event_id, expected decoder.retry.
X2048 = b"x" * 2048
WPT_CASES: list[tuple[str, bytes, list[Event], str, int | None]] = [
    (
        "format-field-parsing",
        message(
            b"data:\0\ndata:  2\rData:1\ndata\0:2\ndata:1\r\0data:4\nda-ta:3\rdata_5\n"
            b"data:3\rdata:\r\n data:32\ndata:4\n",
            newline=False,
        ),
        [msg("\0\n 2\n1\n3\n\n4")],
        "",
        None,
    ),
    (
        "format-comments",
        message(
            b"data:1\r:\0\n:\r\ndata:2\n:"
            + X2048
            + b"\rdata:3\n:data:fail\r:"
            + X2048
            + b"\ndata:4\n",
            newline=False,
        ),
        [msg("1\n2\n3\n4")],
        "",
        None,
    ),
    (
        "format-newlines",
        message(b"data:test\r\ndata\ndata:test\r\n\r", newline=False),
        [msg("test\n\ntest")],
        "",
        None,
    ),
    (
        "format-leading-space",
        message(b"data:\ttest\rdata: \ndata:test"),
        [msg("\ttest\n\ntest")],
        "",
        None,
    ),
    (
        "format-field-unknown",
        message(b"data:test\n data\ndata\nfoobar:xxx\njustsometext\n:thisisacommentyay\ndata:test"),
        [msg("test\n\ntest")],
        "",
        None,
    ),
    (
        "format-field-data",
        message(b"data:\n\ndata\ndata\n\ndata:test"),
        [msg(""), msg("\n"), msg("test")],
        "",
        None,
    ),
    ("format-null-character", message(b"data:\0\n\n"), [msg("\0")], "", None),
    ("format-field-retry-empty", message(b"retry\ndata:test"), [msg("test")], "", None),
    (
        "format-field-event-empty",
        message(b"event: \ndata:data"),
        [msg("data")],
        "",
        None,
    ),
    (
        "format-field-event",
        message(b"event:test\ndata:x\n\ndata:x"),
        [msg("x", event="test"), msg("x")],
        "",
        None,
    ),
    (
        "format-bom",
        message(b"\xef\xbb\xbfdata:1\n\n\xef\xbb\xbfdata:2\n\ndata:3"),
        [msg("1"), msg("3")],
        "",
        None,
    ),
    (
        "format-bom-2",
        message(b"\xef\xbb\xbf\xef\xbb\xbfdata:1\n\ndata:2\n\ndata:3"),
        [msg("2"), msg("3")],
        "",
        None,
    ),
    (
        "format-data-before-final-empty-line",
        message(b"retry:1000\ndata:test1\n\nid:test\ndata:test2", newline=False),
        [msg("test1", retry=1000)],
        "",
        1000,
    ),
    ("format-utf-8", message(b"data:ok\xe2\x80\xa6"), [msg("ok\u2026")], "", None),
    ("format-field-retry", message(b"retry:03000\ndata:x"), [msg("x", retry=3000)], "", 3000),
    (
        "format-field-retry-bogus",
        message(b"retry:3000\nretry:1000x\ndata:x"),
        [msg("x", retry=3000)],
        "",
        3000,
    ),
    *(
        (
            f"format-field-id-null {value!r}",
            b"id:" + value + b"\ndata:x\n\n",
            [msg("x")],
            "",
            None,
        )
        for value in (b"\0\0", b"x\0", b"\0x", b"x\0x", b" \0")
    ),
    (
        "format-field-id-3 (persists; id: and bare id reset)",
        b"id:1\ndata:a\n\ndata:b\n\nid:\ndata:c\n\nid:2\ndata:d\n\nid\ndata:e\n\ndata:f\n\n",
        [msg("a", id="1"), msg("b", id="1"), msg("c"), msg("d", id="2"), msg("e"), msg("f")],
        "",
        None,
    ),
    (
        "event-data (expected values)",
        b"data:msg\ndata:msg\n\ndata:\n\ndata:end\n\n",
        [msg("msg\nmsg"), msg(""), msg("end")],
        "",
        None,
    ),
]


class TestWPTFormatCases:
    @pytest.mark.parametrize(
        ("stream", "events", "last_id", "retry"),
        [pytest.param(*case[1:], id=case[0]) for case in WPT_CASES],
    )
    @pytest.mark.parametrize("chunking", ["whole", "bytewise"])
    def test_case(
        self,
        stream: bytes,
        events: list[Event],
        last_id: str,
        retry: int | None,
        chunking: str,
    ) -> None:
        """Each WPT format case gives the browsers' events, last id and retry, however fed."""
        decoder = SSEDecoder()
        chunks = [stream] if chunking == "whole" else bytewise(stream)
        assert decode(chunks, decoder) == events
        assert decoder.last_event_id == last_id
        assert decoder.retry == retry


class TestLineEnds:
    @pytest.mark.parametrize("end", [b"\n", b"\r", b"\r\n"], ids=["LF", "CR", "CRLF"])
    def test_each_line_end_terminates_lines(self, end: bytes) -> None:
        """LF, CR and CRLF each end a line; two of them end an event."""
        stream = (
            b"event: e" + end + b"data: a" + end + b"data: b" + end + end + b"data: c" + end * 2
        )
        assert decode([stream]) == [msg("a\nb", event="e"), msg("c")]

    def test_mixed_line_ends(self) -> None:
        """Line ends may change from line to line within a stream."""
        assert data_of(b"data: a\rdata: b\r\ndata: c\n\r\n") == ["a\nb\nc"]

    def test_crlf_split_across_chunks_is_one_line_end(self) -> None:
        """A CR ending one chunk and an LF starting the next make a single line end."""
        assert decode([b"data: a\r", b"\ndata: b\r", b"\n\r", b"\n"]) == [msg("a\nb")]

    def test_cr_at_chunk_end_then_other_text(self) -> None:
        """A CR at a chunk end followed by text is a lone CR line end."""
        assert decode([b"data: a\r", b"data: b\r", b"\r"]) == [msg("a\nb")]

    def test_cr_then_empty_chunk_then_lf(self) -> None:
        """An empty chunk between the CR and the LF of a CRLF does not split it in two."""
        assert decode([b"data: a\r", b"", b"\ndata: b\n\n"]) == [msg("a\nb")]

    def test_cr_cr_is_an_empty_line(self) -> None:
        """Two CRs are two line ends, so they dispatch the event."""
        assert decode([b"data: a\r\rdata: b\r\r"]) == [msg("a"), msg("b")]

    def test_lf_cr_is_two_line_ends(self) -> None:
        """LF followed by CR is two line ends (only CR LF pairs up)."""
        assert decode([b"data: a\n\r"]) == [msg("a")]

    @pytest.mark.parametrize("char", ["\u2028", "\u2029", "\u0085", "\x0b", "\x0c", "\x1c"])
    def test_unicode_line_separators_are_not_line_ends(self, char: str) -> None:
        """Only CR and LF end lines; str.splitlines separators stay in the data."""
        assert data_of(f"data: a{char}b\n\n".encode()) == [f"a{char}b"]


class TestLongLines:
    @pytest.mark.parametrize("size", [1, 700, 4096, 5000, 1 << 20])
    def test_long_lines_among_short_ones(self, size: int) -> None:
        """Chunks of few long lines decode like chunks of many short ones."""
        stream = (
            b"data: " + b"a" * 5000 + b"\ndata: b\n\nid: 1\ndata: " + b"c" * 3000 + b"\r\n\r"
            b"\n: " + b"x" * 9000 + b"\rdata: d\n\n"
        )
        chunks = [stream[i : i + size] for i in range(0, len(stream), size)]
        assert decode(chunks) == [
            msg("a" * 5000 + "\nb"),
            msg("c" * 3000, id="1"),
            msg("d", id="1"),
        ]


class TestBOM:
    def test_leading_bom_is_stripped(self) -> None:
        """One UTF-8 BOM at the start of the stream is removed before parsing."""
        assert data_of(b"\xef\xbb\xbfdata: x\n\n") == ["x"]

    @pytest.mark.parametrize("split", [1, 2, 3])
    def test_bom_split_across_chunks_is_stripped(self, split: int) -> None:
        """A BOM split between chunks is still recognised and stripped."""
        stream = b"\xef\xbb\xbfdata: x\n\n"
        assert decode([stream[:split], stream[split:]]) == [msg("x")]

    def test_bom_alone_in_first_chunk(self) -> None:
        """A first chunk holding only the BOM yields nothing and strips it."""
        assert decode([b"\xef\xbb\xbf", b"data: x\n\n"]) == [msg("x")]

    def test_second_bom_is_not_stripped(self) -> None:
        """A second BOM becomes part of the first field name, so that event is lost."""
        assert data_of(b"\xef\xbb\xbf\xef\xbb\xbfdata: 1\n\ndata: 2\n\n") == ["2"]

    def test_bom_later_in_the_stream_is_text(self) -> None:
        """A BOM after the start is an ordinary character: it spoils a name, stays in a value."""
        stream = b"data: 1\n\n\xef\xbb\xbfdata: 2\n\ndata: \xef\xbb\xbf3\n\n"
        assert data_of(stream) == ["1", "\ufeff3"]

    def test_bom_in_later_chunk_is_not_stripped(self) -> None:
        """Only the stream's first bytes are checked for a BOM, not each chunk's."""
        assert decode([b"data: 1\n\n", b"\xef\xbb\xbfdata: 2\n\n"]) == [msg("1")]

    def test_bom_stripped_again_after_close(self) -> None:
        """close() ends the stream, so the next stream may start with its own BOM."""
        decoder = SSEDecoder()
        assert decode([b"\xef\xbb\xbfdata: 1\n\n"], decoder) == [msg("1")]
        assert decode([b"\xef\xbb\xbfdata: 2\n\n"], decoder) == [msg("2")]


class TestUTF8:
    @pytest.mark.parametrize("char", ["\u00e9", "\u2026", "\U0001f600"])
    def test_multibyte_character_split_at_every_byte(self, char: str) -> None:
        """A character split anywhere between chunks decodes as if it had arrived whole."""
        stream = f"data: a{char}b\n\n".encode()
        start = stream.index(char.encode())
        for cut in range(start + 1, start + len(char.encode())):
            assert decode([stream[:cut], stream[cut:]]) == [msg(f"a{char}b")]

    def test_invalid_bytes_become_replacement_characters(self) -> None:
        """Bytes that are not UTF-8 decode to U+FFFD, per the UTF-8 decode algorithm."""
        assert data_of(b"data: a\xffb\xc3(c\n\n") == ["a\ufffdb\ufffd(c"]

    def test_truncated_sequence_split_across_chunks(self) -> None:
        """An incomplete sequence followed by a non-continuation byte yields one U+FFFD."""
        assert decode([b"data: a\xe2\x82", b"b\n\n"]) == [msg("a\ufffdb")]

    def test_truncated_sequence_at_end_of_stream(self) -> None:
        """Bytes left in the UTF-8 decoder at close() are flushed without raising."""
        decoder = SSEDecoder()
        assert decoder.feed(b"data: a\n\ndata: \xe2\x82") == [msg_event("a")]
        assert decoder.close() == []

    def test_charset_is_always_utf8(self) -> None:
        """The stream is UTF-8 regardless of anything else; non-ASCII survives."""
        assert data_of("data: \u00fcber \u4e2d\u6587\n\n".encode()) == ["\u00fcber \u4e2d\u6587"]


class TestFieldParsing:
    def test_one_leading_space_is_removed(self) -> None:
        """Exactly one space after the colon is dropped; more spaces and tabs are kept."""
        assert data_of(b"data:a\ndata: b\ndata:  c\ndata:\td\n\n") == ["a\nb\n c\n\td"]

    def test_split_at_first_colon(self) -> None:
        """The value starts after the first colon and may contain more colons."""
        assert data_of(b"data: a: b:c\n\n") == ["a: b:c"]

    def test_line_without_colon_is_a_field_with_empty_value(self) -> None:
        """`data` alone appends an empty line to the data."""
        assert data_of(b"data\ndata\n\n") == ["\n"]

    def test_names_are_case_sensitive(self) -> None:
        """`Data`, `DATA` and `Event` are unknown fields."""
        assert decode([b"Data: x\nDATA: y\nEvent: e\ndata: z\n\n"]) == [msg("z")]

    def test_name_with_trailing_space_is_unknown(self) -> None:
        """`data :x` names the field `data `, which is unknown."""
        assert data_of(b"data :x\ndata: y\n\n") == ["y"]

    def test_unknown_fields_are_ignored(self) -> None:
        """Fields other than event, data, id and retry change nothing."""
        assert decode([b"foo: bar\nevent: e\nx:\ndata: d\n\n"]) == [msg("d", event="e")]

    def test_comments_are_ignored(self) -> None:
        """Lines starting with a colon are comments, also inside an event."""
        assert decode([b": hi\ndata: a\n:data: no\n:\ndata: b\n\n: bye\n\n"]) == [msg("a\nb")]

    def test_comment_only_stream_has_no_events(self) -> None:
        """Keep-alive comments separated by blank lines dispatch nothing."""
        assert decode([b":\n\n: ping\n\n:\r\n\r\n"]) == []

    def test_non_ascii_field_values(self) -> None:
        """Values may hold any non-ASCII text, including characters that look like spaces."""
        assert decode(["event: \u00e9v\ndata:\u00a0x\n\n".encode()]) == [msg("\u00a0x", "\u00e9v")]


class TestDispatch:
    def test_data_lines_are_joined_with_lf(self) -> None:
        """Several data lines make one value joined by LF, without a trailing LF."""
        assert data_of(b"data: a\ndata: b\ndata: c\n\n") == ["a\nb\nc"]

    def test_empty_data_line_dispatches_an_empty_event(self) -> None:
        """`data:` then a blank line dispatches an event whose data is ""."""
        assert decode([b"data:\n\n"]) == [msg("")]

    def test_blank_lines_without_data_dispatch_nothing(self) -> None:
        """Leading and repeated blank lines produce no events."""
        assert decode([b"\n\n\r\n\rdata: x\n\n\n\n"]) == [msg("x")]

    def test_event_only_block_dispatches_nothing(self) -> None:
        """An `event` field without data produces no event, and its type does not leak."""
        assert decode([b"event: ping\n\ndata: x\n\n"]) == [msg("x")]

    def test_event_type_resets_after_dispatch(self) -> None:
        """The event type applies to one event only."""
        assert decode([b"event: a\ndata: 1\n\ndata: 2\n\n"]) == [msg("1", "a"), msg("2")]

    def test_last_event_field_wins(self) -> None:
        """A later `event` field in the same block replaces an earlier one."""
        assert decode([b"event: a\nevent: b\ndata: x\n\n"]) == [msg("x", "b")]

    def test_empty_event_type_means_message(self) -> None:
        """`event:` with an empty value leaves the type "message"."""
        assert decode([b"event: a\nevent:\ndata: x\n\n"]) == [msg("x")]

    def test_fields_after_data_still_count(self) -> None:
        """Field order inside a block does not matter."""
        assert decode([b"data: x\nevent: e\nid: 1\n\n"]) == [msg("x", "e", "1")]

    def test_events_are_returned_by_the_chunk_that_completes_them(self) -> None:
        """feed() returns an event as soon as its blank line has arrived."""
        decoder = SSEDecoder()
        assert decoder.feed(b"data: a\n") == []
        assert decoder.feed(b"\ndata: b\n\nda") == [msg_event("a"), msg_event("b")]
        assert decoder.feed(b"ta: c\n\n") == [msg_event("c")]


class TestIds:
    def test_id_applies_to_its_event_and_persists(self) -> None:
        """An id stays the last event id for following events without one."""
        decoder = SSEDecoder()
        assert decode([b"id: 1\ndata: a\n\ndata: b\n\nid: 2\ndata: c\n\n"], decoder) == [
            msg("a", id="1"),
            msg("b", id="1"),
            msg("c", id="2"),
        ]
        assert decoder.last_event_id == "2"

    @pytest.mark.parametrize("line", [b"id:", b"id: ", b"id"])
    def test_empty_id_resets(self, line: bytes) -> None:
        """`id:`, `id: ` and a bare `id` reset the last event id to ""."""
        decoder = SSEDecoder()
        events = decode([b"id: 1\ndata: a\n\n" + line + b"\ndata: b\n\n"], decoder)
        assert events == [msg("a", id="1"), msg("b")]
        assert decoder.last_event_id == ""

    @pytest.mark.parametrize("value", [b"\0", b"\0\0", b"x\0", b"\0x", b"x\0x", b" \0"])
    def test_id_containing_nul_is_ignored(self, value: bytes) -> None:
        """An id with a NUL anywhere is ignored and the previous id survives."""
        decoder = SSEDecoder()
        events = decode([b"id: 1\ndata: a\n\nid:" + value + b"\ndata: b\n\n"], decoder)
        assert events == [msg("a", id="1"), msg("b", id="1")]
        assert decoder.last_event_id == "1"

    def test_id_only_block_updates_last_event_id_without_an_event(self) -> None:
        """A block with only an id dispatches no event but moves the last event id."""
        decoder = SSEDecoder()
        assert decode([b"id: 7\n\n"], decoder) == []
        assert decoder.last_event_id == "7"

    def test_id_of_unfinished_block_is_discarded(self) -> None:
        """An id in a block cut off by the end of the stream never becomes the last id."""
        decoder = SSEDecoder()
        assert decode([b"id: 1\ndata: a\n\nid: 2\ndata: b\n"], decoder) == [msg("a", id="1")]
        assert decoder.last_event_id == "1"

    def test_id_may_hold_spaces_colons_and_unicode(self) -> None:
        """An id value is kept verbatim apart from one leading space."""
        assert decode(["id:  a:b \u00e9\ndata: x\n\n".encode()]) == [msg("x", id=" a:b \u00e9")]

    def test_last_event_id_survives_close_for_reconnection(self) -> None:
        """After close() the decoder keeps the last event id for the next connection."""
        decoder = SSEDecoder()
        decode([b"id: 5\ndata: a\n\n"], decoder)
        assert decoder.last_event_id == "5"
        assert decode([b"data: b\n\n"], decoder) == [msg("b", id="5")]


class TestRetry:
    def test_retry_sets_reconnection_time(self) -> None:
        """A digits-only retry sets the decoder's retry and the event's retry."""
        decoder = SSEDecoder()
        assert decode([b"retry: 2500\ndata: x\n\n"], decoder) == [msg("x", retry=2500)]
        assert decoder.retry == 2500

    def test_leading_zeros_are_decimal(self) -> None:
        """`03000` means 3000, not an octal number."""
        assert decode([b"retry: 03000\ndata: x\n\n"]) == [msg("x", retry=3000)]

    @pytest.mark.parametrize(
        "value",
        [b"", b" ", b"10x", b"-1", b"+5", b"1.5", b"1e3", b"  5", b"5 ", b"\xd9\xa3", b"\xc2\xb2"],
        ids=repr,
    )
    def test_non_digit_values_are_ignored(self, value: bytes) -> None:
        """Only ASCII digits count: signs, spaces, decimals and non-ASCII digits do not."""
        decoder = SSEDecoder()
        events = decode([b"retry: 100\n\nretry:" + value + b"\ndata: x\n\n"], decoder)
        assert events == [msg("x")]
        assert decoder.retry == 100

    def test_bare_retry_is_ignored(self) -> None:
        """A `retry` line without a colon has an empty value and is ignored."""
        decoder = SSEDecoder()
        assert decode([b"retry\ndata: x\n\n"], decoder) == [msg("x")]
        assert decoder.retry is None

    def test_event_retry_belongs_to_its_block(self) -> None:
        """An event carries the retry of its own block only; the decoder keeps the latest."""
        decoder = SSEDecoder()
        events = decode([b"retry: 1\ndata: a\n\ndata: b\n\nretry: 2\n\n"], decoder)
        assert events == [msg("a", retry=1), msg("b")]
        assert decoder.retry == 2

    def test_retry_takes_effect_without_dispatch(self) -> None:
        """The reconnection time is set when the field is read, even if no event follows."""
        decoder = SSEDecoder()
        decoder.feed(b"retry: 42\n")
        assert decoder.retry == 42
        assert decoder.close() == []
        assert decoder.retry == 42

    def test_unterminated_retry_line_is_ignored(self) -> None:
        """A retry line without a line end at the end of the stream never counts."""
        decoder = SSEDecoder()
        decode([b"retry: 42"], decoder)
        assert decoder.retry is None

    def test_huge_retry_is_parsed_exactly(self) -> None:
        """A retry with more digits than int() accepts at once is still parsed exactly."""
        digits = "9" * 5000
        decoder = SSEDecoder()
        decode([f"retry: 000{digits}\n\n".encode()], decoder)
        assert decoder.retry == 10**5000 - 1


class TestEndOfStream:
    def test_unterminated_final_event_is_discarded(self) -> None:
        """An event without its blank line is never dispatched, even at close()."""
        decoder = SSEDecoder()
        assert decoder.feed(b"data: a\n\ndata: b\n") == [msg_event("a")]
        assert decoder.close() == []

    def test_unterminated_final_line_is_discarded(self) -> None:
        """A final line without a line end is not parsed at all."""
        assert decode([b"data: a\n\ndata: b"]) == [msg("a")]

    def test_close_on_fresh_decoder(self) -> None:
        """close() without any input returns nothing."""
        assert SSEDecoder().close() == []

    def test_decoder_is_reusable_after_close(self) -> None:
        """After close() the decoder starts a new stream with empty buffers."""
        decoder = SSEDecoder()
        decoder.feed(b"event: e\ndata: half")
        decoder.close()
        assert decode([b"data: new\n\n"], decoder) == [msg("new")]

    def test_trailing_cr_at_end_of_stream(self) -> None:
        """A final CR ends the last line; an LF can no longer follow."""
        assert decode([b"data: a\r\r"]) == [msg("a")]


class TestLimits:
    def test_line_at_the_limit_is_accepted(self) -> None:
        """A line exactly max_line_size characters long decodes."""
        line = b"data: " + b"x" * 94
        assert SSEDecoder(max_line_size=100).feed(line + b"\n\n") == [msg_event("x" * 94)]

    @pytest.mark.parametrize("size", [1, 7, 64, 4096])
    def test_long_line_raises(self, size: int) -> None:
        """A line over max_line_size raises, whatever the chunk size."""
        stream = b"data: " + b"x" * 95 + b"\n\n"
        decoder = SSEDecoder(max_line_size=100)
        with pytest.raises(SSEDecodeError, match="max_line_size"):
            for i in range(0, len(stream), size):
                decoder.feed(stream[i : i + size])

    def test_endless_line_raises_before_its_end(self) -> None:
        """A line that never ends raises once it passes the limit, bounding memory."""
        decoder = SSEDecoder(max_line_size=1000)
        with pytest.raises(SSEDecodeError, match="max_line_size"):
            for _ in range(100):
                decoder.feed(b"x" * 100)

    def test_long_comment_line_also_counts(self) -> None:
        """Comments are lines too and are bounded the same way."""
        with pytest.raises(SSEDecodeError):
            SSEDecoder(max_line_size=10).feed(b":" + b"x" * 20 + b"\n")

    def test_event_at_the_limit_is_accepted(self) -> None:
        """Event data exactly max_event_size characters long decodes."""
        decoder = SSEDecoder(max_event_size=11)
        assert decoder.feed(b"data: 12345\ndata: 12345\n\n") == [msg_event("12345\n12345")]

    @pytest.mark.parametrize("size", [1, 5, 1000])
    def test_many_data_lines_over_the_limit_raise(self, size: int) -> None:
        """Data lines adding up to more than max_event_size raise, whatever the chunking."""
        stream = b"data: 12345\n" * 4 + b"\n"
        decoder = SSEDecoder(max_event_size=20)
        with pytest.raises(SSEDecodeError, match="max_event_size"):
            for i in range(0, len(stream), size):
                decoder.feed(stream[i : i + size])

    def test_undispatched_data_is_bounded(self) -> None:
        """Data piling up without a blank line raises before the event ends."""
        decoder = SSEDecoder(max_event_size=1000)
        with pytest.raises(SSEDecodeError, match="max_event_size"):
            for _ in range(100):
                decoder.feed(b"data: " + b"x" * 50 + b"\n")

    def test_single_line_event_over_a_smaller_event_limit(self) -> None:
        """With max_event_size below max_line_size, one long data line still raises."""
        decoder = SSEDecoder(max_line_size=100, max_event_size=10)
        with pytest.raises(SSEDecodeError, match="max_event_size"):
            decoder.feed(b"data: " + b"x" * 20 + b"\n\n")

    def test_limit_resets_per_event(self) -> None:
        """Each event gets its own budget."""
        decoder = SSEDecoder(max_event_size=10)
        stream = b"data: 12345\n\n" * 50
        assert len(decode([stream[i : i + 3] for i in range(0, len(stream), 3)], decoder)) == 50

    def test_error_is_a_value_error(self) -> None:
        """SSEDecodeError can be caught as ValueError."""
        assert issubclass(SSEDecodeError, ValueError)


class TestWholeBlockChunks:
    """Chunks of whole blocks, as a live stream writes them, one or a few events at a time."""

    FIRST = b"data: first\n\n"

    def started(self, **limits: int) -> SSEDecoder:
        decoder = SSEDecoder(**limits)
        assert decoder.feed(self.FIRST) == [msg_event("first")]
        return decoder

    def test_one_event_per_chunk(self) -> None:
        decoder = self.started()
        assert decoder.feed(b"event: delta\nid: 1\ndata: a\n\n") == [
            msg_event("a", event="delta", id="1")
        ]
        assert decoder.feed(b"data: b\n\n") == [msg_event("b", id="1")]
        assert decoder.feed(b"id: 2\ndata: c\ndata: d\ndata: e\n\n") == [
            msg_event("c\nd\ne", id="2")
        ]
        assert decoder.last_event_id == "2"

    def test_several_blocks_in_one_chunk(self) -> None:
        decoder = self.started()
        assert decoder.feed(b"event: x\ndata: 1\n\nid: 7\n\ndata: 2\n\n\n\n") == [
            msg_event("1", event="x"),
            msg_event("2", id="7"),
        ]

    def test_blocks_without_data_update_the_id_only(self) -> None:
        decoder = self.started()
        assert decoder.feed(b"event: x\nid: 3\n\n") == []
        assert decoder.last_event_id == "3"
        assert decoder.feed(b"data: y\n\n") == [msg_event("y", id="3")]

    def test_id_with_nul_is_ignored(self) -> None:
        decoder = self.started()
        assert decoder.feed(b"id: 4\n\nid: a\0b\ndata: z\n\n") == [msg_event("z", id="4")]

    @pytest.mark.parametrize(
        ("chunk", "expected"),
        [
            (b"data:x\n\n", [msg_event("x")]),
            (b"retry: 25\ndata: x\n\n", [msg_event("x", retry=25)]),
            (b": keep-alive\ndata: x\n\n", [msg_event("x")]),
            (b"data: x\nfoo: bar\n\n", [msg_event("x")]),
            (b"data\n\n", [msg_event("")]),
            (b"data: x\r\n\r\n", [msg_event("x")]),
            (b"event: e\ndata: x\r\n\n", [msg_event("x", event="e")]),
        ],
    )
    def test_other_lines_decode_as_usual(
        self, chunk: bytes, expected: list[ServerSentEvent]
    ) -> None:
        decoder = self.started()
        assert decoder.feed(chunk) == expected
        assert decoder.feed(b"data: next\n\n") == [msg_event("next")]

    def test_a_block_continues_an_unfinished_one(self) -> None:
        decoder = self.started()
        assert decoder.feed(b"event: e\ndata: a\n") == []
        assert decoder.feed(b"data: b\n\n") == [msg_event("a\nb", event="e")]
        assert decoder.feed(b"da") == []
        assert decoder.feed(b"ta: c\n\n") == [msg_event("c")]

    def test_a_cr_ending_the_previous_chunk(self) -> None:
        decoder = self.started()
        assert decoder.feed(b"data: a\r") == []
        assert decoder.feed(b"\ndata: b\n\n") == [msg_event("a\nb")]

    def test_line_over_the_limit_raises(self) -> None:
        decoder = self.started(max_line_size=20)
        with pytest.raises(SSEDecodeError, match="max_line_size"):
            decoder.feed(b"data: " + b"x" * 15 + b"\n\n")

    def test_event_over_the_limit_raises(self) -> None:
        decoder = self.started(max_event_size=8)
        with pytest.raises(SSEDecodeError, match="max_event_size"):
            decoder.feed(b"data: 12345\ndata: 678\n\n")

    def test_limits_leave_whole_blocks_alone_below_them(self) -> None:
        decoder = self.started(max_line_size=20, max_event_size=8)
        assert decoder.feed(b"data: 1234\ndata: 567\n\n") == [msg_event("1234\n567")]


class TestLinearTime:
    def test_16mb_single_line_event_in_512_byte_chunks(self) -> None:
        """A 16 MB one-line event arriving in 512-byte chunks decodes in linear time."""
        stream = b"data: " + b"x" * 16_000_000 + b"\n\n"
        decoder = SSEDecoder(max_line_size=32 << 20)
        start = time.perf_counter()
        events = [e for i in range(0, len(stream), 512) for e in decoder.feed(stream[i : i + 512])]
        elapsed = time.perf_counter() - start
        assert [len(e.data) for e in events] == [16_000_000]
        assert elapsed < 3.0  # about 0.1 s; a quadratic decoder takes many seconds

    def test_16mb_multi_line_event_in_512_byte_chunks(self) -> None:
        """A 16 MB event of many short data lines decodes in linear time within the limits."""
        stream = b"data: " + b"x" * 1000 + b"\n"
        stream = stream * 16_000 + b"\n"
        decoder = SSEDecoder()
        start = time.perf_counter()
        events = [e for i in range(0, len(stream), 512) for e in decoder.feed(stream[i : i + 512])]
        elapsed = time.perf_counter() - start
        assert [len(e.data) for e in events] == [16_000 * 1001 - 1]
        assert elapsed < 3.0


class TestServerSentEvent:
    def test_defaults(self) -> None:
        """A bare event is a "message" with empty data and id and no retry."""
        assert ServerSentEvent() == ServerSentEvent("message", "", "", None)

    def test_json(self) -> None:
        """json() parses the data."""
        assert ServerSentEvent(data='{"a": [1, 2]}').json() == {"a": [1, 2]}

    def test_frozen(self) -> None:
        """Events are immutable and hashable."""
        event = SSEDecoder().feed(b"data: x\n\n")[0]
        with pytest.raises(dataclasses.FrozenInstanceError):
            event.data = "y"  # type: ignore[misc]
        assert hash(event) == hash(ServerSentEvent(data="x"))

    def test_decoded_events_are_real_instances(self) -> None:
        """Decoded events are ServerSentEvent instances equal to constructed ones."""
        event = SSEDecoder().feed(b"event: e\nid: 1\nretry: 5\ndata: x\n\n")[0]
        assert type(event) is ServerSentEvent
        assert event == ServerSentEvent(event="e", data="x", id="1", retry=5)
        assert dataclasses.asdict(event) == {"event": "e", "data": "x", "id": "1", "retry": 5}


class TestEncodeEvent:
    def test_minimal_event(self) -> None:
        """Data alone gives one data line and the blank line."""
        assert encode_event("hi") == b"data: hi\n\n"

    def test_all_fields(self) -> None:
        """Every field appears once, before the data, and the block ends with a blank line."""
        encoded = encode_event("x", event="delta", id="7", retry=3000)
        assert encoded == b"event: delta\nid: 7\nretry: 3000\ndata: x\n\n"

    @pytest.mark.parametrize("newline", ["\n", "\r", "\r\n"], ids=["LF", "CR", "CRLF"])
    def test_multiline_data_becomes_several_lines(self, newline: str) -> None:
        """Data is split at CRLF, CR and LF; decoding gives the lines joined with LF."""
        encoded = encode_event(f"a{newline}{newline}b{newline}")
        assert encoded == b"data: a\ndata: \ndata: b\ndata: \n\n"
        assert data_of(encoded) == ["a\n\nb\n"]

    def test_round_trip(self) -> None:
        """Decoding encoded events gives them back, ids persisting as the spec says."""
        stream = (
            encode_event("a", event="e", id="1", retry=10)
            + encode_comment("keep-alive")
            + encode_event("", event="")
            + encode_event(" spaced \u00e9", id="")
            + encode_event("\0:x", event=" e: 2")
        )
        assert decode([stream]) == [
            msg("a", "e", "1", 10),
            msg("", "message", "1"),
            msg(" spaced \u00e9"),
            msg("\0:x", " e: 2"),
        ]

    def test_empty_id_resets_the_last_event_id(self) -> None:
        """id="" is written, and resets the client's last event id."""
        assert encode_event("x", id="") == b"id: \ndata: x\n\n"

    def test_utf8_output(self) -> None:
        """The encoding is UTF-8 without a BOM."""
        assert encode_event("\u00e9") == b"data: \xc3\xa9\n\n"

    @pytest.mark.parametrize("bad", ["a\nb", "a\rb", "a\0b", "\r\n"], ids=repr)
    def test_event_type_with_line_end_or_nul_is_rejected(self, bad: str) -> None:
        """An event type that would break the framing raises ValueError."""
        with pytest.raises(ValueError, match="event type"):
            encode_event("x", event=bad)

    @pytest.mark.parametrize("bad", ["a\nb", "a\rb", "a\0b"], ids=repr)
    def test_id_with_line_end_or_nul_is_rejected(self, bad: str) -> None:
        """An id that would break the framing or be ignored by clients raises ValueError."""
        with pytest.raises(ValueError, match="id"):
            encode_event("x", id=bad)

    def test_negative_retry_is_rejected(self) -> None:
        """A retry that clients would ignore raises ValueError."""
        with pytest.raises(ValueError, match="retry"):
            encode_event("x", retry=-1)


class TestEncodeComment:
    def test_comment(self) -> None:
        """A comment is a colon line; an empty one is a bare colon."""
        assert encode_comment("ping") == b": ping\n"
        assert encode_comment() == b":\n"

    def test_multiline_comment(self) -> None:
        """Each line of a multi-line comment becomes its own comment line."""
        assert encode_comment("a\r\nb\rc\nd") == b": a\n: b\n: c\n: d\n"

    def test_comments_are_invisible_to_the_decoder(self) -> None:
        """Comments between and inside events change nothing."""
        stream = encode_comment("x\ny") + b"data: a\n" + encode_comment() + b"data: b\n\n"
        assert decode([stream]) == [msg("a\nb")]
