"""Each kind of undoable change: done, kept on disk, the database reopened, then undone."""

from __future__ import annotations

import os
import stat
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path

import pytest

from netcoach.core import undo
from netcoach.core.ledger import EntryDraft
from netcoach.core.meetings import FollowUpDraft, OneToOneDraft, Outcome, OutcomeDraft, Owner
from netcoach.core.models import ContactDraft
from netcoach.core.undo import UndoAction, UndoFormatError
from netcoach.data.repo import Store
from netcoach.data.undo import LastChangeFile, UndoRefused, apply_undo, last_change_path
from tests.conftest import FIXED_NOW, fixed_clock

HOSTILE = "[@click=app.quit]x[/] Ann [/b]"


def restart(store: Store, db_path: Path, action: UndoAction) -> tuple[Store, UndoAction]:
    """Keep ``action`` on disk, close the database, and open both again as a new run would."""
    from netcoach.data.db import database, open_database

    kept = LastChangeFile(last_change_path(db_path))
    kept.save(lambda: action)
    assert stat.S_IMODE(os.stat(kept.path).st_mode) == 0o600
    database.close()
    reopened = Store(open_database(db_path, db_path.parent / "backups"), clock=fixed_clock)
    loaded = LastChangeFile(last_change_path(db_path)).load()
    assert loaded == action
    return reopened, loaded


def refused(store: Store, action: UndoAction) -> str:
    with pytest.raises(UndoRefused) as caught:
        apply_undo(store, action)
    return str(caught.value)


def test_archive_is_undone_after_a_restart_and_a_second_undo_says_why_not(
    store: Store, db_path: Path
) -> None:
    ann = store.add_contact(ContactDraft(HOSTILE, level=2))
    name = store.contacts.set_archived(ann.id, True)
    action = undo.archive(ann.id, name, True)
    assert action.label == f"Archived {HOSTILE}"
    store, action = restart(store, db_path, action)
    apply_undo(store, action)
    assert not store.get_contact(ann.id).archived
    assert "already active" in refused(store, action)


def test_level_move_is_undone_and_its_recorded_change_forgotten(
    store: Store, db_path: Path
) -> None:
    ann = store.add_contact(ContactDraft("Ann", level=2))
    change = store.contacts.move_level(ann.id, 3, "good one-to-one")
    action = undo.level_move(ann.id, "Ann", 2, 3, change.id)
    assert action.label == "Moved Ann up: 2 Connect → 3 Engage"
    store, action = restart(store, db_path, action)
    apply_undo(store, action)
    assert store.get_contact(ann.id).level == 2
    assert [c.to_level for c in store.level_history(ann.id)] == [2]


def test_level_move_is_not_undone_after_moving_away_and_back(store: Store, db_path: Path) -> None:
    ann = store.add_contact(ContactDraft("Ann", level=2))
    change = store.contacts.move_level(ann.id, 3, "good one-to-one")
    action = undo.level_move(ann.id, "Ann", 2, 3, change.id)
    store, action = restart(store, db_path, action)
    store.contacts.move_level(ann.id, 4, "referred me")
    store.contacts.move_level(ann.id, 3, "pressed by mistake")
    assert "Ann has moved since and is now at level 3 Engage" in refused(store, action)
    assert store.get_contact(ann.id).level == 3
    assert len(store.level_history(ann.id)) == 4


def test_level_move_is_not_undone_once_the_contact_has_moved_again(
    store: Store, db_path: Path
) -> None:
    ann = store.add_contact(ContactDraft("Ann", level=2))
    change = store.contacts.move_level(ann.id, 3, "good one-to-one")
    action = undo.level_move(ann.id, "Ann", 2, 3, change.id)
    store, action = restart(store, db_path, action)
    store.contacts.move_level(ann.id, 4, "referred me")
    message = refused(store, action)
    assert "Ann has moved since and is now at level 4 Collaborate" in message
    assert store.get_contact(ann.id).level == 4


