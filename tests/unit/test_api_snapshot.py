"""The public API check: what it calls a break, and that the recorded API holds today."""

from __future__ import annotations

import copy
import importlib.util
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[2]


def _load() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "api_snapshot", ROOT / "scripts" / "api_snapshot.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["api_snapshot"] = module
    spec.loader.exec_module(module)
    return module


api = _load()


@pytest.fixture(scope="module")
def current() -> dict[str, Any]:
    snapshot: dict[str, Any] = api.snapshot()
    return snapshot


def _start(snapshot: dict[str, Any]) -> list[dict[str, Any]]:
    params: list[dict[str, Any]] = snapshot["api"]["namespace AgentKit.chats"]["members"]["start"][
        "params"
    ]
    return params


def test_the_recorded_api_holds() -> None:
    assert api.main(["--check"]) == 0


def test_the_clients_namespaces_and_their_methods_are_recorded(current: dict[str, Any]) -> None:
    names = [param["name"] for param in _start(current)]
    assert names[:2] == ["agent", "message"]
    assert "namespace AsyncAgentKit.sessions" in current["api"]
    assert current["api"]["AgentKit"]["members"]["chats"]["kind"] == "namespace"


def test_additions_are_no_break(current: dict[str, Any]) -> None:
    new = copy.deepcopy(current)
    _start(new).append({"name": "extra", "kind": "KEYWORD_ONLY", "required": False})
    new["api"]["brand_new"] = {"kind": "function", "params": []}
    assert api.breaks(current, new) == []


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (lambda p: p.pop(1), "lost its parameter 'message'"),
        (lambda p: p[0].update(name="agent_id"), "lost its parameter 'agent'"),
        (lambda p: p[0].update(kind="KEYWORD_ONLY"), "takes 'agent' by keyword only"),
        (lambda p: p.__setitem__(slice(0, 2), [p[1], p[0]]), "moved its parameter 'agent'"),
        (lambda p: p[2].update(required=True), "requires 'chat_id'"),
        (
            lambda p: p.append({"name": "must", "kind": "KEYWORD_ONLY", "required": True}),
            "has a new required parameter 'must'",
        ),
    ],
)
def test_a_call_that_would_no_longer_fit_is_a_break(
    current: dict[str, Any], change: Any, expected: str
) -> None:
    new = copy.deepcopy(current)
    change(_start(new))
    assert api.breaks(current, new) == [f"namespace AgentKit.chats.start {expected}"]


def test_a_name_or_member_gone_is_a_break(current: dict[str, Any]) -> None:
    new = copy.deepcopy(current)
    del new["api"]["namespace AgentKit.chats"]["members"]["end"]
    del new["api"]["RetryPolicy"]
    assert sorted(api.breaks(current, new)) == [
        "RetryPolicy is gone",
        "namespace AgentKit.chats.end is gone",
    ]


@pytest.mark.parametrize(
    ("old", "new", "allowed"),
    [
        ("0.1.0", "0.1.5", False),
        ("0.1.0", "0.2.0", True),
        ("0.9.0", "1.0.0", True),
        ("1.2.0", "1.9.0", False),
        ("1.2.0", "2.0.0", True),
    ],
)
def test_a_break_is_announced_by_the_version(old: str, new: str, allowed: bool) -> None:
    assert api.announced(old, new) is allowed
