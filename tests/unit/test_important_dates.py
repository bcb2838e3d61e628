"""Birthdays and anniversaries: reading them, showing them, and when they next come round."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from netcoach.core.important_dates import (
    ComingDate,
    ImportantDate,
    ImportantDateError,
    describe_brief,
    describe_typed,
    from_stored,
    parse_important_date,
    upcoming,
    window_keys,
)
from netcoach.core.models import ContactDraft
from netcoach.core.validation import parse_day_of_year, validate_contact

MAY_17 = ImportantDate(5, 17)
MAY_17_1980 = ImportantDate(5, 17, 1980)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("17 May", MAY_17),
        ("May 17", MAY_17),
        ("may 17th", MAY_17),
        ("17th of", None),
        ("17/05", MAY_17),
        ("17.05", MAY_17),
        ("17/05/1980", MAY_17_1980),
        ("17 May 1980", MAY_17_1980),
        ("May 17, 1980", MAY_17_1980),
        ("1980-05-17", MAY_17_1980),
        ("19800517", MAY_17_1980),
        ("--0517", MAY_17),  # vCard 4.0, no year
        ("--05-17", MAY_17),  # as netcoach stores it, and Google writes it
        ("1980-05-17T00:00:00Z", MAY_17_1980),  # vCard 3.0 with a time part
        ("19800517T103000", MAY_17_1980),
        ("1980-05-17 10:30", MAY_17_1980),
        ("0000-05-17", MAY_17),  # some address books write year 0 for "not known"
        ("1604-05-17", MAY_17),  # and Apple's X-APPLE-OMIT-YEAR=1604
        ("  17   MAY  ", MAY_17),
        ("03/04", ImportantDate(4, 3)),  # day first, as every date field of netcoach
        ("29 Feb", ImportantDate(2, 29)),
        ("29/02/1984", ImportantDate(2, 29, 1984)),
    ],
)
def test_reads_what_people_type_and_what_files_hold(text, expected) -> None:
    if expected is None:
        with pytest.raises(ImportantDateError):
            parse_important_date(text)
    else:
        assert parse_important_date(text) == expected


@pytest.mark.parametrize(
    ("text", "says"),
    [
        ("", "Type a day and month"),
        ("31/02", "There is no 31 February"),
        ("29 Feb 1981", "There is no 29 February 1981"),
        ("17/13", "There is no month 13"),
        ("May", "Which day of May?"),
        ("17 Maybe", "“maybe” is not a month"),
        ("circa 1800", "Could not read “circa 1800”"),
        ("1700-05-17", "The year 1700"),
        ("x" * 500, "too long"),
    ],
)
def test_says_what_it_could_not_read(text, says) -> None:
    with pytest.raises(ImportantDateError) as error:
        parse_important_date(text)
    assert says in str(error.value)


def test_the_hint_says_day_first() -> None:
    _value, problem = parse_day_of_year("nonsense")
    assert problem is not None and "day first" in problem
    assert parse_day_of_year("   ") == (None, None)


@given(st.text(max_size=60))
def test_never_crashes_on_any_text(text: str) -> None:
    try:
        value = parse_important_date(text)
    except ImportantDateError as error:
        assert str(error)
    else:
        assert from_stored(value.stored()) == value


DAYS = st.builds(
    lambda day, known: ImportantDate(day.month, day.day, day.year if known else None),
    st.dates(date(1800, 1, 1), date(9999, 12, 31)),
    st.booleans(),
)


@given(DAYS)
def test_each_written_form_reads_back_the_same(value: ImportantDate) -> None:
    assert parse_important_date(value.shown()) == value
    assert parse_important_date(value.stored()) == value
    assert parse_important_date(value.vcard()) == value
    assert from_stored(value.stored()) == value


def test_stored_and_shown_forms() -> None:
    assert MAY_17.stored() == "--05-17" and MAY_17_1980.stored() == "1980-05-17"
    assert MAY_17.vcard() == "--0517" and MAY_17_1980.vcard() == "19800517"
    assert MAY_17.shown() == "17 May" and MAY_17_1980.shown() == "17 May 1980"
    assert from_stored("") is None and from_stored("17 May") is None
    assert from_stored("1981-02-29") is None


def test_next_occurrence_counts_today_and_wraps_the_year() -> None:
    assert MAY_17.next_occurrence(date(2026, 5, 17)) == date(2026, 5, 17)
    assert MAY_17.next_occurrence(date(2026, 5, 18)) == date(2027, 5, 17)
    assert ImportantDate(1, 2).next_occurrence(date(2026, 12, 25)) == date(2027, 1, 2)


def test_29_february_falls_on_28_february_without_a_leap_day() -> None:
    leap = ImportantDate(2, 29, 1984)
    assert leap.next_occurrence(date(2027, 1, 10)) == date(2027, 2, 28)
    assert leap.next_occurrence(date(2027, 3, 1)) == date(2028, 2, 29)
    assert leap.years_on(date(2027, 2, 28)) == 43
    assert "2027 has no 29 February" in describe_typed(leap, date(2027, 2, 1))


def test_the_preview_says_when_it_comes_round_and_the_age() -> None:
    today = date(2026, 11, 23)
    assert describe_typed(ImportantDate(12, 10, 1986), today) == (
        "10 December 1986 · next Thursday 10 December 2026 (turns 40)"
    )
    assert describe_typed(ImportantDate(11, 24, 2016), today, "anniversary") == (
        "24 November 2016 · next tomorrow (10 years married)"
    )
    assert describe_typed(MAY_17, today) == "17 May · next Monday 17 May 2027"


def test_the_contact_page_says_it_in_a_few_words() -> None:
    today = date(2026, 11, 23)
    assert describe_brief(ImportantDate(2, 29, 1984), today) == "29 Feb 1984 · turns 43 on 28 Feb"
    assert describe_brief(ImportantDate(9, 15, 2001), today, "anniversary") == (
        "15 Sep 2001 · 26 years on 15 Sep"
    )
    assert describe_brief(ImportantDate(11, 23), today) == "23 Nov · next today"
    assert describe_brief(ImportantDate(5, 17), today) == "17 May · next 17 May"


def dated(name: str, kind: str, value: ImportantDate, level: int = 3):
    return (len(name), name, level, kind, value)


def test_the_window_is_today_to_14_days_on_soonest_first() -> None:
    today = date(2026, 12, 25)
    found = [
        dated("Amelia Hart", "birthday", ImportantDate(12, 10, 1986)),  # passed this year
        dated("Ben Okafor", "birthday", ImportantDate(1, 2)),  # next year, in the window
        dated("Cara Lind", "anniversary", ImportantDate(12, 25, 2016)),  # today
        dated("Dev Rao", "birthday", ImportantDate(1, 8)),  # the 14th day: in
        dated("Eve Stone", "birthday", ImportantDate(1, 9)),  # the 15th day: out
    ]
    coming = upcoming(found, today)
    assert [(c.name, c.on) for c in coming] == [
        ("Cara Lind", date(2026, 12, 25)),
        ("Ben Okafor", date(2027, 1, 2)),
        ("Dev Rao", date(2027, 1, 8)),
    ]
    assert coming[0].line(today) == "anniversary · today, Friday 25 December (10 years married)"
    assert coming[1].line(today) == "birthday · Saturday 2 January"


def test_the_window_keys_hold_29_february_when_the_28th_stands_in_for_it() -> None:
    assert "02-29" in window_keys(date(2027, 2, 20))
    assert "02-29" not in window_keys(date(2027, 3, 1))
    keys = window_keys(date(2026, 12, 25))
    assert keys[0] == "12-25" and keys[-1] == "01-08" and len(keys) == 15
    coming = upcoming([dated("Lee", "birthday", ImportantDate(2, 29, 1984))], date(2027, 2, 20))
    assert [(c.on, c.years()) for c in coming] == [(date(2027, 2, 28), 43)]


def test_a_coming_date_reads_as_the_card_shows_it() -> None:
    item = ComingDate(
        1, "Amelia Hart", 4, "birthday", ImportantDate(12, 10, 1986), date(2026, 12, 10)
    )
    assert item.line(date(2026, 12, 7)) == "birthday · Thursday 10 December (turns 40)"
    assert item.line(date(2026, 12, 9)) == "birthday · tomorrow, Thursday 10 December (turns 40)"


def test_validation_refuses_a_date_that_is_not_one() -> None:
    assert validate_contact(ContactDraft(name="A", birthday=MAY_17)) == {}
    errors = validate_contact(ContactDraft(name="A", anniversary="17 May"))  # type: ignore[arg-type]
    assert "anniversary" in errors and "day and month" in errors["anniversary"]
