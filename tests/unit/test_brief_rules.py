"""The brief's rules without a database: who is new, what is owed, one thing to give."""

from __future__ import annotations

from datetime import date, datetime

from netcoach.core.brief import (
    GUARD_WORDS,
    AttendeeFacts,
    BriefFacts,
    BriefPitch,
    PlannedOneToOne,
    build_brief,
    has_met,
    pitch_guard,
    short_step,
    to_markdown,
    to_text,
)
from netcoach.core.ledger import LedgerEntry
from netcoach.core.levels import LEVELS
from netcoach.core.matching import WantHave
from netcoach.core.meetings import Event, FollowUp, FollowUpStatus, Owner, PersonMet

NOW = datetime(2026, 11, 23, 7, 30)


def event(starts: datetime = datetime(2026, 11, 24, 7, 0), people: int = 0) -> Event:
    return Event(
        1,
        "Thursday breakfast",
        "breakfast",
        starts,
        90,
        "The Grand",
        "",
        "",
        tuple(PersonMet(i, f"P{i}", 1) for i in range(people)),
    )


def person(cid: int, name: str, met: bool = True, **kwargs: object) -> AttendeeFacts:
    return AttendeeFacts(
        contact_id=cid,
        name=name,
        company="",
        level=kwargs.pop("level", 2),  # type: ignore[arg-type]
        last_touch=kwargs.pop("last_touch", None),
        met_before=met,
        **kwargs,  # type: ignore[arg-type]
    )


def want(wid: int, owner: int | None, phrase: str, kind: str = "want", name: str = "") -> WantHave:
    return WantHave(wid, owner, name or ("you" if owner is None else f"#{owner}"), kind, phrase)


def follow_up(fid: int, owner: Owner, what: str, due: date | None) -> FollowUp:
    return FollowUp(fid, 1, "Ann", what, owner, due, None, "")


def entry(eid: int, direction: str, day: date, kind: str = "advice") -> LedgerEntry:
    return LedgerEntry(eid, 1, "Ann", direction, kind, day, None, None, "")


def test_met_means_anything_logged() -> None:
    assert not has_met(0, 0, 0)
    assert has_met(1, 0, 0) and has_met(0, 1, 0) and has_met(0, 0, 1)


def test_the_short_step_is_the_first_clause_of_each_levels_coaching() -> None:
    assert short_step(1) == "Make yourself known"
    assert short_step(2) == "Book a one-to-one with a stated objective"
    for level in LEVELS:
        assert level.next_step.startswith(short_step(level.number))


def test_the_guard_says_rehearse_it_until_the_event_is_over() -> None:
    starts = datetime(2026, 11, 24, 7, 0)
    ends = datetime(2026, 11, 24, 8, 30)
    assert pitch_guard(starts, ends, NOW) == f"Event Tue 24 Nov: {GUARD_WORDS}."
    assert pitch_guard(starts, ends, datetime(2026, 11, 24, 6, 0)) == f"Event today: {GUARD_WORDS}."
    assert pitch_guard(starts, ends, datetime(2026, 11, 24, 8, 30)) is None


def test_your_own_have_comes_before_an_introduction_at_an_equal_score() -> None:
    ann = person(1, "Ann", wants=(want(10, 1, "a good web developer"),))
    offers = (
        want(20, 7, "web developers I trust", "have", "Zed"),
        want(21, None, "web developers", "have"),
    )
    brief = build_brief(BriefFacts(event(), NOW, (ann,), offers=offers))
    gift = brief.attendees[0].gift
    assert gift is not None and gift.giver_id is None
    assert gift.sentence() == "you have “web developers” for their “a good web developer”"


def test_an_introduction_names_the_contact_who_has_it() -> None:
    ann = person(1, "Ann", wants=(want(10, 1, "a commercial property lawyer"),))
    offers = (want(20, 7, "solicitor for commercial leases", "have", "Zed Law"),)
    brief = build_brief(BriefFacts(event(), NOW, (ann,), offers=offers))
    gift = brief.attendees[0].gift
    assert gift is not None and gift.giver_id == 7
    assert gift.sentence("Ann").startswith("introduce Ann to Zed Law: “solicitor")
    assert "Give today: introduce them to Zed Law" in to_text(brief)


def test_no_match_no_gift_and_your_own_have_of_theirs_does_not_count() -> None:
    ann = person(
        1, "Ann", wants=(want(10, 1, "a plumber"),), haves=(want(11, 1, "plumbing", "have"),)
    )
    offers = (want(11, 1, "a plumber", "have", "Ann"),)
    brief = build_brief(BriefFacts(event(), NOW, (ann,), offers=offers))
    assert brief.attendees[0].gift is None


