"""Typing one key at a time into the forms' fields, with a long text already there.

For each field and starting length: the mean wall time and the mean and worst CPU time
from a key press until the key is in the field and the screen is painted, over ``--keys``
presses, plus the peak RSS.
The fields are the forms' own widgets: a name (LimitedInput, 200 characters) and notes
(LimitedTextArea, 64 KB) as one long line and as 80-character lines. A plain Input with
no limit at 100,000 characters shows what typing into an unlimited field used to cost.

    python benchmarks/typing_keys.py [--keys 40]
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


async def measure(kind: str, start: int, keys: int) -> tuple[float, float, float, int]:
    """(mean wall ms, mean CPU ms, worst CPU ms, length after) for ``keys`` presses.

    The wall time includes the test pilot's own pauses (about 80 ms a key here), so the
    CPU time is the figure that shows what a key costs.
    """
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
        times = []
        cpu = []
        for _ in range(keys):
            started, used = time.perf_counter(), time.process_time()
            await pilot.press("a")
            await pilot.pause()
            times.append((time.perf_counter() - started) * 1000)
            cpu.append((time.process_time() - used) * 1000)
        length = len(field.value) if isinstance(field, Input) else len(field.text)
    return statistics.mean(times), statistics.mean(cpu), max(cpu), length


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--keys", type=int, default=40)
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
    ]
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
