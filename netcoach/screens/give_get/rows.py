"""How each table of the Give & get screen reads: its column titles and the cells of a row.

Pure functions of the ``core`` dataclasses; every cell is a ``rich.text.Text``, so what
people typed is never read as markup.
"""

from __future__ import annotations

from datetime import date, datetime, time

from rich.text import Text

from netcoach.core.goals import METRICS, Goal, progress_bar
from netcoach.core.introductions import Introduction
from netcoach.core.ledger import Balance, LedgerEntry, Unreturned, kinds_text, money_text
from netcoach.core.matching import Match, WantHave
from netcoach.core.when import describe_when
from netcoach.widgets.measured_table import Row
from netcoach.widgets.status import clip, when_text

ENTRIES_COLUMNS = ("Date", "Contact", "", "Kind", "Detail", "Note")
BALANCES_COLUMNS = ("Contact", "Given", "Received", "Balance", "Business")
UNRETURNED_COLUMNS = ("Contact", "Received", "Last", "Kinds", "Business")
WANTS_COLUMNS = ("", "Phrase", "Tag")
SUGGESTIONS_COLUMNS = ("Wants", "", "Has", "Why")
TRACKED_COLUMNS = ("First (wants)", "Second (has)", "Stage", "Why")
GOALS_COLUMNS = ("Goal", "Progress", "", "Deadline", "Measured by")


def entry_row(entry: LedgerEntry) -> Row:
    return (
        (
            Text(entry.happened_on.isoformat()),
            Text(clip(entry.contact_name, 32)),
            Text("gave" if entry.direction == "given" else "got"),
            Text(entry.kind),
            Text(entry.status or (str(entry.amount) if entry.amount else "")),
            Text(clip(entry.note, 40)),
        ),
        str(entry.id),
    )


def balance_row(balance: Balance) -> Row:
    money = []
    if balance.given_money:
        money.append("gave " + money_text(balance.given_money))
    if balance.received_money:
        money.append("got " + money_text(balance.received_money))
    sign = f"{balance.balance:+d}" if balance.balance else "even"
    return (
        (
            Text(clip(balance.contact_name, 30)),
            Text(kinds_text(balance.given)),
            Text(kinds_text(balance.received)),
            Text(sign, style="green" if balance.balance >= 0 else "yellow"),
            Text("; ".join(money) or "—"),
        ),
        str(balance.contact_id),
    )


def unreturned_row(person: Unreturned, today: date) -> Row:
    return (
        (
            Text(clip(person.contact_name, 30)),
            Text(str(person.received)),
            Text(when_text(person.last_received, today)),
            Text(", ".join(person.kinds)),
            Text(", ".join(str(m) for m in person.money) or "—"),
        ),
        str(person.contact_id),
    )


def want_have_row(item: WantHave) -> Row:
    return (
        (Text(item.kind), Text(clip(item.phrase, 80)), Text(clip(item.tag, 30))),
        str(item.id),
    )


def match_key(match: Match) -> str:
    """A suggestion's row key: the want's id and the have's."""
    return f"{match.want.id}-{match.have.id}"


def suggestion_row(match: Match) -> Row:
    return (
        (
            Text(clip(f"{match.want.owner_name}: {match.want.phrase}", 44)),
            Text("←"),
            Text(clip(f"{match.have.owner_name}: {match.have.phrase}", 44)),
            Text(clip(match.why, 60)),
        ),
        match_key(match),
    )


def introduction_row(intro: Introduction) -> Row:
    return (
        (
            Text(clip(intro.first_name, 28)),
            Text(clip(intro.second_name, 28)),
            Text(intro.stage),
            Text(clip(intro.reason, 60)),
        ),
        str(intro.id),
    )


def goal_row(goal: Goal, now: datetime) -> Row:
    return (
        (
            Text(clip(goal.title, 40)),
            Text(goal.progress_text()),
            Text(progress_bar(goal.fraction, 12), style="green" if goal.done else ""),
            Text(describe_when(datetime.combine(goal.deadline, time()), now, has_time=False)),
            Text(METRICS.get(goal.metric, goal.metric) + (f": {goal.kind}" if goal.kind else "")),
        ),
        str(goal.id),
    )
