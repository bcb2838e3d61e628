"""Times of day in text: "7am", "7:30", "19h15", "noon"; at most one to a text."""

from __future__ import annotations

import re
from datetime import time

from netcoach.core.when.ranges import WhenError

TIME_AMPM = re.compile(r"\b(\d{1,2})(?:[:.](\d{2}))?\s*(am|pm)\b")
TIME_24H = re.compile(r"\b(\d{1,2})[:h](\d{2})\b")
TIME_WORDS = re.compile(r"\b(noon|midday|midnight)\b")


def take_time(text: str) -> tuple[time | None, str]:
    """Find one time of day in ``text``; return it and the text without it."""
    for pattern in (TIME_AMPM, TIME_24H, TIME_WORDS):
        found = pattern.search(text)
        if found is None:
            continue
        clock = _time_from(found)
        rest = (text[: found.start()] + " " + text[found.end() :]).strip()
        if _take_time_anywhere(rest):
            raise WhenError(f"Two times in “{text}”: type just one.")
        return clock, rest
    return None, text


def _take_time_anywhere(text: str) -> bool:
    return any(p.search(text) for p in (TIME_AMPM, TIME_24H, TIME_WORDS))


def _time_from(found: re.Match[str]) -> time:
    groups = found.groups()
    if groups[0] in ("noon", "midday"):
        return time(12, 0)
    if groups[0] == "midnight":
        return time(0, 0)
    hour = int(groups[0])
    minute = int(groups[1] or 0)
    if len(groups) > 2 and groups[2]:
        if not 1 <= hour <= 12:
            raise WhenError(f"“{found.group(0)}” is not a time: with am or pm, use 1 to 12.")
        hour = hour % 12 + (12 if groups[2] == "pm" else 0)
    if hour > 23 or minute > 59:
        raise WhenError(f"“{found.group(0)}” is not a time of day.")
    return time(hour, minute)
