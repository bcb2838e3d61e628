"""Review on time: Today says when the review is due, decisions become goals and follow-ups,
and the next review asks what came of last time's decisions."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

from textual.widgets import Input, OptionList, Select, Static

from netcoach.app import create_app
from netcoach.core.ledger import EntryDraft
from netcoach.core.models import ContactDraft
from netcoach.core.review import build_review, parse_period, to_markdown
from netcoach.data.ledger import LedgerRepo
from netcoach.widgets.contact_picker import ContactPicker
from tests.conftest import fixed_clock, screen_text, settle
from tests.ui.test_review import whole_screen


def with_entries(tmp_path: Path):  # type: ignore[no-untyped-def]
    """An app at the fixed clock (23 Nov 2026) with Ann Lee and a year of one entry."""
    app = create_app(tmp_path / "netcoach.db", clock=fixed_clock)
    ann = app.store.add_contact(ContactDraft(name="Ann Lee", level=4)).id
    app.store.ledger.add_entry(EntryDraft(ann, "given", "support", date(2026, 3, 2)))
    app.store.ledger.add_entry(EntryDraft(ann, "received", "advice", date(2026, 8, 3)))
    return app, ann


def save_review_on(app, day: datetime, label: str, decisions: list[dict[str, str]]):  # type: ignore[no-untyped-def]
    ledger = LedgerRepo(app.store.db, clock=lambda: day)
    return ledger.save_review(parse_period(label), {"given": 1}, decisions)


async def test_today_says_the_review_is_due_and_enter_opens_it(tmp_path: Path) -> None:
    app, _ann = with_entries(tmp_path)
    save_review_on(app, datetime(2026, 5, 12, 18), "2025H2", [{"what": "More coffee"}])
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        card = app.screen.query_one("#today-review")
        assert card.display
        text = str(card.query_one("#today-review-text", Static).content)
        assert "Half-yearly review due (last one 12 May)" in text
        assert "enter opens the review of 2026H1" in text
        # The card sits just before the goals card.
        ids = [child.id for child in app.screen.query_one("#today-body").children]
        assert ids.index("today-review") == ids.index("today-goals") - 1
        card.focus()
        await pilot.press("enter")
        await settle(pilot)
        screen = app.screen
        assert type(screen).__name__ == "ReviewScreen"
        assert screen.query_one("#review-period", Input).value == "2026H1"
        assert "# Review 2026H1" in screen.markdown
        # Last time's decisions are there to look back on.
        assert "1. What to change: More coffee" in await whole_screen(pilot)


async def test_the_review_card_counts_down_then_hides(tmp_path: Path) -> None:
    app, _ann = with_entries(tmp_path)
    # Saved 2 June: due 2 December, nine days after the fixed clock's 23 November.
    save_review_on(app, datetime(2026, 6, 2, 9), "2025H2", [{"what": "More coffee"}])
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        text = str(app.screen.query_one("#today-review-text", Static).content)
        assert "Half-yearly review due in 9 days, on 2 December (last one 2 June)" in text
        # A review saved today: the next is six months away, so the card hides.
        app.store.ledger.save_review(parse_period("2026H1"), {}, [{"what": "x"}])
        await pilot.press("f5")
        await settle(pilot)
        assert not app.screen.query_one("#today-review").display
        assert "Half-yearly review" not in screen_text(app)


async def test_a_first_review_is_offered_only_once_there_is_something_to_review(
    tmp_path: Path,
) -> None:
    app = create_app(tmp_path / "netcoach.db", clock=fixed_clock)
    ann = app.store.add_contact(ContactDraft(name="Ann", level=3)).id
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert not app.screen.query_one("#today-review").display  # no give & get yet
        app.store.ledger.add_entry(EntryDraft(ann, "given", "advice", date(2026, 11, 20)))
        await pilot.press("f5")
        await settle(pilot)
        assert not app.screen.query_one("#today-review").display  # 3 days of it
        app.store.ledger.add_entry(EntryDraft(ann, "given", "advice", date(2026, 10, 1)))
        await pilot.press("f5")
        await settle(pilot)
        card = app.screen.query_one("#today-review")
        assert card.display
        text = str(card.query_one("#today-review-text", Static).content)
        assert "Your first review: see what your networking gave and got" in text
        assert "the review of 2026H2" in text


async def open_saved_decisions(pilot, label: str) -> OptionList:  # type: ignore[no-untyped-def]
    await pilot.press("r")
    await settle(pilot)
    screen = pilot.app.screen
    period = screen.query_one("#review-period", Input)
    period.value = label
    period.focus()
    await pilot.press("enter")
    await settle(pilot)
    listed = screen.query_one("#review-saved-decisions", OptionList)
    listed.focus()
    await settle(pilot)
    return listed


async def test_a_saved_decision_becomes_a_goal_with_one_key(tmp_path: Path) -> None:
    app, _ann = with_entries(tmp_path)
    saved = app.store.ledger.save_review(
        parse_period("2026H2"),
        {},
        [
            {"what": "Three introductions for architects", "when": "2027-01-31"},
            {"what": "Coffee with Ann", "with_whom": "Ann Lee"},
        ],
    )
    async with app.run_test(size=(120, 40)) as pilot:
        listed = await open_saved_decisions(pilot, "2026H2")
        assert listed.highlighted == 0
        assert "G Make a goal" in screen_text(app) and "f Make a follow-up" in screen_text(app)
        await pilot.press("G")
        await settle(pilot)
        modal = app.screen
        assert type(modal).__name__ == "DecisionGoalModal"
        assert modal.query_one("#goal-title", Input).value == "Three introductions for architects"
        assert modal.query_one("#goal-deadline", Input).value == "2027-01-31"
        modal.query_one("#goal-target", Input).value = "3"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert type(app.screen).__name__ == "ReviewScreen"
        (goal,) = app.store.ledger.goals()
        assert goal.title == "Three introductions for architects"
        assert goal.deadline == date(2027, 1, 31) and goal.target == 3
        again = app.store.ledger.saved_review_of(saved_period := parse_period("2026H2"))
        assert again is not None and again.id == saved.id
        assert again.decisions[0]["became"] == f"goal {goal.id}"
        listed = app.screen.query_one("#review-saved-decisions", OptionList)
        assert str(listed.get_option_at_index(0).prompt).endswith("→ goal")
        # Not offered twice: the key is greyed and does nothing.
        listed.focus()
        listed.highlighted = 0
        await settle(pilot)
        await pilot.press("G")
        await settle(pilot)
        assert type(app.screen).__name__ == "ReviewScreen"
        assert len(app.store.ledger.goals()) == 1
        # The Markdown of the review says what the decision became.
        text = to_markdown(
            build_review(app.store.ledger.review_input(saved_period)), None, again.decisions
        )
        assert "(became goal " in text


async def test_a_decision_naming_a_contact_becomes_their_follow_up(tmp_path: Path) -> None:
    app, ann = with_entries(tmp_path)
    app.store.ledger.save_review(
        parse_period("2026H2"),
        {},
        [
            {"what": "Plan the spring", "with_whom": "The board"},
            {"what": "Coffee with Ann", "with_whom": "ann lee", "when": "2026-12-04"},
        ],
    )
    async with app.run_test(size=(120, 40)) as pilot:
        listed = await open_saved_decisions(pilot, "2026H2")
        listed.highlighted = 1
        await settle(pilot)
        await pilot.press("f")
        await settle(pilot)
        modal = app.screen
        assert type(modal).__name__ == "DecisionFollowUpModal"
        assert modal.query_one(ContactPicker).contact_id == ann
        assert modal.query_one("#follow-up-what", Input).value == "Coffee with Ann"
        assert modal.query_one("#follow-up-due_on", Input).value == "2026-12-04"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert type(app.screen).__name__ == "ReviewScreen"
        (follow_up,) = app.store.meetings.list_follow_ups().rows
        assert follow_up.contact_id == ann and follow_up.what == "Coffee with Ann"
        assert follow_up.due_on == date(2026, 12, 4)
        saved = app.store.ledger.saved_review_of(parse_period("2026H2"))
        assert saved is not None
        assert saved.decisions[1]["became"] == f"follow-up {follow_up.id}"
        assert "became" not in saved.decisions[0]

        # A "with whom" that names no contact: the picker asks, and nothing is saved
        # until someone is picked.
        listed = app.screen.query_one("#review-saved-decisions", OptionList)
        listed.focus()
        listed.highlighted = 0
        await settle(pilot)
        await pilot.press("f")
        await settle(pilot)
        modal = app.screen
        picker = modal.query_one(ContactPicker)
        assert picker.contact_id is None and picker.text == "The board"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert type(app.screen).__name__ == "DecisionFollowUpModal"
        error = str(modal.query_one("#follow-up-error-contact", Static).content)
        assert "No contact matches" in error
        assert len(app.store.meetings.list_follow_ups().rows) == 1
        picker.input.value = "Ann"
        await settle(pilot)
        picker.input.focus()
        await pilot.press("enter")  # picks the first match
        await settle(pilot)
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert type(app.screen).__name__ == "ReviewScreen"
        rows = app.store.meetings.list_follow_ups().rows
        assert sorted(r.what for r in rows) == ["Coffee with Ann", "Plan the spring"]
        assert {r.due_on for r in rows} == {date(2026, 12, 4), None}


async def test_the_next_review_asks_what_came_of_last_times_decisions(tmp_path: Path) -> None:
    app, _ann = with_entries(tmp_path)
    save_review_on(
        app,
        datetime(2026, 7, 3, 9),
        "2026H1",
        [{"what": "Two referrals for Ann", "with_whom": "Ann Lee"}, {"what": "Join [/b] club"}],
    )
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("r")
        await settle(pilot)
        screen = app.screen
        assert screen.query_one("#review-period", Input).value == "2026H2"
        shown = await whole_screen(pilot)
        assert "Last time's decisions (2026H1): what came of each?" in shown
        assert "2. What to change: Join [/b] club" in shown  # typed text, not markup
        screen.query_one("#came-of-1", Input).value = "One given in March"
        screen.query_one("#outcome-1", Select).value = "partly"
        screen.query_one("#decision-what", Input).value = "Ask Ann for an introduction"
        screen.query_one("#decision-what", Input).focus()
        await pilot.press("ctrl+s")
        await settle(pilot)
        saved = app.store.ledger.saved_review_of(parse_period("2026H2"))
        assert saved is not None
        assert saved.decisions == [
            {"what": "Ask Ann for an introduction", "how": "", "with_whom": "", "where": "",
             "when": ""},
            {"looked_back": "Two referrals for Ann", "from": "2026H1", "outcome": "partly",
             "came_of_it": "One given in March"},
        ]  # fmt: skip
        # The saved review shows it, and the fields keep what was typed.
        looked = str(screen.query_one("#review-saved-look-back", Static).content)
        assert "1. Two referrals for Ann — partly: One given in March" in looked
        assert screen.query_one("#came-of-1", Input).value == "One given in March"
        listed = screen.query_one("#review-saved-decisions", OptionList)
        assert listed.option_count == 1  # the look-back is not a decision to act on
        text = to_markdown(
            build_review(app.store.ledger.review_input(parse_period("2026H2"))),
            None,
            saved.decisions,
        )
        assert "## What came of last time's decisions (2026H1)" in text
        assert "1. Two referrals for Ann — partly: One given in March" in text
        assert "2. Join" not in text  # nothing said about it, so nothing saved

        # Opened again later, the fields show what was saved.
        await pilot.press("t")
        await settle(pilot)
        await pilot.press("r")
        await settle(pilot)
        assert screen.query_one("#came-of-1", Input).value == "One given in March"
        assert screen.query_one("#outcome-1", Select).value == "partly"


async def test_quitting_with_a_review_half_written_asks_and_saves_it(tmp_path: Path) -> None:
    from tests.ui.test_drafts import asked

    app, _ann = with_entries(tmp_path)
    save_review_on(app, datetime(2026, 7, 3, 9), "2026H1", [{"what": "Two referrals for Ann"}])
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("r")
        await settle(pilot)
        screen = app.screen
        screen.query_one("#came-of-1", Input).value = "Both given"
        await pilot.press("ctrl+q")
        question = await asked(pilot)
        assert "The review has changes" in str(question.query_one("#leave-question").content)
        await pilot.press("ctrl+s")  # save: it needs a decision first, so netcoach stays
        await settle(pilot)
        assert app.is_running and app.screen is screen
        assert "at least one decision" in str(screen.query_one("#decision-error", Static).content)
        assert app.store.ledger.saved_review_of(parse_period("2026H2")) is None
        screen.query_one("#decision-what", Input).value = "Ask Ann for an introduction"
        await pilot.press("ctrl+q")
        await asked(pilot)
        await pilot.press("ctrl+s")
        for _ in range(100):
            if not app.is_running:
                break
            await pilot.pause(0.05)
        assert not app.is_running
    saved = app.store.ledger.saved_review_of(parse_period("2026H2"))
    assert saved is not None
    assert [d.get("what") or d.get("came_of_it") for d in saved.decisions] == [
        "Ask Ann for an introduction",
        "Both given",
    ]
