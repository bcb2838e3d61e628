"""Nothing typed is thrown away: leaving a changed form asks, long forms keep drafts on disk."""

from __future__ import annotations

import errno
import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from peewee import OperationalError
from textual.widgets import Input, RadioButton, Static, TextArea

from netcoach.app import create_app
from netcoach.core.meetings import OneToOneDraft
from netcoach.core.models import ContactDraft
from netcoach.data.tables import (
    ContactRecord,
    EventRecord,
    GoalRecord,
    LedgerEntryRecord,
    OneToOneRecord,
    ProfileRecord,
)
from netcoach.screens.forms import DraftOfferModal, LeaveFormModal, SaveFailure
from tests.conftest import FIXED_NOW, fixed_clock, settle

ROOT = Path(__file__).resolve().parents[2]


def make_app(home: Path):  # type: ignore[no-untyped-def]
    return create_app(
        home / "netcoach.db", config_path=home / "config" / "config.json", clock=fixed_clock
    )


def drafts_in(home: Path) -> list[str]:
    folder = home / "drafts"
    return sorted(p.name for p in folder.iterdir()) if folder.is_dir() else []


def count(app: Any, record: Any, *where: Any) -> int:
    with app.store.db.connection_context():
        query = record.select()
        return (query.where(*where) if where else query).count()


@dataclass(frozen=True)
class Form:
    """How to open one form, what to type where, and how to see that it was saved."""

    name: str
    screen: str
    open: Callable[[Any, dict[str, int]], Any]
    field: str
    text: str
    saved: Callable[[Any], int]
    required: Callable[[Any], None] = lambda screen: None
    draft: str = ""


def _contact_form(app: Any, ids: dict[str, int]) -> Any:
    from netcoach.screens.contact_form import ContactFormScreen

    return ContactFormScreen(app.store, None)


def _one_to_one_form(app: Any, ids: dict[str, int]) -> Any:
    from netcoach.screens.one_to_one_form import OneToOneFormScreen

    return OneToOneFormScreen(app.store, contact=(ids["ada"], "Ada Lovelace", 3))


def _outcome_form(app: Any, ids: dict[str, int]) -> Any:
    from netcoach.screens.outcome import OutcomeScreen

    return OutcomeScreen(app.store, ids["held"])


def _event_form(app: Any, ids: dict[str, int]) -> Any:
    from netcoach.screens.event_form import EventFormScreen

    return EventFormScreen(app.store)


def _ledger_form(app: Any, ids: dict[str, int]) -> Any:
    from netcoach.screens.ledger_entry import LedgerEntryModal

    return LedgerEntryModal(app.store, contact_id=ids["ada"])


def _goal_form(app: Any, ids: dict[str, int]) -> Any:
    from netcoach.screens.goal_form import GoalModal

    return GoalModal(app.store)


def _settings(app: Any, ids: dict[str, int]) -> Any:
    from netcoach.screens.settings import SettingsScreen

    return SettingsScreen(app.store)


def _guide(app: Any, ids: dict[str, int]) -> Any:
    from netcoach.screens.pitch_guide import PitchGuideScreen

    return PitchGuideScreen(app.store)


def _set(selector: str, value: str) -> Callable[[Any], None]:
    def fill(screen: Any) -> None:
        screen.query_one(selector, Input).value = value

    return fill


def _achieved(screen: Any) -> None:
    screen.query_one("#outcome-achieved", RadioButton).value = True


