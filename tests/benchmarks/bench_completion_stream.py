"""Completion chunks per second through the SDK and through the official ``openai`` client,
reading the same reference server in the same run.

The server runs as its own process (``agentkit serve`` on loopback). A scripted agent streams a
completion of CHUNKS text chunks (``/long N``) from ``POST /openai/v1/chat/completions``, read
by:

- the SDK, ``client.completions.stream(...)``: typed chunks (``OpenAIChatCompletionChunk``
  models) and the running summary of text, tool calls and usage;
- the official ``openai`` client, ``client.chat.completions.create(stream=True)``: its typed
  ``ChatCompletionChunk`` models.

Both sync, both with the server's usage chunk. Rounds are interleaved (each round runs every
reader once); a reader's ratio is the median of the rounds' ratios. Target: the SDK's chunk
rate at least TARGET times openai's, in wall time. Chunks per CPU second of this process are
printed too: both readers share the same server, whose share of the machine bounds the faster
reader, so the wall-time ratio understates its lead on a busy machine.
"""

from __future__ import annotations

import gc
import statistics
import sys
import time
from collections.abc import Callable
from typing import Any

import openai
from bench_session_stream import serve

from agentkit import AgentKit

CHUNKS = 20_000
ROUNDS = 5
TARGET = 2.0
PROMPT = f"/long {CHUNKS}"
# The role chunk, the text chunks, the finish chunk, the usage chunk.
EXPECTED = CHUNKS + 3


def read_sdk(client: AgentKit) -> tuple[int, str]:
    count = 0
    with client.completions.stream("Bench", PROMPT) as stream:
        for _ in stream:
            count += 1
    assert stream.usage is not None and stream.usage.completion_tokens == CHUNKS
    return count, stream.text


def read_openai(client: openai.OpenAI) -> tuple[int, str]:
    count = 0
    pieces = []
    stream = client.chat.completions.create(
        model="Bench",
        messages=[{"role": "user", "content": PROMPT}],
        stream=True,
        stream_options={"include_usage": True},
    )
    with stream:
        for chunk in stream:
            count += 1
            if chunk.choices and chunk.choices[0].delta.content:
                pieces.append(chunk.choices[0].delta.content)
    return count, "".join(pieces)


def measure(readers: dict[str, Callable[[], tuple[int, str]]], peer: str) -> dict[str, Any]:
    wall: dict[str, list[float]] = {name: [] for name in readers}
    cpu: dict[str, list[float]] = {name: [] for name in readers}
    expected_text = "".join(f"tok{i} " for i in range(CHUNKS))
    for _ in range(ROUNDS):
        for name, read in readers.items():
            gc.collect()
            started, started_cpu = time.perf_counter(), time.process_time()
            count, text = read()
            wall[name].append(time.perf_counter() - started)
            cpu[name].append(time.process_time() - started_cpu)
            if count != EXPECTED or text != expected_text:
                raise SystemExit(f"{name} read {count} chunks, expected {EXPECTED}")

    def ratio(spent: dict[str, list[float]], name: str) -> float:
        return statistics.median(p / o for o, p in zip(spent[name], spent[peer], strict=True))

    return {
        name: (
            EXPECTED / statistics.median(wall[name]),
            EXPECTED / statistics.median(cpu[name]),
            ratio(wall, name),
            ratio(cpu, name),
        )
        for name in readers
    }


def main() -> int:
    with serve() as (base_url, key):
        client = AgentKit(api_key=key, base_url=base_url, stream_idle_timeout=None)
        client.agents.create(name="Bench", brain="scripted")
        oai = openai.OpenAI(base_url=f"{base_url}/openai/v1", api_key=key, max_retries=0)
        try:
            results = measure(
                {"agentkit": lambda: read_sdk(client), "openai": lambda: read_openai(oai)},
                peer="openai",
            )
        finally:
            oai.close()
            client.close()
    print(
        f"completion stream of {EXPECTED:,} chunks over loopback, medians of {ROUNDS} rounds,"
        f" Python {sys.version.split()[0]}, openai {openai.__version__}"
    )
    failed = False
    for name, (rate, cpu_rate, wall_ratio, cpu_ratio) in results.items():
        verdict = ""
        if name == "agentkit":
            ok = wall_ratio >= TARGET
            failed |= not ok
            verdict = f"  target {TARGET:.1f}x openai  {'PASS' if ok else 'FAIL'}"
        print(
            f"  {name:<9} {rate:>9,.0f} chunks/s {wall_ratio:>5.2f}x openai"
            f"  {cpu_rate:>9,.0f} chunks/CPU s {cpu_ratio:>5.2f}x{verdict}"
        )
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
