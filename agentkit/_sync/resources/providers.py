# Generated from agentkit/_async by scripts/unasync.py: edit the async source, not this file.
"""``client.providers``: the upstream LLM providers of your organization."""

from __future__ import annotations

from agentkit_api.models import (
    Deleted,
    Provider,
    ProviderCreate,
    ProviderTestResult,
    ProviderUpdate,
    UpstreamType,
)
from agentkit_api.types import UNSET, Unset

from ..._compat import enum_member
from ..._response import APIResponse
from ..endpoint import endpoint
from ..pagination import Pager
from ._base import SyncResource

__all__ = ["AsyncProviders"]


class AsyncProviders(SyncResource):
    """Add, inspect, change, test and delete upstream LLM providers.

    A provider's API key is write-only: the server keeps it encrypted and answers only
    ``has_api_key``.
    """

    @endpoint
    def create(
        self,
        *,
        name: str,
        type: UpstreamType | str,
        base_url: str,
        api_key: str | None = None,
        idempotency_key: str | None = None,
    ) -> APIResponse[Provider]:
        """Add a provider.

        Args:
            name: A name, unique among your providers.
            type: ``"openai"``, ``"azure"`` or ``"openai-compatible"``.
            base_url: The API root, such as ``https://api.openai.com/v1``.
            api_key: The provider's key; never returned by the server.
            idempotency_key: Makes retries of this call safe across processes; one is made
                for you otherwise.

        Raises:
            ProviderNameTakenError: Another of your providers has this name.
            ValidationError: A field is not valid (such as a URL that is not http or https).
        """
        body = ProviderCreate(
            name=name,
            type_=enum_member(UpstreamType, type),
            base_url=base_url,
            api_key=UNSET if api_key is None else api_key,
        )
        return self._client._call("providers_create", body=body, idempotency_key=idempotency_key)

    @endpoint
    def get(self, provider_id: str) -> APIResponse[Provider]:
        """Get a provider by id (``"system"`` is the built-in brains).

        Raises:
            ProviderNotFoundError: No such provider among yours.
        """
        return self._client._call("providers_get", provider_id=provider_id)

    @endpoint
    def update(
        self,
        provider_id: str,
        *,
        name: str | Unset = UNSET,
        type: UpstreamType | str | Unset = UNSET,
        base_url: str | Unset = UNSET,
        api_key: str | Unset | None = UNSET,
    ) -> APIResponse[Provider]:
        """Change some fields of a provider; ``api_key=None`` removes the stored key.

        Raises:
            ProviderNotFoundError: No such provider among yours.
            ProviderNameTakenError: Another of your providers has the new name.
            ProviderReadOnlyError: The ``system`` provider cannot be changed.
        """
        body = ProviderUpdate(
            name=name,
            type_=type if isinstance(type, Unset) else enum_member(UpstreamType, type),
            base_url=base_url,
            api_key=api_key,
        )
        return self._client._call("providers_update", provider_id=provider_id, body=body)

    @endpoint
    def delete(self, provider_id: str) -> APIResponse[Deleted]:
        """Delete a provider.

        Raises:
            ProviderNotFoundError: No such provider among yours.
            ProviderReadOnlyError: The ``system`` provider cannot be deleted.
        """
        return self._client._call("providers_delete", provider_id=provider_id)

    @endpoint
    def refresh_models(
        self, provider_id: str, *, idempotency_key: str | None = None
    ) -> APIResponse[Provider]:
        """Read the provider's models again from its ``/models``; the provider with them.

        Raises:
            ProviderNotFoundError: No such provider among yours.
            ProviderUnreachableError: The provider did not list its models.
        """
        return self._client._call(
            "providers_refresh_models", provider_id=provider_id, idempotency_key=idempotency_key
        )

    @endpoint
    def test(
        self, provider_id: str, *, idempotency_key: str | None = None
    ) -> APIResponse[ProviderTestResult]:
        """Check that the provider answers with its key; ``ok`` is false when it does not.

        Raises:
            ProviderNotFoundError: No such provider among yours.
        """
        return self._client._call(
            "providers_test", provider_id=provider_id, idempotency_key=idempotency_key
        )

    def list(self, *, include_system: bool = True, page_size: int = 20) -> Pager[Provider]:
        """Your providers, the ``system`` provider first unless ``include_system`` is false.

        No request is made until you iterate (``for``) or call ``first_page()``.
        """
        return self._cursor_pager(
            "providers_list", page_size=page_size, include_system=include_system
        )
