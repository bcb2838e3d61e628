"""The labelled pitch sets are big, varied and balanced enough to measure the structure check.

The same rules hold for the main, held-out and fresh sets, and ids are unique across all three.
"""

from __future__ import annotations

import re
from collections import Counter

import pytest

from netcoach.core.pitch.profile import Profile
from tests.pitch_corpus import (
    ASK_KINDS,
    FILLER_PHRASES,
    FRESH,
    HOLDOUT,
    PART_LABELS,
    PITCHES,
    LabelledPitch,
)

MIN_PITCHES = 40
MIN_TRADES = 15
MIN_EACH_WAY = 8  # every part present at least this often, and absent at least this often

MIN_FRESH_PITCHES = 36
MIN_FRESH_TRADES = 24

SETS: dict[str, tuple[LabelledPitch, ...]] = {"main": PITCHES, "holdout": HOLDOUT, "fresh": FRESH}
ALL_PITCHES = PITCHES + HOLDOUT + FRESH
HOLDOUT_PREFIX = "h-"
FRESH_PREFIX = "f-"


def test_ids_are_unique_across_all_sets() -> None:
    counts = Counter(pitch.id for pitch in ALL_PITCHES)
    assert [pitch_id for pitch_id, count in counts.items() if count > 1] == []


def test_holdout_ids_and_only_those_carry_the_holdout_prefix() -> None:
    assert all(pitch.id.startswith(HOLDOUT_PREFIX) for pitch in HOLDOUT)
    assert not any(pitch.id.startswith(HOLDOUT_PREFIX) for pitch in PITCHES + FRESH)


def test_fresh_ids_and_only_those_carry_the_fresh_prefix() -> None:
    assert all(pitch.id.startswith(FRESH_PREFIX) for pitch in FRESH)
    assert not any(pitch.id.startswith(FRESH_PREFIX) for pitch in PITCHES + HOLDOUT)


@pytest.mark.parametrize(
    ("first", "second"), [("main", "holdout"), ("main", "fresh"), ("holdout", "fresh")]
)
def test_no_pitch_is_in_two_sets(first: str, second: str) -> None:
    assert {pitch.text for pitch in SETS[first]}.isdisjoint(pitch.text for pitch in SETS[second])


def test_fresh_pitches_are_mostly_of_trades_not_in_the_other_sets() -> None:
    seen = {pitch.trade for pitch in PITCHES + HOLDOUT}
    fresh_trades = {pitch.trade for pitch in FRESH}
    assert len(fresh_trades - seen) > len(fresh_trades) / 2


@pytest.mark.parametrize("name", SETS)
def test_enough_pitches_across_enough_trades(name: str) -> None:
    pitches = SETS[name]
    fresh = name == "fresh"
    assert len(pitches) >= (MIN_FRESH_PITCHES if fresh else MIN_PITCHES)
    assert len({pitch.trade for pitch in pitches}) >= (MIN_FRESH_TRADES if fresh else MIN_TRADES)


@pytest.mark.parametrize("name", SETS)
@pytest.mark.parametrize("part", PART_LABELS)
def test_every_part_is_both_present_and_absent(name: str, part: str) -> None:
    pitches = SETS[name]
    present = sum(pitch.parts[part] for pitch in pitches)
    assert present >= MIN_EACH_WAY
    assert len(pitches) - present >= MIN_EACH_WAY


@pytest.mark.parametrize("name", SETS)
@pytest.mark.parametrize("kind", ASK_KINDS)
def test_every_ask_kind_is_common_enough(name: str, kind: str) -> None:
    assert sum(pitch.ask == kind for pitch in SETS[name]) >= MIN_EACH_WAY


@pytest.mark.parametrize("pitch", ALL_PITCHES, ids=lambda pitch: pitch.id)
def test_labels_use_only_the_allowed_keys(pitch: LabelledPitch) -> None:
    assert set(pitch.parts) == set(PART_LABELS)
    assert all(isinstance(value, bool) for value in pitch.parts.values())
    assert pitch.ask in ASK_KINDS
    assert set(pitch.fillers) <= set(FILLER_PHRASES)
    assert all(count >= 1 for count in pitch.fillers.values())
    assert pitch.profile is None or isinstance(pitch.profile, Profile)


@pytest.mark.parametrize("pitch", ALL_PITCHES, ids=lambda pitch: pitch.id)
def test_a_labelled_filler_occurs_at_least_that_often(pitch: LabelledPitch) -> None:
    spoken = pitch.text.lower()
    for phrase, count in pitch.fillers.items():
        found = len(re.findall(rf"(?<![\w']){re.escape(phrase)}(?![\w'])", spoken))
        assert found >= count, phrase


@pytest.mark.parametrize("pitch", ALL_PITCHES, ids=lambda pitch: pitch.id)
def test_a_pitch_is_spoken_prose_of_a_sensible_length(pitch: LabelledPitch) -> None:
    words = len(pitch.text.split())
    assert 10 <= words <= 200
    assert pitch.text == pitch.text.strip()
    assert "  " not in pitch.text


@pytest.mark.parametrize("name", SETS)
def test_profiles_are_given_for_about_a_third(name: str) -> None:
    pitches = SETS[name]
    with_profile = sum(pitch.profile is not None for pitch in pitches)
    assert len(pitches) / 4 <= with_profile <= len(pitches) / 2


@pytest.mark.parametrize("name", SETS)
def test_precision_cases_are_in_the_set(name: str) -> None:
    """Phrases that look like fillers but are not, so a finder's precision is tested."""
    spoken = " ".join(pitch.text.lower() for pitch in SETS[name])
    for decoy in ("do you know anyone", "just in time", "a pretty", "what kind of"):
        assert decoy in spoken, decoy
