"""``agentkit serve``: the reference server on a port, with a development key that lasts.

The key is kept beside the database (``<db>.key``, readable by its owner only), so restarting
the server keeps the key that programs and shells were given. ``--api-key`` names the key
instead. The port is taken before anything is created: on a busy port nothing is minted.
"""

from __future__ import annotations

import argparse
import os
import socket
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from .._version import __version__
from .database import add_database_arguments, database_target

if TYPE_CHECKING:
    from ..server.messaging import OutboxMessage

__all__ = ["add_serve_arguments", "development_key", "serve"]


class _KeyStore(Protocol):
    def create_org(self) -> str: ...
    def add_key(self, org_id: str, key_hash: str) -> None: ...
    def org_for_key(self, key_hash: str) -> str | None: ...


def add_serve_arguments(parser: argparse.ArgumentParser) -> None:
    """The options of ``agentkit serve``."""
    parser.add_argument("--host", default="127.0.0.1", help="interface to listen on")
    parser.add_argument(
        "--port", type=int, default=8765, help="port to listen on (0: any free port)"
    )
    add_database_arguments(parser)
    parser.add_argument(
        "--secret-key",
        default=os.environ.get("AGENTKIT_SECRET_KEY") or None,
        help="the server's secret (32+ characters), the same for every instance; needed with"
        " --database (default: $AGENTKIT_SECRET_KEY, else one kept beside the SQLite file)",
    )
    parser.add_argument(
        "--blob-dir",
        default=None,
        help="where message attachments are kept, reached by every instance (default: blobs/"
        " beside the SQLite file)",
    )
    parser.add_argument(
        "--instance-dead-after",
        type=float,
        default=10.0,
        help="with --database: seconds of silence after which another instance counts as dead"
        " and its running turns are closed (the same on every instance)",
    )
    parser.add_argument(
        "--api-key",
        default=None,
        help="the development key to accept (default: the one kept in <db>.key, made on first"
        " run; with --database, a new key each start unless given)",
    )
    parser.add_argument(
        "--echo-delay",
        type=float,
        default=0.03,
        help="seconds the echo agent waits between streamed words",
    )
    parser.add_argument(
        "--webhook-timeout",
        type=float,
        default=10.0,
        help="seconds a webhook receiver has to answer one attempt",
    )
    parser.add_argument(
        "--webhook-lease",
        type=float,
        default=60.0,
        help="seconds an instance holds a webhook delivery it attempts; one a dead instance"
        " held is sent by another once it runs out (above --webhook-timeout)",
    )
    parser.add_argument(
        "--webhook-retry-base",
        type=float,
        default=10.0,
        help="seconds before a failed webhook attempt's first retry (each next waits twice as long)",
    )
    parser.add_argument(
        "--allow-loopback-urls",
        action="store_true",
        help="development mode: let outgoing URLs (providers' base URLs, webhook endpoints) point"
        " at this machine (127.0.0.1, localhost)",
    )


def key_file(db: str) -> Path | None:
    """Where the development key of the database ``db`` is kept (``None`` for ``:memory:``)."""
    return None if db == ":memory:" else Path(f"{db}.key")


def development_key(store: _KeyStore, path: Path | None, given: str | None) -> str:
    """The key to print: ``given``, else the one kept at ``path``, else a new one kept there.

    A key that the database does not know (the file outlived its database, or ``given`` is new)
    gets an organization of its own.
    """
    from ..server.core.auth import create_organization, hash_key

    if given:
        if store.org_for_key(hash_key(given)) is None:
            from ..server.core.store import Conflict

            try:
                store.add_key(store.create_org(), hash_key(given))
            except Conflict:
                pass  # another instance on the same database added it first
        return given
    if path is not None and path.is_file():
        kept = path.read_text(encoding="utf-8").strip()
        if kept and store.org_for_key(hash_key(kept)) is not None:
            return kept
    _, key = create_organization(store)
    if path is not None:
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(descriptor, "w", encoding="utf-8") as file:
            file.write(key + "\n")
    return key


def _valid_key(key: str | None) -> str | None:
    if key is None:
        return None
    if not key or any(character.isspace() for character in key) or not key.isprintable():
        return "--api-key needs a key without spaces"
    return None


