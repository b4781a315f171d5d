"""A chat completion streamed from the OpenAI-compatible API: typed chunks, and the text, tool
calls and usage they add up to."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from typing import Any

from agentkit_api.models import (
    GuardrailFinding,
    OpenAIChatCompletion,
    OpenAIChatCompletionChunk,
    OpenAIToolCall,
    OpenAIUsage,
)

from .._completions import CompletionAccumulator, parse_completion_chunk
from .._errors import StreamError
from .streaming import AsyncStream

__all__ = ["AsyncCompletionStream"]


def _is_terminator(chunk: OpenAIChatCompletionChunk | None) -> bool:
    return chunk is None


class AsyncCompletionStream(AsyncStream[OpenAIChatCompletionChunk | None]):
    """The chunks of one chat completion (``OpenAIChatCompletionChunk``), up to ``[DONE]``.

    Iterate it for the chunks, or only the text (``text_deltas()``), or read it to the end
    (``until_done()`` returns the ``OpenAIChatCompletion`` the chunks add up to). As chunks
    arrive, ``text``, ``reasoning``, ``tool_calls`` (joined from their pieces), ``finish_reason``
    and ``usage`` (sent last when the stream was asked for it, which ``stream`` does by default)
    follow them. A chunk reporting an error raises the exception its code maps to
    (``AgentFailedError`` when the agent failed). The format has no event ids, so a dropped
    connection is not resumed: it raises ``APIConnectionError``.
    """

    resumable = False

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(parse=parse_completion_chunk, is_terminal=_is_terminator, **kwargs)
        self._summary = CompletionAccumulator()

    def _observer(self) -> Callable[[OpenAIChatCompletionChunk | None], None]:
        return self._summary.observe

    async def __aiter__(self) -> AsyncIterator[OpenAIChatCompletionChunk]:
        async for chunk in super().__aiter__():
            if chunk is None:
                return
            yield chunk

    @property
    def text(self) -> str:
        """The reply's text received so far."""
        return self._summary.text

    @property
    def reasoning(self) -> str:
        """The agent's reasoning received so far (``reasoning_content``)."""
        return self._summary.reasoning

    @property
    def tool_calls(self) -> list[OpenAIToolCall]:
        """The tool calls received so far, each with its arguments joined."""
        return self._summary.tool_calls

    @property
    def finish_reason(self) -> str | None:
        """Why the reply ended (``stop``, ``length``, ``tool_calls``, ``content_filter``), once
        it has."""
        return self._summary.finish_reason

    @property
    def guardrail_findings(self) -> list[GuardrailFinding]:
        """The agent's guardrails that fired on the reply so far (an agentkit extension of the
        format); a blocking one made the text its refusal and ``finish_reason``
        ``content_filter``."""
        return self._summary.guardrail_findings

    @property
    def usage(self) -> OpenAIUsage | None:
        """The token usage, from the stream's last chunk (``None`` before, or if not asked)."""
        return self._summary.usage

    async def text_deltas(self) -> AsyncIterator[str]:
        """Iterate only the pieces of the reply's text, as they arrive."""
        async for chunk in self:
            for choice in chunk.choices:
                content = choice.delta.content
                if choice.index == 0 and isinstance(content, str) and content:
                    yield content

    async def until_done(self) -> OpenAIChatCompletion:
        """Read the stream to its end and return the completion its chunks add up to.

        Raises:
            StreamError: The stream ended before its finish reason.
            AgentFailedError: The agent failed during the reply.
        """
        async for _ in self:
            pass
        if self._summary.finish_reason is None:
            raise StreamError("the stream ended before the reply finished")
        return self._summary.completion()
