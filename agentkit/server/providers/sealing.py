"""Provider API keys at rest: sealed with a key derived from the server's secret.

A dump of the database shows only Fernet tokens (AES-128-CBC with an HMAC-SHA256 tag); without
the server's secret they reveal nothing and cannot be altered unnoticed.
"""

from __future__ import annotations

import base64
import os
import secrets
from pathlib import Path

from cryptography.fernet import Fernet, InvalidToken
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from ..core.config import ServerConfig

__all__ = ["KeySealer", "SealError", "server_secret"]

_SECRET_FILE = "agentkit.secret"
_MIN_SECRET = 32


class SealError(ValueError):
    """A sealed key could not be opened: it was written under another secret, or altered."""


class KeySealer:
    """Seals and opens provider API keys (or other secrets, by ``purpose``) with the server's
    secret; each purpose has a key of its own, derived from the server's secret."""

    def __init__(self, secret: str, purpose: bytes = b"agentkit provider keys") -> None:
        if len(secret) < _MIN_SECRET:
            raise ValueError(f"the server secret must have at least {_MIN_SECRET} characters")
        derived = HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=purpose).derive(
            secret.encode()
        )
        self._fernet = Fernet(base64.urlsafe_b64encode(derived))

    def __repr__(self) -> str:
        return "KeySealer(<secret>)"

    def seal(self, api_key: str) -> str:
        """The key as a token safe to store."""
        return self._fernet.encrypt(api_key.encode()).decode("ascii")

    def open(self, token: str) -> str:
        """The key a token holds.

        Raises:
            SealError: The token was sealed under another secret, or altered.
        """
        try:
            return self._fernet.decrypt(token.encode("ascii")).decode()
        except (InvalidToken, UnicodeError) as exc:
            raise SealError("the stored key cannot be opened with this server's secret") from exc


def server_secret(config: ServerConfig) -> str:
    """The configured secret, else the one kept beside the database (made on first use)."""
    if config.secret_key is not None:
        return config.secret_key
    if config.database_url is not None:
        # Instances sharing a database must share the secret, and a file beside no database
        # file would be a different one on each machine.
        raise ValueError("a server on PostgreSQL needs a secret_key, the same for every instance")
    if config.db_path == ":memory:":
        return secrets.token_urlsafe(48)
    path = Path(config.db_path).resolve().parent / _SECRET_FILE
    try:
        return path.read_text(encoding="ascii").strip()
    except FileNotFoundError:
        pass
    secret = secrets.token_urlsafe(48)
    # Created readable by the owner only; O_EXCL so two servers starting at once agree.
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        return path.read_text(encoding="ascii").strip()
    with os.fdopen(fd, "w", encoding="ascii") as out:
        out.write(secret + "\n")
    return secret
