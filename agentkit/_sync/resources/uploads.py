# Generated from agentkit/_async by scripts/unasync.py: edit the async source, not this file.
"""``client.uploads``: attachments for messages, through the server's signed URLs."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

from agentkit_api.models import Attachment, AttachmentDownload, UploadCreate, UploadSlot

from ..._errors import APIConnectionError, APITimeoutError, make_status_error
from ..._http import httpx
from ..._response import APIResponse
from ..endpoint import endpoint
from ._base import SyncResource

__all__ = ["Uploads"]


class Uploads(SyncResource):
    """Upload attachments and download the ones you may see.

    The signed URLs the server hands out are fetched by a separate HTTP client that never
    carries your API key, wherever they point.
    """

    @endpoint
    def create(
        self, *, filename: str, content_type: str, size: int, sha256: str
    ) -> APIResponse[UploadSlot]:
        """Reserve an upload: an attachment id and a signed URL to PUT the bytes to.

        Raises:
            ValidationError: A field is not valid, or ``size`` is past the server's limit.
        """
        body = UploadCreate(filename=filename, content_type=content_type, size=size, sha256=sha256)
        return self._client._call("uploads_create", body=body)

    def upload(
        self, data: bytes, *, filename: str, content_type: str = "application/octet-stream"
    ) -> Attachment:
        """Upload ``data`` as an attachment (a slot, then the bytes to its signed URL); send it
        with ``messages.send({"attachment_id": attachment.id}, to=...)``.

        Raises:
            ValidationError: The file is larger than the server accepts.
            UploadMismatchError: The server received other bytes than were announced.
            APIConnectionError: The upload URL could not be reached.
        """
        slot = self.create(
            filename=filename,
            content_type=content_type,
            size=len(data),
            sha256=hashlib.sha256(data).hexdigest(),
        )
        response = self._bare("PUT", slot.upload_url, content=bytes(data))
        return Attachment.from_dict(response.json())

    @endpoint
    def download_url(self, attachment_id: str) -> APIResponse[AttachmentDownload]:
        """A single-use URL, valid for a minute, to download an attachment you may see (you
        uploaded it, or it was sent in one of your conversations). Fetch it without your key.

        Raises:
            AttachmentNotFoundError: No attachment you may see has this id.
        """
        return self._client._call("uploads_get_download_url", attachment_id=attachment_id)

    def download(
        self, attachment_id: str, to: str | os.PathLike[str] | None = None
    ) -> bytes | Path:
        """Download an attachment: its bytes, or, with ``to``, a file streamed to that path.

        The download URL is fetched without the API key.

        Raises:
            AttachmentNotFoundError: No attachment you may see has this id.
            APIConnectionError: The download URL could not be reached.
        """
        link = self.download_url(attachment_id)
        if to is None:
            return (self._bare("GET", link.url)).content
        target = Path(to)
        with self._http() as http:
            try:
                with http.stream("GET", self._absolute(link.url)) as response:
                    self._raise_for(response)
                    # One source for both clients: a local file written chunk by chunk.
                    with target.open("wb") as file:
                        for chunk in response.iter_bytes():
                            file.write(chunk)
            except httpx.TimeoutException as exc:
                raise APITimeoutError() from exc
            except httpx.TransportError as exc:
                raise APIConnectionError(f"Connection error: {exc!r}") from exc
        return target

    def _absolute(self, url: str) -> httpx.URL:
        return self._client._settings.base_url.join(url)

    def _http(self) -> httpx.Client:
        # No Authorization header and no default headers: nothing of the key leaves with it.
        return httpx.Client(timeout=self._client._settings.timeout, follow_redirects=False)

    def _raise_for(self, response: httpx.Response) -> None:
        if response.status_code >= 400:
            body = response.read()
            raise make_status_error(response.status_code, body, response.headers)

    def _bare(self, method: str, url: str, content: bytes | None = None) -> httpx.Response:
        with self._http() as http:
            try:
                response = http.request(method, self._absolute(url), content=content)
            except httpx.TimeoutException as exc:
                raise APITimeoutError() from exc
            except httpx.TransportError as exc:
                raise APIConnectionError(f"Connection error: {exc!r}") from exc
            self._raise_for(response)
            return response
