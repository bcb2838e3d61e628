"""What the review reads and what it works out, as plain data: ReviewInput and ReviewReport."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal

from netcoach.core.goals import Goal
from netcoach.core.ledger import Money
from netcoach.core.review.period import Period

# (contact id, direction, kind, day, referral status, amount in minor units, currency)
EntryRow = tuple[int, str, str, date, str | None, int | None, str | None]
# (direction, kind, "YYYY-MM", referral status, currency, entries, amount in minor units)
TotalRow = tuple[str, str, str, str | None, str | None, int, int | None]
# (contact id, direction, entries, value)
PersonRow = tuple[int, str, int, float]


@dataclass(frozen=True, slots=True)
class ReviewInput:
    """Everything the review needs for one period, gathered by one repository query.

    ``one_to_ones`` are (starts at, minutes, outcome) and ``events`` (starts at, minutes);
    which of them count as held is decided against ``now`` by ``core.meetings.tally_time``.
    ``people`` may leave out anyone ranked below the fifth giver or receiver (ties kept),
    but never an advisor: the review names no one else.
    """

    period: Period
    totals: tuple[TotalRow, ...]
    people: tuple[PersonRow, ...]
    names: dict[int, str]
    advisor_ids: frozenset[int]
    level_changes: tuple[tuple[int, int | None, int], ...]
    one_to_ones: tuple[tuple[datetime, int, str | None], ...] | None
    events: tuple[tuple[datetime, int], ...] | None
    now: datetime
    goals: tuple[Goal, ...] = ()
    reasons: dict[str, int] | None = None
    level_moves: tuple[int, int] | None = None
    """(ups, downs) already counted from the level changes, in place of ``level_changes``."""


@dataclass(frozen=True, slots=True)
class PersonTally:
    contact_id: int
    name: str
    count: int
    value: float


@dataclass(frozen=True, slots=True)
class ReviewReport:
    period: Period
    has_data: bool
    given: dict[str, int]
    received: dict[str, int]
    given_money: dict[str, int]
    received_money: dict[str, int]
    referrals_received: dict[str, int]
    top_givers: tuple[PersonTally, ...]
    top_receivers: tuple[PersonTally, ...]
    months: tuple[tuple[str, int, int], ...]
    one_to_ones_held: int | None
    objectives_achieved: int | None
    objectives_recorded: int | None
    level_ups: int
    level_downs: int
    hours: float | None
    goals: tuple[Goal, ...]
    reasons: dict[str, int] | None
    advisors: tuple[tuple[str, int, int], ...] = field(default_factory=tuple)
    one_to_one_minutes: int = 0
    event_minutes: int = 0
    events_attended: int | None = None

    @property
    def given_total(self) -> int:
        return sum(self.given.values())

    @property
    def received_total(self) -> int:
        return sum(self.received.values())

    @property
    def achievement_rate(self) -> float | None:
        if not self.objectives_recorded:
            return None
        return (self.objectives_achieved or 0) / self.objectives_recorded

    @property
    def value_per_hour(self) -> dict[str, Money] | None:
        """Business received per hour spent, per currency."""
        if not self.hours:
            return None
        return {
            code: Money(int(Decimal(minor) / Decimal(str(self.hours))), code)
            for code, minor in sorted(self.received_money.items())
        }

    @property
    def referrals_per_hour(self) -> float | None:
        if not self.hours:
            return None
        return sum(self.referrals_received.values()) / self.hours

    def figures(self) -> dict[str, object]:
        """The headline numbers, saved with the review to compare with the next one."""
        return {
            "given": self.given_total,
            "received": self.received_total,
            "given_by_kind": self.given,
            "received_by_kind": self.received,
            "received_money": self.received_money,
            "given_money": self.given_money,
            "one_to_ones_held": self.one_to_ones_held,
            "achievement_rate": self.achievement_rate,
            "level_ups": self.level_ups,
            "level_downs": self.level_downs,
            "hours": self.hours,
        }
