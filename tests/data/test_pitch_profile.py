"""Who the person is, kept on a real SQLite file beside the guide's answers."""

from __future__ import annotations

import pytest

from netcoach.core.pitch import Profile
from netcoach.data.errors import PitchError


def test_the_profile_is_kept_tidied_and_read_back(store) -> None:
    repo = store.pitches
    assert repo.person_profile() == Profile()
    kept = repo.save_person_profile(
        Profile("  Rosa   Quinn ", "Willow & Bloom", "Florist", "office managers moving in")
    )
    assert kept == Profile("Rosa Quinn", "Willow & Bloom", "Florist", "office managers moving in")
    assert repo.person_profile() == kept
    # Kept beside the guide's answers, never mixed in with them.
    repo.save_profile({"intro": "I'm Rosa"})
    assert repo.profile() == {"intro": "I'm Rosa"}
    assert repo.person_profile() == kept


def test_a_field_made_blank_is_forgotten(store) -> None:
    repo = store.pitches
    repo.save_person_profile(Profile("Rosa", "Willow & Bloom"))
    assert repo.save_person_profile(Profile("Rosa", "")) == Profile("Rosa")


def test_only_the_fields_changed_since_opening_are_written(store) -> None:
    repo = store.pitches
    opened = repo.save_person_profile(Profile("Rosa", "Willow & Bloom", "Florist"))
    repo.save_person_profile(Profile("Rosa", "Willow and Bloom Ltd", "Florist"))  # another copy
    kept = repo.save_person_profile(Profile("Rosa Quinn", "Willow & Bloom", "Florist"), opened)
    assert kept == Profile("Rosa Quinn", "Willow and Bloom Ltd", "Florist")


def test_a_field_too_long_is_refused_by_name_and_nothing_is_written(store) -> None:
    repo = store.pitches
    with pytest.raises(PitchError, match="at most 200") as refused:
        repo.save_person_profile(Profile("Rosa", ideal_referral="x" * 201))
    assert refused.value.field == "ideal_referral"
    assert repo.person_profile() == Profile()


def test_the_pitch_and_its_card_carry_the_profile(store) -> None:
    repo = store.pitches
    repo.save_person_profile(Profile("Rosa", "Willow & Bloom", "Florist"))
    pitch = repo.create_pitch("Breakfast", 60, "I'm Rosa.", parts={"intro": True, "bogus": True})
    detail = repo.get_pitch(pitch.id)
    assert detail.profile.trade == "Florist"
    assert detail.current.parts == {"intro": True}
    assert repo.pitch_card().profile.signature == "Rosa · Willow & Bloom"
