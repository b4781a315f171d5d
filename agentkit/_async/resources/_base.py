from __future__ import annotations

from typing import TYPE_CHECKING

from ..._compat import open_models

if TYPE_CHECKING:
    from ..client import AsyncAgentKit

open_models()


class AsyncResource:
    """A namespace of API methods bound to one client."""

    def __init__(self, client: AsyncAgentKit) -> None:
        self._client = client
