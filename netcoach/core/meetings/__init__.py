"""One-to-ones, networking events and their follow-ups, one module per concept.

The public names are re-exported here.

- ``follow_ups``: who owes what by when, and where each follow-up stands today
- ``outcomes``: how a one-to-one went, and the offer of Engage after the first one
- ``held``: the one rule for what has happened, the time tally and the achievement rate
- ``one_to_ones``: the agenda prompts, planning a one-to-one and the saved row
- ``events``: networking events and the people met there
- ``follow_through``: a follow-up with everyone met, and the decision a month on

No Textual and no peewee here.
"""

from __future__ import annotations

from netcoach.core.meetings.events import (
    EVENT_KINDS,
    Event,
    EventDraft,
    EventPage,
    PersonMet,
    validate_event,
)
from netcoach.core.meetings.follow_through import (
    CONNECT_REASON,
    DECIDE_AFTER_DAYS,
    FOLLOW_UP_DAYS,
    MET_TOUCH_KINDS,
    FollowThrough,
    StillAtIdentify,
    met_text,
)
from netcoach.core.meetings.follow_ups import (
    FOLLOW_UP_INTERACTION,
    FollowUp,
    FollowUpDraft,
    FollowUpPage,
    FollowUpStatus,
    Owner,
    follow_up_status,
    is_due_or_overdue,
    validate_follow_up,
)
from netcoach.core.meetings.held import (
    ACHIEVEMENT_WINDOW_DAYS,
    MAX_MINUTES,
    AchievementRate,
    TimeSpent,
    TimeTally,
    achievement_rate,
    has_begun,
    is_held,
    outcome_not_yet,
    tally_time,
    window,
)
from netcoach.core.meetings.one_to_ones import (
    AGENDA_PROMPTS,
    MEETING_INTERACTION,
    OneToOne,
    OneToOneDraft,
    OneToOnePage,
    validate_one_to_one,
)
from netcoach.core.meetings.outcomes import (
    EngageOffer,
    Outcome,
    OutcomeDraft,
    describe_level_move,
    engage_offer,
)

__all__ = [
    "ACHIEVEMENT_WINDOW_DAYS",
    "AGENDA_PROMPTS",
    "CONNECT_REASON",
    "DECIDE_AFTER_DAYS",
    "EVENT_KINDS",
    "FOLLOW_UP_DAYS",
    "FOLLOW_UP_INTERACTION",
    "MAX_MINUTES",
    "MEETING_INTERACTION",
    "MET_TOUCH_KINDS",
    "AchievementRate",
    "EngageOffer",
    "Event",
    "EventDraft",
    "EventPage",
    "FollowThrough",
    "FollowUp",
    "FollowUpDraft",
    "FollowUpPage",
    "FollowUpStatus",
    "OneToOne",
    "OneToOneDraft",
    "OneToOnePage",
    "Outcome",
    "OutcomeDraft",
    "Owner",
    "PersonMet",
    "StillAtIdentify",
    "TimeSpent",
    "TimeTally",
    "achievement_rate",
    "describe_level_move",
    "engage_offer",
    "follow_up_status",
    "has_begun",
    "is_due_or_overdue",
    "is_held",
    "met_text",
    "outcome_not_yet",
    "tally_time",
    "validate_event",
    "validate_follow_up",
    "validate_one_to_one",
    "window",
]
