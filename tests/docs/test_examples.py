"""Every Python example in the documentation runs, in order, against the reference server, and
type-checks under ``mypy --strict``.

Each page's ``python`` blocks run one after another in one namespace, as a reader would paste
them, with ``AGENTKIT_API_KEY`` and ``AGENTKIT_BASE_URL`` naming a fresh organization on a
reference server (so pages do not see each other's agents). Blocks in other languages (``sh``,
``text``) are not run.
"""

from __future__ import annotations

import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from agentkit.testing import ReferenceServer

ROOT = Path(__file__).resolve().parents[2]
DOCS = ROOT / "docs"
_BLOCK = re.compile(r"^```python\n(.*?)^```", re.MULTILINE | re.DOTALL)
PAGES = sorted(path for path in DOCS.rglob("*.md") if _BLOCK.search(path.read_text()))


def examples(page: Path) -> list[str]:
    """The page's Python blocks, in order."""
    return [match.group(1) for match in _BLOCK.finditer(page.read_text())]


@pytest.fixture(scope="module")
def server() -> Iterator[ReferenceServer]:
    with ReferenceServer() as running:
        yield running


def test_the_pages_have_examples() -> None:
    names = {page.relative_to(DOCS).as_posix() for page in PAGES}
    assert {"index.md", "guides/chats.md", "guides/sessions.md", "testing.md"} <= names


@pytest.mark.parametrize("page", PAGES, ids=lambda page: page.relative_to(DOCS).as_posix())
def test_every_example_runs(
    page: Path, server: ReferenceServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("AGENTKIT_API_KEY", server.create_api_key())
    monkeypatch.setenv("AGENTKIT_BASE_URL", server.base_url)
    namespace: dict[str, object] = {"__name__": "__docs__"}
    for number, code in enumerate(examples(page), start=1):
        where = f"{page.relative_to(ROOT)} (example {number})"
        exec(compile(code, where, "exec"), namespace)


def test_the_examples_type_check(tmp_path: Path) -> None:
    """Each page's examples, joined as one script, pass ``mypy --strict``."""
    scripts = []
    for page in PAGES:
        name = page.relative_to(DOCS).with_suffix("").as_posix().replace("/", "_")
        script = tmp_path / f"{name}.py"
        script.write_text("\n".join(examples(page)))
        scripts.append(str(script))
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "mypy",
            "--strict",
            "--config-file",
            str(ROOT / "pyproject.toml"),
            "--cache-dir",
            str(tmp_path / ".mypy_cache"),
            *scripts,
        ],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
