"""A read-only database opens read-only: the header says so on every screen, saves are refused
in words, and the file (bytes and mode) is exactly as it was."""

from __future__ import annotations

import hashlib
import stat
from pathlib import Path

from textual.widgets import Header

from netcoach.app import create_app
from netcoach.core.models import ContactDraft
from netcoach.data.db import database, open_database
from netcoach.data.repo import Store
from netcoach.screens.forms import SaveFailure
from tests.conftest import fixed_clock, screen_text, settle

BANNER = "read-only: netcoach.db is not writable"


def fingerprint(path: Path) -> tuple[str, int]:
    return hashlib.sha256(path.read_bytes()).hexdigest(), stat.S_IMODE(path.stat().st_mode)


def read_only_home(tmp_path: Path) -> Path:
    home = tmp_path / "home"
    home.mkdir(mode=0o700)
    path = home / "netcoach.db"
    Store(open_database(path, home / "backups")).add_contact(ContactDraft(name="Kept Person"))
    database.close()
    path.chmod(0o400)
    return path


def header_line(app: object) -> str:
    from textual.app import App

    assert isinstance(app, App)
    return screen_text(app).splitlines()[0]


async def test_a_read_only_database_says_so_and_refuses_saves(tmp_path: Path) -> None:
    path = read_only_home(tmp_path)
    before = fingerprint(path)
    app = create_app(path, clock=fixed_clock)
    assert app.read_only == "netcoach.db is not writable"
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await settle(pilot)
        assert "netcoach — Today" in header_line(app)
        assert BANNER in header_line(app)
        assert "This database is read-only" in " ".join(screen_text(app).split())

        await pilot.press("c")
        await settle(pilot)
        assert BANNER in header_line(app)
        assert "Kept Person" in screen_text(app)

        await pilot.press("n")
        await settle(pilot)
        assert app.screen.query_one(Header)
        assert BANNER in header_line(app)
        await pilot.press(*"New Person", "ctrl+s")
        await settle(pilot)
        failure = app.screen.query_one(SaveFailure)
        assert str(failure.render()).startswith(
            "Not saved: the database is read-only (netcoach.db is not writable). "
            "What you typed is still here; press ctrl+s to try again."
        )
        assert not (path.parent / "drafts").exists()
    database.close()
    assert fingerprint(path) == before
    assert sorted(p.name for p in path.parent.iterdir()) == ["netcoach.db"]
    contacts = Store(open_database(path, path.parent / "backups")).list_contacts().rows
    assert [c.name for c in contacts] == ["Kept Person"]
    database.close()


async def test_a_writable_database_shows_no_banner(tmp_path: Path) -> None:
    app = create_app(tmp_path / "netcoach.db", clock=fixed_clock)
    assert app.read_only is None
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert "netcoach — Today" in header_line(app)
        assert "read-only" not in header_line(app)
    database.close()
