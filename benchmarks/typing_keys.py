"""Typing one key at a time into the forms' fields, with a long text already there.

For each field and starting length: the mean wall time and the mean and worst CPU time
from a key press until the key is in the field and the screen is painted, over ``--keys``
presses, plus the peak RSS.
The fields are the forms' own widgets: a name (LimitedInput, 200 characters) and notes
(LimitedTextArea, 64 KB) as one long line and as 80-character lines. A plain Input with
no limit at 100,000 characters shows what typing into an unlimited field used to cost.
The Pitch studio ("studio") is the whole screen: a script of that length in the editor,
checked again on every key (words, parts, fillers, a peer's measures) with the Structure
tab in view; at 20,000 characters and over, the check waits for a pause in typing.
Compare its figures with the notes field's at the same length: what the checks add.

    python benchmarks/typing_keys.py [--keys 40] [--only studio]
"""

from __future__ import annotations

import argparse
import asyncio
import resource
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))


# A pitch script's sentences, repeated to the length a case starts at.
PITCH = (
    "I'm Sam Rivers from Rivers Print. We help independent shops and cafés look as good "
    "on paper as they do in person. We're known for next-day turnaround, and unlike the "
    "online printers you can come in and feel the paper first. Last month a bakery on "
    "Mill Street doubled its lunch trade with one new menu board. This week I'm looking "
    "for an introduction to anyone opening a restaurant in town. Remember: good paper sells.\n"
)


async def measure(kind: str, start: int, keys: int) -> tuple[float, float, float, int]:
    """(mean wall ms, mean CPU ms, worst CPU ms, length after) for ``keys`` presses.

    The wall time includes the test pilot's own pauses (about 80 ms a key here), so the
    CPU time is the figure that shows what a key costs.
    """
    if kind == "studio":
        return await measure_studio(start, keys)
    from textual.app import App, ComposeResult
    from textual.widgets import Input, TextArea

    from netcoach.widgets.limited import LimitedInput, LimitedTextArea

    class Typing(App[None]):
        def compose(self) -> ComposeResult:
            if kind == "name":
                yield LimitedInput(kind="name", id="field")
            elif kind == "plain":
                yield Input(id="field")
            else:
                yield LimitedTextArea(id="field", soft_wrap=True)

    app = Typing()
    async with app.run_test(size=(120, 40)) as pilot:
        field = app.query_one("#field")
        if isinstance(field, Input):
            field.value = "x" * start
            field.cursor_position = start
        elif isinstance(field, TextArea):
            line = 80 if kind == "notes-lines" else max(start, 1)
            text = "\n".join("x" * line for _ in range(max(start // line, 1)))[:start]
            field.text = text
            field.move_cursor(field.document.end)
        field.focus()
        await pilot.pause()
        times, cpu = await time_keys(pilot, keys)
        length = len(field.value) if isinstance(field, Input) else len(field.text)
    return statistics.mean(times), statistics.mean(cpu), max(cpu), length


async def time_keys(pilot, keys: int) -> tuple[list[float], list[float]]:  # type: ignore[no-untyped-def]
    """Wall and CPU milliseconds for each of ``keys`` presses of "a", each drawn before
    the next."""
    times = []
    cpu = []
    for _ in range(keys):
        started, used = time.perf_counter(), time.process_time()
        await pilot.press("a")
        await pilot.pause()
        times.append((time.perf_counter() - started) * 1000)
        cpu.append((time.process_time() - used) * 1000)
    return times, cpu


async def measure_studio(start: int, keys: int) -> tuple[float, float, float, int]:
    """The same figures for the pitch editor in the Pitch studio of the real app."""
    import tempfile
    from contextlib import suppress
    from datetime import datetime

    from textual.widgets import TextArea
    from textual.worker import WorkerCancelled, WorkerFailed

    from netcoach.app import create_app

    script = (PITCH * (start // len(PITCH) + 1))[:start]
    with tempfile.TemporaryDirectory() as home:
        app = create_app(Path(home) / "netcoach.db", clock=lambda: datetime(2026, 11, 23, 7, 30))
        app.store.pitches.create_pitch("Breakfast", 60, script)
        async with app.run_test(size=(120, 40)) as pilot:

            async def settle() -> None:
                with suppress(WorkerCancelled, WorkerFailed):
                    await app.workers.wait_for_complete()
                await pilot.pause()

            await settle()
            await pilot.press("p")
            await settle()
            await settle()
            editor = app.screen.query_one("#pitch-editor", TextArea)
            editor.focus()
            editor.move_cursor(editor.document.end)
            await pilot.pause()
            times, cpu = await time_keys(pilot, keys)
            length = len(editor.text)
    return statistics.mean(times), statistics.mean(cpu), max(cpu), length


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--keys", type=int, default=40)
    parser.add_argument("--only", nargs="*", help="only these fields (name, notes, studio…)")
    args = parser.parse_args()
    cases = [
        ("name", 0),
        ("name", 100),
        ("name", 200),
        ("notes", 0),
        ("notes", 1_000),
        ("notes", 60_000),
        ("notes", 65_536),
        ("notes-lines", 1_000),
        ("notes-lines", 65_536),
        ("plain", 1_000),
        ("plain", 100_000),
        ("studio", 500),
        ("studio", 5_000),
        ("studio", 19_000),
    ]
    if args.only:
        cases = [case for case in cases if case[0] in args.only]
    print(f"{'field':<12} {'start':>7} {'wall ms':>8} {'CPU ms':>7} {'worst CPU':>9} {'after':>8}")
    for kind, start in cases:
        wall, cpu, worst, length = asyncio.run(measure(kind, start, args.keys))
        print(
            f"{kind:<12} {start:>7,} {wall:>8.1f} {cpu:>7.1f} {worst:>9.1f} {length:>8,}",
            flush=True,
        )
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak RSS {peak:.0f} MB")


if __name__ == "__main__":
    main()
