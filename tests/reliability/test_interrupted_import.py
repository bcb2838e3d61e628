"""An import stopped half-way, by an error or by SIGKILL, leaves no partial data."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from netcoach.core.models import ContactDraft
from netcoach.data.db import database, open_database
from netcoach.data.repo import Store

ROOT = Path(__file__).resolve().parents[2]
HEADER = "First Name,Last Name,URL,Email Address,Company,Position,Connected On\r\n"


def write_export(path: Path, rows: int) -> None:
    with path.open("w", encoding="utf-8", newline="") as handle:
        handle.write(HEADER)
        for i in range(rows):
            handle.write(
                f"Person,Number {i},https://www.linkedin.com/in/person-{i},,Firm {i % 90},"
                f"Director,{1 + i % 28:02d} Mar 2024\r\n"
            )


def contact_rows(path: Path) -> tuple[int, int, str]:
    with sqlite3.connect(path) as connection:
        contacts = connection.execute("SELECT count(*) FROM contact").fetchone()[0]
        indexed = connection.execute("SELECT count(*) FROM contact_search").fetchone()[0]
        check = connection.execute("PRAGMA integrity_check").fetchone()[0]
    connection.close()
    return contacts, indexed, check


@pytest.fixture
def home(tmp_path: Path) -> Path:
    home = tmp_path / "home"
    home.mkdir(mode=0o700)
    store = Store(open_database(home / "netcoach.db", home / "backups"))
    store.add_contact(ContactDraft(name="Already here", level=4))
    database.close()
    return home


def test_sigkill_during_an_import_leaves_nothing_half_written(home: Path, tmp_path: Path) -> None:
    export = tmp_path / "Connections.csv"
    write_export(export, 60_000)
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    killed = 0
    for delay in (0.6, 0.9, 1.2):
        child = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "netcoach",
                "--home",
                str(home),
                "import",
                "linkedin",
                str(export),
            ],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            env=env,
            cwd=ROOT,
        )
        time.sleep(delay)
        if child.poll() is None:
            child.send_signal(signal.SIGKILL)
            killed += 1
        child.communicate(timeout=60)
        contacts, indexed, check = contact_rows(home / "netcoach.db")
        assert check == "ok"
        # Either the whole import committed before the kill, or none of it did.
        assert contacts in (1, 60_001)
        assert indexed == contacts
        if contacts == 60_001:
            break
    assert killed >= 1
    # The search triggers are all still in place after the kills.
    with sqlite3.connect(home / "netcoach.db") as connection:
        triggers = {
            r[0]
            for r in connection.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'")
        }
    connection.close()
    assert {
        "contact_search_insert",
        "contact_search_email_insert",
        "contact_search_tag_insert",
    } <= triggers


def test_an_error_half_way_writes_nothing(home: Path, tmp_path: Path) -> None:
    export = tmp_path / "Connections.csv"
    write_export(export, 5_000)
    with export.open("a", encoding="utf-8") as handle:
        handle.write("Late,Trouble,https://www.linkedin.com/in/late,," + "x" * 70_000 + ",,\r\n")
    result = subprocess.run(
        [sys.executable, "-m", "netcoach", "--home", str(home), "import", "linkedin", str(export)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=120,
    )
    assert result.returncode == 2
    assert "Connections.csv" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert contact_rows(home / "netcoach.db")[:2] == (1, 1)
