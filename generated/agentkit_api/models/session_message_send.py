from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.chat_message_input import ChatMessageInput
    from ..models.client_tool_spec import ClientToolSpec


T = TypeVar("T", bound="SessionMessageSend")


@_attrs_define
class SessionMessageSend:
    message: ChatMessageInput
    index_ids: list[str] | Unset = UNSET
    """ Indexes to retrieve from for this message; only for unbound sessions. """
    require_all_indexes: bool | Unset = UNSET
    """ Refuse the message (INDEX_NOT_FOUND) instead of skipping an index that cannot be used. """
    client_tools: list[ClientToolSpec] | Unset = UNSET
    """ Replaces the session's client tools from this message on. """

    def to_dict(self) -> dict[str, Any]:
        message = self.message.to_dict()

        index_ids: list[str] | Unset = UNSET
        if not isinstance(self.index_ids, Unset):
            index_ids = self.index_ids

        require_all_indexes = self.require_all_indexes

        client_tools: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.client_tools, Unset):
            client_tools = []
            for client_tools_item_data in self.client_tools:
                client_tools_item = client_tools_item_data.to_dict()
                client_tools.append(client_tools_item)

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "message": message,
            }
        )
        if index_ids is not UNSET:
            field_dict["index_ids"] = index_ids
        if require_all_indexes is not UNSET:
            field_dict["require_all_indexes"] = require_all_indexes
        if client_tools is not UNSET:
            field_dict["client_tools"] = client_tools

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.chat_message_input import ChatMessageInput
        from ..models.client_tool_spec import ClientToolSpec

        d = dict(src_dict)
        message = ChatMessageInput.from_dict(d.pop("message"))

        index_ids = cast(list[str], d.pop("index_ids", UNSET))

        require_all_indexes = d.pop("require_all_indexes", UNSET)

        _client_tools = d.pop("client_tools", UNSET)
        client_tools: list[ClientToolSpec] | Unset = UNSET
        if _client_tools is not UNSET:
            client_tools = []
            for client_tools_item_data in _client_tools:
                client_tools_item = ClientToolSpec.from_dict(client_tools_item_data)

                client_tools.append(client_tools_item)

        session_message_send = cls(
            message=message,
            index_ids=index_ids,
            require_all_indexes=require_all_indexes,
            client_tools=client_tools,
        )

        return session_message_send
