from http import HTTPStatus
from typing import Any

import httpx

from ...client import AuthenticatedClient, Client
from ...models.open_ai_embedding_list import OpenAIEmbeddingList
from ...models.open_ai_embedding_request import OpenAIEmbeddingRequest
from ...models.open_ai_error_response import OpenAIErrorResponse
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    body: OpenAIEmbeddingRequest,
    idempotency_key: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/openai/v1/embeddings",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> OpenAIEmbeddingList | OpenAIErrorResponse:
    if response.status_code == 200:
        response_200 = OpenAIEmbeddingList.from_dict(response.json())

        return response_200

    response_default = OpenAIErrorResponse.from_dict(response.json())

    return response_default


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[OpenAIEmbeddingList | OpenAIErrorResponse]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: OpenAIEmbeddingRequest,
    idempotency_key: str | Unset = UNSET,
) -> Response[OpenAIEmbeddingList | OpenAIErrorResponse]:
    """Embed text in OpenAI's wire format with the server's local lexical model or a provider's model.

     The built-in model `agentkit-lexical-v1` is lexical, not semantic: it hashes words and
    character trigrams into `dimensions` buckets (default 256), then normalizes the vector
    to length 1. Texts that share words are close; synonyms are not. It is deterministic and
    works offline. `encoding_format: base64` sends each vector as little-endian float32.
    A `model` of the form `<provider>/<model>` is a provider's embedding model: the
    request goes to the provider's `/embeddings`, as for completions.

    Args:
        idempotency_key (str | Unset):
        body (OpenAIEmbeddingRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[OpenAIEmbeddingList | OpenAIErrorResponse]
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
    body: OpenAIEmbeddingRequest,
    idempotency_key: str | Unset = UNSET,
) -> OpenAIEmbeddingList | OpenAIErrorResponse | None:
    """Embed text in OpenAI's wire format with the server's local lexical model or a provider's model.

     The built-in model `agentkit-lexical-v1` is lexical, not semantic: it hashes words and
    character trigrams into `dimensions` buckets (default 256), then normalizes the vector
    to length 1. Texts that share words are close; synonyms are not. It is deterministic and
    works offline. `encoding_format: base64` sends each vector as little-endian float32.
    A `model` of the form `<provider>/<model>` is a provider's embedding model: the
    request goes to the provider's `/embeddings`, as for completions.

    Args:
        idempotency_key (str | Unset):
        body (OpenAIEmbeddingRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        OpenAIEmbeddingList | OpenAIErrorResponse
    """

    return sync_detailed(
        client=client,
        body=body,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: OpenAIEmbeddingRequest,
    idempotency_key: str | Unset = UNSET,
) -> Response[OpenAIEmbeddingList | OpenAIErrorResponse]:
    """Embed text in OpenAI's wire format with the server's local lexical model or a provider's model.

     The built-in model `agentkit-lexical-v1` is lexical, not semantic: it hashes words and
    character trigrams into `dimensions` buckets (default 256), then normalizes the vector
    to length 1. Texts that share words are close; synonyms are not. It is deterministic and
    works offline. `encoding_format: base64` sends each vector as little-endian float32.
    A `model` of the form `<provider>/<model>` is a provider's embedding model: the
    request goes to the provider's `/embeddings`, as for completions.

    Args:
        idempotency_key (str | Unset):
        body (OpenAIEmbeddingRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[OpenAIEmbeddingList | OpenAIErrorResponse]
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
    body: OpenAIEmbeddingRequest,
    idempotency_key: str | Unset = UNSET,
) -> OpenAIEmbeddingList | OpenAIErrorResponse | None:
    """Embed text in OpenAI's wire format with the server's local lexical model or a provider's model.

     The built-in model `agentkit-lexical-v1` is lexical, not semantic: it hashes words and
    character trigrams into `dimensions` buckets (default 256), then normalizes the vector
    to length 1. Texts that share words are close; synonyms are not. It is deterministic and
    works offline. `encoding_format: base64` sends each vector as little-endian float32.
    A `model` of the form `<provider>/<model>` is a provider's embedding model: the
    request goes to the provider's `/embeddings`, as for completions.

    Args:
        idempotency_key (str | Unset):
        body (OpenAIEmbeddingRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        OpenAIEmbeddingList | OpenAIErrorResponse
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
            idempotency_key=idempotency_key,
        )
    ).parsed
