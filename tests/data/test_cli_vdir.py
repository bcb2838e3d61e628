"""``export vcard -o DIR`` writes a vdir (one card per file) and ``import vcard DIR`` reads it."""

from __future__ import annotations

import sqlite3
import stat
from dataclasses import fields
from pathlib import Path

import pytest

from netcoach.cli import main
from netcoach.data.db import database, open_database
from netcoach.data.repo import Store
from tests.data.vcard_people import RICH, held, store_people


@pytest.fixture(autouse=True)
def _close_database():
    yield
    database.close()


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def rich_home(path: Path) -> Path:
    path.mkdir()
    store_people(Store(open_database(path / "netcoach.db", path / "backups")), RICH)
    database.close()
    return path


def contacts(home: Path) -> list[tuple[object, ...]]:
    rows = held(Store(open_database(home / "netcoach.db", home / "backups")))
    database.close()
    return rows


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_a_new_folder_gets_one_private_card_per_contact(tmp_path, capsys) -> None:
    home = rich_home(tmp_path / "home")
    book = tmp_path / "sync" / "book"
    code, out, err = run(capsys, "--home", str(home), "export", "vcard", "-o", f"{book}/")
    assert (code, out, err) == (0, "", f"exported {len(RICH)} cards to {book}/\n")
    assert mode(book) == mode(book.parent) == 0o700
    cards = sorted(book.iterdir())
    assert len(cards) == len(RICH)
    uids = {item[3] for item in contacts(home)}
    for card in cards:
        assert mode(card) == 0o600
        text = card.read_text(encoding="utf-8")
        assert text.count("BEGIN:VCARD") == 1
        uid = next(line[4:] for line in text.splitlines() if line.startswith("UID:"))
        assert card.name == uid.removeprefix("urn:uuid:") + ".vcf"
        uids.discard(uid)
    assert uids == set()


def test_an_existing_folder_keeps_its_mode_and_the_files_netcoach_did_not_write(
    tmp_path, capsys
) -> None:
    home = rich_home(tmp_path / "home")
    book = tmp_path / "book"
    book.mkdir()
    book.chmod(0o750)
    foreign = {
        "notes.txt": "not a card",
        "friend.vcf": "BEGIN:VCARD\r\nVERSION:3.0\r\nUID:friend\r\nFN:Friend\r\nEND:VCARD\r\n",
    }
    for name, text in foreign.items():
        (book / name).write_bytes(text.encode())
    code, _, err = run(capsys, "--home", str(home), "export", "vcard", "-o", str(book))
    assert (code, err) == (0, f"exported {len(RICH)} cards to {book}\n")
    assert mode(book) == 0o750
    assert len(list(book.glob("*.vcf"))) == len(RICH) + 1
    for name, text in foreign.items():
        assert (book / name).read_bytes() == text.encode()


def test_exporting_again_replaces_the_cards_and_removes_only_netcoach_cards_of_deleted_contacts(
    tmp_path, capsys
) -> None:
    home = rich_home(tmp_path / "home")
    book = tmp_path / "book"
    run(capsys, "--home", str(home), "export", "vcard", "-o", f"{book}/")
    first = {path.name: path.read_bytes() for path in book.iterdir()}
    # A card netcoach wrote, then changed by another program (khard), is not netcoach's any more.
    store = Store(open_database(home / "netcoach.db", home / "backups"))
    uid_of = {item.contact.id: item.uid for item in store.exports.iter_contacts(True)}
    database.close()

    def card_of(cid: int) -> Path:
        return book / (uid_of[cid].removeprefix("urn:uuid:") + ".vcf")

    gone_id, edited_id = 1, 2
    gone, edited, kept, same = card_of(gone_id), card_of(edited_id), card_of(3), card_of(4)
    assert gone.exists() and edited.exists() and kept.exists()
    unchanged = same.stat()
    edited_text = edited.read_text(encoding="utf-8").replace(
        "PRODID:-//netcoach//netcoach//EN", "PRODID:-//khard//EN"
    )
    edited.write_text(edited_text, encoding="utf-8", newline="")
    kept.write_text("stale", encoding="utf-8")
    connection = sqlite3.connect(home / "netcoach.db")
    with connection:
        connection.execute("PRAGMA foreign_keys = ON")
        connection.execute("DELETE FROM contact WHERE id IN (?, ?)", (gone_id, edited_id))
    connection.close()

    code, _, err = run(capsys, "--home", str(home), "export", "vcard", "-o", str(book))
    assert code == 0
    removed = "removed 1 card of contacts no longer there"
    assert err == f"exported {len(RICH) - 2} cards to {book}; {removed}\n"
    assert not gone.exists()
    assert edited.read_text(encoding="utf-8") == edited_text  # left alone
    assert kept.read_bytes() == first[kept.name]  # replaced whole, as exported before
    assert mode(kept) == 0o600
    # A card that holds what would be written is not written again: a sync tool sees no change.
    assert (same.stat().st_ino, same.stat().st_mtime_ns) == (
        unchanged.st_ino,
        unchanged.st_mtime_ns,
    )
    assert not [path for path in book.iterdir() if path.name.startswith(".")]


