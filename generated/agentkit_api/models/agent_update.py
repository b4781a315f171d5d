from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define

from ..models.agent_brain import AgentBrain
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.metadata import Metadata


T = TypeVar("T", bound="AgentUpdate")


@_attrs_define
class AgentUpdate:
    """Fields to change; `null` clears a nullable field."""

    name: str | Unset = UNSET
    description: None | str | Unset = UNSET
    instructions: str | Unset = UNSET
    brain: AgentBrain | Unset = UNSET
    """ The runtime that produces the agent's replies: `echo` repeats the user's words, `scripted`
    is deterministic and exercises every event type, `openai` calls an OpenAI-compatible upstream.
     """
    model_profile: None | str | Unset = UNSET
    provider_id: None | str | Unset = UNSET
    guardrail_ids: list[str] | Unset = UNSET
    streaming: bool | Unset = UNSET
    sub_agent_ids: list[str] | Unset = UNSET
    prompt_suggestions: list[str] | Unset = UNSET
    metadata: Metadata | Unset = UNSET
    """ Free-form JSON metadata kept with the object. """

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        description: None | str | Unset
        if isinstance(self.description, Unset):
            description = UNSET
        else:
            description = self.description

        instructions = self.instructions

        brain: str | Unset = UNSET
        if not isinstance(self.brain, Unset):
            brain = self.brain.value

        model_profile: None | str | Unset
        if isinstance(self.model_profile, Unset):
            model_profile = UNSET
        else:
            model_profile = self.model_profile

        provider_id: None | str | Unset
        if isinstance(self.provider_id, Unset):
            provider_id = UNSET
        else:
            provider_id = self.provider_id

        guardrail_ids: list[str] | Unset = UNSET
        if not isinstance(self.guardrail_ids, Unset):
            guardrail_ids = self.guardrail_ids

        streaming = self.streaming

        sub_agent_ids: list[str] | Unset = UNSET
        if not isinstance(self.sub_agent_ids, Unset):
            sub_agent_ids = self.sub_agent_ids

        prompt_suggestions: list[str] | Unset = UNSET
        if not isinstance(self.prompt_suggestions, Unset):
            prompt_suggestions = self.prompt_suggestions

        metadata: dict[str, Any] | Unset = UNSET
        if not isinstance(self.metadata, Unset):
            metadata = self.metadata.to_dict()

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if name is not UNSET:
            field_dict["name"] = name
        if description is not UNSET:
            field_dict["description"] = description
        if instructions is not UNSET:
            field_dict["instructions"] = instructions
        if brain is not UNSET:
            field_dict["brain"] = brain
        if model_profile is not UNSET:
            field_dict["model_profile"] = model_profile
        if provider_id is not UNSET:
            field_dict["provider_id"] = provider_id
        if guardrail_ids is not UNSET:
            field_dict["guardrail_ids"] = guardrail_ids
        if streaming is not UNSET:
            field_dict["streaming"] = streaming
        if sub_agent_ids is not UNSET:
            field_dict["sub_agent_ids"] = sub_agent_ids
        if prompt_suggestions is not UNSET:
            field_dict["prompt_suggestions"] = prompt_suggestions
        if metadata is not UNSET:
            field_dict["metadata"] = metadata

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.metadata import Metadata

        d = dict(src_dict)
        name = d.pop("name", UNSET)

        def _parse_description(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        description = _parse_description(d.pop("description", UNSET))

        instructions = d.pop("instructions", UNSET)

        _brain = d.pop("brain", UNSET)
        brain: AgentBrain | Unset
        if isinstance(_brain, Unset):
            brain = UNSET
        else:
            brain = AgentBrain(_brain)

        def _parse_model_profile(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        model_profile = _parse_model_profile(d.pop("model_profile", UNSET))

        def _parse_provider_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        provider_id = _parse_provider_id(d.pop("provider_id", UNSET))

        guardrail_ids = cast(list[str], d.pop("guardrail_ids", UNSET))

        streaming = d.pop("streaming", UNSET)

        sub_agent_ids = cast(list[str], d.pop("sub_agent_ids", UNSET))

        prompt_suggestions = cast(list[str], d.pop("prompt_suggestions", UNSET))

        _metadata = d.pop("metadata", UNSET)
        metadata: Metadata | Unset
        if isinstance(_metadata, Unset):
            metadata = UNSET
        else:
            metadata = Metadata.from_dict(_metadata)

        agent_update = cls(
            name=name,
            description=description,
            instructions=instructions,
            brain=brain,
            model_profile=model_profile,
            provider_id=provider_id,
            guardrail_ids=guardrail_ids,
            streaming=streaming,
            sub_agent_ids=sub_agent_ids,
            prompt_suggestions=prompt_suggestions,
            metadata=metadata,
        )

        return agent_update
