"""Soft deletion: a row moves whole to its ``deleted_`` twin table, and back again.

The twin keeps the row's id as ``original_id``; putting it back gives the id again
unless a newer row has taken it. These run inside the caller's transaction.
"""

from __future__ import annotations

from peewee import SqliteDatabase

from netcoach.data.errors import NotFoundError


def move_to_trash(
    db: SqliteDatabase,
    stamp: str,
    table: str,
    trash: str,
    columns: tuple[str, ...],
    item_id: int,
    kept: dict[str, str] | None = None,
) -> None:
    """Copy one row of ``table`` into ``trash``, with values for trash-only columns."""
    kept = kept or {}
    names = ", ".join(columns[1:])
    extra = "".join(f", {name}" for name in kept)
    marks = ", ?" * len(kept)
    db.execute_sql(
        f"INSERT INTO {trash} (original_id, {names}{extra}, deleted_at) "
        f"SELECT id, {names}{marks}, ? FROM {table} WHERE id = ?",
        [*kept.values(), stamp, item_id],
    )


def last_deletion(db: SqliteDatabase, trash: str, original_id: int) -> int:
    """The last deletion in ``trash`` of the row that had ``original_id``."""
    found = db.execute_sql(
        f"SELECT id FROM {trash} WHERE original_id = ? ORDER BY id DESC LIMIT 1",
        [original_id],
    ).fetchone()
    if found is None:
        raise NotFoundError(f"nothing deleted with id {original_id} to put back")
    return int(found[0])


def move_back(
    db: SqliteDatabase, trash: str, table: str, columns: tuple[str, ...], deletion: int
) -> int:
    """Move one deletion from ``trash`` back into ``table``; returns its id there."""
    found = db.execute_sql(f"SELECT original_id FROM {trash} WHERE id = ?", [deletion]).fetchone()
    if found is None:
        raise NotFoundError(f"nothing deleted with number {deletion} to put back")
    original_id = int(found[0])
    taken = db.execute_sql(f"SELECT 1 FROM {table} WHERE id = ?", [original_id]).fetchone()
    names = ", ".join(columns[1:])
    # The item keeps its id unless a newer row has taken it; then it gets a new one.
    with_id = ("id, ", "original_id, ") if taken is None else ("", "")
    cursor = db.execute_sql(
        f"INSERT INTO {table} ({with_id[0]}{names}) "
        f"SELECT {with_id[1]}{names} FROM {trash} WHERE id = ?",
        [deletion],
    )
    db.execute_sql(f"DELETE FROM {trash} WHERE id = ?", [deletion])
    return original_id if taken is None else int(cursor.lastrowid)
