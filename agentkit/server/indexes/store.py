"""The storage the indexes family needs."""

from __future__ import annotations

from typing import Protocol

from ..core.store import Page, Row

__all__ = ["IndexStore"]


class IndexStore(Protocol):
    """Knowledge indexes, their documents, and full-text search over the documents' chunks."""

    def insert_index(self, org_id: str, index: Row) -> None: ...
    def get_index(self, org_id: str, index_id: str) -> Row | None:
        """The index with its live ``document_count`` and ``chunk_count``."""

    def update_index(self, org_id: str, index: Row) -> None: ...
    def list_indexes(self, org_id: str, after: int, limit: int) -> Page: ...
    def delete_index(self, org_id: str, index_id: str) -> bool:
        """Delete the index with its documents and chunks."""

    def insert_document(self, org_id: str, document: Row, chunks: list[Row]) -> None:
        """Store a document (with its ``content``) and its chunks, searchable, in one go."""

    def get_document(self, org_id: str, index_id: str, document_id: str) -> Row | None:
        """The document with its ``content``."""

    def list_documents(self, org_id: str, index_id: str, after: int, limit: int) -> Page:
        """Documents without their ``content``."""

    def delete_document(self, org_id: str, index_id: str, document_id: str) -> bool: ...
    def search_chunks(
        self, org_id: str, index_ids: list[str], words: list[str], limit: int
    ) -> list[Row]:
        """The chunks of those indexes that best match any of the words, best first.

        Each row is a ``RetrievedChunk`` (``score``: higher is better; bm25 on SQLite).
        """
