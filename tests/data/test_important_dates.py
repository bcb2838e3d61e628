"""Birthdays and anniversaries kept, imported (fill blanks only), exported, and found for Today."""

from __future__ import annotations

import csv
import io
import time
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest

from netcoach.core.important_dates import ImportantDate
from netcoach.core.models import ContactDraft
from netcoach.data.errors import ValidationError
from netcoach.io.exporters import write_export
from netcoach.io.imports import import_file

FIXTURES = Path(__file__).parent.parent / "fixtures"


def stored(store, contact_id: int) -> tuple[str, str]:
    with store.db.connection_context():
        return tuple(
            store.db.execute_sql(
                "SELECT birthday, anniversary FROM contact WHERE id = ?", [contact_id]
            ).fetchone()
        )


def by_name(store, name: str):
    (row,) = [r for r in store.list_contacts(search=name).rows if r.name == name]
    return store.get_contact(row.id)


def test_a_contact_keeps_its_dates_with_or_without_the_year(store) -> None:
    contact = store.add_contact(
        ContactDraft(name="Amelia Hart", birthday=ImportantDate(12, 10, 1986))
    )
    assert stored(store, contact.id) == ("1986-12-10", "")
    assert store.get_contact(contact.id).birthday == ImportantDate(12, 10, 1986)
    saved, replaced = store.save_contact_changes(
        contact.id,
        {"birthday": ImportantDate(12, 10, 1986), "anniversary": None},
        {"birthday": None, "anniversary": ImportantDate(6, 30)},
    )
    assert (saved.birthday, saved.anniversary) == (None, ImportantDate(6, 30))
    assert replaced == {"birthday": ImportantDate(12, 10, 1986), "anniversary": None}
    assert stored(store, contact.id) == ("", "--06-30")


def test_a_date_that_is_not_one_is_refused_and_nothing_written(store) -> None:
    contact = store.add_contact(ContactDraft(name="Ben Okafor"))
    with pytest.raises(ValidationError):
        store.save_contact_changes(contact.id, {"birthday": None}, {"birthday": "17 May"})
    with pytest.raises(ValidationError):
        store.add_contact(ContactDraft(name="Cara", anniversary="soon"))  # type: ignore[arg-type]
    assert stored(store, contact.id) == ("", "")
    assert [r.name for r in store.list_contacts().rows] == ["Ben Okafor"]


def add(store, name: str, level: int = 3, **dates) -> int:
    return store.add_contact(ContactDraft(name=name, level=level, **dates)).id


def test_today_finds_the_next_14_days_for_level_3_and_above(store) -> None:
    today = date(2026, 12, 25)
    add(store, "Amelia Hart", 4, birthday=ImportantDate(1, 2, 1986))  # wraps to next year
    add(store, "Ben Okafor", 3, anniversary=ImportantDate(12, 25, 2016))  # today
    add(store, "Cara Lind", 2, birthday=ImportantDate(12, 26))  # level 2: not shown
    add(store, "Dev Rao", 5, birthday=ImportantDate(1, 9))  # the 15th day: not shown
    archived = add(store, "Eve Stone", 5, birthday=ImportantDate(12, 27))
    store.contacts.set_archived(archived, True)
    add(store, "Finn Gray", 3, birthday=ImportantDate(12, 10), anniversary=ImportantDate(1, 1))
    coming = store.contacts.coming_dates(today)
    assert [(c.name, c.kind, c.on, c.years()) for c in coming] == [
        ("Ben Okafor", "anniversary", date(2026, 12, 25), 10),
        ("Finn Gray", "anniversary", date(2027, 1, 1), None),
        ("Amelia Hart", "birthday", date(2027, 1, 2), 41),
    ]


def test_29_february_shows_on_the_28th_in_a_year_without_it(store) -> None:
    add(store, "Lee Park", 3, birthday=ImportantDate(2, 29, 1984))
    (item,) = store.contacts.coming_dates(date(2027, 2, 20))
    assert (item.on, item.years()) == (date(2027, 2, 28), 43)
    assert store.contacts.coming_dates(date(2027, 3, 1)) == []
    (leap,) = store.contacts.coming_dates(date(2028, 2, 20))
    assert leap.on == date(2028, 2, 29)


