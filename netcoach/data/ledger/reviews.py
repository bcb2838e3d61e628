"""Reviews: everything the twice-yearly review of a period needs, and the saved reviews.

The review rules (``netcoach.core.review``) load on first use, not at start-up.
"""

from __future__ import annotations

import json
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING

from peewee import fn

from netcoach.data.errors import NotFoundError, ValidationError
from netcoach.data.ledger.activity import optional_activity
from netcoach.data.ledger.balances import value_sql
from netcoach.data.ledger.base import LedgerBase
from netcoach.data.ledger.goals import GoalsRepo
from netcoach.data.tables import ReviewRecord
from netcoach.data.values import stored_date

# How many names are read in one statement (SQLite's oldest limit is 999 parameters).
NAMES_AT_ONCE = 500

if TYPE_CHECKING:
    from netcoach.core.goals import Goal, GoalDraft
    from netcoach.core.meetings import FollowUpDraft
    from netcoach.core.review import Period, ReviewDue, ReviewInput


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
        with self.db.connection_context():
            # By day, in the order of the covering index ledger_entry_day, so SQLite groups
            # as it reads instead of sorting every entry; then the days' few thousand groups
            # by month. The months come back as a hundred rows or so: a worker thread that
            # fetches a row at a time waits for the screen being built at every row.
            totals = tuple(
                (direction, kind, month, status, currency, int(count or 0), minor)
                for month, direction, kind, status, currency, count, minor in self.db.execute_sql(
                    "SELECT substr(happened_on, 1, 7), direction, kind, status, currency, "
                    "sum(n), sum(minor) FROM (SELECT happened_on, direction, kind, status, "
                    "currency, count(*) AS n, sum(amount_minor) AS minor FROM ledger_entry "
                    "WHERE happened_on BETWEEN ? AND ? "
                    "GROUP BY happened_on, direction, kind, status, currency) "
                    "GROUP BY 1, direction, kind, status, currency",
                    bounds,
                ).fetchall()
            )
            # "is_advisor = 1" as written in the partial index contact_advisor, so SQLite
            # reads the advisors from it instead of scanning every contact.
            advisors = dict(
                self.db.execute_sql(
                    "SELECT id, name FROM contact WHERE is_advisor = 1 AND archived_at IS NULL"
                ).fetchall()
            )
            people, names = self._people(bounds, advisors)
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

    def _people(
        self, bounds: tuple[str, str], advisors: dict[int, str]
    ) -> tuple[list[tuple[int, str, int, float]], dict[int, str]]:
        """Per person and direction, the entries and their worth in the period: the rows
        that can be among the top givers and receivers, and the advisors' rows; with the
        names of those people.

        A large network has tens of thousands of people with entries in a half-year and
        the review names five of each; the others are left here, so they are neither
        named nor sorted. Every row ranked at least as high as the fifth is kept, ties
        included, so ``build_review`` picks the same five as from every row.
        """
        from netcoach.core.review import TOP

        # Grouped in the order of the covering index ledger_entry_person (migration 8), so
        # the groups come out as SQLite reads them; the planner would otherwise sort them.
        # The fifth of each direction is found in SQL too, so only the rows kept (a few,
        # and the advisors') reach Python, not one for each of tens of thousands of people.
        fifth = (
            "SELECT * FROM (SELECT direction, worth, n FROM g WHERE direction = '{0}' "
            "ORDER BY worth DESC, n DESC LIMIT 1 OFFSET {1})"
        )
        rows = self.db.execute_sql(
            "WITH g AS MATERIALIZED (SELECT contact_id, direction, count(*) AS n, "
            f"sum({value_sql()}) AS worth FROM ledger_entry INDEXED BY ledger_entry_person "
            "WHERE happened_on BETWEEN ? AND ? GROUP BY contact_id, direction), "
            f"fifth AS ({fifth.format('given', TOP - 1)} "
            f"UNION ALL {fifth.format('received', TOP - 1)}) "
            "SELECT g.contact_id, g.direction, g.n, g.worth FROM g "
            "LEFT JOIN fifth f ON f.direction = g.direction "
            "WHERE f.direction IS NULL OR (g.worth, g.n) >= (f.worth, f.n) "
            "OR g.contact_id IN (SELECT id FROM contact WHERE is_advisor = 1 "
            "AND archived_at IS NULL)",
            bounds,
        ).fetchall()
        people = [(cid, direction, count, float(worth)) for cid, direction, count, worth in rows]
        names = dict(advisors)
        unnamed = list({cid for cid, *_rest in people if cid not in names})
        for at in range(0, len(unnamed), NAMES_AT_ONCE):
            chunk = unnamed[at : at + NAMES_AT_ONCE]
            names.update(
                self.db.execute_sql(
                    f"SELECT id, name FROM contact WHERE id IN ({','.join('?' * len(chunk))})",
                    chunk,
                ).fetchall()
            )
        if any(cid not in names for cid, *_rest in people):
            # Entries of a contact that is not there (only without foreign keys): leave
            # them out as the join did, ranking everyone else.
            return self._everyone(bounds, advisors)
        return people, names

    def _everyone(
        self, bounds: tuple[str, str], advisors: dict[int, str]
    ) -> tuple[list[tuple[int, str, int, float]], dict[int, str]]:
        """Every person's row of the period, with every name (see ``_people``)."""
        people = []
        names: dict[int, str] = {}
        for cid, name, direction, count, worth in self.db.execute_sql(
            "SELECT g.contact_id, c.name, g.direction, g.n, g.worth FROM ("
            f"SELECT contact_id, direction, count(*) AS n, sum({value_sql()}) AS worth "
            "FROM ledger_entry INDEXED BY ledger_entry_person "
            "WHERE happened_on BETWEEN ? AND ? "
            "GROUP BY contact_id, direction) AS g JOIN contact c ON c.id = g.contact_id",
            bounds,
        ):
            people.append((cid, direction, count, float(worth)))
            names[cid] = name
        names.update(advisors)
        return people, names

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

    def last_saved_review(self) -> SavedReview | None:
        """The review saved last, whatever its period."""
        with self.db.connection_context():
            record = (
                ReviewRecord.select()
                .order_by(ReviewRecord.saved_at.desc(), ReviewRecord.id.desc())
                .first()
            )
            return self._review(record) if record else None

    def review_due(self) -> ReviewDue | None:
        """When the next review is due (``core.review.review_due``), or None when there is
        nothing to review yet."""
        from netcoach.core.review import review_due

        with self.db.connection_context():
            last = self.last_saved_review()
            first = self.db.execute_sql("SELECT min(happened_on) FROM ledger_entry").fetchone()[0]
        return review_due(
            last.saved_at.date() if last else None,
            last.period_end if last else None,
            stored_date(first) if first else None,
            self.now().date(),
        )

    def decision_contact(self, name: str) -> tuple[int, str, int] | None:
        """The one contact (id, name, level) whose name is ``name``, ignoring case and
        spaces; None when no contact, or more than one, has that name."""
        wanted = " ".join(name.split())
        if not wanted:
            return None
        with self.db.connection_context():
            rows = self.db.execute_sql(
                "SELECT id, name, level FROM contact WHERE archived_at IS NULL "
                "AND name = ? COLLATE NOCASE LIMIT 2",
                (wanted,),
            ).fetchall()
        return (int(rows[0][0]), str(rows[0][1]), int(rows[0][2])) if len(rows) == 1 else None

    def goal_from_decision(self, review_id: int, index: int, draft: GoalDraft) -> Goal:
        """Add the goal a saved decision became, and mark the decision with it, at once."""
        with self.db.connection_context(), self.db.atomic("IMMEDIATE"):
            items = self._decision_items(review_id, index)
            goal = GoalsRepo(self.db, self.clock).add_goal(draft)
            self._mark_decision(review_id, items, index, f"goal {goal.id}")
        return goal

    def follow_up_from_decision(self, review_id: int, index: int, draft: FollowUpDraft) -> int:
        """Add the follow-up a saved decision became, and mark the decision with it, at
        once; returns the follow-up's id."""
        from netcoach.data.meetings.follow_ups import add_follow_ups, check_follow_ups
        from netcoach.data.tables import FollowUpRecord

        with self.db.connection_context(), self.db.atomic("IMMEDIATE"):
            items = self._decision_items(review_id, index)
            check_follow_ups([draft])
            add_follow_ups([draft], self.now())
            follow_up_id = int(FollowUpRecord.select(fn.MAX(FollowUpRecord.id)).scalar())
            self._mark_decision(review_id, items, index, f"follow-up {follow_up_id}")
        return follow_up_id

    def _decision_items(self, review_id: int, index: int) -> list[object]:
        """The saved review's items, checked that ``index`` is a decision not yet turned
        into anything."""
        from netcoach.core.review import BECAME, is_decision

        record = ReviewRecord.get_or_none(ReviewRecord.id == review_id)
        if record is None:
            raise NotFoundError(f"no review with id {review_id}")
        items = self._review(record).decisions
        if not 0 <= index < len(items) or not is_decision(items[index]):
            raise NotFoundError(f"no decision {index} in review {review_id}")
        if items[index].get(BECAME):  # type: ignore[union-attr]
            raise ValidationError({"decision": f"It became {items[index][BECAME]} already."})  # type: ignore[index]
        return list(items)

    @staticmethod
    def _mark_decision(review_id: int, items: list[object], index: int, became: str) -> None:
        from netcoach.core.review import BECAME

        decision = dict(items[index])  # type: ignore[call-overload]
        decision[BECAME] = became
        items[index] = decision
        ReviewRecord.update(decisions=json.dumps(items)).where(
            ReviewRecord.id == review_id
        ).execute()

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
