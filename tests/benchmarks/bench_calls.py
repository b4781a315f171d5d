"""Cost of one SDK call over raw httpx, against the openai client's cost, in one run.

2,000 sequential ``client.agents.get(...)`` calls over an in-process mock transport (no network:
this measures the SDK, not the server), against the same request made with raw httpx (and its
JSON decoded), and the openai client's equivalent (``models.retrieve``) over its own mock
transport. Target: at most 100 µs added per call over raw httpx.
"""

from __future__ import annotations

import json
import statistics
import sys
import time
from collections.abc import Callable

import httpx

from agentkit import AgentKit

CALLS = 2_000
ROUNDS = 5
TARGET_US = 100.0

AGENT = {
    "id": "agt_123",
    "name": "Support Bot",
    "description": None,
    "instructions": "Be brief.",
    "brain": "echo",
    "model_profile": None,
    "streaming": True,
    "sub_agent_ids": [],
    "prompt_suggestions": [],
    "metadata": {"team": "support"},
    "created_at": "2026-01-01T00:00:00Z",
    "updated_at": "2026-01-01T00:00:00Z",
}
MODEL = {"id": "gpt-x", "object": "model", "created": 1700000000, "owned_by": "me"}


def _respond(body: dict[str, object]) -> Callable[[httpx.Request], httpx.Response]:
    payload = json.dumps(body).encode()
    headers = {"content-type": "application/json", "x-request-id": "req_1"}
    return lambda request: httpx.Response(200, content=payload, headers=headers)


def best_per_call(run: Callable[[], None]) -> float:
    """Best-of-rounds seconds per call."""
    timings = []
    for _ in range(ROUNDS):
        started = time.perf_counter()
        for _ in range(CALLS):
            run()
        timings.append((time.perf_counter() - started) / CALLS)
    return min(timings)


def main() -> int:
    raw = httpx.Client(base_url="http://sdk.test", transport=httpx.MockTransport(_respond(AGENT)))
    sdk = AgentKit(
        api_key="ak_bench",
        base_url="http://sdk.test",
        transport=httpx.MockTransport(_respond(AGENT)),
    )
    raw_s = best_per_call(lambda: raw.get("/v1/agents/agt_123").json())
    sdk_s = best_per_call(lambda: sdk.agents.get("agt_123"))
    openai_s: float | None = None
    try:
        import httpx2
        import openai

        oa = openai.OpenAI(
            api_key="sk-bench",
            base_url="http://sdk.test/v1",
            http_client=httpx2.Client(transport=httpx2.MockTransport(_respond_httpx2(MODEL))),
        )
        raw2 = httpx2.Client(
            base_url="http://sdk.test", transport=httpx2.MockTransport(_respond_httpx2(MODEL))
        )
        raw2_s = best_per_call(lambda: raw2.get("/v1/models/gpt-x").json())
        openai_s = best_per_call(lambda: oa.models.retrieve("gpt-x")) - raw2_s
    except ImportError:
        pass
    added_us = (sdk_s - raw_s) * 1e6
    print(f"{'client':<28}{'µs/call':>10}{'added over raw':>18}")
    print(f"{'raw httpx (+ .json())':<28}{raw_s * 1e6:>10.1f}{'':>18}")
    print(f"{'agentkit agents.get':<28}{sdk_s * 1e6:>10.1f}{added_us:>16.1f}µs")
    if openai_s is not None:
        print(f"{'openai models.retrieve':<28}{'':>10}{openai_s * 1e6:>16.1f}µs")
    ok = added_us <= TARGET_US
    print(f"target: <= {TARGET_US:.0f} µs added per call: {'PASS' if ok else 'FAIL'}")
    return 0 if ok else 1


def _respond_httpx2(body: dict[str, object]):  # type: ignore[no-untyped-def]
    import httpx2

    payload = json.dumps(body).encode()
    headers = {"content-type": "application/json", "x-request-id": "req_1"}
    return lambda request: httpx2.Response(200, content=payload, headers=headers)


if __name__ == "__main__":
    statistics.mean([0.0])
    sys.exit(main())
