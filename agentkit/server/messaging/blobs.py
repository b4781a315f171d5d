"""The server's own blob store: attachment bytes as files under the data directory, and the
signatures of the URLs that upload them."""

from __future__ import annotations

import hashlib
import hmac
import os
import tempfile
from pathlib import Path

__all__ = ["BlobStore"]


class BlobStore:
    """Files named by attachment id under ``root``, and an HMAC key to sign upload URLs with.

    Args:
        root: The directory (made when missing).
        secret: The signing key; it lives in the database, so URLs outlive a restart.
    """

    def __init__(self, root: Path, secret: bytes) -> None:
        self.root = root
        self._secret = secret
        root.mkdir(parents=True, exist_ok=True)

    @classmethod
    def configured(cls, blob_dir: str | None, db_path: str, secret: bytes) -> BlobStore:
        """The blob store in ``blob_dir``, else ``blobs/`` beside the database file (a temporary
        directory for an in-memory database)."""
        if blob_dir is not None:
            return cls(Path(blob_dir), secret)
        if db_path == ":memory:":
            return cls(Path(tempfile.mkdtemp(prefix="agentkit-blobs-")), secret)
        return cls(Path(db_path).resolve().parent / "blobs", secret)

    def _path(self, attachment_id: str) -> Path:
        # Ids are the server's own (att_ + hex); never a name from the client.
        if not attachment_id.replace("_", "").isalnum():
            raise ValueError(f"not an attachment id: {attachment_id!r}")
        return self.root / attachment_id

    def sign(self, attachment_id: str, expires: int) -> str:
        """The signature of an upload URL."""
        message = f"{attachment_id}:{expires}".encode()
        return hmac.new(self._secret, message, hashlib.sha256).hexdigest()

    def signed(self, attachment_id: str, expires: int, signature: str) -> bool:
        """Whether ``signature`` is this store's for the attachment and expiry."""
        given = signature.encode("utf-8", "replace")
        return hmac.compare_digest(self.sign(attachment_id, expires).encode(), given)

    def write(self, attachment_id: str, data: bytes) -> None:
        """Store the bytes whole or not at all (written aside, then renamed)."""
        target = self._path(attachment_id)
        handle, temporary = tempfile.mkstemp(dir=self.root, prefix=".upload-")
        try:
            with os.fdopen(handle, "wb") as file:
                file.write(data)
                file.flush()
                os.fsync(file.fileno())
            os.replace(temporary, target)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise

    def read(self, attachment_id: str) -> bytes:
        """The stored bytes."""
        return self._path(attachment_id).read_bytes()