def test_follow_ups_are_split_by_who_owes_them_soonest_first() -> None:
    ups = (
        follow_up(1, Owner.ME, "Send the deck", date(2026, 11, 30)),
        follow_up(2, Owner.THEM, "Intro to their chair", date(2026, 11, 1)),
        follow_up(3, Owner.ME, "Thank them", date(2026, 11, 20)),
        follow_up(4, Owner.ME, "Someday", None),
    )
    brief = build_brief(BriefFacts(event(), NOW, (person(1, "Ann", follow_ups=ups),)))
    block = brief.attendees[0]
    assert [line.what for line in block.you_owe] == ["Thank them", "Send the deck", "Someday"]
    assert block.you_owe[0].status is FollowUpStatus.OVERDUE
    assert [line.what for line in block.they_owe] == ["Intro to their chair"]
    text = to_text(brief)
    assert "you owe “Thank them” (overdue) +2 more" in text
    assert "they owe “Intro to their chair” (overdue)" in text


def test_balance_and_helped_you_not_helped_back() -> None:
    helped = person(
        1,
        "Ann",
        entries=(entry(1, "given", date(2026, 3, 1)), entry(2, "received", date(2026, 10, 1))),
    )
    even = person(
        2,
        "Bo",
        entries=(entry(3, "received", date(2026, 9, 1)), entry(4, "given", date(2026, 10, 1))),
    )
    brief = build_brief(BriefFacts(event(), NOW, (helped, even)))
    ann, bo = brief.attendees
    assert (ann.given, ann.received) == (1, 1)
    assert ann.unreturned is not None and bo.unreturned is None
    assert "⚑ helped you, not helped back" in to_text(brief).split("Bo ·")[0]


def test_people_not_met_yet_are_apart_with_whom_they_might_meet() -> None:
    new = person(
        3,
        "Noor",
        met=False,
        wants=(want(30, 3, "a bookkeeper"),),
        haves=(want(31, 3, "catering for launches", "have"),),
    )
    known = person(1, "Ann", planned=(PlannedOneToOne(datetime(2026, 11, 25, 8), "Referrals"),))
    offers = (want(40, 8, "bookkeeping for small firms", "have", "Bea"),)
    asks = (want(50, 9, "a caterer for our launch", "want", "Cal"),)
    brief = build_brief(BriefFacts(event(), NOW, (new, known), offers=offers, asks=asks))
    assert [p.name for p in brief.attendees] == ["Ann"]
    assert [p.name for p in brief.newcomers] == ["Noor"]
    meet = brief.newcomers[0].might_meet
    assert [(m.giver_name, m.their_side) for m in meet] == [("Bea", "want"), ("Cal", "have")]
    text = to_text(brief)
    assert "Not met yet" in text and "Might want to meet: Bea" in text
    assert "one-to-one Wed 25 Nov 08:00: Referrals" in text
    assert "2 people expected, 1 not met yet" in text


def test_the_pitch_its_ask_and_the_guard_are_printed() -> None:
    pitch = BriefPitch(
        "Breakfast 60 s", 120, 55.4, 60, 3, "an introduction to a hotel owner", "pitch"
    )
    brief = build_brief(BriefFacts(event(), NOW, (), pitch=pitch))
    text = to_text(brief)
    assert "Pitch: Breakfast 60 s · 120 words · about 0:55 of 1:00 (fits) · 3 rehearsals" in text
    assert "This week's ask: an introduction to a hotel owner" in text
    assert GUARD_WORDS in text
    assert "Nobody noted as expected yet" in text
    page = to_markdown(brief)
    assert page.startswith("# Brief: Thursday breakfast\n")
    assert f"- **Event Tue 24 Nov: {GUARD_WORDS}.**" in page
    profile = BriefPitch("P", 200, 92.0, 60, 0, "a café owner", "profile")
    text = to_text(build_brief(BriefFacts(event(), NOW, (), pitch=profile)))
    assert "This week's ask (your ideal referral): a café owner" in text
    assert "TOO LONG" in text


def test_hostile_text_is_escaped_on_the_printed_page() -> None:
    nasty = person(1, "[/b] *Ann* # list[str]", wants=(want(10, 1, "[@click=app.quit]x[/]"),))
    page = to_markdown(build_brief(BriefFacts(event(), NOW, (nasty,))))
    assert "### \\[/b\\] \\*Ann\\* \\# list\\[str\\]" in page
    assert "*Ann*" not in page.replace("\\*Ann\\*", "")


def test_control_and_direction_characters_are_shown_never_sent_to_the_terminal() -> None:
    from dataclasses import replace

    from netcoach.core.text import BIDI_CONTROLS

    nasty = "\x1b]0;title\x07 \u202eAnn"
    ann = person(1, nasty, wants=(want(10, 1, f"web {nasty}"),))
    zed = person(2, f"Zed {nasty}", haves=(want(20, 2, f"web {nasty}", kind="have"),))
    hostile = replace(event(), name=nasty, place=nasty)
    brief = build_brief(BriefFacts(hostile, NOW, (ann, zed)))
    for page in (to_text(brief), to_markdown(brief)):
        shown = {c for c in page if (ord(c) < 0x20 and c != "\n") or c in BIDI_CONTROLS}
        assert not shown, page
        assert "␛" in page and "U+202E" in page
    assert "␛]0;title␇ <U+202E>Ann" in to_text(brief)
