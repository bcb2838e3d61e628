"""UTF-16 exports (the older Gmail "Google CSV" download) read like any other; binary stays out."""

from __future__ import annotations

import codecs
import sqlite3
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from textual.widgets import DataTable, Input, Select, Static

from netcoach.cli import main
from netcoach.data.db import database, open_database
from netcoach.data.repo import Store
from netcoach.io.imports import import_file
from netcoach.io.readers import reader_for
from netcoach.io.text import ImportFileError, open_text
from tests.data.test_import_fuzz import GOOGLE_HEADER, counts, row

FIXTURES = Path(__file__).parent.parent / "fixtures"
OLD_GOOGLE = (FIXTURES / "google-contacts-old.csv").read_text(encoding="utf-8-sig")
LINKEDIN = (FIXTURES / "linkedin-connections.csv").read_text(encoding="utf-8-sig")
ORDERS = ["utf-16-le", "utf-16-be"]


@pytest.fixture(autouse=True)
def _close_database():
    yield
    database.close()


def utf16(path: Path, text: str, order: str) -> Path:
    """``text`` written as UTF-16 in ``order`` with its byte-order mark, as Gmail wrote it."""
    path.write_bytes(("\ufeff" + text).encode(order))
    return path


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def names(home: Path) -> list[str]:
    connection = sqlite3.connect(home / "netcoach.db")
    try:
        return [r[0] for r in connection.execute("SELECT name FROM contact ORDER BY name")]
    finally:
        connection.close()


@pytest.mark.parametrize("order", ORDERS)
def test_old_google_csv_in_utf16_imports_like_the_utf8_one(tmp_path, capsys, order) -> None:
    home = tmp_path / "home"
    file = utf16(tmp_path / "google.csv", OLD_GOOGLE.replace("\n", "\r\n"), order)
    code, out, err = run(capsys, "--home", str(home), "import", "google", str(file))
    assert (code, out, err) == (0, "imported 2, updated 0, skipped 0\n", "")
    assert names(home) == ["Grace Hughes", "Jonas Jensen"]
    connection = sqlite3.connect(home / "netcoach.db")
    try:
        emails = [r[0] for r in connection.execute("SELECT address FROM contact_email")]
    finally:
        connection.close()
    assert sorted(emails) == ["grace@willowphysio.example", "jj@mail.example",
                              "jonas@pixelfoundry.example"]  # fmt: skip
    # The same people from the UTF-8 file are the same contacts.
    code, out, _ = run(capsys, "--home", str(home), "import", "google",
                       str(FIXTURES / "google-contacts-old.csv"))  # fmt: skip
    assert (code, out) == (0, "imported 0, updated 0, skipped 2\n")


@pytest.mark.parametrize("order", ORDERS)
def test_linkedin_csv_in_utf16_imports_too(tmp_path, capsys, order) -> None:
    file = utf16(tmp_path / "Connections.csv", LINKEDIN, order)
    code, out, err = run(capsys, "--home", str(tmp_path / "h"), "import", "linkedin", str(file))
    assert (code, out, err) == (0, "imported 4, updated 0, skipped 2\n", "")
    assert "Amélie Durand" in names(tmp_path / "h")


def test_utf8_with_a_byte_order_mark_still_imports(tmp_path, capsys) -> None:
    file = tmp_path / "google.csv"
    file.write_text(OLD_GOOGLE, encoding="utf-8-sig")
    assert file.read_bytes().startswith(codecs.BOM_UTF8)
    code, out, _ = run(capsys, "--home", str(tmp_path / "h"), "import", "google", str(file))
    assert (code, out) == (0, "imported 2, updated 0, skipped 0\n")


BINARY = {
    "nul-without-mark": (b"Name,Given Name\r\nAnn\x00Lee\r\n", "line 2: binary data"),
    "png": (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "line 3: binary data"),
    "zip": (b"PK\x03\x04\x14\x00\x00\x00\x08\x00", "line 1: binary data"),
    "utf16-with-nul": ("\ufeffName\r\nAnn\x00\r\n".encode("utf-16-le"), "line 2: binary data"),
    "utf32": ("\ufeffName\r\n".encode("utf-32-le"), "line 1: binary data"),
    "utf16-odd-end": ("\ufeffName\r\nAnn\r\n".encode("utf-16-be") + b"A", "line 3: not text"),
    "utf16-lone-surrogate": (
        "\ufeffName\r\n".encode("utf-16-le") + b"\x00\xd8A\x00",
        "line 2: not text in UTF-16",
    ),
}


