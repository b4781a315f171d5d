"""The upload operations: a slot with a signed URL, the bytes PUT to it, and single-use
download URLs for the uploader and the members of conversations the attachment was sent in."""

from __future__ import annotations

import hashlib
import secrets
import time
from datetime import UTC, datetime
from urllib.parse import urlencode

from ..._contract import contract
from ..core.auth import hash_key
from ..core.call import Call, Handler
from ..core.errors import ApiError, invalid
from ..core.ids import new_id, now
from ..core.replies import Bytes, Reply
from ..core.store import Row
from .blobs import BlobStore
from .caller import caller

__all__ = ["ATTACHMENT_HANDLERS", "UPLOAD_TTL"]

UPLOAD_TTL = 15 * 60
DOWNLOAD_TTL = 60


def _stamp(moment: float) -> str:
    return datetime.fromtimestamp(moment, UTC).isoformat(timespec="seconds").replace("+00:00", "Z")


def _not_found(attachment_id: str) -> ApiError:
    return ApiError("ATTACHMENT_NOT_FOUND", f"no attachment {attachment_id!r}")


def _public(attachment: Row) -> Row:
    return {key: value for key, value in attachment.items() if key != "owner_id"}


async def create(call: Call) -> Reply:
    """Reserve an attachment and sign a URL to upload its bytes to."""
    me = caller(call)
    body = call.body
    limit = call.state.config.max_body_bytes
    if body["size"] > limit:
        raise invalid("size", f"an attachment may be at most {limit} bytes")
    attachment = {
        "id": new_id("att"),
        "owner_id": me["id"],
        "filename": body["filename"],
        "content_type": body["content_type"],
        "size": body["size"],
        "sha256": body["sha256"].lower(),
        "status": "pending",
        "created_at": now(),
    }
    call.state.store.insert_attachment(attachment)
    expires = int(time.time()) + UPLOAD_TTL
    blobs = call.state.service(BlobStore)
    query = urlencode({"expires": expires, "signature": blobs.sign(attachment["id"], expires)})
    path = contract().operation("uploads_put").url(attachment_id=attachment["id"])
    return Reply(
        {
            "attachment_id": attachment["id"],
            "upload_url": f"{path}?{query}",
            "expires_at": _stamp(expires),
        }
    )


async def put(call: Call) -> Reply:
    """Take an attachment's bytes, if they are what its slot promised."""
    attachment_id = call.params["attachment_id"]
    blobs = call.state.service(BlobStore)
    expires = call.params["expires"]
    store = call.state.store
    attachment = store.attachment(attachment_id)
    if (
        attachment is None
        or expires < time.time()
        or not blobs.signed(attachment_id, expires, call.params["signature"])
    ):
        raise _not_found(attachment_id)
    data = call.raw
    if len(data) != attachment["size"]:
        raise ApiError(
            "UPLOAD_MISMATCH",
            f"the slot is for {attachment['size']} bytes; these are {len(data)}",
            {"field": "body", "location": "body"},
        )
    if hashlib.sha256(data).hexdigest() != attachment["sha256"]:
        raise ApiError(
            "UPLOAD_MISMATCH",
            "the bytes do not have the SHA-256 the slot was made with",
            {"field": "body", "location": "body"},
        )
    if attachment["status"] != "uploaded":
        blobs.write(attachment_id, data)
        attachment["status"] = "uploaded"
        store.update_attachment(attachment)
    return Reply(_public(attachment))


async def download_url(call: Call) -> Reply:
    """A single-use URL to download an attachment the caller may see."""
    attachment_id = call.params["attachment_id"]
    me = caller(call, lambda: _not_found(attachment_id))
    store = call.state.store
    attachment = store.attachment(attachment_id)
    if (
        attachment is None
        or attachment["status"] != "uploaded"
        or not store.may_see_attachment(attachment_id, me["id"])
    ):
        raise _not_found(attachment_id)
    token = secrets.token_urlsafe(32)
    expires = time.time() + DOWNLOAD_TTL
    store.add_download_token(hash_key(token), attachment_id, expires)
    path = contract().operation("uploads_download").url(attachment_id=attachment_id)
    return Reply(
        {
            "attachment": _public(attachment),
            "url": f"{path}?{urlencode({'token': token})}",
            "expires_at": _stamp(expires),
        }
    )


async def download(call: Call) -> Bytes:
    """The bytes, once per token."""
    attachment_id = call.params["attachment_id"]
    store = call.state.store
    if not store.use_download_token(hash_key(call.params["token"]), attachment_id, time.time()):
        raise _not_found(attachment_id)
    attachment = store.attachment(attachment_id)
    if attachment is None:
        raise _not_found(attachment_id)
    name = "".join(c for c in attachment["filename"] if c.isalnum() or c in "._- ") or "file"
    headers = {
        "Content-Disposition": f'attachment; filename="{name}"',
        "X-Content-Type-Options": "nosniff",
        "Cache-Control": "no-store",
    }
    return Bytes(call.state.service(BlobStore).read(attachment_id), headers=headers)


def sendable(call: Call, sender_id: str, attachment_id: str) -> bool:
    """Whether the sender may send this attachment: it uploaded it, and the bytes are in."""
    attachment = call.state.store.attachment(attachment_id)
    return bool(
        attachment and attachment["owner_id"] == sender_id and attachment["status"] == "uploaded"
    )


ATTACHMENT_HANDLERS: dict[str, Handler] = {
    "uploads_create": create,
    "uploads_put": put,
    "uploads_get_download_url": download_url,
    "uploads_download": download,
}