def test_undo_of_a_contact_no_longer_there_says_so(store: Store, db_path: Path) -> None:
    action = undo.archive(4242, "Ghost", True)
    store, action = restart(store, db_path, action)
    assert "no longer in netcoach" in refused(store, action)
    assert "no longer in netcoach" in refused(store, undo.level_move(4242, "Ghost", 1, 2, 1))


def test_deleted_ledger_entry_comes_back_from_the_trash(store: Store, db_path: Path) -> None:
    ann = store.add_contact(ContactDraft("Ann", level=3))
    entry = store.ledger.add_entry(
        EntryDraft(ann.id, "received", "referral", FIXED_NOW.date(), status="won")
    )
    gone = store.ledger.delete_entry(entry.id)
    action = undo.ledger_entry_deleted(gone.id, "got referral (won) with Ann")
    store, action = restart(store, db_path, action)
    apply_undo(store, action)
    assert store.ledger.list_entries()[0] == [entry]
    assert store.ledger.deleted() == []
    assert "already put back" in refused(store, action)


def test_deleted_want_comes_back(store: Store, db_path: Path) -> None:
    gone = store.ledger.delete_want_have(
        store.ledger.add_want_have(None, "have", "Knows hotel owners").id
    )
    action = undo.want_have_deleted(gone.id, gone.kind, gone.phrase)
    assert action.label == "Deleted the have “Knows hotel owners”"
    store, action = restart(store, db_path, action)
    apply_undo(store, action)
    assert [w.phrase for w in store.ledger.wants_haves(None)] == ["Knows hotel owners"]


def follow_up(store: Store) -> tuple[int, int]:
    ada = store.add_contact(ContactDraft("Ada Lovelace", level=3))
    one = store.meetings.plan_one_to_one(
        OneToOneDraft(ada.id, FIXED_NOW - timedelta(days=3), 60, "Café", "Learn their market")
    )
    store.meetings.record_outcome(
        one.id,
        OutcomeDraft(
            Outcome.ACHIEVED,
            follow_ups=(FollowUpDraft("Send the notes", Owner.ME, FIXED_NOW.date()),),
        ),
    )
    return ada.id, store.meetings.follow_ups_for(one.id)[0].id


def test_follow_up_done_is_reopened_and_its_touch_removed(store: Store, db_path: Path) -> None:
    ada, follow_up_id = follow_up(store)
    touches = len(store.interactions(ada))
    done = store.meetings.complete_follow_up(follow_up_id)
    assert len(store.interactions(ada)) == touches + 1
    action = undo.follow_up_done(done.id, done.what, done.contact_name)
    store, action = restart(store, db_path, action)
    apply_undo(store, action)
    assert store.meetings.follow_ups_for(done.one_to_one_id or 0)[0].done_at is None
    assert len(store.interactions(ada)) == touches
    assert "already open again" in refused(store, action)


def matched(store: Store) -> Callable[[], object]:
    ann = store.add_contact(ContactDraft("Ann Wants", level=3))
    bob = store.add_contact(ContactDraft("Bob Has", level=3))
    store.ledger.add_want_have(ann.id, "want", "Needs a commercial property lawyer")
    store.ledger.add_want_have(bob.id, "have", "Solicitor for commercial leases")
    (match,) = store.ledger.suggestions()
    return match  # type: ignore[return-value]


def test_dismissed_suggestion_is_offered_again(store: Store, db_path: Path) -> None:
    match = matched(store)
    made = store.ledger.start_introduction(match, dismissed=True)  # type: ignore[arg-type]
    assert store.ledger.suggestions() == []
    action = undo.suggestion_dismissed(made.id, "Ann Wants ↔ Bob Has")
    store, action = restart(store, db_path, action)
    apply_undo(store, action)
    assert len(store.ledger.suggestions()) == 1
    assert store.ledger.introductions() == []
    assert "already put back" in refused(store, action)


def test_dismissed_introduction_goes_back_to_its_stage(store: Store, db_path: Path) -> None:
    match = matched(store)
    intro = store.ledger.start_introduction(match)  # type: ignore[arg-type]
    store.ledger.move_introduction(intro.id, "dismissed")
    action = undo.introduction_dismissed(intro.id, "Ann Wants ↔ Bob Has", intro.state)
    store, action = restart(store, db_path, action)
    apply_undo(store, action)
    assert store.ledger.get_introduction(intro.id).state == "suggested"
    assert "moved on since" in refused(store, action)


