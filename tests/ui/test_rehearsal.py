"""The rehearsal timer on screen: the time shown comes from the clock, drawn only on a change."""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

from textual.widgets import Digits, Static

from tests.conftest import settle
from tests.ui.test_pitch import make_app


async def wait_for(pilot, shown: Callable[[], bool], seconds: float = 3.0) -> None:
    """Let the app run until ``shown()`` holds; fails after ``seconds`` of real time."""
    deadline = time.monotonic() + seconds
    while not shown():
        assert time.monotonic() < deadline, "not shown in time"
        await pilot.pause(0.02)


def clock_text(screen) -> tuple[str, str]:
    digits = screen.query_one("#rehearsal-time", Digits).value
    return digits, str(screen.query_one("#rehearsal-signal", Static).content)


async def start_rehearsal(app, pilot):
    await settle(pilot)
    await pilot.press("e")  # from Today: rehearse the pitch to use next
    await settle(pilot)
    screen = app.screen
    assert type(screen).__name__ == "RehearsalScreen"
    await pilot.press("space")
    return screen


async def test_the_running_clock_shows_the_time_of_the_clock_by_itself(tmp_path: Path) -> None:
    app = make_app(tmp_path, "word " * 130)
    clock = app.rehearsal_clock
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await start_rehearsal(app, pilot)
        assert clock_text(screen)[0] == "0:00"
        clock.now += 12.7  # no call to redraw: the screen looks again by itself
        await wait_for(pilot, lambda: clock_text(screen) == ("0:12", "SPEAKING"))
        clock.now += 17.3
        await wait_for(pilot, lambda: clock_text(screen) == ("0:30", "HALF TIME"))
        assert screen.query_one("#rehearsal-signal").has_class("-half")


async def test_the_clock_reaches_the_limit_then_goes_over(tmp_path: Path) -> None:
    app = make_app(tmp_path, "word " * 130)
    clock = app.rehearsal_clock
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await start_rehearsal(app, pilot)
        clock.now += 59.999
        await wait_for(pilot, lambda: clock_text(screen) == ("0:59", "WRAP UP"))
        clock.now += 0.001  # exactly the limit
        await wait_for(pilot, lambda: clock_text(screen) == ("1:00", "TIME"))
        assert screen.query_one("#rehearsal-time").has_class("-time")
        clock.now += 1.0
        await wait_for(pilot, lambda: clock_text(screen) == ("1:01", "OVER +0:01"))
        assert screen.query_one("#rehearsal-signal").has_class("-over")


async def test_nothing_is_drawn_again_while_nothing_shown_changes(tmp_path: Path) -> None:
    app = make_app(tmp_path, "word " * 130)
    clock = app.rehearsal_clock
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await start_rehearsal(app, pilot)
        clock.now += 3.9
        await wait_for(pilot, lambda: clock_text(screen)[0] == "0:03")
        digits = screen.query_one("#rehearsal-time", Digits)
        script = screen.query_one("#rehearsal-script", Static)
        updates: list[str] = []
        original_digits, original_script = digits.update, script.update
        digits.update = lambda value: (updates.append("digits"), original_digits(value))[1]
        script.update = lambda content="": (updates.append("script"), original_script(content))[1]
        looks = 0
        original_redraw = screen.redraw

        def counted() -> None:
            nonlocal looks
            looks += 1
            original_redraw()

        screen.redraw = counted
        screen._look_again(screen.timer.elapsed())  # the next look goes through the counter
        await wait_for(pilot, lambda: looks >= 2)  # the frozen clock: it looks, draws nothing
        assert updates == []
        assert screen.ticker is not None  # and looks again later, not every frame


async def test_quitting_a_timed_rehearsal_can_save_it(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    clock = app.rehearsal_clock
    notes: list[str] = []
    async with app.run_test(size=(120, 40)) as pilot:
        original_notify = app.notify

        def notify(message: str, *args, **kwargs) -> None:
            notes.append(str(message))
            original_notify(message, *args, **kwargs)

        app.notify = notify
        await start_rehearsal(app, pilot)
        clock.now += 20.5
        await pilot.press("ctrl+q")
        await wait_for(pilot, lambda: type(app.screen).__name__ == "LeaveFormModal")
        await pilot.click("#leave-save")
        await wait_for(pilot, lambda: not app.is_running)
    assert not any("went wrong" in note for note in notes), notes
    rehearsals = app.store.pitches.rehearsals(1)
    assert [r.duration_seconds for r in rehearsals] == [20.5]