def test_the_window_is_read_through_the_indexes(store) -> None:
    with store.db.connection_context():
        for kind in ("birthday", "anniversary"):
            plan = " ".join(
                str(row[-1])
                for row in store.db.execute_sql(
                    f"EXPLAIN QUERY PLAN SELECT id FROM contact WHERE {kind} <> '' "
                    f"AND substr({kind}, -5) IN ('12-25', '12-26') "
                    "AND archived_at IS NULL AND level >= 3"
                )
            )
            assert f"USING INDEX contact_{kind}_day" in plan


@pytest.mark.parametrize(
    ("fixture", "expected"),
    [
        (
            "dates-vcard21.vcf",
            {"Amelia Hart": ("1986-12-10", "2012-06-30"), "Ben Okafor": ("1979-01-02", "")},
        ),
        (
            "dates-vcard30.vcf",
            {"Cara Lind": ("--05-17", "2001-09-15"), "Dev Rao": ("", "")},
        ),
        (
            "dates-vcard40.vcf",
            {
                "Eve Stone": ("--02-29", "2010-06-01"),
                "Finn Gray": ("", ""),
                "Gil Moss": ("1975-08-04", ""),
            },
        ),
        (
            "google-contacts-dates.csv",
            {
                "Amelia Hart": ("1986-12-10", "2012-06-30"),
                "Ben Okafor": ("--01-02", ""),
                "Cara Lind": ("", "--02-29"),
            },
        ),
        (
            "google-contacts-dates-old.csv",
            {"Grace Hughes": ("1975-08-04", "2001-09-15"), "Jonas Jensen": ("", "")},
        ),
    ],
)
def test_imports_keep_the_dates_and_leave_out_what_is_not_one(store, fixture, expected) -> None:
    kind = "vcard" if fixture.endswith(".vcf") else "google"
    summary = import_file(store, kind, FIXTURES / fixture)
    assert summary.imported == len(expected)
    for name, dates in expected.items():
        assert stored(store, by_name(store, name).id) == dates, name
    # Dev Rao's 29 February 1990 never was; Finn Gray's are text; Cara Lind's "sometime in spring"
    bad = {"dates-vcard30.vcf": 1, "dates-vcard40.vcf": 2, "google-contacts-dates.csv": 1}
    left_out = [n for n in summary.notices if "birthday" in n]
    if fixture in bad:
        count = bad[fixture]
        assert left_out == [
            f"{count} birthday{' or anniversary' if count == 1 else 's or anniversaries'} "
            f"that {'is not a date was' if count == 1 else 'are not dates were'} left out"
        ]
    else:
        assert left_out == []


def test_an_import_fills_only_blank_dates_and_never_brings_back_a_cleared_one(store) -> None:
    typed = add(store, "Amelia Hart", 4, birthday=ImportantDate(12, 11, 1986))
    with store.db.connection_context(), store.db.atomic():
        store.db.execute_sql(
            "INSERT INTO contact_email (contact_id, address, position) VALUES (?, ?, 0)",
            [typed, "amelia@hartlegal.example"],
        )
    summary = import_file(store, "google", FIXTURES / "google-contacts-dates.csv")
    assert summary.updated == 1
    # The birthday the person typed stays; the blank anniversary is filled in.
    assert stored(store, typed) == ("1986-12-11", "2012-06-30")
    ben = by_name(store, "Ben Okafor")
    store.save_contact_changes(ben.id, {"birthday": ben.birthday}, {"birthday": None})
    again = import_file(store, "google", FIXTURES / "google-contacts-dates.csv")
    assert again.imported == 0
    assert stored(store, ben.id) == ("", "")  # cleared by the person: stays cleared


