"""Benchmark agentkit's SSE decoder against httpx-sse 0.4.3 and openai's decoder.

Run with ``python tests/benchmarks/bench_sse.py [--retain]``. Every decoder gets the same
byte chunks: 64 KiB and 1 KiB slices of the body, and one event per chunk, which is how a live
token stream arrives (the server writes each event as it is made). Runs are interleaved (each
round times every decoder once, so a noisy moment on a shared machine hits all of them); a
row's ratio is the median of the rounds' ratios, its rates the medians of the rounds' rates.
Exits 1 if agentkit misses a target: at least 2x the events/s of httpx-sse on small token
deltas (in every chunking, one event per chunk included) and at least 1x on the other shapes.

By default each batch of decoded events is dropped once counted, as a streaming consumer
would. ``--retain`` keeps all of them alive until the end of the run; the extra
garbage-collector work is about the same per event for every decoder, so it narrows the
ratios without changing the order.
"""

from __future__ import annotations

import argparse
import codecs
import gc
import re
import statistics
import string
import sys
import time
from collections.abc import Callable
from pathlib import Path

from httpx_sse._decoders import SSEDecoder as HttpxSSEDecoder
from httpx_sse._decoders import SSELineDecoder

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from agentkit._sse import SSEDecoder

try:
    from openai._streaming import SSEDecoder as OpenAISSEDecoder
except ImportError:  # pragma: no cover
    OpenAISSEDecoder = None  # type: ignore[assignment,misc]

RUNS = 5
CHUNK_SIZES: tuple[int | None, ...] = (64 * 1024, 1024, None)  # None: one event per chunk

Decode = Callable[[list[bytes], bool], int]


# --- Corpora ---------------------------------------------------------------------------


def token_deltas(n: int = 200_000) -> bytes:
    """``n`` small LLM token-delta events with an event type and an id."""
    return "".join(
        f'event: delta\nid: {i}\ndata: {{"type":"text_delta","content":"tok"}}\n\n'
        for i in range(n)
    ).encode()


