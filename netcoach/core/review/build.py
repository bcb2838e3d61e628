"""Working out the review from what was recorded: the totals, the top people, time spent."""

from __future__ import annotations

import heapq
from collections import Counter, defaultdict
from collections.abc import Iterable
from datetime import date, timedelta

from netcoach.core.ledger import entry_value
from netcoach.core.meetings import tally_time
from netcoach.core.review.period import Period
from netcoach.core.review.records import (
    EntryRow,
    PersonRow,
    PersonTally,
    ReviewInput,
    ReviewReport,
    TotalRow,
)

TOP = 5


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
