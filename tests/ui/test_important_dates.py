"""Birthdays and anniversaries typed in the contact form, shown on the contact page, and the
Today card of those coming round in the next two weeks."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from textual.widgets import Input, OptionList, Static

from netcoach.app import create_app
from netcoach.core.important_dates import ImportantDate
from netcoach.core.models import ContactDraft
from netcoach.data.demo import generate_demo
from netcoach.screens.contact_form import ContactFormScreen
from tests.conftest import FIXED_NOW, fixed_clock, screen_text, settle


def stored(app, contact_id: int) -> tuple[str, str]:  # type: ignore[no-untyped-def]
    with app.store.db.connection_context():
        return tuple(
            app.store.db.execute_sql(
                "SELECT birthday, anniversary FROM contact WHERE id = ?", [contact_id]
            ).fetchone()
        )


def preview(app, field: str) -> Static:  # type: ignore[no-untyped-def]
    return app.screen.query_one(f"#preview-{field}", Static)


async def test_a_birthday_typed_reads_back_and_is_saved(tmp_path: Path) -> None:
    app = create_app(tmp_path / "netcoach.db", clock=fixed_clock)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("c", "n")
        await settle(pilot)
        assert isinstance(app.screen, ContactFormScreen)
        app.screen.query_one("#field-name", Input).focus()
        await pilot.press(*"Amelia Hart")
        app.screen.query_one("#field-birthday", Input).focus()
        await pilot.press(*"10/12/1986")
        await pilot.pause()
        # Day first, read back as it is typed, with when it next comes round.
        assert str(preview(app, "birthday").content) == (
            "→ 10 December 1986 · next Thursday 10 December 2026 (turns 40)"
        )
        await pilot.press("tab")
        assert app.focused is app.screen.query_one("#field-anniversary", Input)
        await pilot.press(*"30 jun")
        await pilot.pause()
        assert "30 June · next Wednesday 30 June 2027" in str(preview(app, "anniversary").content)
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert type(app.screen).__name__ == "ContactsScreen"
        (row,) = app.store.list_contacts().rows
        assert stored(app, row.id) == ("1986-12-10", "--06-30")


async def test_a_date_that_is_not_one_is_refused_in_place(tmp_path: Path) -> None:
    app = create_app(tmp_path / "netcoach.db", clock=fixed_clock)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("c", "n")
        await settle(pilot)
        app.screen.query_one("#field-name", Input).focus()
        await pilot.press(*"Ben Okafor")
        app.screen.query_one("#field-birthday", Input).focus()
        await pilot.press(*"31/02")
        await pilot.pause()
        shown = preview(app, "birthday")
        assert shown.has_class("-error") and "There is no 31 February" in str(shown.content)
        app.screen.query_one("#field-name", Input).focus()
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, ContactFormScreen)
        error = app.screen.query_one("#error-birthday", Static)
        assert error.has_class("-shown") and "There is no 31 February" in str(error.content)
        assert app.focused is app.screen.query_one("#field-birthday", Input)
        assert app.store.count_contacts() == 0
        field = app.screen.query_one("#field-birthday", Input)
        field.value = "2 Jan"
        await pilot.pause()
        assert not error.has_class("-shown") and not shown.has_class("-error")
        await pilot.press("ctrl+s")
        await settle(pilot)
        (row,) = app.store.list_contacts().rows
        assert stored(app, row.id) == ("--01-02", "")


async def test_editing_clears_a_date_and_the_contact_page_shows_them(tmp_path: Path) -> None:
    app = create_app(tmp_path / "netcoach.db", clock=fixed_clock)
    contact = app.store.add_contact(
        ContactDraft(
            name="Cara Lind",
            level=3,
            birthday=ImportantDate(2, 29, 1984),
            anniversary=ImportantDate(9, 15, 2001),
        )
    )
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        from netcoach.screens.contact_detail import ContactDetailScreen

        app.push_screen(ContactDetailScreen(app.store, contact.id))
        await settle(pilot)
        text = screen_text(app)
        assert "Birthday         29 Feb 1984 · turns 43 on 28 Feb" in text
        assert "Anniversary      15 Sep 2001 · 26 years on 15 Sep" in text

        app.push_screen(ContactFormScreen(app.store, contact.id))
        await settle(pilot)
        birthday = app.screen.query_one("#field-birthday", Input)
        assert birthday.value == "29 February 1984"
        assert "turns 43" in str(preview(app, "birthday").content)
        birthday.focus()
        birthday.value = ""
        await pilot.pause()
        assert str(preview(app, "birthday").content) == ""
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert stored(app, contact.id) == ("", "2001-09-15")
        assert app.store.get_contact(contact.id).birthday is None


def card_lines(app) -> list[str]:  # type: ignore[no-untyped-def]
    options = app.screen.query_one("#today-dates-list", OptionList)
    return [str(options.get_option_at_index(i).prompt) for i in range(options.option_count)]


async def test_today_lists_the_dates_coming_round_and_acts_on_them(tmp_path: Path) -> None:
    app = create_app(tmp_path / "netcoach.db", config_path=tmp_path / "c.json", clock=fixed_clock)
    generate_demo(app.store.db, contacts=60, now=FIXED_NOW)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        card = app.screen.query_one("#today-dates")
        assert card.display
        # The demo's clock is Monday 23 November 2026.
        assert card_lines(app) == [
            "Jakub Chen · birthday · Thursday 26 November (turns 41)",
            "Fionn Jensen · anniversary · Wednesday 2 December (12 years married)",
        ]
        with app.store.db.connection_context():
            found = app.store.db.execute_sql(
                "SELECT name, level, birthday FROM contact WHERE birthday LIKE '%11-26'"
            ).fetchall()
        assert ("Jakub Chen", 3, "1985-11-26") in found
        assert any(level == 2 for _n, level, _b in found)  # at Connect: not on the card

        options = app.screen.query_one("#today-dates-list", OptionList)
        options.focus()
        options.highlighted = 0
        await pilot.pause()
        jakub = next(r.id for r in app.store.list_contacts(search="Jakub Chen").rows)
        before = len(app.store.contacts.interactions(jakub))
        await pilot.press("i")
        await settle(pilot)
        assert type(app.screen).__name__ == "InteractionModal"
        await pilot.press("enter")
        await settle(pilot)
        assert type(app.screen).__name__ == "TodayScreen"
        touches = app.store.contacts.interactions(jakub)
        assert len(touches) == before + 1 and touches[0].happened_at == FIXED_NOW

        app.screen.query_one("#today-dates-list", OptionList).focus()
        await pilot.pause()
        await pilot.press("enter")
        await settle(pilot)
        assert type(app.screen).__name__ == "ContactDetailScreen"
        assert "Jakub Chen" in screen_text(app)


async def test_the_card_hides_when_nothing_comes_round(tmp_path: Path) -> None:
    def later() -> datetime:
        return datetime(2027, 3, 10, 8, 0)

    app = create_app(tmp_path / "netcoach.db", config_path=tmp_path / "c.json", clock=later)
    app.store.add_contact(ContactDraft(name="Dev Rao", level=4, birthday=ImportantDate(5, 17)))
    app.store.add_contact(ContactDraft(name="Eve Stone", level=2, birthday=ImportantDate(3, 12)))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert not app.screen.query_one("#today-dates").display
        assert "Birthdays and anniversaries" not in screen_text(app)
