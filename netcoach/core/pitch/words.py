"""Counting a script's spoken words and saying a duration as m:ss."""

from __future__ import annotations

import re

DEFAULT_WPM = 130

# A word is a run of letters or digits, joined by hyphens, apostrophes, or the dots and
# commas inside numbers and abbreviations ("well-known", "don't", "1,000", "3.5", "e.g").
WORD_PATTERN = re.compile(r"[^\W_]+(?:[-'\u2019.,][^\W_]+)*")


def count_words(text: str) -> int:
    """How many spoken words the text has; punctuation on its own is not a word."""
    return sum(1 for _ in WORD_PATTERN.finditer(text))


def estimate_seconds(words: int, wpm: float = DEFAULT_WPM) -> float:
    """Seconds it takes to say ``words`` at ``wpm`` words per minute."""
    if words <= 0:
        return 0.0
    return words * 60.0 / max(1.0, wpm)


def format_duration(seconds: float) -> str:
    """``m:ss`` for a non-negative number of seconds (rounded down)."""
    whole = max(0, int(seconds))
    return f"{whole // 60}:{whole % 60:02d}"
