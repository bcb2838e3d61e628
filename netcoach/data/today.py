"""What each Today card reads: one function per card, called by the card on the Today
screen (its ``fetch``) and by ``netcoach today``, so the screen and the shell show the
same data by the same rule.

Each function takes the ``Store`` and only talks to its repositories; call them from a
thread worker (or a command), inside ``store.reading()`` for one connection.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from netcoach.core.goals import Goal
    from netcoach.core.important_dates import ComingDate
    from netcoach.core.ledger import Unreturned
    from netcoach.core.meetings import Event, FollowUp, OneToOne, StillAtIdentify
    from netcoach.core.models import ContactRow
    from netcoach.core.pitch import PitchCard
    from netcoach.core.review import ReviewDue
    from netcoach.core.today_text import TextCard
    from netcoach.data.repo import Store

# How many rows each card shows at most.
FOLLOW_UPS_SHOWN = 8
OVERDUE_SHOWN = 8
HELP_BACK_SHOWN = 5
COMING_DATES_SHOWN = 12
IDENTIFY_SHOWN = 5
# "Helped you, not helped back": what was received in the last MONTHS months.
HELP_BACK_MONTHS = 6


def nothing(store: Store) -> None:
    """For a card that shows no data (the first steps on an empty database)."""
    return None


def next_event(store: Store) -> Event | None:
    return store.meetings.next_event()


def pitch_to_use(store: Store) -> tuple[PitchCard | None, bool]:
    """The pitch marked to use next, and whether there are contacts (the card shows no
    "no pitch yet" box on an empty database)."""
    return store.pitches.pitch_card(), store.has_contacts()


def one_to_ones_today(store: Store) -> list[OneToOne]:
    return store.meetings.one_to_ones_on(store.today())


def follow_ups_due(store: Store) -> tuple[list[FollowUp], int]:
    return store.meetings.due_follow_ups(limit=FOLLOW_UPS_SHOWN)


def goals_near(store: Store) -> list[Goal]:
    from netcoach.core.goals import NEAR_DAYS

    today = store.today()
    return [goal for goal in store.ledger.goals() if goal.is_near(today, NEAR_DAYS)]


def coming_dates(store: Store) -> list[ComingDate]:
    """Birthdays and anniversaries from today to two weeks on (Engage and above)."""
    from netcoach.core.important_dates import DAYS_AHEAD

    return store.contacts.coming_dates(store.today(), DAYS_AHEAD)


def review_due(store: Store) -> ReviewDue | None:
    return store.ledger.review_due()


def still_at_identify(store: Store) -> tuple[list[StillAtIdentify], int]:
    return store.contacts.still_at_identify(IDENTIFY_SHOWN)


def overdue_contacts(store: Store) -> tuple[list[ContactRow], int]:
    return store.overdue_contacts(OVERDUE_SHOWN)


def not_helped_back(store: Store) -> tuple[list[Unreturned], int]:
    return store.ledger.not_helped_back_first(HELP_BACK_MONTHS, HELP_BACK_SHOWN)


def level_counts(store: Store) -> dict[int, int]:
    return store.level_counts()


def read_cards(store: Store, cards: Sequence[TextCard]) -> tuple[bool, dict[str, object]]:
    """Whether the database has no contacts, and each card's data by its section, read the
    way the Today screen reads them: on one connection, skipping cards not shown."""
    from importlib import import_module

    data: dict[str, object] = {}
    with store.reading():
        empty = not store.has_contacts()
        for card in cards:
            if card.shown_on(empty):
                module, function = card.fetch.split(":")
                data[card.section] = getattr(import_module(module), function)(store)
    return empty, data
