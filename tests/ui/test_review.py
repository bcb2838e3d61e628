"""The Review screen: a report for a period, a bad period, and saving decisions."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from textual.widgets import Input, OptionList, Sparkline, Static

from netcoach.app import create_app
from netcoach.core.ledger import EntryDraft, Money
from netcoach.core.models import ContactDraft
from tests.conftest import fixed_clock, screen_text, settle


def bold_text(app: object) -> set[str]:
    """The words drawn in bold on the screen now."""
    strips = app.screen._compositor.render_strips()  # type: ignore[attr-defined]
    return {
        word
        for strip in strips
        for segment in strip
        if segment.style is not None and segment.style.bold
        for word in segment.text.split()
    }


async def whole_screen(pilot, bold: set[str] | None = None) -> str:  # type: ignore[no-untyped-def]
    """Every line of the Review screen, scrolled through from top to bottom."""
    body = pilot.app.screen.query_one("#review-body")
    body.scroll_home(animate=False)
    await settle(pilot)
    pages = [screen_text(pilot.app)]
    if bold is not None:
        bold |= bold_text(pilot.app)
    while body.scroll_y < body.max_scroll_y:
        body.scroll_to(y=body.scroll_y + max(1, body.size.height - 2), animate=False)
        await settle(pilot)
        pages.append(screen_text(pilot.app))
        if bold is not None:
            bold |= bold_text(pilot.app)
    return "\n".join(pages)


def assert_rendered(shown: str) -> None:
    """Headings, tables and bold are drawn, not printed as Markdown."""
    lines = [line.strip() for line in shown.splitlines()]
    assert not any(line.startswith("# ") or line.startswith("## ") for line in lines)
    assert "|" not in shown and "**" not in shown and "```" not in shown


async def test_review_shows_the_period_and_saves_decisions(tmp_path: Path) -> None:
    app = create_app(tmp_path / "netcoach.db", clock=fixed_clock)
    ann = app.store.add_contact(ContactDraft(name="Ann [/b]", level=4, is_advisor=True)).id
    ledger = app.store.ledger
    ledger.add_entry(EntryDraft(ann, "given", "referral", date(2026, 8, 3), status="won"))
    ledger.add_entry(
        EntryDraft(ann, "received", "business", date(2026, 9, 1), amount=Money(90000, "GBP"))
    )
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("r")
        await settle(pilot)
        screen = app.screen
        assert type(screen).__name__ == "ReviewScreen"
        assert screen.query_one("#review-period", Input).value == "2026H2"
        text = screen.markdown  # the Markdown `netcoach review` prints, rendered on screen
        assert "# Review 2026H2" in text
        assert "| referral | 1 | 0 |" in text and "| business | 0 | 1 |" in text
        assert "Business received: GBP 900.00" in text
        assert "Ann \\[/b\\]: 1 / 1" in text  # the advisor's balance, escaped as Markdown
        shown = await whole_screen(pilot)
        assert "Ann [/b]: 1 / 1" in shown and "Business received: GBP 900.00" in shown
        assert_rendered(shown)
        assert screen.query_one("#review-given", Sparkline).data == [0, 1, 0, 0, 0, 0]
        assert screen.query_one("#review-received", Sparkline).data == [0, 0, 1, 0, 0, 0]

        # Saving needs a decision.
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert "at least one decision" in str(screen.query_one("#decision-error", Static).content)
        assert ledger.saved_reviews() == []

        screen.query_one("#decision-what", Input).value = "Give Ann two referrals"
        screen.query_one("#decision-with_whom", Input).value = "Ann"
        screen.query_one("#decision-with_whom", Input).focus()
        await pilot.press("ctrl+n")
        await settle(pilot)
        assert screen.query_one("#decision-what", Input).value == ""
        assert "Give Ann two referrals" in str(
            screen.query_one("#review-decisions", Static).content
        )
        screen.query_one("#decision-what", Input).value = "One more breakfast a month"
        screen.query_one("#decision-where", Input).value = "Chamber breakfast"
        screen.query_one("#decision-when", Input).value = "From January"
        await pilot.press("ctrl+s")
        await settle(pilot)
        (saved,) = ledger.saved_reviews()
        assert saved.label == "2026H2"
        assert [d["what"] for d in saved.decisions] == [
            "Give Ann two referrals",
            "One more breakfast a month",
        ]
        assert saved.decisions[1]["where"] == "Chamber breakfast"
        assert saved.figures["given"] == 1 and saved.figures["received"] == 1
        title = str(screen.query_one("#review-saved-title", Static).content)
        assert "Decisions saved with the review of 2026H2" in title
        listed = screen.query_one("#review-saved-decisions", OptionList)
        assert "What to change: Give Ann two referrals; With whom: Ann" in str(
            listed.get_option_at_index(0).prompt
        )

        # The next half-year compares itself with the saved one.
        period = screen.query_one("#review-period", Input)
        period.value = "2027H1"
        period.focus()
        await pilot.press("enter")
        await settle(pilot)
        text = screen.markdown
        assert "nothing to review yet" in text
        assert "Given and received" not in text
        assert "Compared with the previous review" in text
        assert "| given | 0 | 1 |" in text
        assert "Last time's decisions (2026H2): what came of each?" in str(
            screen.query_one("#review-look-back Static", Static).content
        )

        period.value = "2027H3"
        await pilot.press("enter")
        await settle(pilot)
        assert "use 2026H1" in str(screen.query_one("#review-period-error", Static).content)


async def test_review_lists_a_dozen_advisors_most_owed_first(tmp_path: Path) -> None:
    """A long board: the screen shows the twelve owed most and counts the rest; archived
    advisors and contacts who are not advisors are left out, and the figures are unchanged."""
    app = create_app(tmp_path / "netcoach.db", clock=fixed_clock)
    store, ledger = app.store, app.store.ledger
    advisors = []
    for number in range(1, 16):
        draft = ContactDraft(name=f"Advisor {number:02d}", level=4, is_advisor=True)
        advisors.append(store.add_contact(draft).id)
    gone = store.add_contact(ContactDraft(name="Gone Advisor", level=5, is_advisor=True)).id
    store.contacts.set_archived(gone, True)
    friend = store.add_contact(ContactDraft(name="Not An Advisor", level=5)).id
    for number, cid in enumerate(advisors, 1):
        for day in range(number):  # Advisor 15 gave the most and was given nothing back
            ledger.add_entry(EntryDraft(cid, "received", "advice", date(2026, 8, 1 + day)))
    ledger.add_entry(EntryDraft(gone, "received", "advice", date(2026, 8, 2)))
    ledger.add_entry(EntryDraft(friend, "given", "support", date(2026, 9, 2)))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("r")
        await settle(pilot)
        screen = app.screen
        assert type(screen).__name__ == "ReviewScreen"
        board = screen.markdown.split("## Advisors' balance")[1]
        listed = [line for line in board.splitlines() if line.startswith("- ")]
        assert listed == [
            *(f"- Advisor {n:02d}: 0 / {n}" for n in range(15, 3, -1)),
            "- and 3 more advisors flagged",
        ]
        shown = await whole_screen(pilot)
        assert "Advisor 15: 0 / 15" in shown and "and 3 more advisors flagged" in shown
        assert "Advisor 03:" not in shown
        assert_rendered(shown)
        assert screen.report is not None
        assert screen.report.received_total == sum(range(1, 16)) + 1
        assert len(screen.report.advisors) == 15


async def test_the_report_is_read_once_per_visit(tmp_path: Path) -> None:
    """Read while the screen is built; again when the screen is shown after being left."""
    app = create_app(tmp_path / "netcoach.db", clock=fixed_clock)
    ann = app.store.add_contact(ContactDraft(name="Ann", level=3)).id
    ledger = app.store.ledger
    ledger.add_entry(EntryDraft(ann, "given", "advice", date(2026, 8, 3)))
    reads: list[object] = []
    review_input = ledger.review_input

    def counted(period):  # type: ignore[no-untyped-def]
        reads.append(period)
        return review_input(period)

    ledger.review_input = counted  # type: ignore[method-assign]
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("r")
        await settle(pilot)
        screen = app.screen
        assert len(reads) == 1
        assert "| advice | 1 | 0 |" in screen.markdown
        ledger.add_entry(EntryDraft(ann, "given", "advice", date(2026, 9, 3)))
        await pilot.press("question_mark")  # help on top, then back
        await settle(pilot)
        await pilot.press("escape")
        await settle(pilot)
        assert app.screen is screen and len(reads) == 2
        assert "| advice | 2 | 0 |" in screen.markdown
        await pilot.press("t")
        await settle(pilot)
        await pilot.press("r")
        await settle(pilot)
        assert len(reads) == 3


async def test_the_report_keeps_its_width_whether_or_not_it_scrolls(tmp_path: Path) -> None:
    """Room is kept for the scrollbar: a report that arrives taller than the screen is
    not narrowed (and laid out again) by the scrollbar it brings."""
    widths = {}
    for name, entries in (("short", 0), ("long", 40)):
        (tmp_path / name).mkdir()
        app = create_app(tmp_path / name / "netcoach.db", clock=fixed_clock)
        ann = app.store.add_contact(ContactDraft(name="Ann", level=4, is_advisor=True)).id
        for day in range(entries):
            app.store.ledger.add_entry(
                EntryDraft(ann, "received", "advice", date(2026, 7, 1 + day % 28))
            )
        async with app.run_test(size=(200, 70)) as pilot:
            await pilot.press("r")
            await settle(pilot)
            body = app.screen.query_one("#review-body")
            report = app.screen.query_one("#review-report", Static)
            widths[name] = (body.show_vertical_scrollbar, report.content_region.width)
            assert "Ann: 0 / " in await whole_screen(pilot)
        from netcoach.data.db import database

        database.close()
    assert widths["short"][0] is False and widths["long"][0] is True
    assert widths["short"][1] == widths["long"][1]
