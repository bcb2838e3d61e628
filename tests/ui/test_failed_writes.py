"""Every write that fails is seen where it was made, in words, with what was typed kept.

The failures are the machine's: another copy of netcoach holding the write lock past
the retry window (shortened here), and a full disk (every commit fails as SQLite's
does). Each test checks the screen, the database, and that trying again once the
problem is gone saves.
"""

from __future__ import annotations

import importlib
import inspect
import pkgutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from textual.dom import DOMNode
from textual.widgets import Input, Static

import netcoach
from netcoach.app import SCREENS, NetcoachApp, create_app
from netcoach.core.models import ContactDraft
from netcoach.drafts import draft_path
from netcoach.screens.forms import SaveFailure
from netcoach.widgets.card_list import CardList
from netcoach.widgets.contact_picker import ContactPicker
from netcoach.widgets.contact_table import ContactTable
from netcoach.widgets.failures import ReportsFailures
from tests.conftest import fixed_clock, screen_text, settle
from tests.failing import disk_full_on_commit, hold_write_lock, short_retry_window

BUSY = "another netcoach has been writing for 1 s"
FULL = "the disk is full"


def make_app(tmp_path: Path) -> NetcoachApp:
    return create_app(tmp_path / "netcoach.db", config_path=tmp_path / "c.json", clock=fixed_clock)


def messages(app: NetcoachApp) -> list[str]:
    return [str(n.message) for n in app._notifications]


def failure_line(app: NetcoachApp) -> str:
    return str(app.screen.query_one(SaveFailure).content)


@pytest.fixture
def busy(monkeypatch: pytest.MonkeyPatch) -> None:
    short_retry_window(monkeypatch)


# ---- the structure: nothing runs a worker without reporting its failure ---------------------


def netcoach_nodes() -> Iterator[type[DOMNode]]:
    for module in pkgutil.walk_packages(netcoach.__path__, "netcoach."):
        if ".migrations" not in module.name and not module.name.endswith("__main__"):
            importlib.import_module(module.name)
    waiting = [DOMNode]
    while waiting:
        cls = waiting.pop()
        waiting.extend(cls.__subclasses__())
        if cls.__module__.startswith("netcoach."):
            yield cls


def runs_workers(cls: type) -> bool:
    """Whether ``cls`` or a netcoach class it inherits from declares or starts a worker."""
    for base in cls.__mro__:
        if not base.__module__.startswith("netcoach."):
            continue
        for value in vars(base).values():
            code = getattr(value, "__code__", None)
            if code is not None and code.co_filename.endswith("_work_decorator.py"):
                return True
        if "run_worker(" in inspect.getsource(base):
            return True
    return False


def test_every_screen_dialog_and_widget_with_workers_reports_their_failures() -> None:
    with_workers = [cls for cls in netcoach_nodes() if runs_workers(cls)]
    names = {cls.__name__ for cls in with_workers}
    # The walk finds the kinds there are: the app, screens, dialogs, forms and widgets.
    assert {"NetcoachApp", "LevelsScreen", "DeletedItemsModal", "ContactFormScreen"} <= names
    assert {"ContactPicker", "DueFollowUpsSection"} <= names
    unreported = [cls.__qualname__ for cls in with_workers if not issubclass(cls, ReportsFailures)]
    assert unreported == []


