"""The keyboard contract: typing never fires a command, escape never traps, global keys show
their screen, and the palette and the search box pick what was typed."""

from __future__ import annotations

import importlib
import inspect
import pkgutil
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from textual.binding import Binding
from textual.command import CommandPalette
from textual.widget import Widget
from textual.widgets import (
    Button,
    Checkbox,
    DataTable,
    Input,
    RadioSet,
    Select,
    SelectionList,
    Tabs,
    TextArea,
)

import netcoach.screens
import netcoach.widgets
from netcoach.app import NetcoachApp, create_app
from netcoach.data.demo import generate_demo
from netcoach.widgets.contact_table import ContactTable
from netcoach.widgets.keys import KeyContract, is_browsing, is_browsing_key
from tests.conftest import FIXED_NOW, fixed_clock, settle

# Every global key (t c l p o g r ?) and every screen's letter, digit and symbol keys.
SENTENCE = "a bookkeeper learning excel, go review this pitch x n i + - D 1 2 3 4 5 6 ? / S I G b"
# On a button, checkbox or radio set, space and enter are the widget's own keys.
LETTERS = "tclpogr?neaxi+-DSIGb/123456"
CONTROLS = (Button, Checkbox, RadioSet, Select, SelectionList, Tabs)
FIELDS = (Input, TextArea)


def make_app(tmp_path: Path, contacts: int = 40) -> NetcoachApp:
    app = create_app(tmp_path / "netcoach.db", config_path=tmp_path / "c.json", clock=fixed_clock)
    if contacts:
        generate_demo(app.store.db, contacts=contacts, now=FIXED_NOW)
    return app


def database_state(tmp_path: Path) -> dict[str, list[tuple[object, ...]]]:
    """Every row of every table, read apart from the app."""
    with sqlite3.connect(tmp_path / "netcoach.db") as connection:
        tables = [
            name
            for (name,) in connection.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
            )
        ]
        return {
            table: sorted(map(repr, connection.execute(f'SELECT * FROM "{table}"')))
            for table in tables
        }


def messages(app: NetcoachApp) -> list[str]:
    return [str(n.message) for n in app._notifications]


async def go(pilot, *keys: str) -> None:  # type: ignore[no-untyped-def]
    for key in keys:
        await pilot.press(key)
        await settle(pilot)


def focusables(app: NetcoachApp, kinds: tuple[type[Widget], ...]) -> list[Widget]:
    return [widget for widget in app.screen.focus_chain if isinstance(widget, kinds)]


# (place, keys from Today that open it): every form, dialog, guide and screen that has
# fields, buttons, selects, checkboxes or tab bars.
PLACES = {
    "pitch guide": ("p", "ctrl+g"),
    "pitch studio": ("p",),
    "give and get tabs": ("g",),
    "wants and haves": ("g", "4"),
    "one-to-ones tabs": ("o",),
    "contacts filters": ("c",),
    "review": ("r",),
    "contact form": ("c", "n"),
    "one-to-one plan": ("o", "n"),
    "event form": ("o", "2", "n"),
    "one-to-one outcome": ("o", "enter"),
    "ledger entry": ("g", "n"),
    "goal": ("g", "6", "n"),
    "keep-in-touch settings": ("c", "S"),
    "import": ("c", "I"),
    "level reason": ("c", "plus"),
    "log a touch": ("c", "i"),
}


