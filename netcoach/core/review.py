"""The twice-yearly review: what was given and received, time spent, and what to change.

``build_review`` is pure: the repository gathers one ``ReviewInput`` for a period, and both
the Review screen and ``netcoach review`` render the same ``ReviewReport``.
"""

from __future__ import annotations

import heapq
import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from decimal import ROUND_HALF_UP, Decimal

from netcoach.core.goals import Goal, progress_bar
from netcoach.core.ledger import KINDS, Money, entry_value, kinds_text
from netcoach.core.meetings import tally_time
from netcoach.core.network import REASONS
from netcoach.core.text import one_line, plural
from netcoach.core.when import describe_length

DECISION_FIELDS = (
    ("what", "What to change"),
    ("how", "How"),
    ("with_whom", "With whom"),
    ("where", "Where"),
    ("when", "When"),
)
HALF = re.compile(r"^(\d{4})\s*H([12])$", re.IGNORECASE)
RANGE = re.compile(r"^(\d{4}-\d{2}-\d{2})\s*(?:\.\.|:|/|to)\s*(\d{4}-\d{2}-\d{2})$")
TOP = 5
NAME_WIDTH = 120
DECISION_WIDTH = 300
_MD_INLINE = re.compile(r"([\\`*_\[\]<>|~&])")
_MD_LINE_START = re.compile(r"^([#>+=-]|\d+(?=[.)]))")

# (contact id, direction, kind, day, referral status, amount in minor units, currency)
EntryRow = tuple[int, str, str, date, str | None, int | None, str | None]
# (direction, kind, "YYYY-MM", referral status, currency, entries, amount in minor units)
TotalRow = tuple[str, str, str, str | None, str | None, int, int | None]
# (contact id, direction, entries, value)
PersonRow = tuple[int, str, int, float]


class PeriodError(ValueError):
    """A period that cannot be read."""


@dataclass(frozen=True, slots=True)
class Period:
    start: date
    end: date
    label: str

    def contains(self, day: date) -> bool:
        return self.start <= day <= self.end


def half_year(year: int, half: int) -> Period:
    if half == 1:
        return Period(date(year, 1, 1), date(year, 6, 30), f"{year}H1")
    return Period(date(year, 7, 1), date(year, 12, 31), f"{year}H2")


def parse_period(text: str) -> Period:
    """Read 2026H1, 2026H2 or a range 2026-01-01..2026-03-31."""
    value = text.strip()
    if match := HALF.match(value):
        year = int(match.group(1))
        if not 1900 <= year <= 9999:
            raise PeriodError(f"bad period {text!r}: the year must be from 1900 to 9999")
        return half_year(year, int(match.group(2)))
    if match := RANGE.match(value):
        try:
            start, end = (date.fromisoformat(match.group(i)) for i in (1, 2))
        except ValueError as error:
            raise PeriodError(f"bad period {text!r}: {error}") from error
        if end < start:
            raise PeriodError(f"bad period {text!r}: the end comes before the start")
        return Period(start, end, f"{start.isoformat()}..{end.isoformat()}")
    raise PeriodError(
        f"bad period {text!r}: use 2026H1, 2026H2 or a range like 2026-01-01..2026-03-31"
    )


def default_period(today: date) -> Period:
    """The half-year just ended in its first month after, else the current half-year."""
    half = 1 if today.month <= 6 else 2
    if today.month in (1, 7):
        return half_year(today.year - 1, 2) if half == 1 else half_year(today.year, 1)
    return half_year(today.year, half)


@dataclass(frozen=True, slots=True)
class ReviewInput:
    """Everything the review needs for one period, gathered by one repository query.

    ``one_to_ones`` are (starts at, minutes, outcome) and ``events`` (starts at, minutes);
    which of them count as held is decided against ``now`` by ``core.meetings.tally_time``.
    ``people`` may leave out anyone ranked below the fifth giver or receiver (ties kept),
    but never an advisor: the review names no one else.
    """

    period: Period
    totals: tuple[TotalRow, ...]
    people: tuple[PersonRow, ...]
    names: dict[int, str]
    advisor_ids: frozenset[int]
    level_changes: tuple[tuple[int, int | None, int], ...]
    one_to_ones: tuple[tuple[datetime, int, str | None], ...] | None
    events: tuple[tuple[datetime, int], ...] | None
    now: datetime
    goals: tuple[Goal, ...] = ()
    reasons: dict[str, int] | None = None
    level_moves: tuple[int, int] | None = None
    """(ups, downs) already counted from the level changes, in place of ``level_changes``."""


@dataclass(frozen=True, slots=True)
class PersonTally:
    contact_id: int
    name: str
    count: int
    value: float


