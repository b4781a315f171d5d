"""Forward compatibility: response models built from the JSON of a newer server.

A newer server may add enum values (a status), union members (a part type) and fields. The
generated models keep unknown fields, but raise on an unknown enum value or an unknown tag of a
tagged union, so one new value would break every older SDK. ``parse_model`` builds a response
model without changing the generated code:

- an unknown enum value becomes a member of its enum that equals its string (made for that
  value only: the enum class itself still refuses the value);
- in an array of a tagged union, a member with an unknown tag becomes an ``UnknownPart``, in place.

Request models stay strict: they are built with the generated ``from_dict`` directly.
"""

from __future__ import annotations

import builtins
import enum
import keyword
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from functools import cache
from typing import Any, TypeVar

import attrs
from agentkit_api.types import Unset

from ._contract import contract

__all__ = ["UnknownPart", "enum_member", "model_parser", "parse_model"]

T = TypeVar("T")

#: What the generated ``from_dict`` raises for data that does not fit (its unions catch these).
_PARSE_ERRORS = (KeyError, TypeError, ValueError, AttributeError)
_SCHEMA_REF = "#/components/schemas/"

_Fix = Callable[[Any], Any]
"""Applied to the value the generated code built from cleaned data; returns the value to keep."""


@dataclass(frozen=True, slots=True)
class UnknownPart:
    """A member of a tagged union whose ``type`` this SDK version does not know.

    Attributes:
        type: The tag the server sent.
        raw: The whole object as received.
    """

    type: str
    raw: dict[str, Any] = field(repr=False)

    def to_dict(self) -> dict[str, Any]:
        """The object as received."""
        return dict(self.raw)


def parse_model(model_cls: type[T], data: Any) -> T:
    """Build a generated response model from its JSON, tolerating values from newer servers.

    Args:
        model_cls: A generated model class, named as its schema in the contract.
        data: The decoded JSON.

    Raises:
        KeyError, TypeError, ValueError, AttributeError: The data does not fit the model even
            with unknown values set aside (the generated code's own exception).
    """
    parse = _parsers.get(model_cls) or model_parser(model_cls)
    built: T = parse(data)
    return built


#: ``model_parser`` of each model class, made on first use.
_parsers: dict[type[Any], Callable[[Any], Any]] = {}


def model_parser(model_cls: type[T]) -> Callable[[Any], T]:
    """``parse_model`` for one model class, with what it looks up per class done once: for a
    caller that parses many of the same model, such as the events of a stream."""
    made = _parsers.get(model_cls)
    if made is not None:
        return made
    build, probe = _parser_of(model_cls)

    def parse(data: Any) -> T:
        try:
            built: T = build(data)
        except _PARSE_ERRORS as exc:
            try:
                rebuilt = _rebuild(model_cls, data)
            except _PARSE_ERRORS:
                raise exc from None
            if rebuilt is None:
                raise
            return rebuilt
        if probe is None or probe.intact(built):
            return built
        # A nullable field kept its raw JSON: the generated code does that instead of raising.
        rebuilt = _rebuild(model_cls, data)
        return built if rebuilt is None else rebuilt

    _parsers[model_cls] = parse
    return parse


def _parser_of(model_cls: type[Any]) -> tuple[Callable[[Any], Any], _Node | None]:
    """What builds the model from JSON (its ``from_dict``, or for a flat schema a
    ``_flat_builder`` that does the same), and its plan if a model so built may hold raw JSON
    to look for, else None."""
    plan = _planner().named(model_cls.__name__)
    fields = _flat_fields(model_cls)
    build = model_cls.from_dict if fields is None else _flat_builder(model_cls, fields)
    return build, plan if plan is not None and plan.probed else None


# What a flat schema's properties may say: the generated from_dict takes such a value as it is.
_FLAT_TYPES = frozenset({"string", "integer", "boolean"})
_FLAT_KEYWORDS = frozenset(
    {"type", "const", "description", "title", "minimum", "maximum", "minLength", "maxLength"}
)
_NO_CONST = object()


