"""Restoring a `.db` backup: crafted files are refused untouched; other page sizes restore."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from netcoach.cli import main
from netcoach.data.db import database

FIXTURES = Path(__file__).parent.parent / "fixtures"


@pytest.fixture(autouse=True)
def _close_database():
    yield
    database.close()


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def snapshot(path: Path) -> list[tuple[object, ...]]:
    """Every contact with its notes and emails, to tell one database's data from another's."""
    connection = sqlite3.connect(path)
    try:
        return connection.execute(
            "SELECT c.id, c.name, c.notes, group_concat(e.address) FROM contact c "
            "LEFT JOIN contact_email e ON e.contact_id = c.id GROUP BY c.id ORDER BY c.id"
        ).fetchall()
    finally:
        connection.close()


@pytest.fixture
def homes(tmp_path, capsys) -> tuple[Path, Path]:
    """A home with contacts, and a good backup of another home's different contacts."""
    other = tmp_path / "other"
    linkedin = str(FIXTURES / "linkedin-connections.csv")
    assert run(capsys, "--home", str(other), "import", "linkedin", linkedin)[0] == 0
    connection = sqlite3.connect(other / "netcoach.db")
    connection.execute("UPDATE contact SET notes = 'private: ' || name")
    connection.commit()
    connection.close()
    backup = tmp_path / "good.db"
    assert run(capsys, "--home", str(other), "backup", "-o", str(backup))[0] == 0
    home = tmp_path / "home"
    google = str(FIXTURES / "google-contacts.csv")
    assert run(capsys, "--home", str(home), "import", "google", google)[0] == 0
    return home, backup


def crafted(backup: Path, target: Path, *statements: str) -> Path:
    target.write_bytes(backup.read_bytes())
    connection = sqlite3.connect(target)
    for statement in statements:
        connection.execute(statement)
    connection.commit()
    connection.close()
    return target


CRAFTED = {
    "wipe": (
        "CREATE TRIGGER wipe AFTER INSERT ON interaction BEGIN "
        "UPDATE contact SET notes = ''; DELETE FROM contact_email; END",
        "unexpected trigger 'wipe'",
    ),
    "lockout": (
        "CREATE TRIGGER lockout AFTER UPDATE ON contact BEGIN "
        "INSERT INTO schema_version (version) VALUES (999); END",
        "unexpected trigger 'lockout'",
    ),
    "view": ("CREATE VIEW everyone AS SELECT * FROM contact", "unexpected view 'everyone'"),
    "table": ("CREATE TABLE notes_copy (body TEXT)", "unexpected table 'notes_copy'"),
    "index": ("CREATE INDEX contact_notes ON contact (notes)", "unexpected index 'contact_notes'"),
    "missing index": ("DROP INDEX contact_active_due", "missing index 'contact_active_due'"),
    "missing trigger": (
        "DROP TRIGGER contact_search_insert",
        "missing trigger 'contact_search_insert'",
    ),
}


@pytest.mark.parametrize("name", list(CRAFTED))
def test_a_crafted_backup_is_refused_with_one_line_and_nothing_changes(
    homes, tmp_path, capsys, name
) -> None:
    home, backup = homes
    statement, expected = CRAFTED[name]
    bad = crafted(backup, tmp_path / "bad.db", statement)
    before = snapshot(home / "netcoach.db")
    code, out, err = run(capsys, "--home", str(home), "restore", str(bad))
    assert (code, out) == (2, "")
    assert len(err.strip().splitlines()) == 1
    assert expected in err and "nothing was restored" in err
    assert snapshot(home / "netcoach.db") == before
    assert not list((home / "backups").glob("netcoach-before-restore-*.db"))
    assert [p.name for p in home.iterdir() if "restoring" in p.name] == []


def test_a_trigger_rewritten_under_its_own_name_is_refused(homes, tmp_path, capsys) -> None:
    home, backup = homes
    bad = crafted(
        backup,
        tmp_path / "bad.db",
        "DROP TRIGGER contact_search_delete",
        "CREATE TRIGGER contact_search_delete AFTER DELETE ON contact BEGIN "
        "DELETE FROM contact_email; END",
    )
    code, _, err = run(capsys, "--home", str(home), "restore", str(bad))
    assert code == 2
    assert "trigger 'contact_search_delete' differs from netcoach's" in err


