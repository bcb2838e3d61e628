"""Snapshot fixtures: the app on the demo data, a fixed clock, and nothing that moves on its own.

Every snapshot starts the real app on a copy of one demo database, generated once per run
from the fixed clock in ``tests/conftest.py``. What could make two runs differ is pinned:
the clock the screens read (the Store's), the rehearsal's monotonic clock, the terminal
size, the home folder shown in paths, animations, cursor blink and toasts; and each
picture is taken once the screen has stopped changing, not after a fixed wait.
"""

from __future__ import annotations

import shutil
from collections.abc import Awaitable, Callable, Iterator
from contextlib import suppress
from datetime import datetime
from pathlib import Path

import pytest

from tests.conftest import FIXED_NOW, settle

# Sizes every screen is drawn at: the smallest supported terminal and a roomy one.
SIZES = ((80, 24), (120, 40))
# The home folder paths are shown under, so a snapshot does not depend on the machine.
SHOWN_HOME = "/home/you"
SAMPLE_NAME = "linkedin-sample.csv"
# Where the rehearsal's monotonic clock starts; scenes move it on by hand.
MONOTONIC_START = 5000.0
# The screen counts as still once STILL_FRAMES pictures FRAME_GAP seconds apart are the same.
STILL_FRAMES = 3
FRAME_GAP = 0.05
MAX_FRAMES = 60

# An async function of the pilot: the keys a person presses to reach the screen.
Steps = Callable[..., Awaitable[None]]
Prepare = Callable[[object], None]


class FakeMonotonic:
    """The rehearsal timer's clock: stands still until a scene moves it."""

    def __init__(self) -> None:
        self.now = MONOTONIC_START

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


def build_demo_database(path: Path) -> Path:
    """Create the demo database at ``path`` exactly as ``netcoach --demo`` does, at FIXED_NOW."""
    from netcoach.data.db import database, open_database
    from netcoach.data.demo import generate_demo

    path.parent.mkdir(parents=True, exist_ok=True)
    generate_demo(open_database(path, path.parent / "backups"), now=FIXED_NOW)
    database.close()
    return path


@pytest.fixture(scope="session")
def demo_database(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One demo database per run; each snapshot works on its own copy."""
    return build_demo_database(tmp_path_factory.mktemp("demo") / "netcoach.db")


@pytest.fixture(params=SIZES, ids=[f"{w}x{h}" for w, h in SIZES])
def terminal_size(request: pytest.FixtureRequest) -> tuple[int, int]:
    return request.param


@pytest.fixture
def snapshot_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A scratch folder to work in, a fixed home folder to show, and colours switched on."""
    from netcoach.data.db import database
    from netcoach.screens import import_contacts

    work = tmp_path / "work"
    work.mkdir()
    shutil.copyfile(import_contacts.sample_export(), work / SAMPLE_NAME)
    monkeypatch.chdir(work)
    # Paths are shown relative to the folder the app was started in, or under the home
    # folder, never under this machine's temporary folder or checkout.
    monkeypatch.setenv("HOME", SHOWN_HOME)
    monkeypatch.setattr(import_contacts, "sample_export", lambda: Path(SAMPLE_NAME))
    monkeypatch.delenv("NO_COLOR", raising=False)
    yield tmp_path
    if not database.is_closed():
        database.close()


@pytest.fixture
def shoot(
    snap_compare: Callable[..., bool],
    terminal_size: tuple[int, int],
    snapshot_home: Path,
    demo_database: Path,
) -> Callable[..., bool]:
    """``shoot(steps, expect)``: start the app on the demo data, run ``steps`` (an async
    function of the pilot that presses keys as a person would), check that the screen
    named ``expect`` is showing, and compare the terminal with the stored SVG.

    ``clock`` replaces the fixed clock (the data stays generated at FIXED_NOW);
    ``prepare`` gets the Store before the app starts, to set up what keys cannot;
    ``read_only`` opens a database file that may not be written.
    """

    def take(
        steps: Steps | None = None,
        expect: str = "TodayScreen",
        clock: datetime = FIXED_NOW,
        prepare: Prepare | None = None,
        read_only: bool = False,
    ) -> bool:
        app = build_app(snapshot_home, demo_database, clock, read_only)
        if prepare is not None:
            prepare(app.store)
        errors: list[str] = []
        watch_errors(app, errors)
        problems: list[BaseException] = []

        async def run_before(pilot) -> None:  # type: ignore[no-untyped-def]
            try:
                await wait_until_still(pilot)
                if steps is not None:
                    await steps(pilot)
                await settle(pilot)
                shown = type(pilot.app.screen).__name__
                assert shown == expect, f"the keys led to {shown}, not {expect}"
                assert not errors, f"an error was shown: {errors}"
                await hold_still(pilot)
            except BaseException as problem:
                problems.append(problem)
                raise

        try:
            return snap_compare(app, terminal_size=terminal_size, run_before=run_before)
        finally:
            if problems:
                raise problems[0]

    return take


def build_app(home: Path, template: Path, clock: datetime, read_only: bool = False):  # type: ignore[no-untyped-def]
    from netcoach.app import create_app

    database = home / "home" / "netcoach.db"
    database.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(template, database)
    database.chmod(0o400 if read_only else 0o600)
    app = create_app(
        database, config_path=home / "home" / "config.json", demo=True, clock=lambda: clock
    )
    app.rehearsal_clock = FakeMonotonic()
    # Tabs and scrolling would otherwise be caught half way.
    app.animation_level = "none"
    return app


def watch_errors(app, errors: list[str]) -> None:  # type: ignore[no-untyped-def]
    """Remember every error toast: toasts are cleared before the picture, errors must not be."""
    notify = app.notify

    def notify_and_remember(message, *args, **kwargs):  # type: ignore[no-untyped-def]
        if kwargs.get("severity") == "error":
            errors.append(str(message))
        return notify(message, *args, **kwargs)

    app.notify = notify_and_remember


async def hold_still(pilot) -> None:  # type: ignore[no-untyped-def]
    """Stop what changes with time alone (the cursor's blink, the toasts' timeouts), then
    wait for the screen to stop changing."""
    app = pilot.app
    stop_blinking(app)
    app.clear_notifications()
    await settle(pilot)
    await wait_until_still(pilot, frames=STILL_FRAMES)


def stop_blinking(app) -> None:  # type: ignore[no-untyped-def]
    """Every text cursor on every open screen stops blinking: shown while its field has focus.

    Done before each key too, so that a field leaving focus (under a dialog) keeps the same
    cursor whatever the moment in the blink it left at.
    """
    from textual.widgets import Input, TextArea

    for screen in app.screen_stack:
        for field in screen.query(Input):
            field.cursor_blink = False
        for area in screen.query(TextArea):
            area.cursor_blink = False


async def wait_until_still(pilot, frames: int = 2) -> None:  # type: ignore[no-untyped-def]
    """Wait until ``frames`` pictures in a row, a little apart, are the same.

    Waiting for the workers is not enough: tables size their columns when idle and lists
    settle their scrollbars over a few refreshes, and on a busy machine Textual's own
    wait for idle can return before they have.
    """
    from textual.worker import WorkerCancelled, WorkerFailed

    app = pilot.app
    previous = None
    same = 1
    for _ in range(MAX_FRAMES):
        with suppress(WorkerCancelled, WorkerFailed):
            await app.workers.wait_for_complete()
        await pilot.pause(FRAME_GAP)
        frame = app.export_screenshot()
        same = same + 1 if frame == previous else 1
        if same >= frames:
            return
        previous = frame
    raise AssertionError(f"the screen was still changing after {MAX_FRAMES} frames")
