"""Rehearsal timer CPU and drift, and per-keystroke counting cost.

    python benchmarks/timer.py              # all three parts, a full 60 s rehearsal run
    python benchmarks/timer.py --seconds 5  # a quick check
    python benchmarks/timer.py --part cpu   # only the CPU of a running rehearsal

Part 0 starts ``python -m netcoach --demo`` in a real pseudo-terminal of 80x24, lets it
settle, and reads the process CPU time (utime + stime in /proc/PID/stat) over
``--cpu-seconds`` of the idle Today screen (the baseline), then over the same time
with a rehearsal running (``e`` then ``space``). It answers the terminal's query for
synchronized output, so every frame the app draws is counted. Budget: the running
rehearsal under 5 % of one core.

Part 1 runs the real rehearsal screen (real monotonic clock, real redraw ticks) and
compares the time it displays with the monotonic clock; as a baseline from the same
run it shows what counting redraw ticks would have displayed. Budget: under 20 ms.

Part 2 times what one keystroke costs in the Pitch studio on a 400-word script:
the core analysis alone, and the whole update of the counts on screen. Budget: 16 ms.
"""

from __future__ import annotations

import argparse
import asyncio
import fcntl
import itertools
import os
import statistics
import struct
import subprocess
import sys
import tempfile
import termios
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

SCRIPT_400 = " ".join(
    (
        "I'm Sam Rivers from Rivers Print, and I basically help independent shops and "
        "cafés look as good on paper as they do in person: menus, well-known flyers, "
        "£1,500 shop signs and 3.5-metre banners. We're known for next-day turnaround. "
        "I'm looking for an introduction to someone opening a restaurant in town. "
    ).split()
    * 20
)[:100_000]


def words_400() -> str:
    words = SCRIPT_400.split()
    while len(words) < 400:
        words += words
    return " ".join(words[:400])


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


