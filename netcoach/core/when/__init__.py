"""Read dates, times and lengths the way people type them: "tomorrow 7am", "1 Dec", "1h30".

One module per concept; the public names are re-exported here.

- ``ranges``: what a reading gives back (``When``, ``WhenError``) and the plausible ranges
- ``clock``: a time of day in text, at most one to a text
- ``dates``: a date and optional time, ``parse_when``
- ``lengths``: how long something lasts, or until when, ``parse_length``
- ``words``: moments and lengths in words, for beside a field

Everything here is pure: the caller passes ``now``, so the same text always reads
the same way in tests.
"""

from __future__ import annotations

from netcoach.core.when.dates import (
    MONTHS,
    RELATIVE_DAYS,
    WEEKDAYS,
    YEARLESS_PAST_DAYS,
    parse_when,
)
from netcoach.core.when.lengths import MAX_LENGTH, parse_length
from netcoach.core.when.ranges import (
    ANY_DATE,
    DEADLINE,
    EARLIEST,
    HAPPENED,
    PLANNED,
    TOUCHED,
    DateRange,
    When,
    WhenError,
    touch_default_time,
)
from netcoach.core.when.words import day_in_words, describe_length, describe_when

__all__ = [
    "ANY_DATE",
    "DEADLINE",
    "EARLIEST",
    "HAPPENED",
    "MAX_LENGTH",
    "MONTHS",
    "PLANNED",
    "RELATIVE_DAYS",
    "TOUCHED",
    "WEEKDAYS",
    "YEARLESS_PAST_DAYS",
    "DateRange",
    "When",
    "WhenError",
    "day_in_words",
    "describe_length",
    "describe_when",
    "parse_length",
    "parse_when",
    "touch_default_time",
]
