from http import HTTPStatus
from typing import Any

import httpx

from ...client import AuthenticatedClient, Client
from ...models.open_ai_chat_completion import OpenAIChatCompletion
from ...models.open_ai_chat_completion_request import OpenAIChatCompletionRequest
from ...models.open_ai_error_response import OpenAIErrorResponse
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    body: OpenAIChatCompletionRequest,
    idempotency_key: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/openai/v1/chat/completions",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> OpenAIChatCompletion | OpenAIErrorResponse:
    if response.status_code == 200:
        response_200 = OpenAIChatCompletion.from_dict(response.json())

        return response_200

    response_default = OpenAIErrorResponse.from_dict(response.json())

    return response_default


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[OpenAIChatCompletion | OpenAIErrorResponse]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: OpenAIChatCompletionRequest,
    idempotency_key: str | Unset = UNSET,
) -> Response[OpenAIChatCompletion | OpenAIErrorResponse]:
    """Create a chat completion in OpenAI's wire format; the agent named by `model` answers.

     OpenAI-compatible: point an OpenAI client at `<server>/openai/v1` with an agentkit key.
    `model` is the id or the name of one of your agents; its brain answers the last user
    message, with the earlier messages as history and the system and developer messages
    after the agent's own instructions. With `stream: true` the answer is a stream of
    `chat.completion.chunk` objects as unnamed `data:` events, ended by `data: [DONE]`;
    `stream_options.include_usage` adds a last chunk with no choices and the usage.
    `tools` are offered to the brain as tools the caller runs: a call arrives as
    `tool_calls` (streamed as `tool_calls` deltas) with `finish_reason: tool_calls`, and the
    caller answers with `tool` messages. `tool_choice: none` offers no tools, a named choice
    offers that one only. `response_format` `json_object` or `json_schema` makes the reply a
    JSON object: the brain's text when it is one (valid against the schema), otherwise an
    object that carries the text in a `content` property (or the schema's first string
    property). Errors use OpenAI's error shape, with agentkit's code as `code`. Tokens are
    counted as words.

    The agent's guardrails apply: its reply is held until complete and checked. A blocking
    guardrail replaces the text with its refusal and makes `finish_reason`
    `content_filter`; the guardrails that fired (blocking or flagging) are listed in the
    choice's `guardrail_findings`, an extra field OpenAI's clients keep (in a stream, one
    chunk with an empty delta carries them, before the text).

    A `model` of the form `<provider>/<model>` that names no agent (the provider by its
    name or id, the model as the provider names it, such as `Local vLLM/llama-3-8b`) is a
    provider's model: the request goes to the provider's `/chat/completions` with its key
    and the model's own id, and the provider's answer (or stream) comes back as it is. A
    provider that fails is `PROVIDER_UNREACHABLE`, with its status but not its body.

    Args:
        idempotency_key (str | Unset):
        body (OpenAIChatCompletionRequest): OpenAI's chat completion request. Sampling settings
            (`temperature`, `top_p`, `seed`,
            penalties, `max_tokens`, ...) are accepted and checked, and the built-in brains ignore
            them; other fields are ignored.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[OpenAIChatCompletion | OpenAIErrorResponse]
    """

    kwargs = _get_kwargs(
        body=body,
        idempotency_key=idempotency_key,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    body: OpenAIChatCompletionRequest,
    idempotency_key: str | Unset = UNSET,
) -> OpenAIChatCompletion | OpenAIErrorResponse | None:
    """Create a chat completion in OpenAI's wire format; the agent named by `model` answers.

     OpenAI-compatible: point an OpenAI client at `<server>/openai/v1` with an agentkit key.
    `model` is the id or the name of one of your agents; its brain answers the last user
    message, with the earlier messages as history and the system and developer messages
    after the agent's own instructions. With `stream: true` the answer is a stream of
    `chat.completion.chunk` objects as unnamed `data:` events, ended by `data: [DONE]`;
    `stream_options.include_usage` adds a last chunk with no choices and the usage.
    `tools` are offered to the brain as tools the caller runs: a call arrives as
    `tool_calls` (streamed as `tool_calls` deltas) with `finish_reason: tool_calls`, and the
    caller answers with `tool` messages. `tool_choice: none` offers no tools, a named choice
    offers that one only. `response_format` `json_object` or `json_schema` makes the reply a
    JSON object: the brain's text when it is one (valid against the schema), otherwise an
    object that carries the text in a `content` property (or the schema's first string
    property). Errors use OpenAI's error shape, with agentkit's code as `code`. Tokens are
    counted as words.

    The agent's guardrails apply: its reply is held until complete and checked. A blocking
    guardrail replaces the text with its refusal and makes `finish_reason`
    `content_filter`; the guardrails that fired (blocking or flagging) are listed in the
    choice's `guardrail_findings`, an extra field OpenAI's clients keep (in a stream, one
    chunk with an empty delta carries them, before the text).

    A `model` of the form `<provider>/<model>` that names no agent (the provider by its
    name or id, the model as the provider names it, such as `Local vLLM/llama-3-8b`) is a
    provider's model: the request goes to the provider's `/chat/completions` with its key
    and the model's own id, and the provider's answer (or stream) comes back as it is. A
    provider that fails is `PROVIDER_UNREACHABLE`, with its status but not its body.

    Args:
        idempotency_key (str | Unset):
        body (OpenAIChatCompletionRequest): OpenAI's chat completion request. Sampling settings
            (`temperature`, `top_p`, `seed`,
            penalties, `max_tokens`, ...) are accepted and checked, and the built-in brains ignore
            them; other fields are ignored.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        OpenAIChatCompletion | OpenAIErrorResponse
    """

    return sync_detailed(
        client=client,
        body=body,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: OpenAIChatCompletionRequest,
    idempotency_key: str | Unset = UNSET,
) -> Response[OpenAIChatCompletion | OpenAIErrorResponse]:
    """Create a chat completion in OpenAI's wire format; the agent named by `model` answers.

     OpenAI-compatible: point an OpenAI client at `<server>/openai/v1` with an agentkit key.
    `model` is the id or the name of one of your agents; its brain answers the last user
    message, with the earlier messages as history and the system and developer messages
    after the agent's own instructions. With `stream: true` the answer is a stream of
    `chat.completion.chunk` objects as unnamed `data:` events, ended by `data: [DONE]`;
    `stream_options.include_usage` adds a last chunk with no choices and the usage.
    `tools` are offered to the brain as tools the caller runs: a call arrives as
    `tool_calls` (streamed as `tool_calls` deltas) with `finish_reason: tool_calls`, and the
    caller answers with `tool` messages. `tool_choice: none` offers no tools, a named choice
    offers that one only. `response_format` `json_object` or `json_schema` makes the reply a
    JSON object: the brain's text when it is one (valid against the schema), otherwise an
    object that carries the text in a `content` property (or the schema's first string
    property). Errors use OpenAI's error shape, with agentkit's code as `code`. Tokens are
    counted as words.

    The agent's guardrails apply: its reply is held until complete and checked. A blocking
    guardrail replaces the text with its refusal and makes `finish_reason`
    `content_filter`; the guardrails that fired (blocking or flagging) are listed in the
    choice's `guardrail_findings`, an extra field OpenAI's clients keep (in a stream, one
    chunk with an empty delta carries them, before the text).

    A `model` of the form `<provider>/<model>` that names no agent (the provider by its
    name or id, the model as the provider names it, such as `Local vLLM/llama-3-8b`) is a
    provider's model: the request goes to the provider's `/chat/completions` with its key
    and the model's own id, and the provider's answer (or stream) comes back as it is. A
    provider that fails is `PROVIDER_UNREACHABLE`, with its status but not its body.

    Args:
        idempotency_key (str | Unset):
        body (OpenAIChatCompletionRequest): OpenAI's chat completion request. Sampling settings
            (`temperature`, `top_p`, `seed`,
            penalties, `max_tokens`, ...) are accepted and checked, and the built-in brains ignore
            them; other fields are ignored.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[OpenAIChatCompletion | OpenAIErrorResponse]
    """

    kwargs = _get_kwargs(
        body=body,
        idempotency_key=idempotency_key,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: OpenAIChatCompletionRequest,
    idempotency_key: str | Unset = UNSET,
) -> OpenAIChatCompletion | OpenAIErrorResponse | None:
    """Create a chat completion in OpenAI's wire format; the agent named by `model` answers.

     OpenAI-compatible: point an OpenAI client at `<server>/openai/v1` with an agentkit key.
    `model` is the id or the name of one of your agents; its brain answers the last user
    message, with the earlier messages as history and the system and developer messages
    after the agent's own instructions. With `stream: true` the answer is a stream of
    `chat.completion.chunk` objects as unnamed `data:` events, ended by `data: [DONE]`;
    `stream_options.include_usage` adds a last chunk with no choices and the usage.
    `tools` are offered to the brain as tools the caller runs: a call arrives as
    `tool_calls` (streamed as `tool_calls` deltas) with `finish_reason: tool_calls`, and the
    caller answers with `tool` messages. `tool_choice: none` offers no tools, a named choice
    offers that one only. `response_format` `json_object` or `json_schema` makes the reply a
    JSON object: the brain's text when it is one (valid against the schema), otherwise an
    object that carries the text in a `content` property (or the schema's first string
    property). Errors use OpenAI's error shape, with agentkit's code as `code`. Tokens are
    counted as words.

    The agent's guardrails apply: its reply is held until complete and checked. A blocking
    guardrail replaces the text with its refusal and makes `finish_reason`
    `content_filter`; the guardrails that fired (blocking or flagging) are listed in the
    choice's `guardrail_findings`, an extra field OpenAI's clients keep (in a stream, one
    chunk with an empty delta carries them, before the text).

    A `model` of the form `<provider>/<model>` that names no agent (the provider by its
    name or id, the model as the provider names it, such as `Local vLLM/llama-3-8b`) is a
    provider's model: the request goes to the provider's `/chat/completions` with its key
    and the model's own id, and the provider's answer (or stream) comes back as it is. A
    provider that fails is `PROVIDER_UNREACHABLE`, with its status but not its body.

    Args:
        idempotency_key (str | Unset):
        body (OpenAIChatCompletionRequest): OpenAI's chat completion request. Sampling settings
            (`temperature`, `top_p`, `seed`,
            penalties, `max_tokens`, ...) are accepted and checked, and the built-in brains ignore
            them; other fields are ignored.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        OpenAIChatCompletion | OpenAIErrorResponse
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
            idempotency_key=idempotency_key,
        )
    ).parsed
