"""The PostgreSQL server of a test run, for tests that make databases of their own (the store's
tests, several server instances on one database)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from agentkit import testing
from agentkit._postgres_for_tests import PostgresForTests

__all__ = ["postgres", "postgres_url"]


@pytest.fixture(scope="session")
def postgres() -> Iterator[PostgresForTests]:
    """The session's PostgreSQL (``--agentkit-store=postgresql``'s), else one of this module's."""
    shared = testing._postgres
    if shared is not None:
        yield shared
        return
    own = PostgresForTests()
    try:
        yield own
    finally:
        own.stop()


@pytest.fixture
def postgres_url(postgres: PostgresForTests) -> Iterator[str]:
    """A fresh, empty PostgreSQL database, dropped after the test."""
    url = postgres.new_database()
    try:
        yield url
    finally:
        postgres.drop_database(url)
