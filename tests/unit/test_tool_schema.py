"""Client tools: JSON Schema from type hints, descriptions from docstrings, and calling them."""

from __future__ import annotations

import dataclasses
import datetime
import enum
from collections.abc import Sequence
from typing import Annotated, Any, Literal, NotRequired, Optional, TypedDict

import pytest

from agentkit.tools import ClientTool, client_tool


class Unit(enum.Enum):
    CELSIUS = "C"
    FAHRENHEIT = "F"


class Level(enum.IntEnum):
    LOW = 1
    HIGH = 2


class Place(TypedDict):
    city: str
    country: NotRequired[str]


@dataclasses.dataclass
class Window:
    start: int
    end: int = 10
    labels: list[str] = dataclasses.field(default_factory=list)


@dataclasses.dataclass
class Trip:
    places: list[Place]
    window: Window | None = None


@dataclasses.dataclass
class Node:
    value: int
    children: list[Node]


def _props(function: Any) -> dict[str, Any]:
    schema: dict[str, Any] = ClientTool(function).input_schema
    return schema


# The names that the annotations of functions made from strings below are written with.
_SCOPE: dict[str, Any] = {
    "Annotated": Annotated,
    "Any": Any,
    "Literal": Literal,
    "Sequence": Sequence,
    "datetime": datetime,
    "Unit": Unit,
    "Place": Place,
    "Window": Window,
    "Trip": Trip,
    "Node": Node,
}


def _function(signature: str) -> Any:
    """A function ``tool`` with the given parameters, its annotations left as strings."""
    scope = dict(_SCOPE)
    exec(f"from __future__ import annotations\ndef tool({signature}) -> None: ...", scope)
    return scope["tool"]


def _schema_of(annotation: str) -> dict[str, Any]:
    """The schema of one parameter annotated with ``annotation``."""
    prop: dict[str, Any] = ClientTool(_function(f"value: {annotation}")).input_schema["properties"][
        "value"
    ]
    return prop


class TestScalars:
    @pytest.mark.parametrize(
        ("annotation", "expected"),
        [
            ("str", {"type": "string"}),
            ("int", {"type": "integer"}),
            ("float", {"type": "number"}),
            ("bool", {"type": "boolean"}),
            ("None", {"type": "null"}),
            ("Any", {}),
        ],
    )
    def test_scalar_hints_map_to_json_types(
        self, annotation: str, expected: dict[str, Any]
    ) -> None:
        """Each Python scalar becomes its JSON Schema type."""
        assert _schema_of(annotation) == expected

    def test_parameters_make_a_closed_object(self) -> None:
        """The input schema is an object of the parameters, all required without defaults."""

        def tool(city: str, days: int) -> None: ...

        assert ClientTool(tool).input_schema == {
            "type": "object",
            "properties": {"city": {"type": "string"}, "days": {"type": "integer"}},
            "required": ["city", "days"],
            "additionalProperties": False,
        }


class TestOptionalAndDefaults:
    def test_nullable_without_default_stays_required(self) -> None:
        """`X | None` without a default accepts null but must be given."""

        def tool(note: str | None) -> None: ...

        schema = ClientTool(tool).input_schema
        assert schema["properties"]["note"] == {"type": ["string", "null"]}
        assert schema["required"] == ["note"]

    def test_defaulted_parameters_are_optional_and_carry_their_default(self) -> None:
        """A parameter with a default is not required and the default is in the schema."""

        def tool(city: str, days: int = 3, note: Optional[str] = None) -> None: ...  # noqa: UP045

        schema = ClientTool(tool).input_schema
        assert schema["required"] == ["city"]
        assert schema["properties"]["days"] == {"type": "integer", "default": 3}
        assert schema["properties"]["note"] == {"type": ["string", "null"], "default": None}

    def test_a_default_that_is_not_json_is_left_out(self) -> None:
        """A default JSON cannot hold makes the parameter optional without a `default`."""

        def tool(when: int = object()) -> None: ...

        schema = ClientTool(tool).input_schema
        assert schema["properties"]["when"] == {"type": "integer"}
        assert schema["required"] == []

    def test_union_of_several_types_is_any_of(self) -> None:
        """A union of several types lists each, and null when it is None-able."""
        assert _schema_of("int | str | None") == {
            "anyOf": [{"type": "integer"}, {"type": "string"}, {"type": "null"}]
        }


