"""The guide's examples in the person's own trade: built from the check's trade lines and
the profile, for a trade the guide has no examples of its own for (a printer, a plumber)."""

from __future__ import annotations

from netcoach.core.pitch.parts import Example
from netcoach.core.pitch.profile import Profile
from netcoach.core.pitch.trade_examples import trade_example

# What not to say, in any trade: the weak side of each example.
WEAK_LINES = {
    "intro": "Hi, um, I'm Sam, and I sort of do a bit of everything.",
    "who_help": "I can help anyone, really; everybody needs us.",
    "good_at": "We're good at all sorts of things.",
    "different": "We're different because we care, I guess.",
    "example": "Our clients are all very happy with us.",
    "ask": "So if anyone needs us, let me know.",
    "close": "Um, so yeah, that's it really, thanks.",
}


def own_trade_label(profile: Profile) -> str:
    """The trade as the guide's example list names it ("Printer (yours)"); blank for none."""
    trade = " ".join(profile.trade.split())
    return f"{trade[:1].upper()}{trade[1:]} (yours)" if trade else ""


def guide_example(part_key: str, profile: Profile) -> Example:
    """A strong and a weak answer to one part of the guide, in ``profile``'s trade."""
    lines = trade_example(profile.trade)
    name = profile.name or "Sam Lee"
    business = profile.business or "Lee & Co"
    strong = {
        "intro": f"I'm {name} from {business}: {_lower_first(lines.service)}.",
        "who_help": f"{lines.who}.",
        "good_at": f"{lines.service}.",
        "different": f"{lines.different}.",
        "example": f"{lines.story}.",
        "ask": f"This week I'm looking for {lines.ask}.",
        "close": f"{name}, {business}: {lines.hook}.",
    }[part_key]
    return Example(own_trade_label(profile), strong, WEAK_LINES[part_key])


def _lower_first(text: str) -> str:
    """ "We fit boilers" as said after a colon: "we fit boilers" (a name such as "I" kept)."""
    if text[:2] in ("I ", "I'"):
        return text
    return text[:1].lower() + text[1:]
