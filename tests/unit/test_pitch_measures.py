"""A peer's cheap measures and the timing notes."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from netcoach.core.pitch.measures import (
    PeerMeasures,
    measures_in_words,
    peer_measures,
    timing_notes,
)
from netcoach.core.pitch.sentences import split_sentences


def measures_of(text: str) -> PeerMeasures:
    return peer_measures(split_sentences(text))


def test_the_longest_sentence_by_its_number_and_words() -> None:
    measures = measures_of("I'm Jo. I fix boilers for landlords across the city. Call me.")
    assert measures.longest_sentence == 1
    assert measures.longest_words == 8


def test_no_text_has_no_longest_sentence_and_nothing_to_say() -> None:
    measures = measures_of("")
    assert measures.longest_sentence is None
    assert measures.longest_words == 0
    assert measures.you_count == measures.i_count == 0
    assert measures.repeated == ()
    assert measures_in_words(measures) == ()


def test_you_against_i_with_we_and_our_on_the_speaker_side() -> None:
    measures = measures_of("I help you. We keep your books; our team is yours. My ask: me?")
    assert measures.you_count == 3  # you, your, yours
    assert measures.i_count == 5  # I, we, our, my, me


def test_you_in_the_filler_you_know_is_not_about_the_listener() -> None:
    measures = measures_of("We help, you know, small firms. Do you know a baker?")
    assert measures.you_count == 1


def test_contractions_count_with_their_pronoun_with_either_apostrophe() -> None:
    measures = measures_of("You\u2019re my client. I'm Jo, we've a van, you'll see.")
    assert measures.you_count == 2  # you're, you'll
    assert measures.i_count == 3  # my, I'm, we've
    assert measures_of("It\u2019s our van").i_count == 1


def test_repeated_content_words_three_times_or_more_most_first() -> None:
    text = (
        "We help clients. A client of ours saves tax. Clients love tax advice. "
        "Tax is dull; the help is not. Help! We help."
    )
    measures = measures_of(text)
    assert measures.repeated == (("help", 4), ("clients", 3), ("tax", 3))


def test_stop_words_and_numbers_are_never_repeats() -> None:
    measures = measures_of("The 10 and the 10 and the 10, and so on, with the and.")
    assert measures.repeated == ()


def test_the_measures_in_words() -> None:
    lines = measures_in_words(
        measures_of("I do this. I do that. I do it all, and we do more for my town.")
    )
    assert lines[0] == "Longest sentence: number 3, 11 words."
    assert lines[1].startswith('"You" and "your" 0 times; "I", "we" and "our" 5 times.')
    assert "about you and your business" in lines[1]
    balanced = measures_in_words(measures_of("I help you. We do your books. Our ask: you."))
    assert "about you and your business" not in balanced[1]


def test_too_long_says_by_how_much_and_what_to_cut() -> None:
    (note,) = timing_notes(72.4, 60, wpm=130)
    assert note.startswith("Too long by 13 seconds for the 60-second limit: cut about 29 words.")
    assert "example" in note


def test_a_hair_over_is_still_one_second_too_long() -> None:
    (note,) = timing_notes(60.01, 60)
    assert note.startswith("Too long by 1 second ")


def test_more_than_a_third_unused_says_how_much_and_what_to_add() -> None:
    (note,) = timing_notes(30.0, 60, wpm=130)
    assert note.startswith("30 seconds of the 60 are unused (room for about 65 words)")
    assert "example" in note and "ask" in note


def test_within_the_limit_and_a_third_of_it_used_says_nothing() -> None:
    assert timing_notes(60.0, 60) == ()
    assert timing_notes(40.0, 60) == ()  # exactly a third unused
    assert timing_notes(39.9, 60) != ()


@given(st.floats(min_value=0, max_value=10_000), st.integers(min_value=15, max_value=180))
def test_at_most_one_timing_note(seconds: float, limit: int) -> None:
    notes = timing_notes(seconds, limit)
    assert len(notes) <= 1
    assert bool(notes) == (seconds > limit or limit - seconds > limit / 3)


@given(st.text(max_size=400))
def test_measures_of_any_text_stay_in_bounds(text: str) -> None:
    sentences = split_sentences(text)
    measures = peer_measures(sentences)
    if sentences:
        assert measures.longest_sentence is not None
        assert 0 <= measures.longest_sentence < len(sentences)
    assert all(count >= 3 for _, count in measures.repeated)
    counts = [count for _, count in measures.repeated]
    assert counts == sorted(counts, reverse=True)


def test_the_unused_time_note_suggests_parts_the_script_lacks() -> None:
    (note,) = timing_notes(20.0, 60, present={"intro", "example"})
    assert "make the ask specific" in note and "different" in note
    assert "example of someone" not in note
    (note,) = timing_notes(20.0, 60, present={"example", "ask", "different", "good_at", "close"})
    assert "give the example more detail" in note


def test_nothing_said_leaves_all_of_the_limit_unused() -> None:
    (note,) = timing_notes(0.0, 45)
    assert note.startswith("All 45 seconds are unused (room for about 97 words)")