def test_exports_carry_the_dates(store) -> None:
    add(store, "Amelia Hart", 4, birthday=ImportantDate(12, 10, 1986))
    add(store, "Ben Okafor", 2, anniversary=ImportantDate(6, 30))
    out = io.StringIO()
    write_export(store, "vcard", out)
    cards = out.getvalue()
    assert "BDAY:1986-12-10\r\n" in cards and "X-ANNIVERSARY:--06-30\r\n" in cards
    out = io.StringIO()
    write_export(store, "csv", out)
    rows = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert [(r["name"], r["birthday"], r["anniversary"]) for r in rows] == [
        ("Amelia Hart", "10 December 1986", ""),
        ("Ben Okafor", "", "30 June"),
    ]
    out = io.StringIO()
    write_export(store, "json", out)
    assert '"1986-12-10"' in out.getvalue() and '"--06-30"' in out.getvalue()


def test_today_reads_the_window_quickly_at_100000_contacts(store) -> None:
    """Only the contacts whose date falls in the window are read, through the indexes."""
    now = datetime(2026, 11, 23, 7, 30)
    first = date(1970, 1, 1)
    rows = [
        (
            f"Person {n}",
            3 + n % 3,
            (first + timedelta(days=n % 20_000)).isoformat() if n % 3 else "",
            (first + timedelta(days=(n * 7) % 20_000)).strftime("--%m-%d") if n % 5 == 0 else "",
            now,
            now,
        )
        for n in range(100_000)
    ]
    with store.db.connection_context(), store.db.atomic():
        store.db.cursor().executemany(
            "INSERT INTO contact (name, level, birthday, anniversary, created_at, updated_at) "
            "VALUES (?, ?, ?, ?, ?, ?)",
            rows,
        )
    store.contacts.coming_dates(date(2026, 11, 23))  # warm the page cache
    started = time.perf_counter()
    coming = store.contacts.coming_dates(date(2026, 11, 23))
    took = time.perf_counter() - started
    assert len(coming) > 2_000
    assert all(date(2026, 11, 23) <= c.on <= date(2026, 12, 7) for c in coming)
    print(f"coming dates at 100,000 contacts: {took * 1000:.1f} ms for {len(coming)}")
    assert took < 1.0, took


def test_an_edit_of_the_dates_is_undone_through_its_kept_description(store) -> None:
    """ctrl+z keeps its description as JSON: a date goes in as it is stored, and comes back."""
    from netcoach.core import undo
    from netcoach.core.undo import UndoAction
    from netcoach.data.undo import apply_undo

    contact = store.add_contact(ContactDraft(name="Amelia Hart", birthday=ImportantDate(12, 10)))
    saved, replaced = store.save_contact_changes(
        contact.id,
        {"birthday": ImportantDate(12, 10), "anniversary": None},
        {"birthday": ImportantDate(12, 10, 1986), "anniversary": ImportantDate(6, 30)},
    )
    action = undo.contact_edited(
        contact.id,
        saved.name,
        replaced,
        {"birthday": saved.birthday, "anniversary": saved.anniversary},
    )
    kept = UndoAction.from_json(action.to_json())
    apply_undo(store, kept)
    assert stored(store, contact.id) == ("--12-10", "")


def test_doctor_and_restore_agree_on_what_a_stored_date_may_be() -> None:
    """The SQL ``netcoach doctor`` runs and the check a JSON restore makes give one answer."""
    import sqlite3

    from netcoach.data.stored_values import bad_value_sql, data_tables, value_problem

    column = data_tables()["contact"].columns["birthday"]
    values = [
        "", "1980-05-17", "--05-17", "--02-29", "1984-02-29", "1981-02-29", "--02-30",
        "--13-01", "17 May", "1700-01-01", "1980-5-17", "---05-17", 5, None,
    ]  # fmt: skip
    connection = sqlite3.connect(":memory:")
    connection.execute("CREATE TABLE t (birthday)")
    connection.executemany("INSERT INTO t VALUES (?)", [(v,) for v in values])
    flagged = dict(connection.execute(f"SELECT birthday, {bad_value_sql(column)} FROM t"))
    for value in values:
        assert bool(flagged[value]) == (value_problem(column, value) is not None), value
    assert [v for v in values if not flagged[v]] == [
        "",
        "1980-05-17",
        "--05-17",
        "--02-29",
        "1984-02-29",
    ]
