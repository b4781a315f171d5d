"""Several reference server instances on one PostgreSQL database: in this process (each with
its own connection, as separate processes have), or in processes of their own that a test can
kill."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from agentkit.server import ServerConfig
from agentkit.testing import ReferenceServer

#: Every instance of a test shares the secret (it seals what another instance opens).
SECRET = "the scale-out tests' secret, the same for every instance"
_ROOT = Path(__file__).resolve().parents[2]


def shared_settings(url: str, blob_dir: Path, **overrides: Any) -> dict[str, Any]:
    """The settings of an instance on the database ``url``."""
    settings: dict[str, Any] = {
        "database_url": url,
        "secret_key": SECRET,
        "blob_dir": str(blob_dir),
        "allow_loopback_urls": True,
    }
    settings.update(overrides)
    return settings


StartInstances = Callable[..., list[ReferenceServer]]


@pytest.fixture
def start_instances(postgres_url: str, tmp_path: Path) -> Iterator[StartInstances]:
    """``start_instances(n, **settings)``: ``n`` servers in this process on one fresh database;
    all are stopped after the test (before the database is dropped)."""
    started: list[ReferenceServer] = []

    def start(count: int, **overrides: Any) -> list[ReferenceServer]:
        settings = shared_settings(postgres_url, tmp_path / "blobs", **overrides)
        made = []
        for _ in range(count):
            server = ReferenceServer(ServerConfig(**settings))
            started.append(server)
            made.append(server.start())
        return made

    try:
        yield start
    finally:
        for server in started:
            server.stop()


@dataclass
class Spawned:
    """An instance in a process of its own."""

    process: subprocess.Popen[str]
    base_url: str

    def kill(self) -> None:
        """SIGKILL: the instance dies at once, with whatever it held."""
        if self.process.poll() is None:
            os.kill(self.process.pid, signal.SIGKILL)
        self.process.wait(timeout=10)


SpawnInstance = Callable[..., Spawned]


@pytest.fixture
def spawn_instance(postgres_url: str, tmp_path: Path) -> Iterator[SpawnInstance]:
    """``spawn_instance(**settings)``: an instance in a process of its own on the test's
    database (the one ``start_instances`` uses); killed after the test."""
    spawned: list[Spawned] = []

    def spawn(**overrides: Any) -> Spawned:
        settings = shared_settings(postgres_url, tmp_path / "blobs", **overrides)
        process = subprocess.Popen(
            [sys.executable, "-m", "tests.scaleout.instance", json.dumps(settings)],
            cwd=_ROOT,
            stdout=subprocess.PIPE,
            text=True,
        )
        assert process.stdout is not None
        line = process.stdout.readline().strip()
        one = Spawned(process, line)
        spawned.append(one)
        assert line.startswith("http://127.0.0.1:"), f"the instance did not start: {line!r}"
        return one

    try:
        yield spawn
    finally:
        for one in spawned:
            one.kill()
