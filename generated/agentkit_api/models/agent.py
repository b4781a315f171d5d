from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.agent_brain import AgentBrain

if TYPE_CHECKING:
    from ..models.metadata import Metadata


T = TypeVar("T", bound="Agent")


@_attrs_define
class Agent:
    id: str
    """ `agt_...` """
    name: str
    description: None | str
    instructions: str
    brain: AgentBrain
    """ The runtime that produces the agent's replies: `echo` repeats the user's words, `scripted`
    is deterministic and exercises every event type, `openai` calls an OpenAI-compatible upstream.
     """
    model_profile: None | str
    """ The model the brain uses """
    provider_id: None | str
    """ The provider the `openai` brain calls (`prv_...`); null for the server's own configuration. """
    guardrail_ids: list[str]
    """ The guardrails applied to the agent's replies, in order. """
    streaming: bool
    """ Whether the agent streams its replies. """
    sub_agent_ids: list[str]
    prompt_suggestions: list[str]
    metadata: Metadata
    """ Free-form JSON metadata kept with the object. """
    created_at: datetime.datetime
    updated_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        name = self.name

        description: None | str
        description = self.description

        instructions = self.instructions

        brain = self.brain.value

        model_profile: None | str
        model_profile = self.model_profile

        provider_id: None | str
        provider_id = self.provider_id

        guardrail_ids = self.guardrail_ids

        streaming = self.streaming

        sub_agent_ids = self.sub_agent_ids

        prompt_suggestions = self.prompt_suggestions

        metadata = self.metadata.to_dict()

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "name": name,
                "description": description,
                "instructions": instructions,
                "brain": brain,
                "model_profile": model_profile,
                "provider_id": provider_id,
                "guardrail_ids": guardrail_ids,
                "streaming": streaming,
                "sub_agent_ids": sub_agent_ids,
                "prompt_suggestions": prompt_suggestions,
                "metadata": metadata,
                "created_at": created_at,
                "updated_at": updated_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.metadata import Metadata

        d = dict(src_dict)
        id = d.pop("id")

        name = d.pop("name")

        def _parse_description(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        description = _parse_description(d.pop("description"))

        instructions = d.pop("instructions")

        brain = AgentBrain(d.pop("brain"))

        def _parse_model_profile(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        model_profile = _parse_model_profile(d.pop("model_profile"))

        def _parse_provider_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        provider_id = _parse_provider_id(d.pop("provider_id"))

        guardrail_ids = cast(list[str], d.pop("guardrail_ids"))

        streaming = d.pop("streaming")

        sub_agent_ids = cast(list[str], d.pop("sub_agent_ids"))

        prompt_suggestions = cast(list[str], d.pop("prompt_suggestions"))

        metadata = Metadata.from_dict(d.pop("metadata"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        agent = cls(
            id=id,
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
            created_at=created_at,
            updated_at=updated_at,
        )

        agent.additional_properties = d
        return agent

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
