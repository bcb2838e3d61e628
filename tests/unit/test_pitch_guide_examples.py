"""The guide's examples in the person's own trade: each strong line is what its part asks
for (the check finds it), each weak line is not, and the profile's names are used."""

from __future__ import annotations

import pytest

from netcoach.core.pitch import PART_KEYS, Profile, judge_structure
from netcoach.core.pitch.guide_examples import guide_example, own_trade_label
from netcoach.core.pitch.trade_examples import TRADE_EXAMPLES

TRADES = [example.trade for example in TRADE_EXAMPLES] + ["dog walker", ""]


@pytest.mark.parametrize("trade", TRADES)
@pytest.mark.parametrize("key", PART_KEYS)
def test_each_strong_line_is_found_as_its_part_and_each_weak_line_is_not(
    trade: str, key: str
) -> None:
    profile = Profile("Jo Marsh", "Marsh & Sons", trade)
    example = guide_example(key, profile)
    strong = judge_structure(example.strong, profile)
    weak = judge_structure(example.weak, profile)
    if key == "ask":
        assert strong.ask.kind == "specific", example.strong
        assert weak.ask.kind != "specific", example.weak
    else:
        assert strong.parts[key].present, example.strong
        assert not weak.parts[key].present or weak.parts[key].weak, example.weak


def test_the_profile_names_the_speaker_and_a_blank_one_gets_a_stand_in() -> None:
    printer = Profile("Sam Rivers", "Rivers Print", "printer")
    assert guide_example("intro", printer).strong.startswith("I'm Sam Rivers from Rivers Print: ")
    assert guide_example("close", printer).strong.startswith("Sam Rivers, Rivers Print: ")
    assert "print" in guide_example("good_at", printer).strong
    assert guide_example("close", Profile()).strong.startswith("Sam Lee, Lee & Co: ")


def test_the_own_trade_is_named_as_typed_with_a_capital() -> None:
    assert own_trade_label(Profile(trade="  printer ")) == "Printer (yours)"
    assert own_trade_label(Profile()) == ""