@pytest.mark.parametrize("place", PLACES)
async def test_a_sentence_typed_anywhere_but_a_list_changes_no_screen_and_no_data(
    tmp_path: Path, place: str
) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await go(pilot, *PLACES[place])
        screen, mode = app.screen, app.current_mode
        before = database_state(tmp_path)
        # One of each kind: a button, select, checkbox, tab bar..., then a line and a text area.
        controls = list({type(w): w for w in reversed(focusables(app, CONTROLS))}.values())
        fields = list({type(w): w for w in reversed(focusables(app, FIELDS))}.values())
        assert controls or fields, f"nothing to type into on {type(screen).__name__}"
        for widget, text in [(w, LETTERS) for w in controls] + [(w, SENTENCE) for w in fields]:
            widget.focus()
            await settle(pilot)
            assert not is_browsing(screen)
            await pilot.press(*text)
            await settle(pilot)
            where = f"{type(widget).__name__}#{widget.id} on {type(screen).__name__}"
            assert app.screen is screen and app.current_mode == mode, where
            assert database_state(tmp_path) == before, where
        typed = [getattr(w, "value", None) or getattr(w, "text", "") for w in fields]
        # A short field (a number of days) keeps what fits of the sentence: still typed as text.
        assert not fields or any(
            SENTENCE in text or (len(text) >= 10 and SENTENCE.startswith(text)) for text in typed
        ), "typed as text"


