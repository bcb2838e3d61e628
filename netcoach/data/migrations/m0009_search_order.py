"""The search index in name order, so a search's first page needs only its first matches.

A row of ``contact_search`` has the key ``bucket << 40 | contact id``: contacts are
cut by name into buckets of about ``BUCKET_SIZE`` (boundaries in
``contact_search_order``, each a name and an id), so the index's own row order
follows the list's name order bucket by bucket. Within a bucket the order is by
id, so a reader sorts only the last bucket it needs. With no boundaries every
contact is in bucket 0 and a key is the contact's id, as before. Contact ids stay
below 2**40. The triggers work out the key of every written contact; changing the
boundaries rebuilds the index (``netcoach doctor``, or this migration on a large
network).
"""

from peewee import SqliteDatabase

from netcoach.data.migrations.script import run_script

VERSION = 9
DESCRIPTION = "search index in name order"

SHIFT = 40
ID_MASK = (1 << SHIFT) - 1
# Contacts per bucket when the boundaries are laid, and the network size from which
# laying them pays (below it, sorting every match is quick).
BUCKET_SIZE = 128
ORDER_FROM = 5_000


def bucket_of(name: str, contact_id: str) -> str:
    """SQL for the bucket of the contact with this name and id (two SQL expressions)."""
    return (
        "coalesce((SELECT o.bucket FROM contact_search_order o "
        f"WHERE (o.name, o.id) <= ({name}, {contact_id}) "
        "ORDER BY o.name DESC, o.id DESC LIMIT 1), 0)"
    )


def key_of(name: str, contact_id: str) -> str:
    """SQL for the index key of the contact with this name and id (two SQL expressions)."""
    return f"(({bucket_of(name, contact_id)} << {SHIFT}) | {contact_id})"


def key_of_id(contact_id: str) -> str:
    """SQL for the index key of the contact whose id is ``contact_id``."""
    return f"(SELECT {key_of('k.name', 'k.id')} FROM contact k WHERE k.id = {contact_id})"


EMAILS_OF = (
    "(SELECT coalesce(group_concat(address, ' '), '') FROM contact_email WHERE contact_id = {})"
)
TAGS_OF = (
    "(SELECT coalesce(group_concat(t.name, ' '), '') FROM contact_tag ct "
    "JOIN tag t ON t.id = ct.tag_id WHERE ct.contact_id = {})"
)

# Fills the index from the contacts table; also used by `netcoach doctor` to rebuild it.
BACKFILL = f"""
INSERT INTO contact_search (rowid, name, company, title, emails, tags, notes)
SELECT {key_of("c.name", "c.id")}, c.name, c.company, c.title,
       {EMAILS_OF.format("c.id")}, {TAGS_OF.format("c.id")}, c.notes
FROM contact c"""

# Every BUCKET_SIZE-th contact in name order starts a bucket (parameter: the size).
LAY_BOUNDARIES = """
INSERT INTO contact_search_order (bucket, name, id)
SELECT position / ?1, name, id FROM (
    SELECT name, id, row_number() OVER (ORDER BY name COLLATE NOCASE, id) - 1 AS position
    FROM contact
) WHERE position > 0 AND position % ?1 = 0"""

INDEX_TABLE = """
CREATE VIRTUAL TABLE contact_search USING fts5 (
    name, company, title, emails, tags, notes,
    tokenize = 'unicode61 remove_diacritics 2',
    prefix = '1 2 3'
)"""

TRIGGERS = f"""
CREATE TRIGGER contact_search_insert AFTER INSERT ON contact BEGIN
    INSERT INTO contact_search (rowid, name, company, title, emails, tags, notes)
    VALUES ({key_of("new.name", "new.id")}, new.name, new.company, new.title, '', '', new.notes);
END;

CREATE TRIGGER contact_search_update AFTER UPDATE OF name, company, title, notes ON contact BEGIN
    UPDATE contact_search
    SET rowid = {key_of("new.name", "new.id")},
        name = new.name, company = new.company, title = new.title, notes = new.notes
    WHERE rowid = {key_of("old.name", "old.id")};
END;

CREATE TRIGGER contact_search_delete AFTER DELETE ON contact BEGIN
    DELETE FROM contact_search WHERE rowid = {key_of("old.name", "old.id")};
END;

CREATE TRIGGER contact_search_email_insert AFTER INSERT ON contact_email BEGIN
    UPDATE contact_search SET emails = {EMAILS_OF.format("new.contact_id")}
    WHERE rowid = {key_of_id("new.contact_id")};
END;

CREATE TRIGGER contact_search_email_delete AFTER DELETE ON contact_email BEGIN
    UPDATE contact_search SET emails = {EMAILS_OF.format("old.contact_id")}
    WHERE rowid = {key_of_id("old.contact_id")};
END;

CREATE TRIGGER contact_search_tag_insert AFTER INSERT ON contact_tag BEGIN
    UPDATE contact_search SET tags = {TAGS_OF.format("new.contact_id")}
    WHERE rowid = {key_of_id("new.contact_id")};
END;

CREATE TRIGGER contact_search_tag_delete AFTER DELETE ON contact_tag BEGIN
    UPDATE contact_search SET tags = {TAGS_OF.format("old.contact_id")}
    WHERE rowid = {key_of_id("old.contact_id")};
END;
"""

TRIGGER_NAMES = (
    "contact_search_insert",
    "contact_search_update",
    "contact_search_delete",
    "contact_search_email_insert",
    "contact_search_email_delete",
    "contact_search_tag_insert",
    "contact_search_tag_delete",
)

SCHEMA = """
CREATE TABLE contact_search_order (
    bucket INTEGER PRIMARY KEY,
    name TEXT NOT NULL COLLATE NOCASE,
    id INTEGER NOT NULL
);

CREATE INDEX contact_search_order_name ON contact_search_order (name, id);
"""


def order_index(
    db: SqliteDatabase, bucket_size: int | None = None, order_from: int | None = None
) -> None:
    """Lay the buckets afresh over today's contacts and rebuild the index in their order.

    A network smaller than ``order_from`` gets no buckets: its keys are the ids.
    """
    db.execute_sql("DELETE FROM contact_search_order")
    (contacts,) = db.execute_sql("SELECT count(*) FROM contact").fetchone()
    if contacts >= (ORDER_FROM if order_from is None else order_from):
        db.execute_sql(LAY_BOUNDARIES, (bucket_size or BUCKET_SIZE,))
    for name in TRIGGER_NAMES:
        db.execute_sql(f'DROP TRIGGER IF EXISTS "{name}"')
    db.execute_sql("DROP TABLE IF EXISTS contact_search")
    db.execute_sql(INDEX_TABLE)
    db.execute_sql(BACKFILL)
    run_script(db, TRIGGERS)


def up(db: SqliteDatabase) -> None:
    run_script(db, SCHEMA)
    (contacts,) = db.execute_sql("SELECT count(*) FROM contact").fetchone()
    if contacts >= ORDER_FROM:
        order_index(db)
        return
    # The index's keys stay the contact ids; only the triggers change.
    for name in TRIGGER_NAMES:
        db.execute_sql(f'DROP TRIGGER IF EXISTS "{name}"')
    run_script(db, TRIGGERS)
