"""The rules that turn an event's facts into the brief.

Who counts as met: anyone with something logged — a touch (an event they were met
at counts once it has begun), a one-to-one that has begun, or a give or get entry.
Everyone else expected is "not met yet", and their block says whom of your contacts
they might want to meet instead of what you owe each other.

One thing you can give today: the best have that meets one of their wants. At an equal
score your own have comes first (you can give it yourself), then an introduction to the
closest contact who has it: the pool of haves is in that order (see ``BriefFacts``).
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime

from netcoach.core.brief.model import (
    AttendeeBrief,
    AttendeeFacts,
    Brief,
    BriefFacts,
    Offer,
    OwedLine,
)
from netcoach.core.ledger import balances, not_helped_back
from netcoach.core.levels import level_info
from netcoach.core.matching import Match, WantHave, find_matches
from netcoach.core.meetings import FollowUp, Owner
from netcoach.core.pitch import REHEARSE_NOT_REWRITE, is_last_minute

GUARD_WORDS = REHEARSE_NOT_REWRITE
# How many people a newcomer's block suggests introducing them to.
MIGHT_MEET = 3
# Haves kept per want before the best one is chosen.
PER_WANT = 3


def has_met(touches: int, one_to_ones_begun: int, entries: int) -> bool:
    """Met once anything was logged with them: a touch, a one-to-one begun, a give or get."""
    return touches > 0 or one_to_ones_begun > 0 or entries > 0


def short_step(level: int) -> str:
    """The coaching for the next step in a few words: the first clause of the level's advice."""
    advice = level_info(level).next_step
    head, colon, _rest = advice.partition(":")
    if colon:
        return head.strip()
    return advice.split(". ")[0].rstrip(".")


def touch_text(last: datetime | None, today: date) -> str:
    """When they were last in touch, in words."""
    if last is None:
        return "no touch logged"
    days = (today - last.date()).days
    if days <= 0:
        return "in touch today"
    if days == 1:
        return "last touch yesterday"
    if days < 60:
        return f"last touch {days} days ago"
    return f"last touch {days // 30} months ago"


def pitch_guard(starts_at: datetime, ends_at: datetime, now: datetime) -> str | None:
    """The event's last-minute guard: on the day, rehearse the pitch and leave the script be.

    The words are the pitch card's; on the day of the event the studio also asks before
    a changed script is saved. None once the event is over.
    """
    if ends_at <= now:
        return None
    if is_last_minute(starts_at.date(), now.date()):
        return f"Event today: {GUARD_WORDS}."
    return f"Event {starts_at:%a} {starts_at.day} {starts_at:%b}: {GUARD_WORDS}."


def owed_lines(follow_ups: Iterable[FollowUp], owner: Owner, today: date) -> tuple[OwedLine, ...]:
    """The open follow-ups ``owner`` owes, soonest due first, those with no date last."""
    open_ones = [f for f in follow_ups if f.owner == owner and f.done_at is None]
    open_ones.sort(key=lambda f: (f.due_on is None, f.due_on or today, f.id))
    return tuple(OwedLine(f.what, f.due_on, f.status(today)) for f in open_ones)


def _best(matches: Iterable[Match], rank: dict[int, int]) -> list[Match]:
    """Best first; at an equal score your own have, then the one earlier in the pool (the
    closest contact's), then by name."""
    return sorted(
        matches,
        key=lambda m: (
            -m.score,
            m.have.owner_id is not None,
            rank.get(m.have.id, len(rank)) + rank.get(m.want.id, len(rank)),
            m.have.owner_name,
            m.have.id,
        ),
    )


def _offer(match: Match, their_side: str = "want") -> Offer:
    giver = match.have if their_side == "want" else match.want
    return Offer(
        want=match.want.phrase,
        have=match.have.phrase,
        giver_id=giver.owner_id,
        giver_name=giver.owner_name,
        why=match.why,
        their_side=their_side,
    )


def _matches_by_owner(
    mine: list[WantHave], others: Iterable[WantHave], side: str
) -> dict[int, list[Match]]:
    """Each attendee's ``side`` items ("want" or "have") met against the others, per attendee."""
    if not mine:
        return {}
    found = find_matches([*mine, *others], per_want=PER_WANT, limit=PER_WANT * len(mine) + 1)
    ids = {item.id for item in mine}
    grouped: dict[int, list[Match]] = {}
    for match in found:
        own = match.want if side == "want" else match.have
        if own.id in ids and own.owner_id is not None:
            grouped.setdefault(own.owner_id, []).append(match)
    return grouped


def build_brief(facts: BriefFacts) -> Brief:
    """The brief for the event: each person's block, the newcomers apart, and the pitch."""
    today = facts.now.date()
    wants = [w for a in facts.attendees for w in a.wants if w.kind == "want"]
    gifts = _matches_by_owner(wants, facts.offers, "want")
    newcomer_haves = [
        h for a in facts.attendees if not a.met_before for h in a.haves if h.kind == "have"
    ]
    wanted = _matches_by_owner(newcomer_haves, facts.asks, "have")
    rank = {item.id: index for index, item in enumerate((*facts.offers, *facts.asks))}
    blocks = [_block(a, today, gifts.get(a.contact_id, []), wanted, rank) for a in facts.attendees]
    event = facts.event
    return Brief(
        event=event,
        now=facts.now,
        attendees=tuple(b for b in blocks if b.met_before),
        newcomers=tuple(b for b in blocks if not b.met_before),
        pitch=facts.pitch,
        guard=pitch_guard(event.starts_at, event.ends_at, facts.now),
    )


def _block(
    person: AttendeeFacts,
    today: date,
    gifts: list[Match],
    wanted: dict[int, list[Match]],
    rank: dict[int, int],
) -> AttendeeBrief:
    ranked = _best(gifts, rank)
    gift = _offer(ranked[0]) if ranked else None
    might_meet: tuple[Offer, ...] = ()
    if not person.met_before:
        offers = [_offer(m) for m in ranked if m.have.owner_id is not None]
        offers += [_offer(m, "have") for m in _best(wanted.get(person.contact_id, []), rank)]
        chosen: dict[int, Offer] = {}
        for offer in offers:
            if offer.giver_id is not None and offer.giver_id not in chosen:
                chosen[offer.giver_id] = offer
        might_meet = tuple(list(chosen.values())[:MIGHT_MEET])
    tallies = balances(person.entries)
    unreturned = not_helped_back(person.entries, today)
    info = level_info(person.level)
    return AttendeeBrief(
        contact_id=person.contact_id,
        name=person.name,
        company=person.company,
        level=person.level,
        level_name=info.name,
        step=short_step(person.level),
        next_step=info.next_step,
        last_touch=person.last_touch,
        last_touch_text=touch_text(person.last_touch, today),
        you_owe=owed_lines(person.follow_ups, Owner.ME, today),
        they_owe=owed_lines(person.follow_ups, Owner.THEM, today),
        balance=tallies[0] if tallies else None,
        unreturned=unreturned[0] if unreturned else None,
        gift=gift,
        one_to_one=person.planned[0] if person.planned else None,
        met_before=person.met_before,
        might_meet=might_meet,
    )
