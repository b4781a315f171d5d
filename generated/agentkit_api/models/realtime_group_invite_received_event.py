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
    from ..models.group_invite import GroupInvite


T = TypeVar("T", bound="RealtimeGroupInviteReceivedEvent")


@_attrs_define
class RealtimeGroupInviteReceivedEvent:
    """Server event: the caller was invited to a group."""

    type_: Literal["group.invite.received"]
    id: str
    payload: GroupInvite
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        type_ = self.type_

        id = self.id

        payload = self.payload.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "type": type_,
                "id": id,
                "payload": payload,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.group_invite import GroupInvite

        d = dict(src_dict)
        type_ = cast(Literal["group.invite.received"], d.pop("type"))
        if type_ != "group.invite.received":
            raise ValueError(
                f"type must match const 'group.invite.received', got '{type_}'"
            )

        id = d.pop("id")

        payload = GroupInvite.from_dict(d.pop("payload"))

        realtime_group_invite_received_event = cls(
            type_=type_,
            id=id,
            payload=payload,
        )

        realtime_group_invite_received_event.additional_properties = d
        return realtime_group_invite_received_event

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
    def type(self) -> Literal["group.invite.received"]:
        """``type``, by its wire name (the same as ``type_``)."""
        return self.type_
