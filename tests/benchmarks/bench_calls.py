"""Cost of one SDK call over raw httpx, against the openai client's cost, in one run.

2,000 sequential ``client.agents.get(...)`` calls over an in-process mock transport (no network:
this measures the SDK, not the server), against the same request made with raw httpx (its JSON
decoded), the typed floor (raw httpx, then the generated ``Agent.from_dict``), and the openai
client's equivalent (``models.retrieve``) over its own mock transport. The three agentkit-side
measurements are interleaved round by round and each is the median of its rounds. Target: at
most 50 µs added per call over the typed floor.
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
ROUNDS = 7
TARGET_US = 50.0

AGENT = {
    "id": "agt_123",
    "name": "Support Bot",
    "description": None,
    "instructions": "Be brief.",
    "brain": "echo",
    "model_profile": None,
    "provider_id": None,
    "guardrail_ids": [],
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


def per_call(run: Callable[[], None]) -> float:
    """Seconds per call over one round."""
    started = time.perf_counter()
    for _ in range(CALLS):
        run()
    return (time.perf_counter() - started) / CALLS


def best_per_call(run: Callable[[], None]) -> float:
    """Best-of-rounds seconds per call."""
    return min(per_call(run) for _ in range(ROUNDS))


def interleaved_medians(runs: list[Callable[[], None]]) -> list[float]:
    """Median seconds per call of each run, the runs taking turns round by round, so that a
    noisy moment on the machine falls on all of them alike."""
    timings: list[list[float]] = [[] for _ in runs]
    for _ in range(ROUNDS):
        for timing, run in zip(timings, runs, strict=True):
            timing.append(per_call(run))
    return [statistics.median(timing) for timing in timings]


def main() -> int:
    raw = httpx.Client(base_url="http://sdk.test", transport=httpx.MockTransport(_respond(AGENT)))
    sdk = AgentKit(
        api_key="ak_bench",
        base_url="http://sdk.test",
        transport=httpx.MockTransport(_respond(AGENT)),
    )
    from agentkit_api.models import Agent

    raw_s, typed_s, sdk_s = interleaved_medians(
        [
            lambda: raw.get("/v1/agents/agt_123").json(),
            lambda: Agent.from_dict(raw.get("/v1/agents/agt_123").json()),
            lambda: sdk.agents.get("agt_123"),
        ]
    )
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
    added_us = (sdk_s - typed_s) * 1e6
    print(f"{'client':<34}{'µs/call':>10}{'added over raw':>18}")
    print(f"{'raw httpx (+ .json())':<34}{raw_s * 1e6:>10.1f}{'':>18}")
    typed_us = (typed_s - raw_s) * 1e6
    print(f"{'typed floor (+ Agent.from_dict)':<34}{typed_s * 1e6:>10.1f}{typed_us:>16.1f}µs")
    sdk_us = (sdk_s - raw_s) * 1e6
    print(f"{'agentkit agents.get':<34}{sdk_s * 1e6:>10.1f}{sdk_us:>16.1f}µs")
    if openai_s is not None:
        print(f"{'openai models.retrieve':<34}{'':>10}{openai_s * 1e6:>16.1f}µs")
    ok = added_us <= TARGET_US
    verdict = "PASS" if ok else "FAIL"
    print(
        f"agentkit over the typed floor: {added_us:.1f} µs (target <= {TARGET_US:.0f}): {verdict}"
    )
    return 0 if ok else 1


def _respond_httpx2(body: dict[str, object]):  # type: ignore[no-untyped-def]
    import httpx2

    payload = json.dumps(body).encode()
    headers = {"content-type": "application/json", "x-request-id": "req_1"}
    return lambda request: httpx2.Response(200, content=payload, headers=headers)


if __name__ == "__main__":
    sys.exit(main())