def test_a_column_removed_by_hand_is_refused(homes, tmp_path, capsys) -> None:
    home, backup = homes
    bad = crafted(backup, tmp_path / "bad.db", "ALTER TABLE contact DROP COLUMN url")
    code, _, err = run(capsys, "--home", str(home), "restore", str(bad))
    assert code == 2
    assert "table 'contact' differs from netcoach's" in err


def test_a_backup_naming_an_unknown_schema_version_is_refused(homes, tmp_path, capsys) -> None:
    home, backup = homes
    bad = crafted(backup, tmp_path / "bad.db", "INSERT INTO schema_version VALUES (4.5)")
    code, _, err = run(capsys, "--home", str(home), "restore", str(bad))
    assert code == 2
    assert "schema_version holds 4.5, which is not a netcoach migration" in err


def test_doctor_reports_an_unexpected_trigger_in_the_live_database(homes, capsys) -> None:
    home, _ = homes
    code, out, _ = run(capsys, "--home", str(home), "doctor")
    assert code == 0
    assert "schema          ok" in out
    connection = sqlite3.connect(home / "netcoach.db")
    connection.execute(
        "CREATE TRIGGER wipe AFTER INSERT ON interaction BEGIN DELETE FROM contact_email; END"
    )
    connection.commit()
    connection.close()
    code, out, _ = run(capsys, "--home", str(home), "doctor", "--no-repair")
    assert code != 0
    assert "schema          PROBLEM   unexpected trigger 'wipe'" in out
    assert out.rstrip().endswith("problems found")


@pytest.mark.parametrize("page_size", [512, 1024, 16384, 65536])
def test_a_backup_with_another_page_size_restores(homes, tmp_path, capsys, page_size) -> None:
    home, backup = homes
    odd = tmp_path / f"odd-{page_size}.db"
    odd.write_bytes(backup.read_bytes())
    connection = sqlite3.connect(odd)
    connection.execute("PRAGMA journal_mode = DELETE")
    connection.execute(f"PRAGMA page_size = {page_size}")
    connection.execute("VACUUM")
    assert connection.execute("PRAGMA page_size").fetchone()[0] == page_size
    connection.close()
    previous = snapshot(home / "netcoach.db")
    code, out, err = run(capsys, "--home", str(home), "restore", str(odd))
    assert (code, err) == (0, "")
    assert out.startswith(f"restored {odd}; the previous database was kept as ")
    assert snapshot(home / "netcoach.db") == snapshot(backup)
    (kept,) = (home / "backups").glob("netcoach-before-restore-*.db")
    assert snapshot(kept) == previous
    assert [p.name for p in home.iterdir() if "restoring" in p.name] == []
    assert (home / "netcoach.db").stat().st_mode & 0o777 == 0o600
    code, out, _ = run(capsys, "--home", str(home), "doctor", "--no-repair")
    assert code == 0, out
    assert "schema          ok" in out


def test_restore_waits_for_the_other_copy_to_close(homes, capsys) -> None:
    home, backup = homes
    previous = snapshot(home / "netcoach.db")
    reader = sqlite3.connect(home / "netcoach.db")
    reader.execute("PRAGMA journal_mode = WAL")
    reader.execute("SELECT count(*) FROM contact").fetchone()
    try:
        code, _, err = run(capsys, "--home", str(home), "restore", str(backup))
    finally:
        reader.close()
    assert code == 2
    assert "is open in another netcoach; close it and restore again" in err
    assert snapshot(home / "netcoach.db") == previous
    assert not list((home / "backups").glob("netcoach-before-restore-*.db"))
    code, _, _ = run(capsys, "--home", str(home), "restore", str(backup))
    assert code == 0
    assert snapshot(home / "netcoach.db") == snapshot(backup)


def test_a_restored_database_leaves_no_stale_log_beside_it(homes, capsys) -> None:
    home, backup = homes
    code, _, _ = run(capsys, "--home", str(home), "restore", str(backup))
    assert code == 0
    assert not Path(f"{home / 'netcoach.db'}-wal").exists()
    assert not Path(f"{home / 'netcoach.db'}-shm").exists()
    assert snapshot(home / "netcoach.db") == snapshot(backup)


def test_a_backup_replaces_a_database_that_cannot_be_read_and_keeps_its_bytes(
    homes, capsys
) -> None:
    home, backup = homes
    (home / "netcoach.db").write_bytes(b"SQLite format 3\x00" + b"\xff" * 5000)
    code, out, err = run(capsys, "--home", str(home), "restore", str(backup))
    assert (code, err) == (0, "")
    (kept,) = (home / "backups").glob("netcoach-before-restore-*-as-found.db")
    assert kept.read_bytes() == b"SQLite format 3\x00" + b"\xff" * 5000
    assert str(kept) in out
    assert snapshot(home / "netcoach.db") == snapshot(backup)