FORMS = [
    Form(
        "contact",
        "ContactFormScreen",
        _contact_form,
        "#field-name",
        "Priya Patel",
        lambda app: count(app, ContactRecord, ContactRecord.name == "Priya Patel"),
        draft="contact-new.json",
    ),
    Form(
        "one-to-one",
        "OneToOneFormScreen",
        _one_to_one_form,
        "#field-objective",
        "Hear her plans",
        lambda app: count(app, OneToOneRecord, OneToOneRecord.objective == "Hear her plans"),
        _set("#field-when", "tomorrow 7am"),
        draft="one-to-one-new.json",
    ),
    Form(
        "outcome",
        "OutcomeScreen",
        _outcome_form,
        "#field-notes",
        "She wants architects",
        lambda app: count(app, OneToOneRecord, OneToOneRecord.notes == "She wants architects"),
        _achieved,
        draft="outcome-{held}.json",
    ),
    Form(
        "event",
        "EventFormScreen",
        _event_form,
        "#field-name",
        "Thursday breakfast",
        lambda app: count(app, EventRecord, EventRecord.name == "Thursday breakfast"),
        _set("#field-when", "tomorrow 7am"),
        draft="event-new.json",
    ),
    Form(
        "ledger entry",
        "LedgerEntryModal",
        _ledger_form,
        "#entry-note",
        "Sent a roofer",
        lambda app: count(app, LedgerEntryRecord, LedgerEntryRecord.note == "Sent a roofer"),
    ),
    Form(
        "goal",
        "GoalModal",
        _goal_form,
        "#goal-title",
        "Three introductions",
        lambda app: count(app, GoalRecord, GoalRecord.title == "Three introductions"),
        _set("#goal-target", "3"),
    ),
    Form(
        "settings",
        "SettingsScreen",
        _settings,
        "#profile-business",
        "Willow & Bloom",
        lambda app: count(app, ProfileRecord, ProfileRecord.value == "Willow & Bloom"),
    ),
    # The guide opens on its first step, about you, while the profile is blank.
    Form(
        "pitch guide",
        "PitchGuideScreen",
        _guide,
        "#profile-name",
        "I'm Rosa",
        lambda app: count(app, ProfileRecord, ProfileRecord.value == "I'm Rosa"),
        draft="pitch-guide-new.json",
    ),
]
LONG_FORMS = [form for form in FORMS if form.draft]


def seed(app: Any) -> dict[str, int]:
    ada = app.store.add_contact(ContactDraft("Ada Lovelace", level=3))
    held = app.store.meetings.plan_one_to_one(
        OneToOneDraft(ada.id, FIXED_NOW - timedelta(days=1), 60, "Café", "Learn her market")
    )
    return {"ada": ada.id, "held": held.id}


async def open_form(pilot: Any, form: Form, ids: dict[str, int]) -> Any:
    await settle(pilot)
    pilot.app.push_screen(form.open(pilot.app, ids))
    await settle(pilot)
    assert type(pilot.app.screen).__name__ == form.screen
    return pilot.app.screen


async def type_in(pilot: Any, selector: str, text: str) -> None:
    pilot.app.screen.query_one(selector).focus()
    await pilot.pause()
    await pilot.press(*text)
    await pilot.pause()


def field_text(screen: Any, selector: str) -> str:
    widget = screen.query_one(selector)
    return widget.text if isinstance(widget, TextArea) else widget.value


def exists(path: Path, text: str = "") -> bool:
    try:
        return text in path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return False


async def wait_for_draft(pilot: Any, path: Path, text: str = "") -> None:
    """Wait until the draft file holds ``text`` (it is written every half second)."""
    for _ in range(80):
        await pilot.pause(0.05)
        if exists(path, text):
            await settle(pilot)
            return
    raise AssertionError(f"no draft was written to {path}")


async def asked(pilot: Any, mode: str | None = None) -> LeaveFormModal:
    """Wait for the question (the quit conversation is a worker waiting for the answer,
    so ``settle`` would wait for it too)."""
    for _ in range(100):
        await pilot.pause(0.05)
        if isinstance(pilot.app.screen, LeaveFormModal) and mode in (None, pilot.app.current_mode):
            return pilot.app.screen
    raise AssertionError(f"no question asked; on {pilot.app.screen}")


ids_of = [form.name for form in FORMS]


@pytest.mark.parametrize("form", FORMS, ids=ids_of)
async def test_escape_with_changes_asks_and_keep_editing_keeps_the_text(
    tmp_path: Path, form: Form
) -> None:
    app = make_app(tmp_path)
    ids = seed(app)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_form(pilot, form, ids)
        await type_in(pilot, form.field, form.text)
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, LeaveFormModal)
        assert "has changes that are not saved" in str(
            app.screen.query_one("#leave-question", Static).content
        )
        await pilot.press("escape")  # keep editing
        await settle(pilot)
        assert app.screen is screen
        assert field_text(screen, form.field).endswith(form.text)
        assert app.focused is screen.query_one(form.field)
    assert form.saved(app) == 0


@pytest.mark.parametrize("form", FORMS, ids=ids_of)
async def test_discard_closes_and_writes_nothing(tmp_path: Path, form: Form) -> None:
    app = make_app(tmp_path)
    ids = seed(app)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_form(pilot, form, ids)
        await type_in(pilot, form.field, form.text)
        if form.draft:
            await wait_for_draft(pilot, tmp_path / "drafts" / form.draft.format(**ids))
        await pilot.press("escape")
        await settle(pilot)
        await pilot.press("ctrl+d")
        await settle(pilot)
        assert app.screen is not screen
        assert not isinstance(app.screen, LeaveFormModal)
    assert form.saved(app) == 0
    assert drafts_in(tmp_path) == []


