"""The time limit of a pitch and the day of its event (the day not to rewrite it)."""

from __future__ import annotations

from datetime import date

DEFAULT_LIMIT_SECONDS = 60
MIN_LIMIT_SECONDS = 15
MAX_LIMIT_SECONDS = 180


def parse_limit(text: str) -> tuple[int | None, str | None]:
    """Read a time limit in seconds (15 to 180). Returns (seconds, error)."""
    value = text.strip().removesuffix("s").strip()
    if not value:
        return None, f"Give a time limit from {MIN_LIMIT_SECONDS} to {MAX_LIMIT_SECONDS} seconds."
    if not value.isdigit():
        return None, "The time limit is a whole number of seconds, for example 60."
    seconds = int(value)
    if not MIN_LIMIT_SECONDS <= seconds <= MAX_LIMIT_SECONDS:
        return None, (
            f"The time limit must be from {MIN_LIMIT_SECONDS} to {MAX_LIMIT_SECONDS} seconds."
        )
    return seconds, None


def parse_event_day(text: str) -> tuple[date | None, str | None]:
    """Read an optional event date as YYYY-MM-DD; blank means no event. Returns (day, error)."""
    value = text.strip()
    if not value:
        return None, None
    try:
        return date.fromisoformat(value), None
    except ValueError:
        return None, "Write the event date as YYYY-MM-DD, or leave it blank."


def is_last_minute(event_day: date | None, today: date) -> bool:
    """True on the day of the event the pitch is marked for: the day not to change it."""
    return event_day is not None and event_day == today


# What the pitch card and the brief say on the way to the event the pitch is for.
REHEARSE_NOT_REWRITE = "rehearse it, don't rewrite it"

LAST_MINUTE_REASON = (
    "This is the pitch for today's event. A pitch changed on the day is rarely better: "
    "you have rehearsed the old one. Save the change anyway? (The previous version is kept.)"
)
