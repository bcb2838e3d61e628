"""When the rehearsal screen next has something new to show."""

from __future__ import annotations

import itertools

import pytest

from netcoach.core.pitch import next_change, signal_edges, signal_for, teleprompter_word


def test_the_next_whole_second_when_no_word_or_signal_comes_first() -> None:
    assert next_change(3.2, 60, 130, 0) == 4.0
    assert next_change(0.0, 60, 130, 0) == 1.0


def test_a_signal_between_two_seconds_comes_first() -> None:
    assert next_change(22.1, 45, 130, 0) == 22.5  # half of a 45 s limit
    assert next_change(33.6, 45, 130, 0) == 33.75  # three quarters


def test_the_next_teleprompter_word_comes_first() -> None:
    elapsed = 10.05
    change = next_change(elapsed, 60, 130, 400)
    assert elapsed < change < 11.0
    word = teleprompter_word(elapsed, 130, 400)
    assert teleprompter_word(change, 130, 400) == word + 1


def test_after_the_last_word_only_seconds_and_signals() -> None:
    assert next_change(5.5, 60, 130, 3) == 6.0


@pytest.mark.parametrize("limit", [15, 45, 60, 180])
def test_every_change_of_signal_is_a_moment_looked_at(limit: int) -> None:
    elapsed, seen = 0.0, []
    while elapsed < limit + 2:
        elapsed = next_change(elapsed, limit, 130, 0)
        seen.append(elapsed)
    assert set(signal_edges(limit)) <= set(seen)
    for before, after in itertools.pairwise(seen):
        assert after > before
    assert signal_for(float(limit), limit).value == "TIME"
