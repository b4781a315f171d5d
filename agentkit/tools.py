"""Client tools: Python functions that an agent in a session may ask your program to run.

Decorate a function with type hints and a Google-style docstring; its JSON Schema and
description are derived for you::

    from agentkit.tools import client_tool

    @client_tool
    def get_weather(city: str, unit: Literal["C", "F"] = "C") -> dict[str, float]:
        \"\"\"Look up the current temperature in a city.

        Args:
            city: The city's name, such as "Paris".
            unit: Celsius or Fahrenheit.
        \"\"\"
        return {"temperature": 21.5}

    session = client.sessions.start(agent.id, client_tools=[get_weather])
    session.run("What's the weather in Paris?")

The session waits in ``client_tool_turn`` when the agent calls a client tool; ``run`` executes
the registered functions and submits their results for you.
"""

from __future__ import annotations

import inspect
import re
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any, Generic, ParamSpec, TypeVar, overload

from ._docstrings import parse_docstring
from ._schema import coerce, parameters_schema

if TYPE_CHECKING:
    from agentkit_api.models import ClientToolSpec

__all__ = ["ClientTool", "client_tool"]

P = ParamSpec("P")
R = TypeVar("R")

_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_-]{0,63}$")
_MAX_DESCRIPTION = 2000


class ClientTool(Generic[P, R]):
    """A Python function offered to an agent as a client tool.

    Calling the tool calls the function. ``spec`` is what the session is told about it.

    Args:
        function: The function (plain or ``async def``) that does the work.
        name: The name the agent calls it by; defaults to the function's name.
        description: What it does, for the agent; defaults to the docstring's first paragraph.
        input_schema: The JSON Schema of its arguments; derived from the type hints (and the
            docstring's ``Args:`` section) when left out.

    Attributes:
        name: The tool's name.
        description: The tool's description (may be empty).
        input_schema: The JSON Schema object of the tool's arguments.
        function: The wrapped function.

    Raises:
        TypeError: A parameter's type hint cannot be expressed in JSON Schema, or is missing.
        ValueError: The name is not a valid tool name (letters, digits, ``_``, ``-``, at most
            64 characters, not starting with a digit) or the description is too long.
    """

    def __init__(
        self,
        function: Callable[P, R],
        *,
        name: str | None = None,
        description: str | None = None,
        input_schema: Mapping[str, Any] | None = None,
    ) -> None:
        tool_name = name if name is not None else getattr(function, "__name__", "")
        if not _NAME.match(tool_name):
            raise ValueError(
                f"{tool_name!r} is not a valid tool name: use up to 64 letters, digits, '_' or "
                "'-', not starting with a digit"
            )
        docs = parse_docstring(inspect.getdoc(function))
        text = description if description is not None else docs.summary
        if len(text) > _MAX_DESCRIPTION:
            raise ValueError(
                f"the description of tool {tool_name!r} has {len(text)} characters, "
                f"more than {_MAX_DESCRIPTION}"
            )
        self.function = function
        self.name = tool_name
        self.description = text
        self.input_schema: dict[str, Any] = (
            dict(input_schema)
            if input_schema is not None
            else parameters_schema(function, docs.params, where=f"tool {tool_name!r}")
        )
        self._signature = inspect.signature(function, eval_str=input_schema is None)

    @property
    def is_async(self) -> bool:
        """Whether the function is a coroutine function (it needs the async client to run)."""
        function: Any = self.function
        return inspect.iscoroutinefunction(function) or inspect.iscoroutinefunction(
            type(function).__call__
        )

    @property
    def spec(self) -> ClientToolSpec:
        """The tool as the session is told about it (name, description, input schema)."""
        from agentkit_api.models import ClientToolSpec, JsonObject
        from agentkit_api.types import UNSET

        return ClientToolSpec(
            name=self.name,
            input_schema=JsonObject.from_dict(self.input_schema),
            description=self.description or UNSET,
        )

    def __call__(self, *args: P.args, **kwargs: P.kwargs) -> R:
        return self.function(*args, **kwargs)

    def invoke(self, arguments: Mapping[str, Any]) -> Any:
        """Call the function with the JSON arguments an agent sent.

        Arguments are turned into the annotated types first (Enum members, dataclasses,
        tuples); returns whatever the function returns (a coroutine for an async function).

        Raises:
            TypeError: The arguments do not fit the signature (missing or unknown names).
            ValueError: A value does not fit its annotation.
        """
        bound = self._signature.bind(**arguments)
        for name, value in bound.arguments.items():
            annotation = self._signature.parameters[name].annotation
            if annotation is not inspect.Parameter.empty:
                bound.arguments[name] = coerce(annotation, value)
        return self.function(*bound.args, **bound.kwargs)

    def __repr__(self) -> str:
        return f"ClientTool(name={self.name!r})"


@overload
def client_tool(function: Callable[P, R], /) -> ClientTool[P, R]: ...


@overload
def client_tool(
    *, name: str | None = None, description: str | None = None
) -> Callable[[Callable[P, R]], ClientTool[P, R]]: ...


def client_tool(
    function: Callable[P, R] | None = None,
    /,
    *,
    name: str | None = None,
    description: str | None = None,
) -> ClientTool[P, R] | Callable[[Callable[P, R]], ClientTool[P, R]]:
    """Make a function a ``ClientTool``: use it bare (``@client_tool``) or with options.

    Args:
        function: The function, when used bare.
        name: The tool's name; defaults to the function's name.
        description: The tool's description; defaults to the docstring's first paragraph.

    Raises:
        TypeError: A parameter's type hint is missing or cannot be expressed in JSON Schema
            (raised when the function is decorated, not when the tool is used).
        ValueError: The name is not a valid tool name.
    """
    if function is not None:
        return ClientTool(function, name=name, description=description)

    def decorate(target: Callable[P, R]) -> ClientTool[P, R]:
        return ClientTool(target, name=name, description=description)

    return decorate
