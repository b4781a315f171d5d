# Generated from agentkit/_async by scripts/unasync.py: edit the async source, not this file.
"""``client.indexes``: knowledge indexes, their documents, and retrieval."""

from __future__ import annotations

import json
from collections.abc import Mapping

from agentkit_api.models import (
    Deleted,
    Document,
    DocumentContentType,
    DocumentCreate,
    Index,
    IndexCreate,
    IndexQuery,
    IndexQueryResult,
    Metadata,
)
from agentkit_api.types import UNSET

from ..._compat import enum_member
from ..._errors import ValidationError
from ..._ids import IdInput
from ..._inputs import UploadInput, given, read_upload, to_metadata
from ..._response import APIResponse
from ..endpoint import endpoint
from ..pagination import Pager
from ._base import SyncResource

__all__ = ["Indexes"]


class Indexes(SyncResource):
    """Knowledge indexes: add text and markdown documents, then retrieve their best chunks.

    A session bound to indexes (or a message naming them) retrieves from them with full-text
    search (bm25) before the agent answers, and cites what it found.
    """

    @endpoint
    def create(
        self,
        name: str,
        *,
        description: str | None = None,
        metadata: Mapping[str, object] | Metadata | None = None,
        idempotency_key: str | None = None,
    ) -> APIResponse[Index]:
        """Create an empty index.

        Args:
            name: A name for the index (1 to 100 characters).
            description: What the index holds.
            metadata: Free-form JSON kept with the index.
            idempotency_key: Makes retries of this call safe across processes.

        Raises:
            ValidationError: A field is not valid.
        """
        body = IndexCreate(
            name=name,
            description=given(description),
            metadata=to_metadata(metadata),
        )
        return self._client._call("indexes_create", body=body, idempotency_key=idempotency_key)

    @endpoint
    def get(self, index_id: IdInput) -> APIResponse[Index]:
        """Get an index, with its live document and chunk counts.

        Raises:
            IndexNotFoundError: No such index among yours.
        """
        return self._client._call("indexes_get", index_id=index_id)

    def list(self, *, page_size: int = 20) -> Pager[Index]:
        """Your indexes, oldest first, fetched page by page as you iterate."""

        return self._cursor_pager("indexes_list", page_size=page_size)

    @endpoint
    def delete(self, index_id: IdInput) -> APIResponse[Deleted]:
        """Delete an index with its documents. Sessions bound to it skip it from then on.

        Raises:
            IndexNotFoundError: No such index among yours.
        """
        return self._client._call("indexes_delete", index_id=index_id)

    @endpoint
    def add_document(
        self,
        index_id: IdInput,
        content: str,
        *,
        content_type: DocumentContentType | str | None = None,
        title: str | None = None,
        metadata: Mapping[str, object] | Metadata | None = None,
        idempotency_key: str | None = None,
    ) -> APIResponse[Document]:
        """Add a document from text; the server splits it into chunks and indexes them.

        Args:
            index_id: The index.
            content: The document's text.
            content_type: ``"text/plain"`` (the default) or ``"text/markdown"`` (headings then
                start new chunks).
            title: The title that citations of the document show.
            metadata: Free-form JSON kept with the document.
            idempotency_key: Makes retries of this call safe across processes.

        Raises:
            ValidationError: ``content`` is empty (caught before sending) or too long.
            IndexNotFoundError: No such index among yours.
        """
        if not content:
            raise ValidationError.client_side("content", "a document needs some text")
        body = DocumentCreate(
            content=content,
            content_type=UNSET
            if content_type is None
            else enum_member(DocumentContentType, content_type),
            title=given(title),
            metadata=to_metadata(metadata),
        )
        return self._client._call(
            "indexes_add_document", index_id=index_id, body=body, idempotency_key=idempotency_key
        )

    @endpoint
    def upload_document(
        self,
        index_id: IdInput,
        file: UploadInput,
        *,
        filename: str | None = None,
        content_type: str | None = None,
        title: str | None = None,
        metadata: Mapping[str, object] | None = None,
        idempotency_key: str | None = None,
    ) -> APIResponse[Document]:
        """Upload a UTF-8 text or markdown file as a document (a multipart/form-data request).

        Args:
            index_id: The index.
            file: A path, the file's bytes, or a file object opened in binary mode (read from
                where it stands, before the request is sent).
            filename: The name to store; defaults to the path's or file's name (``"upload"`` for
                bytes).
            content_type: The file's kind; defaults to what the name suggests (``text/plain``
                for a name without extension). The server takes ``text/plain`` and
                ``text/markdown``, and judges a generic type by the name (``.txt``, ``.md``).
            title: The title that citations of the document show.
            metadata: Free-form JSON kept with the document.
            idempotency_key: Makes retries of this call safe across processes.

        Raises:
            UnsupportedMediaTypeError: The file is neither text nor markdown.
            ValidationError: The file is not UTF-8 (``field == "file"``), or ``file`` is not a
                path, bytes or binary file (caught before sending).
            IndexNotFoundError: No such index among yours.
            OSError: The path cannot be read.
        """
        name, content, kind = read_upload(file, filename, content_type)
        fields: dict[str, str] = {}
        if title is not None:
            fields["title"] = title
        if metadata is not None:
            fields["metadata"] = json.dumps(dict(metadata))
        return self._client._upload(
            "indexes_upload_document",
            {"file": (name, content, kind)},
            fields,
            index_id=index_id,
            idempotency_key=idempotency_key,
        )

    @endpoint
    def get_document(self, index_id: IdInput, document_id: IdInput) -> APIResponse[Document]:
        """Get a document with its text (``content``).

        Raises:
            IndexNotFoundError: No such index among yours.
            DocumentNotFoundError: No such document in the index.
        """
        return self._client._call(
            "indexes_get_document", index_id=index_id, document_id=document_id
        )

    def list_documents(self, index_id: IdInput, *, page_size: int = 20) -> Pager[Document]:
        """The index's documents (without their text), oldest first, page by page."""

        return self._cursor_pager("indexes_list_documents", index_id=index_id, page_size=page_size)

    @endpoint
    def delete_document(self, index_id: IdInput, document_id: IdInput) -> APIResponse[Deleted]:
        """Delete a document and its chunks.

        Raises:
            IndexNotFoundError: No such index among yours.
            DocumentNotFoundError: No such document in the index.
        """
        return self._client._call(
            "indexes_delete_document", index_id=index_id, document_id=document_id
        )

    @endpoint
    def query(
        self, index_id: IdInput, query: str, *, top_k: int = 5
    ) -> APIResponse[IndexQueryResult]:
        """The chunks that best match ``query``, best first (``score`` = -bm25).

        The query's words are matched, not parsed as search syntax; a query with no word
        matches nothing.

        Args:
            index_id: The index.
            query: What to look for.
            top_k: How many chunks at most (1 to 50).

        Raises:
            ValidationError: ``query`` is empty (caught before sending), or ``top_k`` is out of
                range.
            IndexNotFoundError: No such index among yours.
        """
        if not query:
            raise ValidationError.client_side("query", "a query needs some text")
        body = IndexQuery(query=query, top_k=top_k)
        return self._client._call("indexes_query", index_id=index_id, body=body)
