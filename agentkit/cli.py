"""The ``agentkit`` command: ``agentkit serve`` runs the reference server, ``agentkit version``
prints the version."""

from __future__ import annotations

import argparse
import socket
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING

from ._version import __version__

if TYPE_CHECKING:
    from .server.messaging import OutboxMessage

__all__ = ["main"]


def _serve(args: argparse.Namespace) -> int:
    # Imported here so that `agentkit version` works without the server extra.
    try:
        import uvicorn

        from .server import ServerConfig, create_app, create_organization, server_state
        from .server.core.http import http_protocol
        from .server.messaging import Outbox
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
        config = ServerConfig(db_path=args.db, echo_delay=args.echo_delay)
        app = create_app(config)
        state = server_state(app)
        _, key = create_organization(state.store)
        state.service(Outbox).echo = _print_email
        host = f"[{args.host}]" if ":" in args.host else args.host
        base_url = f"http://{host}:{sock.getsockname()[1]}"
        print(f"agentkit reference server {__version__} on {base_url} (database: {args.db})")
        print(f"  export AGENTKIT_BASE_URL={base_url}")
        print(f"  export AGENTKIT_API_KEY={key}")
        print("Press Ctrl-C to stop.", flush=True)
        protocol = http_protocol(config)
        server = uvicorn.Server(uvicorn.Config(app, http=protocol, log_level="warning", ws="none"))
        server.run(sockets=[sock])
    return 0


def _print_email(message: OutboxMessage) -> None:
    # The development outbox: codes are printed instead of emailed.
    print(f"[outbox] to {message.to}: {message.text}", flush=True)


def _listen(host: str, port: int) -> socket.socket:
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    # IPPROTO_TCP explicitly: asyncio turns Nagle off only on sockets whose proto says TCP.
    sock = socket.socket(family, socket.SOCK_STREAM, socket.IPPROTO_TCP)
    try:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind((host, port))
    except OSError:
        sock.close()
        raise
    return sock


def main(argv: Sequence[str] | None = None) -> int:
    """Run the ``agentkit`` console script with ``argv`` (default: the process arguments)."""
    parser = argparse.ArgumentParser(prog="agentkit", description="agentkit command-line tools")
    commands = parser.add_subparsers(dest="command", required=True)
    serve = commands.add_parser("serve", help="run the reference server")
    serve.add_argument("--host", default="127.0.0.1", help="interface to listen on")
    serve.add_argument(
        "--port", type=int, default=8765, help="port to listen on (0: any free port)"
    )
    serve.add_argument("--db", default="./agentkit.sqlite3", help="SQLite file (made if missing)")
    serve.add_argument(
        "--echo-delay",
        type=float,
        default=0.03,
        help="seconds the echo agent waits between streamed words",
    )
    commands.add_parser("version", help="print the agentkit version")
    args = parser.parse_args(argv)
    if args.command == "version":
        print(__version__)
        return 0
    return _serve(args)


if __name__ == "__main__":
    sys.exit(main())