def _flat_fields(model_cls: type[Any]) -> tuple[tuple[str, str, Any], ...] | None:
    """``(key, attribute, const)`` per field, in the order the generated ``from_dict`` takes
    them, if the model's schema is flat: an object whose properties are all required strings,
    integers or booleans (a string may be a ``const``), whose other keys it keeps in
    ``additional_properties``; and if its attrs class only stores what its ``__init__`` is
    given (no validator, converter, init hook or ``__setattr__`` of its own). ``None`` for any
    other model."""
    schema = contract().components["schemas"].get(model_cls.__name__)
    if not isinstance(schema, Mapping) or schema.get("type") != "object":
        return None
    if set(schema) - {"type", "description", "title", "properties", "required"}:
        return None
    properties: Mapping[str, Any] = schema.get("properties", {})
    if not properties or set(properties) != set(schema.get("required", ())):
        return None
    by_attribute: dict[str, tuple[str, Any]] = {}
    for key, definition in properties.items():
        kind = definition.get("type")
        if set(definition) - _FLAT_KEYWORDS or not isinstance(kind, str) or kind not in _FLAT_TYPES:
            return None
        if "const" in definition and kind != "string":
            return None
        by_attribute[_python_name(key)] = (key, definition.get("const", _NO_CONST))
    try:
        declared = attrs.fields(model_cls)
    except (TypeError, attrs.exceptions.NotAnAttrsClassError):
        return None
    *values, extra = declared
    if extra.name != "additional_properties" or extra.init:
        return None
    if any(f.validator is not None or f.converter is not None for f in declared):
        return None
    hooks = ("__attrs_pre_init__", "__attrs_post_init__")
    own_setattr = vars(object)["__setattr__"] is not model_cls.__setattr__
    if own_setattr or any(hasattr(model_cls, hook) for hook in hooks):
        return None
    if any(not field.init for field in values) or {f.name for f in values} != set(by_attribute):
        return None
    return tuple((by_attribute[f.name][0], f.name, by_attribute[f.name][1]) for f in values)


def _flat_builder(
    model_cls: type[Any], fields: tuple[tuple[str, str, Any], ...]
) -> Callable[[Any], Any]:
    """What builds a model of a flat schema (see ``_flat_fields``) as its generated
    ``from_dict`` does, minus the ``typing`` work that code does at run time for a ``const``:
    each value taken as it is, in the same order, a ``const`` checked as it is taken, the other
    keys kept. Its attributes are stored directly, as its ``__init__`` would store them."""
    new = object.__new__

    def build(src_dict: Any) -> Any:
        rest = dict(src_dict)
        built = new(model_cls)
        for key, attribute, const in fields:
            value = rest.pop(key)
            if const is not _NO_CONST and value != const:
                raise ValueError(f"{key} must match const '{const}', got '{value}'")
            setattr(built, attribute, value)
        built.additional_properties = rest
        return built

    return build


def _rebuild(model_cls: type[T], data: Any) -> T | None:
    """The model built with unknown values set aside and then put back; ``None`` if the data
    holds no unknown value."""
    plan = _planner().named(model_cls.__name__)
    if plan is None:
        return None
    cleaned, fix = plan.clean(data)
    if fix is None:
        return None
    rebuilt: T = fix(model_cls.from_dict(cleaned))  # type: ignore[attr-defined]
    return rebuilt


E = TypeVar("E", bound=enum.Enum)


def enum_member(enum_cls: type[E], value: Any) -> E:
    """The member of ``enum_cls`` for ``value``, or, for a value this SDK does not know, a
    member made for it, so that a request can carry a value a newer server accepts (the server
    judges it)."""
    if isinstance(value, enum_cls):
        return value
    try:
        return enum_cls(value)
    except ValueError:
        made: E = _unknown_member(enum_cls, value)
        return made


