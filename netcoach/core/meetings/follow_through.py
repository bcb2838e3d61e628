"""Follow-through after an event: a follow-up with everyone met, and the Identify decision.

Two rules a coach keeps:

- Everyone met at an event gets a follow-up due within ``FOLLOW_UP_DAYS`` days of it.
  netcoach offers it when an event that has begun is saved (it never forces it).
- A contact still at Identify ``DECIDE_AFTER_DAYS`` days after they were met is a
  decision waiting: move them to Connect, or let them go.

**Met** means met in person: they are listed at an event that has begun, a one-to-one
with them has been held (its outcome recorded), or a touch of an in-person kind
(``MET_TOUCH_KINDS``: coffee, meeting, event) is logged with them. A call, an email or
a message is a touch but not a meeting, and a contact only imported (a LinkedIn
connection) or only added has not been met.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from netcoach.core.text import one_line

FOLLOW_UP_DAYS = 2
DECIDE_AFTER_DAYS = 30
MET_TOUCH_KINDS = ("coffee", "meeting", "event")
CONNECT_REASON = "Followed up after meeting"


@dataclass(frozen=True, slots=True)
class FollowThrough:
    """What the person chose to add after an event: one follow-up each, same what and due."""

    contact_ids: tuple[int, ...]
    what: str
    due_on: date


@dataclass(frozen=True, slots=True)
class StillAtIdentify:
    """A contact met in person and still at Identify a month on."""

    contact_id: int
    name: str
    company: str
    identify_since: datetime  # when their time at Identify began
    first_met: datetime  # the first time they were met in person

    @property
    def waiting_since(self) -> datetime:
        """From when the decision counts: both at Identify and met by then."""
        return max(self.identify_since, self.first_met)


def follow_up_due(event_day: date, today: date) -> date:
    """The default due day: two days after the event, and never before today."""
    return max(event_day + timedelta(days=FOLLOW_UP_DAYS), today)


def follow_up_what(event_name: str) -> str:
    """The default "what" of the follow-ups after an event."""
    return f"Follow up after {one_line(event_name, 80)}"


def offer_question(count: int, due_on: date) -> str:
    """ "Follow up with the 5 people you met? Due Wednesday 9 December"."""
    people = "the person you met" if count == 1 else f"the {count} people you met"
    return f"Follow up with {people}? Due {due_label(due_on)}"


def due_label(day: date) -> str:
    return f"{day:%A} {day.day} {day:%B}"


def decide_cutoff(now: datetime) -> datetime:
    """Met and at Identify at or before this moment: the decision is due."""
    return now - timedelta(days=DECIDE_AFTER_DAYS)


def is_decision_due(identify_since: datetime, first_met: datetime | None, now: datetime) -> bool:
    """The rule of Today's Identify card for one contact already at level 1 and active."""
    if first_met is None:
        return False
    cutoff = decide_cutoff(now)
    return identify_since <= cutoff and first_met <= cutoff


def added_label(count: int, event_name: str, due_on: date) -> str:
    """What the note above the footer says once the follow-ups are written."""
    people = "1 follow-up" if count == 1 else f"{count} follow-ups"
    due = f"{due_on:%a} {due_on.day} {due_on:%b}"
    return f"Added {people} after {one_line(event_name, 50)}, due {due}"


def met_text(day: date, today: date) -> str:
    """When they were first met, short: "9 weeks ago", "14 months ago"."""
    days = (today - day).days
    if days < 7 * 13:
        return f"{days // 7} weeks ago"
    return f"{days * 12 // 365} months ago"
