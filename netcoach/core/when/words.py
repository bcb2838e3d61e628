"""Moments and lengths in words, for beside a field: "Tue 24 Nov 2026, 07:00 (tomorrow)"."""

from __future__ import annotations

from datetime import date, datetime, timedelta


def describe_when(moment: datetime, now: datetime, has_time: bool = True) -> str:
    """A moment in words for beside a field: 'Tue 24 Nov 2026, 07:00 (tomorrow)'."""
    text = f"{moment:%a} {moment.day} {moment:%b %Y}"
    if has_time:
        text += f", {moment:%H:%M}"
    delta = (moment.date() - now.date()).days
    relative = {0: "today", 1: "tomorrow", -1: "yesterday"}.get(delta)
    if relative is None:
        relative = f"in {delta} days" if delta > 0 else f"{-delta} days ago"
    return f"{text} ({relative})"


def day_in_words(moment: datetime | date | None, today: date) -> str:
    """A calm relative date: 'today', '3 days ago', 'in 5 days', or the date itself."""
    if moment is None:
        return "never"
    day = moment.date() if isinstance(moment, datetime) else moment
    delta = (day - today).days
    if delta == 0:
        return "today"
    if delta == -1:
        return "yesterday"
    if delta == 1:
        return "tomorrow"
    if -60 < delta < 0:
        return f"{-delta} days ago"
    if 0 < delta < 60:
        return f"in {delta} days"
    return day.strftime("%d %b %Y")


def describe_length(length: timedelta) -> str:
    """'45 min', '1 h', '1 h 30 min'."""
    minutes = round(length.total_seconds() / 60)
    hours, minutes = divmod(minutes, 60)
    if hours and minutes:
        return f"{hours} h {minutes} min"
    if hours:
        return f"{hours} h"
    return f"{minutes} min"