def test_doctor_on_a_damaged_database_says_so_without_a_traceback(homes, capsys) -> None:
    home, _ = homes
    path = home / "netcoach.db"
    with path.open("r+b") as handle:
        handle.seek(4096 * 2)
        handle.write(b"\xff" * 8192)
    code, out, err = run(capsys, "--home", str(home), "doctor", "--no-repair")
    assert code != 0
    assert "Traceback" not in out + err
    assert err == ""
    assert out.splitlines()[0] == (
        "database        PROBLEM   cannot be read (database disk image is malformed); "
        "restore a backup with `netcoach restore FILE`"
    )
    assert out.rstrip().endswith("problems found")


def test_a_damaged_backup_is_refused_by_its_own_name(homes, tmp_path, capsys) -> None:
    home, backup = homes
    bad = tmp_path / "damaged.db"
    data = bytearray(backup.read_bytes())
    page = 4096
    data[page * 3 : page * 4] = b"\xff" * page
    bad.write_bytes(bytes(data))
    before = snapshot(home / "netcoach.db")
    code, _, err = run(capsys, "--home", str(home), "restore", str(bad))
    assert code == 2
    assert err.startswith(f"netcoach: {bad}: damaged database")
    assert "restoring" not in err
    assert snapshot(home / "netcoach.db") == before
    assert [p.name for p in home.iterdir() if "restoring" in p.name] == []


def test_a_backup_whose_rows_point_at_missing_records_is_refused(homes, tmp_path, capsys) -> None:
    home, backup = homes
    bad = crafted(
        backup, tmp_path / "dangling.db", "INSERT INTO contact_email (contact_id, address) "
        "VALUES (424242, 'nobody@example.com')"
    )  # fmt: skip
    code, _, err = run(capsys, "--home", str(home), "restore", str(bad))
    assert code == 2
    assert "1 row points at missing records (first: table 'contact_email'" in err


def test_copies_left_by_a_killed_restore_are_removed_by_the_next(homes, capsys) -> None:
    home, backup = homes
    dead = next(pid for pid in range(4_000_000, 4_100_000) if not Path(f"/proc/{pid}").exists())
    left = [
        home / f".netcoach.db.restoring-{dead}",
        home / f".netcoach.db.restoring-{dead}-journal",
    ]
    for path in left:
        path.write_bytes(b"partial")
    code, _, _ = run(capsys, "--home", str(home), "restore", str(backup))
    assert code == 0
    assert [p.name for p in home.iterdir() if "restoring" in p.name] == []


def test_two_restores_in_one_second_keep_both_previous_databases(homes, capsys) -> None:
    home, backup = homes
    first = snapshot(home / "netcoach.db")
    assert run(capsys, "--home", str(home), "restore", str(backup))[0] == 0
    assert run(capsys, "--home", str(home), "restore", str(backup))[0] == 0
    kept = sorted((home / "backups").glob("netcoach-before-restore-*.db"))
    assert len(kept) == 2
    assert sorted(map(snapshot, kept)) == sorted([first, snapshot(backup)])


BAD_VALUES = {
    "date as text": (
        "UPDATE contact SET created_at = 'soon' WHERE id = (SELECT min(id) FROM contact)",
        "column 'created_at': 'soon' is not",
    ),
    "no such day": (
        "UPDATE contact SET updated_at = '2026-02-30 10:00:00'"
        " WHERE id = (SELECT min(id) FROM contact)",
        "column 'updated_at'",
    ),
}


@pytest.mark.parametrize("name", list(BAD_VALUES))
def test_a_backup_holding_values_of_the_wrong_kind_is_refused(
    homes, tmp_path, capsys, name
) -> None:
    """A .db edited by hand ("soon" for a date) would stop the screens that read it."""
    home, backup = homes
    statement, expected = BAD_VALUES[name]
    bad = crafted(backup, tmp_path / "bad.db", statement)
    before = snapshot(home / "netcoach.db")
    code, out, err = run(capsys, "--home", str(home), "restore", str(bad))
    assert (code, out) == (2, "")
    assert len(err.strip().splitlines()) == 1
    assert "a value of the wrong kind" in err and expected in err, err
    assert "nothing was restored" in err
    assert snapshot(home / "netcoach.db") == before
    assert [p.name for p in home.iterdir() if "restoring" in p.name] == []
