"""JSON Schema from Python type hints, and JSON values back into the hinted types.

``schema_for`` describes an annotation; ``parameters_schema`` describes a function's parameters as
one object schema; ``coerce`` turns a JSON value into the annotated type (an ``Enum`` member, a
dataclass, a tuple) so that a tool function receives what its signature promises.

Supported: ``str``, ``int``, ``float``, ``bool``, ``None``, ``Any``, unions (``X | None``),
``list[X]``, ``Sequence[X]``, ``set[X]``, ``tuple[X, Y]``, ``tuple[X, ...]``, ``dict[str, X]``,
``Literal[...]``, ``Enum`` subclasses, ``TypedDict`` and dataclasses (nested), and
``Annotated[X, "description"]``. Anything else is a ``TypeError``.
"""

from __future__ import annotations

import collections.abc
import dataclasses
import enum
import inspect
import json
import types
import typing
from collections.abc import Callable, Mapping
from typing import Any

__all__ = ["coerce", "parameters_schema", "schema_for"]

_SCALARS: dict[Any, str] = {str: "string", int: "integer", float: "number", bool: "boolean"}
_ARRAYS = frozenset({list, collections.abc.Sequence, collections.abc.MutableSequence})
_SETS = frozenset({set, frozenset, collections.abc.Set, collections.abc.MutableSet})
_MAPPINGS = frozenset({dict, collections.abc.Mapping, collections.abc.MutableMapping})
_WRAPPERS = frozenset({typing.Required, typing.NotRequired})
_SUPPORTED = (
    "str, int, float, bool, None, Any, unions, list[X], tuple[...], set[X], dict[str, X], "
    "Literal[...], Enum subclasses, TypedDict and dataclasses"
)


def _json_type(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int):
        return "integer"
    if isinstance(value, float):
        return "number"
    if isinstance(value, str):
        return "string"
    raise TypeError(f"{value!r} is not a JSON scalar")


def _enum_schema(values: list[Any], where: str) -> dict[str, Any]:
    try:
        kinds = {_json_type(value) for value in values}
    except TypeError as exc:
        raise TypeError(f"{where}: {exc}; only strings, numbers, booleans and None") from None
    schema: dict[str, Any] = {"enum": values}
    if len(kinds) == 1:
        schema = {"type": kinds.pop(), **schema}
    return schema


def _nullable(schema: dict[str, Any]) -> dict[str, Any]:
    kind = schema.get("type")
    if isinstance(kind, str) and kind != "null":
        result = {**schema, "type": [kind, "null"]}
        if "enum" in result:
            result["enum"] = [*result["enum"], None]
        return result
    if kind == "null" or (isinstance(kind, list) and "null" in kind):
        return schema
    if list(schema) == ["anyOf"]:
        return {"anyOf": [*schema["anyOf"], {"type": "null"}]}
    return {"anyOf": [schema, {"type": "null"}]}


def _is_typeddict(tp: Any) -> bool:
    return (
        isinstance(tp, type)
        and issubclass(tp, dict)
        and hasattr(tp, "__required_keys__")
        and hasattr(tp, "__annotations__")
    )


def _hints(owner: Any, where: str) -> dict[str, Any]:
    try:
        return typing.get_type_hints(owner, include_extras=True)
    except Exception as exc:
        raise TypeError(f"{where}: cannot resolve the type hints of {owner!r}: {exc}") from None


def json_default(value: Any) -> tuple[bool, Any]:
    """Whether a default value can be written in a schema, and its JSON form."""
    if isinstance(value, enum.Enum):
        value = value.value
    elif isinstance(value, tuple | frozenset | set):
        value = list(value)
    try:
        return True, json.loads(json.dumps(value))
    except (TypeError, ValueError):
        return False, None


def _object_schema(
    fields: list[tuple[str, Any, bool, tuple[bool, Any]]], where: str, seen: tuple[Any, ...]
) -> dict[str, Any]:
    """An object schema from (name, annotation, required, (has_default, default)) entries."""
    properties: dict[str, Any] = {}
    required: list[str] = []
    for name, annotation, is_required, (has_default, default) in fields:
        schema = schema_for(annotation, where=f"{where}.{name}", _seen=seen)
        if has_default:
            schema = {**schema, "default": default}
        properties[name] = schema
        if is_required:
            required.append(name)
    return {
        "type": "object",
        "properties": properties,
        "required": required,
        "additionalProperties": False,
    }


