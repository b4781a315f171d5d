"""agentkit: the Python SDK for chatting with AI agents.

    from agentkit import AgentKit
    client = AgentKit()   # AGENTKIT_API_KEY, AGENTKIT_BASE_URL (default: the local server)
    agent = client.agents.create(name="Support Bot", instructions="Be brief.")
    chat = client.chats.start(agent.id, "I need help with my account")
    with client.chats.stream_message(chat.id, "My account is locked") as stream:
        for delta in stream.text_deltas():
            print(delta, end="")

Importing the package is cheap: the clients, the generated models and the server load on first
use, and of the generated models only those used.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from . import _errors
from ._errors import *  # noqa: F403 - the exception classes, listed once in _errors.__all__
from ._version import __version__

if TYPE_CHECKING:
    from . import parts, realtime, tools, types, webhooks
    from ._async.agent_chat import AsyncAgentChatStream
    from ._async.client import AsyncAgentKit
    from ._async.completion_stream import AsyncCompletionStream
    from ._async.offset import apaginate
    from ._async.pagination import AsyncPager
    from ._async.session import AsyncAgentSession
    from ._async.streamed_response import AsyncStreamedResponse
    from ._async.streaming import AsyncChatStream, AsyncSessionStream, AsyncStream
    from ._async.ui_stream import AsyncUIMessageStream
    from ._backlog import BacklogWarning, backlog_warnings
    from ._events import UnknownEvent
    from ._hooks import RequestInfo, ResponseInfo, RetryInfo
    from ._page import Page
    from ._response import APIResponse, request_id_of
    from ._retry import RetryPolicy
    from ._sync.agent_chat import AgentChatStream
    from ._sync.client import AgentKit
    from ._sync.completion_stream import CompletionStream
    from ._sync.offset import paginate
    from ._sync.pagination import Pager
    from ._sync.session import AgentSession
    from ._sync.streamed_response import StreamedResponse
    from ._sync.streaming import ChatStream, SessionStream, Stream
    from ._sync.ui_stream import UIMessageStream
    from .realtime import AsyncRealtimeClient, RealtimeClient
    from .tools import ClientTool, client_tool

__all__ = [
    "APIResponse",
    "AgentChatStream",
    "AgentKit",
    "AgentSession",
    "AsyncAgentChatStream",
    "AsyncAgentKit",
    "AsyncAgentSession",
    "AsyncChatStream",
    "AsyncCompletionStream",
    "AsyncPager",
    "AsyncRealtimeClient",
    "AsyncSessionStream",
    "AsyncStream",
    "AsyncStreamedResponse",
    "AsyncUIMessageStream",
    "BacklogWarning",
    "ChatStream",
    "ClientTool",
    "CompletionStream",
    "Page",
    "Pager",
    "RealtimeClient",
    "RequestInfo",
    "ResponseInfo",
    "RetryInfo",
    "RetryPolicy",
    "SessionStream",
    "Stream",
    "StreamedResponse",
    "UIMessageStream",
    "UnknownEvent",
    "__version__",
    "apaginate",
    "backlog_warnings",
    "client_tool",
    "paginate",
    "parts",
    "realtime",
    "request_id_of",
    "tools",
    "types",
    "webhooks",
]
__all__ += _errors.__all__

_LAZY = {
    "AgentKit": "._sync.client",
    "AsyncAgentKit": "._async.client",
    "Pager": "._sync.pagination",
    "AsyncPager": "._async.pagination",
    "Stream": "._sync.streaming",
    "ChatStream": "._sync.streaming",
    "AsyncStream": "._async.streaming",
    "AsyncChatStream": "._async.streaming",
    "SessionStream": "._sync.streaming",
    "AsyncSessionStream": "._async.streaming",
    "UIMessageStream": "._sync.ui_stream",
    "AsyncUIMessageStream": "._async.ui_stream",
    "AgentSession": "._sync.session",
    "AsyncAgentSession": "._async.session",
    "AgentChatStream": "._sync.agent_chat",
    "AsyncAgentChatStream": "._async.agent_chat",
    "CompletionStream": "._sync.completion_stream",
    "AsyncCompletionStream": "._async.completion_stream",
    "ClientTool": ".tools",
    "client_tool": ".tools",
    "UnknownEvent": "._events",
    "RequestInfo": "._hooks",
    "ResponseInfo": "._hooks",
    "RetryInfo": "._hooks",
    "Page": "._page",
    "APIResponse": "._response",
    "request_id_of": "._response",
    "StreamedResponse": "._sync.streamed_response",
    "AsyncStreamedResponse": "._async.streamed_response",
    "RetryPolicy": "._retry",
    "paginate": "._sync.offset",
    "BacklogWarning": "._backlog",
    "backlog_warnings": "._backlog",
    "apaginate": "._async.offset",
    "RealtimeClient": ".realtime",
    "AsyncRealtimeClient": ".realtime",
}


def __getattr__(name: str) -> Any:
    if name in ("parts", "realtime", "tools", "types", "webhooks"):
        return importlib.import_module(f".{name}", __name__)
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'agentkit' has no attribute {name!r}")
    value = getattr(importlib.import_module(module, __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(__all__)
