"""Counts agree with their nouns: '1 word', '2 words', everywhere a count is shown."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from netcoach.core.text import noun, plural


def test_one_is_singular_and_every_other_count_is_plural() -> None:
    assert plural(1, "word") == "1 word"
    assert plural(0, "word") == "0 words"
    assert plural(2, "rehearsal") == "2 rehearsals"
    assert plural(1, "open follow-up") == "1 open follow-up"
    assert plural(1, "entry", "entries") == "1 entry"
    assert plural(3, "entry", "entries") == "3 entries"
    assert plural(1_200, "contact") == "1,200 contacts"
    assert noun(1, "person", "people") == "person" and noun(5, "person", "people") == "people"


@given(st.integers(min_value=-(10**9), max_value=10**9))
def test_plural_over_counts(count: int) -> None:
    text = plural(count, "word")
    number, word = text.split(" ")
    assert int(number.replace(",", "")) == count
    assert word == ("word" if count == 1 else "words")
    assert plural(count, "entry", "entries").endswith("entry" if count == 1 else "entries")