def large_events(n: int = 2_000, size: int = 50_000) -> bytes:
    """``n`` events whose single data line is a JSON object of about ``size`` characters."""
    alphabet = string.ascii_letters + string.digits
    filler = (alphabet * (size // len(alphabet) + 1))[:size]
    return "".join(
        f'event: blob\nid: {i}\ndata: {{"type":"blob","content":"{i}{filler}"}}\n\n'
        for i in range(n)
    ).encode()


def crlf_multiline(n: int = 20_000, lines: int = 5) -> bytes:
    """``n`` CRLF-terminated events, each with ``lines`` data lines."""
    return "".join(
        f"event: chunk\r\nid: {i}\r\n"
        + "".join(f"data: line {j} of event {i}, some words of text\r\n" for j in range(lines))
        + "\r\n"
        for i in range(n)
    ).encode()


SHAPES: list[tuple[str, Callable[[], bytes], int, float]] = [
    ("token deltas", token_deltas, 200_000, 2.0),
    ("~50 KB events", large_events, 2_000, 1.0),
    ("CRLF 5-line events", crlf_multiline, 20_000, 1.0),
]


def chunked(body: bytes, size: int | None) -> list[bytes]:
    if size is None:
        return re.findall(rb".*?(?:\r\n\r\n|\n\n)", body, re.DOTALL)
    return [body[i : i + size] for i in range(0, len(body), size)]


# --- Decoders under test -----------------------------------------------------------------


def decode_agentkit(chunks: list[bytes], retain: bool) -> int:
    decoder = SSEDecoder()
    kept: list[object] = []
    count = 0
    for chunk in chunks:
        batch = decoder.feed(chunk)
        count += len(batch)
        if retain:
            kept.extend(batch)
    return count + len(decoder.close())


def _httpx_text_decoder() -> Callable[[bytes], str]:
    # httpx's iter_text/aiter_text decode through this incremental decoder.
    try:
        from httpx._decoders import TextDecoder
    except ImportError:  # pragma: no cover
        return codecs.getincrementaldecoder("utf-8")(errors="replace").decode
    return TextDecoder("utf-8").decode


def decode_httpx_sse(chunks: list[bytes], retain: bool) -> int:
    # httpx_sse.EventSource.iter_sse without the response: bytes -> text -> lines -> events.
    text_decode = _httpx_text_decoder()
    lines = SSELineDecoder()
    decode = HttpxSSEDecoder().decode
    kept: list[object] = []
    count = 0
    for chunk in chunks:
        text = text_decode(chunk)
        if text:
            batch = [event for line in lines.decode(text) if (event := decode(line)) is not None]
            count += len(batch)
            if retain:
                kept.extend(batch)
    return count + sum(decode(line) is not None for line in lines.flush())


def decode_openai(chunks: list[bytes], retain: bool) -> int:
    events = OpenAISSEDecoder().iter_bytes(iter(chunks))
    return len(list(events)) if retain else sum(1 for _ in events)


def check_agreement(name: str, body: bytes) -> None:
    """Stop if agentkit and httpx-sse disagree on a corpus: wrong answers are always fast."""
    decoder = SSEDecoder()
    ours = [(e.event, e.data, e.id) for e in decoder.feed(body) + decoder.close()]
    decode = HttpxSSEDecoder().decode
    lines = SSELineDecoder().decode(body.decode())
    theirs = [(e.event, e.data, e.id) for line in lines if (e := decode(line)) is not None]
    if ours != theirs:
        raise SystemExit(f"{name}: agentkit and httpx-sse decode different events")


# --- Measurement -------------------------------------------------------------------------


def median_rates(
    decoders: dict[str, Decode], chunks: list[bytes], expected: int, retain: bool
) -> tuple[dict[str, float], dict[str, float]]:
    """Median events/s of each decoder over RUNS interleaved rounds, and the median of each
    round's ratio of agentkit's rate to the decoder's."""
    times: dict[str, list[float]] = {name: [] for name in decoders}
    for _ in range(RUNS):
        for name, decode in decoders.items():
            gc.collect()
            start = time.perf_counter()
            count = decode(chunks, retain)
            elapsed = time.perf_counter() - start
            if count != expected:
                raise SystemExit(f"{name} decoded {count} events, expected {expected}")
            times[name].append(elapsed)
    rates = {name: expected / statistics.median(spent) for name, spent in times.items()}
    ratios = {
        name: statistics.median(
            theirs / ours for ours, theirs in zip(times["agentkit"], spent, strict=True)
        )
        for name, spent in times.items()
    }
    return rates, ratios


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description="SSE decoder benchmark")
    parser.add_argument(
        "--retain", action="store_true", help="keep every decoded event alive until the run ends"
    )
    args = parser.parse_args(argv)
    decoders: dict[str, Decode] = {"agentkit": decode_agentkit, "httpx-sse": decode_httpx_sse}
    if OpenAISSEDecoder is not None and hasattr(OpenAISSEDecoder, "iter_bytes"):
        decoders["openai"] = decode_openai
    mode = "events retained" if args.retain else "events counted and dropped"
    print(f"SSE decoders, {mode}, medians of {RUNS} rounds, Python {sys.version.split()[0]}")
    header = (
        f"{'shape':<20} {'chunk':>6} {'agentkit ev/s':>14} {'httpx-sse ev/s':>15} "
        f"{'openai ev/s':>12} {'ak/httpx-sse':>12} {'ak/openai':>10} {'target':>7}  result"
    )
    print(header)
    print("-" * len(header))
    failed = False
    for name, build, count, target in SHAPES:
        body = build()
        check_agreement(name, body)
        for size in CHUNK_SIZES:
            rates, ratios = median_rates(decoders, chunked(body, size), count, args.retain)
            ours = rates["agentkit"]
            ratio = ratios["httpx-sse"]
            openai_rate = openai_ratio = "n/a"
            if "openai" in rates:
                openai_rate = f"{rates['openai']:,.0f}"
                openai_ratio = f"{ratios['openai']:.2f}x"
            ok = ratio >= target
            failed |= not ok
            label = "event" if size is None else f"{size // 1024}K"
            print(
                f"{name:<20} {label:>6} {ours:>14,.0f} {rates['httpx-sse']:>15,.0f} "
                f"{openai_rate:>12} {ratio:>11.2f}x {openai_ratio:>10} {target:>6.1f}x  "
                f"{'PASS' if ok else 'FAIL'}"
            )
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
