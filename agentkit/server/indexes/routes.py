"""The indexes family's operations: create, read, list and delete knowledge indexes; add
documents (as JSON or uploaded files), read, list and delete them; query an index."""

from __future__ import annotations

from collections.abc import AsyncGenerator
from typing import Any

from starlette.datastructures import Headers, UploadFile
from starlette.formparsers import MultiPartException, MultiPartParser

from ..core.call import Call, Handler, page_reply, page_start
from ..core.errors import ApiError, invalid
from ..core.ids import new_id, now
from ..core.replies import Reply
from ..core.store import Row
from .chunking import chunk_document
from .retrieval import retrieve
from .uploads import FilePart, Upload, upload_from

__all__ = ["HANDLERS"]


def _index(call: Call) -> Row:
    index = call.state.store.get_index(call.org_id, call.params["index_id"])
    if index is None:
        raise ApiError("INDEX_NOT_FOUND", f"no index {call.params['index_id']!r}")
    return index


def _add_document(
    call: Call,
    index: Row,
    *,
    content: str,
    content_type: str,
    title: str | None,
    filename: str | None,
    metadata: dict[str, Any],
    size_bytes: int,
) -> Reply:
    document_id = new_id("doc")
    pieces = chunk_document(content, markdown=content_type == "text/markdown")
    chunks = [
        {"id": new_id("chk"), "position": position, "title": title, "text": text}
        for position, text in enumerate(pieces)
    ]
    stamp = now()
    document: Row = {
        "id": document_id,
        "index_id": index["id"],
        "title": title,
        "filename": filename,
        "content_type": content_type,
        "size_bytes": size_bytes,
        "chunk_count": len(chunks),
        "metadata": metadata,
        "content": content,
        "created_at": stamp,
    }
    call.state.store.insert_document(call.org_id, document, chunks)
    index["updated_at"] = stamp
    call.state.store.update_index(call.org_id, index)
    return Reply(document)


async def create(call: Call) -> Reply:
    """Create a knowledge index."""
    stamp = now()
    index: Row = {
        "id": new_id("idx"),
        "name": call.body["name"],
        "description": call.body.get("description"),
        "metadata": call.body.get("metadata", {}),
        "created_at": stamp,
        "updated_at": stamp,
    }
    call.state.store.insert_index(call.org_id, index)
    return Reply({**index, "document_count": 0, "chunk_count": 0})


async def get(call: Call) -> Reply:
    """Get an index with its live document and chunk counts."""
    return Reply(_index(call))


async def list_indexes(call: Call) -> Reply:
    """List indexes, oldest first."""
    after = page_start(call)
    page = call.state.store.list_indexes(call.org_id, after, call.params["limit"])
    return page_reply(page.rows, page.next_position)


async def delete(call: Call) -> Reply:
    """Delete an index with its documents and chunks."""
    index = _index(call)
    call.state.store.delete_index(call.org_id, index["id"])
    return Reply({"id": index["id"], "deleted": True})


async def add_document(call: Call) -> Reply:
    """Add a text or markdown document, chunked and searchable at once."""
    index = _index(call)
    body = call.body
    return _add_document(
        call,
        index,
        content=body["content"],
        content_type=body.get("content_type", "text/plain"),
        title=body.get("title"),
        filename=None,
        metadata=body.get("metadata", {}),
        size_bytes=len(body["content"].encode()),
    )


async def upload_document(call: Call) -> Reply:
    """Upload a UTF-8 text or markdown file as a document."""
    index = _index(call)
    upload = await _read_upload(call)
    return _add_document(
        call,
        index,
        content=upload.content,
        content_type=upload.content_type,
        title=upload.title,
        filename=upload.filename,
        metadata=upload.metadata,
        size_bytes=len(upload.content.encode()),
    )


async def _once(raw: bytes) -> AsyncGenerator[bytes, None]:
    yield raw


async def _read_upload(call: Call) -> Upload:
    """The document of a ``multipart/form-data`` upload (``file``, ``title``, ``metadata``)."""
    headers = Headers(headers=dict(call.headers))
    if not headers.get("content-type", "").lower().startswith("multipart/form-data"):
        raise invalid("body", "must be multipart/form-data with a `file` part")
    parser = MultiPartParser(headers, _once(call.raw), max_files=4, max_fields=16)
    try:
        form = await parser.parse()
    except (MultiPartException, UnicodeDecodeError, ValueError, KeyError) as exc:
        raise invalid("body", f"is not valid multipart/form-data ({exc})") from None
    try:
        part = form.get("file")
        file: FilePart | None = None
        if isinstance(part, UploadFile):
            file = FilePart(await part.read(), True, part.content_type, part.filename)
        elif part is not None:
            file = FilePart(part.encode(), False)
        return upload_from(file, form.get("title"), form.get("metadata"))
    finally:
        await form.close()


def _document(call: Call, index: Row) -> Row:
    document = call.state.store.get_document(call.org_id, index["id"], call.params["document_id"])
    if document is None:
        message = f"no document {call.params['document_id']!r} in index {index['id']!r}"
        raise ApiError("DOCUMENT_NOT_FOUND", message)
    return document


async def list_documents(call: Call) -> Reply:
    """List an index's documents, oldest first, without their text."""
    index = _index(call)
    after = page_start(call)
    page = call.state.store.list_documents(call.org_id, index["id"], after, call.params["limit"])
    return page_reply(page.rows, page.next_position)


async def get_document(call: Call) -> Reply:
    """Get a document with its text."""
    return Reply(_document(call, _index(call)))


async def delete_document(call: Call) -> Reply:
    """Delete a document and its chunks."""
    index = _index(call)
    document = _document(call, index)
    call.state.store.delete_document(call.org_id, index["id"], document["id"])
    index["updated_at"] = now()
    call.state.store.update_index(call.org_id, index)
    return Reply({"id": document["id"], "deleted": True})


async def query(call: Call) -> Reply:
    """The chunks that best match a query, best first."""
    index = _index(call)
    text = call.body["query"]
    found = retrieve(call.state.store, call.org_id, [index["id"]], text, call.body.get("top_k", 5))
    return Reply({"index_id": index["id"], "query": text, "data": found})


HANDLERS: dict[str, Handler] = {
    "indexes_create": create,
    "indexes_get": get,
    "indexes_list": list_indexes,
    "indexes_delete": delete,
    "indexes_add_document": add_document,
    "indexes_upload_document": upload_document,
    "indexes_list_documents": list_documents,
    "indexes_get_document": get_document,
    "indexes_delete_document": delete_document,
    "indexes_query": query,
}
