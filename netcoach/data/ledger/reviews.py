"""Reviews: everything the twice-yearly review of a period needs, and the saved reviews.

The review rules (``netcoach.core.review``) load on first use, not at start-up.
"""

from __future__ import annotations

import json
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING

from netcoach.data.ledger.activity import optional_activity
from netcoach.data.ledger.balances import value_sql
from netcoach.data.ledger.base import LedgerBase
from netcoach.data.ledger.goals import GoalsRepo
from netcoach.data.tables import ReviewRecord
from netcoach.data.values import stored_date

if TYPE_CHECKING:
    from netcoach.core.review import Period, ReviewInput


class SavedReview:
    """A review as saved: the period, its headline figures and the decisions written down."""

    __slots__ = ("decisions", "figures", "id", "label", "period_end", "period_start", "saved_at")

    def __init__(
        self,
        id: int,
        label: str,
        period_start: date,
        period_end: date,
        figures: dict[str, object],
        decisions: list[dict[str, str]],
        saved_at: datetime,
    ) -> None:
        self.id = id
        self.label = label
        self.period_start = period_start
        self.period_end = period_end
        self.figures = figures
        self.decisions = decisions
        self.saved_at = saved_at


class ReviewsRepo(LedgerBase):
    """What the review of a period reads, and the reviews saved with their decisions."""

    def review_input(self, period: Period) -> ReviewInput:
        """Everything the review of ``period`` needs, in one pass over the database."""
        from netcoach.core.review import ReviewInput

        start, end = period.start, period.end
        bounds = (start.isoformat(), end.isoformat())
        value = value_sql()
        with self.db.connection_context():
            # By day, in the order of the covering index ledger_entry_day, so SQLite groups
            # as it reads instead of sorting every entry; the days are folded into months here.
            months: dict[tuple[str, str, str, str | None, str | None], list[int | None]] = {}
            for day, direction, kind, status, currency, count, minor in self.db.execute_sql(
                "SELECT happened_on, direction, kind, status, currency, count(*), "
                "sum(amount_minor) FROM ledger_entry WHERE happened_on BETWEEN ? AND ? "
                "GROUP BY happened_on, direction, kind, status, currency",
                bounds,
            ):
                total = months.setdefault((direction, kind, day[:7], status, currency), [0, None])
                total[0] = (total[0] or 0) + count
                if minor is not None:
                    total[1] = (total[1] or 0) + minor
            totals = tuple((*key, int(t[0] or 0), t[1]) for key, t in months.items())
            # In the order of the covering index ledger_entry_person (migration 8), so the
            # groups come out as SQLite reads them; the planner would otherwise sort them.
            people = []
            names: dict[int, str] = {}
            for cid, name, direction, count, worth in self.db.execute_sql(
                "SELECT g.contact_id, c.name, g.direction, g.n, g.worth FROM ("
                f"SELECT contact_id, direction, count(*) AS n, sum({value}) AS worth "
                "FROM ledger_entry INDEXED BY ledger_entry_person "
                "WHERE happened_on BETWEEN ? AND ? "
                "GROUP BY contact_id, direction) AS g JOIN contact c ON c.id = g.contact_id",
                bounds,
            ):
                people.append((cid, direction, count, float(worth)))
                names[cid] = name
            # "is_advisor = 1" as written in the partial index contact_advisor, so SQLite
            # reads the advisors from it instead of scanning every contact.
            advisors = dict(
                self.db.execute_sql(
                    "SELECT id, name FROM contact WHERE is_advisor = 1 AND archived_at IS NULL"
                ).fetchall()
            )
            names.update(advisors)
            # Counted here: only the number of moves up and down is reported, and a large
            # network makes tens of thousands of level changes in half a year.
            ups, downs = self.db.execute_sql(
                "SELECT coalesce(sum(to_level > from_level), 0), "
                "coalesce(sum(to_level < from_level), 0) FROM level_change "
                "WHERE changed_at >= ? AND changed_at < ? AND from_level IS NOT NULL",
                (start.isoformat(), (end + timedelta(days=1)).isoformat()),
            ).fetchone()
            one_to_ones, events, reasons = optional_activity(self.db, start, end)
        goals = tuple(
            g
            for g in GoalsRepo(self.db, self.clock).goals()
            if g.starts_on <= end and g.deadline >= start
        )
        return ReviewInput(
            period=period,
            totals=totals,
            people=tuple(people),
            names=names,
            advisor_ids=frozenset(advisors),
            level_changes=(),
            level_moves=(int(ups or 0), int(downs or 0)),
            one_to_ones=one_to_ones,
            events=events,
            now=self.now(),
            goals=goals,
            reasons=reasons,
        )

    def save_review(
        self, period: Period, figures: dict[str, object], decisions: list[dict[str, str]]
    ) -> SavedReview:
        with self.db.connection_context(), self.db.atomic("IMMEDIATE"):
            record = ReviewRecord.create(
                label=period.label,
                period_start=period.start,
                period_end=period.end,
                figures=json.dumps(figures, sort_keys=True, default=str),
                decisions=json.dumps(decisions),
                saved_at=self.now(),
            )
        return self._review(record)

    def saved_reviews(self, limit: int = 20) -> list[SavedReview]:
        with self.db.connection_context():
            return [
                self._review(r)
                for r in ReviewRecord.select()
                .order_by(ReviewRecord.saved_at.desc(), ReviewRecord.id.desc())
                .limit(limit)
            ]

    def saved_review_of(self, period: Period) -> SavedReview | None:
        """The latest saved review of exactly this period."""
        with self.db.connection_context():
            record = (
                ReviewRecord.select()
                .where(
                    (ReviewRecord.period_start == period.start)
                    & (ReviewRecord.period_end == period.end)
                )
                .order_by(ReviewRecord.saved_at.desc(), ReviewRecord.id.desc())
                .first()
            )
            return self._review(record) if record else None

    def previous_review(self, before: date) -> SavedReview | None:
        """The latest saved review of a period that ended before ``before``."""
        with self.db.connection_context():
            record = (
                ReviewRecord.select()
                .where(ReviewRecord.period_end < before)
                .order_by(ReviewRecord.period_end.desc(), ReviewRecord.saved_at.desc())
                .first()
            )
            return self._review(record) if record else None

    @staticmethod
    def _review(record: ReviewRecord) -> SavedReview:
        try:
            figures = json.loads(record.figures)
            decisions = json.loads(record.decisions)
        except ValueError:
            figures, decisions = {}, []
        return SavedReview(
            id=record.id,
            label=record.label,
            period_start=stored_date(record.period_start),
            period_end=stored_date(record.period_end),
            figures=figures if isinstance(figures, dict) else {},
            decisions=decisions if isinstance(decisions, list) else [],
            saved_at=record.saved_at,
        )
