from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="OpenAIErrorObject")


@_attrs_define
class OpenAIErrorObject:
    """OpenAI's error object. A request refused before its route is known (a body over the size
    limit, one too slow to arrive) gets agentkit's envelope, which has the `message` and
    `code` but neither `type` nor `param`.

    """

    message: str
    code: None | str
    """ agentkit's error code (see `ErrorCode`). """
    type_: str | Unset = UNSET
    """ OpenAI's error type: `invalid_request_error`, `authentication_error`, `not_found_error`, `rate_limit_error`,
    `server_error`, ... """
    param: None | str | Unset = UNSET
    """ The JSON path of the bad field, when one is to blame. """
    request_id: str | Unset = UNSET
    """ The `X-Request-Id` of the response (not in OpenAI's own errors). """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        message = self.message

        code: None | str
        code = self.code

        type_ = self.type_

        param: None | str | Unset
        if isinstance(self.param, Unset):
            param = UNSET
        else:
            param = self.param

        request_id = self.request_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "message": message,
                "code": code,
            }
        )
        if type_ is not UNSET:
            field_dict["type"] = type_
        if param is not UNSET:
            field_dict["param"] = param
        if request_id is not UNSET:
            field_dict["request_id"] = request_id

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        message = d.pop("message")

        def _parse_code(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        code = _parse_code(d.pop("code"))

        type_ = d.pop("type", UNSET)

        def _parse_param(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        param = _parse_param(d.pop("param", UNSET))

        request_id = d.pop("request_id", UNSET)

        open_ai_error_object = cls(
            message=message,
            code=code,
            type_=type_,
            param=param,
            request_id=request_id,
        )

        open_ai_error_object.additional_properties = d
        return open_ai_error_object

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
    def type(self) -> str | Unset:
        """``type``, by its wire name (the same as ``type_``)."""
        return self.type_
