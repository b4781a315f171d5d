"""client.uploads against the reference server: signed upload URLs, member-only single-use
downloads, and no API key on the signed URLs."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

import agentkit
from agentkit.testing import ReferenceServer
from tests.integration.messaging import register

DATA = b"%PDF-1.4 not really a pdf\n" + bytes(range(256)) * 8


class _Recorder:
    """ASGI middleware that notes the Authorization header of every request to a blob URL."""

    def __init__(self, app: Any) -> None:
        self.app = app
        self.seen: list[tuple[str, bytes | None]] = []

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        if scope["type"] == "http" and scope["path"].startswith("/v1/blobs/"):
            headers = dict(scope["headers"])
            self.seen.append((scope["path"], headers.get(b"authorization")))
        await self.app(scope, receive, send)


recorders: list[_Recorder] = []


def _wrap(app: Any) -> Any:
    recorder = _Recorder(app)
    recorders.append(recorder)
    return recorder


@pytest.fixture(scope="module")
def server() -> Iterator[ReferenceServer]:
    with ReferenceServer(wrap_app=_wrap) as running:
        yield running


class TestUploadAndDownload:
    def test_a_member_downloads_what_was_sent(
        self, make_client: Any, server: ReferenceServer, tmp_path: Path
    ) -> None:
        """Upload, send, and the recipient gets the same bytes, as bytes or as a file."""
        alice, bob = register(make_client, server), register(make_client, server)
        attachment = alice.client.uploads.upload(
            DATA, filename="doc.pdf", content_type="application/pdf"
        )
        assert (attachment.status, attachment.size) == ("uploaded", len(DATA))
        assert attachment.sha256 == hashlib.sha256(DATA).hexdigest()
        sent = alice.client.messages.send({"attachment_id": attachment.id}, to=bob.handle)
        assert sent.type_ == "file"
        assert bob.client.uploads.download(attachment.id) == DATA
        target = bob.client.uploads.download(attachment.id, tmp_path / "doc.pdf")
        assert Path(target).read_bytes() == DATA
        assert alice.client.uploads.download(attachment.id) == DATA

    def test_signed_urls_never_carry_the_key(
        self, make_client: Any, server: ReferenceServer
    ) -> None:
        """The PUT and the downloads reach the server without an Authorization header."""
        alice = register(make_client, server)
        attachment = alice.client.uploads.upload(DATA, filename="a.bin")
        alice.client.uploads.download(attachment.id)
        seen = [
            entry for recorder in recorders for entry in recorder.seen if attachment.id in entry[0]
        ]
        assert len(seen) == 2
        assert all(authorization is None for _, authorization in seen)

    def test_a_download_url_works_once(self, make_client: Any, server: ReferenceServer) -> None:
        """The second fetch of a download URL is refused with the envelope's 404."""
        alice = register(make_client, server)
        attachment = alice.client.uploads.upload(DATA, filename="a.bin")
        link = alice.client.uploads.download_url(attachment.id)
        assert link.attachment.id == attachment.id
        url = server.base_url + link.url
        first, second = httpx.get(url), httpx.get(url)
        assert first.content == DATA
        assert first.headers["content-type"] == "application/octet-stream"
        assert first.headers["content-disposition"].startswith("attachment")
        assert second.status_code == 404
        assert second.json()["error"]["code"] == "ATTACHMENT_NOT_FOUND"

    def test_strangers_and_organizations_get_404(
        self, make_client: Any, server: ReferenceServer
    ) -> None:
        """Neither another identity nor an organization's key can download; nothing changes."""
        alice, bob = register(make_client, server), register(make_client, server)
        attachment = alice.client.uploads.upload(DATA, filename="a.bin")
        alice.client.messages.send({"attachment_id": attachment.id}, to=bob.handle)
        eve = register(make_client, server)
        for intruder in (eve.client, make_client()):
            with pytest.raises(agentkit.AttachmentNotFoundError):
                intruder.uploads.download_url(attachment.id)
            with pytest.raises(agentkit.AttachmentNotFoundError):
                intruder.uploads.download(attachment.id)
        with pytest.raises(agentkit.ValidationError) as caught:
            eve.client.messages.send({"attachment_id": attachment.id}, to=alice.handle)
        assert caught.value.details["field"] == "content.attachment_id"
        assert bob.client.uploads.download(attachment.id) == DATA


class TestUploadChecks:
    def test_bytes_must_match_the_slot(self, make_client: Any, server: ReferenceServer) -> None:
        """Another size or another hash is UPLOAD_MISMATCH; the attachment stays unsendable."""
        alice, bob = register(make_client, server), register(make_client, server)
        digest = hashlib.sha256(DATA).hexdigest()
        slot = alice.client.uploads.create(
            filename="a.bin", content_type="application/octet-stream", size=len(DATA), sha256=digest
        )
        url = server.base_url + slot.upload_url
        short = httpx.put(url, content=DATA[:-1])
        assert (short.status_code, short.json()["error"]["code"]) == (400, "UPLOAD_MISMATCH")
        other = httpx.put(url, content=DATA[:-1] + b"!")
        assert (other.status_code, other.json()["error"]["code"]) == (400, "UPLOAD_MISMATCH")
        with pytest.raises(agentkit.ValidationError):
            alice.client.messages.send({"attachment_id": slot.attachment_id}, to=bob.handle)
        assert httpx.put(url, content=DATA).json()["status"] == "uploaded"
        assert httpx.put(url, content=DATA).status_code == 200
        alice.client.messages.send({"attachment_id": slot.attachment_id}, to=bob.handle)

    def test_a_forged_or_expired_signature_is_404(
        self, make_client: Any, server: ReferenceServer
    ) -> None:
        """Changing the URL's expiry or signature makes it a URL for nothing."""
        alice = register(make_client, server)
        slot = alice.client.uploads.create(
            filename="a.bin",
            content_type="x/y",
            size=len(DATA),
            sha256=hashlib.sha256(DATA).hexdigest(),
        )
        path, _, query = slot.upload_url.partition("?")
        params = dict(part.split("=") for part in query.split("&"))
        forged = {**params, "expires": str(int(params["expires"]) + 3600)}
        expired = {**params, "expires": "1"}
        for bad in (forged, expired, {**params, "signature": "0" * 64}):
            answer = httpx.put(server.base_url + path, params=bad, content=DATA)
            assert answer.status_code == 404

    def test_too_large_is_refused_up_front(self, make_client: Any, server: ReferenceServer) -> None:
        """A slot past the server's body limit is a 400 naming the size."""
        alice = register(make_client, server)
        with pytest.raises(agentkit.ValidationError) as caught:
            alice.client.uploads.create(
                filename="big", content_type="x/y", size=10 << 20, sha256="0" * 64
            )
        assert caught.value.details["field"] == "size"
