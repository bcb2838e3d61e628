"""Restoring a JSON export edited by hand: every value is checked before anything is written."""

from __future__ import annotations

import contextlib
import io
import json
import sqlite3
import tempfile
from datetime import datetime
from pathlib import Path

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from netcoach.cli import main
from netcoach.data.db import database, open_database
from netcoach.data.demo import generate_demo
from netcoach.data.schema import schema_differences
from netcoach.data.stored_values import data_tables


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            code = main(list(argv))
    finally:
        database.close()
    return code, out.getvalue(), err.getvalue()


@pytest.fixture(scope="module")
def export(tmp_path_factory) -> dict:
    """A JSON export of a small demo network with one-to-ones, events, pitches and a ledger."""
    home = tmp_path_factory.mktemp("source")
    db = open_database(home / "netcoach.db", home / "backups")
    generate_demo(db, contacts=12, now=datetime(2026, 11, 20, 9, 0))
    database.close()
    target = home / "export.json"
    code, _, err = run("--home", str(home), "export", "json", "-o", str(target))
    assert code == 0, err
    return json.loads(target.read_text(encoding="utf-8"))


def data_rows(path: Path) -> dict[str, int]:
    """Rows in every data table of a home's database (settings aside: a new home has some)."""
    if not path.exists():
        return {}
    connection = sqlite3.connect(path)
    try:
        return {
            table: connection.execute(f'SELECT count(*) FROM "{table}"').fetchone()[0]
            for table in data_tables()
            if table != "setting"
        }
    finally:
        connection.close()


def restore_edited(document: dict, folder: Path) -> tuple[int, str, Path]:
    source = folder / "edited.json"
    source.write_text(json.dumps(document), encoding="utf-8")
    home = folder / "home"
    code, _, err = run("--home", str(home), "restore", str(source))
    return code, err, home / "netcoach.db"


def cell(document: dict, table: str, column: str, row: int = 0) -> tuple[list, int]:
    content = document["tables"][table]
    return content["rows"][row], content["columns"].index(column)


def edited(document: dict, table: str, column: str, value: object, row: int = 0) -> dict:
    copy = json.loads(json.dumps(document))
    cells, index = cell(copy, table, column, row)
    cells[index] = value
    return copy


def test_the_export_restores_whole_and_healthy(export, tmp_path) -> None:
    code, err, db_path = restore_edited(export, tmp_path)
    assert (code, err) == (0, "")
    expected = {t: len(c["rows"]) for t, c in export["tables"].items() if t != "setting"}
    assert {t: n for t, n in data_rows(db_path).items() if t in expected} == expected
    assert expected["one_to_one"] > 0 and expected["ledger_entry"] > 0
    code, out, _ = run("--home", str(tmp_path / "home"), "doctor", "--no-repair")
    assert code == 0, out


REFUSED = [
    (
        "one_to_one",
        "starts_at",
        "soon",
        "table 'one_to_one' row 1 column 'starts_at': 'soon' is not a date and time",
    ),
    ("one_to_one", "starts_at", "2026-13-40 09:00:00", "is not a date and time"),
    ("one_to_one", "starts_at", "2026-11-20T09:00:00", "is not a date and time"),
    ("ledger_entry", "happened_on", "tomorrow", "column 'happened_on': 'tomorrow' is not a date"),
    ("contact", "level", 10**30, "table 'contact' row 1 column 'level': the number is too large"),
    ("contact", "level", 2**63, "9223372036854775808 is too large for SQLite"),
    ("contact", "level", "4", "column 'level': '4' is not a whole number"),
    ("contact", "level", 4.5, "column 'level': 4.5 is not a whole number"),
    ("contact", "level", True, "column 'level': True is not a whole number"),
    ("contact", "is_advisor", 2, "column 'is_advisor': 2 is not 0 or 1"),
    ("contact", "name", None, "column 'name': it is empty, but this column needs a value"),
    ("contact", "notes", ["a", "list"], "column 'notes': a list is not text"),
    ("contact", "level", 7, "table 'contact' row 1: CHECK constraint failed"),
    ("contact", "birthday", "17 May", "column 'birthday': '17 May' is not a day of the year"),
    ("contact", "anniversary", "--02-30", "column 'anniversary': '--02-30' is not a day of"),
    ("contact", "birthday", "1981-02-29", "column 'birthday': '1981-02-29' is not a day of"),
    ("contact", "birthday", None, "column 'birthday': it is empty, but this column needs"),
    ("pitch_version", "parts", "{broken", "column 'parts': '{broken' is not a JSON object"),
    ("review", "decisions", "{}", "column 'decisions': '{}' is not a JSON list"),
    (
        "contact_email",
        "contact_id",
        99999,
        "table 'contact_email' row 1: column 'contact_id' refers to contact 99999, which is not",
    ),
]


@pytest.mark.parametrize(("table", "column", "value", "expected"), REFUSED)
def test_a_hand_edited_value_is_refused_naming_table_row_and_column(
    export, tmp_path, table, column, value, expected
) -> None:
    code, err, db_path = restore_edited(edited(export, table, column, value), tmp_path)
    assert code == 2
    assert len(err.strip().splitlines()) == 1
    assert expected in err and err.rstrip().endswith("nothing was written")
    assert not any(data_rows(db_path).values())


def test_nan_is_refused(export, tmp_path) -> None:
    text = json.dumps(edited(export, "rehearsal", "duration_seconds", 1.5)).replace("1.5", "NaN")
    (tmp_path / "nan.json").write_text(text, encoding="utf-8")
    code, _, err = run("--home", str(tmp_path / "home"), "restore", str(tmp_path / "nan.json"))
    assert code == 2
    assert "NaN is not a number netcoach stores" in err


