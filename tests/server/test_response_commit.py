"""When the request machinery commits a request's writes: before its response, at once when
nothing else is ready to run, and shared with the requests that answer at the same moment
otherwise."""

from __future__ import annotations

import asyncio
import sqlite3
from pathlib import Path

from starlette.types import Message, Receive, Scope, Send

from agentkit.server.core.eager import Finished, step
from agentkit.server.core.http.application import EnvelopeMiddleware
from agentkit.server.store import SQLiteStore


def _scope(path: str) -> Scope:
    return {"type": "http", "method": "POST", "path": path, "headers": [], "query_string": b""}


async def _no_body() -> Message:
    return {"type": "http.request", "body": b"", "more_body": False}


def _store(tmp_path: Path) -> tuple[SQLiteStore, list[int]]:
    store = SQLiteStore(str(tmp_path / "s.sqlite3"))
    store.database.script("CREATE TABLE notes (text TEXT NOT NULL)")
    commits: list[int] = []
    commit = store.database._commit

    def counted() -> None:
        commits.append(1)
        commit()

    store.database._commit = counted  # type: ignore[method-assign]
    return store, commits


def _kept(tmp_path: Path) -> list[str]:
    with sqlite3.connect(tmp_path / "s.sqlite3") as other:
        return sorted(str(row[0]) for row in other.execute("SELECT text FROM notes"))


def _middleware(store: SQLiteStore) -> EnvelopeMiddleware:
    async def app(scope: Scope, receive: Receive, send: Send) -> None:
        # No wait before the write: as when requests arrive together, each task runs to its
        # response while the others have not started yet.
        store.database.run("INSERT INTO notes VALUES (?)", scope["path"])
        await send({"type": "http.response.start", "status": 200, "headers": []})
        await send({"type": "http.response.body", "body": b"{}"})

    return EnvelopeMiddleware(app, store, max_body_bytes=1024, body_timeout=5.0)


def _sender(tmp_path: Path, path: str, seen: list[tuple[str, ...]]) -> Send:
    async def send(message: Message) -> None:
        # Whatever a client is told was kept first, and is visible to another connection.
        assert path in _kept(tmp_path)
        seen.append((path, message["type"]))

    return send


def test_a_request_alone_commits_at_once_before_its_response(tmp_path: Path) -> None:
    store, commits = _store(tmp_path)
    seen: list[tuple[str, ...]] = []
    middleware = _middleware(store)

    async def scene() -> None:
        # Nothing else is ready to run: the request is answered without the event loop
        # turning once, its commit made at once rather than shared.
        request = middleware(_scope("/alone"), _no_body, _sender(tmp_path, "/alone", seen))
        assert isinstance(step(request), Finished)

    try:
        asyncio.run(scene())
    finally:
        store.close()
    assert seen == [("/alone", "http.response.start"), ("/alone", "http.response.body")]
    assert len(commits) == 1


def test_requests_answering_together_share_one_commit(tmp_path: Path) -> None:
    store, commits = _store(tmp_path)
    seen: list[tuple[str, ...]] = []
    middleware = _middleware(store)

    async def scene() -> None:
        await asyncio.gather(
            *(
                middleware(_scope(f"/n{index}"), _no_body, _sender(tmp_path, f"/n{index}", seen))
                for index in range(4)
            )
        )

    try:
        asyncio.run(scene())
    finally:
        store.close()
    assert len(commits) == 1
    assert _kept(tmp_path) == [f"/n{index}" for index in range(4)]
    assert sorted(seen) == sorted(
        (f"/n{index}", kind)
        for index in range(4)
        for kind in ("http.response.start", "http.response.body")
    )
