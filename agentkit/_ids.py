"""Ids as callers pass them: a string, or the object the id belongs to.

Wherever a method takes an id (``agent_id``, ``chat_id``, ``agent``, ``index_ids``, ...) it also
takes the object itself, anything with a string ``id`` such as an ``Agent`` or a ``Chat``. The
id is checked before anything is sent: an empty one is a ``ValidationError``, a value that is
neither a ``TypeError`` naming the parameter.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Protocol, TypeAlias

from ._errors import ValidationError

__all__ = ["HasId", "IdInput", "as_id", "as_ids"]


class HasId(Protocol):
    """Anything with a string ``id``: every model the API returns for an object."""

    @property
    def id(self) -> str: ...


IdInput: TypeAlias = "str | HasId"


def as_id(value: object, parameter: str) -> str:
    """The id ``value`` stands for, as ``parameter`` of a call.

    Raises:
        ValidationError: The id is empty (``field`` is the parameter).
        TypeError: ``value`` is neither a string nor an object with a string ``id``.
    """
    if isinstance(value, str):
        if value:
            return value
        raise ValidationError.client_side(parameter, "the id is empty: pass the id of an object")
    own = getattr(value, "id", None)
    if isinstance(own, str):
        return as_id(own, parameter)
    raise TypeError(
        f"{parameter} takes an id (a string) or an object with an id, "
        f"not {type(value).__name__}: {value!r:.80}"
    )


def as_ids(values: Iterable[object], parameter: str) -> list[str]:
    """The ids of ``values``, each checked as ``parameter[i]``.

    Raises:
        ValidationError: An id is empty.
        TypeError: ``values`` is a single string, or an item is not an id nor has one.
    """
    if isinstance(values, str):
        raise TypeError(f"{parameter} takes a list of ids, not a single string: [{values!r}]")
    return [as_id(value, f"{parameter}[{index}]") for index, value in enumerate(values)]
