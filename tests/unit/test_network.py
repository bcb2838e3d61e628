"""Advisors' board rules, phrases, levels and the row matcher used by long searches."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from netcoach.core.levels import LEVELS, LevelError, check_level
from netcoach.core.network import Advisor, advisor_warnings, consulted_text
from netcoach.core.search import fts_query, matcher
from netcoach.core.validation import format_tags, parse_phrases


def board(*levels: int) -> list[Advisor]:
    return [Advisor(i, f"Person {i}", "", level, None) for i, level in enumerate(levels)]


def test_a_board_of_four_to_six_at_collaborate_is_fine() -> None:
    assert advisor_warnings(board(4, 4, 5, 5)) == []
    assert advisor_warnings(board(4, 4, 5, 5, 5, 4)) == []


def test_too_few_too_many_and_too_junior_are_reported() -> None:
    assert "You have 3 advisors" in advisor_warnings(board(4, 4, 5))[0]
    assert "You have 1 advisor:" in advisor_warnings(board(5))[0]
    assert "more than 6" in advisor_warnings(board(4, 4, 4, 4, 4, 4, 4))[0]
    warnings = advisor_warnings(board(4, 4, 5, 3))
    assert warnings == [
        "Person 3 is an advisor at level 3 Engage: deepen the relationship to Collaborate first."
    ]


def test_consulted_text() -> None:
    today = date(2024, 3, 1)
    assert consulted_text(None, today) == "never consulted"
    assert consulted_text(datetime(2024, 2, 29, 18), today) == "yesterday"
    assert consulted_text(date(2023, 12, 1), today) == "3 months ago"


def test_phrases_are_trimmed_and_distinct() -> None:
    assert parse_phrases(" a good  bookkeeper, A good bookkeeper;\nleads ,, ") == (
        "a good bookkeeper",
        "leads",
    )


def test_a_phrase_with_a_comma_survives_the_form_unchanged() -> None:
    wants = ("introductions to architects, surveyors", "a venue; ideally central", "leads")
    shown = format_tags(wants)
    assert shown == '"introductions to architects, surveyors", "a venue; ideally central", leads'
    assert parse_phrases(shown) == wants


@pytest.mark.parametrize("value", [0, 6, -1, "seven", "", None, True, 2.5])
def test_levels_outside_one_to_five_are_refused(value: object) -> None:
    with pytest.raises(LevelError):
        check_level(value)


def test_every_level_but_the_top_coaches_a_next_step() -> None:
    assert [level.number for level in LEVELS] == [1, 2, 3, 4, 5]
    assert all(len(level.next_step) > 40 for level in LEVELS)


def test_matcher_agrees_with_prefix_search_rules() -> None:
    match = matcher("zoe pat")
    assert match(["Zoë Patel", "Harbour Lane"])
    assert match(["Zoë Smith", "Patel & Co"])  # both words, found across fields
    assert not match(["Zoë Smith", "Harbour Lane"])
    assert not matcher("pat")(["Spatula"])  # prefixes of words only
    assert matcher("o brien")(["Niall O'Brien"])
    assert fts_query("[@click=app.quit] x") == '"click"* AND "app"* AND "quit"* AND "x"*'
