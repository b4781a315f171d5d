"""Every Python example of the README runs, in order, against the reference server, and passes
``mypy --strict``."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from agentkit.testing import ReferenceServer
from tests.typing.readme import README, python_blocks, readme_script

pytestmark = pytest.mark.slow


@pytest.fixture
def script(tmp_path: Path) -> Path:
    path = tmp_path / "readme_examples.py"
    path.write_text(readme_script(), encoding="utf-8")
    return path


class TestReadmeExamples:
    def test_the_examples_run_in_order(self, script: Path, server: ReferenceServer) -> None:
        """The examples, run as one script by a user with the server's URL and a key exported,
        succeed."""
        env = {
            **os.environ,
            "AGENTKIT_BASE_URL": server.base_url,
            "AGENTKIT_API_KEY": server.create_api_key(),
        }
        done = subprocess.run(
            [sys.executable, str(script)],
            cwd=script.parent,
            env=env,
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )
        assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-4000:]

    def test_the_examples_type_check(self, script: Path) -> None:
        """The same script passes mypy --strict, as a user's program would."""
        done = subprocess.run(
            [
                sys.executable,
                "-m",
                "mypy",
                "--strict",
                "--no-error-summary",
                str(script),
                "--cache-dir",
                str(script.parent / ".mypy_cache"),
            ],
            cwd=script.parent,
            capture_output=True,
            text=True,
            timeout=300,
            check=False,
        )
        assert done.returncode == 0, done.stdout + done.stderr

    def test_a_block_left_out_names_the_test_that_runs_it(self) -> None:
        """Each example not run here points to an existing test file that runs it instead."""
        blocks = python_blocks(README.read_text(encoding="utf-8"))
        left_out = [why for _, _, why in blocks if why is not None]
        assert len(blocks) - len(left_out) >= 8
        for why in left_out:
            named = re.findall(r"tests/[\w/]+\.py", why)
            assert named, why
            assert all((README.parent / path).is_file() for path in named), why
