"""Every Python example in the documentation runs, in order, against the reference server, and
type-checks under ``mypy --strict``.

Each page's ``python`` blocks run one after another in one namespace, as a reader would paste
them, with ``AGENTKIT_API_KEY`` and ``AGENTKIT_BASE_URL`` naming a fresh organization on a
reference server (so pages do not see each other's agents). Blocks in other languages (``sh``,
``text``) are not run, nor a block marked ``<!-- not run: why -->`` (as in the README).
"""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from agentkit.server import ServerConfig
from agentkit.testing import ReferenceServer
from tests.typing.readme import python_blocks, readme_script

ROOT = Path(__file__).resolve().parents[2]
DOCS = ROOT / "docs"
PAGES = sorted(path for path in DOCS.rglob("*.md") if python_blocks(path.read_text()))


@pytest.fixture(scope="module")
def server() -> Iterator[ReferenceServer]:
    # Loopback webhook endpoints allowed, as on a development server: the webhooks guide
    # registers one.
    with ReferenceServer(config=ServerConfig(allow_loopback_urls=True)) as running:
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
    exec(compile(readme_script(page), str(page.relative_to(ROOT)), "exec"), namespace)


def test_the_examples_type_check(tmp_path: Path) -> None:
    """Each page's examples, joined as one script, pass ``mypy --strict``."""
    scripts = []
    for page in PAGES:
        name = page.relative_to(DOCS).with_suffix("").as_posix().replace("/", "_")
        script = tmp_path / f"{name}.py"
        script.write_text(readme_script(page))
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
