"""Generated CSV and vCard files either import or are refused cleanly: never half-written."""

from __future__ import annotations

import sqlite3
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from netcoach.data.db import database, open_database
from netcoach.data.repo import Store
from netcoach.io.imports import import_file
from netcoach.io.text import ImportFileError

LINKEDIN_HEADER = "First Name,Last Name,URL,Email Address,Company,Position,Connected On"
GOOGLE_HEADER = "First Name,Last Name,Organization Name,Labels,E-mail 1 - Value,Phone 1 - Value"
cell = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=12)
row = st.lists(cell, min_size=0, max_size=8).map(
    lambda cells: ",".join(
        '"' + c.replace('"', '""') + '"' if any(ch in c for ch in ',"\r\n') else c for c in cells
    )
)
noise = st.text(max_size=40)
vcard_line = st.one_of(
    st.sampled_from(
        [
            "BEGIN:VCARD",
            "END:VCARD",
            "VERSION:2.1",
            "VERSION:3.0",
            "VERSION:4.0",
            "FN:Ann Lee",
            "N:Lee;Ann;;;",
            "EMAIL:ann@x.example",
            "ORG:A\\, B;C",
            " folded",
            "NOTE;ENCODING=QUOTED-PRINTABLE:caf=C3=A9=",
            "item1.EMAIL:b@x.example",
            "item1.X-ABLabel:Work",
            "CATEGORIES:a,b",
            "X-NETCOACH-LEVEL:9",
            "TEL:+1",
        ]
    ),
    noise.map(lambda text: "NOTE:" + text),
    noise,
)


def counts(db_file: Path) -> tuple[int, ...]:
    connection = sqlite3.connect(db_file)
    try:
        return tuple(
            connection.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
            for table in ("contact", "contact_email", "contact_tag", "level_change", "tag")
        )
    finally:
        connection.close()


def check(kind: str, text: str, newline: str) -> None:
    with tempfile.TemporaryDirectory() as scratch:
        root = Path(scratch)
        db_file = root / "netcoach.db"
        store = Store(open_database(db_file, root / "backups"))
        path = root / "input"
        path.write_text(text.replace("\n", newline), encoding="utf-8", newline="")
        before = counts(db_file)
        try:
            summary = import_file(store, kind, path)
        except ImportFileError as error:
            assert str(path) in str(error)
            assert counts(db_file) == before
        else:
            assert counts(db_file)[0] == summary.imported
            again = import_file(store, kind, path)
            assert again.imported == 0
        finally:
            database.close()


SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@SETTINGS
@given(
    st.lists(st.one_of(row, noise), max_size=4),
    st.booleans(),
    st.lists(row, max_size=8),
    st.sampled_from(["\n", "\r\n"]),
)
def test_linkedin_like_files(notes, with_header, rows, newline) -> None:
    lines = [*notes, *([LINKEDIN_HEADER] if with_header else []), *rows]
    check("linkedin", "\n".join(lines) + "\n", newline)


@SETTINGS
@given(st.booleans(), st.lists(row, max_size=8), st.sampled_from(["\n", "\r\n"]))
def test_google_like_files(with_header, rows, newline) -> None:
    lines = [*([GOOGLE_HEADER] if with_header else []), *rows]
    check("google", "\ufeff" + "\n".join(lines) + "\n", newline)


@SETTINGS
@given(st.lists(vcard_line, max_size=25), st.sampled_from(["\n", "\r\n"]))
def test_vcard_like_files(lines, newline) -> None:
    check("vcard", "\n".join(lines) + "\n", newline)
