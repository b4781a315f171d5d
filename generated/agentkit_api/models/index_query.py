from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="IndexQuery")


@_attrs_define
class IndexQuery:
    query: str
    top_k: int | Unset = 5

    def to_dict(self) -> dict[str, Any]:
        query = self.query

        top_k = self.top_k

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "query": query,
            }
        )
        if top_k is not UNSET:
            field_dict["top_k"] = top_k

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        query = d.pop("query")

        top_k = d.pop("top_k", UNSET)

        index_query = cls(
            query=query,
            top_k=top_k,
        )

        return index_query