def test_contact_edit_is_undone_field_by_field(store: Store, db_path: Path) -> None:
    ann = store.add_contact(ContactDraft("Ann", company="Navy", tags=("cobol",), level=2))
    opened = ann.to_draft()
    changes = {"name": "Ann Hopper", "company": "Univac", "tags": ()}
    saved, replaced = store.save_contact_changes(
        ann.id, {f: getattr(opened, f) for f in changes}, changes
    )
    assert replaced == {"name": "Ann", "company": "Navy", "tags": ("cobol",)}
    written = {f: getattr(saved.to_draft(), f) for f in replaced}
    action = undo.contact_edited(ann.id, "Ann", replaced, written)
    # Another copy changes a field the edit did not touch: the undo leaves it alone.
    store.save_contact_changes(ann.id, {"title": ""}, {"title": "Rear admiral"})
    store, action = restart(store, db_path, action)
    apply_undo(store, action)
    back = store.get_contact(ann.id)
    assert (back.name, back.company, back.tags) == ("Ann", "Navy", ("cobol",))
    assert back.title == "Rear admiral"


def test_contact_edit_undo_is_refused_once_the_field_changed_again(
    store: Store, db_path: Path
) -> None:
    ann = store.add_contact(ContactDraft("Ann", company="Navy"))
    _saved, replaced = store.save_contact_changes(
        ann.id, {"company": "Navy"}, {"company": "Univac"}
    )
    action = undo.contact_edited(ann.id, "Ann", replaced, {"company": "Univac"})
    store.save_contact_changes(ann.id, {"company": "Univac"}, {"company": "Remington Rand"})
    store, action = restart(store, db_path, action)
    assert "changed again since (company)" in refused(store, action)
    assert store.get_contact(ann.id).company == "Remington Rand"


def test_a_contact_edit_kept_by_an_older_netcoach_still_undoes(store: Store, db_path: Path) -> None:
    ann = store.add_contact(ContactDraft("Ann", company="Navy", tags=("cobol",), level=2))
    store.update_contact(ann.id, ContactDraft("Ann Hopper", company="Univac", level=2))
    before = ann.to_draft()
    fields: dict[str, object] = {}
    for name in ContactDraft.__dataclass_fields__:
        value = getattr(before, name)
        fields[name] = list(value) if isinstance(value, tuple) else value
    action = UndoAction(undo.CONTACT_EDIT, ann.id, "Edited Ann", fields)
    store, action = restart(store, db_path, action)
    apply_undo(store, action)
    back = store.get_contact(ann.id)
    assert (back.name, back.company, back.tags) == ("Ann", "Navy", ("cobol",))


@pytest.mark.parametrize(
    "text",
    [
        "",
        "not json",
        "[]",
        '{"format": 1, "kind": "drop-tables", "target": 1, "label": "x", "before": {}}',
        '{"format": 1, "kind": "archive", "target": "1", "label": "x", "before": {}}',
        '{"format": 1, "kind": "archive", "target": true, "label": "x", "before": {}}',
        '{"format": 2, "kind": "archive", "target": 1, "label": "x", "before": {}}',
        '{"format": 1, "kind": "archive", "target": 1, "label": 5, "before": {}}',
    ],
)
def test_a_damaged_or_foreign_file_is_ignored(tmp_path: Path, text: str) -> None:
    with pytest.raises(UndoFormatError):
        UndoAction.from_json(text)
    path = tmp_path / "netcoach.db.last-change.json"
    path.write_text(text, encoding="utf-8")
    assert LastChangeFile(path).load() is None


def test_saving_nothing_removes_the_file(tmp_path: Path) -> None:
    kept = LastChangeFile(tmp_path / "netcoach.db.last-change.json")
    kept.save(lambda: undo.archive(1, "Ann", True))
    assert kept.path.exists()
    kept.save(lambda: None)
    assert not kept.path.exists() and kept.load() is None
    kept.save(lambda: None)  # removing what is not there is fine