@pytest.mark.parametrize(
    "table",
    [
        "contact_search_data",
        "contact_search_idx",
        "contact_search",
        "contact_search_order",
        "schema_version",
        "sqlite_sequence",
        "sqlite_master",
        "nonsense",
    ],
)
def test_only_netcoach_data_tables_are_accepted(export, tmp_path, table) -> None:
    document = json.loads(json.dumps(export))
    document["tables"][table] = {"columns": ["id", "block"], "rows": [[11, "x"]]}
    code, err, db_path = restore_edited(document, tmp_path)
    assert code == 2
    assert f"table {table!r} is not part of a netcoach export" in err
    assert not any(data_rows(db_path).values())


@pytest.mark.parametrize(
    ("columns", "expected"),
    [
        (lambda c: [["name"], *c[1:]], "column 1 is ['name'], not a column name"),
        (lambda c: [c[0], 3, *c[2:]], "column 2 is 3, not a column name"),
        (lambda c: [*c[:-1], "password"], "unknown column 'password'"),
        (lambda c: [*c[:-1], c[0]], "names column 'id' twice"),
    ],
)
def test_column_names_must_be_known_strings(export, tmp_path, columns, expected) -> None:
    document = json.loads(json.dumps(export))
    content = document["tables"]["contact"]
    content["columns"] = columns(content["columns"])
    code, err, _ = restore_edited(document, tmp_path)
    assert code == 2
    assert "table 'contact'" in err and expected in err


def test_a_column_every_row_needs_must_be_there(export, tmp_path) -> None:
    document = json.loads(json.dumps(export))
    content = document["tables"]["contact"]
    drop = content["columns"].index("created_at")
    content["columns"].pop(drop)
    for row in content["rows"]:
        row.pop(drop)
    code, err, _ = restore_edited(document, tmp_path)
    assert code == 2
    assert "table 'contact' has no column 'created_at', which every row needs" in err


def test_tables_may_come_in_any_order(export, tmp_path) -> None:
    document = json.loads(json.dumps(export))
    document["tables"] = dict(reversed(document["tables"].items()))
    code, err, _ = restore_edited(document, tmp_path)
    assert (code, err) == (0, "")


# ---- mutated exports ----------------------------------------------------------------------------

JSON_VALUES = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(min_value=-(2**70), max_value=2**70)
    | st.floats(allow_nan=False)
    | st.text(max_size=12)
    | st.sampled_from(["soon", "2026-11-20", "2026-11-20 09:00:00", "", "0", "9" * 25]),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner),
    max_leaves=5,
)


@st.composite
def mutations(draw: st.DrawFn, document: dict) -> dict:
    copy = json.loads(json.dumps(document))
    tables = copy["tables"]
    names = sorted(t for t, c in tables.items() if c["rows"])
    for _ in range(draw(st.integers(min_value=1, max_value=3))):
        table = draw(st.sampled_from(names))
        content = tables[table]
        what = draw(st.sampled_from(["cell", "cell", "cell", "column", "table", "drop", "row"]))
        if what == "cell" and content["rows"]:
            row = draw(st.sampled_from(content["rows"]))
            row[draw(st.integers(0, len(row) - 1))] = draw(JSON_VALUES)
        elif what == "column":
            index = draw(st.integers(0, len(content["columns"]) - 1))
            content["columns"][index] = draw(JSON_VALUES | st.sampled_from(content["columns"]))
        elif what == "table":
            name = draw(st.sampled_from(["contact_search_data", "sqlite_stat1", "x"]) | st.text())
            tables[name] = draw(JSON_VALUES)
        elif what == "drop":
            del tables[table]
            names.remove(table)
            if not names:
                break
        elif content["rows"]:
            content["rows"].append(draw(st.sampled_from(content["rows"])))
    return copy


@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(data=st.data())
def test_a_mutated_export_loads_or_is_refused_whole(export, data) -> None:
    document = data.draw(mutations(export))
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch)
        code, err, db_path = restore_edited(document, folder)
        assert code in (0, 2), err
        event(f"exit {code}")
        if code == 2:
            assert len(err.strip().splitlines()) == 1, err
            assert not any(data_rows(db_path).values())
            return
        connection = sqlite3.connect(db_path)
        try:
            assert connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
            assert connection.execute("PRAGMA foreign_key_check").fetchall() == []
            assert schema_differences(connection) == []
        finally:
            connection.close()
        home = str(folder / "home")
        for kind in ("ics", "json", "csv", "vcard"):
            code, _, err = run("--home", home, "export", kind, "-o", str(folder / f"out.{kind}"))
            assert code == 0, err
        code, _, err = run("--home", str(folder / "again"), "restore", str(folder / "out.json"))
        assert code == 0, err


def test_doctor_names_a_value_of_the_wrong_kind_already_stored(export, tmp_path) -> None:
    """A database that took a hand-edited value before restore checked values is not healthy."""
    code, _, db_path = restore_edited(export, tmp_path)
    assert code == 0
    home = str(tmp_path / "home")
    code, out, _ = run("--home", home, "doctor", "--no-repair")
    assert code == 0 and "values          ok" in out
    connection = sqlite3.connect(db_path)
    (first,) = connection.execute("SELECT min(id) FROM one_to_one").fetchone()
    connection.execute("UPDATE one_to_one SET starts_at = 'soon' WHERE id = ?", (first,))
    connection.commit()
    connection.close()
    code, out, _ = run("--home", home, "doctor", "--no-repair")
    assert code != 0
    assert (
        "values          PROBLEM   1 row holds a value of the wrong kind (first: table "
        f"'one_to_one' row id {first} column 'starts_at': 'soon' is not a date and time"
    ) in out
