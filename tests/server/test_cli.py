"""The `agentkit` command."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx
import pytest

from agentkit import AgentKit, ValidationError


@contextmanager
def _serving(tmp_path: Path, *options: str) -> Iterator[tuple[subprocess.Popen[str], str, str]]:
    """`agentkit serve` on a free port with ``options``, once it answers: the process, its
    URL and its key (read from what it prints)."""
    command = [sys.executable, "-m", "agentkit.cli", "serve", "--port", "0"]
    command += ["--db", str(tmp_path / "db.sqlite3"), *options]
    process = subprocess.Popen(command, stdout=subprocess.PIPE, text=True)
    try:
        assert process.stdout is not None
        lines = [process.stdout.readline() for _ in range(3)]
        base_url = lines[1].strip().split("=", 1)[1]
        key = lines[2].strip().split("=", 1)[1]
        deadline = time.monotonic() + 10
        while True:
            try:
                httpx.get(f"{base_url}/v1/health")
                break
            except httpx.TransportError:
                assert time.monotonic() < deadline, "the server did not come up"
                time.sleep(0.05)
        yield process, base_url, key
    finally:
        process.terminate()
        process.wait(timeout=10)


class TestServe:
    def test_serve_prints_a_working_url_and_key(self, tmp_path: Path) -> None:
        """`agentkit serve --port 0` listens on a free port, and prints that URL and a fresh key
        that the SDK can use at once."""
        with _serving(tmp_path) as (process, base_url, key):
            assert process.stdout is not None
            assert base_url.startswith("http://127.0.0.1:")
            assert int(base_url.rsplit(":", 1)[1]) > 0
            with AgentKit(api_key=key, base_url=base_url) as client:
                assert client.agents.create(name="from-cli").name == "from-cli"
                # Outgoing URLs on loopback only with --allow-loopback-urls.
                with pytest.raises(ValidationError):
                    client.providers.create(
                        name="Local", type="openai-compatible", base_url="http://127.0.0.1:9/v1"
                    )
                # The development outbox: a registration's code is printed, not emailed.
                pending = client.identity.register(
                    email="cli@example.test", handle="cli-user", display_name="CLI"
                )
                lines = [process.stdout.readline() for _ in range(2)]
                printed = next(line for line in lines if "cli@example.test" in line)
                code = printed.strip().rstrip(".").rsplit(" ", 1)[1]
                assert (
                    client.identity.verify(pending.pending_id, code).identity.handle == "cli-user"
                )

    def test_loopback_urls_when_asked(self, tmp_path: Path) -> None:
        """`--allow-loopback-urls` lets a provider point at this machine."""
        with (
            _serving(tmp_path, "--allow-loopback-urls") as (_, base_url, key),
            AgentKit(api_key=key, base_url=base_url) as client,
        ):
            provider = client.providers.create(
                name="Local", type="openai-compatible", base_url="http://127.0.0.1:9/v1"
            )
            assert provider.base_url == "http://127.0.0.1:9/v1"

    def test_a_busy_port_fails_before_anything_is_made(self, tmp_path: Path) -> None:
        """On a port that is taken, serve exits 1 at once, creating no database and no key."""
        with socket.socket() as taken:
            taken.bind(("127.0.0.1", 0))
            taken.listen()
            port = taken.getsockname()[1]
            database = tmp_path / "db.sqlite3"
            command = ["serve", "--port", str(port), "--db", str(database)]
            out = subprocess.run(
                [sys.executable, "-m", "agentkit.cli", *command],
                capture_output=True,
                text=True,
                timeout=30,
                check=False,
            )
        assert out.returncode == 1
        assert f"cannot listen on 127.0.0.1:{port}" in out.stdout
        assert "AGENTKIT_API_KEY" not in out.stdout
        assert not database.exists()

    def test_version(self) -> None:
        """`agentkit version` prints the package version."""
        out = subprocess.run(
            [sys.executable, "-m", "agentkit.cli", "version"],
            capture_output=True,
            text=True,
            check=True,
        )
        from agentkit import __version__

        assert out.stdout.strip() == __version__

    def test_loopback_urls_let_webhooks_reach_this_machine(self, tmp_path: Path) -> None:
        """`--allow-loopback-urls` lets a webhook endpoint name a loopback URL."""
        with (
            _serving(tmp_path, "--allow-loopback-urls") as (_, base_url, key),
            AgentKit(api_key=key, base_url=base_url) as client,
        ):
            made = client.webhooks.create(url="http://127.0.0.1:9/hook")
            assert made.endpoint.url == "http://127.0.0.1:9/hook"
