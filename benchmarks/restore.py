"""What the restore checks and doctor's schema and value checks cost on a large network.

For a demo database of --contacts people (with their interactions): the schema
check of a backup (reading its schema and comparing it with the reference, built
once per process), the value check doctor runs, a whole `.db` restore (check,
copy beside the database, check again, rename) and a JSON export restored into an
empty home. Each figure is the median of --runs runs; the database is generated
once into --cache.

    python benchmarks/restore.py [--contacts 100000] [--runs 3] [--cache DIR]
"""

from __future__ import annotations

import argparse
import contextlib
import io
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))


def database_for(size: int, cache: Path) -> Path:
    path = cache / f"restore-{size}.db"
    if not path.exists():
        print(f"generating {size:,} contacts into {path} …", flush=True)
        subprocess.run(
            [sys.executable, __file__, "--generate", str(size), "--db", str(path)], check=True
        )
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
    generate_demo(db, contacts=size, now=datetime(2026, 11, 23, 7, 30))
    with db.connection_context():
        db.execute_sql("PRAGMA wal_checkpoint(TRUNCATE)")
        db.execute_sql("PRAGMA journal_mode = DELETE")
    db.close()
    partial.rename(path)


def median_ms(runs: int, work: Callable[[], object]) -> float:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        work()
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times)


def quiet(*argv: str) -> None:
    from netcoach.cli import main
    from netcoach.data.db import database

    with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
        code = main(list(argv))
    if not database.is_closed():
        database.close()
    assert code == 0, argv


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--contacts", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--cache", type=Path, default=Path(tempfile.gettempdir()) / "nc-bench")
    parser.add_argument("--generate", type=int)
    parser.add_argument("--db", type=Path)
    args = parser.parse_args()
    if args.generate:
        generate(args.generate, args.db)
        return

    from netcoach.data.schema import reference_schema, schema_differences
    from netcoach.data.stored_values import stored_value_problems
    from netcoach.io.backup import check_backup_file

    source = database_for(args.contacts, args.cache)
    size_mb = source.stat().st_size / 1e6
    connection = sqlite3.connect(f"{source.absolute().as_uri()}?mode=ro", uri=True)
    (rows,) = connection.execute("SELECT count(*) FROM interaction").fetchone()
    started = time.perf_counter()
    reference_schema.cache_clear()
    schema_differences(connection)
    first_ms = (time.perf_counter() - started) * 1000
    schema_ms = median_ms(args.runs, lambda: schema_differences(connection))
    values_ms = median_ms(args.runs, lambda: stored_value_problems(connection))
    integrity_ms = median_ms(
        args.runs, lambda: connection.execute("PRAGMA integrity_check").fetchall()
    )
    connection.close()
    check_ms = median_ms(args.runs, lambda: check_backup_file(source))

    with tempfile.TemporaryDirectory() as scratch:
        home = Path(scratch) / "home"
        home.mkdir()
        shutil.copyfile(source, home / "netcoach.db")
        restore_ms = median_ms(
            args.runs, lambda: quiet("--home", str(home), "restore", str(source))
        )
        export = Path(scratch) / "export.json"
        quiet("--home", str(home), "export", "json", "-o", str(export))

        def load_json() -> None:
            fresh = Path(tempfile.mkdtemp(dir=scratch))
            quiet("--home", str(fresh), "restore", str(export))

        json_ms = median_ms(args.runs, load_json)

    print(f"{args.contacts:,} contacts, {rows:,} interactions, {size_mb:.0f} MB")
    print(f"  schema check, first (builds the reference): {first_ms:8.1f} ms")
    print(f"  schema check, reference built:              {schema_ms:8.1f} ms")
    print(f"  value check (doctor):                       {values_ms:8.1f} ms")
    print(f"  integrity_check alone, for scale:           {integrity_ms:8.1f} ms")
    print(f"  check_backup_file (integrity + schema):     {check_ms:8.1f} ms")
    print(f"  restore .db end to end:                     {restore_ms:8.1f} ms")
    print(f"  restore of its JSON export into a new home: {json_ms:8.1f} ms")


if __name__ == "__main__":
    main()