def _dataclass_schema(tp: type[Any], where: str, seen: tuple[Any, ...]) -> dict[str, Any]:
    hints = _hints(tp, where)
    entries = []
    for item in dataclasses.fields(tp):
        if not item.init:
            continue
        if item.default is not dataclasses.MISSING:
            default = json_default(item.default)
        else:
            default = (False, None)
        required = (
            item.default is dataclasses.MISSING and item.default_factory is dataclasses.MISSING
        )
        entries.append((item.name, hints[item.name], required, default))
    return _object_schema(entries, where, (*seen, tp))


def _typeddict_schema(tp: Any, where: str, seen: tuple[Any, ...]) -> dict[str, Any]:
    hints = _hints(tp, where)
    entries = []
    for name, hint in hints.items():
        # Resolved hints keep Required/NotRequired, which __required_keys__ misses when the
        # annotations were strings (``from __future__ import annotations``) on Python 3.11.
        wrapper = typing.get_origin(hint)
        required = wrapper is typing.Required or (
            wrapper is not typing.NotRequired and name in tp.__required_keys__
        )
        entries.append((name, hint, required, (False, None)))
    return _object_schema(entries, where, (*seen, tp))


def schema_for(
    annotation: Any, *, where: str = "type", _seen: tuple[Any, ...] = ()
) -> dict[str, Any]:
    """The JSON Schema of values of ``annotation``.

    Args:
        annotation: A type hint (resolved, not a string).
        where: Names the annotation in error messages, such as ``"get_weather(city)"``.

    Raises:
        TypeError: The annotation cannot be expressed in JSON Schema (or is recursive).
    """
    tp = annotation
    if tp is Any:
        return {}
    if tp is None or tp is type(None):
        return {"type": "null"}
    if tp in _SCALARS:
        return {"type": _SCALARS[tp]}
    origin = typing.get_origin(tp)
    args = typing.get_args(tp)
    if origin is typing.Annotated:
        schema = schema_for(args[0], where=where, _seen=_seen)
        notes = [note for note in args[1:] if isinstance(note, str)]
        return {**schema, "description": notes[0]} if notes else schema
    if origin in _WRAPPERS:
        return schema_for(args[0], where=where, _seen=_seen)
    if origin is typing.Union or origin is types.UnionType:
        members = [member for member in args if member is not type(None)]
        schemas = [schema_for(member, where=where, _seen=_seen) for member in members]
        schema = schemas[0] if len(schemas) == 1 else {"anyOf": schemas}
        return _nullable(schema) if len(members) < len(args) else schema
    if origin is typing.Literal:
        values = [arg.value if isinstance(arg, enum.Enum) else arg for arg in args]
        return _enum_schema(values, where)
    if isinstance(tp, type) and issubclass(tp, enum.Enum):
        return _enum_schema([member.value for member in tp], where)
    if tp in _seen:
        raise TypeError(f"{where}: {tp.__name__} refers to itself; recursive types have no schema")
    if _is_typeddict(tp):
        return _typeddict_schema(tp, where, _seen)
    if isinstance(tp, type) and dataclasses.is_dataclass(tp):
        return _dataclass_schema(tp, where, _seen)
    base = origin or tp
    if base in _ARRAYS or base in _SETS:
        schema = {"type": "array"}
        if args:
            schema["items"] = schema_for(args[0], where=f"{where}[]", _seen=_seen)
        if base in _SETS:
            schema["uniqueItems"] = True
        return schema
    if base is tuple:
        if not args:
            return {"type": "array"}
        if len(args) == 2 and args[1] is Ellipsis:
            return {"type": "array", "items": schema_for(args[0], where=f"{where}[]", _seen=_seen)}
        items = [
            schema_for(arg, where=f"{where}[{index}]", _seen=_seen)
            for index, arg in enumerate(args)
        ]
        return {
            "type": "array",
            "prefixItems": items,
            "minItems": len(items),
            "maxItems": len(items),
        }
    if base in _MAPPINGS:
        if not args:
            return {"type": "object"}
        if args[0] is not str:
            raise TypeError(f"{where}: JSON object keys are strings, not {args[0]!r}")
        return {
            "type": "object",
            "additionalProperties": schema_for(args[1], where=f"{where}[]", _seen=_seen),
        }
    raise TypeError(f"{where}: cannot describe {tp!r} in JSON Schema; use {_SUPPORTED}")


