"""Fillers in context: each rule both ways, real pitches, and text of any shape."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from netcoach.core.pitch.fillers import FILLERS, filler_counts, find_fillers


def phrases(text: str) -> list[str]:
    return [hit.phrase for hit in find_fillers(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "you know" as a filler ...
        ("We help, you know, small firms grow.", ["you know"]),
        ("You know, most owners hate their books.", ["you know"]),
        ("It's the boring part, you know?", ["you know"]),
        ("We sort it out and you know it just works.", ["you know", "just"]),
        # ... and as a question, a condition or the people known.
        ("Do you know anyone who runs a gym?", []),
        ("Who do you know that has just moved house?", []),
        ("If you know a baker, tell me.", []),
        ("Introduce me to everyone you know.", []),
        ("You know someone who needs a will.", []),
        ("You know the owner of the new cafe?", []),
        ("Did you know that half of firms overpay?", []),
        ("As most of you know, I'm the plumber here.", []),
        # "kind of" and "sort of" as hedges, and as the plain words.
        ("We kind of help people sleep.", ["kind of"]),
        ("It's sort of like a gym for your money.", ["sort of"]),
        ("What kind of business do you run?", []),
        ("The kind of client I love is a busy dentist.", []),
        ("That sort of problem is what we fix.", []),
        # "just" as a hedge, and as time.
        ("I just help people with their taxes.", ["just"]),
        ("Um, just ask.", ["um", "just"]),
        ("Parts delivered just in time.", []),
        ("We have just opened a second shop.", []),
        ("We\u2019ve just opened a second shop.", []),
        ("We just opened a second shop.", []),
        ("It's for a just cause.", []),
        ("We look at the whole market, not just one bank.", []),
        ("A widow who'd just lost her husband.", []),
        ("So I thought I'd just tell you why I started.", ["just"]),
        ("I'd just like to say thanks.", ["just"]),
        ("A little salon on the high street, well, just off it.", []),
        ("We're just outside Harrogate.", []),
        ("It took just over a year.", []),
        ("If anyone fancies it, just come along.", ["just"]),
        ("No weigh-in, no points, just a plan built round your week.", []),
        ("You know when the window goes all foggy?", ["you know"]),
        ("You know what it's like after a break-in.", ["you know"]),
        ("Do you know what it's like?", []),
        ("It's Valentine's soon, so, um, you know what to do.", ["um"]),
        ("You know what to do.", []),
        ("I can tell you honestly whether it's worth it.", []),
        ("Honestly, it's the best job.", ["honestly"]),
        ("It was, honestly, a mess.", ["honestly"]),
        ("We stop that kind of thing getting through.", []),
        ("Guarding, key holding, that sort of thing.", ["that sort of thing"]),
        ("A cake shaped like a pretty convincing Labrador.", ["pretty"]),
        ("We've just come back from the expo.", []),
        ("A director who's just had a tribunal claim.", []),
        ("She's just moved to Leeds.", []),
        ("We're a small practice, just the three of us.", []),
        ("There are just 2 of us.", []),
        ("I'm just a plumber.", ["just"]),
        ("It's just a simple process.", ["just"]),
        # "pretty" before an adjective or adverb, not as a look or a name.
        ("It was pretty good.", ["pretty"]),
        ("We get it done pretty quickly.", ["pretty"]),
        ("It was a pretty good year.", ["pretty"]),
        ("She has a pretty garden.", []),
        ("The shop window is pretty.", []),
        ("I'm Jo from Pretty Little Things.", []),
        # The other hedges.
        ("So yeah, that's us.", ["so yeah"]),
        ("We are a bit different.", ["a bit"]),
        ("It takes a little bit of time.", ["a little bit"]),
        ("I guess we are cheaper.", ["i guess"]),
        ("Very good work.", ["very"]),
        ("The very first client stayed ten years.", []),
        # Vague tails: at the end of a clause only.
        ("I do accounts and things.", ["and things"]),
        ("Cakes and things like that.", ["things like that"]),
        ("Tables and things we build to order.", []),
        ("Flowers, that kind of thing.", ["that kind of thing"]),
    ],
)
def test_each_rule_both_ways(text: str, expected: list[str]) -> None:
    assert phrases(text) == expected


# Real pitches as people say them; {braces} mark what a coach would circle.
PITCHES = [
    "Hi, {um}, I'm Sam Rivers and I {basically} run Rivers Print. We do printing, {really}, "
    "for {pretty} much anyone. If you know a café that needs menus, I'd love an introduction.",
    "Good morning. I'm Priya, a mortgage broker. I {just} help first-time buyers find a deal "
    "that, {you know}, they can {actually} afford. What kind of client is good for me? Couples "
    "who have just had a baby. Do you know anyone renting a flat that's too small?",
    "I'm Tom from Lock & Key. We {kind of} do everything with doors: locks, keys, the works. "
    "We just opened a second van. Who do you know who has just moved house? {So yeah}, "
    "that's me.",
    "My name is Ana and I run a bakery. We make wedding cakes, the kind of cake people "
    "photograph. {I guess} what makes us different is we deliver just in time, never early. "
    "My ask: an introduction to a wedding planner in Leeds.",
    "Hello, I'm Raj, an accountant. {I think} most owners find tax {a bit} scary. "
    "Last month a plumber came to me with a {very} late return; we filed it in two days "
    "and he saved a penalty. If you know a plumber or an electrician, ask them if they know "
    "me.",
    "Hi everyone. Lena here, from Pretty Paws grooming. We groom dogs at your door, so the "
    "dog stays calm. {Honestly}, it's {pretty} simple: we come to you. I'm looking for an "
    "introduction to the vets on King Street.",
    "I'm Dave. I do IT support for small offices, {you know}, printers, Wi-Fi, that sort of "
    "problem. {Er}, a client of mine lost a day a week to a bad router; now it's fixed. "
    "Who do you know with an office of five to twenty people?",
    "Chloe, garden design. A pretty garden is not enough: it has to be easy to keep. "
    "We {literally} plan every plant. {Maybe} you know someone with a new-build and a bare "
    "lawn? That's the very best introduction for me.",
]


def test_real_pitches_are_flagged_with_nothing_missed_and_little_wrong() -> None:
    found = wrong = missed = 0
    for marked in PITCHES:
        text = marked.replace("{", "").replace("}", "")
        wanted: set[tuple[int, int]] = set()
        shift = 0
        for mark in re.finditer(r"\{([^}]*)\}", marked):
            start = mark.start() - shift
            wanted.add((start, start + len(mark.group(1))))
            shift += 2
        got = {(hit.start, hit.end) for hit in find_fillers(text)}
        found += len(got & wanted)
        wrong += len(got - wanted)
        missed += len(wanted - got)
        assert not wanted - got, (text, sorted(wanted - got))
    assert missed == 0
    assert found / (found + wrong) >= 0.9


def test_the_guides_strong_examples_have_no_fillers_and_the_weak_ones_are_caught() -> None:
    from netcoach.core.pitch.parts import PARTS

    examples = [example for part in PARTS for example in part.examples]
    assert all(phrases(example.strong) == [] for example in examples)
    # Every weak example but the two whose fault is a generic "anyone" or "any business".
    caught = [example.weak for example in examples if phrases(example.weak)]
    assert len(caught) >= len(examples) - 2


def test_counts_most_first_then_by_name() -> None:
    hits = find_fillers("just just really, um, um, um. Basically.")
    assert list(filler_counts(hits).items()) == [
        ("um", 3),
        ("just", 2),
        ("basically", 1),
        ("really", 1),
    ]


def test_phrases_are_whole_words_across_line_breaks() -> None:
    assert phrases("justice adjust umbrella") == []
    assert phrases("Kind\nof") == ["kind of"]
    assert phrases("") == []
    assert all(phrase == phrase.lower() for phrase in FILLERS)


@given(st.text(max_size=300))
def test_any_text_gives_hits_in_order_within_it(text: str) -> None:
    hits = find_fillers(text)
    previous_end = 0
    for hit in hits:
        assert previous_end <= hit.start < hit.end <= len(text)
        assert " ".join(text[hit.start : hit.end].lower().split()) == hit.phrase
        assert hit.phrase in FILLERS
        previous_end = hit.end


WORDISH = st.lists(
    st.sampled_from(
        [
            *FILLERS,
            "do",
            "if",
            "a",
            "the",
            "what",
            "in",
            "time",
            "opened",
            "we've",
            "good",
            "garden",
            "Pretty",
            ",",
            ".",
            "?",
            "\n",
            "\u2019",
            "-",
            "anyone",
        ]
    ),
    max_size=40,
)


@given(WORDISH)
def test_filler_words_in_any_order_never_raise(words: list[str]) -> None:
    text = " ".join(words)
    for hit in find_fillers(text):
        assert 0 <= hit.start < hit.end <= len(text)