@dataclass(frozen=True, slots=True)
class ReviewReport:
    period: Period
    has_data: bool
    given: dict[str, int]
    received: dict[str, int]
    given_money: dict[str, int]
    received_money: dict[str, int]
    referrals_received: dict[str, int]
    top_givers: tuple[PersonTally, ...]
    top_receivers: tuple[PersonTally, ...]
    months: tuple[tuple[str, int, int], ...]
    one_to_ones_held: int | None
    objectives_achieved: int | None
    objectives_recorded: int | None
    level_ups: int
    level_downs: int
    hours: float | None
    goals: tuple[Goal, ...]
    reasons: dict[str, int] | None
    advisors: tuple[tuple[str, int, int], ...] = field(default_factory=tuple)
    one_to_one_minutes: int = 0
    event_minutes: int = 0
    events_attended: int | None = None

    @property
    def given_total(self) -> int:
        return sum(self.given.values())

    @property
    def received_total(self) -> int:
        return sum(self.received.values())

    @property
    def achievement_rate(self) -> float | None:
        if not self.objectives_recorded:
            return None
        return (self.objectives_achieved or 0) / self.objectives_recorded

    @property
    def value_per_hour(self) -> dict[str, Money] | None:
        """Business received per hour spent, per currency."""
        if not self.hours:
            return None
        return {
            code: Money(int(Decimal(minor) / Decimal(str(self.hours))), code)
            for code, minor in sorted(self.received_money.items())
        }

    @property
    def referrals_per_hour(self) -> float | None:
        if not self.hours:
            return None
        return sum(self.referrals_received.values()) / self.hours

    def figures(self) -> dict[str, object]:
        """The headline numbers, saved with the review to compare with the next one."""
        return {
            "given": self.given_total,
            "received": self.received_total,
            "given_by_kind": self.given,
            "received_by_kind": self.received,
            "received_money": self.received_money,
            "given_money": self.given_money,
            "one_to_ones_held": self.one_to_ones_held,
            "achievement_rate": self.achievement_rate,
            "level_ups": self.level_ups,
            "level_downs": self.level_downs,
            "hours": self.hours,
        }


def _months(period: Period) -> list[str]:
    labels = []
    day = date(period.start.year, period.start.month, 1)
    while day <= period.end and len(labels) < 240:
        labels.append(f"{day.year}-{day.month:02d}")
        day = (day + timedelta(days=32)).replace(day=1)
    return labels


def summarise_entries(
    entries: Iterable[EntryRow], period: Period
) -> tuple[tuple[TotalRow, ...], tuple[PersonRow, ...]]:
    """Group single entries the way the repository's query does, for one period."""
    totals: dict[tuple[str, str, str, str | None, str | None], list[int | None]] = {}
    people: dict[tuple[int, str], list[float]] = {}
    for cid, direction, kind, day, status, minor, currency in entries:
        if not period.contains(day):
            continue
        key = (direction, kind, f"{day.year}-{day.month:02d}", status, currency)
        total = totals.setdefault(key, [0, None])
        total[0] = (total[0] or 0) + 1
        if minor is not None:
            total[1] = (total[1] or 0) + minor
        person = people.setdefault((cid, direction), [0, 0.0])
        person[0] += 1
        person[1] += entry_value(kind, status)
    return (
        tuple((*key, int(t[0] or 0), t[1]) for key, t in totals.items()),
        tuple((cid, direction, int(p[0]), p[1]) for (cid, direction), p in people.items()),
    )


