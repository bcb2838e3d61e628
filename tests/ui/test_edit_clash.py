"""Two copies of netcoach on one contact: a save never undoes the other copy's change.

The other copy is a second connection to the same file, writing while the form is
open, as a second netcoach would.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from textual.widgets import Button, Input, Static, TextArea

from netcoach.app import NetcoachApp, create_app
from netcoach.core.models import ContactDraft
from netcoach.screens.contact_form import ContactFormScreen
from netcoach.screens.forms import SaveFailure
from tests.conftest import fixed_clock, screen_text, settle

HOSTILE_TAGS = ("Smith, Jones & Co", "breakfast; Tuesday", 'the "A" team', "[b]bold[/b]")


def other_copy(app: NetcoachApp, sql: str, *params: object) -> None:
    with sqlite3.connect(app.database_path) as connection:
        connection.execute(sql, params)


async def open_form(pilot, contact_id: int) -> ContactFormScreen:  # type: ignore[no-untyped-def]
    await settle(pilot)
    pilot.app.push_screen(ContactFormScreen(pilot.app.store, contact_id))
    await settle(pilot)
    form = pilot.app.screen
    assert isinstance(form, ContactFormScreen)
    return form


def type_over(app: NetcoachApp, field: str, text: str) -> None:
    app.screen.query_one(f"#field-{field}", Input).value = text


def contact_app(tmp_path: Path, **fields: object) -> tuple[NetcoachApp, int]:
    app = create_app(tmp_path / "netcoach.db", clock=fixed_clock)
    contact = app.store.add_contact(ContactDraft("Ann Lee", **fields))  # type: ignore[arg-type]
    return app, contact.id


async def test_a_field_only_the_other_copy_changed_is_not_reverted(tmp_path: Path) -> None:
    app, ann = contact_app(tmp_path, company="Acme", title="CEO", notes="Met at the chamber")
    async with app.run_test(size=(120, 40)) as pilot:
        await open_form(pilot, ann)
        other_copy(app, "UPDATE contact SET company = 'Acme Ltd', notes = 'Moved to Leeds'")
        other_copy(
            app,
            "INSERT INTO contact_email (contact_id, address, position) "
            "VALUES (?, 'ann@acme.example', 0)",
            ann,
        )
        type_over(app, "title", "Founder")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert not isinstance(app.screen, ContactFormScreen)
        assert "ClashModal" not in type(app.screen).__name__
    saved = app.store.get_contact(ann)
    assert (saved.company, saved.title, saved.notes) == ("Acme Ltd", "Founder", "Moved to Leeds")
    assert saved.emails == ("ann@acme.example",)


async def test_a_clash_shows_both_values_and_keeping_the_saved_one_keeps_it(
    tmp_path: Path,
) -> None:
    app, ann = contact_app(tmp_path, company="Acme", title="CEO")
    async with app.run_test(size=(120, 40)) as pilot:
        await open_form(pilot, ann)
        other_copy(app, "UPDATE contact SET company = 'Acme [b]Ltd[/b]'")
        type_over(app, "company", "Acme Limited")
        type_over(app, "title", "Founder")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert type(app.screen).__name__ == "ClashModal"
        shown = screen_text(app)
        question = str(app.screen.query_one("#clash-question", Static).content)
        assert question.startswith("Another netcoach saved this contact since you opened it")
        assert "Company" in shown
        assert "Saved: Acme [b]Ltd[/b]" in shown
        assert "Yours: Acme Limited" in shown
        # Nothing is written while the question is open.
        assert app.store.get_contact(ann).title == "CEO"
        # "Keep yours" is focused; move to "Keep the saved one" and take it.
        assert app.focused is app.screen.query_one("#clash-0-mine", Button)
        await pilot.press("right", "enter")
        assert app.focused is app.screen.query_one("#clash-save", Button)
        await pilot.press("enter")
        await settle(pilot)
        assert type(app.screen).__name__ != "ClashModal"
        assert not isinstance(app.screen, ContactFormScreen)
    saved = app.store.get_contact(ann)
    assert (saved.company, saved.title) == ("Acme [b]Ltd[/b]", "Founder")


async def test_keeping_mine_writes_mine(tmp_path: Path) -> None:
    app, ann = contact_app(tmp_path, company="Acme", level=2)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_form(pilot, ann)
        other_copy(app, "UPDATE contact SET company = 'Acme Ltd'")
        type_over(app, "company", "Acme Limited")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert type(app.screen).__name__ == "ClashModal"
        await pilot.press("enter")  # "Keep yours" is focused first
        assert "✓ Keep yours" in screen_text(app)
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert not isinstance(app.screen, ContactFormScreen)
    assert app.store.get_contact(ann).company == "Acme Limited"


async def test_all_saved_and_all_yours_decide_every_clash(tmp_path: Path) -> None:
    for button, expected in (
        ("#clash-all-theirs", ("Acme Ltd", 3)),
        ("#clash-all-mine", ("Mine", 4)),
    ):
        home = tmp_path / button.strip("#")
        home.mkdir()
        app, ann = contact_app(home, company="Acme", level=2)
        async with app.run_test(size=(80, 24)) as pilot:
            await open_form(pilot, ann)
            other_copy(app, "UPDATE contact SET company = 'Acme Ltd', level = 3")
            type_over(app, "company", "Mine")
            app.screen.query_one("#field-level").value = 4  # type: ignore[attr-defined]
            await pilot.press("ctrl+s")
            await settle(pilot)
            assert type(app.screen).__name__ == "ClashModal"
            question = app.screen.query_one("#clash-question", Static)
            assert "and changed 2 fields you changed too" in str(question.content)
            assert "Saved: 3 Engage" in screen_text(app)
            assert "Yours: 4 Collaborate" in screen_text(app)
            await pilot.click(button)
            await settle(pilot)
            assert not isinstance(app.screen, ContactFormScreen)
        saved = app.store.get_contact(ann)
        assert (saved.company, saved.level) == expected


async def test_escape_goes_back_to_the_form_with_nothing_lost(tmp_path: Path) -> None:
    app, ann = contact_app(tmp_path, company="Acme", notes="old")
    async with app.run_test(size=(120, 40)) as pilot:
        form = await open_form(pilot, ann)
        other_copy(app, "UPDATE contact SET company = 'Acme Ltd'")
        type_over(app, "company", "Acme Limited")
        app.screen.query_one("#field-notes", TextArea).text = "a long note typed here"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert type(app.screen).__name__ == "ClashModal"
        await pilot.press("escape")
        await settle(pilot)
        assert app.screen is form
        assert form.query_one("#field-company", Input).value == "Acme Limited"
        assert form.query_one("#field-notes", TextArea).text == "a long note typed here"
        failure = str(form.query_one(SaveFailure).content)
        assert "another netcoach changed Company since this contact was opened" in failure
        saved = app.store.get_contact(ann)
        assert (saved.company, saved.notes) == ("Acme Ltd", "old")
        # Saving again asks again: the clash is still there.
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert type(app.screen).__name__ == "ClashModal"


async def test_a_third_change_while_the_question_is_open_is_asked_about_again(
    tmp_path: Path,
) -> None:
    app, ann = contact_app(tmp_path, company="Acme")
    async with app.run_test(size=(120, 40)) as pilot:
        await open_form(pilot, ann)
        other_copy(app, "UPDATE contact SET company = 'Acme Ltd'")
        type_over(app, "company", "Mine")
        await pilot.press("ctrl+s")
        await settle(pilot)
        other_copy(app, "UPDATE contact SET company = 'Acme Group'")
        await pilot.click("#clash-all-mine")
        await settle(pilot)
        assert type(app.screen).__name__ == "ClashModal"
        assert "Saved: Acme Group" in screen_text(app)
        await pilot.click("#clash-all-theirs")
        await settle(pilot)
    assert app.store.get_contact(ann).company == "Acme Group"


async def test_tags_with_any_character_survive_an_unchanged_save(tmp_path: Path) -> None:
    app, ann = contact_app(tmp_path, tags=HOSTILE_TAGS)
    async with app.run_test(size=(120, 40)) as pilot:
        form = await open_form(pilot, ann)
        field = form.query_one("#field-tags", Input)
        # Each tag with a separator or a quote is shown in quotes, in the stored order.
        assert field.value == (
            '[b]bold[/b], "breakfast; Tuesday", "Smith, Jones & Co", "the ""A"" team"'
        )
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert not isinstance(app.screen, ContactFormScreen)
        assert sorted(app.store.get_contact(ann).tags) == sorted(HOSTILE_TAGS)

        # Another field changed: the tags are still left as they are.
        form = await open_form(pilot, ann)
        type_over(app, "company", "Acme")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert sorted(app.store.get_contact(ann).tags) == sorted(HOSTILE_TAGS)

        # Typed after the others, a new tag is added and the rest kept whole.
        form = await open_form(pilot, ann)
        field = form.query_one("#field-tags", Input)
        field.value += ', "one, with a comma", plain'
        await pilot.press("ctrl+s")
        await settle(pilot)
    assert sorted(app.store.get_contact(ann).tags) == sorted(
        (*HOSTILE_TAGS, "one, with a comma", "plain")
    )


async def test_undo_after_a_save_puts_back_only_what_it_changed(tmp_path: Path) -> None:
    app, ann = contact_app(tmp_path, company="Acme", title="CEO")
    async with app.run_test(size=(120, 40)) as pilot:
        await open_form(pilot, ann)
        type_over(app, "title", "Founder")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert app.store.get_contact(ann).title == "Founder"
        other_copy(app, "UPDATE contact SET company = 'Acme Ltd'")
        await pilot.press("ctrl+z")
        await settle(pilot)
    saved = app.store.get_contact(ann)
    assert (saved.company, saved.title) == ("Acme Ltd", "CEO")


async def test_a_draft_restored_later_puts_back_only_what_was_typed_in_it(
    tmp_path: Path,
) -> None:
    """A draft kept when netcoach stopped holds every field; restored after another copy
    changed the contact, it must not put back the fields nobody typed in."""
    from tests.ui.test_drafts import type_in, wait_for_draft  # the drafts tests' own helpers

    app, ann = contact_app(tmp_path, company="Acme", title="CEO")
    draft = tmp_path / "drafts" / f"contact-{ann}.json"
    async with app.run_test(size=(120, 40)) as pilot:
        await open_form(pilot, ann)
        await type_in(pilot, "#field-title", "")
        await pilot.press("end", *" and founder")
        await wait_for_draft(pilot, draft, "and founder")
        app.exit()  # gone without a word, as after a crash
    other = create_app(tmp_path / "netcoach.db", clock=fixed_clock)
    other.store.save_contact_changes(ann, {"company": "Acme"}, {"company": "Acme Ltd"})

    again = create_app(tmp_path / "netcoach.db", clock=fixed_clock)
    async with again.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        again.push_screen(ContactFormScreen(again.store, ann))
        await settle(pilot)
        assert type(again.screen).__name__ == "DraftOfferModal"
        await pilot.press("enter")
        await settle(pilot)
        form = again.screen
        assert form.query_one("#field-title", Input).value == "CEO and founder"
        assert form.query_one("#field-company", Input).value == "Acme Ltd"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert not isinstance(again.screen, ContactFormScreen)
    saved = again.store.get_contact(ann)
    assert (saved.company, saved.title) == ("Acme Ltd", "CEO and founder")


async def test_the_contact_detail_shows_a_tag_with_a_comma_as_one_tag(tmp_path: Path) -> None:
    from netcoach.screens.contact_detail import ContactDetailScreen

    app, ann = contact_app(tmp_path, tags=("Smith, Jones & Co", "law"))
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        app.push_screen(ContactDetailScreen(app.store, ann))
        await settle(pilot)
        assert 'law, "Smith, Jones & Co"' in screen_text(app)


async def test_keeping_the_saved_one_holds_when_the_typed_value_had_spaces(
    tmp_path: Path,
) -> None:
    app, ann = contact_app(tmp_path, company="Acme", title="CEO")
    async with app.run_test(size=(120, 40)) as pilot:
        await open_form(pilot, ann)
        other_copy(app, "UPDATE contact SET company = 'Acme Ltd'")
        type_over(app, "company", "  Acme Limited  ")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert "Yours: Acme Limited" in screen_text(app)
        await pilot.click("#clash-all-theirs")
        await settle(pilot)
        assert not isinstance(app.screen, ContactFormScreen)
    assert app.store.get_contact(ann).company == "Acme Ltd"


async def test_the_same_value_typed_in_both_copies_is_no_clash(tmp_path: Path) -> None:
    app, ann = contact_app(tmp_path, company="Acme")
    async with app.run_test(size=(120, 40)) as pilot:
        await open_form(pilot, ann)
        other_copy(app, "UPDATE contact SET company = 'Acme Ltd'")
        type_over(app, "company", "Acme Ltd ")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert not isinstance(app.screen, ContactFormScreen)
        assert type(app.screen).__name__ != "ClashModal"
    assert app.store.get_contact(ann).company == "Acme Ltd"


async def test_wants_and_haves_with_commas_survive_an_unchanged_save(tmp_path: Path) -> None:
    wants = ("introductions to architects, surveyors", "a venue; ideally central")
    haves = ('a "done for you" payroll', "leads")
    app, ann = contact_app(tmp_path, wants=wants, haves=haves)
    async with app.run_test(size=(120, 40)) as pilot:
        form = await open_form(pilot, ann)
        assert form.query_one("#field-wants", Input).value == (
            '"introductions to architects, surveyors", "a venue; ideally central"'
        )
        type_over(app, "company", "Acme")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert not isinstance(app.screen, ContactFormScreen)
    saved = app.store.get_contact(ann)
    assert (saved.company, saved.wants, saved.haves) == ("Acme", wants, haves)
