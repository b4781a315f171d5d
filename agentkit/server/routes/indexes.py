"""Knowledge indexes: create, read, list, delete; documents (JSON or uploaded files); queries."""

from __future__ import annotations

from typing import Any

from starlette.responses import Response

from ..context import Call, api, json_response, page_response, page_start, resource
from ..errors import ApiError
from ..knowledge import chunk_document, read_upload, retrieve
from ..store import Row
from ..util import new_id, now

__all__ = ["routes"]


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
) -> Response:
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
    return json_response(201, document)


@api("indexes_create")
async def create(call: Call) -> Response:
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
    return json_response(201, {**index, "document_count": 0, "chunk_count": 0})


@api("indexes_get")
async def get(call: Call) -> Response:
    """Get an index with its live document and chunk counts."""
    return json_response(200, _index(call))


@api("indexes_list")
async def list_indexes(call: Call) -> Response:
    """List indexes, oldest first."""
    after = page_start(call)
    page = call.state.store.list_indexes(call.org_id, after, call.params["limit"])
    return page_response(page.rows, page.next_position)


@api("indexes_delete")
async def delete(call: Call) -> Response:
    """Delete an index with its documents and chunks."""
    index = _index(call)
    call.state.store.delete_index(call.org_id, index["id"])
    return json_response(200, {"id": index["id"], "deleted": True})


@api("indexes_add_document")
async def add_document(call: Call) -> Response:
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


@api("indexes_upload_document")
async def upload_document(call: Call) -> Response:
    """Upload a UTF-8 text or markdown file as a document."""
    index = _index(call)
    upload = await read_upload(call.request.headers, call.raw)
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


def _document(call: Call, index: Row) -> Row:
    document = call.state.store.get_document(call.org_id, index["id"], call.params["document_id"])
    if document is None:
        message = f"no document {call.params['document_id']!r} in index {index['id']!r}"
        raise ApiError("DOCUMENT_NOT_FOUND", message)
    return document


@api("indexes_list_documents")
async def list_documents(call: Call) -> Response:
    """List an index's documents, oldest first, without their text."""
    index = _index(call)
    after = page_start(call)
    page = call.state.store.list_documents(call.org_id, index["id"], after, call.params["limit"])
    return page_response(page.rows, page.next_position)


@api("indexes_get_document")
async def get_document(call: Call) -> Response:
    """Get a document with its text."""
    return json_response(200, _document(call, _index(call)))


@api("indexes_delete_document")
async def delete_document(call: Call) -> Response:
    """Delete a document and its chunks."""
    index = _index(call)
    document = _document(call, index)
    call.state.store.delete_document(call.org_id, index["id"], document["id"])
    index["updated_at"] = now()
    call.state.store.update_index(call.org_id, index)
    return json_response(200, {"id": document["id"], "deleted": True})


@api("indexes_query")
async def query(call: Call) -> Response:
    """The chunks that best match a query, best first."""
    index = _index(call)
    text = call.body["query"]
    found = retrieve(call.state.store, call.org_id, [index["id"]], text, call.body.get("top_k", 5))
    return json_response(200, {"index_id": index["id"], "query": text, "data": found})


routes = [
    resource("/v1/indexes", post=create, get=list_indexes),
    resource("/v1/indexes/{index_id}", get=get, delete=delete),
    resource("/v1/indexes/{index_id}/documents", post=add_document, get=list_documents),
    resource("/v1/indexes/{index_id}/documents/upload", post=upload_document),
    resource(
        "/v1/indexes/{index_id}/documents/{document_id}", get=get_document, delete=delete_document
    ),
    resource("/v1/indexes/{index_id}/query", post=query),
]
