"""Every error code the server can answer is one the contract documents, with its status."""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import pytest

import agentkit.server
from agentkit._contract import contract
from agentkit.server.core.errors import ApiError

SERVER = Path(agentkit.server.__file__).parent


def _trees() -> Iterator[tuple[Path, ast.Module]]:
    for path in sorted(SERVER.rglob("*.py")):
        yield path, ast.parse(path.read_text(encoding="utf-8"), str(path))


def _name(node: ast.expr) -> str | None:
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        return node.attr
    return None


def _code_positions(trees: list[tuple[Path, ast.Module]]) -> dict[str, int]:
    """Functions that take an error code, by name: the position of their ``code`` argument."""
    positions = {"ApiError": 0}
    for _, tree in trees:
        for node in ast.walk(tree):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                names = [arg.arg for arg in node.args.args if arg.arg not in ("self", "cls")]
                if "code" in names:
                    positions[node.name] = names.index("code")
    return positions


def _raised_codes() -> dict[str, list[str]]:
    """Each error code written as a literal in the server, with where it is written.

    A literal counts when it is the code argument of ``ApiError`` or of a function that takes a
    ``code`` parameter (positionally or by keyword), or the ``error_code`` of a message block.
    """
    trees = list(_trees())
    positions = _code_positions(trees)
    found: dict[str, list[str]] = {}

    def note(node: ast.expr, path: Path) -> None:
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            where = f"{path.relative_to(SERVER)}:{node.lineno}"
            found.setdefault(node.value, []).append(where)

    for path, tree in trees:
        for node in ast.walk(tree):
            if isinstance(node, ast.Call):
                position = positions.get(_name(node.func) or "")
                if position is not None and len(node.args) > position:
                    note(node.args[position], path)
                for keyword in node.keywords:
                    if keyword.arg == "code" and position is not None:
                        note(keyword.value, path)
            elif isinstance(node, ast.Dict):
                for key, value in zip(node.keys, node.values, strict=True):
                    if isinstance(key, ast.Constant) and key.value == "error_code":
                        note(value, path)
    return found


def test_the_scan_sees_the_codes_the_server_raises() -> None:
    """The scan finds codes of every kind of site: raised, returned, and logged in a turn."""
    codes = _raised_codes()
    for code in ("AGENT_NOT_FOUND", "VALIDATION_ERROR", "SESSION_BUSY", "AGENT_ERROR"):
        assert code in codes


def test_every_error_code_the_server_raises_is_in_the_contract() -> None:
    """Each literal error code is in the ``ErrorCode`` enum and has an ``x-statuses`` entry."""
    documented = set(contract().error_codes)
    for code, sites in sorted(_raised_codes().items()):
        assert code in documented, f"{code} ({', '.join(sites)}) is not in ErrorCode"
        assert contract().status_of(code) is not None, f"{code} has no x-statuses entry"


def test_an_error_takes_its_status_from_the_contract() -> None:
    """ApiError answers each code with the contract's status."""
    assert ApiError("SESSION_BUSY", "busy").status == 409
    assert ApiError("INTERNAL_ERROR", "failed").status == 500


def test_an_undocumented_error_code_is_refused_at_once() -> None:
    """A code the contract does not document is a mistake in the server, found on construction."""
    with pytest.raises(ValueError, match="NO_SUCH_CODE"):
        ApiError("NO_SUCH_CODE", "never sent")