def _unknown_member(enum_cls: type[enum.Enum], value: Any) -> Any:
    """A member of ``enum_cls`` for a value it does not list, made without changing the class.

    It equals its value (a ``StrEnum`` member is a ``str``), ``.value`` is the value, and
    ``enum_cls(value)`` still raises.
    """
    plain: Any = type(value)
    member = plain.__new__(enum_cls, value)
    member._name_ = str(value).upper()
    member._value_ = value
    return member


def _absent(value: Any) -> bool:
    return value is None or isinstance(value, Unset)


class _Node:
    """How to set unknown values aside in one place of a schema, and put them back.

    ``clean`` returns the value the generated code can build, and a ``_Fix`` for what it built
    (``None`` when nothing was set aside). ``built`` says whether the generated code built a
    value rather than keeping the raw JSON; ``intact`` checks that no nullable place below
    (there is one below when ``probed``) kept its raw JSON.
    """

    __slots__ = ()

    @property
    def probed(self) -> bool:
        return False

    def clean(self, value: Any) -> tuple[Any, _Fix | None]:
        return value, None

    def built(self, value: Any) -> bool:
        return True

    def intact(self, value: Any) -> bool:
        return True


class _Enum(_Node):
    __slots__ = ("known", "placeholder")

    def __init__(self, values: list[Any]) -> None:
        self.known = frozenset(values)
        self.placeholder = values[0]

    def clean(self, value: Any) -> tuple[Any, _Fix | None]:
        # Only a value of the enum's own JSON type is a newer value; anything else is malformed.
        if type(value) is not type(self.placeholder) or value in self.known:
            return value, None

        def fix(built: Any) -> Any:
            return _unknown_member(type(built), value) if isinstance(built, enum.Enum) else value

        return self.placeholder, fix

    def built(self, value: Any) -> bool:
        return type(value) is not type(self.placeholder)


class _Object(_Node):
    __slots__ = ("done", "extra", "fields", "probes")

    def __init__(self) -> None:
        self.fields: dict[str, tuple[str, _Node]] = {}
        self.extra: tuple[frozenset[str], _Node] | None = None
        self.probes: tuple[tuple[str, _Node], ...] = ()
        self.done = False

    @property
    def probed(self) -> bool:
        return bool(self.probes)

    @property
    def empty(self) -> bool:
        """Whether nothing in it needs a plan."""
        return not self.fields and self.extra is None

    def clean(self, value: Any) -> tuple[Any, _Fix | None]:
        if not isinstance(value, dict):
            return value, None
        copy = dict(value)
        fixes: list[tuple[str | None, str, _Fix]] = []
        for key, (attr, node) in self.fields.items():
            if key in value:
                copy[key], fix = node.clean(value[key])
                if fix is not None:
                    fixes.append((attr, key, fix))
        if self.extra is not None:
            declared, node = self.extra
            for key in value.keys() - declared:
                copy[key], fix = node.clean(value[key])
                if fix is not None:
                    fixes.append((None, key, fix))
        if not fixes:
            return value, None

        def fix_model(built: Any) -> Any:
            for attr, key, put_back in fixes:
                if attr is None:
                    extra = built.additional_properties
                    extra[key] = put_back(extra[key])
                else:
                    setattr(built, attr, put_back(getattr(built, attr)))
            return built

        return copy, fix_model

    def built(self, value: Any) -> bool:
        return not isinstance(value, dict)

    def intact(self, value: Any) -> bool:
        if _absent(value):
            return True
        return all(node.intact(getattr(value, attr)) for attr, node in self.probes)


