from __future__ import annotations

from collections.abc import Mapping
from typing import (
    TYPE_CHECKING,
    Any,
    Literal,
    Self,
    TypeVar,
    cast,
)

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.open_ai_error_object import OpenAIErrorObject


T = TypeVar("T", bound="OpenAIStreamError")


@_attrs_define
class OpenAIStreamError:
    """The last chunk of a completion stream whose agent failed, before `[DONE]`."""

    object_: Literal["error"]
    error: OpenAIErrorObject
    """ OpenAI's error object. A request refused before its route is known (a body over the size
    limit, one too slow to arrive) gets agentkit's envelope, which has the `message` and
    `code` but neither `type` nor `param`.
     """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        object_ = self.object_

        error = self.error.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "object": object_,
                "error": error,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.open_ai_error_object import OpenAIErrorObject

        d = dict(src_dict)
        object_ = cast(Literal["error"], d.pop("object"))
        if object_ != "error":
            raise ValueError(f"object must match const 'error', got '{object_}'")

        error = OpenAIErrorObject.from_dict(d.pop("error"))

        open_ai_stream_error = cls(
            object_=object_,
            error=error,
        )

        open_ai_stream_error.additional_properties = d
        return open_ai_stream_error

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties

    @property
    def object(self) -> Literal["error"]:
        """``object``, by its wire name (the same as ``object_``)."""
        return self.object_
