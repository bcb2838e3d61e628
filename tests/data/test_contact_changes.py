"""A contact save writes only what changed, checked and written in one transaction."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from netcoach.core.merge import Clash, RecordChanged
from netcoach.core.models import ContactDraft
from netcoach.data.errors import NotFoundError, ValidationError
from netcoach.data.repo import Store
from netcoach.data.tables import LevelChangeRecord


def other_copy(db_path: Path, sql: str, *params: object) -> None:
    """Another netcoach writing to the same file, on its own connection."""
    with sqlite3.connect(db_path) as connection:
        connection.execute(sql, params)


def opened(store: Store, contact_id: int) -> dict[str, object]:
    draft = store.get_contact(contact_id).to_draft()
    return {name: getattr(draft, name) for name in ContactDraft.__dataclass_fields__}


def test_a_save_writes_only_the_changed_fields(store: Store, db_path: Path) -> None:
    ann = store.add_contact(ContactDraft("Ann Lee", company="Acme", title="CEO", tags=("golf",)))
    form = opened(store, ann.id)
    other_copy(db_path, "UPDATE contact SET company = 'Acme Ltd' WHERE id = ?", ann.id)
    saved, replaced = store.save_contact_changes(ann.id, form, {"title": "Founder"})
    assert (saved.company, saved.title, saved.tags) == ("Acme Ltd", "Founder", ("golf",))
    assert replaced == {"title": "CEO"}


def test_a_field_changed_on_both_sides_is_refused_with_both_values(
    store: Store, db_path: Path
) -> None:
    ann = store.add_contact(ContactDraft("Ann Lee", company="Acme", title="CEO"))
    form = opened(store, ann.id)
    other_copy(db_path, "UPDATE contact SET company = 'Acme Ltd' WHERE id = ?", ann.id)
    with pytest.raises(RecordChanged) as caught:
        store.save_contact_changes(ann.id, form, {"company": "Acme Limited", "title": "Founder"})
    assert caught.value.clashes == (Clash("company", "Acme", "Acme Ltd", "Acme Limited"),)
    # Nothing was written, not even the field without a clash.
    now = store.get_contact(ann.id)
    assert (now.company, now.title) == ("Acme Ltd", "CEO")
    # Decided for mine: the form opens from the value it saw, and the save goes through.
    form["company"] = "Acme Ltd"
    saved, _replaced = store.save_contact_changes(
        ann.id, form, {"company": "Acme Limited", "title": "Founder"}
    )
    assert (saved.company, saved.title) == ("Acme Limited", "Founder")


def test_the_same_change_made_twice_is_no_clash(store: Store, db_path: Path) -> None:
    ann = store.add_contact(ContactDraft("Ann Lee", tags=("golf",)))
    form = opened(store, ann.id)
    store.save_contact_changes(ann.id, form, {"tags": ("golf", "Chamber")})
    saved, replaced = store.save_contact_changes(ann.id, form, {"tags": ("chamber", "GOLF")})
    assert set(saved.tags) == {"golf", "Chamber"}
    assert replaced == {}


def test_the_check_and_the_write_share_one_transaction(
    store: Store, db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """While the save reads the contact to compare, no other copy can write: the read is
    inside the write's transaction, so nothing can slip in between check and write."""
    ann = store.add_contact(ContactDraft("Ann Lee", company="Acme"))
    form = opened(store, ann.id)
    attempts: list[str] = []
    read = store.contacts.get_contact

    def read_while_another_copy_writes(contact_id: int):  # type: ignore[no-untyped-def]
        if attempts:  # the read after the write, for the saved contact
            return read(contact_id)
        with sqlite3.connect(db_path, timeout=0) as connection:
            try:
                connection.execute("UPDATE contact SET company = 'Sneaky' WHERE id = ?", [ann.id])
                attempts.append("written")
            except sqlite3.OperationalError as error:
                attempts.append(str(error))
        return read(contact_id)

    monkeypatch.setattr(store.contacts, "get_contact", read_while_another_copy_writes)
    store.save_contact_changes(ann.id, form, {"company": "Acme Ltd"})
    assert attempts == ["database is locked"]
    monkeypatch.undo()
    assert store.get_contact(ann.id).company == "Acme Ltd"


def test_tags_with_separators_are_written_as_given(store: Store) -> None:
    ann = store.add_contact(ContactDraft("Ann Lee"))
    tags = ("Smith, Jones & Co", "a;b", 'say "hi"')
    saved, _ = store.save_contact_changes(ann.id, {"tags": ()}, {"tags": tags})
    assert sorted(saved.tags) == sorted(tags)


def test_a_level_change_is_recorded_only_when_the_level_is_written(store: Store) -> None:
    ann = store.add_contact(ContactDraft("Ann Lee", level=2))
    store.save_contact_changes(ann.id, {"company": ""}, {"company": "Acme"})
    store.save_contact_changes(ann.id, {"level": 2}, {"level": 3})
    with store.db.connection_context():
        moves = [
            (r.from_level, r.to_level)
            for r in LevelChangeRecord.select()
            .where(LevelChangeRecord.contact == ann.id)
            .order_by(LevelChangeRecord.id)
        ]
    assert moves == [(None, 2), (2, 3)]


def test_only_the_changed_fields_are_checked(store: Store, db_path: Path) -> None:
    """A value stored elsewhere that the form would refuse does not block saving another."""
    ann = store.add_contact(ContactDraft("Ann Lee"))
    other_copy(db_path, "UPDATE contact SET url = 'gopher://old' WHERE id = ?", ann.id)
    saved, _ = store.save_contact_changes(ann.id, {"company": ""}, {"company": "Acme"})
    assert (saved.company, saved.url) == ("Acme", "gopher://old")
    with pytest.raises(ValidationError) as caught:
        store.save_contact_changes(ann.id, {"url": "gopher://old"}, {"url": "ftp://x"})
    assert set(caught.value.errors) == {"url"}


def test_a_missing_contact_or_an_unknown_field_is_refused(store: Store) -> None:
    with pytest.raises(NotFoundError):
        store.save_contact_changes(999, {"company": ""}, {"company": "Acme"})
    ann = store.add_contact(ContactDraft("Ann Lee"))
    with pytest.raises(ValueError, match="not contact fields: archived_at"):
        store.save_contact_changes(ann.id, {}, {"archived_at": None})


def test_the_csv_export_keeps_a_tag_with_a_separator_whole(store: Store) -> None:
    import csv
    import io

    from netcoach.core.validation import parse_tags
    from netcoach.io.exporters import write_export

    tags = ("breakfast; Tuesday", "law", 'the "A" team')
    store.add_contact(ContactDraft("Ann Lee", tags=tags))
    out = io.StringIO()
    write_export(store, "csv", out)
    cell = next(csv.DictReader(io.StringIO(out.getvalue())))["tags"]
    assert cell == '"breakfast; Tuesday"; law; "the ""A"" team"'
    assert parse_tags(cell) == tags
