"""The import, export, backup and restore commands: exit codes, the summary line, no half-writes."""

from __future__ import annotations

import csv
import io
import json
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


def contact_count(home: Path) -> int:
    connection = sqlite3.connect(home / "netcoach.db")
    try:
        return connection.execute("SELECT count(*) FROM contact").fetchone()[0]
    finally:
        connection.close()


def test_import_prints_exactly_the_summary(tmp_path, capsys) -> None:
    home = str(tmp_path / "home")
    file = str(FIXTURES / "linkedin-connections.csv")
    assert run(capsys, "--home", home, "import", "linkedin", file)[:2] == (
        0,
        "imported 4, updated 0, skipped 2\n",
    )
    assert run(capsys, "--home", home, "import", "linkedin", file)[:2] == (
        0,
        "imported 0, updated 0, skipped 6\n",
    )


def test_dry_run_reports_and_writes_nothing(tmp_path, capsys) -> None:
    home = tmp_path / "home"
    code, out, _ = run(
        capsys, "--home", str(home), "import", "google", str(FIXTURES / "google-contacts.csv"),
        "--dry-run",
    )  # fmt: skip
    assert (code, out) == (0, "imported 3, updated 0, skipped 0\n")
    assert contact_count(home) == 0


def test_bad_file_exits_2_with_one_line_and_writes_nothing(tmp_path, capsys) -> None:
    home = tmp_path / "home"
    run(capsys, "--home", str(home), "import", "vcard", str(FIXTURES / "contacts.vcf"))
    code, out, err = run(
        capsys, "--home", str(home), "import", "vcard", str(FIXTURES / "truncated.vcf")
    )
    assert code == 2 and out == ""
    assert err.count("\n") == 1
    assert "truncated.vcf: card 2" in err
    assert contact_count(home) == 3
    code, _, err = run(capsys, "--home", str(home), "import", "linkedin", str(tmp_path / "no.csv"))
    assert code == 2 and "no.csv" in err


def test_cp1252_notice_goes_to_stderr(tmp_path, capsys) -> None:
    code, out, err = run(
        capsys, "--home", str(tmp_path), "import", "linkedin",
        str(FIXTURES / "linkedin-cp1252.csv"),
    )  # fmt: skip
    assert (code, out) == (0, "imported 1, updated 0, skipped 0\n")
    assert "Windows-1252" in err


def test_export_csv_to_stdout_neutralises_formulas(tmp_path, capsys) -> None:
    hostile = tmp_path / "hostile.csv"
    hostile.write_text(
        "First Name,Last Name,URL,Email Address,Company,Position,Connected On\r\n"
        '=HYPERLINK("http://x"),Lee,,,+cmd,@SUM(A1),01 Jan 2024\r\n'
        "-2,\tTab,,,Plain,Fine,01 Jan 2024\r\n"
    )
    run(capsys, "--home", str(tmp_path), "import", "linkedin", str(hostile))
    code, out, _ = run(capsys, "--home", str(tmp_path), "export", "csv")
    assert code == 0
    rows = list(csv.DictReader(io.StringIO(out)))
    assert {r["name"] for r in rows} == {'\'=HYPERLINK("http://x") Lee', "'-2 Tab"}
    first = next(r for r in rows if "HYPERLINK" in r["name"])
    assert (first["company"], first["title"]) == ("'+cmd", "'@SUM(A1)")
    for row in rows:
        assert not any(v.startswith(("=", "+", "-", "@", "\t", "\r")) for v in row.values())


