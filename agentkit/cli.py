"""The ``agentkit`` command."""

from __future__ import annotations

import argparse
import sys

from ._version import __version__

__all__ = ["main"]


def _serve(args: argparse.Namespace) -> int:
    import uvicorn

    from .server import ServerConfig, create_api_key, create_app
    from .server.store import SQLiteStore

    config = ServerConfig(db_path=args.db, echo_delay=args.echo_delay)
    store = SQLiteStore(config.db_path)
    app = create_app(config, store=store)
    key = create_api_key(store)
    base_url = f"http://{args.host}:{args.port}"
    print(f"agentkit reference server on {base_url}  (database: {args.db})")
    print(f"  export AGENTKIT_BASE_URL={base_url}")
    print(f"  export AGENTKIT_API_KEY={key}")
    sys.stdout.flush()
    uvicorn.run(app, host=args.host, port=args.port, log_level="warning", ws="none")
    return 0


def main(argv: list[str] | None = None) -> int:
    """Entry point of the ``agentkit`` console script."""
    parser = argparse.ArgumentParser(prog="agentkit", description="agentkit tools")
    commands = parser.add_subparsers(dest="command", required=True)
    serve = commands.add_parser("serve", help="run the reference server")
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=8765)
    serve.add_argument("--db", default="agentkit.sqlite3", help="SQLite file")
    serve.add_argument(
        "--echo-delay", type=float, default=0.03, help="seconds between echoed words"
    )
    commands.add_parser("version", help="print the version")
    args = parser.parse_args(argv)
    if args.command == "version":
        print(__version__)
        return 0
    return _serve(args)


if __name__ == "__main__":
    sys.exit(main())
