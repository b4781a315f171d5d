"""How the clients reach each operation of the contract, worked out once per operation id.

A ``Route`` holds what every call of one operation needs and no call changes: the contract's
``Operation`` (method and path template), which arguments go in the path and which in the
query, whether it takes an ``Idempotency-Key``, and the generated model its JSON success
response is parsed into. The sync and async clients build their requests from it. Nothing here
does I/O.
"""

from __future__ import annotations

import enum
import uuid
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from typing import Any

from agentkit_api.types import Unset

from ._compat import parse_model
from ._contract import Operation, contract
from ._ids import as_id

__all__ = ["Route", "new_idempotency_key", "route_of", "to_json", "with_extra_body"]


def new_idempotency_key() -> str:
    """A fresh ``Idempotency-Key`` for one logical call."""
    return f"ak-{uuid.uuid4()}"


def to_json(body: Any) -> Any:
    """A request body as JSON data: a generated model by its ``to_dict()``, anything else as is."""
    to_dict = getattr(body, "to_dict", None)
    return body if to_dict is None else to_dict()


def with_extra_body(content: dict[str, Any], extra: Mapping[str, object]) -> dict[str, Any]:
    """A request's content (httpx's ``json=`` or multipart ``data=``) with ``extra`` fields added.

    A request without a body stays without one.

    Raises:
        TypeError: The JSON body is not an object, so it has no fields to add to.
    """
    if content.get("json") is not None:
        body = content["json"]
        if not isinstance(body, dict):
            raise TypeError("extra_body needs a request whose JSON body is an object")
        return {**content, "json": {**body, **extra}}
    if "data" in content:
        return {**content, "data": {**content["data"], **{k: str(v) for k, v in extra.items()}}}
    return content


# Query values sent as they are; any other value of an ``*_id`` parameter is taken as an id.
_PLAIN = (str, int, float, enum.Enum)


@dataclass(frozen=True, slots=True)
class Route:
    """One operation as the clients call it. Get it with ``route_of(operation_id)``.

    Attributes:
        operation: The operation in the contract registry.
        method: Its HTTP method.
        path_params: The arguments that fill its path template.
        query_params: The arguments sent in its query string.
        keyed: Whether it takes an ``Idempotency-Key``.
        model: The generated model of its JSON success response (``None`` for a stream).
        id_params: The path parameters that are ids (strings in the contract): an object with
            an ``id`` stands for its id, and an empty or non-string one is refused.
    """

    operation: Operation
    method: str
    path_params: frozenset[str]
    query_params: frozenset[str]
    keyed: bool
    model: type[Any] | None
    id_params: frozenset[str] = frozenset()

    def key(self, given: str | None) -> str | None:
        """The call's ``Idempotency-Key``: ``given``, else a new one if the operation takes one.

        Raises:
            TypeError: A key was given for an operation that takes none.
        """
        if not self.keyed:
            if given is not None:
                raise TypeError(f"{self.operation.id} takes no Idempotency-Key")
            return None
        return given or new_idempotency_key()

    def address(self, params: Mapping[str, Any]) -> tuple[str, dict[str, Any]]:
        """The path and the query parameters of a call with these arguments.

        Query arguments that are ``None`` or ``UNSET`` are left out; enums are sent by value.
        Path arguments the contract types as strings are ids, and so are query arguments named
        ``*_id`` that are not plain values: an object with an ``id`` stands for its id.

        Raises:
            TypeError: An argument is not a parameter of the operation, a path parameter is
                missing, or an id is neither a string nor an object with one.
            ValidationError: An id is empty.
        """
        path: dict[str, Any] = {}
        query: dict[str, Any] = {}
        for name, value in params.items():
            if name in self.path_params:
                if type(value) is not str or not value:
                    value = as_id(value, name) if name in self.id_params else value
                path[name] = value
            elif name in self.query_params:
                if value is None or isinstance(value, Unset):
                    continue
                if name.endswith("_id") and not isinstance(value, _PLAIN):
                    value = as_id(value, name)
                query[name] = value.value if isinstance(value, enum.Enum) else value
            else:
                raise TypeError(f"{self.operation.id} has no parameter {name!r}")
        return self.operation.url(**path), query

    def parse(self, data: Any) -> Any:
        """The typed result of a success response's JSON."""
        return None if self.model is None else parse_model(self.model, data)


@cache
def route_of(operation_id: str) -> Route:
    """The route of an operation of the contract, built on first use and kept.

    Raises:
        KeyError: The contract has no such operation.
    """
    operation = contract().operation(operation_id)
    model = None
    if operation.response_schema is not None:
        from agentkit_api import models

        model = getattr(models, operation.response_schema)
    return Route(
        operation=operation,
        method=operation.method,
        path_params=frozenset(operation.path_parameters),
        query_params=frozenset(p.name for p in operation.parameters if p.location == "query"),
        keyed=operation.takes_idempotency_key,
        model=model,
        id_params=frozenset(
            p.name
            for p in operation.parameters
            if p.location == "path" and p.schema.get("type") == "string"
        ),
    )
