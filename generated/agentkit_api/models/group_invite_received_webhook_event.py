from __future__ import annotations

import datetime
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


T = TypeVar("T", bound="GroupInviteReceivedWebhookEvent")


@_attrs_define
class GroupInviteReceivedWebhookEvent:
    """One of your identities was invited to a group."""

    id: str
    """ `evt_...`; the `webhook-id` header too. """
    type_: Literal["group.invite.received"]
    created_at: datetime.datetime
    recipient_ids: list[str]
    data: GroupInvite
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        type_ = self.type_

        created_at = self.created_at.isoformat()

        recipient_ids = self.recipient_ids

        data = self.data.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "type": type_,
                "created_at": created_at,
                "recipient_ids": recipient_ids,
                "data": data,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.group_invite import GroupInvite

        d = dict(src_dict)
        id = d.pop("id")

        type_ = cast(Literal["group.invite.received"], d.pop("type"))
        if type_ != "group.invite.received":
            raise ValueError(
                f"type must match const 'group.invite.received', got '{type_}'"
            )

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        recipient_ids = cast(list[str], d.pop("recipient_ids"))

        data = GroupInvite.from_dict(d.pop("data"))

        group_invite_received_webhook_event = cls(
            id=id,
            type_=type_,
            created_at=created_at,
            recipient_ids=recipient_ids,
            data=data,
        )

        group_invite_received_webhook_event.additional_properties = d
        return group_invite_received_webhook_event

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