class _Union(_Node):
    __slots__ = ("by_class", "tag", "tags", "variants")

    def __init__(
        self, tag: str, tags: frozenset[Any], variants: dict[Any, tuple[str, _Node]]
    ) -> None:
        self.tag = tag
        self.tags = tags
        self.variants = {value: node for value, (_, node) in variants.items()}
        self.by_class = {name: node for name, node in variants.values() if _probed(node)}

    @property
    def probed(self) -> bool:
        return bool(self.by_class)

    def unknown(self, value: Any) -> bool:
        """Whether the value is a member of this union with a tag it does not know."""
        if not isinstance(value, dict):
            return False
        tag = value.get(self.tag)
        return isinstance(tag, str) and tag not in self.tags

    def clean(self, value: Any) -> tuple[Any, _Fix | None]:
        if not isinstance(value, dict):
            return value, None
        node = self.variants.get(value.get(self.tag))
        return node.clean(value) if node is not None else (value, None)

    def built(self, value: Any) -> bool:
        return not isinstance(value, dict)

    def intact(self, value: Any) -> bool:
        node = self.by_class.get(type(value).__name__)
        return node is None or node.intact(value)


class _Array(_Node):
    __slots__ = ("item",)

    def __init__(self, item: _Node) -> None:
        self.item = item

    @property
    def probed(self) -> bool:
        return self.item.probed

    def clean(self, value: Any) -> tuple[Any, _Fix | None]:
        if not isinstance(value, list):
            return value, None
        union = self.item if isinstance(self.item, _Union) else None
        kept: list[Any] = []
        fixes: list[tuple[int, _Fix]] = []
        unknown: list[tuple[int, UnknownPart]] = []
        for index, item in enumerate(value):
            if union is not None and union.unknown(item):
                unknown.append((index, UnknownPart(type=item[union.tag], raw=item)))
                continue
            cleaned, fix = self.item.clean(item)
            if fix is not None:
                fixes.append((len(kept), fix))
            kept.append(cleaned)
        if not fixes and not unknown:
            return value, None

        def fix_list(built: Any) -> Any:
            for position, put_back in fixes:
                built[position] = put_back(built[position])
            for index, part in unknown:
                built.insert(index, part)
            return built

        return kept, fix_list

    def built(self, value: Any) -> bool:
        return isinstance(value, list) and all(self.item.built(item) for item in value)

    def intact(self, value: Any) -> bool:
        if _absent(value):
            return True
        return all(map(self.item.intact, value))


class _Nullable(_Node):
    """A nullable place: on data that does not fit, the generated code keeps the raw JSON."""

    __slots__ = ("inner",)

    def __init__(self, inner: _Node) -> None:
        self.inner = inner

    @property
    def probed(self) -> bool:
        return True

    def clean(self, value: Any) -> tuple[Any, _Fix | None]:
        cleaned, fix = self.inner.clean(value)
        if fix is None:
            return value, None

        def fix_value(built: Any) -> Any:
            # Still raw JSON: the data is wrong in another way, so keep it as received.
            return fix(built) if self.inner.built(built) else value

        return cleaned, fix_value

    def built(self, value: Any) -> bool:
        return _absent(value) or self.inner.built(value)

    def intact(self, value: Any) -> bool:
        if _absent(value):
            return True
        return self.inner.built(value) and self.inner.intact(value)


