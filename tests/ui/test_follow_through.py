"""Follow-through after an event: the offer on save, and Today's Identify decision."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from pathlib import Path

from textual.widgets import DataTable, Input, SelectionList, Static

from netcoach.app import create_app
from netcoach.core.meetings import EventDraft
from netcoach.core.models import ContactDraft
from netcoach.data.tables import FollowUpRecord, LevelChangeRecord
from netcoach.widgets.undo_note import UndoNote
from tests.conftest import FIXED_NOW, fixed_clock, screen_text, settle

HOSTILE = "[@click=app.quit]x[/]"


def make_app(tmp_path: Path):
    return create_app(tmp_path / "netcoach.db", config_path=tmp_path / "c.json", clock=fixed_clock)


def note_text(app) -> str:
    found = app.screen.query(UndoNote)
    return found.first().text if found else ""


def event_follow_ups(app, event_id: int) -> list[tuple[int, str, date | None]]:
    with app.store.db.connection_context():
        return [
            (r.contact_id, r.what, r.due_on)
            for r in FollowUpRecord.select()
            .where(FollowUpRecord.event == event_id)
            .order_by(FollowUpRecord.id)
        ]


def add_breakfast(app, names: list[str], starts: datetime | None = None):
    ids = [app.store.add_contact(ContactDraft(name)).id for name in names]
    starts = starts or FIXED_NOW.replace(hour=7, minute=0) - timedelta(days=1)  # Sun 22 Nov
    event = app.store.meetings.add_event(
        EventDraft("Thursday breakfast club", "breakfast", starts, 90, people=tuple(ids))
    )
    return event, ids


async def open_form(pilot, event_id: int) -> None:
    from netcoach.screens.event_form import EventFormScreen

    await settle(pilot)
    pilot.app.push_screen(EventFormScreen(pilot.app.store, event_id))
    await settle(pilot)


async def save_form(pilot) -> None:
    pilot.app.screen.query_one("#field-place", Input).value = "The Grand Hotel"
    await pilot.press("ctrl+s")
    await settle(pilot)


# ---- the offer on save ------------------------------------------------------------------------


async def test_saving_an_event_offers_follow_ups_and_adds_them(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    event, ids = add_breakfast(app, ["Ada Lovelace", "Bob Byrne", "Cy Chen"])
    async with app.run_test(size=(120, 40)) as pilot:
        await open_form(pilot, event.id)
        await save_form(pilot)
        assert type(app.screen).__name__ == "FollowThroughModal"
        shown = screen_text(app)
        # The event was on Sunday 22 November: due two days after, Tuesday 24 November.
        assert "Follow up with the 3 people you met? Due Tuesday 24 November" in shown
        for name in ("Ada Lovelace", "Bob Byrne", "Cy Chen"):
            assert name in shown
        what = app.screen.query_one("#follow-through-what", Input)
        assert what.value == "Follow up after Thursday breakfast club"
        assert "24 Nov" in app.screen.query_one("#follow-through-due", Input).value
        assert event_follow_ups(app, event.id) == []  # nothing written while it asks
        await pilot.press("enter")
        await settle(pilot)
        assert type(app.screen).__name__ == "TodayScreen"
        assert note_text(app) == (
            "Added 3 follow-ups after Thursday breakfast club, due Tue 24 Nov · ctrl+z undo"
        )
    due = date(2026, 11, 24)
    what = "Follow up after Thursday breakfast club"
    assert event_follow_ups(app, event.id) == [(i, what, due) for i in ids]
    follow_ups = app.store.meetings.list_follow_ups().rows
    assert all(f.owner.value == "me" and f.event_id == event.id for f in follow_ups)


async def test_one_person_left_out_and_the_what_and_due_edited(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    event, ids = add_breakfast(app, ["Ada Lovelace", "Bob Byrne", "Cy Chen"])
    async with app.run_test(size=(120, 40)) as pilot:
        await open_form(pilot, event.id)
        await save_form(pilot)
        people = app.screen.query_one(SelectionList)
        assert people.has_focus and people.highlighted == 0
        await pilot.press("down", "space")  # Bob is left out
        await settle(pilot)
        assert "Follow up with the 2 people you met?" in screen_text(app)
        what = app.screen.query_one("#follow-through-what", Input)
        what.value = f"Send the slides {HOSTILE}"
        due = app.screen.query_one("#follow-through-due", Input)
        due.value = "wed"
        await settle(pilot)
        assert "Due Wednesday 25 November" in screen_text(app)
        due.focus()
        await pilot.press("enter")
        await settle(pilot)
    wed = date(2026, 11, 25)
    assert event_follow_ups(app, event.id) == [
        (ids[0], f"Send the slides {HOSTILE}", wed),
        (ids[2], f"Send the slides {HOSTILE}", wed),
    ]


async def test_not_now_writes_nothing_and_the_event_is_saved(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    event, _ids = add_breakfast(app, ["Ada Lovelace", "Bob Byrne"])
    async with app.run_test(size=(120, 40)) as pilot:
        await open_form(pilot, event.id)
        await save_form(pilot)
        assert type(app.screen).__name__ == "FollowThroughModal"
        await pilot.press("escape")
        await settle(pilot)
        assert type(app.screen).__name__ == "TodayScreen"
        assert note_text(app) == ""
    assert event_follow_ups(app, event.id) == []
    assert app.store.meetings.get_event(event.id).place == "The Grand Hotel"


async def test_bad_answers_are_said_and_nothing_is_written(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    event, _ids = add_breakfast(app, [f"Ada {HOSTILE}"])
    async with app.run_test(size=(80, 24)) as pilot:
        await open_form(pilot, event.id)
        await save_form(pilot)
        modal = app.screen
        assert "Follow up with the person you met?" in screen_text(app)
        assert f"Ada {HOSTILE} · Identify" in screen_text(app)  # shown as typed, not markup
        error = modal.query_one("#follow-through-error", Static)
        modal.query_one("#follow-through-due", Input).value = "the 45th"
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        assert app.screen is modal and str(error.content)
        modal.query_one("#follow-through-due", Input).value = "tomorrow"
        modal.query_one("#follow-through-what", Input).value = "   "
        await pilot.press("enter")
        await settle(pilot)
        assert app.screen is modal and "Say what needs doing" in str(error.content)
        modal.query_one("#follow-through-what", Input).value = "Call"
        modal.query_one(SelectionList).focus()
        await pilot.press("space")  # nobody ticked
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        assert app.screen is modal and "Tick at least one person" in str(error.content)
        await pilot.press("escape")
        await settle(pilot)
    assert event_follow_ups(app, event.id) == []


async def test_saving_again_offers_only_the_people_without_one(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    event, ids = add_breakfast(app, ["Ada Lovelace", "Bob Byrne"])
    async with app.run_test(size=(120, 40)) as pilot:
        await open_form(pilot, event.id)
        await save_form(pilot)
        await pilot.press("down", "space", "enter")  # Ada only
        await settle(pilot)
        assert [f[0] for f in event_follow_ups(app, event.id)] == [ids[0]]
        await open_form(pilot, event.id)
        await save_form(pilot)
        assert type(app.screen).__name__ == "FollowThroughModal"
        shown = screen_text(app)
        assert "Follow up with the person you met?" in shown
        offered = app.screen.query_one(SelectionList)
        assert [
            str(offered.get_option_at_index(i).prompt) for i in range(offered.option_count)
        ] == ["Bob Byrne · Identify"]
        await pilot.press("enter")
        await settle(pilot)
        assert [f[0] for f in event_follow_ups(app, event.id)] == ids
        await open_form(pilot, event.id)
        await save_form(pilot)
        # Everyone has one now: the form closes as it always did.
        assert type(app.screen).__name__ == "TodayScreen"
    assert len(event_follow_ups(app, event.id)) == 2


async def test_an_event_still_to_come_offers_nothing(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    event, _ids = add_breakfast(app, ["Ada Lovelace"], starts=FIXED_NOW + timedelta(days=1))
    async with app.run_test(size=(120, 40)) as pilot:
        await open_form(pilot, event.id)
        await save_form(pilot)
        assert type(app.screen).__name__ == "TodayScreen"
    assert event_follow_ups(app, event.id) == []


async def test_ctrl_z_takes_the_follow_ups_away(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    event, _ids = add_breakfast(app, ["Ada Lovelace", "Bob Byrne"])
    async with app.run_test(size=(120, 40)) as pilot:
        await open_form(pilot, event.id)
        await save_form(pilot)
        await pilot.press("enter")
        await settle(pilot)
        assert len(event_follow_ups(app, event.id)) == 2
        await pilot.press("ctrl+z")
        await settle(pilot)
        assert event_follow_ups(app, event.id) == []
        assert note_text(app).startswith("Undone: Added 2 follow-ups")
        await pilot.press("ctrl+z")
        await settle(pilot)
    assert event_follow_ups(app, event.id) == []
    assert app.store.meetings.get_event(event.id).place == "The Grand Hotel"


async def test_undo_is_refused_once_one_of_them_is_done(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    event, _ids = add_breakfast(app, ["Ada Lovelace", "Bob Byrne"])
    async with app.run_test(size=(120, 40)) as pilot:
        await open_form(pilot, event.id)
        await save_form(pilot)
        await pilot.press("enter")
        await settle(pilot)
        first = app.store.meetings.list_follow_ups().rows[0]
        app.store.meetings.complete_follow_up(first.id)
        await pilot.press("ctrl+z")
        await settle(pilot)
        assert "marked done since" in note_text(app)
    assert len(event_follow_ups(app, event.id)) == 2


# ---- Today's Identify decision ----------------------------------------------------------------


def identify_people(app) -> list[tuple[int, str]]:
    """Contacts the rule lists, straight from the tables: active, at level 1 since 30 days
    or more, and first met in person 30 days ago or more."""
    cutoff = str(FIXED_NOW - timedelta(days=30))
    now = str(FIXED_NOW)
    with app.store.db.connection_context():
        rows = app.store.db.execute_sql(
            "SELECT c.id, c.name, max(coalesce((SELECT max(changed_at) FROM level_change l "
            "WHERE l.contact_id = c.id), c.created_at), min("
            "coalesce((SELECT min(happened_at) FROM interaction i WHERE i.contact_id = c.id "
            "AND kind IN ('coffee', 'meeting', 'event')), '9999'),"
            "coalesce((SELECT min(e.starts_at) FROM event_person p JOIN event e "
            "ON e.id = p.event_id WHERE p.contact_id = c.id AND e.starts_at <= ?), '9999'),"
            "coalesce((SELECT min(starts_at) FROM one_to_one o WHERE o.contact_id = c.id "
            "AND o.outcome IS NOT NULL AND o.starts_at <= ?), '9999'))) AS waiting "
            "FROM contact c WHERE c.archived_at IS NULL AND c.level = 1 "
            "AND waiting <= ? ORDER BY waiting, c.id",
            [now, now, cutoff],
        ).fetchall()
    return [(row[0], row[1]) for row in rows]


def met_long_ago(app, name: str, days: int = 40) -> int:
    contact = app.store.add_contact(ContactDraft(name))
    moment = FIXED_NOW - timedelta(days=days)
    with app.store.db.connection_context():
        app.store.db.execute_sql(
            "UPDATE contact SET created_at = ? WHERE id = ?", [moment, contact.id]
        )
        app.store.db.execute_sql(
            "UPDATE level_change SET changed_at = ? WHERE contact_id = ?", [moment, contact.id]
        )
    app.store.log_interaction(contact.id, "coffee", "", when=moment)
    return contact.id


async def focus_identify(pilot) -> DataTable:
    await settle(pilot)
    table = pilot.app.screen.query_one("#today-identify-table", DataTable)
    table.focus()
    await settle(pilot)
    return table


async def test_today_lists_who_is_still_at_identify_a_month_after_meeting(
    tmp_path: Path,
) -> None:
    from netcoach.data.demo import generate_demo

    app = make_app(tmp_path)
    generate_demo(app.store.db, contacts=60, now=FIXED_NOW)
    expected = identify_people(app)
    assert len(expected) >= 3
    async with app.run_test(size=(120, 40)) as pilot:
        table = await focus_identify(pilot)
        card = app.screen.query_one("#today-identify-box")
        assert card.display
        shown = [str(table.get_row_at(i)[0]) for i in range(table.row_count)]
        assert shown == [name for _id, name in expected[:5]]
        text = screen_text(app)
        assert "Met a month ago, still at Identify: move to Connect, or let go" in text
        if len(expected) > 5:
            assert f"and {len(expected) - 5} more" in text
        footer = str(app.screen.active_bindings)
        assert "today.identify-connect" in footer or "connect" in footer


async def test_plus_moves_the_highlighted_one_to_connect_and_ctrl_z_puts_them_back(
    tmp_path: Path,
) -> None:
    app = make_app(tmp_path)
    ada = met_long_ago(app, "Ada Lovelace", days=50)
    met_long_ago(app, "Bob Byrne", days=40)
    async with app.run_test(size=(80, 24)) as pilot:
        table = await focus_identify(pilot)
        assert str(table.get_row_at(0)[0]) == "Ada Lovelace"  # oldest first
        keys = {b.binding.key for b in app.screen.active_bindings.values() if b.binding.show}
        assert {"plus", "x"} <= keys
        await pilot.press("plus")
        await settle(pilot)
        assert type(app.screen).__name__ == "ConnectReasonModal"
        reason = app.screen.query_one("#level-reason", Input)
        assert reason.value == "Followed up after meeting"
        await pilot.press("enter")
        await settle(pilot)
        assert app.store.get_contact(ada).level == 2
        with app.store.db.connection_context():
            last = (
                LevelChangeRecord.select()
                .where(LevelChangeRecord.contact == ada)
                .order_by(LevelChangeRecord.id.desc())
                .first()
            )
        assert (last.from_level, last.to_level, last.reason) == (
            1,
            2,
            "Followed up after meeting",
        )
        assert "Moved Ada Lovelace up: 1 Identify → 2 Connect" in note_text(app)
        table = app.screen.query_one("#today-identify-table", DataTable)
        assert [str(table.get_row_at(i)[0]) for i in range(table.row_count)] == ["Bob Byrne"]
        await pilot.press("ctrl+z")
        await settle(pilot)
        assert app.store.get_contact(ada).level == 1
        assert table.row_count == 2


async def test_escape_in_the_reason_moves_nobody(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    ada = met_long_ago(app, "Ada Lovelace")
    async with app.run_test(size=(80, 24)) as pilot:
        await focus_identify(pilot)
        await pilot.press("plus")
        await settle(pilot)
        await pilot.press("escape")
        await settle(pilot)
    assert app.store.get_contact(ada).level == 1


async def test_x_lets_go_and_ctrl_z_brings_back(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    ada = met_long_ago(app, "Ada Lovelace")
    async with app.run_test(size=(120, 40)) as pilot:
        await focus_identify(pilot)
        await pilot.press("x")
        await settle(pilot)
        assert app.store.get_contact(ada).archived
        assert note_text(app) == "Archived Ada Lovelace · ctrl+z undo"
        assert not app.screen.query_one("#today-identify-box").display
        await pilot.press("ctrl+z")
        await settle(pilot)
        assert not app.store.get_contact(ada).archived
        assert app.screen.query_one("#today-identify-box").display


async def test_enter_opens_the_contact(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    met_long_ago(app, "Ada Lovelace", days=60)
    met_long_ago(app, f"Bo {HOSTILE}")
    async with app.run_test(size=(120, 40)) as pilot:
        await focus_identify(pilot)
        assert f"Bo {HOSTILE}" in screen_text(app)  # shown as typed, not as markup
        await pilot.press("enter")
        await settle(pilot)
        assert type(app.screen).__name__ == "ContactDetailScreen"
        assert "Ada Lovelace" in screen_text(app)
