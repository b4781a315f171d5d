"""The SDK as a type checker sees it from a user's script.

The scripts under ``examples/`` are written as users write them and checked with
``mypy --strict --disallow-any-expr``, from outside the project (its mypy settings do not
apply), the way mypy reads an installed agentkit: a public call whose result is ``Any``, or a
common path that needs a ``cast`` or an ignore, fails here.
"""

from __future__ import annotations

import re
import subprocess
import sys
import tomllib
from pathlib import Path

import agentkit

EXAMPLES = Path(__file__).parent / "examples"
ROOT = Path(__file__).resolve().parents[2]
FLAGS = ["--strict", "--disallow-any-expr", "--no-error-summary", "--hide-error-context"]


def mypy(paths: list[Path], cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "mypy", *FLAGS, "--cache-dir", str(cwd / ".mypy_cache")]
        + [str(path) for path in paths],
        capture_output=True,
        text=True,
        cwd=cwd,
        timeout=300,
    )


class TestUserScripts:
    def test_the_examples_type_check_without_any(self, tmp_path: Path) -> None:
        """Every example passes mypy --strict with no expression of type Any."""
        done = mypy(sorted(EXAMPLES.glob("*.py")), tmp_path)
        assert done.returncode == 0, done.stdout + done.stderr

    def test_the_examples_need_no_escape_hatch(self) -> None:
        """No example casts, ignores an error or types anything as Any to get through."""
        escape = re.compile(r"\bcast\(|type:\s*ignore|\bAny\b")
        for path in EXAMPLES.glob("*.py"):
            found = escape.findall(path.read_text(encoding="utf-8"))
            assert not found, f"{path.name}: {found}"

    def test_an_any_result_fails_the_check(self, tmp_path: Path) -> None:
        """The check catches a call whose result is Any: it would not pass silently."""
        script = tmp_path / "untyped.py"
        script.write_text(
            "from agentkit import AgentKit\n"
            "client = AgentKit()\n"
            "print(client._call('agents_get', agent_id='agt_1').parsed)\n",
            encoding="utf-8",
        )
        done = mypy([script], tmp_path)
        assert done.returncode == 1
        assert 'Expression has type "Any"' in done.stdout or 'contains "Any"' in done.stdout


class TestPackaging:
    def test_the_package_says_it_is_typed(self) -> None:
        """agentkit ships the PEP 561 marker, so installed copies are type checked."""
        assert (Path(agentkit.__file__).parent / "py.typed").is_file()

    def test_the_wheel_takes_the_whole_package_directory(self) -> None:
        """The wheel is built from the package directories, marker files included."""
        config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
        wheel = config["tool"]["hatch"]["build"]["targets"]["wheel"]
        assert "agentkit" in wheel["packages"]
        assert not any("py.typed" in pattern for pattern in wheel.get("exclude", []))
        assert "py.typed" not in (ROOT / ".gitignore").read_text(encoding="utf-8")
