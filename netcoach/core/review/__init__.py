"""The twice-yearly review, one module per concept; the public names are re-exported here.

What was given and received, time spent, and what to change. ``build_review`` is pure: the
repository gathers one ``ReviewInput`` for a period, and both the Review screen and
``netcoach review`` render the same ``ReviewReport``.

- ``period``: the period a review covers, read from 2026H1 or a range of days
- ``records``: what the review reads (``ReviewInput``) and works out (``ReviewReport``)
- ``build``: working the report out, ``build_review``
- ``markdown``: user text made literal Markdown
- ``decisions``: the decisions a review ends with, and what came of last time's
- ``due``: when the next review is due, and the period it should cover
- ``report``: the report as Markdown lines, ``report_lines`` and ``to_markdown``

No Textual and no peewee here.
"""

from __future__ import annotations

from netcoach.core.review.build import TOP, build_review, summarise_entries
from netcoach.core.review.decisions import (
    BECAME,
    CAME_OF_IT_WIDTH,
    DECISION_FIELDS,
    DECISION_WIDTH,
    LOOKED_BACK,
    OUTCOMES,
    became_label,
    decision_text,
    decisions_lines,
    decisions_of,
    is_decision,
    is_look_back,
    look_back,
    look_back_text,
    look_backs_of,
)
from netcoach.core.review.due import (
    SOON_DAYS,
    ReviewDue,
    ReviewDueState,
    add_months,
    day_text,
    due_line,
    period_to_review,
    review_due,
)
from netcoach.core.review.markdown import NAME_WIDTH, md_text
from netcoach.core.review.period import Period, PeriodError, default_period, half_year, parse_period
from netcoach.core.review.records import (
    EntryRow,
    PersonRow,
    PersonTally,
    ReviewInput,
    ReviewReport,
    TotalRow,
)
from netcoach.core.review.report import kinds_like, month_bars, report_lines, to_markdown

__all__ = [
    "BECAME",
    "CAME_OF_IT_WIDTH",
    "DECISION_FIELDS",
    "DECISION_WIDTH",
    "LOOKED_BACK",
    "NAME_WIDTH",
    "OUTCOMES",
    "SOON_DAYS",
    "TOP",
    "EntryRow",
    "Period",
    "PeriodError",
    "PersonRow",
    "PersonTally",
    "ReviewDue",
    "ReviewDueState",
    "ReviewInput",
    "ReviewReport",
    "TotalRow",
    "add_months",
    "became_label",
    "build_review",
    "day_text",
    "decision_text",
    "decisions_lines",
    "decisions_of",
    "default_period",
    "due_line",
    "half_year",
    "is_decision",
    "is_look_back",
    "kinds_like",
    "look_back",
    "look_back_text",
    "look_backs_of",
    "md_text",
    "month_bars",
    "parse_period",
    "period_to_review",
    "report_lines",
    "review_due",
    "summarise_entries",
    "to_markdown",
]
