"""A full-text search index over contacts, kept in step by triggers on every write."""

from peewee import SqliteDatabase

from netcoach.data.migrations.script import run_script

VERSION = 2
DESCRIPTION = "full-text contact search"

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
SELECT c.id, c.name, c.company, c.title,
       {EMAILS_OF.format("c.id")}, {TAGS_OF.format("c.id")}, c.notes
FROM contact c"""

SCHEMA = f"""
CREATE VIRTUAL TABLE contact_search USING fts5 (
    name, company, title, emails, tags, notes,
    tokenize = 'unicode61 remove_diacritics 2',
    prefix = '1 2 3'
);

{BACKFILL};

CREATE TRIGGER contact_search_insert AFTER INSERT ON contact BEGIN
    INSERT INTO contact_search (rowid, name, company, title, emails, tags, notes)
    VALUES (new.id, new.name, new.company, new.title, '', '', new.notes);
END;

CREATE TRIGGER contact_search_update AFTER UPDATE OF name, company, title, notes ON contact BEGIN
    UPDATE contact_search
    SET name = new.name, company = new.company, title = new.title, notes = new.notes
    WHERE rowid = new.id;
END;

CREATE TRIGGER contact_search_delete AFTER DELETE ON contact BEGIN
    DELETE FROM contact_search WHERE rowid = old.id;
END;

CREATE TRIGGER contact_search_email_insert AFTER INSERT ON contact_email BEGIN
    UPDATE contact_search SET emails = {EMAILS_OF.format("new.contact_id")}
    WHERE rowid = new.contact_id;
END;

CREATE TRIGGER contact_search_email_delete AFTER DELETE ON contact_email BEGIN
    UPDATE contact_search SET emails = {EMAILS_OF.format("old.contact_id")}
    WHERE rowid = old.contact_id;
END;

CREATE TRIGGER contact_search_tag_insert AFTER INSERT ON contact_tag BEGIN
    UPDATE contact_search SET tags = {TAGS_OF.format("new.contact_id")}
    WHERE rowid = new.contact_id;
END;

CREATE TRIGGER contact_search_tag_delete AFTER DELETE ON contact_tag BEGIN
    UPDATE contact_search SET tags = {TAGS_OF.format("old.contact_id")}
    WHERE rowid = old.contact_id;
END;
"""


def up(db: SqliteDatabase) -> None:
    run_script(db, SCHEMA)
