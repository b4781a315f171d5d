"""``client.completions``, ``client.embeddings`` and ``client.models``: the OpenAI-compatible
API of the server (``/openai/v1``), where the model you name is one of your agents."""

from __future__ import annotations

import builtins
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any, Literal

from agentkit_api.models import OpenAIChatCompletion, OpenAIEmbeddingList, OpenAIModel

from ..._completions import MessagesInput, ToolInput, completion_body, decode_embeddings
from ..._response import APIResponse
from ..endpoint import async_endpoint
from ._base import AsyncResource

if TYPE_CHECKING:
    # Streams load with the first stream opened, not with the client.
    from ..completion_stream import AsyncCompletionStream

__all__ = ["EMBEDDING_MODEL", "AsyncCompletions", "AsyncEmbeddings", "AsyncModels"]

#: The server's built-in embedding model: lexical (shared words and word pieces), not semantic.
EMBEDDING_MODEL = "agentkit-lexical-v1"

ToolChoice = Literal["none", "auto", "required"] | str | Mapping[str, Any]


class AsyncCompletions(AsyncResource):
    """Chat completions answered by your agents, in OpenAI's wire format."""

    @async_endpoint
    async def create(
        self,
        model: str,
        messages: MessagesInput,
        *,
        tools: Sequence[ToolInput] | None = None,
        tool_choice: ToolChoice | None = None,
        response_format: Any = None,
        max_tokens: int | None = None,
        temperature: float | None = None,
        stop: str | Sequence[str] | None = None,
        idempotency_key: str | None = None,
    ) -> APIResponse[OpenAIChatCompletion]:
        """Ask an agent for a reply, whole.

        Args:
            model: The agent that answers: its id or its name.
            messages: The user's text, or OpenAI's chat messages (dicts with ``role`` and
                ``content``; ``tool`` messages answer earlier tool calls).
            tools: Tools the agent may ask you to run: ``ClientTool`` objects
                (``@client_tool``) or OpenAI's tool dicts.
            tool_choice: ``"none"``, ``"auto"`` (default), ``"required"``, or a tool's name.
            response_format: ``"json"`` for a JSON object; a JSON Schema dict for a JSON object
                that follows it; or OpenAI's ``response_format`` dict.
            max_tokens: Cut the reply after this many tokens (``finish_reason`` ``length``).
            temperature: Accepted for OpenAI compatibility; the built-in agents ignore it.
            stop: Accepted for OpenAI compatibility; the built-in agents ignore it.
            idempotency_key: Makes retries of this call safe; one is made for you otherwise.

        Returns:
            The ``OpenAIChatCompletion``: ``choices[0].message`` has the ``content`` and any
            ``tool_calls``; ``usage`` counts tokens.

        Raises:
            ModelNotFoundError: None of your agents has this id or name.
            ValidationError: A field is not valid (``.field`` names it).
            AgentFailedError: The agent failed to answer.
        """
        body = completion_body(
            model,
            messages,
            stream=False,
            tools=tools,
            tool_choice=tool_choice,
            response_format=response_format,
            max_tokens=max_tokens,
            temperature=temperature,
            stop=stop,
        )
        return await self._client._call(
            "completions_create", body=body, idempotency_key=idempotency_key
        )

    def stream(
        self,
        model: str,
        messages: MessagesInput,
        *,
        tools: Sequence[ToolInput] | None = None,
        tool_choice: ToolChoice | None = None,
        response_format: Any = None,
        max_tokens: int | None = None,
        include_usage: bool = True,
        temperature: float | None = None,
        stop: str | Sequence[str] | None = None,
    ) -> AsyncCompletionStream:
        """Ask an agent for a reply, streamed as typed chunks.

        Takes the arguments of ``create``, and ``include_usage`` (default true: the stream's
        last chunk carries the token usage). Nothing is sent until the stream is entered or
        iterated::

            async with client.completions.stream("Support Bot", "Hello") as stream:
                async for text in stream.text_deltas():
                    print(text, end="")
            print(stream.usage)

        Raises:
            ModelNotFoundError: None of your agents has this id or name.
            ValidationError: A field is not valid (``.field`` names it).
            AgentFailedError: The agent failed during the reply (raised mid-stream).
            APIConnectionError: The connection broke (a completion stream is not resumed).
        """
        body = completion_body(
            model,
            messages,
            stream=True,
            tools=tools,
            tool_choice=tool_choice,
            response_format=response_format,
            max_tokens=max_tokens,
            temperature=temperature,
            stop=stop,
            include_usage=include_usage,
        )
        from ..completion_stream import AsyncCompletionStream

        return self._client._stream(AsyncCompletionStream, "completions_create", body=body)


