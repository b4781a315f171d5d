"""Whole-process cost of starting to use agentkit against ``import openai``, in one run.

Each row is a fresh interpreter running one snippet:

- ``import agentkit``;
- first use: a client built, ``client.agents`` reached and a first call made (``agents.get``
  over an in-process ``httpx.MockTransport``: the contract read, the route worked out, the
  request built and sent, the response parsed into a model), which is what a program pays
  before its first request leaves;
- ``import openai``.

Compiled bytecode is written first (every snippet runs once with bytecode writing on), since an
installed package has it and the machines may run with ``PYTHONDONTWRITEBYTECODE``. Rounds are
interleaved (each round runs every snippet once, in a rotating order, so a noisy moment on a
shared machine hits all of them) and the medians of ROUNDS rounds count.

Targets: ``import agentkit`` at most a third of openai's wall time and peak memory; first use at
most a third of openai's wall time.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import time

ROUNDS = 9
TARGET = 1 / 3

# Written out rather than imported from bench_calls: what this process imports counts in the
# peak memory of the children it starts (their pages are this one's until they exec).
AGENT = {
    "id": "agt_123",
    "name": "Bot",
    "description": None,
    "instructions": "Be brief.",
    "brain": "echo",
    "model_profile": None,
    "provider_id": None,
    "guardrail_ids": [],
    "streaming": True,
    "sub_agent_ids": [],
    "prompt_suggestions": [],
    "metadata": {},
    "created_at": "2026-01-01T00:00:00Z",
    "updated_at": "2026-01-01T00:00:00Z",
}

FIRST_USE = (
    "from agentkit import AgentKit\n"
    "import httpx\n"
    f"agent = {AGENT!r}\n"
    "transport = httpx.MockTransport(lambda request: httpx.Response(200, json=agent))\n"
    "client = AgentKit(api_key='k', transport=transport)\n"
    f"assert client.agents.get({AGENT['id']!r}).name == {AGENT['name']!r}\n"
)
SNIPPETS = {
    "pass": "pass",
    "import agentkit": "import agentkit",
    "first use (client, .agents, first call)": FIRST_USE,
    "import openai": "import openai",
}


def _environment() -> dict[str, str]:
    env = os.environ.copy()
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


def run_once(code: str, env: dict[str, str]) -> tuple[float, float]:
    """Wall seconds and peak RSS in MiB of a fresh interpreter running ``code``."""
    started = time.perf_counter()
    child = subprocess.Popen([sys.executable, "-c", code], env=env)
    _, status, usage = os.wait4(child.pid, 0)
    elapsed = time.perf_counter() - started
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"{code!r} failed")
    return elapsed, usage.ru_maxrss / 1024


def main() -> int:
    env = _environment()
    for code in SNIPPETS.values():  # writes the bytecode of every module the snippets load
        run_once(code, env)
    times: dict[str, list[float]] = {name: [] for name in SNIPPETS}
    peaks: dict[str, list[float]] = {name: [] for name in SNIPPETS}
    names = list(SNIPPETS)
    for round_ in range(ROUNDS):
        shift = round_ % len(names)
        for name in names[shift:] + names[:shift]:
            wall, rss = run_once(SNIPPETS[name], env)
            times[name].append(wall)
            peaks[name].append(rss)
    wall = {name: statistics.median(values) for name, values in times.items()}
    rss = {name: statistics.median(values) for name, values in peaks.items()}
    print(f"python -c, medians of {ROUNDS} interleaved rounds, bytecode compiled")
    print(f"{'snippet':<44}{'wall s':>10}{'peak MiB':>10}{'/openai':>9}")
    for name in names:
        print(
            f"{name:<44}{wall[name]:>10.3f}{rss[name]:>10.1f}{wall[name] / wall['import openai']:>9.2f}"
        )
    openai_wall, openai_rss = wall["import openai"], rss["import openai"]
    checks = [
        ("import agentkit time", wall["import agentkit"] / openai_wall),
        ("import agentkit memory", rss["import agentkit"] / openai_rss),
        ("first use time", wall["first use (client, .agents, first call)"] / openai_wall),
    ]
    failed = False
    for label, ratio in checks:
        ok = ratio <= TARGET
        failed |= not ok
        print(
            f"{label} / import openai: {ratio:.2f} (target <= {TARGET:.2f}): "
            f"{'PASS' if ok else 'FAIL'}"
        )
    first_use_rss = rss["first use (client, .agents, first call)"] / openai_rss
    print(f"first use memory / import openai: {first_use_rss:.2f} (for information)")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
