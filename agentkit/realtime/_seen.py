"""A bounded set of the message ids already handled, forgetting the oldest first."""

from __future__ import annotations

from collections import OrderedDict

__all__ = ["SeenIds"]


class SeenIds:
    """The last ``capacity`` ids added; a lookup refreshes an id."""

    def __init__(self, capacity: int) -> None:
        if capacity < 1:
            raise ValueError(f"capacity must be 1 or more, not {capacity}")
        self._capacity = capacity
        self._ids: OrderedDict[str, None] = OrderedDict()

    def __contains__(self, item: object) -> bool:
        if item in self._ids:
            self._ids.move_to_end(item)  # type: ignore[arg-type]
            return True
        return False

    def __len__(self) -> int:
        return len(self._ids)

    def add(self, item: str) -> None:
        """Remember ``item``, forgetting the oldest id when full."""
        self._ids[item] = None
        self._ids.move_to_end(item)
        while len(self._ids) > self._capacity:
            self._ids.popitem(last=False)
