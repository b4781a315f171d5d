from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="ProviderTestResult")


@_attrs_define
class ProviderTestResult:
    ok: bool
    """ Whether the provider listed its models with the stored key. """
    status_code: int | None
    """ The upstream's HTTP status """
    latency_ms: float
    message: str
    model_count: int | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        ok = self.ok

        status_code: int | None
        status_code = self.status_code

        latency_ms = self.latency_ms

        message = self.message

        model_count: int | None
        model_count = self.model_count

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "ok": ok,
                "status_code": status_code,
                "latency_ms": latency_ms,
                "message": message,
                "model_count": model_count,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        ok = d.pop("ok")

        def _parse_status_code(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        status_code = _parse_status_code(d.pop("status_code"))

        latency_ms = d.pop("latency_ms")

        message = d.pop("message")

        def _parse_model_count(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        model_count = _parse_model_count(d.pop("model_count"))

        provider_test_result = cls(
            ok=ok,
            status_code=status_code,
            latency_ms=latency_ms,
            message=message,
            model_count=model_count,
        )

        provider_test_result.additional_properties = d
        return provider_test_result

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
