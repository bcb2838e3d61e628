"""Goals: a target and a deadline, with progress counted from the ledger, introductions,
levels or one-to-ones, or kept by hand.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime, time

from netcoach.core.goals import Goal, GoalDraft, validate_goal
from netcoach.core.merge import merged
from netcoach.core.when import DEADLINE, WhenError
from netcoach.data.errors import NotFoundError, ValidationError
from netcoach.data.ledger.activity import optional_activity
from netcoach.data.ledger.base import LedgerBase
from netcoach.data.tables import ContactRecord, GoalRecord, IntroductionRecord, LedgerEntryRecord
from netcoach.data.values import stored_date


def goal_values(draft: GoalDraft) -> dict[str, object]:
    """The goal's columns as a person sets them in the goal form."""
    return {
        "title": draft.title.strip(),
        "metric": draft.metric,
        "kind": draft.kind,
        "target": draft.target,
        "starts_on": draft.starts_on,
        "deadline": draft.deadline,
    }


class GoalsRepo(LedgerBase):
    """Time-bound networking goals, with progress computed from the data where it can be."""

    def _goal_errors(self, draft: GoalDraft) -> dict[str, str]:
        errors = validate_goal(draft)
        try:
            DEADLINE.check(datetime.combine(draft.deadline, time()), self.clock())
        except WhenError as error:
            errors.setdefault("deadline", str(error))
        return errors

    def add_goal(self, draft: GoalDraft) -> Goal:
        errors = self._goal_errors(draft)
        if errors:
            raise ValidationError(errors)
        with self.db.connection_context(), self.db.atomic("IMMEDIATE"):
            record = GoalRecord.create(**goal_values(draft), created_at=self.now())
        return next(g for g in self.goals() if g.id == record.id)

    def update_goal(self, goal_id: int, draft: GoalDraft) -> Goal:
        """Change what a goal is (its progress kept by hand stays); returns it as it now is."""
        errors = self._goal_errors(draft)
        if errors:
            raise ValidationError(errors)
        with self.db.connection_context(), self.db.atomic("IMMEDIATE"):
            changed = (
                GoalRecord.update(**goal_values(draft))
                .where((GoalRecord.id == goal_id) & GoalRecord.archived_at.is_null())
                .execute()
            )
            if not changed:
                raise NotFoundError(f"no goal with id {goal_id}")
        return next(g for g in self.goals() if g.id == goal_id)

    def save_goal_changes(
        self, goal_id: int, opened: Mapping[str, object], changes: Mapping[str, object]
    ) -> Goal:
        """Write only ``changes`` (fields of ``GoalDraft``) to a goal; a field another copy
        changed since the form opened and changed here too raises ``RecordChanged``."""
        with self.db.connection_context(), self.db.atomic("IMMEDIATE"):
            record = GoalRecord.get_or_none(
                (GoalRecord.id == goal_id) & GoalRecord.archived_at.is_null()
            )
            if record is None:
                raise NotFoundError(f"no goal with id {goal_id}")
            current: dict[str, object] = {
                "title": record.title,
                "metric": record.metric,
                "target": record.target,
                "starts_on": stored_date(record.starts_on),
                "deadline": stored_date(record.deadline),
                "kind": record.kind,
            }
            values = merged(opened, current, changes)
            return self.update_goal(goal_id, GoalDraft(**values))  # type: ignore[arg-type]

    def set_goal_progress(self, goal_id: int, progress: int) -> None:
        if not 0 <= progress <= 1_000_000:
            raise ValidationError({"progress": "Progress is a whole number from 0."})
        with self.db.connection_context(), self.db.atomic("IMMEDIATE"):
            GoalRecord.update(manual_progress=progress).where(GoalRecord.id == goal_id).execute()

    def goals(self, include_archived: bool = False) -> list[Goal]:
        """Every goal with its progress, computed from the data where the goal is tied to it."""
        with self.db.connection_context():
            query = GoalRecord.select()
            if not include_archived:
                query = query.where(GoalRecord.archived_at.is_null())
            records = list(query.order_by(GoalRecord.deadline, GoalRecord.id))
            return [
                Goal(
                    id=r.id,
                    title=r.title,
                    metric=r.metric,
                    kind=r.kind,
                    target=r.target,
                    starts_on=stored_date(r.starts_on),
                    deadline=stored_date(r.deadline),
                    progress=self._progress(r),
                )
                for r in records
            ]

    def _progress(self, goal: GoalRecord) -> int | None:
        start, end = stored_date(goal.starts_on), stored_date(goal.deadline)
        if goal.metric == "manual":
            return int(goal.manual_progress)
        if goal.metric in ("given", "received"):
            query = LedgerEntryRecord.select().where(
                (LedgerEntryRecord.direction == goal.metric)
                & (LedgerEntryRecord.happened_on.between(start, end))
            )
            if goal.kind:
                query = query.where(LedgerEntryRecord.kind == goal.kind)
            return int(query.count())
        if goal.metric == "introductions":
            return int(
                IntroductionRecord.select()
                .where(
                    (IntroductionRecord.state == "introduced")
                    & IntroductionRecord.introduced_on.between(start, end)
                )
                .count()
            )
        if goal.metric == "level4_contacts":
            return int(
                ContactRecord.select()
                .where((ContactRecord.level >= 4) & ContactRecord.archived_at.is_null())
                .count()
            )
        if goal.metric == "one_to_ones":
            from netcoach.core.meetings import tally_time

            one_to_ones, _events, _reasons = optional_activity(self.db, start, end)
            if one_to_ones is None:
                return None
            return tally_time(one_to_ones, (), self.clock(), start, end).held
        return None
