"""Search-as-you-type on the real Contacts screen at 100,000 and 1,000,000 contacts.

For each keystroke: the time from the key press in the search box until the
list has handled ``ContactsScreen.Loaded`` for the new text and repainted.
Also the peak RSS of the same session at 1,000 and 1,000,000 contacts; each
size runs in its own process, and databases are generated once into --cache.

    python benchmarks/search.py [--sizes 100000 1000000] [--rss-sizes 1000 1000000]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

TYPED = ("amelia patel", "harbour", "ximena", "pix", "o'brien", "notes cyc")
BUDGET_MS = {100_000: 30.0, 1_000_000: 50.0}


def database_for(size: int, cache: Path) -> Path:
    """A demo database with ``size`` contacts, generated once in its own process."""
    path = cache / f"contacts-{size}.db"
    if not path.exists():
        print(f"generating {size:,} contacts into {path} …", flush=True)
        started = time.perf_counter()
        subprocess.run(
            [sys.executable, __file__, "--generate", str(size), "--db", str(path)], check=True
        )
        print(f"  generated in {time.perf_counter() - started:.0f} s", flush=True)
    return path


def generate(size: int, path: Path) -> None:
    from datetime import datetime

    from netcoach.data.db import open_database
    from netcoach.data.demo import generate_demo

    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_suffix(".partial")
    for leftover in path.parent.glob(partial.name + "*"):
        leftover.unlink()
    db = open_database(partial, path.parent / "backups")
    generate_demo(db, contacts=size, interactions=False, now=datetime(2026, 11, 23, 7, 30))
    with db.connection_context():
        db.execute_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    partial.rename(path)


async def session(path: Path) -> tuple[list[float], list[str]]:
    """Type every text of TYPED into the search box; return ms per keystroke and the texts."""
    from netcoach.app import create_app
    from netcoach.screens.contacts import ContactsScreen

    expected: dict[str, str] = {"search": ""}
    done: dict[str, float] = {}
    painted = asyncio.Event()

    def hook(message: object) -> None:
        if (
            isinstance(message, ContactsScreen.Loaded)
            and not message.append
            and message.wanted.search == expected["search"]
        ):

            def record() -> None:
                done["at"] = time.perf_counter()
                painted.set()

            app.screen.call_after_refresh(record)

    app = create_app(path, config_path=path.parent / "bench-config.json")
    timings: list[float] = []
    texts: list[str] = []
    async with app.run_test(size=(120, 40), message_hook=hook) as pilot:
        await pilot.press("c")
        await pilot.pause(0.5)
        await app.workers.wait_for_complete()
        await pilot.pause()
        search = app.screen.query_one("#contacts-search")
        for text in TYPED:
            search.focus()
            if search.value:  # type: ignore[attr-defined]
                painted.clear()
                expected["search"] = ""
                search.value = ""  # type: ignore[attr-defined]
                await asyncio.wait_for(painted.wait(), 30)
            typed = ""
            for char in text:
                typed += char
                expected["search"] = typed
                painted.clear()
                started = time.perf_counter()
                await pilot.press("space" if char == " " else char)
                await asyncio.wait_for(painted.wait(), 30)
                timings.append((done["at"] - started) * 1000)
                texts.append(typed)
    return timings, texts


def repository_times(path: Path, texts: list[str]) -> list[float]:
    """The repository's share: ms for the first page of each typed text, outside the UI."""
    from netcoach.core.models import ContactFilter
    from netcoach.data.db import open_database
    from netcoach.data.repo import Store

    store = Store(open_database(path, path.parent / "backups"))
    times = []
    for text in texts:
        started = time.perf_counter()
        store.contacts.page(ContactFilter(search=text), limit=60)
        times.append((time.perf_counter() - started) * 1000)
    return times


