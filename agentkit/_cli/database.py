"""``agentkit db migrate|status``: bring a server's database to this version's schema, or show
where it stands, without starting a server (say, before rolling out new instances)."""

from __future__ import annotations

import argparse
import os

__all__ = ["add_database_arguments", "database_command", "database_target"]


def add_database_arguments(parser: argparse.ArgumentParser) -> None:
    """``--db`` and ``--database``: which database a command works on."""
    parser.add_argument("--db", default="./agentkit.sqlite3", help="SQLite file (made if missing)")
    parser.add_argument(
        "--database",
        default=os.environ.get("AGENTKIT_DATABASE_URL") or None,
        metavar="URL",
        help="a PostgreSQL database (postgresql://user:password@host/name) to use instead of"
        " the SQLite file, shared by every instance (default: $AGENTKIT_DATABASE_URL)",
    )


def database_target(args: argparse.Namespace) -> str:
    """What the store opens: the PostgreSQL URL when given, else the SQLite file."""
    database: str | None = args.database
    if database is not None and not database.startswith(("postgresql://", "postgres://")):
        raise ValueError(f"--database takes a postgresql:// URL, not {database!r}")
    return database or str(args.db)


def _shown(target: str) -> str:
    """The database's name without its password."""
    from urllib.parse import urlsplit, urlunsplit

    if "://" not in target:
        return target
    parts = urlsplit(target)
    host = parts.hostname or ""
    user = f"{parts.username}@" if parts.username else ""
    port = f":{parts.port}" if parts.port else ""
    return urlunsplit(parts._replace(netloc=f"{user}{host}{port}"))


def database_command(args: argparse.Namespace) -> int:
    """Run ``agentkit db migrate`` or ``agentkit db status``."""
    try:
        target = database_target(args)
        from ..server.core.migrations import SchemaTooNew, schema_versions
        from ..server.core.postgres import DatabaseUnreachable
        from ..server.core.sqlite import open_database
        from ..server.families import SQLiteStore
    except ImportError as exc:
        print(f"agentkit db needs the server extra: pip install 'agentkit[server]' ({exc})")
        return 2
    except ValueError as exc:
        print(f"agentkit db: {exc}")
        return 2
    try:
        database = open_database(target)
    except DatabaseUnreachable as exc:
        print(f"agentkit db {args.action}: {exc}")
        return 1
    try:
        families = SQLiteStore.versioned(database.dialect)
        if args.action == "migrate":
            try:
                SQLiteStore(database)  # opening a store migrates it
            except SchemaTooNew as exc:
                print(f"agentkit db migrate: {exc}")
                return 1
        recorded = schema_versions(database)
        print(f"database: {_shown(target)} ({database.dialect})")
        behind = 0
        for family in families:
            version = recorded.get(family.family)
            if version is None:
                state = "not created"
                behind += 1
            elif version < family.latest:
                state = f"version {version}, {family.latest} available"
                behind += 1
            elif version > family.latest:
                state = f"version {version}, newer than this agentkit ({family.latest})"
            else:
                state = f"version {version}, up to date"
            print(f"  {family.family:<12} {state}")
        return 1 if args.action == "status" and behind else 0
    finally:
        database.close()
