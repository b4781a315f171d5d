from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define

from ..models.upstream_type import UpstreamType
from ..types import UNSET, Unset

T = TypeVar("T", bound="ProviderUpdate")


@_attrs_define
class ProviderUpdate:
    """Fields to change; `api_key` null removes the stored key."""

    name: str | Unset = UNSET
    type_: UpstreamType | Unset = UNSET
    """ The types of provider an organization may add. """
    base_url: str | Unset = UNSET
    api_key: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        type_: str | Unset = UNSET
        if not isinstance(self.type_, Unset):
            type_ = self.type_.value

        base_url = self.base_url

        api_key: None | str | Unset
        if isinstance(self.api_key, Unset):
            api_key = UNSET
        else:
            api_key = self.api_key

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if name is not UNSET:
            field_dict["name"] = name
        if type_ is not UNSET:
            field_dict["type"] = type_
        if base_url is not UNSET:
            field_dict["base_url"] = base_url
        if api_key is not UNSET:
            field_dict["api_key"] = api_key

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        name = d.pop("name", UNSET)

        _type_ = d.pop("type", UNSET)
        type_: UpstreamType | Unset
        if isinstance(_type_, Unset):
            type_ = UNSET
        else:
            type_ = UpstreamType(_type_)

        base_url = d.pop("base_url", UNSET)

        def _parse_api_key(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        api_key = _parse_api_key(d.pop("api_key", UNSET))

        provider_update = cls(
            name=name,
            type_=type_,
            base_url=base_url,
            api_key=api_key,
        )

        return provider_update

    @property
    def type(self) -> UpstreamType | Unset:
        """``type``, by its wire name (the same as ``type_``)."""
        return self.type_
