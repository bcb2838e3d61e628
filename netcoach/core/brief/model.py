"""The brief's dataclasses: the facts a repository reads for one event, and the brief itself."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from netcoach.core.ledger import Balance, LedgerEntry, Unreturned
from netcoach.core.matching import WantHave
from netcoach.core.meetings import Event, FollowUp, FollowUpStatus
from netcoach.core.text import visible


@dataclass(frozen=True, slots=True)
class PlannedOneToOne:
    """A one-to-one planned with an attendee and not held yet."""

    starts_at: datetime
    objective: str
    place: str = ""


@dataclass(frozen=True, slots=True)
class AttendeeFacts:
    """What the database holds about one person expected at the event, unjudged.

    ``met_before`` is True when anything was ever logged with them: a touch, a
    one-to-one that has begun, or a give or get entry (see ``rules.has_met``).
    """

    contact_id: int
    name: str
    company: str
    level: int
    last_touch: datetime | None
    met_before: bool
    follow_ups: tuple[FollowUp, ...] = ()  # open ones, either owner
    entries: tuple[LedgerEntry, ...] = ()  # every give and get with them
    planned: tuple[PlannedOneToOne, ...] = ()  # soonest first
    wants: tuple[WantHave, ...] = ()
    haves: tuple[WantHave, ...] = ()


@dataclass(frozen=True, slots=True)
class BriefPitch:
    """The pitch marked to use next, its timing, and the ask to make this week."""

    name: str
    words: int
    seconds: float
    limit_seconds: int
    rehearsals: int
    ask: str  # the pitch's own ask sentence, else the ideal referral; "" when neither
    ask_from: str  # "pitch", "profile" or "" (no ask found)

    @property
    def fits(self) -> bool:
        return self.seconds <= self.limit_seconds


@dataclass(frozen=True, slots=True)
class BriefFacts:
    """Everything the brief is built from, read in one go for one event.

    ``offers`` are the haves on hand for the attendees' wants, closest first: your own,
    then the attendees', then your closest contacts'. ``asks`` are wants in the same
    order, met against the haves of people not met yet.
    """

    event: Event
    now: datetime
    attendees: tuple[AttendeeFacts, ...]
    offers: tuple[WantHave, ...] = ()
    asks: tuple[WantHave, ...] = ()
    pitch: BriefPitch | None = None


@dataclass(frozen=True, slots=True)
class OwedLine:
    """A follow-up still open, as the brief words it."""

    what: str
    due_on: date | None
    status: FollowUpStatus


@dataclass(frozen=True, slots=True)
class Offer:
    """A want meeting a have: something to give, or someone to introduce.

    ``giver_id`` None means the have is your own: you can give it yourself. Otherwise
    the offer is an introduction between the attendee and ``giver_name``. ``their_side``
    says whose want it is: "want" (the attendee wants it) or "have" (the contact wants
    what the attendee has).
    """

    want: str
    have: str
    giver_id: int | None
    giver_name: str
    why: str
    their_side: str = "want"

    @property
    def their_phrase(self) -> str:
        """What the other side brings: the have they hold, or the want they have."""
        return self.have if self.their_side == "want" else self.want

    def sentence(self, attendee: str = "them", width: int = 0) -> str:
        """The offer in one line: what you give, or the introduction it would be.

        ``width`` above 0 clips each phrase and name to that many characters."""

        def cut(text: str) -> str:
            text = visible(" ".join(text.split()))
            return text if width <= 0 or len(text) <= width else text[: width - 1] + "…"

        want, have, giver = cut(self.want), cut(self.have), cut(self.giver_name)
        if self.giver_id is None:
            return f"you have “{have}” for their “{want}”"
        if self.their_side == "have":
            return f"introduce {cut(attendee)} to {giver}, who wants “{want}”"
        return f"introduce {cut(attendee)} to {giver}: “{have}” for their “{want}”"


@dataclass(frozen=True, slots=True)
class AttendeeBrief:
    """One person's block in the brief."""

    contact_id: int
    name: str
    company: str
    level: int
    level_name: str
    step: str  # the coaching for the next level, first clause
    next_step: str  # the whole coaching sentence
    last_touch: datetime | None
    last_touch_text: str
    you_owe: tuple[OwedLine, ...]
    they_owe: tuple[OwedLine, ...]
    balance: Balance | None
    unreturned: Unreturned | None  # helped you, not helped back
    gift: Offer | None  # one thing you can give today
    one_to_one: PlannedOneToOne | None
    met_before: bool
    might_meet: tuple[Offer, ...] = ()  # for people not met yet: whom to introduce them to

    @property
    def given(self) -> int:
        return self.balance.given_total if self.balance else 0

    @property
    def received(self) -> int:
        return self.balance.received_total if self.balance else 0


@dataclass(frozen=True, slots=True)
class Brief:
    """The brief for one event: people you know, people new to you, and your pitch."""

    event: Event
    now: datetime
    attendees: tuple[AttendeeBrief, ...]  # met before, in the event's order
    newcomers: tuple[AttendeeBrief, ...]  # not met yet
    pitch: BriefPitch | None
    guard: str | None  # the last-minute guard; None once the event is over

    @property
    def everyone(self) -> tuple[AttendeeBrief, ...]:
        return self.attendees + self.newcomers
