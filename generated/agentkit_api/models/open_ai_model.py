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

from ..models.open_ai_model_kind import OpenAIModelKind

if TYPE_CHECKING:
    from ..models.open_ai_model_capabilities import OpenAIModelCapabilities


T = TypeVar("T", bound="OpenAIModel")


@_attrs_define
class OpenAIModel:
    id: str
    object_: Literal["model"]
    created: int
    owned_by: str
    name: str
    kind: OpenAIModelKind
    """ `agent`: one of your agents; `embedding`: the built-in embedding model;
    `provider`: a model of one of your providers. New kinds may be added.
     """
    capabilities: OpenAIModelCapabilities
    """ What a model can do. For a provider's model: what the provider said when its models
    were refreshed (an agentkit server says it), otherwise what its id tells (an id
    naming `embed` embeds, any other chats and streams); what is not known is false.
     """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        object_ = self.object_

        created = self.created

        owned_by = self.owned_by

        name = self.name

        kind = self.kind.value

        capabilities = self.capabilities.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "object": object_,
                "created": created,
                "owned_by": owned_by,
                "name": name,
                "kind": kind,
                "capabilities": capabilities,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.open_ai_model_capabilities import OpenAIModelCapabilities

        d = dict(src_dict)
        id = d.pop("id")

        object_ = cast(Literal["model"], d.pop("object"))
        if object_ != "model":
            raise ValueError(f"object must match const 'model', got '{object_}'")

        created = d.pop("created")

        owned_by = d.pop("owned_by")

        name = d.pop("name")

        kind = OpenAIModelKind(d.pop("kind"))

        capabilities = OpenAIModelCapabilities.from_dict(d.pop("capabilities"))

        open_ai_model = cls(
            id=id,
            object_=object_,
            created=created,
            owned_by=owned_by,
            name=name,
            kind=kind,
            capabilities=capabilities,
        )

        open_ai_model.additional_properties = d
        return open_ai_model

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
    def object(self) -> Literal["model"]:
        """``object``, by its wire name (the same as ``object_``)."""
        return self.object_
