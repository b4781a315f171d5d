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

    @pytest.mark.parametrize(
        ("options", "problem"),
        [
            (["--webhook-lease", "0"], "--webhook-lease takes a number of seconds above 0"),
            (["--webhook-timeout", "nan"], "--webhook-timeout takes a number of seconds above 0"),
            (["--webhook-retry-base", "-1"], "--webhook-retry-base takes a number of seconds"),
            (
                ["--webhook-timeout", "5", "--webhook-lease", "5"],
                "--webhook-lease must be longer than --webhook-timeout",
            ),
        ],
    )
    def test_webhook_options_out_of_range_are_refused(
        self, tmp_path: Path, options: list[str], problem: str
    ) -> None:
        """Webhook timings that cannot work exit 2 with what is wrong, before anything is made."""
        database = tmp_path / "db.sqlite3"
        out = subprocess.run(
            [sys.executable, "-m", "agentkit.cli", "serve", "--db", str(database), *options],
            capture_output=True,
            text=True,
            timeout=30,
            check=False,
        )
        assert (out.returncode, problem in out.stdout) == (2, True), out.stdout
        assert not database.exists()

    def test_webhook_options_reach_the_server(self, tmp_path: Path) -> None:
        """A receiver that answers slower than ``--webhook-timeout`` fails the attempt, which is
        retried after ``--webhook-retry-base`` with the same webhook id."""
        import asyncio

        from starlette.applications import Starlette
        from starlette.requests import Request
        from starlette.responses import Response
        from starlette.routing import Route

        from tests.loopback import LoopbackApp

        seen: list[tuple[float, str]] = []

        async def slow_first(request: Request) -> Response:
            seen.append((time.monotonic(), request.headers["webhook-id"]))
            if len(seen) == 1:
                await asyncio.sleep(3)
            return Response(status_code=200)

        options = ["--allow-loopback-urls", "--webhook-timeout", "0.5", "--webhook-lease", "2"]
        options += ["--webhook-retry-base", "0.2"]
        with (
            LoopbackApp(Starlette(routes=[Route("/hook", slow_first, methods=["POST"])])) as rx,
            _serving(tmp_path, *options) as (_, base_url, key),
            AgentKit(api_key=key, base_url=base_url) as client,
        ):
            made = client.webhooks.create(url=f"{rx.origin}/hook")
            client.webhooks.test(made.endpoint.id)
            deadline = time.monotonic() + 10
            while len(seen) < 2 and time.monotonic() < deadline:
                time.sleep(0.02)
            assert len(seen) == 2 and seen[0][1] == seen[1][1]
            # Retried well before the 3 s answer or a default timeout (10 s) would allow.
            assert seen[1][0] - seen[0][0] < 2.5

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


def test_the_address_takes_connections_as_soon_as_it_is_printed() -> None:
    """The listening socket is made before the address is printed: a client that connects at
    once (before the server has started) waits to be served instead of being refused."""
    from agentkit._cli.serve import _listen

    sock = _listen("127.0.0.1", 0)
    try:
        port = sock.getsockname()[1]
        with socket.create_connection(("127.0.0.1", port), timeout=5) as client:
            assert client.getpeername()[1] == port
    finally:
        sock.close()
