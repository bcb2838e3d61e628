"""The review's figures as the repository's SQL works them out, against the core rule.

``ReviewsRepo.review_input`` groups the entries in SQL and keeps only the people who
can be among the top five (and the advisors); ``summarise_entries`` and
``build_review`` are the rule over every single entry. On any ledger the two reports
must be the same, to the line.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from netcoach.core.ledger import KINDS
from netcoach.core.models import ContactDraft
from netcoach.core.review import build_review, parse_period, report_lines, summarise_entries
from netcoach.data.repo import Store

PEOPLE = 9
ADVISORS = 3  # the first three people

entries = st.lists(
    st.tuples(
        st.integers(0, PEOPLE - 1),
        st.sampled_from(("given", "received")),
        st.sampled_from(KINDS),
        st.dates(date(2026, 4, 1), date(2027, 1, 10)),  # across both halves of 2026
        st.sampled_from(("open", "won", "lost")),
        st.integers(0, 5_000),
        st.sampled_from(("GBP", "EUR")),
    ),
    min_size=20,
    max_size=80,
)


def _write(
    store: Store, ids: list[int], rows: list[tuple[object, ...]]
) -> list[tuple[object, ...]]:
    """Replace the ledger with ``rows``; the entries as the core rule reads them."""
    raw = []
    with store.reading(), store.db.atomic():
        store.db.execute_sql("DELETE FROM ledger_entry")
        for person, direction, kind, day, status, minor, currency in rows:
            cid = ids[person]  # type: ignore[index]
            status = status if kind == "referral" else None
            amount = (minor, currency) if kind == "business" else (None, None)
            store.db.execute_sql(
                "INSERT INTO ledger_entry (contact_id, direction, kind, happened_on, status, "
                "amount_minor, currency, note, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, '', ?)",
                (cid, direction, kind, day.isoformat(), status, *amount, datetime(2026, 1, 1)),  # type: ignore[union-attr]
            )
            raw.append((cid, direction, kind, day, status, *amount))
    return raw


@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(rows=entries)
def test_the_sql_review_is_the_core_rule_over_every_entry(
    store: Store, rows: list[tuple[object, ...]]
) -> None:
    ids = [store.add_contact(ContactDraft(name=f"Person {n}", level=3)).id for n in range(PEOPLE)]
    with store.reading(), store.db.atomic():
        for cid in ids[:ADVISORS]:
            store.db.execute_sql("UPDATE contact SET is_advisor = 1 WHERE id = ?", (cid,))
    raw = _write(store, ids, rows)
    names = {cid: f"Person {n}" for n, cid in enumerate(ids)}
    for label in ("2026H1", "2026H2"):
        period = parse_period(label)
        data = store.ledger.review_input(period)
        totals, grouped = summarise_entries(raw, period)  # type: ignore[arg-type]
        every = replace(data, totals=totals, people=grouped, names=names)
        assert build_review(data) == build_review(every)
        assert report_lines(build_review(data)) == report_lines(build_review(every))
    with store.reading(), store.db.atomic():
        store.db.execute_sql("DELETE FROM ledger_entry")
        store.db.execute_sql("DELETE FROM contact")