def parameters_schema(
    function: Callable[..., Any], descriptions: Mapping[str, str], *, where: str
) -> dict[str, Any]:
    """The object schema of a function's parameters, as a tool's ``input_schema``.

    A parameter with a default is optional and its default is written in the schema (when it is
    JSON). ``descriptions`` fill in the parameters' ``description``.

    Raises:
        TypeError: A parameter has no type hint, a hint cannot be expressed, or the function takes
            ``*args``, ``**kwargs`` or positional-only parameters (a tool is called by keyword).
    """
    try:
        signature = inspect.signature(function, eval_str=True)
    except (NameError, SyntaxError) as exc:
        raise TypeError(f"{where}: cannot resolve its type hints: {exc}") from None
    entries = []
    for name, parameter in signature.parameters.items():
        if parameter.kind in (parameter.VAR_POSITIONAL, parameter.VAR_KEYWORD):
            raise TypeError(f"{where}: a tool takes named parameters only, not *{name}")
        if parameter.kind is parameter.POSITIONAL_ONLY:
            raise TypeError(
                f"{where}: parameter {name!r} is positional-only; tools are called by name"
            )
        if parameter.annotation is parameter.empty:
            raise TypeError(f"{where}: parameter {name!r} needs a type hint")
        optional = parameter.default is not parameter.empty
        default = json_default(parameter.default) if optional else (False, None)
        entries.append((name, parameter.annotation, not optional, default))
    schema = _object_schema(entries, where, ())
    for name, text in descriptions.items():
        prop = schema["properties"].get(name)
        if prop is not None and text and "description" not in prop:
            prop["description"] = text
    return schema


def coerce(annotation: Any, value: Any) -> Any:
    """Turn a JSON value into the type ``annotation`` describes, where the two differ.

    Enum members, dataclasses, tuples and sets are built from their JSON forms; other values are
    returned as they are (the function itself judges them).

    Raises:
        ValueError, TypeError, KeyError: The value does not fit the annotation.
    """
    tp = annotation
    origin = typing.get_origin(tp)
    args = typing.get_args(tp)
    if origin is typing.Annotated or origin in _WRAPPERS:
        return coerce(args[0], value)
    if origin is typing.Union or origin is types.UnionType:
        if value is None and type(None) in args:
            return None
        for member in args:
            if member is type(None):
                continue
            try:
                return coerce(member, value)
            except (ValueError, TypeError, KeyError):
                continue
        raise ValueError(f"{value!r} fits none of {args!r}")
    if isinstance(tp, type) and issubclass(tp, enum.Enum):
        return tp(value)
    if tp is float and isinstance(value, int) and not isinstance(value, bool):
        return float(value)
    if isinstance(tp, type) and dataclasses.is_dataclass(tp):
        hints = typing.get_type_hints(tp, include_extras=True)
        return tp(**{name: coerce(hints[name], item) for name, item in dict(value).items()})
    if _is_typeddict(tp):
        hints = typing.get_type_hints(tp, include_extras=True)
        return {name: coerce(hints.get(name, Any), item) for name, item in dict(value).items()}
    base = origin or tp
    if isinstance(value, list) and (base in _ARRAYS or base in _SETS or base is tuple):
        if base is tuple and args and not (len(args) == 2 and args[1] is Ellipsis):
            if len(args) != len(value):
                raise ValueError(f"expected {len(args)} items, got {len(value)}")
            return tuple(coerce(arg, item) for arg, item in zip(args, value, strict=True))
        items = [coerce(args[0], item) for item in value] if args else list(value)
        if base in _SETS:
            return frozenset(items) if base is frozenset else set(items)
        return tuple(items) if base is tuple else items
    if isinstance(value, dict) and base in _MAPPINGS and len(args) == 2:
        return {key: coerce(args[1], item) for key, item in value.items()}
    return value
