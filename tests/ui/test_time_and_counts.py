"""Time and counts as a person sees them: no outcome before a meeting, one rule for what was
held, the review rendered, and counts that agree with their nouns."""

from __future__ import annotations

import re
from datetime import timedelta
from pathlib import Path

from textual.widgets import DataTable, Input, Static

from netcoach.app import create_app
from netcoach.core.goals import GoalDraft
from netcoach.core.meetings import FollowUpDraft, OneToOneDraft, Outcome, OutcomeDraft, Owner
from netcoach.core.models import ContactDraft
from netcoach.core.text import plural
from netcoach.core.when import describe_length
from netcoach.data.demo import generate_demo
from tests.conftest import FIXED_NOW, fixed_clock, screen_text, settle
from tests.ui.test_review import assert_rendered, whole_screen


def make_app(tmp_path: Path):  # type: ignore[no-untyped-def]
    return create_app(tmp_path / "netcoach.db", config_path=tmp_path / "c.json", clock=fixed_clock)


async def test_tomorrows_one_to_one_says_when_its_outcome_can_be_recorded(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    ada = app.store.add_contact(ContactDraft("Ada Lovelace", level=2))
    tomorrow = app.store.meetings.plan_one_to_one(
        OneToOneDraft(ada.id, FIXED_NOW + timedelta(days=1, minutes=30), 60, "Café", "Learn more")
    )
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("o")
        await settle(pilot)
        table = app.screen.query_one("#one-to-ones-table", DataTable)
        table.focus()
        await pilot.press("enter")  # the key that opens the outcome
        await settle(pilot)
        screen = app.screen
        assert type(screen).__name__ == "OutcomeScreen"
        shown = screen_text(app)
        assert (
            "This one-to-one is on Tue 24 Nov at 08:00; its outcome can be recorded from then."
            in shown
        )
        assert "Learn more" in shown  # the plan is still there to read
        assert not screen.query_one("#row-outcome").display
        assert not screen.query_one("#form-save").display
        assert "^s Save" not in shown  # the footer offers no save either
        await pilot.press("ctrl+s")  # nothing to save
        await settle(pilot)
        assert type(app.screen).__name__ == "OutcomeScreen"
        await pilot.press("escape")
        await settle(pilot)
        assert type(app.screen).__name__ == "MeetingsScreen"
    again = app.store.meetings.get_one_to_one(tomorrow.id)
    assert again.outcome is None and again.completed_at is None


async def test_tabs_today_and_review_agree_on_held_one_to_ones_and_hours(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    db = app.store.db
    generate_demo(db, contacts=80, now=FIXED_NOW)
    start = FIXED_NOW.date() - timedelta(days=89)
    with db.connection_context():
        contact = db.execute_sql("SELECT min(id) FROM contact").fetchone()[0]
        # Outcomes written straight into the table for meetings that have not happened.
        for later, minutes in ((timedelta(days=1), 90), (timedelta(hours=2), 30)):
            db.execute_sql(
                "INSERT INTO one_to_one (contact_id, starts_at, duration_minutes, objective, "
                "outcome, completed_at, created_at) VALUES (?, ?, ?, 'Later', 'achieved', ?, ?)",
                (contact, FIXED_NOW + later, minutes, FIXED_NOW, FIXED_NOW),
            )
        # Counted here by hand from the table: outcome recorded, begun by now, in the 90 days.
        held, minutes = db.execute_sql(
            "SELECT count(*), sum(duration_minutes) FROM one_to_one WHERE outcome IS NOT NULL "
            "AND starts_at <= ? AND starts_at >= ?",
            (FIXED_NOW, start),
        ).fetchone()
        event_minutes = db.execute_sql(
            "SELECT sum(duration_minutes) FROM event WHERE starts_at <= ? AND starts_at >= ?",
            (FIXED_NOW, start),
        ).fetchone()[0]
        with_future = db.execute_sql(
            "SELECT count(*) FROM one_to_one WHERE outcome IS NOT NULL AND starts_at >= ?",
            (start,),
        ).fetchone()[0]
    assert held > 1 and with_future == held + 2
    app.store.ledger.add_goal(
        GoalDraft("Forty one-to-ones", "one_to_ones", 40, start, FIXED_NOW.date() + timedelta(10))
    )
    one_to_one_time = describe_length(timedelta(minutes=minutes))
    event_time = describe_length(timedelta(minutes=event_minutes))
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        goals = str(app.screen.query_one(".goals-card-body", Static).content)
        assert f"Forty one-to-ones  {held} of 40" in goals
        today = app.screen.query_one("#today-one-to-ones-table", DataTable)
        later = [today.get_row_at(i) for i in range(today.row_count)]
        assert [str(row[4]) for row in later if str(row[2]) == "Later"] == ["not held yet"]

        await pilot.press("o")
        await settle(pilot)
        headline = str(app.screen.query_one("#one-to-ones-status", Static).content)
        assert f"Last 90 days: {held} one-to-ones held" in headline
        table = app.screen.query_one("#one-to-ones-table", DataTable)
        rows = [table.get_row_at(i) for i in range(table.row_count)]
        assert [str(r[4]) for r in rows if str(r[2]) == "Later"] == ["not held yet"] * 2
        events = str(app.screen.query_one("#events-status", Static).content)
        assert f"({event_time} at events, {one_to_one_time} in one-to-ones)" in events

        await pilot.press("r")
        await settle(pilot)
        period = app.screen.query_one("#review-period", Input)
        period.value = f"{start.isoformat()}..{FIXED_NOW.date().isoformat()}"
        period.focus()
        await pilot.press("enter")
        await settle(pilot)
        report = app.screen.markdown
        assert f"- One-to-ones held: {held}\n" in report
        assert f"({one_to_one_time} at {held} one-to-ones held, {event_time} at " in report
        hours = round((minutes + event_minutes) / 60, 2)
        assert f"- Hours spent: {hours:g} (" in report


async def test_review_is_rendered_at_both_sizes(tmp_path: Path) -> None:
    generate_demo(make_app(tmp_path).store.db, contacts=60, now=FIXED_NOW)
    for size in ((120, 40), (80, 24)):
        app = make_app(tmp_path)
        async with app.run_test(size=size) as pilot:
            await settle(pilot)
            await pilot.press("r")
            await settle(pilot)
            screen = app.screen
            assert "# Review 2026H2" in screen.markdown and "| **all** |" in screen.markdown
            first = screen_text(app)
            assert "Review 2026H2 (2026-07-01 to 2026-12-31)" in first
            bold: set[str] = set()
            shown = await whole_screen(pilot, bold)
            assert_rendered(shown)
            assert {"Review", "2026H2", "all"} <= bold  # the heading and the table's total row
            assert re.search(r"referral\s+\d+\s+\d+", shown)  # a table row, in columns
            for heading in ("Given and received", "Return on time", "Advisors' balance"):
                assert heading in shown
            assert "Hours spent:" in shown
            # The decision fields are still there below the report, reached by scrolling.
            assert "What to change" in shown
            assert screen.query_one("#decision-what", Input)


async def test_counts_of_one_are_singular(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    ada = app.store.add_contact(ContactDraft("Ada Lovelace", level=3))
    pitches = app.store.pitches
    pitch = pitches.create_pitch("Short", script="Hello")
    version = pitches.get_pitch(pitch.id).current
    assert version is not None
    pitches.add_rehearsal(pitch.id, version.id, 2.0, 4)
    one = app.store.meetings.plan_one_to_one(
        OneToOneDraft(ada.id, FIXED_NOW - timedelta(days=1), 60, "", "Learn their market")
    )
    app.store.meetings.record_outcome(
        one.id, OutcomeDraft(Outcome.ACHIEVED, follow_ups=(FollowUpDraft("Call", Owner.ME, None),))
    )
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        card = str(app.screen.query_one("#today-pitch-text", Static).content)
        assert "· 1 word ·" in card and "· 1 rehearsal ·" in card
        assert "1 contact ·" in str(app.screen.query_one("#today-key-contacts", Static).content)
        await pilot.press("o")
        await settle(pilot)
        await pilot.press("3")
        await settle(pilot)
        status = str(app.screen.query_one("#follow-ups-status", Static).content)
        assert status.startswith("1 open follow-up ·")
        headline = str(app.screen.query_one("#one-to-ones-status", Static).content)
        assert "1 one-to-one held" in headline
    assert plural(1, "word") == "1 word"
