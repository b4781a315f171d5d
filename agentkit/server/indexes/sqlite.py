"""Knowledge indexes: indexes, documents, chunks, and their full-text search (FTS5 and bm25 on
SQLite; a ``tsvector`` column and ``ts_rank`` on PostgreSQL)."""

from __future__ import annotations

from typing import Any

from ..core.sqlite import DocumentTable, SQLiteTables
from ..core.store import Page, Row

__all__ = ["IndexTables"]

_INDEXES = DocumentTable(
    "knowledge_indexes",
    derived={
        "document_count": "(SELECT COUNT(*) FROM documents d"
        " WHERE d.org_id = t.org_id AND d.index_id = t.id)",
        "chunk_count": "(SELECT COUNT(*) FROM chunks c"
        " WHERE c.org_id = t.org_id AND c.index_id = t.id)",
    },
)
# A document's text is kept beside its JSON, so that lists of documents leave it out.
_DOCUMENTS = DocumentTable("documents", scope=("index_id",), detached=("content",))


class IndexTables(SQLiteTables):
    """The ``IndexStore`` part of the SQLite store."""

    SCHEMA = """
CREATE TABLE IF NOT EXISTS knowledge_indexes (
    pk INTEGER PRIMARY KEY AUTOINCREMENT, org_id TEXT NOT NULL, id TEXT NOT NULL,
    data TEXT NOT NULL, UNIQUE (org_id, id));
CREATE TABLE IF NOT EXISTS documents (
    pk INTEGER PRIMARY KEY AUTOINCREMENT, org_id TEXT NOT NULL, index_id TEXT NOT NULL,
    id TEXT NOT NULL, data TEXT NOT NULL, content TEXT NOT NULL, UNIQUE (org_id, index_id, id));
CREATE TABLE IF NOT EXISTS chunks (
    pk INTEGER PRIMARY KEY, org_id TEXT NOT NULL, index_id TEXT NOT NULL,
    document_id TEXT NOT NULL, id TEXT NOT NULL, position INTEGER NOT NULL, title TEXT,
    text TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS chunks_by_document ON chunks (org_id, index_id, document_id);
CREATE VIRTUAL TABLE IF NOT EXISTS chunk_search USING fts5(
    title, text, tokenize = 'porter unicode61');
"""
    # PostgreSQL searches a vector of each chunk kept in the row itself: its stemmed words, and
    # its words as they are (so that common words, which stemming drops, are found as on SQLite).
    POSTGRES_SCHEMA = SCHEMA.replace(
        SCHEMA[SCHEMA.index("CREATE VIRTUAL TABLE") :],
        """ALTER TABLE chunks ADD COLUMN IF NOT EXISTS search tsvector GENERATED ALWAYS AS
    (to_tsvector('english', coalesce(title, '') || ' ' || text)
     || to_tsvector('simple', coalesce(title, '') || ' ' || text)) STORED;
CREATE INDEX IF NOT EXISTS chunks_search ON chunks USING GIN (search);
""",
    )

    def insert_index(self, org_id: str, index: Row) -> None:
        """Store a new index."""
        _INDEXES.insert(self._database, org_id, index)

    def get_index(self, org_id: str, index_id: str) -> Row | None:
        """The index with its live ``document_count`` and ``chunk_count``."""
        return _INDEXES.get(self._database, org_id, index_id)

    def update_index(self, org_id: str, index: Row) -> None:
        """Replace the stored index (its counts are not stored)."""
        _INDEXES.update(self._database, org_id, index)

    def list_indexes(self, org_id: str, after: int, limit: int) -> Page:
        """Indexes after the position ``after``, oldest first, with their counts."""
        return _INDEXES.page(self._database, org_id, after, limit)

    def delete_index(self, org_id: str, index_id: str) -> bool:
        """Delete the index with its documents and chunks; whether there was one."""
        with self._database.transaction() as db:
            if self._fts5:
                db.execute(
                    "DELETE FROM chunk_search WHERE rowid IN"
                    " (SELECT pk FROM chunks WHERE org_id = ? AND index_id = ?)",
                    (org_id, index_id),
                )
            db.execute("DELETE FROM chunks WHERE org_id = ? AND index_id = ?", (org_id, index_id))
            db.execute(
                "DELETE FROM documents WHERE org_id = ? AND index_id = ?", (org_id, index_id)
            )
            return _INDEXES.delete(self._database, org_id, index_id)

    def insert_document(self, org_id: str, document: Row, chunks: list[Row]) -> None:
        """Store a document (with its ``content``) and its chunks, searchable, in one go."""
        index_id, document_id = document["index_id"], document["id"]
        with self._database.transaction() as db:
            _DOCUMENTS.insert(self._database, org_id, document, index_id)
            for chunk in chunks:
                pk = db.execute(
                    "INSERT INTO chunks (org_id, index_id, document_id, id, position, title, text)"
                    " VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING pk",
                    (
                        org_id,
                        index_id,
                        document_id,
                        chunk["id"],
                        chunk["position"],
                        chunk["title"],
                        chunk["text"],
                    ),
                ).fetchone()[0]
                if self._fts5:
                    db.execute(
                        "INSERT INTO chunk_search (rowid, title, text) VALUES (?, ?, ?)",
                        (pk, chunk["title"] or "", chunk["text"]),
                    )

    def get_document(self, org_id: str, index_id: str, document_id: str) -> Row | None:
        """The document with its ``content``."""
        return _DOCUMENTS.get(self._database, org_id, index_id, document_id)

    def list_documents(self, org_id: str, index_id: str, after: int, limit: int) -> Page:
        """The index's documents after the position ``after``, without their ``content``."""
        return _DOCUMENTS.page(self._database, org_id, after, limit, index_id)

    def delete_document(self, org_id: str, index_id: str, document_id: str) -> bool:
        """Delete a document with its chunks; whether there was one."""
        scope = (org_id, index_id, document_id)
        with self._database.transaction() as db:
            if self._fts5:
                db.execute(
                    "DELETE FROM chunk_search WHERE rowid IN (SELECT pk FROM chunks"
                    " WHERE org_id = ? AND index_id = ? AND document_id = ?)",
                    scope,
                )
            db.execute(
                "DELETE FROM chunks WHERE org_id = ? AND index_id = ? AND document_id = ?", scope
            )
            return _DOCUMENTS.delete(self._database, *scope)

    @property
    def _fts5(self) -> bool:
        return self._database.dialect == "sqlite"

    def search_chunks(
        self, org_id: str, index_ids: list[str], words: list[str], limit: int
    ) -> list[Row]:
        """The chunks of those indexes that best match any of the words, best first."""
        if not index_ids or not words:
            return []
        marks = ", ".join("?" for _ in index_ids)
        if self._fts5:
            # Each word quoted: only letters and digits reach here, so none is FTS syntax.
            match = " OR ".join(f'"{word}"' for word in words)
            sql = (
                "SELECT c.id, c.document_id, c.index_id, c.title, c.text, c.position,"
                " -bm25(chunk_search) AS score FROM chunk_search JOIN chunks c"
                " ON c.pk = chunk_search.rowid WHERE chunk_search MATCH ? AND c.org_id = ?"
                f" AND c.index_id IN ({marks}) ORDER BY score DESC, c.pk LIMIT ?"
            )
        else:
            match = " | ".join(words)
            sql = (
                "SELECT c.id, c.document_id, c.index_id, c.title, c.text, c.position,"
                " ts_rank(c.search, q) AS score FROM chunks c,"
                " (SELECT to_tsquery('english', ?) || to_tsquery('simple', ?) AS q) words"
                " WHERE c.search @@ q AND c.org_id = ?"
                f" AND c.index_id IN ({marks}) ORDER BY score DESC, c.pk LIMIT ?"
            )
        terms = (match,) if self._fts5 else (match, match)
        rows: list[tuple[Any, ...]] = self._database.all(sql, *terms, org_id, *index_ids, limit)
        return [
            {
                "chunk_id": chunk_id,
                "document_id": document_id,
                "index_id": index_id,
                "title": title,
                "text": text,
                "position": int(position),
                "score": float(score),
            }
            for chunk_id, document_id, index_id, title, text, position, score in rows
        ]
