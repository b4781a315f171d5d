"""The ``agentkit`` command (also ``python -m agentkit``).

``agentkit serve`` runs the reference server; ``agentkit db migrate|status`` upgrades its
database or shows the schema versions; ``agentkit agents list|create``, ``agentkit chat
AGENT``, ``agentkit session send|tail SESSION``, ``agentkit send TARGET TEXT``, ``agentkit
history CONVERSATION`` and ``agentkit listen`` talk to a server through the SDK;
``agentkit version`` prints the version. Output is for people unless ``--json`` asks for one JSON
document per line. Each command loads what it needs when it runs.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence

from ._version import __version__

__all__ = ["main"]


class _Formatter(argparse.ArgumentDefaultsHelpFormatter):
    """Shows an option's default, unless its help says it already or there is none."""

    def _get_help_string(self, action: argparse.Action) -> str | None:
        text = action.help or ""
        if "default" in text or action.default in (None, False, argparse.SUPPRESS):
            return text
        return super()._get_help_string(action)


_FORMATTER = _Formatter


def _parser() -> argparse.ArgumentParser:
    from ._cli.commands import add_client_commands
    from ._cli.database import add_database_arguments
    from ._cli.serve import add_serve_arguments

    parser = argparse.ArgumentParser(
        prog="agentkit", description="agentkit command-line tools", formatter_class=_FORMATTER
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    serve = commands.add_parser(
        "serve",
        help="run the reference server",
        description="run the reference server",
        formatter_class=_FORMATTER,
    )
    add_serve_arguments(serve)
    database = commands.add_parser(
        "db",
        help="migrate a server's database, or show its schema versions",
        description="bring a server's database to this agentkit's schema (migrate), or show"
        " each family's schema version (status; exits 1 when a migration is due)",
        formatter_class=_FORMATTER,
    )
    database.add_argument("action", choices=("migrate", "status"))
    add_database_arguments(database)
    commands.add_parser("version", help="print the agentkit version")

    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--base-url",
        default=os.environ.get("AGENTKIT_BASE_URL") or None,
        help="the API's base URL (default: $AGENTKIT_BASE_URL, then http://127.0.0.1:8765)",
    )
    common.add_argument(
        "--api-key",
        default=None,
        help="your API key (default: $AGENTKIT_API_KEY)",
    )
    common.add_argument("--json", action="store_true", help="print JSON, one document per line")
    add_client_commands(commands, common, _FORMATTER)
    return parser


def _run(args: argparse.Namespace) -> int:
    from . import AgentKitError, APIError, ConfigurationError
    from ._cli.render import Printer

    out = Printer(args.json)
    try:
        status: int = args.run(args, out)
        return status
    except ConfigurationError as exc:
        print(f"agentkit {args.command}: {exc}", file=sys.stderr)
        return 2
    except (APIError, AgentKitError, LookupError, TypeError, ValueError) as exc:
        out.end_line()
        print(f"agentkit {args.command}: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        out.end_line()
        return 130
    except BrokenPipeError:
        # The reader went away (``| head``): stop quietly, with nothing left to flush.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 141


def main(argv: Sequence[str] | None = None) -> int:
    """Run the ``agentkit`` console script with ``argv`` (default: the process arguments)."""
    args = _parser().parse_args(argv)
    if args.command == "version":
        print(__version__)
        return 0
    if args.command == "serve":
        from ._cli.serve import serve

        return serve(args)
    if args.command == "db":
        from ._cli.database import database_command

        return database_command(args)
    return _run(args)


if __name__ == "__main__":
    sys.exit(main())
