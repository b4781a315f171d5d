"""The wire objects the benchmarks answer with must stay valid as the contract grows: a
benchmark that fails to parse its own fixture measures nothing."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

import pytest
from agentkit_api.models import Agent

from tests.unit.samples import AGENT as SAMPLE_AGENT

BENCHMARKS = Path(__file__).resolve().parents[1] / "benchmarks"


def _load(name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(name, BENCHMARKS / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize("benchmark", ["bench_calls", "bench_import"])
def test_the_agent_a_benchmark_answers_with_is_a_whole_agent(benchmark: str) -> None:
    agent = _load(benchmark).AGENT
    assert set(agent) == set(SAMPLE_AGENT)
    assert Agent.from_dict(agent).name == agent["name"]  # every required field is there
