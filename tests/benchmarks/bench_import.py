"""Whole-process cost of ``python -c 'import agentkit'`` against ``import openai``, in one run.

Target: at most a third of openai's wall time and of its peak memory.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time

RUNS = 7


def measure(code: str) -> tuple[float, float]:
    """Best wall seconds and peak RSS in MiB of a fresh interpreter running ``code``."""
    best_time, best_rss = float("inf"), float("inf")
    for _ in range(RUNS):
        started = time.perf_counter()
        child = subprocess.Popen([sys.executable, "-c", code])
        _, status, usage = os.wait4(child.pid, 0)
        elapsed = time.perf_counter() - started
        child.returncode = os.waitstatus_to_exitcode(status)
        if child.returncode != 0:
            raise SystemExit(f"{code!r} failed")
        best_time = min(best_time, elapsed)
        best_rss = min(best_rss, usage.ru_maxrss / 1024)
    return best_time, best_rss


def main() -> int:
    baseline = measure("pass")
    ours = measure("import agentkit")
    # For information: the cost once a client is built and a resource used (models load then).
    in_use = measure("from agentkit import AgentKit; AgentKit(api_key='k').agents")
    theirs = measure("import openai")
    print(f"{'python -c':<48}{'wall s':>10}{'peak MiB':>10}")
    rows = (
        ("pass", baseline),
        ("import agentkit", ours),
        ("AgentKit(...).agents (generated models loaded)", in_use),
        ("import openai", theirs),
    )
    for name, (wall, rss) in rows:
        print(f"{name:<48}{wall:>10.3f}{rss:>10.1f}")
    time_ok = ours[0] <= theirs[0] / 3
    rss_ok = ours[1] <= theirs[1] / 3
    print(
        f"time ratio agentkit/openai: {ours[0] / theirs[0]:.2f} (target <= 0.33): {'PASS' if time_ok else 'FAIL'}"
    )
    print(
        f"memory ratio agentkit/openai: {ours[1] / theirs[1]:.2f}: (target <= 0.33): {'PASS' if rss_ok else 'FAIL'}"
    )
    return 0 if time_ok and rss_ok else 1


if __name__ == "__main__":
    sys.exit(main())
