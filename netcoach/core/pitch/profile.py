"""Who the person is, asked once: the checks, the guide's examples and the pitch card use it."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, fields

# The keys the profile is kept under (beside the guide's own answers).
PROFILE_FIELDS = ("name", "business", "trade", "ideal_referral")

# What each field holds, as a kind of ``netcoach.core.validation.LIMIT_WORDS``: its limit.
PROFILE_LIMIT_KINDS = {
    "name": "name",
    "business": "company",
    "trade": "name",
    "ideal_referral": "line",
}

PROFILE_LABELS = {
    "name": "Your name",
    "business": "Business",
    "trade": "Trade",
    "ideal_referral": "Ideal referral",
}

# Offered while the trade is typed; any other trade may be typed in full.
COMMON_TRADES = (
    "Accountant",
    "Architect",
    "Bookkeeper",
    "Builder",
    "Business coach",
    "Caterer",
    "Cleaner",
    "Copywriter",
    "Electrician",
    "Estate agent",
    "Financial adviser",
    "Florist",
    "Graphic designer",
    "Insurance broker",
    "IT support",
    "Marketing consultant",
    "Mortgage broker",
    "Photographer",
    "Plumber",
    "Printer",
    "Recruiter",
    "Solicitor",
    "Translator",
    "Web developer",
)


@dataclass(frozen=True, slots=True)
class Profile:
    """The person's name, business, trade and ideal referral; any of them may be blank."""

    name: str = ""
    business: str = ""
    trade: str = ""
    ideal_referral: str = ""

    @property
    def is_blank(self) -> bool:
        return not (self.name or self.business or self.trade or self.ideal_referral)

    @property
    def signature(self) -> str:
        """The name and the business between a dot, or whichever is set; blank for neither."""
        return " · ".join(part for part in (self.name, self.business) if part)

    def as_dict(self) -> dict[str, str]:
        return {f.name: getattr(self, f.name) for f in fields(self)}


def tidy_profile(values: dict[str, str]) -> Profile:
    """A profile from typed values: spaces tidied, unknown keys left out."""
    return Profile(**{key: " ".join(str(values.get(key, "")).split()) for key in PROFILE_FIELDS})


def profile_changes(new: Profile, old: Profile | None) -> dict[str, str]:
    """The fields of ``new`` that differ from ``old`` (every field without one)."""
    values = new.as_dict()
    if old is None:
        return values
    before = old.as_dict()
    return {key: value for key, value in values.items() if value != before[key]}


def matching_trade(trade: str, trades: Iterable[str]) -> str | None:
    """The one of ``trades`` that is the person's ``trade``, case and spaces aside."""
    wanted = " ".join(trade.split()).casefold()
    if not wanted:
        return None
    return next((t for t in trades if t.casefold() == wanted), None)