async def test_a_failing_task_on_any_screen_is_said_on_it(tmp_path: Path) -> None:
    def boom() -> None:
        raise RuntimeError("boom")

    app = make_app(tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        for mode, _key, title, _where in SCREENS:
            await settle(pilot)
            await app.switch_mode(mode)
            await settle(pilot)
            app.clear_notifications()
            app.screen.run_worker(boom, thread=True, exit_on_error=False, name="boom")
            await settle(pilot)
            said = messages(app)
            assert len(said) == 1, (title, said)
            assert said[0].startswith("Could not finish: something went wrong (boom)"), title


async def test_a_failing_task_of_a_widget_is_said(tmp_path: Path) -> None:
    def boom() -> None:
        raise RuntimeError("widget boom")

    app = make_app(tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("o")
        await settle(pilot)
        await pilot.press("n")
        await settle(pilot)
        picker = app.screen.query_one(ContactPicker)
        picker.run_worker(boom, thread=True, exit_on_error=False)
        await settle(pilot)
        assert messages(app) == [
            "Could not finish: something went wrong (widget boom); "
            "the details are in netcoach's log."
        ]


# ---- forms keep the draft and offer ctrl+s ------------------------------------------------


async def test_a_contact_saved_under_a_long_lock_stays_open_and_saves_on_retry(
    tmp_path: Path, busy: None
) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("c", "n")
        await settle(pilot)
        field = app.screen.query_one("#field-name", Input)
        field.focus()
        await pilot.press(*"Priya Patel")
        with hold_write_lock(tmp_path / "netcoach.db"):
            await pilot.press("ctrl+s")
            await settle(pilot)
            assert type(app.screen).__name__ == "ContactFormScreen"
            assert failure_line(app) == (
                f"Not saved: {BUSY}. What you typed is still here and kept as a draft; "
                "press ctrl+s to try again."
            )
            # The line is in view, not below the fold of the long form.
            assert f"Not saved: {BUSY}" in screen_text(app)
            assert app.screen.query_one("#field-name", Input).value == "Priya Patel"
            assert app.store.count_contacts() == 0
            await settle(pilot)
            assert draft_path(tmp_path, "contact", "new").exists()
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert type(app.screen).__name__ == "ContactsScreen"
        assert [c.name for c in app.store.list_contacts("").rows] == ["Priya Patel"]
        assert not draft_path(tmp_path, "contact", "new").exists()


async def test_a_contact_saved_on_a_full_disk_stays_open_and_saves_on_retry(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = make_app(tmp_path)
    grace = app.store.add_contact(ContactDraft(name="Grace Hopper", company="Navy")).id
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("c")
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        await pilot.press("e")
        await settle(pilot)
        assert type(app.screen).__name__ == "ContactFormScreen"
        app.screen.query_one("#field-company", Input).value = "Harvard"
        disk_full_on_commit(monkeypatch)
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert type(app.screen).__name__ == "ContactFormScreen"
        assert failure_line(app).startswith(f"Not saved: {FULL}. What you typed is still here")
        assert f"Not saved: {FULL}" in screen_text(app)
        assert app.screen.query_one("#field-company", Input).value == "Harvard"
        assert app.store.get_contact(grace).company == "Navy"
        monkeypatch.undo()
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert type(app.screen).__name__ != "ContactFormScreen"
    assert app.store.get_contact(grace).company == "Harvard"


async def test_a_full_disk_that_keeps_no_draft_either_does_not_claim_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """On a full disk the draft cannot be written: the form says only what is true."""
    import errno

    from netcoach.drafts import DraftFile

    def no_room(*_args: object, **_kwargs: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    app = make_app(tmp_path)
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await settle(pilot)
        await pilot.press("c", "n")
        await settle(pilot)
        monkeypatch.setattr(DraftFile, "write", no_room)
        disk_full_on_commit(monkeypatch)
        app.screen.query_one("#field-name", Input).focus()
        await pilot.press(*"Priya Patel")
        await settle(pilot)
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert failure_line(app) == (
            f"Not saved: {FULL}. What you typed is still here; press ctrl+s to try again."
        )
        warnings = [n.message for n in app._notifications if "draft" in n.message]
        assert warnings == [f"Your typing could not be kept on disk as a draft: {FULL}"]
        assert not draft_path(tmp_path, "contact", "new").exists()
        assert app.screen.query_one("#field-name", Input).value == "Priya Patel"


async def test_the_pitch_guide_on_a_full_disk_keeps_the_answers(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("p")
        await settle(pilot)
        assert type(app.screen).__name__ == "PitchGuideScreen"
        await pilot.press("ctrl+n")  # past the profile, asked first while it is blank
        await pilot.press(*"I'm Rosa")
        disk_full_on_commit(monkeypatch)
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert type(app.screen).__name__ == "PitchGuideScreen"
        assert failure_line(app).startswith(f"Not saved: {FULL}.")
        assert app.store.pitches.profile() == {}
        monkeypatch.undo()
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert type(app.screen).__name__ == "PitchScreen"
    assert app.store.pitches.profile() == {"intro": "I'm Rosa"}


async def test_a_give_and_get_quick_add_under_a_long_lock_stays_open(
    tmp_path: Path, busy: None
) -> None:
    from netcoach.screens.contact_detail import ContactDetailScreen

    app = make_app(tmp_path)
    ann = app.store.add_contact(ContactDraft(name="Ann", level=3)).id
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        app.push_screen(ContactDetailScreen(app.store, ann))
        await settle(pilot)
        await pilot.press("G")
        await settle(pilot)
        assert type(app.screen).__name__ == "LedgerEntryModal"
        with hold_write_lock(tmp_path / "netcoach.db"):
            await pilot.press("ctrl+s")
            await settle(pilot)
            assert type(app.screen).__name__ == "LedgerEntryModal"
            assert failure_line(app).startswith(f"Not saved: {BUSY}.")
            assert app.store.ledger.list_entries()[1] == 0
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, ContactDetailScreen)
    assert app.store.ledger.list_entries()[1] == 1


# ---- writes outside forms ------------------------------------------------------------------


async def test_a_move_on_the_levels_board_under_a_long_lock_is_said_and_not_made(
    tmp_path: Path, busy: None
) -> None:
    app = make_app(tmp_path)
    grace = app.store.add_contact(ContactDraft(name="Grace Hopper", level=2)).id
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("l")
        await settle(pilot)
        app.screen.query_one("#board-list-2", CardList).focus()
        await pilot.pause()
        await pilot.press("plus")
        await settle(pilot)
        assert type(app.screen).__name__ == "LevelReasonModal"
        with hold_write_lock(tmp_path / "netcoach.db"):
            await pilot.press(*"first one-to-one", "enter")
            await settle(pilot)
            assert type(app.screen).__name__ == "LevelsScreen"
            assert f"Not saved: {BUSY}." in messages(app)
            assert app.store.get_contact(grace).level == 2
            assert app.screen.query_one("#board-list-2", CardList).id_at(0) == grace
        await pilot.press("plus")
        await settle(pilot)
        await pilot.press(*"first one-to-one", "enter")
        await settle(pilot)
    assert app.store.get_contact(grace).level == 3


async def test_an_archive_on_a_full_disk_is_said_and_not_made(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = make_app(tmp_path)
    grace = app.store.add_contact(ContactDraft(name="Grace Hopper", level=3)).id
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("c")
        await settle(pilot)
        app.screen.query_one("#contacts-table", ContactTable).focus()
        disk_full_on_commit(monkeypatch)
        await pilot.press("x")
        await settle(pilot)
        assert f"Not saved: {FULL}." in messages(app)
        assert not app.store.get_contact(grace).archived
        table = app.screen.query_one("#contacts-table", ContactTable)
        assert str(table.get_row_at(0)[0]) == "Grace Hopper"


async def test_an_undo_on_a_full_disk_is_said_and_can_be_tried_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = make_app(tmp_path)
    grace = app.store.add_contact(ContactDraft(name="Grace Hopper", level=3)).id
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("c")
        await settle(pilot)
        app.screen.query_one("#contacts-table", ContactTable).focus()
        await pilot.press("x")
        await settle(pilot)
        assert app.store.get_contact(grace).archived
        disk_full_on_commit(monkeypatch)
        await pilot.press("ctrl+z")
        await settle(pilot)
        assert f"Not undone: {FULL}. Press ctrl+z to try again." in messages(app)
        assert app.store.get_contact(grace).archived
        monkeypatch.undo()
        await pilot.press("ctrl+z")
        await settle(pilot)
    assert not app.store.get_contact(grace).archived


async def test_settings_saved_under_a_long_lock_stay_open_with_the_days_typed(
    tmp_path: Path, busy: None
) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("c")
        await settle(pilot)
        await pilot.press("S")
        await settle(pilot)
        assert type(app.screen).__name__ == "SettingsScreen"
        app.screen.query_one("#interval-5", Input).value = "7"
        with hold_write_lock(tmp_path / "netcoach.db"):
            await pilot.press("ctrl+s")
            await settle(pilot)
            assert type(app.screen).__name__ == "SettingsScreen"
            # Said in the form, above its Save button, with the days typed kept.
            assert failure_line(app).startswith(f"Not saved: {BUSY}. What you typed is still")
            assert "press ctrl+s to try again" in failure_line(app)
            assert app.screen.query_one("#interval-5", Input).value == "7"
            assert app.store.cadence_intervals()[5] == 14
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert type(app.screen).__name__ == "ContactsScreen"
    assert app.store.cadence_intervals()[5] == 7


async def test_a_rehearsal_saved_on_a_full_disk_is_kept_with_its_rating_and_note(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from tests.ui.test_pitch import make_app as pitch_app

    app = pitch_app(tmp_path, "word " * 130)
    clock = app.rehearsal_clock
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("p")
        await settle(pilot)
        await pilot.press("ctrl+r")
        await settle(pilot)
        await pilot.press("space")
        clock.now += 42
        await pilot.press("enter")
        await settle(pilot)
        assert type(app.screen).__name__ == "RehearsalSaveModal"
        await pilot.press("4")
        app.screen.query_one("#rehearsal-note", Input).value = "slow start"
        disk_full_on_commit(monkeypatch)
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert type(app.screen).__name__ == "RehearsalScreen"
        assert (
            f"Rehearsal not saved: {FULL}. It is kept: press enter to save it again."
            in messages(app)
        )
        assert app.store.pitches.rehearsals(1) == []
        monkeypatch.undo()
        await pilot.press("enter")
        await settle(pilot)
        modal = app.screen
        assert type(modal).__name__ == "RehearsalSaveModal"
        assert modal.query_one("#rehearsal-note", Input).value == "slow start"
        assert "42" in str(modal.query_one("#rehearsal-save-title", Static).content)
        await pilot.press("ctrl+s")
        await settle(pilot)
    saved = app.store.pitches.rehearsals(1)
    assert [(r.duration_seconds, r.rating, r.note) for r in saved] == [(42.0, 4, "slow start")]


async def test_a_want_added_on_give_and_get_under_a_long_lock_keeps_the_phrase(
    tmp_path: Path, busy: None
) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("g")
        await settle(pilot)
        await pilot.press("4")
        await settle(pilot)
        phrase = app.screen.query_one("#want-phrase", Input)
        phrase.focus()
        await pilot.press(*"Knows hotel owners")
        with hold_write_lock(tmp_path / "netcoach.db"):
            await pilot.press("enter")
            await settle(pilot)
            assert f"Not saved: {BUSY}." in messages(app)
            assert phrase.value == "Knows hotel owners"
            assert app.store.ledger.wants_haves(None) == []
        await pilot.press("enter")
        await settle(pilot)
        assert phrase.value == ""
    assert [w.phrase for w in app.store.ledger.wants_haves(None)] == ["Knows hotel owners"]


async def test_a_pitch_saved_on_a_full_disk_keeps_the_script_and_offers_ctrl_s(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from textual.widgets import TextArea

    app = make_app(tmp_path)
    pitch = app.store.pitches.create_pitch("Breakfast", 60, "I'm Rosa.")
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("p")
        await settle(pilot)
        editor = app.screen.query_one("#pitch-editor", TextArea)
        editor.text = "I'm Rosa. I help offices."
        await settle(pilot)
        disk_full_on_commit(monkeypatch)
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert f"Not saved: {FULL}. Press ctrl+s to try again." in messages(app)
        assert editor.text == "I'm Rosa. I help offices."
        assert app.store.pitches.get_pitch(pitch.id).current.script == "I'm Rosa."
        monkeypatch.undo()
        await pilot.press("ctrl+s")
        await settle(pilot)
    assert app.store.pitches.get_pitch(pitch.id).current.script == "I'm Rosa. I help offices."


async def test_an_import_on_a_full_disk_says_so_and_writes_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fixture = Path(__file__).parent.parent / "fixtures" / "linkedin-connections.csv"
    app = make_app(tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("c")
        await settle(pilot)
        await pilot.press("I")
        await settle(pilot)
        screen = app.screen
        screen.query_one("#import-path", Input).value = str(fixture)
        await pilot.press("ctrl+r")
        await settle(pilot)
        disk_full_on_commit(monkeypatch)
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert "The import stopped (the disk is full); nothing was written." in screen_text(app)
        assert messages(app) == []  # said once, in the screen, not again in a toast
        assert app.store.count_contacts() == 0
        monkeypatch.undo()
        await pilot.press("ctrl+r")
        await settle(pilot)
        await pilot.press("ctrl+s")
        await settle(pilot)
    assert app.store.count_contacts() == 4
