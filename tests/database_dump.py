"""Everything a reference server's database holds, as text, whichever store it runs on: what a
stolen dump would reveal."""

from __future__ import annotations

import sqlite3

from agentkit.testing import ReferenceServer


def database_dump(server: ReferenceServer) -> str:
    """Every row of every table of the server's database, as text."""
    assert server.config is not None
    if server.config.database_url is None:
        with sqlite3.connect(server.config.db_path) as db:
            return "\n".join(db.iterdump())
    import psycopg

    lines: list[str] = []
    with psycopg.connect(server.config.database_url) as db:
        tables = db.execute(
            "SELECT table_name FROM information_schema.tables"
            " WHERE table_schema = current_schema() ORDER BY table_name"
        ).fetchall()
        for (table,) in tables:
            lines.append(f"-- {table}")
            rows = db.execute(f'SELECT * FROM "{table}"').fetchall()
            lines += [repr(row) for row in rows]
    return "\n".join(lines)
