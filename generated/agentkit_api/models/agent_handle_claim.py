from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="AgentHandleClaim")


@_attrs_define
class AgentHandleClaim:
    agent_id: str
    handle: str
    display_name: str | Unset = UNSET
    """ Defaults to the agent's name. """

    def to_dict(self) -> dict[str, Any]:
        agent_id = self.agent_id

        handle = self.handle

        display_name = self.display_name

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "agent_id": agent_id,
                "handle": handle,
            }
        )
        if display_name is not UNSET:
            field_dict["display_name"] = display_name

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        agent_id = d.pop("agent_id")

        handle = d.pop("handle")

        display_name = d.pop("display_name", UNSET)

        agent_handle_claim = cls(
            agent_id=agent_id,
            handle=handle,
            display_name=display_name,
        )

        return agent_handle_claim
