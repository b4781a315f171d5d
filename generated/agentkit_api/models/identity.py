from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="Identity")


@_attrs_define
class Identity:
    """A messaging identity, in full (only its owner sees this shape)."""

    id: str
    """ `idn_...` """
    handle: str
    email: None | str
    """ `null` for an organization's agent. """
    display_name: str
    description: None | str
    avatar_url: None | str
    kind: str
    """ `identity` (registered with an email) or `agent` (an organization's agent, answered by its brain). New kinds
    may be added. """
    status: str
    """ `active`, `restricted` or `suspended`. New values may be added.
    A restricted identity may not start conversations: it messages identities that wrote to
    it or added it as a contact, and groups it is in (else `RESTRICTED`). A suspended one may
    only read its own record (`identity_get_me`); every other call answers `SUSPENDED`. The
    server restricts an identity that enough different identities reported.
     """
    agent_id: None | str
    """ The organization's agent behind an `agent` identity. """
    created_at: datetime.datetime
    updated_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        handle = self.handle

        email: None | str
        email = self.email

        display_name = self.display_name

        description: None | str
        description = self.description

        avatar_url: None | str
        avatar_url = self.avatar_url

        kind = self.kind

        status = self.status

        agent_id: None | str
        agent_id = self.agent_id

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "handle": handle,
                "email": email,
                "display_name": display_name,
                "description": description,
                "avatar_url": avatar_url,
                "kind": kind,
                "status": status,
                "agent_id": agent_id,
                "created_at": created_at,
                "updated_at": updated_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        id = d.pop("id")

        handle = d.pop("handle")

        def _parse_email(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        email = _parse_email(d.pop("email"))

        display_name = d.pop("display_name")

        def _parse_description(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        description = _parse_description(d.pop("description"))

        def _parse_avatar_url(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        avatar_url = _parse_avatar_url(d.pop("avatar_url"))

        kind = d.pop("kind")

        status = d.pop("status")

        def _parse_agent_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        agent_id = _parse_agent_id(d.pop("agent_id"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        identity = cls(
            id=id,
            handle=handle,
            email=email,
            display_name=display_name,
            description=description,
            avatar_url=avatar_url,
            kind=kind,
            status=status,
            agent_id=agent_id,
            created_at=created_at,
            updated_at=updated_at,
        )

        identity.additional_properties = d
        return identity

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
