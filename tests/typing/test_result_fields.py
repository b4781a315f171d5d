"""Result fields are typed without ``Unset`` unless the server may really leave them out.

The generated models type a property the contract does not list as ``required`` as
``X | Unset``, which every user would have to narrow. So each property of a schema the server
only sends (reached from responses, never from a request) is required, or named below with the
reason the server may leave it out. A new optional result field fails here until it is made
required (keeping ``null`` in its type where it can be null) or its absence is explained.

Foreign formats the API speaks on purpose (the OpenAI-compatible ``OpenAI*`` and the UI message
stream's ``UI*`` schemas) keep their own rules and are not checked.
"""

from __future__ import annotations

import importlib
import sys
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

import agentkit_api.models
import attrs
import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
CONTRACT = ROOT / "openapi" / "agentkit.yaml"
if str(ROOT / "scripts") not in sys.path:
    sys.path.insert(0, str(ROOT / "scripts"))
spec_diff = importlib.import_module("spec_diff")

FOREIGN_PREFIXES = ("OpenAI", "UI")

MAY_BE_ABSENT: dict[str, str] = {
    "ChatMessage.metadata": "messages an older server stored were kept without metadata",
    "Document.content": "lists leave each document's content out; get returns it",
    "ErrorDetail.request_id": "errors carried in event streams and stored messages have none",
    "ErrorDetail.details": "only errors about a field or a limit have details",
    "GuardrailFinding.category": "shared with the OpenAI-compatible choices, whose shape it keeps",
    "ProviderModel.created": "kept only when the upstream provider's /models states it",
    "ProviderModel.capabilities": "kept only when the upstream provider's /models states them",
    **{
        f"ProviderModelCapabilities.{name}": "a capability the upstream did not state is left out"
        for name in ("chat", "embeddings", "streaming", "thinking", "tool_calls", "vision")
    },
}


def _contract() -> Mapping[str, Any]:
    with CONTRACT.open(encoding="utf-8") as file:
        loaded: Mapping[str, Any] = yaml.safe_load(file)
    return loaded


def result_schemas(spec: Mapping[str, Any]) -> Iterator[tuple[str, Mapping[str, Any]]]:
    """The object schemas only ever sent by the server, foreign formats left out."""
    schemas = spec["components"]["schemas"]
    for name, directions in sorted(spec_diff.schema_roles(spec).items()):
        schema = schemas.get(name) or {}
        if directions != {"response"} or name.startswith(FOREIGN_PREFIXES):
            continue
        if schema.get("properties"):
            yield name, schema


def optional_properties(spec: Mapping[str, Any]) -> set[str]:
    return {
        f"{name}.{field}"
        for name, schema in result_schemas(spec)
        for field in schema["properties"]
        if field not in (schema.get("required") or [])
    }


class TestResultFieldsAreRequired:
    def test_every_optional_result_field_is_explained(self) -> None:
        """A result property the server always sends is required in the contract."""
        unexplained = sorted(optional_properties(_contract()) - set(MAY_BE_ABSENT))
        assert not unexplained, (
            "these result fields are typed `X | Unset`: make them required in the contract "
            f"if the server always sends them, else say why in MAY_BE_ABSENT: {unexplained}"
        )

    def test_every_explained_field_is_still_optional(self) -> None:
        """The list of fields that may be absent holds no field the contract now requires."""
        stale = sorted(set(MAY_BE_ABSENT) - optional_properties(_contract()))
        assert not stale, f"required (or gone) now, drop them from MAY_BE_ABSENT: {stale}"

    def test_the_check_sees_the_common_results(self) -> None:
        """The schemas users read most are among those checked."""
        names = {name for name, _ in result_schemas(_contract())}
        assert {"Agent", "Chat", "ChatMessage", "Session", "Index", "Document"} <= names
        assert {"Guardrail", "Identity", "ChatDoneEvent", "ChatDelegationEvent"} <= names
        assert not any(name.startswith("OpenAI") for name in names)

    def test_an_optional_field_would_be_caught(self) -> None:
        """Dropping a field from ``required`` makes it show up as unexplained."""
        spec = _contract()
        agent = dict(spec["components"]["schemas"]["Agent"])
        agent["required"] = [name for name in agent["required"] if name != "guardrail_ids"]
        changed = {
            **spec,
            "components": {
                **spec["components"],
                "schemas": {**spec["components"]["schemas"], "Agent": agent},
            },
        }
        assert "Agent.guardrail_ids" in optional_properties(changed) - set(MAY_BE_ABSENT)


def _model_fields() -> Iterator[tuple[str, str, str]]:
    for name, schema in result_schemas(_contract()):
        model = getattr(agentkit_api.models, name, None)
        if model is None or not attrs.has(model):
            continue
        wire_names = set(schema["properties"])
        for field in attrs.fields(model):
            wire = field.name.rstrip("_")
            if wire in wire_names:
                yield name, wire, str(field.type)


class TestGeneratedModels:
    def test_result_models_type_required_fields_without_unset(self) -> None:
        """The generated model of each result types its always-sent fields without Unset."""
        checked = 0
        for name, wire, annotation in _model_fields():
            if f"{name}.{wire}" in MAY_BE_ABSENT:
                continue
            checked += 1
            assert "Unset" not in annotation, f"{name}.{wire}: {annotation}"
        assert checked > 100

    @pytest.mark.parametrize(
        ("model", "field", "annotation"),
        [
            ("Agent", "guardrail_ids", "list[str]"),
            ("Agent", "description", "None | str"),
            ("Chat", "message", "ChatMessage | None"),
            ("Chat", "message_count", "int"),
            ("Chat", "close_reason", "None | str"),
            ("Session", "system_prompt", "None | str"),
            ("Document", "title", "None | str"),
        ],
    )
    def test_fields_users_read_have_their_plain_types(
        self, model: str, field: str, annotation: str
    ) -> None:
        """The fields the guides read are the value, or the value or None."""
        found = {f.name: str(f.type) for f in attrs.fields(getattr(agentkit_api.models, model))}
        assert found[field] == annotation
