"""Every screen and dialog on the demo data, drawn at 80x24 and 120x40 and kept as SVG files.

Each test reaches its screen with the keys a person would press, checks that it got there,
and compares the terminal with ``__snapshots__/test_snapshots/<test>[<size>].svg``. After
a change to what a screen shows, regenerate the pictures and look at them before committing:

    python -m pytest tests/snapshots --snapshot-update
"""

from __future__ import annotations

from datetime import datetime, timedelta

from tests.conftest import FIXED_NOW
from tests.snapshots.conftest import stop_blinking, wait_until_still

# Typing waits this long for the screens that recount after a pause in typing (the pitch).
TYPING_PAUSE = 0.4

# The morning of the breakfast the demo pitch is marked for (the day after FIXED_NOW).
EVENT_MORNING = datetime(2026, 11, 24, 6, 30)
assert EVENT_MORNING.date() == FIXED_NOW.date() + timedelta(days=1)


async def press(pilot, *keys: str) -> None:
    """Press each key in turn, letting the app finish its work after each one."""
    for key in keys:
        stop_blinking(pilot.app)
        await pilot.press(key)
        await wait_until_still(pilot)


async def type_text(pilot, text: str) -> None:
    stop_blinking(pilot.app)
    await pilot.press(*text)
    await pilot.pause(TYPING_PAUSE)
    await wait_until_still(pilot)


async def highlight_row(pilot, table_id: str, shown: str) -> None:
    """Move down the table with the arrow keys to the first row showing ``shown``."""
    from textual.widgets import DataTable

    table = pilot.app.screen.query_one(table_id, DataTable)
    table.focus()
    rows = [" ".join(str(cell) for cell in table.get_row_at(i)) for i in range(table.row_count)]
    index = next(i for i, row in enumerate(rows) if shown in row)
    await press(pilot, *["down"] * (index - table.cursor_row))


# ---- Today, help and the command palette ---------------------------------------------------


def test_today(shoot):
    assert shoot()


def test_today_still_at_identify(shoot):
    """Today's card of people met a month ago and still at Identify, with its keys."""

    async def steps(pilot):
        pilot.app.screen.query_one("#today-identify-table").focus()
        await wait_until_still(pilot)

    assert shoot(steps)


def test_today_read_only(shoot):
    """A database that may not be written: the header says so on every screen."""
    assert shoot(read_only=True)


def test_help(shoot):
    async def steps(pilot):
        await press(pilot, "question_mark")

    assert shoot(steps, "HelpScreen")


def test_command_palette(shoot):
    """Searching for the screens: with no search yet, Textual's own commands and netcoach's
    arrive in either order."""

    async def steps(pilot):
        from textual.command import CommandList

        await press(pilot, "ctrl+p")
        await type_text(pilot, "go:")
        # The search runs in the background: on a busy machine its matches arrive over
        # several frames. Wait until the list has held the same matches for a while.
        matches = pilot.app.screen.query_one(CommandList)
        seen, steady = -1, 0
        while steady < 5:
            await pilot.pause(0.05)
            steady = steady + 1 if matches.option_count == seen and seen > 0 else 0
            seen = matches.option_count
        await wait_until_still(pilot)

    assert shoot(steps, "NetcoachPalette")


# ---- Contacts ---------------------------------------------------------------------------------


def test_contacts(shoot):
    async def steps(pilot):
        await press(pilot, "c")

    assert shoot(steps, "ContactsScreen")


def test_contact_detail(shoot):
    async def steps(pilot):
        await press(pilot, "c", "enter")

    assert shoot(steps, "ContactDetailScreen")


def test_contact_form_new(shoot):
    async def steps(pilot):
        await press(pilot, "c", "n")

    assert shoot(steps, "ContactFormScreen")


def test_contact_form_edit(shoot):
    async def steps(pilot):
        await press(pilot, "c", "e")

    assert shoot(steps, "ContactFormScreen")


