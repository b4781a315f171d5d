"""Knowledge indexes in SQLite: indexes, documents, chunks, and their FTS5 (bm25) search."""

from __future__ import annotations

import json
from typing import Any

from ._sqlite_base import SQLiteBase
from .base import Page, Row

__all__ = ["INDEX_SCHEMA", "IndexTables"]

INDEX_SCHEMA = """
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

_COUNTS = (
    "(SELECT COUNT(*) FROM documents d WHERE d.org_id = i.org_id AND d.index_id = i.id),"
    " (SELECT COUNT(*) FROM chunks c WHERE c.org_id = i.org_id AND c.index_id = i.id)"
)


def _with_counts(data: str, documents: int, chunks: int) -> Row:
    index: Row = json.loads(data)
    index["document_count"] = int(documents)
    index["chunk_count"] = int(chunks)
    return index


class IndexTables(SQLiteBase):
    """The index half of ``SQLiteStore``."""

    def insert_index(self, org_id: str, index: Row) -> None:
        self._run(
            "INSERT INTO knowledge_indexes (org_id, id, data) VALUES (?, ?, ?)",
            org_id,
            index["id"],
            json.dumps(index),
        )

    def get_index(self, org_id: str, index_id: str) -> Row | None:
        row = self._one(
            f"SELECT data, {_COUNTS} FROM knowledge_indexes i WHERE org_id = ? AND id = ?",
            org_id,
            index_id,
        )
        return _with_counts(*row) if row else None

    def update_index(self, org_id: str, index: Row) -> None:
        stored = {k: v for k, v in index.items() if k not in ("document_count", "chunk_count")}
        self._run(
            "UPDATE knowledge_indexes SET data = ? WHERE org_id = ? AND id = ?",
            json.dumps(stored),
            org_id,
            index["id"],
        )

    def list_indexes(self, org_id: str, after: int, limit: int) -> Page:
        rows = self._all(
            f"SELECT pk, data, {_COUNTS} FROM knowledge_indexes i WHERE org_id = ? AND pk > ?"
            " ORDER BY pk LIMIT ?",
            org_id,
            after,
            limit + 1,
        )
        more = len(rows) > limit
        rows = rows[:limit]
        found = [_with_counts(data, docs, chunks) for _, data, docs, chunks in rows]
        return Page(found, int(rows[-1][0]) if more else None)

    def delete_index(self, org_id: str, index_id: str) -> bool:
        with self._transaction() as db:
            db.execute(
                "DELETE FROM chunk_search WHERE rowid IN"
                " (SELECT pk FROM chunks WHERE org_id = ? AND index_id = ?)",
                (org_id, index_id),
            )
            db.execute("DELETE FROM chunks WHERE org_id = ? AND index_id = ?", (org_id, index_id))
            db.execute(
                "DELETE FROM documents WHERE org_id = ? AND index_id = ?", (org_id, index_id)
            )
            deleted = db.execute(
                "DELETE FROM knowledge_indexes WHERE org_id = ? AND id = ?", (org_id, index_id)
            ).rowcount
        return deleted > 0

    def insert_document(self, org_id: str, document: Row, chunks: list[Row]) -> None:
        listed = {k: v for k, v in document.items() if k != "content"}
        index_id, document_id = document["index_id"], document["id"]
        with self._transaction() as db:
            db.execute(
                "INSERT INTO documents (org_id, index_id, id, data, content) VALUES (?, ?, ?, ?, ?)",
                (org_id, index_id, document_id, json.dumps(listed), document["content"]),
            )
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
                db.execute(
                    "INSERT INTO chunk_search (rowid, title, text) VALUES (?, ?, ?)",
                    (pk, chunk["title"] or "", chunk["text"]),
                )

    def get_document(self, org_id: str, index_id: str, document_id: str) -> Row | None:
        row = self._one(
            "SELECT data, content FROM documents WHERE org_id = ? AND index_id = ? AND id = ?",
            org_id,
            index_id,
            document_id,
        )
        if row is None:
            return None
        document: Row = json.loads(row[0])
        document["content"] = row[1]
        return document

    def list_documents(self, org_id: str, index_id: str, after: int, limit: int) -> Page:
        rows = self._all(
            "SELECT pk, data FROM documents WHERE org_id = ? AND index_id = ? AND pk > ?"
            " ORDER BY pk LIMIT ?",
            org_id,
            index_id,
            after,
            limit + 1,
        )
        return self._page(rows, limit)

    def delete_document(self, org_id: str, index_id: str, document_id: str) -> bool:
        scope = (org_id, index_id, document_id)
        with self._transaction() as db:
            db.execute(
                "DELETE FROM chunk_search WHERE rowid IN (SELECT pk FROM chunks"
                " WHERE org_id = ? AND index_id = ? AND document_id = ?)",
                scope,
            )
            db.execute(
                "DELETE FROM chunks WHERE org_id = ? AND index_id = ? AND document_id = ?", scope
            )
            deleted = db.execute(
                "DELETE FROM documents WHERE org_id = ? AND index_id = ? AND id = ?", scope
            ).rowcount
        return deleted > 0

    def search_chunks(self, org_id: str, index_ids: list[str], match: str, limit: int) -> list[Row]:
        if not index_ids:
            return []
        marks = ", ".join("?" for _ in index_ids)
        rows: list[tuple[Any, ...]] = self._all(
            "SELECT c.id, c.document_id, c.index_id, c.title, c.text, c.position,"
            " bm25(chunk_search) AS rank FROM chunk_search JOIN chunks c"
            " ON c.pk = chunk_search.rowid WHERE chunk_search MATCH ? AND c.org_id = ?"
            f" AND c.index_id IN ({marks}) ORDER BY rank, c.pk LIMIT ?",
            match,
            org_id,
            *index_ids,
            limit,
        )
        return [
            {
                "chunk_id": chunk_id,
                "document_id": document_id,
                "index_id": index_id,
                "title": title,
                "text": text,
                "position": int(position),
                "score": -float(rank),
            }
            for chunk_id, document_id, index_id, title, text, position, rank in rows
        ]
