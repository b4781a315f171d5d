from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.provider_model_capabilities import ProviderModelCapabilities


T = TypeVar("T", bound="ProviderModel")


@_attrs_define
class ProviderModel:
    id: str
    """ The model's name as the upstream spells it. """
    created: int | Unset = UNSET
    """ When the upstream says the model was made (Unix seconds), if it says. """
    capabilities: ProviderModelCapabilities | Unset = UNSET
    """ What the upstream said its model can do, when it says it (as an agentkit server does); only the capabilities
    it named. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        created = self.created

        capabilities: dict[str, Any] | Unset = UNSET
        if not isinstance(self.capabilities, Unset):
            capabilities = self.capabilities.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
            }
        )
        if created is not UNSET:
            field_dict["created"] = created
        if capabilities is not UNSET:
            field_dict["capabilities"] = capabilities

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.provider_model_capabilities import ProviderModelCapabilities

        d = dict(src_dict)
        id = d.pop("id")

        created = d.pop("created", UNSET)

        _capabilities = d.pop("capabilities", UNSET)
        capabilities: ProviderModelCapabilities | Unset
        if isinstance(_capabilities, Unset):
            capabilities = UNSET
        else:
            capabilities = ProviderModelCapabilities.from_dict(_capabilities)

        provider_model = cls(
            id=id,
            created=created,
            capabilities=capabilities,
        )

        provider_model.additional_properties = d
        return provider_model

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