def test_edit_clash(shoot):
    """Another netcoach changed the company while this copy had the contact open."""

    async def steps(pilot):
        import sqlite3

        await press(pilot, "c", "e")
        form = pilot.app.screen
        with sqlite3.connect(pilot.app.database_path) as other_copy:
            other_copy.execute(
                "UPDATE contact SET company = 'Keystone Law LLP' WHERE id = ?",
                (form.contact_id,),
            )
        await press(pilot, "tab")
        await type_text(pilot, "Keystone Partners")
        await press(pilot, "ctrl+s")

    assert shoot(steps, "ClashModal")


def test_contact_form_not_saved(shoot):
    """A save on a full disk: the form stays open, says why and keeps what was typed."""

    async def steps(pilot):
        import pytest

        from tests.failing import disk_full_on_commit

        await press(pilot, "c", "e", "tab")
        await type_text(pilot, "Keystone Partners")
        with pytest.MonkeyPatch.context() as patch:
            disk_full_on_commit(patch)
            await press(pilot, "ctrl+s")

    assert shoot(steps, "ContactFormScreen")


def test_level_reason(shoot):
    async def steps(pilot):
        await press(pilot, "c", "plus")

    assert shoot(steps, "LevelReasonModal")


def test_log_touch(shoot):
    async def steps(pilot):
        await press(pilot, "c", "i")

    assert shoot(steps, "InteractionModal")


def test_advisors(shoot):
    async def steps(pilot):
        await press(pilot, "c", "a")

    assert shoot(steps, "AdvisorsScreen")


def test_settings(shoot):
    async def steps(pilot):
        await press(pilot, "c", "S")

    assert shoot(steps, "SettingsScreen")


def test_settings_profile_typed(shoot):
    """About you typed with Tabs, the trade offered in full as it is typed."""

    async def steps(pilot):
        await press(pilot, "c", "S")
        await type_text(pilot, "Sam Rivers")
        await press(pilot, "tab")
        await type_text(pilot, "Rivers Print")
        await press(pilot, "tab")
        await type_text(pilot, "Pri")

    assert shoot(steps, "SettingsScreen")


def test_import_previewed(shoot):
    """The bundled sample export filled in (demo mode) and previewed."""

    async def steps(pilot):
        await press(pilot, "c", "I", "ctrl+r")

    assert shoot(steps, "ImportScreen")


def test_export(shoot):
    async def steps(pilot):
        await press(pilot, "ctrl+p")
        await type_text(pilot, "export")
        await press(pilot, "enter")

    assert shoot(steps, "ExportScreen")


# ---- Levels board -------------------------------------------------------------------------------


def test_levels_board(shoot):
    async def steps(pilot):
        await press(pilot, "l")

    assert shoot(steps, "LevelsScreen")


# ---- Pitch ------------------------------------------------------------------------------------


def test_pitch_studio(shoot):
    async def steps(pilot):
        await press(pilot, "p")

    assert shoot(steps, "PitchScreen")


def test_pitch_structure(shoot):
    """The Structure tab on the shorter demo pitch, looking at its ask: the parts the check
    found and missed, the ask's kind and sentence beside it, the sentence selected in the
    editor."""
    from netcoach.widgets.pitch_tabs import PartBox

    async def steps(pilot):
        await press(pilot, "p", "down")  # the Chamber lunch pitch
        for _ in range(10):  # tab along the studio to the first part
            if isinstance(pilot.app.screen.focused, PartBox):
                break
            await press(pilot, "tab")
        assert pilot.app.screen.focused.id == "part-intro"
        await press(pilot, *["down"] * 5)
        assert pilot.app.screen.focused.id == "part-ask"

    assert shoot(steps, "PitchScreen")


def test_pitch_guide(shoot):
    """The guide's step about you, one back from the first part: the demo's own profile."""

    async def steps(pilot):
        await press(pilot, "p", "ctrl+g", "ctrl+b")

    assert shoot(steps, "PitchGuideScreen")


