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
    from ..models.guardrail_finding import GuardrailFinding


T = TypeVar("T", bound="ChatGuardrailEvent")


@_attrs_define
class ChatGuardrailEvent:
    """SSE event `guardrail`: a guardrail of the agent fired on the reply. Sent before the
    reply's `content`; with `action` `block` the content is the guardrail's refusal.

    """

    type_: Literal["guardrail"]
    chat_id: str
    message_id: str
    finding: GuardrailFinding
    """ Which guardrail fired on a reply, what it did, and why. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        type_ = self.type_

        chat_id = self.chat_id

        message_id = self.message_id

        finding = self.finding.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "type": type_,
                "chat_id": chat_id,
                "message_id": message_id,
                "finding": finding,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.guardrail_finding import GuardrailFinding

        d = dict(src_dict)
        type_ = cast(Literal["guardrail"], d.pop("type"))
        if type_ != "guardrail":
            raise ValueError(f"type must match const 'guardrail', got '{type_}'")

        chat_id = d.pop("chat_id")

        message_id = d.pop("message_id")

        finding = GuardrailFinding.from_dict(d.pop("finding"))

        chat_guardrail_event = cls(
            type_=type_,
            chat_id=chat_id,
            message_id=message_id,
            finding=finding,
        )

        chat_guardrail_event.additional_properties = d
        return chat_guardrail_event

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
    def type(self) -> Literal["guardrail"]:
        """``type``, by its wire name (the same as ``type_``)."""
        return self.type_