def _webhook_problem(args: argparse.Namespace) -> str | None:
    """What is wrong with the webhook options, if anything."""
    for option in ("webhook_timeout", "webhook_lease", "webhook_retry_base"):
        value = getattr(args, option)
        if not 0 < value < 1e6:  # NaN fails too
            return f"--{option.replace('_', '-')} takes a number of seconds above 0"
    if not args.webhook_lease > args.webhook_timeout:
        # A lease that runs out mid-attempt would let another instance send the same one.
        return "--webhook-lease must be longer than --webhook-timeout"
    return None


#: uvicorn's own default.
_BACKLOG = 2048


def _listen(host: str, port: int) -> socket.socket:
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    # IPPROTO_TCP explicitly: asyncio turns Nagle off only on sockets whose proto says TCP.
    sock = socket.socket(family, socket.SOCK_STREAM, socket.IPPROTO_TCP)
    try:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind((host, port))
        # Listening at once: a client that connects as soon as the address is printed waits
        # in the backlog while the server starts (a migration, say) instead of being refused.
        sock.listen(_BACKLOG)
    except OSError:
        sock.close()
        raise
    return sock


def serve(args: argparse.Namespace) -> int:
    """Run the reference server until Ctrl-C."""
    problem = _valid_key(args.api_key)
    try:
        database_target(args)
    except ValueError as exc:
        problem = str(exc)
    if not problem and not args.instance_dead_after > 0:
        problem = "--instance-dead-after takes a number of seconds above 0"
    if not problem:
        problem = _webhook_problem(args)
    if not problem and args.database and not args.secret_key:
        problem = "--database needs --secret-key (or $AGENTKIT_SECRET_KEY), the same everywhere"
    if problem:
        print(f"agentkit serve: {problem}")
        return 2
    # Imported here so that the other commands work without the server extra.
    try:
        import uvicorn

        from ..server import ServerConfig, create_app, server_state
        from ..server.core.http import server_options
        from ..server.core.migrations import SchemaTooNew
        from ..server.core.postgres import DatabaseUnreachable
        from ..server.messaging import Outbox
    except ImportError as exc:
        print(f"agentkit serve needs the server extra: pip install 'agentkit[server]' ({exc})")
        return 2
    # Listen before anything is created, so that a busy port fails at once, and port 0 means
    # "any free port" with the real one printed.
    try:
        sock = _listen(args.host, args.port)
    except OSError as exc:
        print(f"agentkit serve: cannot listen on {args.host}:{args.port}: {exc.strerror or exc}")
        return 1
    with sock:
        config = ServerConfig(
            db_path=args.db,
            database_url=args.database,
            secret_key=args.secret_key,
            blob_dir=args.blob_dir,
            instance_dead_after=args.instance_dead_after,
            echo_delay=args.echo_delay,
            allow_loopback_urls=args.allow_loopback_urls,
            webhook_timeout=args.webhook_timeout,
            webhook_lease=args.webhook_lease,
            webhook_retry_base=args.webhook_retry_base,
        )
        try:
            app = create_app(config)
        except (SchemaTooNew, DatabaseUnreachable) as exc:
            print(f"agentkit serve: {exc}")
            return 1
        state = server_state(app)
        kept = None if args.database else key_file(args.db)
        key = development_key(state.store, kept, args.api_key)
        state.service(Outbox).echo = _print_email
        host = f"[{args.host}]" if ":" in args.host else args.host
        base_url = f"http://{host}:{sock.getsockname()[1]}"
        shown = "PostgreSQL" if args.database else args.db
        print(f"agentkit reference server {__version__} on {base_url} (database: {shown})")
        print(f"  export AGENTKIT_BASE_URL={base_url}")
        print(f"  export AGENTKIT_API_KEY={key}")
        print("Press Ctrl-C to stop.", flush=True)
        options = server_options(config)
        # On SIGTERM, open streams and websockets get a few seconds to end, then are closed.
        config_options = {"timeout_graceful_shutdown": 5, **options}
        server = uvicorn.Server(uvicorn.Config(app, log_level="warning", **config_options))
        server.run(sockets=[sock])
    return 0


def _print_email(message: OutboxMessage) -> None:
    # The development outbox: codes are printed instead of emailed.
    print(f"[outbox] to {message.to}: {message.text}", flush=True)