def test_pitch_guide_first_part(shoot):
    """On a pitch that exists, with who you are known, the guide opens on its first part,
    filled in from the script."""

    async def steps(pilot):
        await press(pilot, "p", "ctrl+g")

    assert shoot(steps, "PitchGuideScreen")


def test_pitch_compare_versions(shoot):
    async def steps(pilot):
        await press(pilot, "p", "ctrl+b")

    assert shoot(steps, "VersionDiffScreen")


def test_pitch_confirm_on_event_day(shoot):
    """On the morning of the event the pitch is for, saving a changed script asks first."""
    from textual.widgets import TextArea

    async def steps(pilot):
        await press(pilot, "p")
        pilot.app.screen.query_one("#pitch-editor", TextArea).focus()
        await type_text(pilot, "Hello. ")
        await press(pilot, "ctrl+s")

    assert shoot(steps, "PitchConfirmModal", clock=EVENT_MORNING)


async def rehearse_for(pilot, seconds: float) -> None:
    """Open the rehearsal, start the timer, let ``seconds`` pass, and pause it."""
    await press(pilot, "p", "ctrl+r", "space")
    pilot.app.rehearsal_clock.advance(seconds)
    await press(pilot, "space")


def test_rehearsal(shoot):
    """Paused at 0:47 of 1:00: past three quarters of the time, the amber signal."""

    async def steps(pilot):
        await rehearse_for(pilot, 47)

    assert shoot(steps, "RehearsalScreen")


def test_rehearsal_save(shoot):
    async def steps(pilot):
        await rehearse_for(pilot, 52)
        await press(pilot, "enter")

    assert shoot(steps, "RehearsalSaveModal")


# ---- One-to-ones -------------------------------------------------------------------------------


def test_one_to_ones(shoot):
    async def steps(pilot):
        await press(pilot, "o")

    assert shoot(steps, "MeetingsScreen")


def test_one_to_ones_events(shoot):
    async def steps(pilot):
        await press(pilot, "o", "2")

    assert shoot(steps, "MeetingsScreen")


def test_brief(shoot):
    """The breakfast brief, from b on Today's next-event card: eight people expected."""

    async def steps(pilot):
        pilot.app.screen.query_one("#today-next-event").focus()
        await press(pilot, "b")

    assert shoot(steps, "BriefScreen")


def test_one_to_ones_follow_ups(shoot):
    async def steps(pilot):
        await press(pilot, "o", "3")

    assert shoot(steps, "MeetingsScreen")


def test_one_to_one_form(shoot):
    async def steps(pilot):
        await press(pilot, "o", "n")

    assert shoot(steps, "OneToOneFormScreen")


def test_event_form(shoot):
    async def steps(pilot):
        await press(pilot, "o", "2", "n")

    assert shoot(steps, "EventFormScreen")


def test_follow_through_offer(shoot):
    """Saving an event that has begun offers a follow-up with the people met (all ticked)."""

    async def steps(pilot):
        await press(pilot, "o", "2")
        await highlight_row(pilot, "#events-table", "Oct 2026")
        await press(pilot, "enter")
        # Saved from its first field, so the form behind the dialog is at its top each time.
        pilot.app.screen.query_one("#field-name").focus()
        pilot.app.screen.query_one("#form-body").scroll_home(animate=False)
        await wait_until_still(pilot)
        await press(pilot, "ctrl+s")

    assert shoot(steps, "FollowThroughModal")


async def open_missing_outcome(pilot) -> None:
    """The past one-to-one with no outcome yet (with a contact at Identify), opened."""
    await press(pilot, "o")
    await highlight_row(pilot, "#one-to-ones-table", "no outcome")
    await press(pilot, "enter")


def test_outcome_form(shoot):
    async def steps(pilot):
        await open_missing_outcome(pilot)

    assert shoot(steps, "OutcomeScreen")


def test_engage_offer(shoot):
    """A first one-to-one achieved with someone below Engage offers the level move."""

    async def steps(pilot):
        await open_missing_outcome(pilot)
        await press(pilot, "enter", "ctrl+s")

    assert shoot(steps, "EngageOfferModal")


