"""A quick yes to "is this valid?" for the JSON Schema keywords the contract uses.

``jsonschema`` walks a schema anew for every instance, resolving each ``$ref`` on the way and
trying every branch of a ``oneOf``; on the usual, valid request that walk costs more than the
rest of the request. ``quick_check`` compiles a schema once into nested closures that answer
only ``True`` (valid) or ``False`` (not known to be valid). Validation asks it first and runs
``jsonschema`` only on a ``False``, to find the error to report (or to accept what this
conservative check could not): so a ``True`` here must never be given to an instance
``jsonschema`` refuses. A schema using a keyword this module does not know gets no quick check.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from typing import Any

from jsonschema import Draft202012Validator

__all__ = ["Check", "quick_check"]

Check = Callable[[Any], bool]

# Keywords that assert nothing (``format`` included: the validators are built without a format
# checker, so it is an annotation).
_ANNOTATIONS = frozenset(
    {
        "description",
        "title",
        "default",
        "examples",
        "example",
        "discriminator",
        "format",
        "deprecated",
        "readOnly",
        "writeOnly",
        "$comment",
        "contentEncoding",
        "contentMediaType",
    }
)
_REF_PREFIX = "#/components/schemas/"
# Every keyword the validators act on: one not handled below means no quick check.
_ASSERTING = frozenset(Draft202012Validator.VALIDATORS) | {"$dynamicRef", "$defs", "$id"}


class _Unsupported(Exception):
    """The schema uses a keyword this module does not check."""


def _is_number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def _is_integer(value: Any) -> bool:
    if isinstance(value, bool):
        return False
    return isinstance(value, int) or (isinstance(value, float) and value.is_integer())


_TYPES: dict[str, Check] = {
    "object": lambda value: isinstance(value, dict),
    "array": lambda value: isinstance(value, list),
    "string": lambda value: isinstance(value, str),
    "boolean": lambda value: isinstance(value, bool),
    "null": lambda value: value is None,
    "number": _is_number,
    "integer": _is_integer,
}


def _equal(one: Any, other: Any) -> bool:
    """JSON Schema equality: ``true`` is not ``1``, ``1`` is ``1.0``."""
    if isinstance(one, bool) or isinstance(other, bool):
        return type(one) is type(other) and one == other
    if isinstance(one, dict):
        return (
            isinstance(other, dict)
            and one.keys() == other.keys()
            and all(_equal(one[key], other[key]) for key in one)
        )
    if isinstance(one, list):
        return (
            isinstance(other, list)
            and len(one) == len(other)
            and all(_equal(a, b) for a, b in zip(one, other, strict=True))
        )
    if isinstance(one, str) or isinstance(other, str):
        return type(one) is type(other) and one == other
    if one is None or other is None:
        return one is other
    return bool(one == other)


def _all(checks: list[Check]) -> Check:
    if not checks:
        return _anything
    if len(checks) == 1:
        return checks[0]
    # Two or three checks (most schemas): no generator to build for every value.
    if len(checks) == 2:
        first, second = checks
        return lambda value: first(value) and second(value)
    if len(checks) == 3:
        first, second, third = checks
        return lambda value: first(value) and second(value) and third(value)
    return lambda value: all(check(value) for check in checks)


class _Compiler:
    def __init__(self, components: Mapping[str, Any]) -> None:
        self._schemas: Mapping[str, Any] = components.get("schemas", {})
        self._compiled: dict[str, Check] = {}

    def ref(self, ref: str) -> Check:
        if not ref.startswith(_REF_PREFIX) or ref[len(_REF_PREFIX) :] not in self._schemas:
            raise _Unsupported(ref)
        name = ref[len(_REF_PREFIX) :]
        if name not in self._compiled:
            # Set before compiling, so that a schema that refers to itself finds itself.
            slot: list[Check] = []
            self._compiled[name] = lambda value: slot[0](value)
            slot.append(self.schema(self._schemas[name]))
            self._compiled[name] = slot[0]
        return self._compiled[name]

    def schema(self, schema: Any) -> Check:
        if schema is True or schema == {}:
            return _anything
        if schema is False or not isinstance(schema, dict):
            raise _Unsupported(repr(schema))
        checks: list[Check] = []
        for keyword, argument in schema.items():
            if keyword in _ANNOTATIONS or keyword.startswith("x-"):
                continue
            if keyword in ("properties", "required", "additionalProperties"):
                continue  # checked together, below
            if keyword == "$ref":
                checks.append(self.ref(argument))
            elif keyword in _SIMPLE:
                check = _SIMPLE[keyword](argument)
                if check is not None:
                    checks.append(check)
            elif keyword == "items":
                checks.append(_items(self.schema(argument)))
            elif keyword in ("anyOf", "oneOf"):
                branches = [self.schema(branch) for branch in argument]
                tagged = self._tagged(argument, branches)
                if tagged is not None:
                    checks.append(tagged)
                else:
                    checks.append(_any_of(branches) if keyword == "anyOf" else _one_of(branches))
            elif keyword in _ASSERTING:
                raise _Unsupported(keyword)
            # Any other key is no keyword of the draft: jsonschema ignores it, and so does this.
        if any(key in schema for key in ("properties", "required", "additionalProperties")):
            checks.append(self._object(schema))
        return _all(checks)

    def _resolved(self, schema: Any) -> Any:
        """The schema a lone ``$ref`` points at (the schema itself otherwise)."""
        while isinstance(schema, dict) and set(schema) == {"$ref"}:
            ref = schema["$ref"]
            if not isinstance(ref, str) or not ref.startswith(_REF_PREFIX):
                return None
            schema = self._schemas.get(ref[len(_REF_PREFIX) :])
        return schema

    def _tagged(self, branches: list[Any], checks: list[Check]) -> Check | None:
        """One check for branches told apart by a tag: each an object that requires one
        property (the same in all) to be a string constant of its own. An object can then
        pass only the branch its tag names, so "exactly one" and "any" are that branch's
        answer; ``None`` when the branches are not of that form."""
        tags: set[str] | None = None
        constants: list[dict[str, str]] = []
        for branch in branches:
            schema = self._resolved(branch)
            if not isinstance(schema, dict) or schema.get("type") != "object":
                return None
            properties = schema.get("properties", {})
            own = {
                name: properties[name]["const"]
                for name in schema.get("required", ())
                if isinstance(properties.get(name), dict)
                and isinstance(properties[name].get("const"), str)
            }
            constants.append(own)
            tags = set(own) if tags is None else tags & set(own)
        for tag in sorted(tags or ()):
            values = [own[tag] for own in constants]
            if len(set(values)) == len(values):
                return _by_tag(tag, dict(zip(values, checks, strict=True)))
        return None

    def _object(self, schema: Mapping[str, Any]) -> Check:
        properties = {name: self.schema(sub) for name, sub in schema.get("properties", {}).items()}
        required = tuple(schema.get("required", ()))
        extra = schema.get("additionalProperties", True)
        others: Check | None = None if extra is True else self.schema(extra) if extra else None
        closed = extra is False

        def check(value: Any) -> bool:
            if not isinstance(value, dict):
                return True
            for name in required:
                if name not in value:
                    return False
            for name, item in value.items():
                test = properties.get(name)
                if test is not None:
                    if not test(item):
                        return False
                elif closed or (others is not None and not others(item)):
                    return False
            return True

        return check


def _anything(value: Any) -> bool:
    return True


def _type(names: str | list[str]) -> Check:
    tests = [_TYPES[name] for name in ([names] if isinstance(names, str) else names)]
    if len(tests) == 1:
        return tests[0]
    return lambda value: any(test(value) for test in tests)


def _const(const: Any) -> Check:
    return lambda value: _equal(value, const)


def _enum(options: list[Any]) -> Check:
    return lambda value: any(_equal(value, option) for option in options)


def _minimum(bound: float) -> Check:
    return lambda value: not _is_number(value) or value >= bound


def _maximum(bound: float) -> Check:
    return lambda value: not _is_number(value) or value <= bound


def _min_length(size: int) -> Check:
    return lambda value: not isinstance(value, str) or len(value) >= size


def _max_length(size: int) -> Check:
    return lambda value: not isinstance(value, str) or len(value) <= size


def _pattern(pattern: str) -> Check:
    search = re.compile(pattern).search
    return lambda value: not isinstance(value, str) or search(value) is not None


def _min_items(size: int) -> Check:
    return lambda value: not isinstance(value, list) or len(value) >= size


def _max_items(size: int) -> Check:
    return lambda value: not isinstance(value, list) or len(value) <= size


def _unique_items(unique: bool) -> Check | None:
    return _unique if unique else None


def _min_properties(size: int) -> Check:
    return lambda value: not isinstance(value, dict) or len(value) >= size


def _max_properties(size: int) -> Check:
    return lambda value: not isinstance(value, dict) or len(value) <= size


def _items(item: Check) -> Check:
    return lambda value: not isinstance(value, list) or all(map(item, value))


def _by_tag(tag: str, branches: Mapping[str, Check]) -> Check:
    def check(value: Any) -> bool:
        if not isinstance(value, dict):
            return False  # every branch wants an object: not known to be valid
        named = value.get(tag)
        branch = branches.get(named) if type(named) is str else None
        return branch is not None and branch(value)

    return check


def _any_of(branches: list[Check]) -> Check:
    return lambda value: any(branch(value) for branch in branches)


def _one_of(branches: list[Check]) -> Check:
    return lambda value: sum(1 for branch in branches if branch(value)) == 1


_SIMPLE: dict[str, Callable[[Any], Check | None]] = {
    "type": _type,
    "const": _const,
    "enum": _enum,
    "minimum": _minimum,
    "maximum": _maximum,
    "minLength": _min_length,
    "maxLength": _max_length,
    "pattern": _pattern,
    "minItems": _min_items,
    "maxItems": _max_items,
    "uniqueItems": _unique_items,
    "minProperties": _min_properties,
    "maxProperties": _max_properties,
}


def _unique(value: Any) -> bool:
    if not isinstance(value, list):
        return True
    return all(
        not _equal(value[i], value[j]) for i in range(len(value)) for j in range(i + 1, len(value))
    )


def quick_check(schema: Mapping[str, Any], components: Mapping[str, Any]) -> Check | None:
    """The quick check of ``schema`` (its refs into ``components``), or ``None`` when it uses a
    keyword this module does not know."""
    try:
        return _Compiler(components).schema(schema)
    except (_Unsupported, KeyError, TypeError, re.error):
        return None
