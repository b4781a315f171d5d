"""agentkit.testing: the ReferenceServer lifecycle and the pytest fixture; the CLI's laziness."""

from __future__ import annotations

import os
import socket
import subprocess
import sys

import httpx
import pytest

from agentkit.server import ServerConfig
from agentkit.testing import ReferenceServer


def _port_open(base_url: str) -> bool:
    host, port = base_url.removeprefix("http://").split(":")
    with socket.socket() as sock:
        sock.settimeout(0.5)
        return sock.connect_ex((host, int(port))) == 0


class TestReferenceServer:
    def test_start_answers_and_stop_releases_everything(self) -> None:
        """Inside the block the server answers; after it the port, thread and files are gone."""
        with ReferenceServer() as server:
            assert server.running
            assert httpx.get(f"{server.base_url}/v1/health").json() == {"status": "ok"}
            assert server.config is not None
            db_file = server.config.db_path
            assert os.path.exists(db_file)
            assert server.api_key not in repr(server)
        assert not server.running
        assert not _port_open(server.base_url)
        assert not os.path.exists(db_file)

    def test_keys_are_separate_organizations(self) -> None:
        """create_api_key makes a new organization that sees nothing of the first one."""
        with ReferenceServer() as server:
            mine = {"Authorization": f"Bearer {server.api_key}"}
            theirs = {"Authorization": f"Bearer {server.create_api_key()}"}
            httpx.post(f"{server.base_url}/v1/agents", json={"name": "a"}, headers=mine)
            listed = httpx.get(f"{server.base_url}/v1/agents", headers=theirs).json()
            assert listed["data"] == []

    def test_config_overrides_apply(self) -> None:
        """A ServerConfig passed in is used, here an in-memory store and a tiny body limit."""
        config = ServerConfig(db_path=":memory:", max_body_bytes=16)
        with ReferenceServer(config=config) as server:
            assert server.config == config
            headers = {"Authorization": f"Bearer {server.api_key}"}
            response = httpx.post(
                f"{server.base_url}/v1/agents", json={"name": "x" * 40}, headers=headers
            )
            assert response.status_code == 413

    def test_a_running_server_cannot_start_twice(self) -> None:
        """start on a running server fails instead of leaking a second thread; stop is idempotent."""
        server = ReferenceServer().start()
        try:
            with pytest.raises(RuntimeError):
                server.start()
        finally:
            server.stop()
            server.stop()

    def test_the_session_fixture_serves(self, agentkit_server: ReferenceServer) -> None:
        """The plugin's agentkit_server fixture is a running server with a working key."""
        headers = {"Authorization": f"Bearer {agentkit_server.api_key}"}
        assert (
            httpx.get(f"{agentkit_server.base_url}/v1/agents", headers=headers).status_code == 200
        )


class TestCommandLine:
    def test_version_does_not_load_the_server(self) -> None:
        """`agentkit version` imports neither the server nor starlette."""
        code = (
            "import sys; from agentkit.cli import main; main(['version']); "
            "print(sorted(m for m in ('agentkit.server', 'starlette', 'uvicorn') if m in sys.modules))"
        )
        out = subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, check=True
        )
        assert out.stdout.splitlines()[-1] == "[]"
