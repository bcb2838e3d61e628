"""The twice-yearly review, one module per concept; the public names are re-exported here.

What was given and received, time spent, and what to change. ``build_review`` is pure: the
repository gathers one ``ReviewInput`` for a period, and both the Review screen and
``netcoach review`` render the same ``ReviewReport``.

- ``period``: the period a review covers, read from 2026H1 or a range of days
- ``records``: what the review reads (``ReviewInput``) and works out (``ReviewReport``)
- ``build``: working the report out, ``build_review``
- ``markdown``: user text made literal Markdown
- ``decisions``: the decisions a review ends with
- ``report``: the report as Markdown lines, ``report_lines`` and ``to_markdown``

No Textual and no peewee here.
"""

from __future__ import annotations

from netcoach.core.review.build import TOP, build_review, summarise_entries
from netcoach.core.review.decisions import DECISION_FIELDS, DECISION_WIDTH, decisions_lines
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
    "DECISION_FIELDS",
    "DECISION_WIDTH",
    "NAME_WIDTH",
    "TOP",
    "EntryRow",
    "Period",
    "PeriodError",
    "PersonRow",
    "PersonTally",
    "ReviewInput",
    "ReviewReport",
    "TotalRow",
    "build_review",
    "decisions_lines",
    "default_period",
    "half_year",
    "kinds_like",
    "md_text",
    "month_bars",
    "parse_period",
    "report_lines",
    "summarise_entries",
    "to_markdown",
]