@pytest.mark.parametrize("form", FORMS, ids=ids_of)
async def test_save_from_the_question_writes_and_forgets_the_draft(
    tmp_path: Path, form: Form
) -> None:
    app = make_app(tmp_path)
    ids = seed(app)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_form(pilot, form, ids)
        form.required(screen)
        await type_in(pilot, form.field, form.text)
        if form.draft:
            await wait_for_draft(pilot, tmp_path / "drafts" / form.draft.format(**ids))
        await pilot.press("escape")
        await settle(pilot)
        assert app.focused is app.screen.query_one("#leave-save")
        await pilot.press("enter")  # Save is the focused button
        await settle(pilot)
        assert screen not in app.screen_stack
    assert form.saved(app) == 1
    assert drafts_in(tmp_path) == []


@pytest.mark.parametrize("form", FORMS, ids=ids_of)
async def test_an_unchanged_form_closes_at_once(tmp_path: Path, form: Form) -> None:
    app = make_app(tmp_path)
    ids = seed(app)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_form(pilot, form, ids)
        await pilot.press("escape")
        await settle(pilot)
        assert screen not in app.screen_stack
        assert not isinstance(app.screen, LeaveFormModal)


async def test_a_save_refused_by_validation_keeps_the_form_open_with_its_errors(
    tmp_path: Path,
) -> None:
    app = make_app(tmp_path)
    ids = seed(app)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_form(pilot, FORMS[1], ids)  # one-to-one, no date typed
        await type_in(pilot, "#field-objective", "Hear her plans")
        await pilot.press("escape", "ctrl+s")
        await settle(pilot)
        assert app.screen is screen
        assert screen.query_one("#hint-when", Static).has_class("-error")
        assert field_text(screen, "#field-objective") == "Hear her plans"
    assert count(app, OneToOneRecord) == 1  # only the one seeded


