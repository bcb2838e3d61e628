"""Migration 7 merges cleanly whether or not the shared want_have table exists already."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from netcoach.core.ledger import CURRENCY_DIGITS, MAX_AMOUNT, parse_amount
from netcoach.data.db import database
from netcoach.data.migrations import m0007_ledger as v7

# The statement the contacts area's own migration uses for the same table.
CONTACTS_WANT_HAVE = (
    "CREATE TABLE want_have (id INTEGER PRIMARY KEY, contact_id INTEGER REFERENCES contact (id) "
    "ON DELETE CASCADE, kind TEXT NOT NULL CHECK (kind IN ('want','have')), phrase TEXT NOT NULL, "
    "tag TEXT NOT NULL DEFAULT '', created_at TEXT NOT NULL)"
)


@pytest.fixture(autouse=True)
def close_database():
    yield
    database.close()


def test_the_shared_statement_is_the_contacts_one_with_if_not_exists() -> None:
    expected = CONTACTS_WANT_HAVE.replace("CREATE TABLE", "CREATE TABLE IF NOT EXISTS") + ";"
    assert expected == v7.WANT_HAVE


@given(
    st.decimals(min_value=0, max_value=MAX_AMOUNT, places=2, allow_nan=False),
    st.sampled_from(sorted(c for c, d in CURRENCY_DIGITS.items() if d >= 2)),
)
def test_any_sensible_amount_reads_back_exactly(value, currency) -> None:  # type: ignore[no-untyped-def]
    money, error = parse_amount(f"{value:f}", currency)
    assert error is None and money is not None
    assert money.amount == value
