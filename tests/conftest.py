"""Shared fixtures: a temporary database per test, a fixed clock, and app helpers."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import suppress
from datetime import datetime
from pathlib import Path

import pytest

FIXED_NOW = datetime(2026, 11, 23, 7, 30)


def fixed_clock() -> datetime:
    return FIXED_NOW


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "home" / "netcoach.db"


@pytest.fixture
def store(db_path: Path) -> Iterator[object]:
    from netcoach.data.db import database, open_database
    from netcoach.data.repo import Store

    db_path.parent.mkdir(parents=True, exist_ok=True)
    db = open_database(db_path, db_path.parent / "backups")
    yield Store(db, clock=fixed_clock)
    database.close()


async def settle(pilot: object) -> None:
    """Wait for every worker to finish, then for the screen to catch up."""
    from textual.pilot import Pilot
    from textual.worker import WorkerCancelled, WorkerFailed

    assert isinstance(pilot, Pilot)
    for _ in range(3):
        with suppress(WorkerCancelled, WorkerFailed):
            await pilot.app.workers.wait_for_complete()
        await pilot.pause()


def screen_text(app: object) -> str:
    """What a person sees on the active screen right now, as plain text lines."""
    from textual.app import App

    assert isinstance(app, App)
    strips = app.screen._compositor.render_strips()
    return "\n".join("".join(segment.text for segment in strip) for strip in strips)