async def test_ctrl_q_with_changes_asks_and_can_be_kept(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    ids = seed(app)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_form(pilot, FORMS[0], ids)
        await type_in(pilot, "#field-name", "Priya Patel")
        await pilot.press("ctrl+q")
        await asked(pilot)
        assert "before netcoach closes" in str(
            app.screen.query_one("#leave-question", Static).content
        )
        await pilot.press("escape")
        await settle(pilot)
        assert app.screen is screen
        assert app.return_code is None
        await pilot.press("ctrl+q")
        await asked(pilot)
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert app.return_code == 0
    assert FORMS[0].saved(app) == 1


async def test_ctrl_q_asks_about_each_changed_form_on_every_screen(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    ids = seed(app)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await app.switch_mode("contacts")
        contact = await open_form(pilot, FORMS[0], ids)
        await type_in(pilot, "#field-name", "Priya Patel")
        await app.switch_mode("ledger")
        await settle(pilot)
        goal = await open_form(pilot, FORMS[5], ids)
        await type_in(pilot, "#goal-title", "Three introductions")
        await app.switch_mode("today")
        await settle(pilot)
        # An unchanged form elsewhere is not asked about.
        await open_form(pilot, FORMS[3], ids)
        await pilot.press("ctrl+q")
        await asked(pilot)
        assert app.current_mode == "contacts"
        assert "1 more form with changes" in str(
            app.screen.query_one("#leave-question", Static).content
        )
        await pilot.press("ctrl+d")
        await asked(pilot, "ledger")
        assert app.return_code is None
        await pilot.press("ctrl+d")
        await settle(pilot)
        assert app.return_code == 0
    assert contact.has_changes() is False and goal.has_changes() is False
    assert count(app, ContactRecord) == 1 and count(app, GoalRecord) == 0


async def test_ctrl_q_with_nothing_changed_quits_at_once(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    ids = seed(app)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_form(pilot, FORMS[0], ids)
        await pilot.press("ctrl+q")
        await settle(pilot)
        assert app.return_code == 0


async def test_unsaved_pitch_edits_ask_before_quitting(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    pitch = app.store.pitches.create_pitch("Breakfast", 60, "I'm Rosa.")
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("p")
        await settle(pilot)
        editor = app.screen.query_one("#pitch-editor", TextArea)
        editor.focus()
        editor.move_cursor(editor.document.end)
        await pilot.press(*" I help offices.")
        await pilot.press("ctrl+q")
        await asked(pilot)
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert app.return_code == 0
    assert app.store.pitches.get_pitch(pitch.id).current.script == "I'm Rosa. I help offices."


@pytest.mark.parametrize("form", FORMS[:1], ids=ids_of[:1])
async def test_a_failed_write_is_shown_in_the_form_and_keeps_everything(
    tmp_path: Path, form: Form, caplog: pytest.LogCaptureFixture
) -> None:
    app = make_app(tmp_path)
    ids = seed(app)
    real_add = app.store.add_contact

    def broken(draft: ContactDraft) -> Any:
        raise OSError(errno.EIO, "Input/output error")

    app.store.add_contact = broken
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_form(pilot, form, ids)
        await type_in(pilot, "#field-name", "Priya Patel")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert app.screen is screen
        failure = str(screen.query_one(SaveFailure).content)
        assert "Not saved: the disk could not be read or written." in failure
        assert "kept as a draft" in failure and "ctrl+s to try again" in failure
        assert field_text(screen, "#field-name") == "Priya Patel"
        await wait_for_draft(pilot, tmp_path / "drafts" / "contact-new.json")
        app.store.add_contact = real_add
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert screen not in app.screen_stack
    assert form.saved(app) == 1
    assert drafts_in(tmp_path) == []
    assert any("saving the contact failed" in r.getMessage() for r in caplog.records)


async def test_a_failed_pitch_guide_save_is_shown_in_the_guide(tmp_path: Path) -> None:
    app = make_app(tmp_path)

    def broken(answers: dict[str, str], asked: bool = False) -> None:
        raise OperationalError("database is locked")

    app.store.pitches.save_profile = broken
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_form(pilot, FORMS[-1], {})
        await pilot.press("ctrl+n")  # past the profile, to the first part
        await type_in(pilot, "#guide-answer", "I'm Rosa")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert app.screen is screen
        assert "Not saved: another netcoach is writing to the database." in str(
            screen.query_one(SaveFailure).content
        )
        assert field_text(screen, "#guide-answer") == "I'm Rosa"


@pytest.mark.parametrize("form", LONG_FORMS, ids=[form.name for form in LONG_FORMS])
async def test_a_kept_draft_is_offered_back_and_restored(tmp_path: Path, form: Form) -> None:
    app = make_app(tmp_path)
    ids = seed(app)
    path = tmp_path / "drafts" / form.draft.format(**ids)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_form(pilot, form, ids)
        await type_in(pilot, form.field, form.text)
        await wait_for_draft(pilot, path, form.text)
        app.exit()  # gone without a word, as after a crash
    assert path.exists()

    again = make_app(tmp_path)
    async with again.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        again.push_screen(form.open(again, ids))
        await settle(pilot)
        assert isinstance(again.screen, DraftOfferModal)
        assert "from today at 07:30 was kept" in str(
            again.screen.query_one("#offer-text", Static).content
        )
        await pilot.press("enter")
        await settle(pilot)
        screen = again.screen
        assert type(screen).__name__ == form.screen
        assert field_text(screen, form.field).endswith(form.text)
        assert screen.has_changes()
        # Discarding on the way out removes the draft for good.
        await pilot.press("escape", "ctrl+d")
        await settle(pilot)
    assert drafts_in(tmp_path) == []
    assert form.saved(again) == 0


async def test_discarding_the_offer_forgets_the_draft(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    path = tmp_path / "drafts" / "contact-new.json"
    async with app.run_test(size=(120, 40)) as pilot:
        await open_form(pilot, FORMS[0], {})
        await type_in(pilot, "#field-name", "Priya Patel")
        await wait_for_draft(pilot, path, "Priya Patel")
        app.exit()
    again = make_app(tmp_path)
    async with again.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        again.push_screen(FORMS[0].open(again, {}))
        await settle(pilot)
        await pilot.press("ctrl+d")
        await settle(pilot)
        assert field_text(again.screen, "#field-name") == ""
        assert not path.exists()


async def test_drafts_belong_to_their_record(tmp_path: Path) -> None:
    from netcoach.screens.contact_form import ContactFormScreen

    app = make_app(tmp_path)
    ids = seed(app)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_form(pilot, FORMS[0], ids)
        await type_in(pilot, "#field-name", "Priya Patel")
        await wait_for_draft(pilot, tmp_path / "drafts" / "contact-new.json", "Priya Patel")
        app.exit()
    again = make_app(tmp_path)
    async with again.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        again.push_screen(ContactFormScreen(again.store, ids["ada"]))  # editing Ada: no offer
        await settle(pilot)
        assert type(again.screen).__name__ == "ContactFormScreen"
        assert field_text(again.screen, "#field-name") == "Ada Lovelace"
        await type_in(pilot, "#field-company", "Analytical")
        await wait_for_draft(pilot, tmp_path / "drafts" / f"contact-{ids['ada']}.json")
    assert drafts_in(tmp_path) == [f"contact-{ids['ada']}.json", "contact-new.json"]


async def test_a_damaged_draft_is_ignored_with_a_note(tmp_path: Path) -> None:
    (tmp_path / "drafts").mkdir(parents=True)
    (tmp_path / "drafts" / "contact-new.json").write_text("{half a dra", encoding="utf-8")
    app = make_app(tmp_path)
    notes: list[str] = []
    notify = app.notify
    app.notify = lambda message, **options: (notes.append(message), notify(message, **options))[1]
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_form(pilot, FORMS[0], {})
        assert not isinstance(app.screen, DraftOfferModal)
        assert any("could not be read, so it was ignored" in note for note in notes)
        await type_in(pilot, "#field-name", "Priya Patel")
        await wait_for_draft(pilot, tmp_path / "drafts" / "contact-new.json")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert screen not in app.screen_stack
    assert FORMS[0].saved(app) == 1


# ---- a real crash ---------------------------------------------------------------------------


def _spawn_in_terminal(home: Path) -> tuple[subprocess.Popen[bytes], int]:
    import fcntl
    import pty
    import struct
    import termios

    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 40, 120, 0, 0))
    env = {**os.environ, "PYTHONPATH": str(ROOT), "TERM": "xterm-256color", "COLUMNS": "120"}
    env.pop("NETCOACH_HOME", None)
    child = subprocess.Popen(
        [sys.executable, "-m", "netcoach", "--home", str(home)],
        stdin=slave,
        stdout=slave,
        stderr=slave,
        cwd=ROOT,
        env=env,
        start_new_session=True,
    )
    os.close(slave)
    return child, master


def _read_until(master: int, wanted: bytes, seen: bytearray, seconds: float) -> bool:
    import select

    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        ready, _w, _x = select.select([master], [], [], 0.1)
        if ready:
            try:
                seen.extend(os.read(master, 65536))
            except OSError:
                return False
        if wanted in seen:
            return True
    return False


def _crash_while_typing(home: Path, text: str) -> Path:
    """Start netcoach in a terminal, open a new contact, type, then kill it (SIGKILL)."""
    child, master = _spawn_in_terminal(home)
    draft = home / "drafts" / "contact-new.json"
    seen = bytearray()
    try:
        assert _read_until(master, b"Today", seen, 60), seen[-2000:]
        time.sleep(0.5)
        os.write(master, b"c")
        assert _read_until(master, b"Contacts", seen, 30), seen[-2000:]
        time.sleep(0.5)
        seen.clear()
        os.write(master, b"n")
        assert _read_until(master, b"New contact", seen, 30), seen[-2000:]
        time.sleep(0.5)
        os.write(master, text.encode())
        deadline = time.monotonic() + 30
        while not exists(draft, text) and time.monotonic() < deadline:
            _read_until(master, b"\x00never", seen, 0.2)
        assert exists(draft, text), "the draft was not written while typing"
    finally:
        child.send_signal(signal.SIGKILL)
        child.wait(timeout=30)
        os.close(master)
    assert child.returncode == -signal.SIGKILL
    return draft


@pytest.mark.skipif(sys.platform == "win32", reason="needs a pseudo-terminal")
async def test_a_killed_app_leaves_a_draft_that_is_offered_back(tmp_path: Path) -> None:
    home = tmp_path / "home"
    draft = _crash_while_typing(home, "Zoë Okafor")
    assert exists(draft)

    app = make_app(home)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("c")
        await settle(pilot)
        await pilot.press("n")
        await settle(pilot)
        assert isinstance(app.screen, DraftOfferModal)
        await pilot.press("enter")
        await settle(pilot)
        assert type(app.screen).__name__ == "ContactFormScreen"
        assert field_text(app.screen, "#field-name") == "Zoë Okafor"
        await pilot.press("ctrl+s")
        await settle(pilot)
    assert count(app, ContactRecord, ContactRecord.name == "Zoë Okafor") == 1
    assert drafts_in(home) == []
