"""Who the person is, asked once: the checks, the guide's examples and the pitch card use it."""

from __future__ import annotations

from dataclasses import dataclass

# The keys the profile is kept under (beside the guide's own answers).
PROFILE_FIELDS = ("name", "business", "trade", "ideal_referral")


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
