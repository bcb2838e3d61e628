"""`netcoach import` merging into existing contacts: it reads them inside its own write
transaction and writes only what it fills in, so another copy's edit is never turned back."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from netcoach.cli import main
from netcoach.data.db import database
from netcoach.data.imports import run as import_run


@pytest.fixture(autouse=True)
def _close_database():  # type: ignore[no-untyped-def]
    yield
    database.close()


LINKEDIN = (
    "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
    "Ben,Okafor,https://www.linkedin.com/in/ben-okafor,ben@brightside.example,"
    "Brightside Print,Director,01 Jan 2024\n"
)


def test_an_import_reads_and_writes_a_matched_contact_in_one_transaction(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    home = tmp_path / "home"
    first = tmp_path / "first.csv"
    first.write_text(LINKEDIN.replace("Brightside Print", "").replace("Director", ""))
    assert main(["--home", str(home), "import", "linkedin", str(first)]) == 0
    database.close()
    db_path = home / "netcoach.db"
    with sqlite3.connect(db_path) as connection:  # the person's own edit, in the app
        connection.execute("UPDATE contact SET title = 'Owner', notes = 'Prints our menus'")

    attempts: list[str] = []
    load_states = import_run.ImportRun.load_states

    def load_while_another_copy_writes(self, ids):  # type: ignore[no-untyped-def]
        with sqlite3.connect(db_path, timeout=0) as connection:
            try:
                connection.execute("UPDATE contact SET notes = 'Sneaky'")
                attempts.append("written")
            except sqlite3.OperationalError as error:
                attempts.append(str(error))
        return load_states(self, ids)

    monkeypatch.setattr(import_run.ImportRun, "load_states", load_while_another_copy_writes)
    second = tmp_path / "second.csv"
    second.write_text(LINKEDIN)
    capsys.readouterr()
    assert main(["--home", str(home), "import", "linkedin", str(second)]) == 0
    assert capsys.readouterr().out == "imported 0, updated 1, skipped 0\n"
    assert attempts and set(attempts) == {"database is locked"}
    with sqlite3.connect(db_path) as connection:
        row = connection.execute("SELECT company, title, notes FROM contact").fetchone()
    # The blank company is filled in; the title and notes edited since are left alone.
    assert row == ("Brightside Print", "Owner", "Prints our menus")
