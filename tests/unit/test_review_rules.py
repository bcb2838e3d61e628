"""Review figures on a hand-built period, periods, and goal progress rules."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from netcoach.core.goals import Goal, GoalDraft, progress_bar, validate_goal
from netcoach.core.review import (
    Period,
    PeriodError,
    ReviewInput,
    build_review,
    default_period,
    parse_period,
    report_lines,
    summarise_entries,
    to_markdown,
)

H2 = Period(date(2026, 7, 1), date(2026, 12, 31), "2026H2")
NOW = datetime(2026, 11, 23, 7, 30)
NAMES = {1: "Ann", 2: "Bob", 3: "Cy"}
ENTRIES = (
    (1, "given", "referral", date(2026, 7, 3), "won", None, None),
    (1, "given", "advice", date(2026, 7, 20), None, None, None),
    (1, "received", "business", date(2026, 8, 1), None, 150000, "GBP"),
    (2, "received", "business", date(2026, 8, 2), None, 30000, "EUR"),
    (2, "received", "referral", date(2026, 9, 9), "open", None, None),
    (2, "received", "referral", date(2026, 9, 10), "won", None, None),
    (3, "given", "support", date(2026, 10, 1), None, None, None),
    (3, "received", "advice", date(2026, 6, 30), None, None, None),  # outside: ignored
)


def data(**overrides: object) -> ReviewInput:
    entries = overrides.pop("entries", ENTRIES)
    totals, people = summarise_entries(entries, H2)  # type: ignore[arg-type]
    values: dict[str, object] = {
        "period": H2,
        "totals": totals,
        "people": people,
        "names": NAMES,
        "advisor_ids": frozenset({2}),
        "level_changes": ((1, 3, 4), (2, 4, 3), (3, None, 1), (3, 1, 2)),
        "one_to_ones": (
            (datetime(2026, 7, 10, 8), 60, "achieved"),
            (datetime(2026, 8, 10, 8), 90, "partly"),
            (datetime(2026, 9, 10, 8), 30, None),  # no outcome: not counted as held
            (datetime(2026, 10, 10, 8), 60, "achieved"),
            (datetime(2026, 11, 23, 8), 45, "achieved"),  # later today: not held yet
            (datetime(2026, 12, 1, 8), 60, "achieved"),  # an outcome in the future
        ),
        "events": (
            (datetime(2026, 7, 15, 7), 120),
            (datetime(2026, 9, 15, 7), 120),
            (datetime(2026, 12, 2, 7), 90),  # not begun
        ),
        "now": NOW,
    }
    values.update(overrides)
    return ReviewInput(**values)  # type: ignore[arg-type]


def test_review_figures_on_a_hand_built_period() -> None:
    report = build_review(data())
    assert report.has_data
    assert report.given == {"referral": 1, "advice": 1, "support": 1}
    assert report.received == {"business": 2, "referral": 2}
    assert (report.given_total, report.received_total) == (3, 4)
    # Money per currency, never summed: 1,500.00 GBP and 300.00 EUR.
    assert report.received_money == {"GBP": 150000, "EUR": 30000}
    assert report.referrals_received == {"open": 1, "won": 1}
    # Bob gave business (5) + open referral (4) + won referral (6) = 15; Ann business 5.
    assert [(t.name, t.count, t.value) for t in report.top_givers] == [
        ("Bob", 3, 15.0),
        ("Ann", 1, 5.0),
    ]
    # We gave Ann a won referral (6) + advice (2) = 8; Cy support 1.
    assert [(t.name, t.value) for t in report.top_receivers] == [("Ann", 8.0), ("Cy", 1.0)]
    assert report.months == (
        ("2026-07", 2, 0),
        ("2026-08", 0, 2),
        ("2026-09", 0, 2),
        ("2026-10", 1, 0),
        ("2026-11", 0, 0),
        ("2026-12", 0, 0),
    )
    # 3 one-to-ones held (an outcome, and begun by now), 2 achieved: 2/3.
    assert report.one_to_ones_held == 3
    assert report.achievement_rate == pytest.approx(2 / 3)
    # (1: 3→4 up), (2: 4→3 down), (3: new then 1→2 up).
    assert (report.level_ups, report.level_downs) == (2, 1)
    # 60+90+60 one-to-one minutes + 240 event minutes = 450 minutes = 7.5 hours.
    assert report.hours == 7.5
    assert (report.one_to_one_minutes, report.event_minutes) == (210, 240)
    vph = report.value_per_hour
    assert vph is not None
    assert str(vph["GBP"]) == "GBP 200.00" and str(vph["EUR"]) == "EUR 40.00"
    assert report.referrals_per_hour == pytest.approx(2 / 7.5)
    assert report.advisors == (("Bob", 0, 3),)
    text = to_markdown(report, decisions=[{"what": "Give Bob a referral", "when": "by March"}])
    assert "| **all** | **3** | **4** |" in text
    assert "GBP 1,500.00, EUR 300.00" in text or "EUR 300.00, GBP 1,500.00" in text
    assert "Objectives achieved: 67%" in text
    assert "Hours spent: 7.5 (3 h 30 min at 3 one-to-ones held, 4 h at 2 events)" in text
    assert "- Bob: 3 things, worth 15\n- Ann: 1 thing, worth 5" in text
    assert "2026-08  gave    0" in text and "Level moves: 2 up, 1 down" in text
    assert "1. What to change: Give Bob a referral; When: by March" in text
    assert "Reasons to network (contacts serving each)" in text and "Not recorded yet" in text


def test_missing_tables_say_not_recorded_rather_than_zero() -> None:
    report = build_review(data(one_to_ones=None, events=None))
    assert report.one_to_ones_held is None and report.hours is None
    assert report.value_per_hour is None
    text = to_markdown(report)
    assert "One-to-ones: not recorded yet" in text
    assert "Hours spent: not recorded yet" in text


def test_a_period_with_no_data_says_so() -> None:
    empty = build_review(
        data(entries=(), level_changes=(), one_to_ones=(), events=(), advisor_ids=frozenset())
    )
    assert not empty.has_data
    text = to_markdown(empty)
    assert "nothing to review yet" in text
    assert "Given and received" not in text


def test_periods() -> None:
    assert parse_period("2026H2") == H2
    assert parse_period("2026h1").end == date(2026, 6, 30)
    assert parse_period("2026-01-01..2026-03-31").label == "2026-01-01..2026-03-31"
    for bad in ("2026H3", "2026-02-30..2026-03-01", "2026-05-01..2026-01-01", "last year", ""):
        with pytest.raises(PeriodError):
            parse_period(bad)
    assert default_period(date(2026, 11, 23)).label == "2026H2"
    assert default_period(date(2026, 7, 5)).label == "2026H1"  # the half just ended
    assert default_period(date(2027, 1, 10)).label == "2026H2"
    assert default_period(date(2027, 3, 1)).label == "2027H1"


def test_goal_rules() -> None:
    goal = Goal(1, "3 intros", "introductions", None, 3, date(2026, 9, 1), date(2026, 12, 10), 1)
    assert goal.is_near(date(2026, 11, 23)) and not goal.done
    assert not goal.is_near(date(2026, 10, 1))
    assert goal.progress_text() == "1 of 3"
    assert progress_bar(goal.fraction, 6) == "██░░░░"
    unknown = Goal(2, "8 one-to-ones", "one_to_ones", None, 8, goal.starts_on, goal.deadline, None)
    assert unknown.progress_text() == "not recorded yet of 8"
    errors = validate_goal(
        GoalDraft("", "weird", 0, date(2026, 5, 1), date(2026, 4, 1), kind="advice")
    )
    assert set(errors) == {"title", "metric", "target", "deadline", "kind"}


def test_names_stay_literal_in_the_markdown() -> None:
    from markdown_it import MarkdownIt

    hostile = "**Ann** | [x](https://example.invalid) <b> `code`"
    report = build_review(data(names={1: hostile, 2: "# Bob", 3: "1. Cy"}))
    text = to_markdown(report, decisions=[{"what": "Ask *Bob* for _one_ thing"}])
    # The parser Rich's Markdown uses on the Review screen.
    tokens = MarkdownIt().enable("strikethrough").enable("table").parse(text)
    lines = {
        "".join(c.content for c in t.children or ()): {c.type for c in t.children or ()}
        for t in tokens
        if t.type == "inline"
    }
    for name in (hostile, "# Bob", "1. Cy"):
        found = [line for line in lines if line.startswith(name + ":")]
        assert found, name
        for line in found:  # no bold, link, code or html: the name as typed
            assert lines[line] == {"text"}, line
    (decision,) = [line for line in lines if line.startswith("What to change:")]
    assert decision == "What to change: Ask *Bob* for _one_ thing" and lines[decision] == {"text"}
    headings = [t for t in tokens if t.type == "heading_open"]
    assert len(headings) == text.count("\n#") + 1  # only the report's own headings


def test_top_people_are_the_first_of_everyone_sorted_ties_by_name() -> None:
    """The top five are the first five of everyone sorted by worth, count, then name."""
    names = {cid: f"P{cid % 7}-{cid}" for cid in range(1, 301)}
    people = tuple(
        (cid, "received" if cid % 2 else "given", 1 + cid % 3, float(cid % 4)) for cid in names
    )
    report = build_review(data(people=people, names=names, advisor_ids=frozenset()))
    for tallies, direction in ((report.top_givers, "received"), (report.top_receivers, "given")):
        everyone = sorted(
            ((names[c], n, v) for c, d, n, v in people if d == direction),
            key=lambda p: (-p[2], -p[1], p[0]),
        )
        assert [(t.name, t.count, t.value) for t in tallies] == everyone[:5]


def test_the_screen_lists_a_dozen_advisors_and_counts_the_rest() -> None:
    """``advisors_shown`` keeps the advisors most owed help; the printed report lists all."""
    names = {cid: f"Advisor {cid:02d}" for cid in range(1, 16)}
    people = tuple((cid, "received", cid, float(cid)) for cid in names)
    report = build_review(data(people=people, names=names, advisor_ids=frozenset(names)))
    lines = report_lines(report, advisors_shown=12)
    start = lines.index("## Advisors' balance (given / received)") + 2
    assert lines[start : start + 13] == [
        *(f"- Advisor {cid:02d}: 0 / {cid}" for cid in range(15, 3, -1)),
        "- and 3 more advisors flagged",
    ]
    printed = to_markdown(report)
    assert all(f"- Advisor {cid:02d}: 0 / {cid}" in printed for cid in names)
    assert "more advisor" not in printed
    one_more = report_lines(report, advisors_shown=14)
    assert "- and 1 more advisor flagged" in one_more
    assert not any("more advisor" in line for line in report_lines(report, advisors_shown=15))
