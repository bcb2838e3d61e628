"""The decisions a review ends with: what to change, how, with whom, where and when.

A saved review keeps its decisions as one JSON list. Besides the decisions
themselves (``{"what": …, "how": …, "with_whom": …, "where": …, "when": …}``) the
list may hold, with no change to the table:

- on a decision, ``"became": "goal 12"`` or ``"follow-up 7"``, once it was turned into
  that goal or follow-up (so it is not offered twice);
- look-backs, one per decision of the previous review, saved with the next review:
  ``{"looked_back": <that decision's what>, "from": "2026H1", "outcome": "done",
  "came_of_it": "Two referrals given"}``. An item with ``looked_back`` is a look-back,
  never a decision.

Lists saved before these keys existed read as they always did.
"""

from __future__ import annotations

from typing import Any

from netcoach.core.review.markdown import md_text

DECISION_FIELDS = (
    ("what", "What to change"),
    ("how", "How"),
    ("with_whom", "With whom"),
    ("where", "Where"),
    ("when", "When"),
)

DECISION_WIDTH = 300
CAME_OF_IT_WIDTH = 300

LOOKED_BACK = "looked_back"
BECAME = "became"
# What came of a decision, as chosen beside "What came of it?".
OUTCOMES = ("done", "partly", "not done")


def is_look_back(item: object) -> bool:
    return isinstance(item, dict) and LOOKED_BACK in item


def is_decision(item: object) -> bool:
    return isinstance(item, dict) and LOOKED_BACK not in item


def decisions_of(items: list[Any]) -> list[tuple[int, dict[str, Any]]]:
    """The decisions among saved items, each with its place in the list."""
    return [(index, item) for index, item in enumerate(items) if is_decision(item)]


def look_backs_of(items: list[Any]) -> list[dict[str, Any]]:
    return [item for item in items if is_look_back(item)]


def look_back(
    decision: dict[str, Any], label: str, outcome: str, came_of_it: str
) -> dict[str, str]:
    """What came of one of last time's decisions, as saved with the next review."""
    return {
        LOOKED_BACK: str(decision.get("what", "")),
        "from": label,
        "outcome": outcome if outcome in OUTCOMES else "",
        "came_of_it": " ".join(came_of_it.split())[:CAME_OF_IT_WIDTH],
    }


def became_label(decision: dict[str, Any]) -> str:
    """ "goal" or "follow-up" once the decision was turned into one, else ""."""
    became = str(decision.get(BECAME, "") or "")
    return became.split(" ")[0] if became else ""


def decision_text(decision: dict[str, Any], width: int | None = None) -> str:
    """The decision's fields in one line: "What to change: …; With whom: …"."""
    return "; ".join(
        f"{label}: {_field(decision, key, width)}"
        for key, label in DECISION_FIELDS
        if str(decision.get(key, "")).strip()
    )


def look_back_text(item: dict[str, Any]) -> str:
    """One look-back in a line: "Give two referrals — done: Both given in March"."""
    outcome = str(item.get("outcome", "") or "")
    came = str(item.get("came_of_it", "") or "").strip()
    said = ": ".join(part for part in (outcome, came) if part) or "nothing noted"
    return f"{item.get(LOOKED_BACK, '')} — {said}"


def _field(decision: dict[str, Any], key: str, width: int | None) -> str:
    value = str(decision.get(key, ""))
    return md_text(value, width) if width is not None else value


def decisions_lines(items: list[Any]) -> list[str]:
    """The decisions, and what came of last time's, as Markdown (after the report)."""
    out: list[str] = []
    decisions = decisions_of(items)
    if decisions:
        out += ["", "## Decisions", ""]
        for number, (_index, decision) in enumerate(decisions, 1):
            line = f"{number}. " + decision_text(decision, DECISION_WIDTH)
            became = str(decision.get(BECAME, "") or "")
            if became:
                line += f" (became {md_text(became, 40)})"
            out.append(line)
    backs = look_backs_of(items)
    if backs:
        label = str(backs[0].get("from", "") or "")
        heading = "What came of last time's decisions"
        out += ["", f"## {heading}" + (f" ({md_text(label, 40)})" if label else ""), ""]
        for number, item in enumerate(backs, 1):
            outcome = str(item.get("outcome", "") or "")
            came = str(item.get("came_of_it", "") or "").strip()
            said = ": ".join(
                part for part in (outcome, md_text(came, CAME_OF_IT_WIDTH) if came else "") if part
            )
            what = md_text(str(item.get(LOOKED_BACK, "")), DECISION_WIDTH)
            out.append(f"{number}. {what} — {said or 'nothing noted'}")
    return out
