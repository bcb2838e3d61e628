"""Databases written by every earlier schema's own code open, restore and pass every check today.

The files in tests/fixtures/schemas were made once by the commits that added each
migration (see the README there), so these tests see what those builds really
wrote, branch-built gaps and all, not what today's code thinks they wrote.
"""

from __future__ import annotations

import contextlib
import io
import re
import shutil
import sqlite3
from pathlib import Path

import pytest

from netcoach.cli import main
from netcoach.data import migrations
from netcoach.data.db import database, open_database, read_schema_version
from netcoach.data.repo import Store
from netcoach.data.schema import schema_differences
from tests.conftest import fixed_clock

SCHEMAS = Path(__file__).parent.parent / "fixtures" / "schemas"
# Versions 11 and 12 came out together; netcoach-v12.db is the schema before the dates.
EARLIER = [m.VERSION for m in migrations.MIGRATIONS if m.VERSION <= 10 or m.VERSION == 12]
# Kept out of the comparison: the search index (rebuilt from the contacts) and the record
# of migrations, which both change on purpose.
DERIVED = ("contact_search", "schema_version", "sqlite_")


@pytest.fixture(autouse=True)
def close_database():
    yield
    if not database.is_closed():
        database.close()


def fixture(version: int) -> Path:
    return SCHEMAS / f"netcoach-v{version}.db"


def rows_by_table(path: Path) -> dict[str, list[dict[str, object]]]:
    """Every row of every data table, as column: value, in a stable order."""
    connection = sqlite3.connect(f"{path.absolute().as_uri()}?mode=ro", uri=True)
    try:
        tables = [
            r[0]
            for r in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
            if not r[0].startswith(DERIVED)
        ]
        found = {}
        for table in tables:
            cursor = connection.execute(f'SELECT * FROM "{table}"')
            names = [d[0] for d in cursor.description]
            found[table] = sorted((dict(zip(names, row, strict=True)) for row in cursor), key=repr)
        return found
    finally:
        connection.close()


def kept_in(before: dict[str, list[dict]], after: dict[str, list[dict]]) -> None:
    """Every row of ``before`` is in ``after`` unchanged, in the columns it had."""
    for table, rows in before.items():
        assert table in after, table
        columns = rows[0].keys() if rows else ()
        projected = sorted(({c: r[c] for c in columns} for r in after[table]), key=repr)
        assert projected == rows, table


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            code = main(list(argv))
    finally:
        database.close()
    return code, out.getvalue(), err.getvalue()


def test_there_is_a_committed_file_for_every_earlier_schema() -> None:
    found = sorted(int(re.findall(r"\d+", p.name)[0]) for p in SCHEMAS.glob("netcoach-v*.db"))
    assert found == EARLIER
    for version in EARLIER:
        assert fixture(version).stat().st_size < 512 * 1024
        assert read_schema_version(fixture(version)) == version


@pytest.mark.parametrize("version", EARLIER)
def test_each_file_opens_backed_up_first_with_its_data_intact(tmp_path, version) -> None:
    path = tmp_path / "netcoach.db"
    shutil.copyfile(fixture(version), path)
    before = rows_by_table(path)
    assert len(before["contact"]) == 24
    assert sum(len(rows) for rows in before.values()) > 100

    backups = tmp_path / "backups"
    db = open_database(path, backups)

    assert read_schema_version(path) == migrations.LATEST_VERSION
    (copy,) = backups.glob(f"netcoach-v{version}-*.db")
    assert rows_by_table(copy) == before
    kept_in(before, rows_by_table(path))
    connection = sqlite3.connect(path)
    try:
        assert schema_differences(connection) == []
        assert connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert connection.execute("PRAGMA foreign_key_check").fetchall() == []
        applied = [r[0] for r in connection.execute("SELECT version FROM schema_version")]
        assert applied == [m.VERSION for m in migrations.MIGRATIONS]
    finally:
        connection.close()

    store = Store(db, clock=fixed_clock)
    first = min(before["contact"], key=lambda r: r["id"])
    contact = store.get_contact(first["id"])
    assert (contact.name, contact.company, contact.notes) == (
        first["name"],
        first["company"],
        first["notes"],
    )
    emails = sorted(
        (r["position"], r["address"])
        for r in before["contact_email"]
        if r["contact_id"] == first["id"]
    )
    assert contact.emails == tuple(address for _, address in emails)
    assert first["id"] in [c.id for c in store.list_contacts(first["name"].split()[0]).rows]
    if version >= 4:  # every area reads its old rows through today's repositories
        live = [r for r in before.get("pitch", []) if r["archived_at"] is None]
        assert sorted(p.name for p in store.pitches.list_pitches()) == sorted(
            r["name"] for r in live
        )


def test_kept_deletions_from_their_first_form_can_still_be_put_back(tmp_path) -> None:
    path = tmp_path / "netcoach.db"
    shutil.copyfile(fixture(10), path)
    before = rows_by_table(path)
    (entry,) = before["deleted_ledger_entry"]
    (want,) = before["deleted_want_have"]
    store = Store(open_database(path, tmp_path / "backups"), clock=fixed_clock)

    after = rows_by_table(path)
    assert [r["original_id"] for r in after["deleted_ledger_entry"]] == [entry["id"]]
    assert [r["original_id"] for r in after["deleted_want_have"]] == [want["id"]]
    items = store.ledger.deleted()
    assert sorted(i.what for i in items) == ["entry", "want_have"]
    for item in items:
        store.ledger.restore_deleted(item)
    restored = rows_by_table(path)
    assert entry["id"] in [r["id"] for r in restored["ledger_entry"]]
    assert want["phrase"] in [r["phrase"] for r in restored["want_have"]]
    assert restored["deleted_ledger_entry"] == restored["deleted_want_have"] == []


@pytest.mark.parametrize("version", EARLIER)
def test_each_file_restores_through_the_cli_and_passes_doctor(tmp_path, version) -> None:
    home = tmp_path / "home"
    linkedin = str(SCHEMAS.parent / "linkedin-connections.csv")
    assert run("--home", str(home), "import", "linkedin", linkedin)[0] == 0
    current = rows_by_table(home / "netcoach.db")

    code, out, err = run("--home", str(home), "restore", str(fixture(version)))

    assert (code, err) == (0, "")
    assert "the previous database was kept as" in out
    assert rows_by_table(home / "netcoach.db") == rows_by_table(fixture(version))
    (kept,) = (home / "backups").glob("netcoach-before-restore-*.db")
    assert rows_by_table(kept) == current
    code, out, _ = run("--home", str(home), "doctor", "--no-repair")
    assert code == 0, out
    assert "schema          ok" in out
    assert f"schema version  ok        {migrations.LATEST_VERSION} " in out
    kept_in(rows_by_table(fixture(version)), rows_by_table(home / "netcoach.db"))
