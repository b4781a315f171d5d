"""``client.agents``: create and manage agents."""

from __future__ import annotations

import builtins
import dataclasses
from collections.abc import AsyncIterator, Mapping, Sequence
from typing import TYPE_CHECKING, Any

from agentkit_api.models import (
    Agent,
    AgentBrain,
    AgentChat,
    AgentChatsDeleted,
    AgentChatWithMessages,
    AgentCreate,
    AgentInstructions,
    AgentUpdate,
    Deleted,
    Metadata,
    NameAvailability,
    PromptSuggestions,
)
from agentkit_api.types import UNSET, Unset

from ..._compat import enum_member
from ..._ids import IdInput
from ..._inputs import given, to_metadata
from ..._response import APIResponse
from ..._routes import new_idempotency_key
from ..endpoint import async_endpoint
from ..pagination import AsyncPager
from ._base import AsyncResource

if TYPE_CHECKING:
    # Streams load with the first stream opened, not with the client.
    from ..agent_chat import AsyncAgentChatStatusStream, AsyncAgentChatStream

__all__ = ["AsyncAgents"]


class AsyncAgents(AsyncResource):
    """Create, inspect, change and delete agents."""

    @async_endpoint
    async def create(
        self,
        *,
        name: str,
        instructions: str | None = None,
        description: str | None = None,
        brain: AgentBrain | str | None = None,
        model_profile: str | None = None,
        provider_id: str | None = None,
        guardrail_ids: Sequence[str] | None = None,
        streaming: bool | None = None,
        sub_agent_ids: Sequence[str] | None = None,
        prompt_suggestions: Sequence[str] | None = None,
        metadata: Mapping[str, object] | Metadata | None = None,
        idempotency_key: str | None = None,
    ) -> APIResponse[Agent]:
        """Create an agent.

        Args:
            name: A name, unique among your agents.
            instructions: The system instructions the agent follows.
            description: What the agent is for.
            brain: The runtime that answers: ``"echo"`` (default), ``"scripted"`` or ``"openai"``.
            model_profile: The model the brain uses, when it uses one.
            provider_id: The provider an ``openai`` brain calls (``client.providers``).
            guardrail_ids: Guardrails applied to the agent's replies (``client.guardrails``).
            streaming: Whether the agent streams its replies (default true).
            sub_agent_ids: Agents this agent may delegate to.
            prompt_suggestions: Prompts a user interface may offer.
            metadata: Free-form JSON kept with the agent.
            idempotency_key: Makes retries of this call safe across processes; one is made
                for you otherwise.

        Raises:
            AgentNameTakenError: Another of your agents has this name.
            ProviderNotFoundError: ``provider_id`` names no provider of yours.
            GuardrailNotFoundError: ``guardrail_ids`` names no guardrail of yours.
            ValidationError: A field is not valid.
        """
        body = AgentCreate(
            name=name,
            instructions=given(instructions),
            description=given(description),
            brain=UNSET if brain is None else enum_member(AgentBrain, brain),
            model_profile=given(model_profile),
            provider_id=given(provider_id),
            guardrail_ids=UNSET if guardrail_ids is None else list(guardrail_ids),
            streaming=given(streaming),
            sub_agent_ids=UNSET if sub_agent_ids is None else list(sub_agent_ids),
            prompt_suggestions=UNSET if prompt_suggestions is None else list(prompt_suggestions),
            metadata=to_metadata(metadata),
        )
        return await self._client._call("agents_create", body=body, idempotency_key=idempotency_key)

    @async_endpoint
    async def get(self, agent_id: IdInput) -> APIResponse[Agent]:
        """Get an agent by id.

        Raises:
            AgentNotFoundError: No such agent among yours.
        """
        return await self._client._call("agents_get", agent_id=agent_id)

    @async_endpoint
    async def update(
        self,
        agent_id: IdInput,
        *,
        name: str | Unset = UNSET,
        instructions: str | Unset = UNSET,
        description: str | Unset | None = UNSET,
        brain: AgentBrain | str | Unset = UNSET,
        model_profile: str | Unset | None = UNSET,
        provider_id: str | Unset | None = UNSET,
        guardrail_ids: Sequence[str] | Unset = UNSET,
        streaming: bool | Unset = UNSET,
        sub_agent_ids: Sequence[str] | Unset = UNSET,
        prompt_suggestions: Sequence[str] | Unset = UNSET,
        metadata: Mapping[str, object] | Metadata | Unset = UNSET,
    ) -> APIResponse[Agent]:
        """Change some fields of an agent; the fields you leave out keep their value.

        ``None`` clears ``description``, ``model_profile`` and ``provider_id``.

        Raises:
            AgentNotFoundError: No such agent among yours.
            AgentNameTakenError: Another of your agents has the new name.
            ProviderNotFoundError: ``provider_id`` names no provider of yours.
            GuardrailNotFoundError: ``guardrail_ids`` names no guardrail of yours.
        """
        body = AgentUpdate(
            name=name,
            instructions=instructions,
            description=description,
            brain=brain if isinstance(brain, Unset) else enum_member(AgentBrain, brain),
            model_profile=model_profile,
            provider_id=provider_id,
            guardrail_ids=guardrail_ids if isinstance(guardrail_ids, Unset) else [*guardrail_ids],
            streaming=streaming,
            sub_agent_ids=sub_agent_ids if isinstance(sub_agent_ids, Unset) else [*sub_agent_ids],
            prompt_suggestions=(
                prompt_suggestions
                if isinstance(prompt_suggestions, Unset)
                else [*prompt_suggestions]
            ),
            metadata=metadata if isinstance(metadata, Unset) else to_metadata(metadata),
        )
        return await self._client._call("agents_update", agent_id=agent_id, body=body)

    @async_endpoint
    async def update_instructions(self, agent_id: IdInput, instructions: str) -> APIResponse[Agent]:
        """Replace only the agent's instructions.

        Raises:
            AgentNotFoundError: No such agent among yours.
        """
        body = AgentInstructions(instructions=instructions)
        return await self._client._call("agents_update_instructions", agent_id=agent_id, body=body)

    @async_endpoint
    async def delete(self, agent_id: IdInput) -> APIResponse[Deleted]:
        """Delete an agent.

        Raises:
            AgentNotFoundError: No such agent among yours.
        """
        return await self._client._call("agents_delete", agent_id=agent_id)

    @async_endpoint
    async def check_name(self, name: str) -> APIResponse[NameAvailability]:
        """Check whether ``name`` is free for a new agent."""
        return await self._client._call("agents_check_name", name=name)

    def list(self, *, page_size: int = 20) -> AsyncPager[Agent]:
        """All your agents, oldest first, fetched page by page as you iterate.

        No request is made until you iterate (``async for``) or call ``first_page()``.
        """

        return self._cursor_pager("agents_list", page_size=page_size)

    @async_endpoint
    async def list_sub_agents(self, agent_id: str) -> APIResponse[builtins.list[Agent]]:
        """The agents this agent can delegate to (its ``sub_agent_ids`` that still exist).

        In a session the agent delegates with the ``delegate`` server tool; each sub-agent
        answers in a session of its own, named in the tool's result (``session_id``).

        Raises:
            AgentNotFoundError: No such agent among yours.
        """
        response = await self._client._call("agents_list_sub_agents", agent_id=agent_id)
        return dataclasses.replace(response, parsed=response.parsed.data)

    @async_endpoint
    async def prompt_suggestions(self, agent_id: str) -> APIResponse[PromptSuggestions]:
        """Prompts a user interface may offer for a chat with the agent: its own
        ``prompt_suggestions``, or, when it has none, a few made by the server (``source``
        ``generated``).

        Raises:
            AgentNotFoundError: No such agent among yours.
        """
        return await self._client._call("agents_get_prompt_suggestions", agent_id=agent_id)

    def stream_chat(
        self,
        agent_id: str,
        message: str | Sequence[Mapping[str, Any]] | Mapping[str, Any],
        *,
        chat_id: str | None = None,
        idempotency_key: str | None = None,
    ) -> AsyncAgentChatStream:
        """Chat with an agent as a web front end does, with the AI SDK's ``useChat`` body.

        A streaming agent answers with the UI message stream, another with its whole reply as
        text; the conversation is kept in a session (``stream.session_id``). Nothing is sent
        until the stream is entered or iterated. To proxy a browser's request, pass its body
        and send back ``stream.headers`` and the bytes of ``aiter_bytes()``.

        Args:
            agent_id: The agent.
            message: The user's text; or the ``useChat`` messages (dicts with ``role`` and
                ``parts``); or a whole ``useChat`` body (with ``id`` and ``messages``).
            chat_id: The conversation: every request with the same id continues one session
                (a ``useChat`` body's ``id`` otherwise; without either, a new session).
            idempotency_key: Makes retries of this call safe; one is made for you otherwise.

        Raises:
            AgentNotFoundError: No such agent among yours (raised on entering).
            SessionBusyError: The conversation's previous reply is still under way.
            ValidationError: There is no user message with text to send.
            AgentFailedError: A non-streaming agent failed to answer.
        """
        from ..agent_chat import AsyncAgentChatStream

        body = _use_chat_body(message, chat_id)
        return self._client._stream(
            AsyncAgentChatStream,
            "agents_chat",
            agent_id=agent_id,
            body=body,
            idempotency_key=idempotency_key,
        )

    async def stream_chat_text(
        self,
        agent_id: str,
        message: str | Sequence[Mapping[str, Any]] | Mapping[str, Any],
        *,
        chat_id: str | None = None,
    ) -> AsyncIterator[str]:
        """The agent's reply to a chat message as text deltas, whether the agent streams
        (UI message stream) or answers in one piece (plain text). Takes the arguments of
        ``stream_chat``.

        Raises:
            AgentNotFoundError: No such agent among yours.
            SessionBusyError: The conversation's previous reply is still under way.
            ValidationError: There is no user message with text to send.
            AgentFailedError: A non-streaming agent failed to answer.
        """
        async with self.stream_chat(agent_id, message, chat_id=chat_id) as stream:
            async for text in stream.text_deltas():
                yield text

    def list_chats(self, agent_id: str, *, page_size: int = 20) -> AsyncPager[AgentChat]:
        """The agent's chats (the conversations ``stream_chat`` keeps by ``chat_id``), oldest
        first, fetched page by page as you iterate.

        No request is made until you iterate (``async for``) or call ``first_page()``.

        Raises:
            AgentNotFoundError: No such agent among yours (raised when a page is fetched).
        """
        return self._cursor_pager("agents_list_chats", page_size=page_size, agent_id=agent_id)

    @async_endpoint
    async def get_chat(self, agent_id: str, chat_id: str) -> APIResponse[AgentChatWithMessages]:
        """One chat of the agent with its messages, as AI SDK UI messages (what ``useChat``
        takes as its initial messages).

        Raises:
            AgentNotFoundError: No such agent among yours.
            ChatNotFoundError: The agent has no chat of this id.
        """
        return await self._client._call("agents_get_chat", agent_id=agent_id, chat_id=chat_id)

    @async_endpoint
    async def delete_chat(self, agent_id: str, chat_id: str) -> APIResponse[Deleted]:
        """Delete one chat with its session, cancelling a reply under way. The chat id may be
        used again afterwards: it starts a new conversation.

        Raises:
            AgentNotFoundError: No such agent among yours.
            ChatNotFoundError: The agent has no chat of this id.
        """
        return await self._client._call("agents_delete_chat", agent_id=agent_id, chat_id=chat_id)

    @async_endpoint
    async def delete_chats(self, agent_id: str) -> APIResponse[AgentChatsDeleted]:
        """Delete every chat of the agent with their sessions; ``deleted_count`` says how many.

        Raises:
            AgentNotFoundError: No such agent among yours.
        """
        return await self._client._call("agents_delete_chats", agent_id=agent_id)

    @async_endpoint
    async def generate_chat_title(
        self, agent_id: str, chat_id: str, *, idempotency_key: str | None = None
    ) -> APIResponse[AgentChat]:
        """Make the chat's title again from its first user message, and keep it (replacing a
        title set by hand).

        Raises:
            AgentNotFoundError: No such agent among yours.
            ChatNotFoundError: The agent has no chat of this id.
        """
        return await self._client._call(
            "agents_generate_chat_title",
            agent_id=agent_id,
            chat_id=chat_id,
            idempotency_key=idempotency_key,
        )

    def chat_status(
        self, agent_id: str, chat_id: str, *, follow: bool = False
    ) -> AsyncAgentChatStatusStream:
        """Follow a chat's status: a ``status`` event now, another at each change (status,
        title or message count), then one ``end`` event. Without ``follow`` the stream ends
        once no reply is under way; with it, it stays open across replies until the server's
        follow limit. Nothing is sent until the stream is entered or iterated.

        Raises:
            AgentNotFoundError: No such agent among yours (raised on entering).
            ChatNotFoundError: The agent has no chat of this id (raised on entering).
        """
        from ..agent_chat import AsyncAgentChatStatusStream

        params: dict[str, Any] = {"agent_id": agent_id, "chat_id": chat_id}
        if follow:
            params["follow"] = True
        # A status stream is quiet while nothing changes, however long a reply takes: only a
        # connection that stops carrying the server's keep-alives is dead.
        return self._client._stream(
            AsyncAgentChatStatusStream, "agents_chat_status", options={"follow": True}, **params
        )


def _use_chat_body(
    message: str | Sequence[Mapping[str, Any]] | Mapping[str, Any], chat_id: str | None
) -> dict[str, Any]:
    """The ``useChat`` request body for a message, its messages, or a whole body."""
    if isinstance(message, Mapping):
        body = dict(message)
    elif isinstance(message, str):
        part = {"type": "text", "text": message}
        body = {"messages": [{"id": new_idempotency_key(), "role": "user", "parts": [part]}]}
    else:
        body = {"messages": [dict(item) for item in message]}
    if chat_id is not None:
        body["id"] = chat_id
    body.setdefault("trigger", "submit-message")
    return body
