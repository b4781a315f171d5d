"""Forward compatibility for the generated models.

The generated enums raise on a value they do not know, so a server that adds a status would
break every older SDK. ``open_enums`` makes them accept unknown values as extra members that
compare equal to their string, which is what a newer server's value means to an older client.
"""

from __future__ import annotations

import enum
from typing import Any

__all__ = ["open_enums"]

_done = False


def _missing(cls: type[enum.Enum], value: object) -> Any:
    if not isinstance(value, str):
        return None
    member = str.__new__(cls, value)  # type: ignore[type-var]
    member._name_ = value.upper()
    member._value_ = value
    return member


def open_enums() -> None:
    """Let every generated enum accept values it does not know (idempotent)."""
    global _done
    if _done:
        return
    from agentkit_api import models

    for value in vars(models).values():
        if isinstance(value, type) and issubclass(value, enum.Enum) and issubclass(value, str):
            value._missing_ = classmethod(_missing)  # type: ignore[assignment]
    _done = True