def test_folder_round_trip_into_an_empty_home_keeps_every_field(tmp_path, capsys) -> None:
    first = rich_home(tmp_path / "first")
    original = contacts(first)
    book = tmp_path / "book"
    assert run(capsys, "--home", str(first), "export", "vcard", "-o", f"{book}/")[0] == 0
    (book / "README").write_text("skipped: not a .vcf file", encoding="utf-8")
    second = tmp_path / "second"
    code, out, err = run(capsys, "--home", str(second), "import", "vcard", str(book))
    assert (code, out, err) == (0, f"imported {len(RICH)}, updated 0, skipped 0\n", "")
    copied = contacts(second)
    assert len(copied) == len(original)
    for before, after in zip(sorted(original, key=str), sorted(copied, key=str), strict=True):
        contact_before, *extra_before = before
        contact_after, *extra_after = after
        for field in fields(contact_before):  # type: ignore[arg-type]
            assert getattr(contact_after, field.name) == getattr(contact_before, field.name), (
                contact_before.name,  # type: ignore[attr-defined]
                field.name,
            )
        assert extra_after == extra_before
    code, out, _ = run(capsys, "--home", str(second), "import", "vcard", str(book))
    assert (code, out) == (0, f"imported 0, updated 0, skipped {len(RICH)}\n")


def test_a_bad_card_in_the_folder_is_refused_and_nothing_is_imported(tmp_path, capsys) -> None:
    first = rich_home(tmp_path / "first")
    book = tmp_path / "book"
    run(capsys, "--home", str(first), "export", "vcard", "-o", f"{book}/")
    bad = book / "zzz-broken.vcf"
    bad.write_text("BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Half a card\r\n", encoding="utf-8")
    second = tmp_path / "second"
    code, out, err = run(capsys, "--home", str(second), "import", "vcard", str(book))
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and str(bad) in err
    assert contacts(second) == []


def test_an_empty_folder_is_refused(tmp_path, capsys) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    (empty / "notes.txt").write_text("no cards", encoding="utf-8")
    code, out, err = run(capsys, "--home", str(tmp_path / "h"), "import", "vcard", str(empty))
    assert (code, out) == (2, "")
    assert err == f"netcoach: {empty}: no .vcf file in the folder\n"


@pytest.mark.parametrize("kind", ["csv", "json", "ics"])
def test_other_kinds_refuse_a_folder(tmp_path, capsys, kind) -> None:
    home = rich_home(tmp_path / "home")
    existing = tmp_path / "existing"
    existing.mkdir()
    for target in (str(existing), f"{tmp_path / 'new'}/"):
        code, out, err = run(capsys, "--home", str(home), "export", kind, "-o", target)
        assert (code, out) == (2, "")
        assert err.count("\n") == 1 and f"cannot export {kind} to the folder {target}" in err
    assert list(existing.iterdir()) == []
    assert not (tmp_path / "new").exists()


def test_a_folder_that_may_not_be_written_is_refused_in_one_line(tmp_path, capsys) -> None:
    home = rich_home(tmp_path / "home")
    book = tmp_path / "book"
    book.mkdir()
    book.chmod(0o500)
    try:
        code, out, err = run(capsys, "--home", str(home), "export", "vcard", "-o", str(book))
    finally:
        book.chmod(0o700)
    assert (code, out) == (2, "")
    assert err.count("\n") == 1 and err.startswith(f"netcoach: cannot write {book}: ")
    assert list(book.iterdir()) == []


def test_an_empty_home_exported_into_a_folder_removes_nothing(tmp_path, capsys) -> None:
    home = rich_home(tmp_path / "home")
    book = tmp_path / "book"
    run(capsys, "--home", str(home), "export", "vcard", "-o", f"{book}/")
    before = sorted(book.iterdir())
    code, _, err = run(
        capsys, "--home", str(tmp_path / "empty"), "export", "vcard", "-o", str(book)
    )
    assert (code, err) == (0, f"exported 0 cards to {book}\n")
    assert sorted(book.iterdir()) == before and len(before) == len(RICH)


def test_a_uid_that_is_no_safe_file_name_is_named_by_its_hash_and_recognised_again(
    tmp_path, capsys
) -> None:
    from netcoach.io.exporters import card_stem

    assert card_stem("urn:uuid:0a1b-2c") == "0a1b-2c"
    for uid in ("../../etc/passwd", ".hidden", "a,b;c\\d", "x" * 101, "CON:1"):
        assert len(card_stem(uid)) == 32 and card_stem(uid).isalnum()
    card = tmp_path / "card.vcf"
    card.write_bytes(
        b"BEGIN:VCARD\r\nVERSION:3.0\r\nUID:../up\\, there\r\nFN:Ann Lee\r\nEND:VCARD\r\n"
    )
    home = tmp_path / "home"
    assert run(capsys, "--home", str(home), "import", "vcard", str(card))[0] == 0
    book = tmp_path / "book"
    run(capsys, "--home", str(home), "export", "vcard", "-o", f"{book}/")
    assert [path.name for path in book.iterdir()] == [card_stem("../up, there") + ".vcf"]
    assert not (tmp_path / "up, there.vcf").exists()
    connection = sqlite3.connect(home / "netcoach.db")
    with connection:
        connection.execute("PRAGMA foreign_keys = ON")
        connection.execute("DELETE FROM contact")
    connection.close()
    (book / "extra.vcf").write_bytes(card.read_bytes())
    store_people(Store(open_database(home / "netcoach.db", home / "backups")), RICH[:1])
    database.close()
    code, _, err = run(capsys, "--home", str(home), "export", "vcard", "-o", str(book))
    assert code == 0 and err.endswith("; removed 1 card of contacts no longer there\n")
    assert not (book / (card_stem("../up, there") + ".vcf")).exists()
    assert (book / "extra.vcf").exists()
