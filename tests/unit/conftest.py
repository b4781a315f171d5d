"""Fixtures of the unit tests."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from tests.unit.clients import client_factory


@pytest.fixture(params=["sync", "async"])
def make(request: pytest.FixtureRequest) -> Callable[..., Any]:
    """A client of each kind over an in-process handler (see ``client_factory``)."""
    return client_factory(request.param)
