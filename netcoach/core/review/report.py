"""The review as Markdown lines, for the Review screen and for ``netcoach review`` alike."""

from __future__ import annotations

from datetime import timedelta
from decimal import ROUND_HALF_UP, Decimal

from netcoach.core.goals import progress_bar
from netcoach.core.ledger import KINDS, Money
from netcoach.core.network import REASONS
from netcoach.core.review.decisions import decisions_lines
from netcoach.core.review.markdown import md_text
from netcoach.core.review.records import PersonTally, ReviewReport
from netcoach.core.text import plural
from netcoach.core.when import describe_length


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


def _tally(tally: PersonTally) -> str:
    return f"- {md_text(tally.name)}: {plural(tally.count, 'thing')}, worth {tally.value:g}"


def kinds_like(counts: dict[str, int]) -> str:
    return ", ".join(f"{n} {k}" for k, n in sorted(counts.items()))


def _plain(value: object) -> str:
    return "—" if value is None else f"{value:g}" if isinstance(value, float) else str(value)


def to_markdown(
    report: ReviewReport,
    previous: dict[str, object] | None = None,
    decisions: list[dict[str, str]] | None = None,
) -> str:
    return "\n".join([*report_lines(report, previous), *decisions_lines(decisions or [])]) + "\n"
