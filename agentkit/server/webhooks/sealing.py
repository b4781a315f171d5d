"""Endpoint secrets at rest: sealed like provider keys, under a key of their own derived from
the server's secret, so a database dump does not reveal them; opened to sign each attempt."""

from __future__ import annotations

from ..core.config import ServerConfig
from ..providers.sealing import KeySealer, SealError, server_secret

__all__ = ["SealError", "WebhookSecrets"]


class WebhookSecrets(KeySealer):
    """Seals and opens webhook signing secrets."""

    def __init__(self, config: ServerConfig) -> None:
        super().__init__(server_secret(config), purpose=b"agentkit webhook secrets")

    def __repr__(self) -> str:
        return "WebhookSecrets(<secret>)"
