from http import HTTPStatus
from typing import Any

import httpx

from ...client import AuthenticatedClient, Client
from ...models.open_ai_error_response import OpenAIErrorResponse
from ...models.open_ai_model_list import OpenAIModelList
from ...types import Response


def _get_kwargs() -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/openai/v1/models",
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> OpenAIErrorResponse | OpenAIModelList:
    if response.status_code == 200:
        response_200 = OpenAIModelList.from_dict(response.json())

        return response_200

    response_default = OpenAIErrorResponse.from_dict(response.json())

    return response_default


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[OpenAIErrorResponse | OpenAIModelList]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
) -> Response[OpenAIErrorResponse | OpenAIModelList]:
    """The models you can name, in OpenAI's wire format; each with its capabilities.

     Every agent of your organization (its id is the model id; its name works too), then the
    built-in embedding model, then the models of your providers: each model a provider
    listed when its models were last refreshed, as `<provider name>/<model id>` (the
    provider's id instead of its name where the name would reach another provider or one
    of your agents), `owned_by` the provider's name. That id is what `model` takes in a
    completion or an embedding. A provider whose key this server cannot open lists
    nothing. Beyond OpenAI's fields, each model has its `name` (a provider's model: its id
    as the provider spells it), its `kind` (`agent`, `embedding` or `provider`; more may
    come) and its `capabilities`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[OpenAIErrorResponse | OpenAIModelList]
    """

    kwargs = _get_kwargs()

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
) -> OpenAIErrorResponse | OpenAIModelList | None:
    """The models you can name, in OpenAI's wire format; each with its capabilities.

     Every agent of your organization (its id is the model id; its name works too), then the
    built-in embedding model, then the models of your providers: each model a provider
    listed when its models were last refreshed, as `<provider name>/<model id>` (the
    provider's id instead of its name where the name would reach another provider or one
    of your agents), `owned_by` the provider's name. That id is what `model` takes in a
    completion or an embedding. A provider whose key this server cannot open lists
    nothing. Beyond OpenAI's fields, each model has its `name` (a provider's model: its id
    as the provider spells it), its `kind` (`agent`, `embedding` or `provider`; more may
    come) and its `capabilities`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        OpenAIErrorResponse | OpenAIModelList
    """

    return sync_detailed(
        client=client,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
) -> Response[OpenAIErrorResponse | OpenAIModelList]:
    """The models you can name, in OpenAI's wire format; each with its capabilities.

     Every agent of your organization (its id is the model id; its name works too), then the
    built-in embedding model, then the models of your providers: each model a provider
    listed when its models were last refreshed, as `<provider name>/<model id>` (the
    provider's id instead of its name where the name would reach another provider or one
    of your agents), `owned_by` the provider's name. That id is what `model` takes in a
    completion or an embedding. A provider whose key this server cannot open lists
    nothing. Beyond OpenAI's fields, each model has its `name` (a provider's model: its id
    as the provider spells it), its `kind` (`agent`, `embedding` or `provider`; more may
    come) and its `capabilities`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[OpenAIErrorResponse | OpenAIModelList]
    """

    kwargs = _get_kwargs()

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
) -> OpenAIErrorResponse | OpenAIModelList | None:
    """The models you can name, in OpenAI's wire format; each with its capabilities.

     Every agent of your organization (its id is the model id; its name works too), then the
    built-in embedding model, then the models of your providers: each model a provider
    listed when its models were last refreshed, as `<provider name>/<model id>` (the
    provider's id instead of its name where the name would reach another provider or one
    of your agents), `owned_by` the provider's name. That id is what `model` takes in a
    completion or an embedding. A provider whose key this server cannot open lists
    nothing. Beyond OpenAI's fields, each model has its `name` (a provider's model: its id
    as the provider spells it), its `kind` (`agent`, `embedding` or `provider`; more may
    come) and its `capabilities`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        OpenAIErrorResponse | OpenAIModelList
    """

    return (
        await asyncio_detailed(
            client=client,
        )
    ).parsed
