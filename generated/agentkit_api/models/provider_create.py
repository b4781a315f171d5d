from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define

from ..models.upstream_type import UpstreamType
from ..types import UNSET, Unset

T = TypeVar("T", bound="ProviderCreate")


@_attrs_define
class ProviderCreate:
    name: str
    type_: UpstreamType
    """ The types of provider an organization may add. """
    base_url: str
    """ An http or https URL, without credentials, query or fragment. Its host may not be a private, link-local,
    multicast, reserved or unspecified address, nor a loopback one unless the server allows loopback URLs (a
    development server); a name is checked again on each connection. """
    api_key: str | Unset = UNSET
    """ Kept encrypted; at most 4096 characters. """

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        type_ = self.type_.value

        base_url = self.base_url

        api_key = self.api_key

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "name": name,
                "type": type_,
                "base_url": base_url,
            }
        )
        if api_key is not UNSET:
            field_dict["api_key"] = api_key

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        name = d.pop("name")

        type_ = UpstreamType(d.pop("type"))

        base_url = d.pop("base_url")

        api_key = d.pop("api_key", UNSET)

        provider_create = cls(
            name=name,
            type_=type_,
            base_url=base_url,
            api_key=api_key,
        )

        return provider_create

    @property
    def type(self) -> UpstreamType:
        """``type``, by its wire name (the same as ``type_``)."""
        return self.type_
