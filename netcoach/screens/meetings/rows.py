"""How each list of the One-to-ones screen reads: its columns and the words in its cells."""

from __future__ import annotations

from datetime import date, datetime

from rich.text import Text

from netcoach.core.meetings import FollowUpStatus, OneToOne, Outcome, is_held
from netcoach.widgets.contact_table import TableColumn

OUTCOME_STYLE = {Outcome.ACHIEVED: "green", Outcome.PARTLY: "yellow", Outcome.NOT: "red"}
FOLLOW_UP_STYLE = {
    FollowUpStatus.DONE: "dim",
    FollowUpStatus.OVERDUE: "bold red",
    FollowUpStatus.DUE: "yellow",
    FollowUpStatus.UPCOMING: "green",
    FollowUpStatus.NO_DATE: "",
}

# Each table's columns; a narrow terminal drops those ranked last (priority) first.
COLUMNS: dict[str, tuple[TableColumn, ...]] = {
    "one-to-ones": (
        TableColumn("When", 21, priority=1),
        TableColumn("With", 13, priority=2, grow=1, most=30),
        TableColumn("Objective", 16, priority=3, grow=2, most=36),
        TableColumn("Where", 12, priority=5, grow=1, most=20),
        TableColumn("Outcome", 16, priority=4, grow=1, most=26),
    ),
    "events": (
        TableColumn("When", 21, priority=1),
        TableColumn("Event", 16, priority=2, grow=2, most=26),
        TableColumn("Kind", 10, priority=5),
        TableColumn("Where", 12, priority=4, grow=1, most=20),
        TableColumn("Length", 10, priority=6),
        TableColumn("People", 16, priority=3, grow=2, most=40),
    ),
    "follow-ups": (
        TableColumn("Due", 10, priority=1),
        TableColumn("Status", 9, priority=2),
        TableColumn("What", 20, priority=3, grow=2, most=40),
        TableColumn("Owed by", 7, priority=5),
        TableColumn("With", 14, priority=4, grow=1, most=24),
        TableColumn("From", 16, priority=6, grow=1, most=30),
    ),
}


def outcome_text(
    one: OneToOne, now_date: date, overdue_flag: bool, now: datetime | None = None
) -> Text:
    """The outcome in words and colour; a past one-to-one without one is flagged.

    An outcome stored for a time still to come (imported, say) is not shown as held.
    """
    suffix = " (record)" if one.is_record else ""
    if one.outcome is not None and now is not None and not is_held(one.starts_at, one.outcome, now):
        return Text("not held yet", style="dim")
    if one.outcome is not None:
        return Text(one.outcome.label + suffix, style=OUTCOME_STYLE[one.outcome])
    if overdue_flag:
        return Text("⚑ no outcome yet" + suffix, style="bold red")
    if one.starts_at.date() == now_date:
        return Text("today", style="bold")
    return Text("planned")


def follow_up_text(status: FollowUpStatus) -> Text:
    return Text(status.value, style=FOLLOW_UP_STYLE[status])


def short_when(moment: datetime) -> str:
    return f"{moment:%a} {moment.day} {moment:%b %Y %H:%M}"
