"""Reasons to network, GAINS notes, wants and haves, and the rules for a board of advisors."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from netcoach.core.levels import level_name
from netcoach.core.text import plural

# (stored key, what the person reads) for the six reasons a contact can serve.
REASONS: tuple[tuple[str, str], ...] = (
    ("leads", "Leads"),
    ("referral_sources", "Referral sources"),
    ("refer_to", "Trusted people to refer to"),
    ("market_intelligence", "Market intelligence"),
    ("camaraderie", "Camaraderie"),
    ("competitors", "Collaboration with competitors"),
)
REASON_LABELS: dict[str, str] = dict(REASONS)

# (field, label, prompt) for the GAINS notes kept on each contact.
GAINS: tuple[tuple[str, str, str], ...] = (
    ("gains_goals", "Goals", "What they want to achieve"),
    ("gains_accomplishments", "Accomplishments", "What they are proud of"),
    ("gains_interests", "Interests", "What they enjoy outside work"),
    ("gains_networks", "Networks", "Groups and circles they belong to"),
    ("gains_skills", "Skills", "What they are really good at"),
)

WANT_HAVE_KINDS = ("want", "have")
ADVISORS_MIN = 4
ADVISORS_MAX = 6
ADVISOR_MIN_LEVEL = 4
MAX_PHRASE_LENGTH = 200


class ReasonError(ValueError):
    """A reason to network that is not one of the six."""


def check_reason(key: str) -> str:
    if key not in REASON_LABELS:
        raise ReasonError(f"unknown reason to network: {key!r}")
    return key


@dataclass(frozen=True, slots=True)
class WantHave:
    """A short phrase: something a contact (or "me" when contact_id is None) wants or has."""

    id: int
    contact_id: int | None
    kind: str
    phrase: str
    tag: str
    created_at: datetime


@dataclass(frozen=True, slots=True)
class Advisor:
    """One member of the informal board and when they were last consulted."""

    contact_id: int
    name: str
    company: str
    level: int
    last_consulted: datetime | None


def advisor_warnings(advisors: list[Advisor] | tuple[Advisor, ...]) -> list[str]:
    """What to fix on the board: too few, too many, or an advisor below Collaborate."""
    warnings: list[str] = []
    count = len(advisors)
    if count < ADVISORS_MIN:
        warnings.append(
            f"You have {plural(count, 'advisor')}: a useful board has "
            f"{ADVISORS_MIN} to {ADVISORS_MAX}. Flag people you trust from Collaborate or above."
        )
    elif count > ADVISORS_MAX:
        warnings.append(
            f"You have {count} advisors: more than {ADVISORS_MAX} is hard to keep close. "
            "Keep the ones you really consult."
        )
    for advisor in advisors:
        if advisor.level < ADVISOR_MIN_LEVEL:
            warnings.append(
                f"{advisor.name} is an advisor at level {advisor.level} "
                f"{level_name(advisor.level)}: deepen the relationship to Collaborate first."
            )
    return warnings


def consulted_text(last: datetime | date | None, today: date) -> str:
    """When an advisor was last consulted, in words."""
    if last is None:
        return "never consulted"
    day = last.date() if isinstance(last, datetime) else last
    days = (today - day).days
    if days <= 0:
        return "today"
    if days == 1:
        return "yesterday"
    if days < 60:
        return f"{days} days ago"
    return f"{days // 30} months ago"
