"""Keeping the contact search index in step during a bulk import, a chunk at a time.

The index is maintained by triggers that fire once per inserted contact, email
and tag. For tens of thousands of rows that costs most of an import, so while
an import runs those three triggers are swapped for statements built from the
same SQL pieces the triggers are (``migrations.m0009_search_order``): one INSERT …
SELECT per chunk of new contacts, and one UPDATE per existing contact that gained
an email or a tag. The triggers are dropped and re-created inside the import's
transaction, so a failed import puts them back with everything else. A trigger
that is not the one the migrations create (a database changed by hand) is left in
place and keeps doing its work row by row.
"""

from __future__ import annotations

from collections.abc import Iterable

from peewee import SqliteDatabase

from netcoach.data.migrations import m0009_search_order as search
from netcoach.data.migrations.script import normalise_sql, statement

INSERT_TRIGGER = "contact_search_insert"
CHILD_TRIGGERS = ("contact_search_email_insert", "contact_search_tag_insert")
CHUNK = " WHERE c.id BETWEEN ? AND ?"
# The index row of each contact in a chunk, its emails and tags left to their triggers.
INSERT_WITHOUT_CHILDREN = f"""
INSERT INTO contact_search (rowid, name, company, title, emails, tags, notes)
SELECT {search.key_of("c.name", "c.id")}, c.name, c.company, c.title, '', '', c.notes
FROM contact c{CHUNK}"""
# The emails and the tags of one existing contact, as their triggers write them.
REFRESH = tuple(
    f"UPDATE contact_search SET {column} = {of.format(':cid')} "
    f"WHERE rowid = {search.key_of_id(':cid')}"
    for column, of in (("emails", search.EMAILS_OF), ("tags", search.TAGS_OF))
)


def is_as_migrated(name: str, sql: str | None) -> bool:
    """True when the stored trigger ``name`` is the one the search migration creates."""
    wanted = normalise_sql(statement(search.TRIGGERS, name))
    return sql is not None and normalise_sql(sql) == wanted


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
        if not is_as_migrated(INSERT_TRIGGER, triggers.get(INSERT_TRIGGER)):
            return
        dropped = [INSERT_TRIGGER]
        if all(is_as_migrated(name, triggers.get(name)) for name in CHILD_TRIGGERS):
            self.insert_sql = search.BACKFILL + CHUNK
            self.refresh_sql = list(REFRESH)
            dropped.extend(CHILD_TRIGGERS)
        else:
            self.insert_sql = INSERT_WITHOUT_CHILDREN
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
