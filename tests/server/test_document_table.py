"""DocumentTable: the JSON-document table the families' SQLite code is built on."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from agentkit.server.core.database import SQLiteDatabase
from agentkit.server.core.sqlite import DocumentTable
from agentkit.server.core.store import Conflict

SCHEMA = """
CREATE TABLE things (
    pk INTEGER PRIMARY KEY AUTOINCREMENT, org_id TEXT NOT NULL, box_id TEXT NOT NULL,
    id TEXT NOT NULL, colour TEXT NOT NULL, data TEXT NOT NULL, body TEXT NOT NULL,
    UNIQUE (org_id, box_id, id), UNIQUE (org_id, colour));
CREATE TABLE notes (
    pk INTEGER PRIMARY KEY AUTOINCREMENT, org_id TEXT NOT NULL, data TEXT NOT NULL);
"""

THINGS = DocumentTable(
    "things",
    scope=("box_id",),
    columns=("colour",),
    detached=("body",),
    derived={"twins": "(SELECT COUNT(*) FROM things o WHERE o.org_id = t.org_id) - 1"},
)
NOTES = DocumentTable("notes", keyed=False)


@pytest.fixture
def db() -> Iterator[SQLiteDatabase]:
    database = SQLiteDatabase(":memory:")
    database.script(SCHEMA)
    yield database
    database.close()


def _thing(thing_id: str, colour: str) -> dict[str, object]:
    return {"id": thing_id, "colour": colour, "size": 3, "body": f"the text of {thing_id}"}


def test_get_reads_back_detached_and_derived_fields(db: SQLiteDatabase) -> None:
    """A document comes back with its detached column and its derived fields."""
    THINGS.insert(db, "org", _thing("a", "red"), "box")
    THINGS.insert(db, "org", _thing("b", "blue"), "box")
    assert THINGS.get(db, "org", "box", "a") == {**_thing("a", "red"), "twins": 1}
    assert THINGS.get(db, "org", "other-box", "a") is None
    assert THINGS.get(db, "other-org", "box", "a") is None


def test_pages_leave_out_detached_fields_and_filter_on_columns(db: SQLiteDatabase) -> None:
    """Pages go oldest first by position, without detached fields, filtered by copied columns."""
    for index, colour in enumerate(["red", "blue", "green"]):
        THINGS.insert(db, "org", _thing(f"t{index}", colour), "box")
    first = THINGS.page(db, "org", 0, 2, "box")
    assert [row["id"] for row in first.rows] == ["t0", "t1"]
    assert all("body" not in row and row["twins"] == 2 for row in first.rows)
    assert first.next_position is not None
    rest = THINGS.page(db, "org", first.next_position, 2, "box")
    assert [row["id"] for row in rest.rows] == ["t2"] and rest.next_position is None
    blue = THINGS.page(db, "org", 0, 10, "box", where={"colour": "blue"})
    assert [row["id"] for row in blue.rows] == ["t1"]
    unfiltered = THINGS.page(db, "org", 0, 10, "box", where={"colour": None})
    assert len(unfiltered.rows) == 3


def test_update_rewrites_the_document_and_its_columns(db: SQLiteDatabase) -> None:
    """An update changes the JSON and the copied columns; derived fields are never stored."""
    THINGS.insert(db, "org", _thing("a", "red"), "box")
    stored = THINGS.get(db, "org", "box", "a")
    assert stored is not None
    stored.update(colour="violet", size=4)
    assert THINGS.update(db, "org", stored, "box") == 1
    assert THINGS.page(db, "org", 0, 10, "box", where={"colour": "violet"}).rows == [
        {"id": "a", "colour": "violet", "size": 4, "twins": 0}
    ]


def test_unique_columns_raise_conflict(db: SQLiteDatabase) -> None:
    """A taken id or unique column is a Conflict, on insert and on update."""
    THINGS.insert(db, "org", _thing("a", "red"), "box")
    THINGS.insert(db, "org", _thing("b", "blue"), "box")
    with pytest.raises(Conflict):
        THINGS.insert(db, "org", _thing("a", "green"), "box")
    with pytest.raises(Conflict):
        THINGS.update(db, "org", _thing("b", "red"), "box")
    assert THINGS.exists(db, "org", "colour", "red")
    assert not THINGS.exists(db, "org", "colour", "green")


def test_delete_says_whether_there_was_a_document(db: SQLiteDatabase) -> None:
    """Deleting twice deletes once."""
    THINGS.insert(db, "org", _thing("a", "red"), "box")
    assert THINGS.delete(db, "org", "box", "a")
    assert not THINGS.delete(db, "org", "box", "a")


def test_a_table_without_ids_appends_and_pages(db: SQLiteDatabase) -> None:
    """Documents without an id column (a chat's messages) are only appended and listed."""
    for text in ("one", "two"):
        NOTES.insert(db, "org", {"text": text})
    assert [row["text"] for row in NOTES.page(db, "org", 0, 10).rows] == ["one", "two"]
