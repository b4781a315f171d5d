from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.provider_type import ProviderType

if TYPE_CHECKING:
    from ..models.provider_model import ProviderModel


T = TypeVar("T", bound="Provider")


@_attrs_define
class Provider:
    """An upstream LLM provider. Its API key is write-only and never returned."""

    id: str
    """ `prv_...`, or `system` """
    name: str
    type_: ProviderType
    """ How the server talks to the provider: `openai` and `openai-compatible` send the key as a
    bearer token, `azure` as an `api-key` header (its base URL names the deployment). `system`
    is only the synthetic provider of the built-in brains.
     """
    base_url: None | str
    """ The API root (`.../v1`); null for `system`. """
    has_api_key: bool
    """ Whether a key is stored (its value is never returned). """
    models: list[ProviderModel]
    models_refreshed_at: datetime.datetime | None
    created_at: datetime.datetime | None
    updated_at: datetime.datetime | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        name = self.name

        type_ = self.type_.value

        base_url: None | str
        base_url = self.base_url

        has_api_key = self.has_api_key

        models = []
        for models_item_data in self.models:
            models_item = models_item_data.to_dict()
            models.append(models_item)

        models_refreshed_at: None | str
        if isinstance(self.models_refreshed_at, datetime.datetime):
            models_refreshed_at = self.models_refreshed_at.isoformat()
        else:
            models_refreshed_at = self.models_refreshed_at

        created_at: None | str
        if isinstance(self.created_at, datetime.datetime):
            created_at = self.created_at.isoformat()
        else:
            created_at = self.created_at

        updated_at: None | str
        if isinstance(self.updated_at, datetime.datetime):
            updated_at = self.updated_at.isoformat()
        else:
            updated_at = self.updated_at

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "name": name,
                "type": type_,
                "base_url": base_url,
                "has_api_key": has_api_key,
                "models": models,
                "models_refreshed_at": models_refreshed_at,
                "created_at": created_at,
                "updated_at": updated_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.provider_model import ProviderModel

        d = dict(src_dict)
        id = d.pop("id")

        name = d.pop("name")

        type_ = ProviderType(d.pop("type"))

        def _parse_base_url(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        base_url = _parse_base_url(d.pop("base_url"))

        has_api_key = d.pop("has_api_key")

        models = []
        _models = d.pop("models")
        for models_item_data in _models:
            models_item = ProviderModel.from_dict(models_item_data)

            models.append(models_item)

        def _parse_models_refreshed_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                models_refreshed_at_type_0 = datetime.datetime.fromisoformat(data)

                return models_refreshed_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        models_refreshed_at = _parse_models_refreshed_at(d.pop("models_refreshed_at"))

        def _parse_created_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                created_at_type_0 = datetime.datetime.fromisoformat(data)

                return created_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        created_at = _parse_created_at(d.pop("created_at"))

        def _parse_updated_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                updated_at_type_0 = datetime.datetime.fromisoformat(data)

                return updated_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        updated_at = _parse_updated_at(d.pop("updated_at"))

        provider = cls(
            id=id,
            name=name,
            type_=type_,
            base_url=base_url,
            has_api_key=has_api_key,
            models=models,
            models_refreshed_at=models_refreshed_at,
            created_at=created_at,
            updated_at=updated_at,
        )

        provider.additional_properties = d
        return provider

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
    def type(self) -> ProviderType:
        """``type``, by its wire name (the same as ``type_``)."""
        return self.type_
