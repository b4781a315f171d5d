"""``agentkit db migrate|status`` and the database options of ``agentkit serve``."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from pathlib import Path

from agentkit._postgres_for_tests import PostgresForTests


def agentkit(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "agentkit", *args],
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_status_then_migrate_a_sqlite_file(tmp_path: Path) -> None:
    db = str(tmp_path / "fresh.sqlite3")
    before = agentkit("db", "status", "--db", db)
    assert before.returncode == 1  # a migration is due
    assert "chat         not created" in before.stdout
    migrated = agentkit("db", "migrate", "--db", db)
    assert migrated.returncode == 0, migrated.stdout
    after = agentkit("db", "status", "--db", db)
    assert after.returncode == 0
    assert "chat         version 1, up to date" in after.stdout
    assert "not created" not in after.stdout


def test_migrate_a_postgresql_database_without_showing_its_password(
    postgres: PostgresForTests,
) -> None:
    url = postgres.new_database()
    try:
        migrated = agentkit("db", "migrate", "--database", url)
        assert migrated.returncode == 0, migrated.stdout + migrated.stderr
        assert "(postgresql)" in migrated.stdout
        assert "session      version 1, up to date" in migrated.stdout
        shown = agentkit("db", "status", "--database", url.replace("postgres:@", "postgres:pw@"))
        assert "pw" not in shown.stdout
    finally:
        postgres.drop_database(url)


def test_a_database_newer_than_this_agentkit_is_refused(tmp_path: Path) -> None:
    db = tmp_path / "newer.sqlite3"
    assert agentkit("db", "migrate", "--db", str(db)).returncode == 0
    with sqlite3.connect(db) as connection:
        connection.execute("UPDATE schema_versions SET version = 99 WHERE family = 'chat'")
    connection.close()
    migrated = agentkit("db", "migrate", "--db", str(db))
    assert migrated.returncode == 1
    assert "chat tables at version 99, newer than this server's 1" in migrated.stdout
    served = agentkit("serve", "--port", "0", "--db", str(db))
    assert served.returncode == 1
    assert "newer than this server's" in served.stdout


def test_serve_on_postgresql_needs_a_secret_and_a_url() -> None:
    missing = agentkit("serve", "--port", "0", "--database", "postgresql://x@127.0.0.1:1/db")
    assert missing.returncode == 2
    assert "--secret-key" in missing.stdout
    wrong = agentkit("db", "status", "--database", "mysql://somewhere/db")
    assert wrong.returncode == 2
    assert "postgresql:// URL" in wrong.stdout


def test_an_unreachable_database_is_said_plainly() -> None:
    """A loopback port where nothing listens: refused at once, one line, no traceback."""
    url = "postgresql://agentkit:hunter2@127.0.0.1:1/agentkit"
    status = agentkit("db", "status", "--database", url)
    assert status.returncode == 1
    assert status.stdout.startswith("agentkit db status: cannot connect to the database")
    assert "Traceback" not in status.stderr and "hunter2" not in status.stdout
    served = agentkit("serve", "--port", "0", "--database", url, "--secret-key", "s" * 32)
    assert served.returncode == 1
    assert "cannot connect to the database" in served.stdout
    assert "Traceback" not in served.stderr
