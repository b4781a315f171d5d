from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.open_ai_embedding_request_encoding_format import (
    OpenAIEmbeddingRequestEncodingFormat,
)
from ..types import UNSET, Unset

T = TypeVar("T", bound="OpenAIEmbeddingRequest")


@_attrs_define
class OpenAIEmbeddingRequest:
    model: str
    input_: list[str] | str
    """ A text, or up to 2048 texts; none may be empty. """
    dimensions: int | Unset = UNSET
    encoding_format: OpenAIEmbeddingRequestEncodingFormat | Unset = UNSET
    user: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        model = self.model

        input_: list[str] | str
        if isinstance(self.input_, list):
            input_ = self.input_

        else:
            input_ = self.input_

        dimensions = self.dimensions

        encoding_format: str | Unset = UNSET
        if not isinstance(self.encoding_format, Unset):
            encoding_format = self.encoding_format.value

        user = self.user

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "model": model,
                "input": input_,
            }
        )
        if dimensions is not UNSET:
            field_dict["dimensions"] = dimensions
        if encoding_format is not UNSET:
            field_dict["encoding_format"] = encoding_format
        if user is not UNSET:
            field_dict["user"] = user

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        model = d.pop("model")

        def _parse_input_(data: object) -> list[str] | str:
            try:
                if not isinstance(data, list):
                    raise TypeError()
                input_type_1 = cast(list[str], data)

                return input_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[str] | str, data)

        input_ = _parse_input_(d.pop("input"))

        dimensions = d.pop("dimensions", UNSET)

        _encoding_format = d.pop("encoding_format", UNSET)
        encoding_format: OpenAIEmbeddingRequestEncodingFormat | Unset
        if isinstance(_encoding_format, Unset):
            encoding_format = UNSET
        else:
            encoding_format = OpenAIEmbeddingRequestEncodingFormat(_encoding_format)

        user = d.pop("user", UNSET)

        open_ai_embedding_request = cls(
            model=model,
            input_=input_,
            dimensions=dimensions,
            encoding_format=encoding_format,
            user=user,
        )

        open_ai_embedding_request.additional_properties = d
        return open_ai_embedding_request

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
    def input(self) -> list[str] | str:
        """``input``, by its wire name (the same as ``input_``)."""
        return self.input_