class PtyApp:
    """``netcoach --demo`` in a pseudo-terminal, its output read and its frames counted."""

    SYNC_QUERY = b"\x1b[?2026$p"
    SYNC_REPLY = b"\x1b[?2026;2$y"  # "supported": the app then brackets each frame
    FRAME_START = b"\x1b[?2026h"

    def __init__(self, columns: int = 80, rows: int = 24) -> None:
        master, slave = os.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", rows, columns, 0, 0))
        env = {**os.environ, "TERM": "xterm-256color", "COLUMNS": str(columns), "LINES": str(rows)}
        env.pop("NO_COLOR", None)
        self.process = subprocess.Popen(
            [sys.executable, "-m", "netcoach", "--demo"],
            cwd=ROOT,
            stdin=slave,
            stdout=slave,
            stderr=slave,
            env=env,
            start_new_session=True,
        )
        os.close(slave)
        self.master = master
        self.frames = 0
        self.bytes = 0
        self.last_output = time.monotonic()
        self.tail = b""
        self.reader = threading.Thread(target=self._read, daemon=True)
        self.reader.start()

    def _read(self) -> None:
        while True:
            try:
                chunk = os.read(self.master, 65536)
            except OSError:
                return
            if not chunk:
                return
            data = self.tail + chunk
            if self.SYNC_QUERY in data:
                os.write(self.master, self.SYNC_REPLY)
            self.frames += data.count(self.FRAME_START) - self.tail.count(self.FRAME_START)
            self.tail = data[-16:]
            self.bytes += len(chunk)
            self.last_output = time.monotonic()

    def cpu_seconds(self) -> float:
        with open(f"/proc/{self.process.pid}/stat") as stat:
            fields = stat.read().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")

    def press(self, keys: bytes) -> None:
        os.write(self.master, keys)

    def settle(self, quiet: float = 1.0, at_most: float = 30.0, frames: int = 0) -> None:
        """Wait for ``frames`` frames, then until the app has drawn nothing for ``quiet`` s."""
        deadline = time.monotonic() + at_most
        while time.monotonic() < deadline and self.frames < frames:
            time.sleep(0.05)
        while time.monotonic() < deadline and time.monotonic() - self.last_output < quiet:
            time.sleep(0.05)

    def measure(self, seconds: float) -> tuple[float, int, int]:
        """CPU % of one core, frames and bytes drawn over ``seconds``."""
        cpu, frames, written = self.cpu_seconds(), self.frames, self.bytes
        start = time.monotonic()
        time.sleep(seconds)
        took = time.monotonic() - start
        return (
            (self.cpu_seconds() - cpu) / took * 100,
            self.frames - frames,
            self.bytes - written,
        )

    def close(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(5)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        os.close(self.master)


def cpu_run(seconds: float, columns: int = 80, rows: int = 24) -> None:
    app = PtyApp(columns, rows)
    try:
        app.settle(quiet=2.0, frames=1)
        idle_cpu, idle_frames, idle_bytes = app.measure(seconds)
        app.press(b"e")  # Today: rehearse the pitch to use next
        app.settle(quiet=1.0, at_most=10, frames=app.frames + 1)
        app.press(b" ")
        time.sleep(0.3)
        run_cpu, run_frames, run_bytes = app.measure(seconds)
        app.press(b" ")
    finally:
        app.close()
    print(
        f"Rehearsal CPU in a {columns}x{rows} pseudo-terminal, {seconds:.0f} s each (budget < 5 %)"
    )
    print(
        f"  baseline, idle Today screen: {idle_cpu:5.1f} % of one core, "
        f"{idle_frames} frames ({idle_frames / seconds:.1f}/s), {idle_bytes:,} bytes"
    )
    print(
        f"  rehearsal running:           {run_cpu:5.1f} % of one core, "
        f"{run_frames} frames ({run_frames / seconds:.1f}/s), {run_bytes:,} bytes"
    )
    print(f"  running minus idle:          {run_cpu - idle_cpu:5.1f} % of one core")


async def drift_run(seconds: float) -> None:
    from netcoach.app import create_app
    from netcoach.core.pitch import format_duration
    from netcoach.screens.rehearsal import RehearsalScreen, open_rehearsal

    home = Path(tempfile.mkdtemp(prefix="netcoach-bench-"))
    app = create_app(home / "netcoach.db", config_path=home / "config.json")
    app.store.pitches.create_pitch("Breakfast", 60, words_400())
    samples: list[tuple[float, float, str]] = []
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        open_rehearsal(app, app.store)
        for _ in range(50):
            await pilot.pause()
            if isinstance(app.screen, RehearsalScreen) and app.screen.detail is not None:
                break
        screen = app.screen
        assert isinstance(screen, RehearsalScreen)
        original = screen.redraw

        def measured_redraw() -> None:
            original()
            shown = screen.query_one("#rehearsal-time").value  # type: ignore[attr-defined]
            samples.append((time.monotonic(), screen.shown_elapsed, shown))

        screen.redraw = measured_redraw  # type: ignore[method-assign]
        await pilot.press("space")
        started = screen.timer.state.running_since
        assert started is not None
        await asyncio.sleep(seconds)
        await pilot.press("space")
        stopped_at = time.monotonic()
        final_shown = screen.shown_elapsed
        true_final = screen.timer.elapsed()

    # Lag of each displayed value behind an independent reading of the clock taken just after
    # the redraw; it includes the redraw's own work, so it is an upper bound.
    lags = [((at - started) - shown) * 1000 for at, shown, _digits in samples]
    first = [lag for (at, _s, _d), lag in zip(samples, lags, strict=True) if at - started <= 1]
    last = [
        lag for (at, _s, _d), lag in zip(samples, lags, strict=True) if at - started >= seconds - 1
    ]
    text_ok = all(digits == format_duration(shown) for _at, shown, digits in samples if digits)
    gaps = [(b[0] - a[0]) * 1000 for a, b in itertools.pairwise(samples)]
    # How late each new whole second reached the screen after the clock passed it.
    late = [
        ((at - started) - int(shown)) * 1000
        for (_a, _s, before), (at, shown, digits) in itertools.pairwise(samples)
        if digits != before
    ]
    worst = max(abs(lag) for lag in lags)
    print(f"Rehearsal run: {seconds:.0f} s headless, {len(samples)} redraws (budget < 20 ms)")
    print(
        f"  shown at the stop {final_shown:.4f} s = clock {true_final:.4f} s "
        f"(digits {format_duration(final_shown)}; key handled at +{stopped_at - started:.3f} s)"
    )
    print(
        f"  displayed vs clock, every redraw: max {worst:.3f} ms, "
        f"median {statistics.median(lags):.3f} ms"
    )
    print(
        f"  drift growth: mean lag in the first second {statistics.fmean(first):.3f} ms, "
        f"in the last second {statistics.fmean(last):.3f} ms"
    )
    print(f"  digits always show the clock's elapsed time: {text_ok}")
    print(
        f"  redraw gap: median {statistics.median(gaps):.1f} ms, p95 "
        f"{percentile(gaps, 0.95):.1f} ms, max {max(gaps):.1f} ms (looks redraw, never add time)"
    )
    print(
        f"  each new second shown after the clock passed it: max {max(late, default=0):.1f} ms, "
        f"median {statistics.median(late or [0]):.1f} ms over {len(late)} seconds"
    )
    print(f"  redraws per second: {len(samples) / seconds:.1f}")


async def keystroke_run(repeats: int) -> None:
    from textual.widgets import TextArea

    from netcoach.app import create_app
    from netcoach.core.pitch import analyse_script, count_words, estimate_seconds
    from netcoach.widgets.pitch_form import PitchForm

    script = words_400()
    assert count_words(script) == 400, count_words(script)

    bare = []
    for _ in range(repeats):
        start = time.perf_counter()
        estimate_seconds(count_words(script))
        bare.append((time.perf_counter() - start) * 1000)
    core = []
    for _ in range(repeats):
        start = time.perf_counter()
        analyse_script(script, 60, 130)
        core.append((time.perf_counter() - start) * 1000)

    home = Path(tempfile.mkdtemp(prefix="netcoach-bench-"))
    app = create_app(home / "netcoach.db", config_path=home / "config.json")
    app.store.pitches.create_pitch("Breakfast", 60, script)
    screen_times = []
    key_times = []
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("p")
        for _ in range(30):
            await pilot.pause()
        screen = app.screen
        editor = screen.query_one("#pitch-editor", TextArea)
        form = screen.query_one(PitchForm)
        editor.focus()
        editor.move_cursor(editor.document.end)
        for index in range(repeats):
            start = time.perf_counter()
            if index % 2:
                editor.action_delete_left()  # type and rub out, so the script stays 400 words
            else:
                editor.insert(" x")
            form.script_changed()
            screen_times.append((time.perf_counter() - start) * 1000)
        for _ in range(min(repeats, 100)):
            start = time.process_time()
            await pilot.press("y")
            key_times.append((time.process_time() - start) * 1000)
        words_shown = str(screen.query_one("#pitch-stats").content)  # type: ignore[attr-defined]

    def line(name: str, values: list[float]) -> str:
        return (
            f"  {name:<44} median {statistics.median(values):6.3f} ms  p95 "
            f"{percentile(values, 0.95):6.3f} ms  max {max(values):6.3f} ms"
        )

    print(f"Per keystroke on a 400-word script ({repeats} runs; budget 16 ms)")
    print(line("baseline: count words + estimate only", bare))
    print(line("core analysis (words, time, parts, fillers)", core))
    print(line("studio: edit + update every count on screen", screen_times))
    bare_keys = await bare_text_area_keys(script, min(repeats, 100))
    print(line("studio: CPU of a whole key press (pilot)", key_times))
    print(line("baseline: same, bare TextArea app", bare_keys))
    print(
        f"  core analysis / baseline: {statistics.median(core) / statistics.median(bare):.1f}x; "
        f"on screen: {words_shown[:60]}"
    )


async def bare_text_area_keys(script: str, presses: int) -> list[float]:
    """CPU per key press in an app that is only Header, TextArea and Footer."""
    from textual.app import App, ComposeResult
    from textual.widgets import Footer, Header, TextArea

    class Bare(App[None]):
        def compose(self) -> ComposeResult:
            yield Header()
            yield TextArea(script, soft_wrap=True)
            yield Footer()

    app = Bare()
    times = []
    async with app.run_test(size=(120, 40)) as pilot:
        editor = app.query_one(TextArea)
        editor.focus()
        editor.move_cursor(editor.document.end)
        for _ in range(presses):
            start = time.process_time()
            await pilot.press("y")
            times.append((time.process_time() - start) * 1000)
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=60.0, help="rehearsal length (60)")
    parser.add_argument("--repeats", type=int, default=300, help="keystrokes to time (300)")
    parser.add_argument("--cpu-seconds", type=float, default=10.0, help="CPU sample (10)")
    parser.add_argument("--size", default="80x24", help="pseudo-terminal size (80x24)")
    parser.add_argument("--part", choices=("all", "cpu", "drift", "keys"), default="all")
    args = parser.parse_args()
    if args.part in ("all", "cpu"):
        columns, rows = (int(n) for n in args.size.split("x"))
        cpu_run(args.cpu_seconds, columns, rows)
    if args.part in ("all", "keys"):
        asyncio.run(keystroke_run(args.repeats))
    if args.part in ("all", "drift"):
        asyncio.run(drift_run(args.seconds))


if __name__ == "__main__":
    main()
