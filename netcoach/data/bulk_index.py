"""Keeping the contact search index in step during a bulk import, a chunk at a time.

The index is maintained by triggers that fire once per inserted contact, email
and tag. For tens of thousands of rows that costs most of an import, so while
an import runs those three triggers are swapped for statements derived from
their own SQL: one INSERT … SELECT per chunk of new contacts, and one UPDATE
per existing contact that gained an email or a tag. The triggers are dropped
and re-created inside the import's transaction, so a failed import puts them
back with everything else. A trigger whose SQL does not have the expected
shape is left in place and keeps doing its work row by row.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from peewee import SqliteDatabase

INSERT_TRIGGER = "contact_search_insert"
CHILD_TRIGGERS = ("contact_search_email_insert", "contact_search_tag_insert")
INSERT_BODY = re.compile(
    r"\bBEGIN\s+INSERT\s+INTO\s+(\w+)\s*\(([^)]*)\)\s*VALUES\s*\(([^;]*)\)\s*;\s*END\s*$",
    re.I | re.S,
)
UPDATE_BODY = re.compile(
    r"\bBEGIN\s+(UPDATE\s+(\w+)\s+SET\s+(\w+)\s*=\s*([^;]*?)\s+WHERE\s+rowid\s*="
    r"[^;]*?\bnew\.contact_id\b[^;]*?)"
    r"\s*;\s*END\s*$",
    re.I | re.S,
)
NEW = re.compile(r"\bnew\.", re.I)
NEW_CONTACT_ID = re.compile(r"\bnew\.contact_id\b", re.I)


class BulkSearchIndex:
    """Stands in for the search-index triggers while one import runs."""

    def __init__(self, db: SqliteDatabase) -> None:
        self.db = db
        self.saved: list[str] = []
        self.insert_sql: str | None = None
        self.refresh_sql: list[str] = []
        triggers = dict(
            db.execute_sql(
                "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND name IN (?, ?, ?)",
                (INSERT_TRIGGER, *CHILD_TRIGGERS),
            ).fetchall()
        )
        insert = INSERT_BODY.search(triggers.get(INSERT_TRIGGER) or "")
        if insert is None:
            return
        table = insert.group(1)
        columns = [c.strip() for c in insert.group(2).split(",")]
        values = [NEW.sub("contact.", v.strip()) for v in split_top_level(insert.group(3))]
        if len(values) != len(columns):
            return
        dropped = [INSERT_TRIGGER]
        children = [UPDATE_BODY.search(triggers.get(name) or "") for name in CHILD_TRIGGERS]
        if all(m and m.group(2) == table and m.group(3) in columns for m in children):
            for name, match in zip(CHILD_TRIGGERS, children, strict=True):
                assert match is not None
                values[columns.index(match.group(3))] = NEW_CONTACT_ID.sub(
                    "contact.id", match.group(4)
                )
                self.refresh_sql.append(NEW_CONTACT_ID.sub(":cid", match.group(1)))
                dropped.append(name)
        self.insert_sql = (
            f"INSERT INTO {table} ({', '.join(columns)}) SELECT {', '.join(values)} "
            "FROM contact WHERE contact.id BETWEEN ? AND ?"
        )
        for name in dropped:
            self.saved.append(triggers[name])
            db.execute_sql(f'DROP TRIGGER "{name}"')

    @property
    def handles_children(self) -> bool:
        """True when emails and tags are indexed here rather than by their triggers."""
        return bool(self.refresh_sql)

    def index_new(self, first_id: int, last_id: int) -> None:
        """Index contacts ``first_id``…``last_id``, after their emails and tags are written."""
        if self.insert_sql:
            self.db.execute_sql(self.insert_sql, (first_id, last_id))

    def refresh(self, contact_ids: Iterable[int]) -> None:
        """Re-index the emails and tags of existing contacts that gained some."""
        params = [{"cid": cid} for cid in sorted(set(contact_ids))]
        if params:
            for sql in self.refresh_sql:
                self.db.cursor().executemany(sql, params)

    def restore(self) -> None:
        """Put the triggers back, at the end of the import's transaction."""
        for sql in self.saved:
            self.db.execute_sql(sql)
        self.saved = []


def split_top_level(text: str) -> list[str]:
    """Split an SQL list on commas outside parentheses and quotes."""
    parts: list[str] = []
    depth = 0
    quote = ""
    current: list[str] = []
    for char in text:
        if quote:
            if char == quote:
                quote = ""
        elif char in "'\"":
            quote = char
        elif char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
        elif char == "," and depth == 0:
            parts.append("".join(current))
            current = []
            continue
        current.append(char)
    parts.append("".join(current))
    return parts
