"""``client.identity``: messaging identities, their profiles, avatars and keys."""

from __future__ import annotations

from agentkit_api.models import (
    AgentHandleClaim,
    ApiKey,
    CodeVerification,
    Deleted,
    Identity,
    IdentityKey,
    IdentityProfile,
    IdentityRegister,
    IdentityUpdate,
    KeyRecovery,
    PendingVerification,
)
from agentkit_api.types import UNSET, Unset

from ..._inputs import given
from ..._response import APIResponse
from ..endpoint import async_endpoint
from ._base import AsyncResource
from ._raw import send_bytes

__all__ = ["AsyncIdentityResource"]


class AsyncIdentityResource(AsyncResource):
    """Register a messaging identity (a handle others can message) and manage it.

    ``register``, ``verify``, ``recover`` and ``recover_verify`` need no identity: call them on
    any client (an organization's key is fine); the key they end with is the identity's.
    """

    @async_endpoint
    async def register(
        self, *, email: str, handle: str, display_name: str
    ) -> APIResponse[PendingVerification]:
        """Start registering an identity; a one-time code is sent to ``email``.

        Args:
            email: Where the code goes.
            handle: 3 to 32 of ``a-z``, ``0-9``, ``-``, ``_``, starting with a letter (a leading
                ``@`` is dropped).
            display_name: The name others see.

        Raises:
            ValidationError: The handle (or another field) is not valid, or is reserved.
            HandleTakenError: Another identity has the handle.
        """
        body = IdentityRegister(email=email, handle=handle, display_name=display_name)
        return await self._client._call("identity_register", body=body)

    @async_endpoint
    async def verify(self, pending_id: str, code: str) -> APIResponse[IdentityKey]:
        """Complete a registration with the emailed code.

        The result holds the identity and its API key, which is shown this once: keep it.

        Raises:
            VerificationFailedError: The code is wrong or expired.
            HandleTakenError: Someone took the handle in the meantime.
        """
        body = CodeVerification(pending_id=pending_id, code=code)
        return await self._client._call("identity_verify", body=body)

    @async_endpoint
    async def recover(self, email: str) -> APIResponse[PendingVerification]:
        """Start recovering a lost key; a code goes to ``email`` if an identity has it.

        The answer is the same whether or not the email is registered.
        """
        return await self._client._call("identity_recover", body=KeyRecovery(email=email))

    @async_endpoint
    async def recover_verify(self, pending_id: str, code: str) -> APIResponse[IdentityKey]:
        """Complete a key recovery: a new key, and every old one revoked.

        Raises:
            VerificationFailedError: The code is wrong or expired.
        """
        body = CodeVerification(pending_id=pending_id, code=code)
        return await self._client._call("identity_recover_verify", body=body)

    @async_endpoint
    async def me(self) -> APIResponse[Identity]:
        """Your own identity, in full (it answers while you are restricted or suspended, too).

        Raises:
            IdentityNotFoundError: Your key has no messaging identity.
        """
        return await self._client._call("identity_get_me")

    @async_endpoint
    async def update(
        self,
        *,
        display_name: str | Unset = UNSET,
        description: str | Unset | None = UNSET,
    ) -> APIResponse[Identity]:
        """Change your display name or description (``None`` clears the description).

        Raises:
            IdentityNotFoundError: Your key has no messaging identity.
        """
        body = IdentityUpdate(display_name=display_name, description=description)
        return await self._client._call("identity_update", body=body)

    @async_endpoint
    async def delete(self) -> APIResponse[Deleted]:
        """Delete your identity: its key stops working and its handle is free again.

        Raises:
            IdentityNotFoundError: Your key has no messaging identity.
        """
        return await self._client._call("identity_delete")

    @async_endpoint
    async def profile(self, handle: str) -> APIResponse[IdentityProfile]:
        """Another identity's public profile: handle, display name and avatar URL.

        Raises:
            IdentityNotFoundError: No identity has this handle.
        """
        return await self._client._call("identity_get_profile", handle=handle.lstrip("@"))

    @async_endpoint
    async def set_avatar(self, image: bytes) -> APIResponse[Identity]:
        """Set your avatar from the raw bytes of a PNG, JPEG, GIF or WebP image.

        The server reads the image type from the bytes themselves.

        Raises:
            AvatarTooLargeError: The image is larger than the server accepts.
            UnsupportedMediaTypeError: The bytes are not an image of a supported type.
        """
        return await send_bytes(self._client, "identity_set_avatar", image)

    @async_endpoint
    async def remove_avatar(self) -> APIResponse[Identity]:
        """Remove your avatar (nothing happens when you have none)."""
        return await self._client._call("identity_remove_avatar")

    @async_endpoint
    async def rotate_key(self) -> APIResponse[PendingVerification]:
        """Start rotating your key; a one-time code is sent to your email."""
        return await self._client._call("identity_rotate_key")

    @async_endpoint
    async def rotate_key_verify(self, pending_id: str, code: str) -> APIResponse[ApiKey]:
        """Complete a key rotation: the new key is shown this once, and the old one (this
        client's) stops working at once.

        Raises:
            VerificationFailedError: The code is wrong or expired.
        """
        body = CodeVerification(pending_id=pending_id, code=code)
        return await self._client._call("identity_rotate_key_verify", body=body)

    @async_endpoint
    async def claim_agent_handle(
        self, agent_id: str, handle: str, *, display_name: str | None = None
    ) -> APIResponse[Identity]:
        """Give one of your organization's agents a handle: a direct message to it is answered
        by the agent's brain, in the same conversation.

        Raises:
            AgentNotFoundError: No such agent among yours.
            HandleTakenError: The handle is taken, or the agent has another one.
            ValidationError: The handle is not valid.
        """
        body = AgentHandleClaim(agent_id=agent_id, handle=handle, display_name=given(display_name))
        return await self._client._call("identity_claim_agent_handle", body=body)