def build_review(data: ReviewInput) -> ReviewReport:
    """Compute the review for one period; pure."""
    period = data.period
    given: Counter[str] = Counter()
    received: Counter[str] = Counter()
    given_money: Counter[str] = Counter()
    received_money: Counter[str] = Counter()
    referrals: Counter[str] = Counter()
    per_month: dict[str, list[int]] = {label: [0, 0] for label in _months(period)}
    givers: dict[int, list[float]] = defaultdict(lambda: [0, 0.0])
    receivers: dict[int, list[float]] = defaultdict(lambda: [0, 0.0])
    advisor_tally: dict[int, list[int]] = {cid: [0, 0] for cid in data.advisor_ids}
    for direction, kind, month_label, status, currency, count, minor in data.totals:
        month = per_month.setdefault(month_label, [0, 0])
        if direction == "given":
            given[kind] += count
            month[0] += count
            if minor is not None and currency:
                given_money[currency] += minor
        else:
            received[kind] += count
            month[1] += count
            if kind == "referral":
                referrals[status or "open"] += count
            if minor is not None and currency:
                received_money[currency] += minor
    for cid, direction, count, value in data.people:
        tally = receivers[cid] if direction == "given" else givers[cid]
        tally[0] += count
        tally[1] += value
        if cid in advisor_tally:
            advisor_tally[cid][0 if direction == "given" else 1] += count

    def top(tallies: dict[int, list[float]]) -> tuple[PersonTally, ...]:
        # The same as sorting everyone and keeping the first TOP, without building and
        # sorting a tally for each of tens of thousands of people.
        names = data.names

        def name(cid: int) -> str:
            return names.get(cid, f"#{cid}")

        best = heapq.nsmallest(
            TOP,
            tallies.items(),
            key=lambda item: (-float(item[1][1]), -int(item[1][0]), name(item[0])),
        )
        return tuple(PersonTally(cid, name(cid), int(t[0]), float(t[1])) for cid, t in best)

    held = achieved = recorded = attended = None
    tally = tally_time(
        data.one_to_ones or (), data.events or (), data.now, period.start, period.end
    )
    minutes = tally.minutes
    time_recorded = data.one_to_ones is not None or data.events is not None
    if data.one_to_ones is not None:
        held = recorded = tally.held
        achieved = tally.achieved
    if data.events is not None:
        attended = tally.events_attended
    if data.level_moves is not None:
        ups, downs = data.level_moves
    else:
        ups = sum(1 for _c, old, new in data.level_changes if old is not None and new > old)
        downs = sum(1 for _c, old, new in data.level_changes if old is not None and new < old)
    has_data = bool(given or received or held or ups or downs or minutes)
    advisors = tuple(
        sorted(
            ((data.names.get(cid, f"#{cid}"), t[0], t[1]) for cid, t in advisor_tally.items()),
            key=lambda a: (a[1] - a[2], a[0]),
        )
    )
    return ReviewReport(
        period=period,
        has_data=has_data,
        given=dict(given),
        received=dict(received),
        given_money=dict(given_money),
        received_money=dict(received_money),
        referrals_received=dict(referrals),
        top_givers=top(givers),
        top_receivers=top(receivers),
        months=tuple((label, g, r) for label, (g, r) in sorted(per_month.items())),
        one_to_ones_held=held,
        objectives_achieved=achieved,
        objectives_recorded=recorded,
        level_ups=ups,
        level_downs=downs,
        hours=round(minutes / 60, 2) if time_recorded and minutes else None,
        goals=data.goals,
        reasons=data.reasons,
        advisors=advisors,
        one_to_one_minutes=tally.one_to_one_minutes,
        event_minutes=tally.event_minutes,
        events_attended=attended,
    )


def month_bars(report: ReviewReport, width: int = 24) -> list[str]:
    """One line per month: given and received as bars of block characters."""
    peak = max([max(g, r) for _m, g, r in report.months] + [1])
    lines = []
    for label, given, received in report.months:
        g = "█" * round(given / peak * width)
        r = "▒" * round(received / peak * width)
        lines.append(f"{label}  gave {given:>4} {g:<{width}}  got {received:>4} {r}")
    return lines


def _money(totals: dict[str, int]) -> str:
    if not totals:
        return "none"
    return ", ".join(str(Money(m, c)) for c, m in sorted(totals.items()))


def _rate(value: float | None) -> str:
    if value is None:
        return "not recorded"
    return f"{Decimal(str(value * 100)).quantize(Decimal(1), ROUND_HALF_UP)}%"


