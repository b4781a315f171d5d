"""The typed models of requests, responses and stream events.

They are the models generated from the contract (attrs classes with ``to_dict`` / ``from_dict``),
every one of them re-exported here so that you never import the generated package yourself. The SDK builds the
responses it returns with ``parse_model``: an enum value or a part type this version does not
know yet comes through (as a value equal to its string, or as an ``UnknownPart``), so a newer
server does not break an older client.
"""

from __future__ import annotations

from typing import TypeAlias

from agentkit_api import models as _models
from agentkit_api.models import *  # noqa: F403  (every model of the contract, as generated)
from agentkit_api.models import (
    AudioPart,
    DataPart,
    ErrorBlock,
    FilePart,
    ImagePart,
    TextPart,
    ThinkingBlock,
    ToolResultBlock,
    ToolUseBlock,
)
from agentkit_api.types import UNSET, Unset

from ._compat import UnknownPart
from ._events import ChatEvent, SessionEvent, UnknownEvent
from ._replies import ChatReply
from .parts import Part

ContentBlock: TypeAlias = (
    TextPart
    | ThinkingBlock
    | ToolUseBlock
    | ToolResultBlock
    | ErrorBlock
    | DataPart
    | FilePart
    | ImagePart
    | AudioPart
    | UnknownPart
)
"""One block of a session message; a block type this SDK does not know is an ``UnknownPart``."""

__all__ = [
    "UNSET",
    "ChatEvent",
    "ChatReply",
    "ContentBlock",
    "Part",
    "SessionEvent",
    "UnknownEvent",
    "UnknownPart",
    "Unset",
]
__all__ += _models.__all__
