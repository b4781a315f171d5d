"""Helpers for the messaging tests: identities registered through the API, with their clients."""

from __future__ import annotations

import itertools
import secrets
from dataclasses import dataclass
from typing import Any

from agentkit.testing import ReferenceServer

_counter = itertools.count()


def unique_handle(prefix: str = "agent") -> str:
    """A handle no other test uses."""
    return f"{prefix}-{next(_counter)}-{secrets.token_hex(3)}"


@dataclass
class Member:
    """A registered identity: its handle, email, key and a client acting as it."""

    handle: str
    email: str
    api_key: str
    client: Any


def register(
    make_client: Any, server: ReferenceServer, prefix: str = "agent", **options: Any
) -> Member:
    """Register an identity through the API (the code read from the outbox) and a client for it."""
    handle = unique_handle(prefix)
    email = f"{handle}@example.test"
    options.setdefault("base_url", server.base_url)
    # Registering takes no API key: the client for it has none.
    anonymous = make_client(base_url=options["base_url"], api_key="")
    pending = anonymous.identity.register(email=email, handle=handle, display_name=handle.title())
    code = server.last_code(email, "register")
    assert code is not None
    made = anonymous.identity.verify(pending.pending_id, code)
    return Member(handle, email, made.api_key, make_client(api_key=made.api_key, **options))