def test_vcard_export_reads_back_without_loss(tmp_path, capsys) -> None:
    """Every field of every contact, archived ones too, back in an empty home; then the
    same file again into both homes changes nothing."""
    from dataclasses import fields

    from netcoach.data.db import open_database
    from netcoach.data.repo import Store
    from tests.data.vcard_people import RICH, held, store_people

    first = tmp_path / "first"
    first.mkdir()
    store_people(Store(open_database(first / "netcoach.db", first / "backups")), RICH)
    original = held(Store(database))
    database.close()
    vcf = tmp_path / "out.vcf"
    assert run(capsys, "--home", str(first), "export", "vcard", "-o", str(vcf))[0] == 0
    second = tmp_path / "second"
    code, out, err = run(capsys, "--home", str(second), "import", "vcard", str(vcf))
    assert (code, out, err) == (0, f"imported {len(RICH)}, updated 0, skipped 0\n", "")
    copied = held(Store(open_database(second / "netcoach.db", second / "backups")))
    database.close()
    assert len(copied) == len(original)
    for before, after in zip(original, copied, strict=True):
        contact_before, *extra_before = before
        contact_after, *extra_after = after
        for field in fields(contact_before):  # type: ignore[arg-type]
            assert getattr(contact_after, field.name) == getattr(contact_before, field.name), (
                contact_before.name,  # type: ignore[attr-defined]
                field.name,
            )
        assert extra_after == extra_before
    for home in (second, first):
        code, out, _ = run(capsys, "--home", str(home), "import", "vcard", str(vcf))
        assert (code, out) == (0, f"imported 0, updated 0, skipped {len(RICH)}\n")
    again = tmp_path / "again.vcf"
    assert run(capsys, "--home", str(second), "export", "vcard", "-o", str(again))[0] == 0
    assert again.read_bytes() == vcf.read_bytes()


def test_json_export_then_restore_into_an_empty_home_gives_the_same_data(tmp_path, capsys):
    first = tmp_path / "first"
    run(capsys, "--home", str(first), "import", "google", str(FIXTURES / "google-contacts.csv"))
    run(
        capsys,
        "--home",
        str(first),
        "import",
        "linkedin",
        str(FIXTURES / "linkedin-connections.csv"),
    )
    export = tmp_path / "all.json"
    assert run(capsys, "--home", str(first), "export", "json", "-o", str(export))[0] == 0
    document = json.loads(export.read_text())
    assert document["format"] == "netcoach-export" and document["version"] == 1
    second = tmp_path / "second"
    code, out, _ = run(capsys, "--home", str(second), "restore", str(export))
    assert code == 0 and "restored" in out

    def dump(home: Path) -> dict[str, list[tuple]]:
        connection = sqlite3.connect(home / "netcoach.db")
        try:
            tables = [
                r[0]
                for r in connection.execute("SELECT name FROM sqlite_master WHERE type='table'")
                if not r[0].startswith("sqlite_") and r[0] != "schema_version"
                and not r[0].startswith("contact_search_")
            ]  # fmt: skip
            return {
                t: sorted(connection.execute(f'SELECT * FROM "{t}"').fetchall(), key=repr)
                for t in tables
            }
        finally:
            connection.close()

    assert dump(first) == dump(second)
    assert dump(second)["contact"]
    code, _, err = run(capsys, "--home", str(second), "restore", str(export))
    assert code == 2 and "already holds contacts" in err


def test_backup_and_restore_keep_the_current_database(tmp_path, capsys) -> None:
    home = tmp_path / "home"
    run(capsys, "--home", str(home), "import", "vcard", str(FIXTURES / "contacts.vcf"))
    copy = tmp_path / "copy.db"
    code, out, _ = run(capsys, "--home", str(home), "backup", "-o", str(copy))
    assert code == 0 and str(copy) in out
    assert (copy.stat().st_mode & 0o777) == 0o600
    run(capsys, "--home", str(home), "import", "google", str(FIXTURES / "google-contacts.csv"))
    assert contact_count(home) == 6
    code, out, _ = run(capsys, "--home", str(home), "restore", str(copy))
    assert code == 0 and "previous database was kept" in out
    assert contact_count(home) == 3
    kept = list((home / "backups").glob("netcoach-before-restore-*.db"))
    assert len(kept) == 1
    connection = sqlite3.connect(kept[0])
    assert connection.execute("SELECT count(*) FROM contact").fetchone()[0] == 6
    connection.close()


