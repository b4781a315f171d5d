from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="UploadCreate")


@_attrs_define
class UploadCreate:
    filename: str
    content_type: str
    size: int
    """ Bytes; at most the server's request body limit (1 MiB by default). """
    sha256: str
    """ The SHA-256 of the bytes """

    def to_dict(self) -> dict[str, Any]:
        filename = self.filename

        content_type = self.content_type

        size = self.size

        sha256 = self.sha256

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "filename": filename,
                "content_type": content_type,
                "size": size,
                "sha256": sha256,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        filename = d.pop("filename")

        content_type = d.pop("content_type")

        size = d.pop("size")

        sha256 = d.pop("sha256")

        upload_create = cls(
            filename=filename,
            content_type=content_type,
            size=size,
            sha256=sha256,
        )

        return upload_create