class _Planner:
    """Plans (``_Node`` trees) per schema, made on first use and kept.

    A plan holds only the places where a newer server can send what the generated code refuses
    (enums, tagged unions) or where it keeps raw JSON (nullable places); a schema without any
    has no plan (``None``).
    """

    def __init__(self, schemas: Mapping[str, Any]) -> None:
        self._schemas = schemas
        self._named: dict[str, _Node | None] = {}

    def named(self, name: str) -> _Node | None:
        """The plan of a ``components/schemas`` entry, ``None`` if it has nothing to plan."""
        if name in self._named:
            return self._named[name]
        self._named[name] = None  # while it is made: a schema may contain itself
        schema = self._schemas.get(name)
        if schema is None:
            return None
        if not _is_object(schema):
            self._named[name] = self.node(schema)
            return self._named[name]
        plan = _Object()
        self._named[name] = plan
        self._fill(plan, schema)
        self._named[name] = None if plan.empty else plan
        return self._named[name]

    def node(self, schema: Mapping[str, Any]) -> _Node | None:
        """The plan of a schema found in place."""
        ref = schema.get("$ref")
        if isinstance(ref, str):
            return (
                self.named(ref.removeprefix(_SCHEMA_REF)) if ref.startswith(_SCHEMA_REF) else None
            )
        choices = schema.get("oneOf") or schema.get("anyOf") or []
        options = [choice for choice in choices if choice.get("type") != "null"]
        types = schema.get("type")
        nullable = len(options) < len(choices) or (isinstance(types, list) and "null" in types)
        if len(options) > 1:
            plan = self._union(schema, options)
        elif options:
            plan = self.node(options[0])
        else:
            plan = self._plain(schema)
        return _Nullable(plan) if nullable and plan is not None else plan

    def _plain(self, schema: Mapping[str, Any]) -> _Node | None:
        values = [value for value in schema.get("enum", ()) if value is not None]
        if values:
            return _Enum(values)
        items = schema.get("items")
        if isinstance(items, Mapping):
            item = self.node(items)
            return _Array(item) if item is not None else None
        if _is_object(schema):
            plan = _Object()
            self._fill(plan, schema)
            return None if plan.empty else plan
        return None

    def _fill(self, plan: _Object, schema: Mapping[str, Any]) -> None:
        properties: Mapping[str, Any] = schema.get("properties", {})
        for key, definition in properties.items():
            node = self.node(definition)
            if node is not None:
                plan.fields[key] = (_python_name(key), node)
        extra = schema.get("additionalProperties")
        if isinstance(extra, Mapping):
            node = self.node(extra)
            if node is not None:
                plan.extra = (frozenset(properties), node)
        plan.probes = tuple((attr, node) for attr, node in plan.fields.values() if _probed(node))
        plan.done = True

    def _union(self, schema: Mapping[str, Any], options: list[Any]) -> _Node | None:
        """A union tagged by a ``const`` property (the discriminator's, else ``type``)."""
        tag = schema.get("discriminator", {}).get("propertyName", "type")
        tags = []
        variants: dict[Any, tuple[str, _Node]] = {}
        for option in options:
            ref = option.get("$ref", "")
            target = self._schemas.get(ref.removeprefix(_SCHEMA_REF), {}) if ref else option
            value = target.get("properties", {}).get(tag, {}).get("const")
            if value is None:
                return None
            tags.append(value)
            node = self.node(option)
            if node is not None:
                variants[value] = (ref.removeprefix(_SCHEMA_REF), node)
        return _Union(tag, frozenset(tags), variants)


def _probed(node: _Node) -> bool:
    # A schema still being made (it contains itself) may turn out to need probing.
    return node.probed or (isinstance(node, _Object) and not node.done)


def _is_object(schema: Mapping[str, Any]) -> bool:
    types = schema.get("type")
    return (
        "properties" in schema
        or types == "object"
        or (isinstance(types, list) and "object" in types)
    )


@cache
def _planner() -> _Planner:
    return _Planner(contract().components["schemas"])


_DELIMITERS = r"\. _-"
_RESERVED = (set(dir(builtins)) | {"self", "true", "false", "datetime"}) - {"id"}


def _python_name(key: str) -> str:
    """The attribute a generated model holds the JSON property ``key`` in.

    The generator snake-cases the key, appends ``_`` to a Python keyword or builtin name (``type``
    becomes ``type_``) and prefixes ``field_`` to what still is no identifier.
    """
    safe = "".join(c for c in key if c.isidentifier() or c.isdecimal() or c in _DELIMITERS)
    words = safe
    if any(c.isupper() for c in words):
        words = " ".join(re.split("([A-Z]?[a-z]+)", words))
    name = "_".join(re.findall(f"[^{re.escape(_DELIMITERS)}]+", words)).lower()
    if name in _RESERVED or keyword.iskeyword(name):
        name += "_"
    if not name.isidentifier() or safe.startswith("_"):
        name = f"field_{name}"
    return name