def report_lines(
    report: ReviewReport,
    previous: dict[str, object] | None = None,
    bar_width: int = 24,
    advisors_shown: int | None = None,
) -> list[str]:
    """The report as Markdown lines; the screen renders the same lines.

    ``advisors_shown`` keeps the advisors' balance to that many lines (the ones most
    owed help first) and says how many more there are; ``None`` lists every advisor.
    """
    p = report.period
    out = [f"# Review {p.label} ({p.start.isoformat()} to {p.end.isoformat()})", ""]
    if not report.has_data:
        out += [
            "No give-and-get entries, one-to-ones, events or level changes were recorded "
            "in this period, so there is nothing to review yet.",
        ]
    else:
        out += ["## Given and received", ""]
        out += ["| kind | given | received |", "|---|---:|---:|"]
        for kind in KINDS:
            out.append(f"| {kind} | {report.given.get(kind, 0)} | {report.received.get(kind, 0)} |")
        out.append(f"| **all** | **{report.given_total}** | **{report.received_total}** |")
        out += ["", f"- Business given: {_money(report.given_money)}"]
        out.append(f"- Business received: {_money(report.received_money)}")
        if report.referrals_received:
            out.append("- Referrals received by status: " + kinds_like(report.referrals_received))
        bars = month_bars(report, bar_width)
        out += ["", "## By month (█ given, ▒ received)", "", "```", *bars, "```", ""]
        out += ["## Top givers (who helped you most; worth weighs kind and outcome)", ""]
        out += [_tally(t) for t in report.top_givers] or ["- nobody"]
        out += ["", "## Top receivers (whom you helped most)", ""]
        out += [_tally(t) for t in report.top_receivers] or ["- nobody"]
        out += ["", "## One-to-ones and levels", ""]
        if report.one_to_ones_held is None:
            out.append("- One-to-ones: not recorded yet")
        else:
            out.append(f"- One-to-ones held: {report.one_to_ones_held}")
            out.append(f"- Objectives achieved: {_rate(report.achievement_rate)}")
        out.append(f"- Level moves: {report.level_ups} up, {report.level_downs} down")
        out += ["", "## Return on time", ""]
        if report.hours is None:
            out.append("- Hours spent: not recorded yet")
        else:
            out.append(f"- Hours spent: {report.hours:g} ({_time_parts(report)})")
            vph = report.value_per_hour or {}
            out.append(
                "- Business received per hour: "
                + (", ".join(str(m) for m in vph.values()) if vph else "none")
            )
            out.append(f"- Referrals received per hour: {report.referrals_per_hour or 0:.2f}")
    out += ["", "## Goals", ""]
    if report.goals:
        for goal in report.goals:
            out.append(
                f"- {md_text(goal.title)}: {goal.progress_text()} by {goal.deadline.isoformat()} "
                f"{progress_bar(goal.fraction, 10)}"
            )
    else:
        out.append("- No goals set")
    out += ["", "## Reasons to network (contacts serving each)", ""]
    if report.reasons is None:
        out.append("- Not recorded yet")
    else:
        out += [f"- {label}: {report.reasons.get(key, 0)}" for key, label in REASONS]
    out += ["", "## Advisors' balance (given / received)", ""]
    if report.advisors:
        shown = report.advisors if advisors_shown is None else report.advisors[:advisors_shown]
        out += [f"- {md_text(name)}: {g} / {r}" for name, g, r in shown]
        if len(shown) < len(report.advisors):
            more = len(report.advisors) - len(shown)
            out.append(f"- and {more:,} more advisor{'s' if more > 1 else ''} flagged")
    else:
        out.append("- No advisors flagged")
    if previous is not None:
        out += ["", "## Compared with the previous review", ""]
        out += ["| figure | this period | previous |", "|---|---:|---:|"]
        now = report.figures()
        for key in ("given", "received", "one_to_ones_held", "level_ups", "level_downs", "hours"):
            out.append(
                f"| {key.replace('_', ' ')} | {_plain(now.get(key))} | "
                f"{_plain(previous.get(key))} |"
            )
    return out


def _time_parts(report: ReviewReport) -> str:
    parts = []
    if report.one_to_ones_held is not None:
        parts.append(
            f"{describe_length(timedelta(minutes=report.one_to_one_minutes))} at "
            f"{plural(report.one_to_ones_held, 'one-to-one')} held"
        )
    if report.events_attended is not None:
        parts.append(
            f"{describe_length(timedelta(minutes=report.event_minutes))} at "
            f"{plural(report.events_attended, 'event')}"
        )
    return ", ".join(parts)


def md_text(text: str, width: int = NAME_WIDTH) -> str:
    """User text as literal Markdown: one line, controls made visible, marks escaped.

    A name like ``**Ann** | [x](y)`` then reads the same in the Markdown printed by
    ``netcoach review`` and on the Review screen, and can never become a link or a table.
    """
    line = _MD_INLINE.sub(r"\\\1", one_line(text, width))
    match = _MD_LINE_START.match(line)
    if match is None:
        return line
    if match.group(1).isdigit():
        end = match.end()
        return line[:end] + "\\" + line[end:]
    return "\\" + line


def _tally(tally: PersonTally) -> str:
    return f"- {md_text(tally.name)}: {plural(tally.count, 'thing')}, worth {tally.value:g}"


def kinds_like(counts: dict[str, int]) -> str:
    return ", ".join(f"{n} {k}" for k, n in sorted(counts.items()))


def _plain(value: object) -> str:
    return "—" if value is None else f"{value:g}" if isinstance(value, float) else str(value)


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


def to_markdown(
    report: ReviewReport,
    previous: dict[str, object] | None = None,
    decisions: list[dict[str, str]] | None = None,
) -> str:
    return "\n".join([*report_lines(report, previous), *decisions_lines(decisions or [])]) + "\n"


__all__ = ["kinds_text"]
