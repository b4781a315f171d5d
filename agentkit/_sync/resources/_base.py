# Generated from agentkit/_async by scripts/unasync.py: edit the async source, not this file.
from __future__ import annotations

from typing import TYPE_CHECKING

from ..._compat import open_models

if TYPE_CHECKING:
    from ..client import AgentKit

open_models()


class SyncResource:
    """A namespace of API methods bound to one client."""

    def __init__(self, client: AgentKit) -> None:
        self._client = client
