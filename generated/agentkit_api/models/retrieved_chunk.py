from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="RetrievedChunk")


@_attrs_define
class RetrievedChunk:
    chunk_id: str
    document_id: str
    index_id: str
    title: None | str
    """ The document's title. """
    text: str
    position: int
    """ The chunk's place in its document """
    score: float
    """ Relevance; higher is better (bm25 """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        chunk_id = self.chunk_id

        document_id = self.document_id

        index_id = self.index_id

        title: None | str
        title = self.title

        text = self.text

        position = self.position

        score = self.score

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "chunk_id": chunk_id,
                "document_id": document_id,
                "index_id": index_id,
                "title": title,
                "text": text,
                "position": position,
                "score": score,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        chunk_id = d.pop("chunk_id")

        document_id = d.pop("document_id")

        index_id = d.pop("index_id")

        def _parse_title(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        title = _parse_title(d.pop("title"))

        text = d.pop("text")

        position = d.pop("position")

        score = d.pop("score")

        retrieved_chunk = cls(
            chunk_id=chunk_id,
            document_id=document_id,
            index_id=index_id,
            title=title,
            text=text,
            position=position,
            score=score,
        )

        retrieved_chunk.additional_properties = d
        return retrieved_chunk

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