def test_restore_refuses_a_file_that_is_not_a_backup(tmp_path, capsys) -> None:
    home = tmp_path / "home"
    run(capsys, "--home", str(home), "import", "vcard", str(FIXTURES / "contacts.vcf"))
    for name, content in (("notes.db", b"hello"), ("half.db", b"SQLite format 3\x00" + b"\0" * 50)):
        bad = tmp_path / name
        bad.write_bytes(content)
        code, _, err = run(capsys, "--home", str(home), "restore", str(bad))
        assert code == 2 and name in err and err.count("\n") == 1
    other = tmp_path / "other.db"
    connection = sqlite3.connect(other)
    connection.execute("CREATE TABLE x (y)")
    connection.commit()
    connection.close()
    code, _, err = run(capsys, "--home", str(home), "restore", str(other))
    assert code == 2 and "not a netcoach" in err
    assert contact_count(home) == 3


def test_ics_export_of_a_database_without_meetings_is_an_empty_calendar(tmp_path, capsys):
    code, out, _ = run(capsys, "--home", str(tmp_path), "export", "ics")
    assert code == 0
    assert out.replace("\r\n", "\n") == (
        "BEGIN:VCALENDAR\nVERSION:2.0\nPRODID:-//netcoach//netcoach//EN\n"
        "CALSCALE:GREGORIAN\nEND:VCALENDAR\n"
    )


def test_export_into_a_missing_folder_creates_it_private(tmp_path, capsys) -> None:
    target = tmp_path / "calendars" / "daily" / "netcoach.ics"
    code, _out, err = run(
        capsys, "--home", str(tmp_path / "home"), "export", "ics", "-o", str(target)
    )
    assert code == 0, err
    assert err.startswith("exported 0 to ")
    assert target.read_text(encoding="utf-8").startswith("BEGIN:VCALENDAR")
    for folder in (target.parent, target.parent.parent):
        assert folder.stat().st_mode & 0o777 == 0o700


def test_backup_while_another_connection_is_writing(tmp_path, capsys) -> None:
    home = tmp_path / "home"
    run(capsys, "--home", str(home), "import", "vcard", str(FIXTURES / "contacts.vcf"))
    writer = sqlite3.connect(home / "netcoach.db", isolation_level=None)
    try:
        writer.execute("BEGIN IMMEDIATE")
        writer.execute("UPDATE contact SET company = 'not yet saved'")
        copy = tmp_path / "copy.db"
        code, _, _ = run(capsys, "--home", str(home), "backup", "-o", str(copy))
        assert code == 0
    finally:
        writer.execute("ROLLBACK")
        writer.close()
    check = sqlite3.connect(copy)
    try:
        assert check.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        companies = {r[0] for r in check.execute("SELECT company FROM contact")}
    finally:
        check.close()
    assert "not yet saved" not in companies and len(companies) == 3


def test_vcard_uids_survive_a_json_export_restored_into_another_home(tmp_path, capsys) -> None:
    from netcoach.data.db import open_database
    from netcoach.data.repo import Store
    from tests.data.vcard_people import RICH, store_people

    first, second = tmp_path / "first", tmp_path / "second"
    first.mkdir()
    store_people(Store(open_database(first / "netcoach.db", first / "backups")), RICH)
    database.close()
    cards, everything = tmp_path / "cards.vcf", tmp_path / "all.json"
    assert run(capsys, "--home", str(first), "export", "vcard", "-o", str(cards))[0] == 0
    assert run(capsys, "--home", str(first), "export", "json", "-o", str(everything))[0] == 0
    assert run(capsys, "--home", str(second), "restore", str(everything))[0] == 0
    again = tmp_path / "again.vcf"
    assert run(capsys, "--home", str(second), "export", "vcard", "-o", str(again))[0] == 0
    assert again.read_bytes() == cards.read_bytes()
