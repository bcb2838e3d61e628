"""The labelled pitch set is big, varied and balanced enough to measure the structure check."""

from __future__ import annotations

import re
from collections import Counter

import pytest

from netcoach.core.pitch.profile import Profile
from tests.pitch_corpus import ASK_KINDS, FILLER_PHRASES, PART_LABELS, PITCHES, LabelledPitch

MIN_PITCHES = 40
MIN_TRADES = 15
MIN_EACH_WAY = 8  # every part present at least this often, and absent at least this often


def test_ids_are_unique() -> None:
    counts = Counter(pitch.id for pitch in PITCHES)
    assert [pitch_id for pitch_id, count in counts.items() if count > 1] == []


def test_enough_pitches_across_enough_trades() -> None:
    assert len(PITCHES) >= MIN_PITCHES
    assert len({pitch.trade for pitch in PITCHES}) >= MIN_TRADES


@pytest.mark.parametrize("part", PART_LABELS)
def test_every_part_is_both_present_and_absent(part: str) -> None:
    present = sum(pitch.parts[part] for pitch in PITCHES)
    assert present >= MIN_EACH_WAY
    assert len(PITCHES) - present >= MIN_EACH_WAY


@pytest.mark.parametrize("kind", ASK_KINDS)
def test_every_ask_kind_is_common_enough(kind: str) -> None:
    assert sum(pitch.ask == kind for pitch in PITCHES) >= MIN_EACH_WAY


@pytest.mark.parametrize("pitch", PITCHES, ids=lambda pitch: pitch.id)
def test_labels_use_only_the_allowed_keys(pitch: LabelledPitch) -> None:
    assert set(pitch.parts) == set(PART_LABELS)
    assert all(isinstance(value, bool) for value in pitch.parts.values())
    assert pitch.ask in ASK_KINDS
    assert set(pitch.fillers) <= set(FILLER_PHRASES)
    assert all(count >= 1 for count in pitch.fillers.values())
    assert pitch.profile is None or isinstance(pitch.profile, Profile)


@pytest.mark.parametrize("pitch", PITCHES, ids=lambda pitch: pitch.id)
def test_a_labelled_filler_occurs_at_least_that_often(pitch: LabelledPitch) -> None:
    spoken = pitch.text.lower()
    for phrase, count in pitch.fillers.items():
        found = len(re.findall(rf"(?<![\w']){re.escape(phrase)}(?![\w'])", spoken))
        assert found >= count, phrase


@pytest.mark.parametrize("pitch", PITCHES, ids=lambda pitch: pitch.id)
def test_a_pitch_is_spoken_prose_of_a_sensible_length(pitch: LabelledPitch) -> None:
    words = len(pitch.text.split())
    assert 10 <= words <= 200
    assert pitch.text == pitch.text.strip()
    assert "  " not in pitch.text


def test_profiles_are_given_for_about_a_third() -> None:
    with_profile = sum(pitch.profile is not None for pitch in PITCHES)
    assert len(PITCHES) / 4 <= with_profile <= len(PITCHES) / 2


def test_precision_cases_are_in_the_set() -> None:
    """Phrases that look like fillers but are not, so a finder's precision is tested."""
    spoken = " ".join(pitch.text.lower() for pitch in PITCHES)
    for decoy in ("do you know anyone", "just in time", "a pretty", "what kind of"):
        assert decoy in spoken, decoy