# ---- Give & get ------------------------------------------------------------------------------


def test_give_get_entries(shoot):
    async def steps(pilot):
        await press(pilot, "g")

    assert shoot(steps, "LedgerScreen")


def test_give_get_balances(shoot):
    async def steps(pilot):
        await press(pilot, "g", "2")

    assert shoot(steps, "LedgerScreen")


def test_give_get_help_back(shoot):
    async def steps(pilot):
        await press(pilot, "g", "3")

    assert shoot(steps, "LedgerScreen")


def test_give_get_wants_haves(shoot):
    async def steps(pilot):
        await press(pilot, "g", "4")

    assert shoot(steps, "LedgerScreen")


def test_give_get_introductions(shoot):
    async def steps(pilot):
        await press(pilot, "g", "5")

    assert shoot(steps, "LedgerScreen")


def test_give_get_goals(shoot):
    async def steps(pilot):
        await press(pilot, "g", "6")

    assert shoot(steps, "LedgerScreen")


def test_ledger_entry(shoot):
    async def steps(pilot):
        await press(pilot, "g", "n")

    assert shoot(steps, "LedgerEntryModal")


def test_goal_form(shoot):
    async def steps(pilot):
        await press(pilot, "g", "6", "n")

    assert shoot(steps, "GoalModal")


def delete_some(store) -> None:
    """Two give-and-get entries and one of my wants, deleted earlier."""
    for entry in store.ledger.list_entries()[0][:2]:
        store.ledger.delete_entry(entry.id)
    mine = [item for item in store.ledger.wants_haves() if item.kind == "want"]
    store.ledger.delete_want_have(mine[0].id)


def test_deleted_items(shoot):
    async def steps(pilot):
        await press(pilot, "g", "D")

    assert shoot(steps, "DeletedItemsModal", prepare=delete_some)


# ---- Review ------------------------------------------------------------------------------------


def test_review(shoot):
    async def steps(pilot):
        await press(pilot, "r")

    assert shoot(steps, "ReviewScreen")


async def review_of(pilot, label: str) -> None:
    """The Review screen on the period ``label``, typed into the period field."""
    from textual.widgets import Input

    await press(pilot, "r")
    field = pilot.app.screen.query_one("#review-period", Input)
    field.value = label
    field.focus()
    await press(pilot, "enter")


async def on_saved_decisions(pilot) -> None:
    """The demo's saved review (2025H2) with its decision list focused."""
    await review_of(pilot, "2025H2")
    pilot.app.screen.query_one("#review-saved-decisions").focus()
    await wait_until_still(pilot)


def test_today_review_due(shoot):
    """The demo's last review was saved a little over six months ago: Today says it is due."""

    async def steps(pilot):
        pilot.app.screen.query_one("#today-review").focus()
        await wait_until_still(pilot)

    assert shoot(steps, "TodayScreen")


def test_review_looking_back(shoot):
    """Opened from Today's card: the half-year after the last review, with last time's
    decisions under the report, each asking what came of it."""

    async def steps(pilot):
        pilot.app.screen.query_one("#today-review").focus()
        await press(pilot, "enter")
        pilot.app.screen.query_one("#came-of-1").focus()
        await wait_until_still(pilot)

    assert shoot(steps, "ReviewScreen")


def test_review_saved_decisions(shoot):
    async def steps(pilot):
        await on_saved_decisions(pilot)

    assert shoot(steps, "ReviewScreen")


def test_review_decision_goal(shoot):
    async def steps(pilot):
        await on_saved_decisions(pilot)
        await press(pilot, "G")

    assert shoot(steps, "DecisionGoalModal")


def test_review_decision_follow_up(shoot):
    async def steps(pilot):
        await on_saved_decisions(pilot)
        await press(pilot, "f")

    assert shoot(steps, "DecisionFollowUpModal")
