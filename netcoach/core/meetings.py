"""One-to-ones, networking events and their follow-ups: the types and the rules."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from enum import StrEnum

from netcoach.core.levels import KEY_CONTACT_TARGET, level_name
from netcoach.core.text import plural
from netcoach.core.validation import LINE_MAX, NAME_MAX, check_lengths, limit_message

ACHIEVEMENT_WINDOW_DAYS = 90
EVENT_KINDS = ("breakfast", "chamber", "conference", "online", "social")
MEETING_INTERACTION = "meeting"
FOLLOW_UP_INTERACTION = "follow-up"
MAX_MINUTES = 24 * 60

# Prompts the planning form offers for the agenda: GAINS, then three questions for giving.
AGENDA_PROMPTS: tuple[tuple[str, str], ...] = (
    ("Goals", "Goals: what are you working towards this year?"),
    ("Accomplishments", "Accomplishments: what are you proudest of lately?"),
    ("Interests", "Interests: what do you enjoy outside work?"),
    ("Networks", "Networks: which groups and circles are you part of?"),
    ("Skills", "Skills: what are you really good at?"),
    ("How can I help?", "How can I help you?"),
    ("Good referral", "Who is a good referral for you?"),
    ("Good introduction", "How do I recognise a good introduction for you?"),
)


class Outcome(StrEnum):
    """Whether the stated objective of a one-to-one was met."""

    ACHIEVED = "achieved"
    PARTLY = "partly"
    NOT = "not"

    @property
    def label(self) -> str:
        return {"achieved": "achieved", "partly": "partly", "not": "not achieved"}[self.value]


class Owner(StrEnum):
    """Who owes a follow-up action."""

    ME = "me"
    THEM = "them"


class FollowUpStatus(StrEnum):
    """Where a follow-up stands today, always shown in words."""

    DONE = "done"
    OVERDUE = "overdue"
    DUE = "due today"
    UPCOMING = "upcoming"
    NO_DATE = "no date"


@dataclass(frozen=True, slots=True)
class OneToOneDraft:
    """What a person typed when planning (or logging) a one-to-one."""

    contact_id: int | None
    starts_at: datetime | None
    duration_minutes: int
    place: str
    objective: str
    agenda: str = ""


@dataclass(frozen=True, slots=True)
class FollowUpDraft:
    """A follow-up being typed; at an event it may be with a person not yet a contact."""

    what: str
    owner: Owner
    due_on: date | None
    contact_id: int | None = None
    new_person: str = ""


@dataclass(frozen=True, slots=True)
class OutcomeDraft:
    outcome: Outcome | None
    notes: str = ""
    learnt: str = ""
    follow_ups: tuple[FollowUpDraft, ...] = ()


@dataclass(frozen=True, slots=True)
class OneToOne:
    id: int
    contact_id: int
    contact_name: str
    contact_level: int
    starts_at: datetime
    duration_minutes: int
    place: str
    objective: str
    agenda: str
    outcome: Outcome | None
    notes: str
    learnt: str
    completed_at: datetime | None
    is_record: bool

    @property
    def ends_at(self) -> datetime:
        return self.starts_at + timedelta(minutes=self.duration_minutes)

    def needs_outcome(self, now: datetime) -> bool:
        """Over, and nobody has written down how it went."""
        return self.outcome is None and self.ends_at <= now


@dataclass(frozen=True, slots=True)
class OneToOnePage:
    rows: tuple[OneToOne, ...]
    total: int
    offset: int


@dataclass(frozen=True, slots=True)
class PersonMet:
    contact_id: int
    name: str
    level: int


@dataclass(frozen=True, slots=True)
class EventDraft:
    name: str
    kind: str
    starts_at: datetime | None
    duration_minutes: int
    place: str = ""
    pitch: str = ""
    notes: str = ""
    people: tuple[int, ...] = ()
    new_people: tuple[str, ...] = ()
    follow_ups: tuple[FollowUpDraft, ...] = ()


@dataclass(frozen=True, slots=True)
class Event:
    id: int
    name: str
    kind: str
    starts_at: datetime
    duration_minutes: int
    place: str
    pitch: str
    notes: str
    people: tuple[PersonMet, ...] = ()

    @property
    def ends_at(self) -> datetime:
        return self.starts_at + timedelta(minutes=self.duration_minutes)


@dataclass(frozen=True, slots=True)
class EventPage:
    rows: tuple[Event, ...]
    total: int
    offset: int


@dataclass(frozen=True, slots=True)
class FollowUp:
    id: int
    contact_id: int
    contact_name: str
    what: str
    owner: Owner
    due_on: date | None
    done_at: datetime | None
    source: str
    one_to_one_id: int | None = None
    event_id: int | None = None

    def status(self, today: date) -> FollowUpStatus:
        return follow_up_status(self.due_on, self.done_at, today)


@dataclass(frozen=True, slots=True)
class FollowUpPage:
    rows: tuple[FollowUp, ...]
    total: int
    offset: int


@dataclass(frozen=True, slots=True)
class AchievementRate:
    """How one-to-ones with an outcome went over a window of days."""

    achieved: int
    partly: int
    not_achieved: int
    days: int = ACHIEVEMENT_WINDOW_DAYS

    @property
    def total(self) -> int:
        return self.achieved + self.partly + self.not_achieved

    @property
    def rate(self) -> float | None:
        """Share of one-to-ones whose objective was fully achieved; None when there are none."""
        return self.achieved / self.total if self.total else None

    def describe(self) -> str:
        if not self.total:
            return f"No outcomes recorded in the last {plural(self.days, 'day')}."
        rate = self.rate or 0.0
        return (
            f"Last {plural(self.days, 'day')}: {plural(self.total, 'one-to-one')} held, "
            f"{rate:.0%} of objectives achieved "
            f"({self.achieved} achieved, {self.partly} partly, {self.not_achieved} not)"
        )


@dataclass(frozen=True, slots=True)
class TimeSpent:
    one_to_ones: timedelta
    events: timedelta

    @property
    def total(self) -> timedelta:
        return self.one_to_ones + self.events


@dataclass(frozen=True, slots=True)
class EngageOffer:
    """A suggestion to move a contact to Engage after a first real one-to-one."""

    contact_id: int
    contact_name: str
    from_level: int
    reason: str


def follow_up_status(due_on: date | None, done_at: datetime | None, today: date) -> FollowUpStatus:
    """Done once done; otherwise overdue after the due day, due on it, upcoming before it."""
    if done_at is not None:
        return FollowUpStatus.DONE
    if due_on is None:
        return FollowUpStatus.NO_DATE
    if due_on < today:
        return FollowUpStatus.OVERDUE
    if due_on == today:
        return FollowUpStatus.DUE
    return FollowUpStatus.UPCOMING


def is_due_or_overdue(due_on: date | None, done_at: datetime | None, today: date) -> bool:
    return follow_up_status(due_on, done_at, today) in (FollowUpStatus.DUE, FollowUpStatus.OVERDUE)


# ---- time: the one rule for what has happened -----------------------------------------------
#
# Every count of one-to-ones held, of hours spent and of return on time goes through
# ``is_held`` and ``has_begun`` (via ``tally_time``): the One-to-ones and Events tabs, Today's
# goals, the Review screen and ``netcoach review`` all agree because they ask these.


def has_begun(starts_at: datetime, now: datetime) -> bool:
    """A meeting has begun once its start time is not after ``now``."""
    return starts_at <= now


def is_held(starts_at: datetime, outcome: object, now: datetime) -> bool:
    """A one-to-one counts as held when its outcome is recorded and it has begun by ``now``.

    A row with an outcome dated in the future (imported, or written by hand) is not held.
    """
    return bool(outcome) and has_begun(starts_at, now)


def outcome_not_yet(starts_at: datetime, now: datetime, what: str = "one-to-one") -> str | None:
    """Why no outcome can be recorded yet, or None once the meeting has begun."""
    if has_begun(starts_at, now):
        return None
    year = f" {starts_at.year}" if starts_at.year != now.year else ""
    return (
        f"This {what} is on {starts_at:%a} {starts_at.day} {starts_at:%b}{year} at "
        f"{starts_at:%H:%M}; its outcome can be recorded from then."
    )


def window(now: datetime, days: int = ACHIEVEMENT_WINDOW_DAYS) -> tuple[date, date]:
    """The last ``days`` days up to today, first and last day inclusive."""
    today = now.date()
    return today - timedelta(days=days - 1), today


@dataclass(frozen=True, slots=True)
class TimeTally:
    """One-to-ones held, their outcomes and the time at them and at events, for some days."""

    achieved: int = 0
    partly: int = 0
    not_achieved: int = 0
    one_to_one_minutes: int = 0
    events_attended: int = 0
    event_minutes: int = 0

    @property
    def held(self) -> int:
        return self.achieved + self.partly + self.not_achieved

    @property
    def minutes(self) -> int:
        return self.one_to_one_minutes + self.event_minutes

    @property
    def time_spent(self) -> TimeSpent:
        return TimeSpent(
            timedelta(minutes=self.one_to_one_minutes), timedelta(minutes=self.event_minutes)
        )


def tally_time(
    one_to_ones: Iterable[tuple[datetime, int, object]],
    events: Iterable[tuple[datetime, int]],
    now: datetime,
    start: date,
    end: date,
) -> TimeTally:
    """Count what was held from ``start`` to ``end`` (days, inclusive), as of ``now``.

    ``one_to_ones`` are (starts at, minutes, outcome); ``events`` are (starts at, minutes).
    A one-to-one counts when ``is_held``; an event when it ``has_begun``. Hours are the
    planned length of each.
    """
    counts = dict.fromkeys(Outcome, 0)
    one_minutes = event_minutes = attended = 0
    for starts_at, minutes, outcome in one_to_ones:
        if start <= starts_at.date() <= end and is_held(starts_at, outcome, now):
            try:
                counts[Outcome(str(outcome))] += 1
            except ValueError:
                continue  # an outcome this version does not know is not counted
            one_minutes += max(0, int(minutes or 0))
    for starts_at, minutes in events:
        if start <= starts_at.date() <= end and has_begun(starts_at, now):
            attended += 1
            event_minutes += max(0, int(minutes or 0))
    return TimeTally(
        achieved=counts[Outcome.ACHIEVED],
        partly=counts[Outcome.PARTLY],
        not_achieved=counts[Outcome.NOT],
        one_to_one_minutes=one_minutes,
        events_attended=attended,
        event_minutes=event_minutes,
    )


def achievement_rate(
    outcomes: Iterable[tuple[datetime, Outcome]],
    now: datetime,
    days: int = ACHIEVEMENT_WINDOW_DAYS,
) -> AchievementRate:
    """Count the outcomes of one-to-ones held in the last ``days`` days (later ones ignored)."""
    start, end = window(now, days)
    tally = tally_time(((at, 0, outcome) for at, outcome in outcomes), (), now, start, end)
    return AchievementRate(
        achieved=tally.achieved, partly=tally.partly, not_achieved=tally.not_achieved, days=days
    )


def engage_offer(
    contact_id: int,
    contact_name: str,
    level: int,
    completed_before: int,
    held_on: date,
    objective: str,
) -> EngageOffer | None:
    """Offer Engage after the first completed one-to-one with someone below it."""
    if level >= KEY_CONTACT_TARGET or completed_before > 0:
        return None
    reason = f"First one-to-one on {held_on.day} {held_on:%b %Y}: {' '.join(objective.split())}"
    return EngageOffer(contact_id, contact_name, level, reason[:200])


def validate_one_to_one(draft: OneToOneDraft) -> dict[str, str]:
    """Return {field: message} for every problem in a planned one-to-one."""
    errors: dict[str, str] = {}
    if draft.contact_id is None:
        errors["contact"] = "Pick the contact you are meeting from the list."
    if draft.starts_at is None:
        errors["when"] = "Type when you are meeting."
    if not 1 <= draft.duration_minutes <= MAX_MINUTES:
        errors["length"] = "The length must be more than zero and at most 24 hours."
    if not draft.objective.strip():
        errors["objective"] = (
            "A one-to-one needs an objective: what do you want to have learnt or agreed?"
        )
    lengths = check_lengths(
        {
            "place": ("place", draft.place),
            "objective": ("objective", draft.objective),
            "agenda": ("note", draft.agenda),
        }
    )
    return lengths | errors


def validate_follow_up(draft: FollowUpDraft) -> str | None:
    if not draft.what.strip():
        return "Say what needs doing."
    if len(draft.what) > LINE_MAX:
        return f"A follow-up is at most {LINE_MAX} characters."
    if draft.contact_id is None:
        return "Say who the follow-up is with."
    return None


def validate_event(draft: EventDraft) -> dict[str, str]:
    errors: dict[str, str] = {}
    if not draft.name.strip():
        errors["name"] = "Give the event a name, e.g. Thursday breakfast club."
    if draft.kind not in EVENT_KINDS:
        errors["kind"] = f"Choose one of: {', '.join(EVENT_KINDS)}."
    if draft.starts_at is None:
        errors["when"] = "Type when the event is."
    if not 1 <= draft.duration_minutes <= MAX_MINUTES:
        errors["length"] = "The length must be more than zero and at most 24 hours."
    if any(not name.strip() for name in draft.new_people):
        errors["people"] = "A new person needs a name."
    elif any(len(name) > NAME_MAX for name in draft.new_people):
        errors["people"] = limit_message("name")
    lengths = check_lengths(
        {
            "name": ("name", draft.name),
            "place": ("place", draft.place),
            "pitch": ("line", draft.pitch),
            "notes": ("note", draft.notes),
        }
    )
    return lengths | errors


def describe_level_move(from_level: int, to_level: int) -> str:
    return f"{level_name(from_level)} → {level_name(to_level)}"
