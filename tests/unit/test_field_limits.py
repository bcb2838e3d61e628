"""Plausible dates and the length of text: the rules every form and repository share."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from netcoach.core.goals import GoalDraft, validate_goal
from netcoach.core.meetings import EventDraft, OneToOneDraft, validate_event, validate_one_to_one
from netcoach.core.models import ContactDraft
from netcoach.core.validation import (
    LIMIT_WORDS,
    NAME_MAX,
    NOTE_MAX,
    check_lengths,
    limit_message,
    validate_contact,
)
from netcoach.core.when import DEADLINE, EARLIEST, HAPPENED, PLANNED, WhenError, parse_when

NOW = datetime(2026, 11, 23, 7, 30)  # a Monday
TODAY = NOW.date()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("end of month", date(2026, 11, 30)),
        ("end of the month", date(2026, 11, 30)),
        ("end of next month", date(2026, 12, 31)),
        ("end of quarter", date(2026, 12, 31)),
        ("end of next quarter", date(2027, 3, 31)),
        ("end of year", date(2026, 12, 31)),
        ("end of week", date(2026, 11, 29)),
        ("in 3 months", date(2027, 2, 23)),
        ("in 1 year", date(2027, 11, 23)),
        ("fri", date(2026, 11, 27)),
        ("yesterday", date(2026, 11, 22)),
    ],
)
def test_deadlines_in_words(text: str, expected: date) -> None:
    assert parse_when(text, NOW, within=DEADLINE).day == expected


def test_a_month_later_from_the_31st_is_the_last_day_of_a_shorter_month() -> None:
    assert parse_when("in 1 month", datetime(2027, 1, 31, 9, 0)).day == date(2027, 2, 28)


@pytest.mark.parametrize(
    ("text", "within", "words"),
    [
        ("3027-01-01", DEADLINE, "a deadline can be at most 10 years from today"),
        ("2037-01-01", PLANNED, "at most 10 years from today (up to 23 Nov 2036)"),
        ("2028-01-01", HAPPENED, "the day it happened can be at most a year from today"),
        ("1850-06-01", HAPPENED, "The earliest date is 1 Jan 1900"),
    ],
)
def test_out_of_range_dates_say_the_range(text: str, within, words: str) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(WhenError, match=words.replace("(", r"\(").replace(")", r"\)")):
        parse_when(text, NOW, within=within)


def test_a_date_before_1900_is_refused_even_without_a_range() -> None:
    with pytest.raises(WhenError, match="1900"):
        parse_when("1899-12-31", NOW)


@given(st.dates(min_value=date(1850, 1, 1), max_value=date(2100, 12, 31)))
def test_the_ranges_accept_exactly_the_plausible_days(day: date) -> None:
    for within in (HAPPENED, PLANNED, DEADLINE):
        latest = TODAY + timedelta(days=within.days_ahead)
        plausible = EARLIEST <= day <= latest
        try:
            parse_when(day.isoformat(), NOW, within=within)
        except WhenError as error:
            assert not plausible, (day, within, error)
        else:
            assert plausible, (day, within)


@given(st.sampled_from(sorted(LIMIT_WORDS)), st.integers(min_value=0, max_value=3))
def test_check_lengths_refuses_only_past_the_limit(kind: str, extra: int) -> None:
    limit = LIMIT_WORDS[kind][1]
    assert check_lengths({"f": (kind, "x" * limit)}) == {}
    if extra:
        assert check_lengths({"f": (kind, "x" * (limit + extra))}) == {"f": limit_message(kind)}


def test_the_limit_message_names_the_field_and_the_number() -> None:
    assert limit_message("name") == "Names are at most 200 characters."
    assert limit_message("note") == "Notes are at most 65,536 characters."


def test_a_5000_character_name_is_refused_and_200_is_kept() -> None:
    assert validate_contact(ContactDraft(name="x" * NAME_MAX)) == {}
    errors = validate_contact(ContactDraft(name="x" * 5000, notes="n" * (NOTE_MAX + 1)))
    assert errors["name"] == "Names are at most 200 characters."
    assert errors["notes"] == "Notes are at most 65,536 characters."


def test_meetings_events_and_goals_refuse_long_text() -> None:
    one = OneToOneDraft(1, NOW, 60, "p" * 201, "o" * 201)
    assert set(validate_one_to_one(one)) == {"place", "objective"}
    event = EventDraft("e" * 201, "breakfast", NOW, 60, new_people=("g" * 201,))
    assert set(validate_event(event)) == {"name", "people"}
    goal = GoalDraft("t" * 201, "manual", 1, TODAY, TODAY)
    assert validate_goal(goal) == {"title": "Goals are at most 200 characters."}
