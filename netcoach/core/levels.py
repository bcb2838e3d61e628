"""The five relationship levels and what to do to move a contact up one."""

from __future__ import annotations

from dataclasses import dataclass

MIN_LEVEL = 1
MAX_LEVEL = 5
KEY_CONTACT_TARGET = 3


@dataclass(frozen=True, slots=True)
class Level:
    number: int
    name: str
    meaning: str
    next_step: str


LEVELS: tuple[Level, ...] = (
    Level(
        1,
        "Identify",
        "You know of them, or you have met once.",
        "Make yourself known: at the next meeting ask what a good week looks like for them, "
        "remember one thing you have in common, and use their name when you say goodbye.",
    ),
    Level(
        2,
        "Connect",
        "You recognise each other and chat at meetings.",
        "Book a one-to-one with a stated objective: learn who their ideal client is, which "
        "problem they solve best, and how you would recognise a good referral for them.",
    ),
    Level(
        3,
        "Engage",
        "You have had a real one-to-one and know each other's business.",
        "Give before you get: pass them a referral, an introduction or useful market news, "
        "then tell them clearly what a good referral for you looks like.",
    ),
    Level(
        4,
        "Collaborate",
        "You actively help each other with referrals and introductions.",
        "Keep the exchange two-way and regular: review what you gave and received, ask them "
        "to be a sounding board, and introduce them to someone in your own inner circle.",
    ),
    Level(
        5,
        "Inner circle",
        "A trusted advocate; your informal board comes from here.",
        "Stay close: consult them before big decisions, consider them for your board of "
        "advisors, and thank them in kind, not only in words.",
    ),
)


class LevelError(ValueError):
    """A relationship level outside 1 to 5."""


def check_level(value: object) -> int:
    """Return ``value`` as a level number, or raise LevelError saying what is wrong."""
    if isinstance(value, bool):
        raise LevelError(f"level must be a whole number from 1 to 5, not {value!r}")
    try:
        number = int(str(value).strip()) if not isinstance(value, int) else value
    except ValueError:
        raise LevelError(f"level must be a whole number from 1 to 5, not {value!r}") from None
    if not MIN_LEVEL <= number <= MAX_LEVEL:
        raise LevelError(f"level must be from 1 to 5, not {number}")
    return number


def level_info(number: int) -> Level:
    """Return the Level for a number from 1 to 5."""
    return LEVELS[check_level(number) - 1]


def level_name(number: int) -> str:
    return level_info(number).name


class LevelBoundError(LevelError):
    """A move past the first or the top level; the message names the level it stays at."""


def level_after(level: int, step: int) -> int:
    """The level ``step`` away from ``level`` (+1 up, -1 down), or LevelBoundError past 1 or 5."""
    current = check_level(level)
    wanted = current + step
    if wanted > MAX_LEVEL:
        raise LevelBoundError(f"already at the top level, {level_name(current)}")
    if wanted < MIN_LEVEL:
        raise LevelBoundError(f"already at the first level, {level_name(current)}")
    return wanted


def change_reason(text: str) -> str:
    """A level change's reason as it is kept: one line, runs of spaces made one; "" if blank."""
    return " ".join(text.split())