@pytest.mark.parametrize("name", sorted(BINARY))
def test_real_binary_is_still_refused_with_one_line(tmp_path, capsys, name) -> None:
    data, reason = BINARY[name]
    file = tmp_path / f"{name}.csv"
    file.write_bytes(data)
    home = tmp_path / "home"
    code, out, err = run(capsys, "--home", str(home), "import", "google", str(file))
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and str(file) in err and reason in err
    assert names(home) == []


async def test_import_screen_previews_a_utf16_file(tmp_path: Path) -> None:
    from netcoach.app import create_app
    from tests.conftest import fixed_clock, settle

    file = utf16(tmp_path / "google.csv", OLD_GOOGLE, "utf-16-le")
    app = create_app(tmp_path / "netcoach.db", clock=fixed_clock)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        app.action_import_contacts()
        await settle(pilot)
        screen = app.screen
        screen.query_one("#import-kind", Select).value = "google"
        await settle(pilot)
        screen.query_one("#import-path", Input).value = str(file)
        await pilot.press("ctrl+r")
        await settle(pilot)
        assert str(screen.query_one("#import-error", Static).content) == ""
        table = screen.query_one("#import-preview", DataTable)
        assert [str(table.get_row_at(i)[2]) for i in range(table.row_count)] == [
            "Grace Hughes",
            "Jonas Jensen",
        ]
        assert app.store.count_contacts() == 0


# ---- generated files ---------------------------------------------------------------------

SETTINGS = settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
MARKS = st.sampled_from([b"", codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE, codecs.BOM_UTF8])


@SETTINGS
@given(MARKS, st.binary(max_size=300), st.sampled_from(["google", "linkedin", "vcard"]))
def test_random_bytes_import_or_are_refused_cleanly(mark, data, kind) -> None:
    with tempfile.TemporaryDirectory() as scratch:
        root = Path(scratch)
        db_file = root / "netcoach.db"
        store = Store(open_database(db_file, root / "backups"))
        path = root / "input"
        path.write_bytes(mark + data)
        before = counts(db_file)
        try:
            summary = import_file(store, kind, path)
        except ImportFileError as error:
            assert str(path) in str(error) and "\n" not in str(error)
            assert counts(db_file) == before
        else:
            assert counts(db_file)[0] == summary.imported
        finally:
            database.close()


def read_both(text: str, order: str) -> tuple[str | None, str | None]:
    """``text`` read back from a UTF-8 file and from a UTF-16 one; None where refused."""
    found: list[str | None] = []
    with tempfile.TemporaryDirectory() as scratch:
        for name, data in (
            ("utf8", text.encode("utf-8-sig")),
            ("utf16", ("\ufeff" + text).encode(order)),
        ):
            path = Path(scratch) / name
            path.write_bytes(data)
            try:
                with open_text(path, []) as handle:
                    found.append(handle.read())
            except ImportFileError:
                found.append(None)
    return found[0], found[1]


@SETTINGS
@given(st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",))),
       st.sampled_from(ORDERS))  # fmt: skip
def test_any_text_in_utf16_reads_the_same_as_in_utf8(text, order) -> None:
    as_utf8, as_utf16 = read_both(text, order)
    assert as_utf8 == as_utf16
    assert (as_utf8 is None) == ("\x00" in text)
    if as_utf8 is not None:
        assert as_utf8 == text


@SETTINGS
@given(st.lists(row, max_size=8), st.sampled_from(ORDERS), st.sampled_from(["\n", "\r\n"]))
def test_google_records_from_utf16_equal_those_from_utf8(rows, order, newline) -> None:
    text = newline.join([GOOGLE_HEADER, *rows]) + newline
    with tempfile.TemporaryDirectory() as scratch:
        plain = Path(scratch) / "plain.csv"
        plain.write_text(text, encoding="utf-8", newline="")
        wide = utf16(Path(scratch) / "wide.csv", text, order)
        read = reader_for("google")
        try:
            expected: object = list(read(plain, []))
        except ImportFileError as error:
            expected = error.where, error.reason
        try:
            got: object = list(read(wide, []))
        except ImportFileError as error:
            got = error.where, error.reason
        assert got == expected
