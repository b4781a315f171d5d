from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.retrieved_chunk import RetrievedChunk


T = TypeVar("T", bound="IndexQueryResult")


@_attrs_define
class IndexQueryResult:
    index_id: str
    query: str
    data: list[RetrievedChunk]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        index_id = self.index_id

        query = self.query

        data = []
        for data_item_data in self.data:
            data_item = data_item_data.to_dict()
            data.append(data_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "index_id": index_id,
                "query": query,
                "data": data,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.retrieved_chunk import RetrievedChunk

        d = dict(src_dict)
        index_id = d.pop("index_id")

        query = d.pop("query")

        data = []
        _data = d.pop("data")
        for data_item_data in _data:
            data_item = RetrievedChunk.from_dict(data_item_data)

            data.append(data_item)

        index_query_result = cls(
            index_id=index_id,
            query=query,
            data=data,
        )

        index_query_result.additional_properties = d
        return index_query_result

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
