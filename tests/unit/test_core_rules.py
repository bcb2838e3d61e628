"""Pure rules: levels, keep-in-touch cadence, validation and search queries."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from netcoach.core.cadence import TouchStatus, interval_for, next_due, touch_status
from netcoach.core.levels import LevelError, check_level, level_name
from netcoach.core.models import ContactDraft
from netcoach.core.search import fts_query
from netcoach.core.validation import looks_like_email, parse_cadence, split_list, validate_contact


def test_level_names_follow_the_five_level_model() -> None:
    assert [level_name(n) for n in range(1, 6)] == [
        "Identify",
        "Connect",
        "Engage",
        "Collaborate",
        "Inner circle",
    ]


@pytest.mark.parametrize("bad", [0, 6, -1, "seven", "", None, True, 2.5])
def test_levels_outside_one_to_five_are_refused(bad: object) -> None:
    with pytest.raises(LevelError):
        check_level(bad)


def test_level_accepts_digits_in_text() -> None:
    assert check_level(" 3 ") == 3


def test_default_intervals_per_level_and_override() -> None:
    assert [interval_for(n, None) for n in (5, 4, 3, 2, 1)] == [14, 30, 60, 120, None]
    assert interval_for(1, 10) == 10


def test_status_boundaries() -> None:
    due = date(2026, 3, 1)
    assert touch_status(due, date(2026, 3, 2)) is TouchStatus.OVERDUE
    assert touch_status(due, date(2026, 3, 1)) is TouchStatus.DUE_SOON
    assert touch_status(due, date(2026, 2, 22)) is TouchStatus.DUE_SOON
    assert touch_status(due, date(2026, 2, 21)) is TouchStatus.OK
    assert touch_status(None, date(2026, 2, 21)) is TouchStatus.NONE


def test_next_due_across_month_end_and_leap_day() -> None:
    assert next_due(datetime(2028, 2, 15, 23, 59), 14) == date(2028, 2, 29)
    assert next_due(date(2027, 1, 31), 30) == date(2027, 3, 2)
    assert next_due(date(2026, 12, 31), 1) == date(2027, 1, 1)
    assert next_due(date(2026, 12, 31), None) is None


@pytest.mark.parametrize(
    ("address", "ok"),
    [
        ("ann@acme.com", True),
        ("a.b+c@sub.example.co.uk", True),
        ("ann@acme", False),
        ("ann.acme.com", False),
        ("ann@@acme.com", False),
        ("ann @acme.com", False),
        ("<ann@acme.com>", False),
    ],
)
def test_email_shapes(address: str, ok: bool) -> None:
    assert looks_like_email(address) is ok


def test_validation_messages_name_the_field() -> None:
    errors = validate_contact(ContactDraft(name="  ", emails=("nope",), level=9))
    assert set(errors) == {"name", "emails", "level"}
    assert validate_contact(ContactDraft(name="Ann")) == {}


def test_split_list_trims_and_removes_duplicates() -> None:
    assert split_list(" a@x.io, b@x.io;\nA@x.io ,, ") == ("a@x.io", "b@x.io")


def test_cadence_field() -> None:
    assert parse_cadence("") == (None, None)
    assert parse_cadence(" 21 ") == (21, None)
    assert parse_cadence("0") == (None, "Keep-in-touch days must be from 1 to 3650.")
    assert parse_cadence("soon") == (
        None,
        "Keep-in-touch days must be a whole number, or blank for the level default.",
    )


def test_search_query_quotes_every_word() -> None:
    assert fts_query("") is None
    assert fts_query("  ,;  ") is None
    assert fts_query('Ann "OR" sm*') == '"ann"* AND "or"* AND "sm"*'


@given(st.text())
def test_search_query_never_contains_an_unquoted_operator(text: str) -> None:
    query = fts_query(text)
    if query is not None:
        for part in query.split(" AND "):
            assert part.startswith('"') and part.endswith('"*')
            assert '"' not in part[1:-2]


def test_visible_shows_controls_and_direction_marks() -> None:
    from netcoach.core.text import one_line, visible

    assert visible("a\x1b[31mb") == "a\u241b[31mb"
    assert visible("x\u202ey") == "x<U+202E>y"
    assert visible("two\nlines", multiline=True) == "two\nlines"
    assert visible("two\nlines") == "two\u240alines"
    assert one_line("  a   b\tc ", 10) == "a b c"
    assert one_line("x" * 100_000, 12) == "x" * 11 + "…"


@given(st.text())
def test_visible_leaves_no_control_character(text: str) -> None:
    from netcoach.core.text import BIDI_CONTROLS, visible

    shown = visible(text)
    assert not any(ord(c) < 0x20 or 0x7F <= ord(c) <= 0x9F or c in BIDI_CONTROLS for c in shown)
