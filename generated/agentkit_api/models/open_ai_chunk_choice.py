from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.open_ai_finish_reason import OpenAIFinishReason
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.guardrail_finding import GuardrailFinding
    from ..models.open_ai_chunk_delta import OpenAIChunkDelta


T = TypeVar("T", bound="OpenAIChunkChoice")


@_attrs_define
class OpenAIChunkChoice:
    index: int
    delta: OpenAIChunkDelta
    finish_reason: None | OpenAIFinishReason
    logprobs: None | Unset = UNSET
    guardrail_findings: list[GuardrailFinding] | Unset = UNSET
    """ An agentkit extension: the guardrails that fired on the reply, in a chunk of their
    own with an empty delta, before the text they judged.
     """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        index = self.index

        delta = self.delta.to_dict()

        finish_reason: None | str
        if isinstance(self.finish_reason, OpenAIFinishReason):
            finish_reason = self.finish_reason.value
        else:
            finish_reason = self.finish_reason

        logprobs = self.logprobs

        guardrail_findings: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.guardrail_findings, Unset):
            guardrail_findings = []
            for guardrail_findings_item_data in self.guardrail_findings:
                guardrail_findings_item = guardrail_findings_item_data.to_dict()
                guardrail_findings.append(guardrail_findings_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "index": index,
                "delta": delta,
                "finish_reason": finish_reason,
            }
        )
        if logprobs is not UNSET:
            field_dict["logprobs"] = logprobs
        if guardrail_findings is not UNSET:
            field_dict["guardrail_findings"] = guardrail_findings

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.guardrail_finding import GuardrailFinding
        from ..models.open_ai_chunk_delta import OpenAIChunkDelta

        d = dict(src_dict)
        index = d.pop("index")

        delta = OpenAIChunkDelta.from_dict(d.pop("delta"))

        def _parse_finish_reason(data: object) -> None | OpenAIFinishReason:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                finish_reason_type_0 = OpenAIFinishReason(data)

                return finish_reason_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | OpenAIFinishReason, data)

        finish_reason = _parse_finish_reason(d.pop("finish_reason"))

        logprobs = d.pop("logprobs", UNSET)

        _guardrail_findings = d.pop("guardrail_findings", UNSET)
        guardrail_findings: list[GuardrailFinding] | Unset = UNSET
        if _guardrail_findings is not UNSET:
            guardrail_findings = []
            for guardrail_findings_item_data in _guardrail_findings:
                guardrail_findings_item = GuardrailFinding.from_dict(
                    guardrail_findings_item_data
                )

                guardrail_findings.append(guardrail_findings_item)

        open_ai_chunk_choice = cls(
            index=index,
            delta=delta,
            finish_reason=finish_reason,
            logprobs=logprobs,
            guardrail_findings=guardrail_findings,
        )

        open_ai_chunk_choice.additional_properties = d
        return open_ai_chunk_choice

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