def child(path: Path, cache_kib: int | None) -> None:
    import resource

    if cache_kib is not None:
        from netcoach.data import db

        db.PRAGMAS["cache_size"] = -cache_kib
    timings, texts = asyncio.run(session(path))
    peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    repository = repository_times(path, texts)
    print(
        json.dumps(
            {
                "timings": timings,
                "texts": texts,
                "repository": repository,
                "peak_rss_mb": peak_kb / 1024,
            }
        )
    )


def measure(path: Path, cache_kib: int | None = None) -> dict[str, object]:
    extra = [] if cache_kib is None else ["--cache-kib", str(cache_kib)]
    out = subprocess.run(
        [sys.executable, __file__, "--child", "--db", str(path), *extra],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    return json.loads(out.strip().splitlines()[-1])


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", type=int, nargs="*", default=[100_000, 1_000_000])
    parser.add_argument("--rss-sizes", type=int, nargs="*", default=[1_000, 1_000_000])
    parser.add_argument("--cache", type=Path, default=Path("/tmp/netcoach-bench"))
    parser.add_argument("--generate", type=int)
    parser.add_argument("--child", action="store_true")
    parser.add_argument("--db", type=Path)
    parser.add_argument("--cache-kib", type=int)
    args = parser.parse_args()
    if args.generate:
        generate(args.generate, args.db)
        return 0
    if args.child:
        child(args.db, args.cache_kib)
        return 0
    results: dict[int, dict[str, object]] = {}
    for size in sorted({*args.sizes, *args.rss_sizes}):
        results[size] = measure(database_for(size, args.cache))
    print(f"typed: {', '.join(repr(t) for t in TYPED)}")
    for size in args.sizes:
        timings = results[size]["timings"]
        assert isinstance(timings, list)
        median = statistics.median(timings)
        p95 = percentile(timings, 0.95)
        budget = BUDGET_MS.get(size)
        verdict = (
            ""
            if budget is None
            else (" within" if p95 <= budget else " OVER") + f" {budget:.0f} ms"
        )
        print(
            f"{size:>9,} contacts: {len(timings)} keystrokes, key press to painted list: "
            f"median {median:5.1f} ms, p95 {p95:5.1f} ms, max {max(timings):5.1f} ms ·{verdict}"
        )
        repository = results[size]["repository"]
        texts = results[size]["texts"]
        assert isinstance(repository, list) and isinstance(texts, list)
        print(
            f"{'':>19}repository query alone: median {statistics.median(repository):5.1f} ms, "
            f"p95 {percentile(repository, 0.95):5.1f} ms"
        )
        slowest = sorted(zip(timings, texts, repository, strict=True), reverse=True)[:4]
        print(
            f"{'':>19}slowest: "
            + ", ".join(f"{text!r} {ui:.0f} ms (query {db:.0f})" for ui, text, db in slowest)
        )
    if len(args.rss_sizes) == 2:
        small, large = sorted(args.rss_sizes)
        rss_small = float(results[small]["peak_rss_mb"])  # type: ignore[arg-type]
        rss_large = float(results[large]["peak_rss_mb"])  # type: ignore[arg-type]
        print(
            f"peak RSS, default page cache (32 MB per connection): {rss_small:.0f} MB at "
            f"{small:,}, {rss_large:.0f} MB at {large:,}, ratio {rss_large / rss_small:.2f}"
        )
        paths = {size: database_for(size, args.cache) for size in (small, large)}
        lean = {size: measure(paths[size], cache_kib=1_024) for size in (small, large)}
        lean_small = float(lean[small]["peak_rss_mb"])  # type: ignore[arg-type]
        lean_large = float(lean[large]["peak_rss_mb"])  # type: ignore[arg-type]
        print(
            f"peak RSS, page cache held to 1 MB per connection: {lean_small:.0f} MB at "
            f"{small:,}, {lean_large:.0f} MB at {large:,}, ratio {lean_large / lean_small:.2f}"
        )
    load = ", ".join(f"{value:.2f}" for value in os.getloadavg())
    print(f"load average during the run: {load} on {os.cpu_count()} CPUs")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