class TestContainers:
    @pytest.mark.parametrize(
        ("annotation", "expected"),
        [
            ("list[int]", {"type": "array", "items": {"type": "integer"}}),
            ("Sequence[str]", {"type": "array", "items": {"type": "string"}}),
            ("list", {"type": "array"}),
            ("set[str]", {"type": "array", "items": {"type": "string"}, "uniqueItems": True}),
            ("tuple[float, ...]", {"type": "array", "items": {"type": "number"}}),
            (
                "tuple[int, str]",
                {
                    "type": "array",
                    "prefixItems": [{"type": "integer"}, {"type": "string"}],
                    "minItems": 2,
                    "maxItems": 2,
                },
            ),
            ("dict[str, float]", {"type": "object", "additionalProperties": {"type": "number"}}),
            ("dict", {"type": "object"}),
            (
                "list[dict[str, list[bool]]]",
                {
                    "type": "array",
                    "items": {
                        "type": "object",
                        "additionalProperties": {"type": "array", "items": {"type": "boolean"}},
                    },
                },
            ),
        ],
    )
    def test_containers_describe_their_items(
        self, annotation: str, expected: dict[str, Any]
    ) -> None:
        """Lists, sets, tuples and str-keyed dicts describe what they hold."""
        assert _schema_of(annotation) == expected

    def test_a_tuple_default_is_written_as_a_list(self) -> None:
        """A tuple default becomes a JSON array."""

        def tool(pair: tuple[int, int] = (1, 2)) -> None: ...

        assert ClientTool(tool).input_schema["properties"]["pair"]["default"] == [1, 2]


class TestChoices:
    def test_literal_lists_its_values(self) -> None:
        """Literal values become an enum of one JSON type."""
        assert _schema_of('Literal["C", "F"]') == {"type": "string", "enum": ["C", "F"]}

    def test_mixed_literal_has_no_single_type(self) -> None:
        """A Literal mixing kinds lists its values without a type."""
        assert _schema_of('Literal[1, "one"]') == {"enum": [1, "one"]}

    def test_enum_lists_member_values_and_defaults_to_a_value(self) -> None:
        """An Enum subclass becomes an enum of its values; its default is written as a value."""

        def tool(unit: Unit = Unit.CELSIUS, level: Level = Level.LOW) -> None: ...

        props = ClientTool(tool).input_schema["properties"]
        assert props["unit"] == {"type": "string", "enum": ["C", "F"], "default": "C"}
        assert props["level"] == {"type": "integer", "enum": [1, 2], "default": 1}

    def test_optional_enum_admits_null(self) -> None:
        """`Literal[...] | None` adds null to the type and to the values."""
        assert _schema_of('Literal["a", "b"] | None') == {
            "type": ["string", "null"],
            "enum": ["a", "b", None],
        }


class TestNestedObjects:
    def test_typeddict_keeps_its_required_keys(self) -> None:
        """A TypedDict becomes an object whose NotRequired keys are optional."""
        assert _schema_of("Place") == {
            "type": "object",
            "properties": {"city": {"type": "string"}, "country": {"type": "string"}},
            "required": ["city"],
            "additionalProperties": False,
        }

    def test_dataclass_fields_with_defaults_are_optional(self) -> None:
        """A dataclass becomes an object; fields with a default or factory are optional."""
        assert _schema_of("Window") == {
            "type": "object",
            "properties": {
                "start": {"type": "integer"},
                "end": {"type": "integer", "default": 10},
                "labels": {"type": "array", "items": {"type": "string"}},
            },
            "required": ["start"],
            "additionalProperties": False,
        }

    def test_objects_nest(self) -> None:
        """Dataclasses and TypedDicts nest inside each other and inside lists."""
        trip = _schema_of("Trip")
        assert trip["properties"]["places"]["items"] == _schema_of("Place")
        assert trip["properties"]["window"]["type"] == ["object", "null"]
        assert trip["required"] == ["places"]

    def test_annotated_text_is_a_description(self) -> None:
        """`Annotated[X, "text"]` describes the parameter."""
        assert _schema_of('Annotated[int, "How many days"]') == {
            "type": "integer",
            "description": "How many days",
        }


class TestDocstrings:
    def test_first_paragraph_and_args_are_read(self) -> None:
        """The tool's description is the first paragraph; Args entries describe parameters."""

        def get_weather(city: str, unit: str = "C", days: int = 1) -> None:
            """Look up the weather
            in a city.

            Uses the national service.

            Args:
                city: The city's name,
                    such as "Paris".
                unit (str): Celsius or Fahrenheit.
                days: How many days ahead.

            Returns:
                Nothing of interest.
            """

        tool = ClientTool(get_weather)
        assert tool.description == "Look up the weather in a city."
        props = tool.input_schema["properties"]
        assert props["city"]["description"] == 'The city\'s name, such as "Paris".'
        assert props["unit"]["description"] == "Celsius or Fahrenheit."
        assert props["days"]["description"] == "How many days ahead."

    def test_no_docstring_means_no_descriptions(self) -> None:
        """Without a docstring the description is empty and the spec leaves it out."""

        def ping(host: str) -> None: ...

        tool = ClientTool(ping)
        assert tool.description == ""
        assert "description" not in tool.input_schema["properties"]["host"]
        assert "description" not in tool.spec.to_dict()

    def test_annotated_description_wins_over_the_docstring(self) -> None:
        """An Annotated description is kept when the docstring describes the parameter too."""

        def tool(days: Annotated[int, "From the hint"]) -> None:
            """Do it.

            Args:
                days: From the docstring.
            """

        assert ClientTool(tool).input_schema["properties"]["days"]["description"] == "From the hint"


