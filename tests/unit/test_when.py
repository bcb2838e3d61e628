"""Reading dates, times and lengths as people type them, against a fixed now."""

from __future__ import annotations

from datetime import datetime, time, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from netcoach.core.when import (
    WhenError,
    describe_length,
    describe_when,
    parse_length,
    parse_when,
)

NOW = datetime(2026, 11, 23, 7, 30)  # a Monday


@pytest.mark.parametrize(
    ("text", "expected", "has_time"),
    [
        ("2026-12-01", datetime(2026, 12, 1, 9, 0), False),
        ("2026-12-01 07:30", datetime(2026, 12, 1, 7, 30), True),
        ("2026-12-01T18:05", datetime(2026, 12, 1, 18, 5), True),
        ("1 Dec", datetime(2026, 12, 1, 9, 0), False),
        ("1st December 2027", datetime(2027, 12, 1, 9, 0), False),
        ("Dec 3", datetime(2026, 12, 3, 9, 0), False),
        ("1/12", datetime(2026, 12, 1, 9, 0), False),
        ("5 Jan", datetime(2027, 1, 5, 9, 0), False),
        ("1 Nov", datetime(2026, 11, 1, 9, 0), False),
        ("tomorrow 7am", datetime(2026, 11, 24, 7, 0), True),
        ("Tomorrow at 7.30pm", datetime(2026, 11, 24, 19, 30), True),
        ("7:30", datetime(2026, 11, 23, 7, 30), True),
        ("noon", datetime(2026, 11, 23, 12, 0), True),
        ("today", datetime(2026, 11, 23, 9, 0), False),
        ("yesterday 8am", datetime(2026, 11, 22, 8, 0), True),
        ("next tue", datetime(2026, 11, 24, 9, 0), False),
        ("next mon", datetime(2026, 11, 30, 9, 0), False),
        ("monday", datetime(2026, 11, 23, 9, 0), False),
        ("friday at 7am", datetime(2026, 11, 27, 7, 0), True),
        ("last fri", datetime(2026, 11, 20, 9, 0), False),
        ("in 3 days", datetime(2026, 11, 26, 9, 0), False),
        ("in 2 weeks 10:00", datetime(2026, 12, 7, 10, 0), True),
        ("  1 DEC,  8:15 ", datetime(2026, 12, 1, 8, 15), True),
    ],
)
def test_forgiving_dates(text: str, expected: datetime, has_time: bool) -> None:
    when = parse_when(text, NOW)
    assert when.moment == expected
    assert when.has_time is has_time


def test_a_date_alone_takes_the_default_time() -> None:
    assert parse_when("1 Dec", NOW, default_time=time(7, 0)).moment == datetime(2026, 12, 1, 7, 0)


@pytest.mark.parametrize(
    ("text", "says"),
    [
        ("", "Type a date"),
        ("florp", "“florp”"),
        ("1 Decembr", "“decembr”"),
        ("31 Feb", "no 31 February"),
        ("2026-13-01", "no month 13"),
        ("13pm", "1 to 12"),
        ("25:00", "not a time"),
        ("dec", "Which day of Dec"),
        ("7am 8am", "Two times"),
        ("blue tuesday", "“blue”"),
    ],
)
def test_unreadable_dates_say_what_could_not_be_read(text: str, says: str) -> None:
    with pytest.raises(WhenError) as caught:
        parse_when(text, NOW)
    assert says in str(caught.value)


@pytest.mark.parametrize(
    ("text", "minutes"),
    [
        ("45", 45),
        ("45 min", 45),
        ("90 minutes", 90),
        ("1h", 60),
        ("1 hour", 60),
        ("1h30", 90),
        ("1 h 30", 90),
        ("2 hours 15 min", 135),
        ("1:30", 90),
        ("1.5h", 90),
        ("24h", 24 * 60),
        ("until 8:30", 60),
        ("to 9am", 90),
        ("-8:00", 30),
    ],
)
def test_lengths(text: str, minutes: int) -> None:
    assert parse_length(text, NOW) == timedelta(minutes=minutes)


@pytest.mark.parametrize(
    ("text", "says"),
    [
        ("0", "zero"),
        ("0h", "zero"),
        ("25h", "Over 24 hours"),
        ("until 7:00", "before it starts"),
        ("until 7:30", "before it starts"),
        ("an hour", "Could not read"),
        ("0.0001", "zero"),
        ("999999999999999999999h", "Over 24 hours"),
        ("99999999999999999999", "Over 24 hours"),
        ("", "how long"),
    ],
)
def test_bad_lengths_are_refused(text: str, says: str) -> None:
    with pytest.raises(WhenError) as caught:
        parse_length(text, NOW)
    assert says in str(caught.value)


def test_an_end_time_needs_a_start() -> None:
    with pytest.raises(WhenError, match="date and time first"):
        parse_length("until 8:30", None)


def test_descriptions() -> None:
    assert describe_when(datetime(2026, 11, 24, 7, 0), NOW) == "Tue 24 Nov 2026, 07:00 (tomorrow)"
    assert describe_when(datetime(2026, 11, 20, 9, 0), NOW, has_time=False) == (
        "Fri 20 Nov 2026 (3 days ago)"
    )
    assert describe_length(timedelta(minutes=90)) == "1 h 30 min"
    assert describe_length(timedelta(minutes=45)) == "45 min"
    assert describe_length(timedelta(hours=2)) == "2 h"


@given(st.text(max_size=40))
def test_any_text_either_reads_or_says_why(text: str) -> None:
    try:
        when = parse_when(text, NOW)
    except WhenError as error:
        assert str(error)
    else:
        assert isinstance(when.moment, datetime)
    try:
        length = parse_length(text, NOW)
    except WhenError as error:
        assert str(error)
    else:
        assert timedelta(0) < length <= timedelta(hours=24)


def test_core_and_data_modules_do_not_import_textual() -> None:
    import subprocess
    import sys

    code = (
        "import sys, netcoach.core.when, netcoach.core.meetings, netcoach.data.meetings;"
        "print('textual' in sys.modules)"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "False"
