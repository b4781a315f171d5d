from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.document_content_type import DocumentContentType
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.metadata import Metadata


T = TypeVar("T", bound="Document")


@_attrs_define
class Document:
    id: str
    """ `doc_...` """
    index_id: str
    title: None | str
    filename: None | str
    content_type: DocumentContentType
    """ The kinds of document an index takes. """
    size_bytes: int
    chunk_count: int
    metadata: Metadata
    """ Free-form JSON metadata kept with the object. """
    created_at: datetime.datetime
    content: str | Unset = UNSET
    """ The document's text; only when one document is fetched. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        index_id = self.index_id

        title: None | str
        title = self.title

        filename: None | str
        filename = self.filename

        content_type = self.content_type.value

        size_bytes = self.size_bytes

        chunk_count = self.chunk_count

        metadata = self.metadata.to_dict()

        created_at = self.created_at.isoformat()

        content = self.content

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "index_id": index_id,
                "title": title,
                "filename": filename,
                "content_type": content_type,
                "size_bytes": size_bytes,
                "chunk_count": chunk_count,
                "metadata": metadata,
                "created_at": created_at,
            }
        )
        if content is not UNSET:
            field_dict["content"] = content

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.metadata import Metadata

        d = dict(src_dict)
        id = d.pop("id")

        index_id = d.pop("index_id")

        def _parse_title(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        title = _parse_title(d.pop("title"))

        def _parse_filename(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        filename = _parse_filename(d.pop("filename"))

        content_type = DocumentContentType(d.pop("content_type"))

        size_bytes = d.pop("size_bytes")

        chunk_count = d.pop("chunk_count")

        metadata = Metadata.from_dict(d.pop("metadata"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        content = d.pop("content", UNSET)

        document = cls(
            id=id,
            index_id=index_id,
            title=title,
            filename=filename,
            content_type=content_type,
            size_bytes=size_bytes,
            chunk_count=chunk_count,
            metadata=metadata,
            created_at=created_at,
            content=content,
        )

        document.additional_properties = d
        return document

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