async def test_the_footer_shows_only_the_keys_that_work_where_focus_is(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await go(pilot, "c")
        assert isinstance(app.focused, ContactTable)
        shown = {binding.key for _node, binding, on, _tip in app.screen.active_bindings.values()}
        assert {"n", "plus", "a", "c", "t", "question_mark"} <= shown
        select = app.screen.query_one("#filter-show", Select)
        select.focus()
        await settle(pilot)
        active = app.screen.active_bindings
        # Only the select's own keys (space opens it) remain among the letters and symbols.
        letter_keys = [key for key, (node, *_rest) in active.items() if is_browsing_key(key)]
        assert letter_keys == ["space"] and active["space"].node is select
        assert "ctrl+q" in active


async def test_letters_still_act_on_lists(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await go(pilot, "c")
        assert isinstance(app.focused, ContactTable)
        await go(pilot, "a")
        assert type(app.screen).__name__ == "AdvisorsScreen"
        await go(pilot, "escape", "n")
        assert type(app.screen).__name__ == "ContactFormScreen"
        await go(pilot, "escape", "g")
        assert app.current_mode == "ledger" and isinstance(app.focused, DataTable)
        await go(pilot, "n")
        assert type(app.screen).__name__ == "LedgerEntryModal"


async def test_every_screen_opens_on_a_list_so_its_keys_work(tmp_path: Path) -> None:
    from netcoach.app import SCREENS

    app = make_app(tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        for mode, key, _title, _where in SCREENS:
            await go(pilot, key)
            assert app.current_mode == mode and is_browsing(app.screen), mode


async def test_escape_leaves_a_review_field_and_the_keys_work_again(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await go(pilot, "r")
        field = app.screen.query_one("#decision-what", Input)
        field.focus()
        await pilot.press(*"tc")
        await settle(pilot)
        assert field.value == "tc" and app.current_mode == "review"
        await go(pilot, "escape")
        assert app.focused is not field and is_browsing(app.screen)
        assert app.current_mode == "review"
        await go(pilot, "c")
        assert app.current_mode == "contacts"


async def test_escape_leaves_a_control_on_a_browsing_screen(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await go(pilot, "g", "4")
        app.screen.query_one("#want-add", Button).focus()
        await go(pilot, "escape")
        assert app.focused is app.screen.query_one("#me-wants", DataTable)
        await go(pilot, "c")
        app.screen.query_one("#filter-level", Select).focus()
        await go(pilot, "escape")
        assert isinstance(app.focused, ContactTable)


async def test_search_down_steps_into_the_results_and_enter_opens_the_match(
    tmp_path: Path,
) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await go(pilot, "c", "slash")
        table = app.screen.query_one("#contacts-table", ContactTable)
        everyone = [str(table.get_row_at(i)[0]) for i in range(table.row_count)]
        await pilot.press(everyone[0][0])
        await settle(pilot)
        assert table.row_count > 1
        await go(pilot, "down")
        assert app.focused is table and table.cursor_row == 0
        await go(pilot, "down")
        assert table.cursor_row == 1
        highlighted = str(table.get_row_at(1)[0])
        # Back in the box, enter opens the highlighted match.
        await go(pilot, "slash", "enter")
        assert type(app.screen).__name__ == "ContactDetailScreen"
        assert highlighted[:20] in app.screen.sub_title
        await go(pilot, "escape")
        # Typed and entered at once: the match of the whole name, not of its first letters.
        only = everyone[-1]
        search = app.screen.query_one("#contacts-search", Input)
        search.value = ""
        await settle(pilot)
        search.focus()
        await pilot.press(*only, "enter")
        await settle(pilot)
        assert type(app.screen).__name__ == "ContactDetailScreen"
        assert only[:20] in app.screen.sub_title


async def test_a_quick_enter_in_the_palette_opens_what_was_typed(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        for typed, mode in (("Review", "review"), ("Contacts", "contacts"), ("Levels", "levels")):
            await pilot.press("ctrl+p", *typed, "enter")
            await settle(pilot)
            assert not isinstance(app.screen, CommandPalette)
            assert app.current_mode == mode, typed


async def test_a_global_key_shows_its_screen_after_advisors(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await go(pilot, "c", "a")
        assert type(app.screen).__name__ == "AdvisorsScreen"
        await go(pilot, "c")
        assert type(app.screen).__name__ == "ContactsScreen"
        await go(pilot, "a", "t", "c")
        assert type(app.screen).__name__ == "ContactsScreen"
        await go(pilot, "enter")
        assert type(app.screen).__name__ == "ContactDetailScreen"
        await pilot.press("ctrl+p", *"go: Contacts", "enter")
        await settle(pilot)
        assert type(app.screen).__name__ == "ContactsScreen"
        assert len(app.screen_stack) == 1


async def test_a_form_left_open_is_kept_when_its_screen_is_asked_for(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await go(pilot, "c", "n")
        form = app.screen
        await pilot.press(*"Half typed")
        await pilot.press("ctrl+p", *"go: Today", "enter")
        await settle(pilot)
        assert app.current_mode == "today"
        await go(pilot, "c")
        assert app.screen is form
        assert any("Still open: finish it" in message for message in messages(app))


async def test_the_rating_keys_work_only_on_the_ratings(tmp_path: Path) -> None:
    from netcoach.screens.rehearsal import RehearsalSaveModal

    app = make_app(tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        app.push_screen(RehearsalSaveModal(30.0, 60))
        await settle(pilot)
        modal = app.screen
        ratings = modal.query_one(RadioSet)
        assert app.focused is ratings
        await go(pilot, "4")
        assert ratings.pressed_index == 3
        note = modal.query_one("#rehearsal-note", Input)
        note.focus()
        await pilot.press(*"2 of 5")
        await settle(pilot)
        assert note.value == "2 of 5" and ratings.pressed_index == 3
        modal.query_one("#rehearsal-save", Button).focus()
        await go(pilot, "1")
        assert ratings.pressed_index == 3 and app.screen is modal


async def test_help_names_places_as_a_person_would(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        for keys, expected in (
            (("c",), "Contacts list"),
            (("t",), "Today"),
            (("l",), "Levels board column"),
            (("o",), "One-to-ones"),
        ):
            await go(pilot, *keys, "question_mark")
            table = app.screen.query_one("#help-table", DataTable)
            places = {str(table.get_row_at(i)[2]) for i in range(table.row_count)}
            assert expected in places
            for place in places:
                assert not any(
                    word in place for word in ("Table", "Screen", "Section", "List", "Card")
                ), place
            await go(pilot, "escape")
        await go(pilot, "t")
        app.screen.query_one("#today-follow-ups-table", DataTable).focus()
        await go(pilot, "question_mark")
        table = app.screen.query_one("#help-table", DataTable)
        assert ("x", "Done", "Today: follow-ups due") in [
            tuple(map(str, table.get_row_at(i))) for i in range(table.row_count)
        ]


def netcoach_classes() -> Iterator[type]:
    for package in (netcoach.screens, netcoach.widgets):
        for info in pkgutil.iter_modules(package.__path__):
            module = importlib.import_module(f"{package.__name__}.{info.name}")
            for _name, cls in inspect.getmembers(module, inspect.isclass):
                if cls.__module__ == module.__name__:
                    yield cls


def test_every_binding_on_a_browsing_key_is_under_the_contract() -> None:
    """A screen, a container or a mixin binding a letter inherits KeyContract; a focusable
    widget may bind letters for itself (they are its own keys, as on a Select)."""
    for cls in netcoach_classes():
        bindings = list(Binding.make_bindings(cls.__dict__.get("BINDINGS", ())))
        letters = [binding for binding in bindings if is_browsing_key(binding.key)]
        if not letters:
            continue
        for binding in letters:
            assert "." not in binding.action.split("(")[0], (cls, binding.action)
        own_keys = issubclass(cls, Widget) and cls.can_focus and not cls.can_focus_children
        assert own_keys or issubclass(cls, KeyContract), cls


@pytest.mark.parametrize(
    ("key", "browsing"),
    [
        ("a", True),
        ("G", True),
        ("1", True),
        ("plus", True),
        ("minus", True),
        ("slash", True),
        ("question_mark", True),
        ("space", True),
        ("delete", True),
        ("ctrl+z", False),
        ("escape", False),
        ("enter", False),
        ("tab", False),
        ("f5", False),
        ("up", False),
    ],
)
def test_browsing_keys_are_the_ones_typed_as_text(key: str, browsing: bool) -> None:
    assert is_browsing_key(key) is browsing


async def test_a_timed_rehearsal_is_kept_and_an_idle_one_closed_by_a_global_key(
    tmp_path: Path,
) -> None:
    app = make_app(tmp_path)
    clock = FakeMonotonic()
    app.rehearsal_clock = clock  # type: ignore[attr-defined]
    async with app.run_test(size=(120, 40)) as pilot:
        await go(pilot, "e")
        assert type(app.screen).__name__ == "RehearsalScreen"
        await go(pilot, "c", "t")
        assert type(app.screen).__name__ == "TodayScreen"
        await go(pilot, "e", "space")
        clock.now += 20
        await go(pilot, "c", "t")
        assert type(app.screen).__name__ == "RehearsalScreen"
        await go(pilot, "space", "r")
        assert app.screen.timer.elapsed() == 0  # type: ignore[attr-defined]


class FakeMonotonic:
    def __init__(self) -> None:
        self.now = 5000.0

    def __call__(self) -> float:
        return self.now


async def test_tab_past_the_pitch_tabs_lands_on_a_part_and_a_sentence_stays_text(
    tmp_path: Path,
) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await go(pilot, "p")
        screen = app.screen
        before = database_state(tmp_path)
        app.screen.query_one("#pitch-editor", TextArea).focus()
        await go(pilot, "tab", "tab")  # the tab bar, then the first thing under Structure
        assert isinstance(app.focused, Checkbox), type(app.focused).__name__
        await pilot.press(*"l go next")
        await settle(pilot)
        assert app.screen is screen and app.current_mode == "pitch"
        assert database_state(tmp_path) == before


@pytest.mark.parametrize(
    "place", ["contact form", "one-to-one plan", "event form", "one-to-one outcome"]
)
async def test_shift_tab_from_a_form_field_lands_on_a_field_that_shows_focus(
    tmp_path: Path, place: str
) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await go(pilot, *PLACES[place])
        # The form's own scrolling body is no stop of its own: it shows no focus.
        assert all(w.id != "form-body" for w in app.screen.focus_chain), place
        first = app.screen.focus_chain[0]
        first.focus()
        await go(pilot, "shift+tab")
        assert app.focused is not None and app.focused.id != "form-body"
