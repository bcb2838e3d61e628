"""The structure check, part by part: what counts, what does not, the evidence and advice."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from netcoach.core.pitch.parts import PARTS, detect_parts
from netcoach.core.pitch.profile import Profile
from netcoach.core.pitch.sentences import split_sentences
from netcoach.core.pitch.structure import (
    PartFinding,
    Structure,
    judge_structure,
    split_parts,
)
from netcoach.core.pitch.trade_examples import (
    GENERIC_EXAMPLE,
    TRADE_EXAMPLES,
    trade_example,
)

PITCH = (
    "Good morning everyone, my name is John Smith from Smith & Co. "
    "We install solar panels for homeowners in Kent. "
    "Unlike most installers, we don't use subcontractors. "
    "Last month a family in Ashford cut their bill by 60%. "
    "A good referral for me is someone who has just bought a house with a south-facing roof. "
    "John Smith, Smith & Co: the sun pays."
)


def part(text: str, key: str, profile: Profile | None = None) -> PartFinding:
    return judge_structure(text, profile).parts[key]


def evidence_text(text: str, finding: PartFinding) -> list[str]:
    return [text[span.start : span.end] for span in finding.evidence]


def flagged(finding: PartFinding) -> bool:
    """Missing or weak, with a reason and advice: what the guide shows for a weak answer."""
    return (not finding.present or finding.weak) and bool(finding.reason and finding.advice)


# -- a whole pitch ---------------------------------------------------------------------


def test_a_complete_pitch_has_every_part_each_from_its_own_sentence() -> None:
    structure = judge_structure(PITCH)
    assert structure.present == frozenset(p.key for p in PARTS)
    assert structure.ask.kind == "specific"
    sentences = [s.text for s in structure.sentences]
    assert evidence_text(PITCH, structure.parts["different"]) == [sentences[2]]
    assert evidence_text(PITCH, structure.parts["example"]) == [sentences[3]]
    assert evidence_text(PITCH, structure.parts["ask"]) == [sentences[4]]
    assert evidence_text(PITCH, structure.parts["close"]) == [sentences[5]]
    assert structure.ask.text == sentences[4]
    for finding in structure.parts.values():
        assert not finding.weak and not finding.reason and finding.advice is None


def test_nothing_at_all_is_missing_everywhere_with_advice() -> None:
    structure = judge_structure("")
    assert structure.present == frozenset() and structure.sentences == ()
    assert structure.ask.kind == "none" and structure.ask.advice
    assert all(flagged(f) and f.evidence == () for f in structure.parts.values())


# -- who you are -----------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "My name is Priya Shah and I help small firms.",
        "Hi everyone, Dave Deacon, Deacon Plumbing and Heating.",
        "I'm Claire from Move Well Physio in Chapel Allerton.",
        "We're Harbour Lane Accountants and we keep the books straight.",
        "Hello, I'm Tom, and I run Pixel Foundry.",
    ],
)
def test_a_name_or_a_business_introduces_the_speaker(text: str) -> None:
    assert part(text, "intro").present


@pytest.mark.parametrize(
    "text",
    [
        "Hi everyone, I'm an accountant and I help small firms.",
        "I'm really excited to be here this morning.",
        "So, as most of you know, I'm the plumber in the room.",
    ],
)
def test_a_job_title_or_a_bare_im_is_no_introduction(text: str) -> None:
    finding = part(text, "intro")
    assert not finding.present and finding.reason and finding.advice


def test_a_name_without_the_business_is_weak_and_the_advice_uses_the_profile() -> None:
    finding = part("Hi, I'm Priya and I do accounts.", "intro", Profile(business="Harbour Lane"))
    assert finding.present and finding.weak
    assert finding.advice and "Harbour Lane" in finding.advice


def test_the_profile_recognises_a_name_said_without_a_cue() -> None:
    text = "Priya here again. Numbers are my thing."
    assert part(text, "intro", Profile(name="Priya Shah")).present


def test_a_business_in_the_ask_is_not_the_speakers_own() -> None:
    text = "Morning. This week I'd love an introduction to the finance director at Marsden Foods."
    assert not part(text, "intro").present


# -- who you help ----------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "I help owner-run firms of five to fifty people.",
        "We build online shops for makers who sell at craft fairs.",
        "I treat runners, cyclists and desk workers with back pain.",
        "We arrange insurance for haulage and logistics firms.",
        "The phones ring with people whose heating won't come on.",
        "Hi, Sue, bookkeeper. Receipts in a shoebox? Bring them to me.",
        "Are you paying too much for your energy? Most firms are.",
        "If your boiler ever packs up on a Sunday, that's when I come out.",
        "Quick one: who here spends Sunday evenings chasing unpaid invoices?",
        "Who do you know who's recruiting their first member of staff?",
        "Anxious cats and elderly dogs love it: the vet comes to them.",
    ],
)
def test_a_group_the_room_can_picture_is_who_you_help(text: str) -> None:
    assert part(text, "who_help").present


@pytest.mark.parametrize(
    "text",
    [
        "I help anyone really, everybody needs an accountant.",
        "We can help any business that needs a website.",
        "We make short videos for businesses.",
        "We've helped over three hundred families in Yorkshire.",
        "If your business wants to grow, we can help.",
        "We work with forward-thinking, dynamic companies.",
        "We help successful businesses become even more successful.",
        "If you know anyone who's having a do, send them to me.",
    ],
)
def test_bare_people_businesses_or_a_count_is_nobody_in_particular(text: str) -> None:
    finding = part(text, "who_help")
    assert not finding.present and finding.advice


def test_the_competition_is_not_who_you_help() -> None:
    assert not part("Most physios give you a sheet of exercises.", "who_help").present


# -- what you are good at --------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "We do accounts, tax returns and payroll for sole traders.",
        "I design and build small city gardens.",
        "We install solar panels and batteries.",
        "We specialise in local search.",
        "That's what we do: house moves for older people.",
        "We're a recruitment agency specialising in finance roles.",
        "What I do is, I write the tender documents and I check the pricing.",
        "Boilers, radiators, power flushes.",
        "Wills, probate and trusts.",
    ],
)
def test_a_service_product_or_skill_is_what_you_are_good_at(text: str) -> None:
    finding = part(text, "good_at")
    assert finding.present and not finding.weak


def test_a_vague_skill_is_weak_and_a_bare_trade_is_missing() -> None:
    assert flagged(part("We're very good at all sorts of accounting stuff.", "good_at"))
    assert flagged(part("I'm really good with computers.", "good_at"))
    assert not part("So I'm an interior designer.", "good_at").present
    assert not part("Good honest work, fair prices, friendly faces.", "good_at").present
    assert not part("Morning all, Jo Blake, Blake and Sons.", "good_at").present


# -- how you are different -------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Unlike most practices, we meet every client monthly.",
        "I charge a flat fee, not a percentage.",
        "Every seller gets me, not a junior.",
        "We don't subcontract anything.",
        "I'm one of the few female electricians in Leeds.",
        "Most people only think about their chimney when it smokes. We remind every customer.",
        "You get a qualified electrician, not just an apprentice with a van.",
        "Each visit lasts an hour, never the ten-minute dash.",
        "The plumber's with you by noon or the call-out's free.",
        "We finish on the day we promise, or we refund the first hour.",
        "The quote is the price: no hidden fees at the end.",
    ],
)
def test_an_explicit_contrast_is_a_difference(text: str) -> None:
    assert part(text, "different").present


@pytest.mark.parametrize(
    "text",
    [
        "We really care about our customers.",
        "What's different about me is I really care about my clients.",
        "We've been doing this for 15 years.",
        "We're kind of different, in lots of ways.",
        "Honestly we're probably cheaper than you think.",
        "We're open all hours, or near enough.",
        "We look after landlords who aren't getting their rent on time.",
    ],
)
def test_a_quality_claim_or_years_in_business_is_no_difference(text: str) -> None:
    finding = part(text, "different")
    assert not finding.present and finding.reason and finding.advice


def test_a_hedged_contrast_is_weak() -> None:
    assert flagged(part("We're maybe a bit cheaper than some.", "different"))


# -- a short example -------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Last month a café owner found £4,000 of overpaid VAT.",
        "In the spring I repainted the front of the oldest bakery, and the owner says "
        "people stop to take photos of it.",
        "One client, a dental practice, told me patients comment on the flowers.",
    ],
)
def test_one_case_with_a_detail_is_an_example(text: str) -> None:
    finding = part(text, "example")
    assert finding.present and not finding.weak


@pytest.mark.parametrize(
    "text",
    [
        "Imagine you walk into the office on Monday and nothing works.",
        "We've helped over 200 clients.",
        "Five years ago I was made redundant and started my own business.",
        "This week I'm looking for an introduction to a baker.",
    ],
)
def test_a_what_if_a_count_or_the_speakers_own_life_is_no_example(text: str) -> None:
    assert not part(text, "example").present


def test_a_case_with_its_result_in_the_next_sentence_takes_both() -> None:
    text = "Recently I helped a local bakery with their website. Online orders are up 30%."
    finding = part(text, "example")
    assert finding.present and len(finding.evidence) == 2


# -- the ask ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "An introduction to the practice manager at a dental surgery, please.",
        "A good referral for me is a letting agent who manages older houses.",
        "I'd love an introduction to Tom Barker, who owns the Grove Brewery.",
        "Do you know anyone who has just bought an older house?",
        "A good referral for me is anyone opening a shop in the valley this year.",
        "Do you know anyone who works in a primary school and books the school trips?",
        "I'd love to hear from someone who works at a vet's practice in town.",
    ],
)
def test_a_narrow_ask_is_specific(text: str) -> None:
    structure = judge_structure(text)
    assert structure.ask.kind == "specific" and structure.parts["ask"].present


@pytest.mark.parametrize(
    "text",
    [
        "If you know anyone who needs a plumber, send them my way.",
        "Do you know anyone who wants a new bathroom?",
        "Maybe if you know someone who likes flowers?",
        "Anyone who needs printing, come and talk to me.",
        "If anyone's got a wedding coming up, maybe think of me.",
        "Hi, Pete Lomas, Lomas Drains. Don't panic, call Pete.",
        "Hi. I sell Tupperware. Anyone want some Tupperware?",
        "If you're planning a party, come and see me and I'll find you a venue.",
        "Do you know anyone who works in an office and needs a new chair?",
    ],
)
def test_an_ask_aimed_at_everyone_is_generic_with_advice_to_narrow_it(text: str) -> None:
    structure = judge_structure(text)
    assert structure.ask.kind == "generic"
    assert structure.ask.advice and structure.ask.span is not None
    finding = structure.parts["ask"]
    assert not finding.present and finding.reason and finding.advice


def test_no_request_at_all_is_no_ask() -> None:
    structure = judge_structure("I'm the one who knows knots. We tie them all day.")
    assert structure.ask.kind == "none" and structure.ask.span is None
    assert structure.ask.advice


def test_the_ask_advice_uses_the_ideal_referral() -> None:
    profile = Profile(ideal_referral="the office manager at a law firm")
    structure = judge_structure("We do flowers.", profile)
    assert structure.ask.advice and "the office manager at a law firm" in structure.ask.advice


# -- the close -------------------------------------------------------------------------


@pytest.mark.parametrize(
    "last",
    [
        "Priya Shah, Harbour Lane: numbers you can sleep on.",
        "Kerr Signs, painted to last.",
        "Remember, Dave fixes it.",
        "Park Wealth: plan today, relax tomorrow. Thank you.",
    ],
)
def test_a_tagline_at_the_end_is_a_close(last: str) -> None:
    text = f"I'm Sam from Lee & Co. We fix roofs. {last}"
    finding = part(text, "close")
    assert finding.present
    assert evidence_text(text, finding)[0] in last


@pytest.mark.parametrize(
    "last",
    [
        "Um, thanks, I guess.",
        "So yeah, that's about it.",
        "Did anyone see the news this week?",
        "Anyway, I think that's everything.",
        "If you know anyone who needs a roof, let me know.",
    ],
)
def test_thanks_a_question_or_trailing_off_is_no_close(last: str) -> None:
    finding = part(f"I'm Sam from Lee & Co. We fix roofs. {last}", "close")
    assert flagged(finding)


def test_a_tagline_early_in_the_pitch_is_no_close() -> None:
    text = "Lee & Co: roofs that stay on. We fix roofs. We also clear gutters. We do chimneys."
    assert not part(text, "close").present


# -- advice from the person's trade ----------------------------------------------------


def test_advice_quotes_the_trade_and_falls_back_to_generic_lines() -> None:
    plain = judge_structure("Hello.").parts["example"].advice
    plumber = judge_structure("Hello.", Profile(trade="Plumber")).parts["example"].advice
    assert plain and GENERIC_EXAMPLE.story in plain
    assert plumber and trade_example("plumber").story in plumber and plumber != plain
    assert trade_example("Commercial property solicitor").trade == "solicitor"
    assert trade_example("IT support").trade == "IT support"
    assert trade_example("Dog walker") is GENERIC_EXAMPLE
    assert trade_example("") is GENERIC_EXAMPLE


def test_there_are_examples_for_fifteen_trades() -> None:
    assert len(TRADE_EXAMPLES) >= 15


@pytest.mark.parametrize("example", [*TRADE_EXAMPLES, GENERIC_EXAMPLE], ids=lambda e: e.trade)
def test_every_example_the_advice_quotes_passes_the_check_itself(example: object) -> None:
    from netcoach.core.pitch.trade_examples import TradeExample

    assert isinstance(example, TradeExample)
    lines = {
        "who_help": example.who,
        "good_at": example.service,
        "different": example.different,
        "example": example.story,
        "ask": f"This week I'd like {example.ask}.",
        "close": f"We fix roofs. Sam Lee, Lee & Co: {example.hook}.",
    }
    for key, line in lines.items():
        finding = part(line if line.endswith(".") else f"{line}.", key)
        assert finding.present and not finding.weak, (key, line)


# -- the guide's own examples ----------------------------------------------------------


@pytest.mark.parametrize("guide_part", PARTS, ids=lambda p: p.key)
def test_the_guides_strong_examples_pass_and_its_weak_ones_are_flagged(guide_part: object) -> None:
    from netcoach.core.pitch.parts import PitchPart

    assert isinstance(guide_part, PitchPart)
    for example in guide_part.examples:
        strong = judge_structure(example.strong)
        found = strong.parts[guide_part.key]
        assert found.present and not found.weak, example.strong
        weak = judge_structure(example.weak)
        assert flagged(weak.parts[guide_part.key]), example.weak
        if guide_part.key == "ask":
            assert strong.ask.kind == "specific"
            assert weak.ask.kind != "specific"


def test_detect_parts_is_the_structure_checks_present_parts() -> None:
    assert detect_parts(PITCH) == judge_structure(PITCH).present


# -- cutting a pitch into the guide's answers ------------------------------------------


def test_split_parts_puts_each_sentence_under_one_part_and_loses_no_words() -> None:
    answers = split_parts(PITCH)
    assert answers["intro"].startswith("Good morning everyone")
    assert answers["ask"].startswith("A good referral for me")
    assert answers["close"] == "John Smith, Smith & Co: the sun pays."
    assert " ".join(a for a in answers.values() if a).split() == PITCH.split()


def test_split_parts_of_nothing_is_blank_answers() -> None:
    assert set(split_parts("").values()) == {""}


# -- sentences -------------------------------------------------------------------------


def test_sentences_end_at_stops_and_lines_but_not_inside_titles_or_initials() -> None:
    text = "Dr. Jones met J. Smith at 9.30 today! Is that right?\nYes. Acme Ltd. We help."
    assert [s.text for s in split_sentences(text)] == [
        "Dr. Jones met J. Smith at 9.30 today!",
        "Is that right?",
        "Yes.",
        "Acme Ltd.",
        "We help.",
    ]
    assert [s.text for s in split_sentences("We're Smith & Co. and proud.")] == [
        "We're Smith & Co. and proud."
    ]


@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=300))
@settings(max_examples=150, deadline=None)
def test_sentences_are_in_order_within_bounds_and_match_the_text(text: str) -> None:
    sentences = split_sentences(text)
    last_end = 0
    for i, s in enumerate(sentences):
        assert s.index == i
        assert 0 <= s.start < s.end <= len(text)
        assert text[s.start : s.end] == s.text
        assert s.start >= last_end
        last_end = s.end


_WORDS = st.sampled_from(
    "I'm we help Tom Smith & Co Ltd. anyone who needs a the owner of unlike most last month "
    "£4,000 introduction to remember: thanks? ! , . \n just bought if you know".split(" ")
)


@given(st.one_of(st.text(max_size=400), st.lists(_WORDS, max_size=120).map(" ".join)))
@settings(max_examples=150, deadline=None)
def test_any_text_is_judged_without_error_and_every_span_is_within_it(text: str) -> None:
    structure = judge_structure(text, Profile("Tom Smith", "Smith & Co", "plumber", "a landlord"))
    assert isinstance(structure, Structure)
    for finding in structure.parts.values():
        for span in finding.evidence:
            assert 0 <= span.start < span.end <= len(text)
            assert any(s.start == span.start and s.end == span.end for s in structure.sentences)
    if structure.ask.span is not None:
        assert text[structure.ask.span.start : structure.ask.span.end] == structure.ask.text
    assert structure.parts["ask"].present == (structure.ask.kind == "specific")
    split_parts(text)


def test_a_run_on_pitch_is_judged_clause_by_clause_with_the_sentence_as_evidence() -> None:
    text = (
        "Hi everyone so I'm Mark from Castle IT Solutions and we look after the computers "
        "for small offices in York and what I always say is we're an IT department without "
        "the salary and last week one of our clients a law firm had their email go down at "
        "nine and we had it back up by half past and a good referral for me would be an "
        "office manager at a firm with ten to fifty staff so thanks very much"
    )
    structure = judge_structure(text)
    assert len(structure.sentences) == 1
    for key in ("intro", "who_help", "good_at", "different", "example", "ask"):
        finding = structure.parts[key]
        assert finding.present, key
        assert evidence_text(text, finding) == [text]
    assert structure.ask.kind == "specific"
    assert not structure.parts["close"].present  # it ends on thanks


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        (
            "Who I'd really like to meet is Sarah Collins, the head of facilities at Leeds.",
            "specific",
        ),
        ("Ideally I'd love to speak to a GP practice manager in Bradford.", "specific"),
        (
            "If you come across a business owner who's thinking of selling in the next year "
            "or two, I'd love a chat.",
            "specific",
        ),
        ("My ideal client is a family-run manufacturer with 20 to 100 staff.", "specific"),
        ("I'd be grateful for an introduction to anyone at Yorkshire Water.", "specific"),
        ("Who knows a baker?", "specific"),
        ("Who knows anyone who needs a website?", "generic"),
        ("I'm looking for more clients.", "generic"),
        ("Any referrals gratefully received.", "generic"),
        ("So please, if you hear of anyone moving house, let me know.", "generic"),
        ("Who do you know who needs a bookkeeper?", "generic"),
        ("If you know of any landlords, send them my way.", "generic"),
        ("We're always happy to help.", "none"),
    ],
)
def test_ask_kinds_in_the_words_networkers_use(text: str, kind: str) -> None:
    assert judge_structure(text).ask.kind == kind


@pytest.mark.parametrize(
    ("last", "close"),
    [
        ("Remember: if it's raining in, ring Ryan.", True),
        ("So that's me, Ryan Holt, Holt Roofing.", True),
        ("Ryan Holt, Holt Roofing. Thank you!", True),
        ("Holt Roofing \u2014 we've got you covered.", True),
        ("Any questions, grab me after.", False),
        ("Have a great week everyone.", False),
        ("Why did the roofer cross the road? To get to the other side.", False),
        ("We also do guttering.", False),
    ],
)
def test_what_ends_a_pitch_well(last: str, close: bool) -> None:
    assert part(f"We fix roofs. {last}", "close").present is close


@given(st.lists(_WORDS, max_size=40).map(" ".join))
@settings(max_examples=100, deadline=None)
def test_patterns_with_their_word_boundary_hoisted_find_what_they_found_before(text: str) -> None:
    import re

    from netcoach.core.pitch import structure

    assert len(structure.EVERY_PATTERN) > 50  # every module's patterns, not none
    for value in structure.EVERY_PATTERN:
        assert bool(re.search(value.source, text)) == bool(value.regex.search(text))


def test_split_parts_gives_a_sentence_to_the_part_it_is_before_a_part_it_only_tried() -> None:
    # The last line is no close (a question), but it is the ask.
    answers = split_parts("I'm Rosa. Hand-written middle. Who knows a baker?")
    assert answers["intro"] == "I'm Rosa. Hand-written middle."
    assert answers["ask"] == "Who knows a baker?"
    assert answers["close"] == ""
