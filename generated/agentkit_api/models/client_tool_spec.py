from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.json_object import JsonObject


T = TypeVar("T", bound="ClientToolSpec")


@_attrs_define
class ClientToolSpec:
    """A tool the client runs itself; the server offers it to the agent but never runs it."""

    name: str
    input_schema: JsonObject
    """ A free-form JSON object. """
    description: str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        input_schema = self.input_schema.to_dict()

        description = self.description

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "name": name,
                "input_schema": input_schema,
            }
        )
        if description is not UNSET:
            field_dict["description"] = description

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.json_object import JsonObject

        d = dict(src_dict)
        name = d.pop("name")

        input_schema = JsonObject.from_dict(d.pop("input_schema"))

        description = d.pop("description", UNSET)

        client_tool_spec = cls(
            name=name,
            input_schema=input_schema,
            description=description,
        )

        return client_tool_spec
