"""The decisions a review ends with: what to change, how, with whom, where and when."""

from __future__ import annotations

from netcoach.core.review.markdown import md_text

DECISION_FIELDS = (
    ("what", "What to change"),
    ("how", "How"),
    ("with_whom", "With whom"),
    ("where", "Where"),
    ("when", "When"),
)

DECISION_WIDTH = 300


def decisions_lines(decisions: list[dict[str, str]]) -> list[str]:
    if not decisions:
        return []
    out = ["", "## Decisions", ""]
    for number, decision in enumerate(decisions, 1):
        parts = [
            f"{label}: {md_text(str(decision.get(key, '')), DECISION_WIDTH)}"
            for key, label in DECISION_FIELDS
            if str(decision.get(key, "")).strip()
        ]
        out.append(f"{number}. " + "; ".join(parts))
    return out