class AsyncEmbeddings(AsyncResource):
    """Embeddings from the server's built-in local model."""

    @async_endpoint
    async def create(
        self,
        input: str | Sequence[str],
        *,
        model: str = EMBEDDING_MODEL,
        dimensions: int | None = None,
        idempotency_key: str | None = None,
    ) -> APIResponse[OpenAIEmbeddingList]:
        """Embed one text or several (up to 2048), in order.

        The built-in model is lexical, not semantic: texts that share words are close, synonyms
        are not. Vectors have length 1; the wire carries them as base64 float32, decoded here.

        Args:
            input: A text, or a list of texts; none may be empty.
            model: The embedding model (the built-in ``agentkit-lexical-v1``).
            dimensions: The vectors' size (1 to 4096; default 256).
            idempotency_key: Makes retries of this call safe; one is made for you otherwise.

        Returns:
            The ``OpenAIEmbeddingList``: ``data[i].embedding`` is the ``i``-th text's vector.

        Raises:
            ModelNotFoundError: No such model.
            ValidationError: An input is empty, or ``model`` names an agent.
        """
        body: dict[str, Any] = {
            "model": model,
            "input": input if isinstance(input, str) else list(input),
            "encoding_format": "base64",
        }
        if dimensions is not None:
            body["dimensions"] = dimensions
        response = await self._client._call(
            "completions_embed", body=body, idempotency_key=idempotency_key
        )
        decode_embeddings(response.parsed)
        return response


class AsyncModels(AsyncResource):
    """The models you can name: your agents, the built-in embedding model, and the models of
    your providers (``<provider>/<model>``)."""

    @async_endpoint
    async def list(self) -> APIResponse[builtins.list[OpenAIModel]]:
        """Every model: your agents (id, name, capabilities), the embedding model, then each
        model your providers listed at their last refresh (``client.providers.refresh_models``).

        A provider's model has ``kind`` ``provider``, an id such as ``"Local vLLM/llama-3-8b"``
        (what ``completions.create`` and ``embeddings.create`` take as ``model``), its own id
        as ``name``, and the provider's name as ``owned_by``. Each model's ``capabilities`` say
        what it can do: ``chat``, ``streaming``, ``tool_calls``, ``vision``, ``thinking`` and
        ``embeddings``. A kind this SDK does not know yet comes through as its string.
        """
        response = await self._client._call("completions_list_models")
        models: builtins.list[OpenAIModel] = response.parsed.data
        return APIResponse(
            status_code=response.status_code,
            headers=response.headers,
            parsed=models,
            retries_taken=response.retries_taken,
            idempotency_key=None,
        )

    @async_endpoint
    async def get(self, model_id: str) -> APIResponse[OpenAIModel]:
        """One model, by id (an agent's name works too), with its ``capabilities``.

        Args:
            model_id: A model's id, or an agent's name; a provider's model as listed
                (``"<provider>/<model>"``, the provider by its name or id), sent as one path
                segment.

        Raises:
            ModelNotFoundError: No such model (a provider's model that its provider did not
                list at its last refresh is none).
        """
        return await self._client._call("completions_get_model", model_id=model_id)
