"""The snapshots stand on the demo data being the same on every run and every machine."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from tests.snapshots.conftest import build_demo_database


def dump(path: Path) -> list[str]:
    connection = sqlite3.connect(path)
    try:
        return list(connection.iterdump())
    finally:
        connection.close()


def test_two_demo_databases_built_at_the_fixed_clock_are_identical(tmp_path: Path) -> None:
    first = dump(build_demo_database(tmp_path / "one" / "netcoach.db"))
    second = dump(build_demo_database(tmp_path / "two" / "netcoach.db"))
    assert len(first) > 1000  # contacts, meetings, pitches, ledger: the whole demo
    assert first == second
