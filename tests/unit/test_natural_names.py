"""Generated fields renamed for Python (``type_``, ``input_``) read by their wire names."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

from agentkit_api.models import TextPart, ToolUseBlock


def _load() -> ModuleType:
    path = Path(__file__).resolve().parents[2] / "scripts" / "natural_names.py"
    spec = importlib.util.spec_from_file_location("natural_names", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


natural_names = _load()


def test_a_renamed_field_reads_by_its_wire_name() -> None:
    part = TextPart.from_dict({"type": "text", "content": "hi"})
    assert part.type == part.type_ == "text"


def test_a_json_object_is_the_plain_dict_the_model_holds() -> None:
    wire = {
        "type": "tool_use",
        "tool_use_id": "t1",
        "tool_name": "weather",
        "input": {"city": "Oslo"},
        "client": False,
    }
    block = ToolUseBlock.from_dict(wire)
    assert block.input == {"city": "Oslo"}
    block.input["units"] = "metric"  # the same dict: the change is in what is sent back
    assert block.to_dict()["input"] == {"city": "Oslo", "units": "metric"}


def test_only_builtin_and_keyword_names_get_an_alias(tmp_path: Path) -> None:
    module = tmp_path / "model.py"
    module.write_text(
        "from typing import Any\n\n"
        "class Model:\n"
        "    type_: str\n"
        "    input_: JsonObject\n"
        "    name_: str\n"
        "    def id(self) -> str: ...\n"
        "    id_: str\n",
        encoding="utf-8",
    )
    assert natural_names.rewrite(module)
    text = module.read_text(encoding="utf-8")
    assert "def type(self) -> str:" in text
    assert "def input(self) -> dict[str, Any]:" in text
    assert "def name(" not in text  # not a builtin: the generator did not rename it
    assert text.count("def id(") == 1  # a method of that name already exists
    assert not natural_names.rewrite(module)  # a second run adds nothing
