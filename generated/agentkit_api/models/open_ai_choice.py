from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.open_ai_finish_reason import OpenAIFinishReason
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.open_ai_response_message import OpenAIResponseMessage


T = TypeVar("T", bound="OpenAIChoice")


@_attrs_define
class OpenAIChoice:
    index: int
    message: OpenAIResponseMessage
    finish_reason: OpenAIFinishReason
    logprobs: None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        index = self.index

        message = self.message.to_dict()

        finish_reason = self.finish_reason.value

        logprobs = self.logprobs

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "index": index,
                "message": message,
                "finish_reason": finish_reason,
            }
        )
        if logprobs is not UNSET:
            field_dict["logprobs"] = logprobs

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.open_ai_response_message import OpenAIResponseMessage

        d = dict(src_dict)
        index = d.pop("index")

        message = OpenAIResponseMessage.from_dict(d.pop("message"))

        finish_reason = OpenAIFinishReason(d.pop("finish_reason"))

        logprobs = d.pop("logprobs", UNSET)

        open_ai_choice = cls(
            index=index,
            message=message,
            finish_reason=finish_reason,
            logprobs=logprobs,
        )

        open_ai_choice.additional_properties = d
        return open_ai_choice

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
