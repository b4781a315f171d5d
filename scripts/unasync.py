"""Generate agentkit/_sync from agentkit/_async, the one source of truth for I/O code.

    python scripts/unasync.py          rewrite agentkit/_sync
    python scripts/unasync.py --check  fail if agentkit/_sync is not what agentkit/_async gives

The rules are word-level substitutions, in the manner of httpcore's script: keep async code to
the subset these rules translate (no ``AsyncGenerator`` with a send type, no ``asyncio`` beyond
``sleep``).
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCE = ROOT / "agentkit" / "_async"
TARGET = ROOT / "agentkit" / "_sync"

HEADER = "# Generated from agentkit/_async by scripts/unasync.py: edit the async source, not this file.\n"

# Whole-word substitutions, applied in this order.
WORDS = {
    "AsyncAgentKit": "AgentKit",
    "AsyncRealtimeClient": "RealtimeClient",
    "AsyncConnectionFactory": "ConnectionFactory",
    "AsyncAgents": "Agents",
    "AsyncChats": "Chats",
    "AsyncSessions": "Sessions",
    "AsyncIndexes": "Indexes",
    "AsyncIdentityResource": "IdentityResource",
    "AsyncMessages": "Messages",
    "AsyncConversations": "Conversations",
    "AsyncUploads": "Uploads",
    "AsyncGroups": "Groups",
    "AsyncContacts": "Contacts",
    "AsyncPresenceResource": "PresenceResource",
    "AsyncDirectory": "Directory",
    "AsyncOffsetFetch": "OffsetFetch",
    "apaginate": "paginate",
    "AsyncAgentSession": "AgentSession",
    "AsyncSessionStream": "SessionStream",
    "AsyncUIMessageStream": "UIMessageStream",
    "AsyncCompletionStream": "CompletionStream",
    "AsyncCompletions": "Completions",
    "AsyncEmbeddings": "Embeddings",
    "AsyncModels": "Models",
    "AsyncAgentChatStream": "AgentChatStream",
    "AsyncAgentChatStatusStream": "AgentChatStatusStream",
    "AsyncFeedback": "Feedback",
    "AsyncWebhooks": "Webhooks",
    "AsyncResource": "SyncResource",
    "AsyncStream": "Stream",
    "AsyncChatStream": "ChatStream",
    "AsyncPager": "Pager",
    "AsyncEndpoint": "Endpoint",
    "_AsyncEndpointDescriptor": "_EndpointDescriptor",
    "async_endpoint": "endpoint",
    "AsyncResult": "Result",
    "AsyncResponseContext": "ResponseContext",
    "AsyncStreamedResponse": "StreamedResponse",
    "AsyncRetryTransport": "RetryTransport",
    "_AsyncConnection": "_Connection",
    "AsyncClient": "Client",
    "AsyncBaseTransport": "BaseTransport",
    "AsyncHTTPTransport": "HTTPTransport",
    "AsyncIterator": "Iterator",
    "AsyncIterable": "Iterable",
    "Awaitable": "Callable",
    "asyncio_detailed": "sync_detailed",
    "resolve_async": "resolve",
    "prepare_run_async": "prepare_run",
    "get_async_httpx_client": "get_httpx_client",
    "set_async_httpx_client": "set_httpx_client",
    "handle_async_request": "handle_request",
    "aiter_bytes": "iter_bytes",
    "aread": "read",
    "aclose": "close",
    "__aenter__": "__enter__",
    "__aexit__": "__exit__",
    "__aiter__": "__iter__",
    "__anext__": "__next__",
    "StopAsyncIteration": "StopIteration",
    "_async": "_sync",
}

PATTERNS: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"\basync def\b"), "def"),
    (re.compile(r"\basync with\b"), "with"),
    (re.compile(r"\basync for\b"), "for"),
    (re.compile(r"\bawait "), ""),
    (re.compile(r"\basyncio\.sleep\b"), "time.sleep"),
    (re.compile(r"^import asyncio\n", re.MULTILINE), ""),
    (re.compile(r"\b(" + "|".join(map(re.escape, WORDS)) + r")\b"), ""),
]

_WORD = PATTERNS[-1][0]

# Docstring phrases that the rules above leave saying "async", as they read once translated,
# and what the sync twin says instead.
PHRASES = {
    "The async agentkit client.": "The synchronous agentkit client.",
    "Use it as an async context manager": "Use it as a context manager",
    "(an ``def`` is awaited by the async client)": "(a plain function: a coroutine function is refused)",
    (
        "The async implementation. It is the source of truth: ``agentkit/_sync`` is generated from it by\n"
        "``scripts/unasync.py``, so edit here and regenerate."
    ): (
        "The sync implementation, generated from ``agentkit/_async`` by ``scripts/unasync.py``:\n"
        "edit that source and regenerate."
    ),
}


def unasync_text(text: str) -> str:
    """Translate one async module into its sync twin."""
    for pattern, replacement in PATTERNS[:-1]:
        text = pattern.sub(replacement, text)
    text = _WORD.sub(lambda match: WORDS[match.group(1)], text)
    for phrase, replacement in PHRASES.items():
        text = text.replace(phrase, replacement)
    # ``Awaitable[X]`` became ``Callable[X]`` only where a result type was awaited: map it back.
    text = re.sub(
        r"\bCallable\[(APIResponse\[[^\]]*\]|Page\[[^\]]*\]|Response\[Any\])\]", r"\1", text
    )
    if "time.sleep" in text and "\nimport time\n" not in text:
        text = text.replace(
            "from __future__ import annotations\n",
            "from __future__ import annotations\n\nimport time\n",
            1,
        )
    return text


def expected_files() -> dict[Path, str]:
    files: dict[Path, str] = {}
    for source in sorted(SOURCE.rglob("*.py")):
        relative = source.relative_to(SOURCE)
        body = unasync_text(source.read_text(encoding="utf-8"))
        files[TARGET / relative] = HEADER + body
    return files


def _formatted(files: dict[Path, str]) -> dict[Path, str]:
    """Run ruff over the generated text so that the twin is formatted like the source."""
    result: dict[Path, str] = {}
    for path, text in files.items():
        fixed = subprocess.run(
            ["ruff", "check", "--fix-only", "--quiet", "--stdin-filename", str(path), "-"],
            input=text,
            capture_output=True,
            text=True,
            check=True,
            cwd=ROOT,
        ).stdout
        result[path] = subprocess.run(
            ["ruff", "format", "--quiet", "--stdin-filename", str(path), "-"],
            input=fixed,
            capture_output=True,
            text=True,
            check=True,
            cwd=ROOT,
        ).stdout
    return result


def main(argv: list[str]) -> int:
    check = "--check" in argv
    files = _formatted(expected_files())
    existing = {path for path in TARGET.rglob("*.py")} if TARGET.exists() else set()
    stale = existing - set(files)
    changed = [
        path
        for path, text in files.items()
        if not path.exists() or path.read_text(encoding="utf-8") != text
    ]
    if check:
        if changed or stale:
            for path in sorted(changed) + sorted(stale):
                print(f"out of date: {path.relative_to(ROOT)}", file=sys.stderr)
            print(
                "agentkit/_sync is out of sync with agentkit/_async: run python scripts/unasync.py",
                file=sys.stderr,
            )
            return 1
        print("agentkit/_sync is in sync with agentkit/_async")
        return 0
    for path in stale:
        path.unlink()
    for path, text in files.items():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