class TestUnsupportedHints:
    @pytest.mark.parametrize(
        "annotation",
        ["datetime.datetime", "dict[int, str]", "bytes", "Node", "complex"],
    )
    def test_hint_without_a_schema_is_a_type_error(self, annotation: str) -> None:
        """An annotation JSON Schema cannot express fails at decoration, naming the tool."""
        with pytest.raises(TypeError, match="tool 'tool'"):
            _schema_of(annotation)

    def test_missing_hint_is_a_type_error(self) -> None:
        """Every parameter needs a type hint."""

        def tool(city) -> None:  # type: ignore[no-untyped-def]
            ...

        with pytest.raises(TypeError, match="'city' needs a type hint"):
            client_tool(tool)

    @pytest.mark.parametrize("signature", ["*args: int", "**options: int", "city: str, /"])
    def test_non_keyword_parameters_are_refused(self, signature: str) -> None:
        """A tool is called by keyword, so *args, **kwargs and positional-only are refused."""
        with pytest.raises(TypeError):
            ClientTool(_function(signature))

    def test_invalid_name_is_a_value_error(self) -> None:
        """A tool name must match the contract's pattern."""

        def tool(city: str) -> None: ...

        with pytest.raises(ValueError, match="not a valid tool name"):
            ClientTool(tool, name="has space")

    def test_overlong_description_is_a_value_error(self) -> None:
        """A description longer than the contract allows is refused."""

        def tool(city: str) -> None: ...

        with pytest.raises(ValueError, match="2001 characters"):
            ClientTool(tool, description="x" * 2001)


class TestDecorator:
    def test_bare_decorator_keeps_the_function_callable(self) -> None:
        """@client_tool makes a ClientTool that still calls the function."""

        @client_tool
        def add(a: int, b: int = 1) -> int:
            """Add two numbers."""
            return a + b

        assert isinstance(add, ClientTool)
        assert add.name == "add"
        assert add(2, b=3) == 5

    def test_decorator_options_set_name_and_description(self) -> None:
        """@client_tool(name=..., description=...) overrides the derived ones."""

        @client_tool(name="lookup-city", description="Find a city.")
        def find(city: str) -> str:
            """Ignored."""
            return city

        spec = find.spec.to_dict()
        assert spec == {
            "name": "lookup-city",
            "description": "Find a city.",
            "input_schema": find.input_schema,
        }

    def test_explicit_schema_is_used_as_given(self) -> None:
        """A ClientTool may be given its schema instead of deriving one."""
        schema = {"type": "object", "properties": {"q": {"type": "string"}}}
        tool = ClientTool(lambda **kwargs: kwargs, name="search", input_schema=schema)
        assert tool.input_schema == schema
        assert tool.invoke({"q": "x"}) == {"q": "x"}

    def test_invoke_builds_the_annotated_types(self) -> None:
        """JSON arguments become Enum members, dataclasses, tuples and floats."""
        seen: dict[str, Any] = {}

        @client_tool
        def plan(trip: Trip, unit: Unit, pair: tuple[int, str], ratio: float = 1.0) -> None:
            seen.update(trip=trip, unit=unit, pair=pair, ratio=ratio)

        plan.invoke(
            {
                "trip": {"places": [{"city": "Oslo"}], "window": {"start": 1}},
                "unit": "F",
                "pair": [2, "b"],
                "ratio": 2,
            }
        )
        assert seen == {
            "trip": Trip(places=[{"city": "Oslo"}], window=Window(start=1)),
            "unit": Unit.FAHRENHEIT,
            "pair": (2, "b"),
            "ratio": 2.0,
        }
        assert isinstance(seen["ratio"], float)

    def test_invoke_with_an_unknown_argument_is_a_type_error(self) -> None:
        """Arguments the function does not take raise TypeError before it runs."""

        @client_tool
        def ping(host: str) -> str:
            return host

        with pytest.raises(TypeError):
            ping.invoke({"host": "a", "port": 1})

    def test_async_functions_are_recognised(self) -> None:
        """is_async tells coroutine functions apart from plain ones."""

        async def fetch(url: str) -> str:
            return url

        def plain(url: str) -> str:
            return url

        assert ClientTool(fetch).is_async
        assert not ClientTool(plain).is_async
