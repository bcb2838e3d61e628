"""Ledger rules: amounts, balances by kind and the not-helped-back rule, on hand-built entries."""

from __future__ import annotations

from datetime import date

import pytest

from netcoach.core.ledger import (
    EntryDraft,
    LedgerEntry,
    Money,
    balances,
    months_before,
    not_helped_back,
    parse_amount,
    validate_entry,
)

TODAY = date(2026, 11, 23)


def entry(n: int, cid: int, direction: str, kind: str, day: date, **extra: object) -> LedgerEntry:
    return LedgerEntry(
        id=n,
        contact_id=cid,
        contact_name={1: "Ann", 2: "Bob", 3: "Cy", 4: "Di"}[cid],
        direction=direction,
        kind=kind,
        happened_on=day,
        status=extra.get("status"),  # type: ignore[arg-type]
        amount=extra.get("amount"),  # type: ignore[arg-type]
        note="",
    )


@pytest.mark.parametrize(
    ("text", "currency", "expected"),
    [
        ("1200", "GBP", Money(120000, "GBP")),
        ("1,200.50", "eur", Money(120050, "EUR")),
        ("5000", "JPY", Money(5000, "JPY")),
        ("1.234", "KWD", Money(1234, "KWD")),
        ("0", "USD", Money(0, "USD")),
    ],
)
def test_amounts_are_read_exactly(text: str, currency: str, expected: Money) -> None:
    assert parse_amount(text, currency) == (expected, None)


@pytest.mark.parametrize(
    ("text", "currency", "message"),
    [
        ("-5", "GBP", "negative"),
        ("lots", "GBP", "must be a number"),
        ("1000000000001", "GBP", "too large"),
        ("nan", "GBP", "must be a number"),
        ("10.5", "JPY", "decimal places"),
        ("10", "GBX", "not a currency code"),
        ("10", "pounds", "not a currency code"),
        ("", "GBP", "Enter an amount"),
    ],
)
def test_bad_amounts_are_refused(text: str, currency: str, message: str) -> None:
    money, error = parse_amount(text, currency)
    assert money is None
    assert error is not None and message in error


def test_too_many_decimals_says_how_many_a_currency_takes() -> None:
    assert parse_amount("10.5", "JPY")[1] == "JPY takes whole amounts, with no decimal places."
    assert parse_amount("10.555", "GBP")[1] == "GBP has 2 decimal places at most."
    assert parse_amount("1.0005", "KWD")[1] == "KWD has 3 decimal places at most."


def test_money_shows_its_currency() -> None:
    assert str(Money(120050, "GBP")) == "GBP 1,200.50"
    assert str(Money(5000, "JPY")) == "JPY 5,000"


def test_entry_checks() -> None:
    draft = EntryDraft(None, "given", "referral", TODAY)
    errors = validate_entry(draft, TODAY)
    assert set(errors) == {"contact", "status"}
    assert validate_entry(EntryDraft(1, "received", "business", TODAY), TODAY) == {
        "amount": "Business needs an amount and a currency."
    }
    ok = EntryDraft(1, "received", "business", TODAY, amount=Money(100, "GBP"))
    assert validate_entry(ok, TODAY) == {}
    assert "status" in validate_entry(EntryDraft(1, "given", "advice", TODAY, "won"), TODAY)


def test_balances_by_kind_and_currency() -> None:
    entries = [
        entry(1, 1, "given", "referral", date(2026, 1, 5), status="won"),
        entry(2, 1, "given", "advice", date(2026, 2, 5)),
        entry(3, 1, "received", "business", date(2026, 3, 5), amount=Money(50000, "GBP")),
        entry(4, 1, "received", "business", date(2026, 3, 9), amount=Money(20000, "EUR")),
        entry(5, 1, "received", "business", date(2026, 4, 9), amount=Money(25050, "GBP")),
        entry(6, 2, "received", "advice", date(2026, 4, 1)),
    ]
    ann, bob = balances(entries)
    assert ann.contact_name == "Ann"
    assert ann.given == {"referral": 1, "advice": 1}
    assert ann.received == {"business": 3}
    assert (ann.given_total, ann.received_total, ann.balance) == (2, 3, -1)
    # Mixed currencies stay apart: 500.00 + 250.50 GBP, and 200.00 EUR.
    assert ann.received_money == {"GBP": 75050, "EUR": 20000}
    assert bob.balance == -1 and bob.given == {}


def test_months_before_clamps_to_month_end() -> None:
    assert months_before(date(2026, 8, 31), 6) == date(2026, 2, 28)
    assert months_before(date(2026, 11, 23), 6) == date(2026, 5, 23)
    assert months_before(date(2026, 3, 15), 15) == date(2024, 12, 15)


def test_not_helped_back_rule() -> None:
    # Window: from 2026-05-23 to 2026-11-23.
    entries = [
        # Ann gave a won referral in the window; we gave her nothing since: listed.
        entry(1, 1, "received", "referral", date(2026, 9, 1), status="won"),
        entry(2, 1, "given", "advice", date(2026, 8, 1)),  # before she gave: does not count
        # Bob gave advice twice, we helped him back after the first: not listed.
        entry(3, 2, "received", "advice", date(2026, 6, 1)),
        entry(4, 2, "given", "testimonial", date(2026, 7, 1)),
        entry(5, 2, "received", "advice", date(2026, 10, 1)),
        # Cy gave support only before the window: not listed.
        entry(6, 3, "received", "support", date(2026, 5, 22)),
        # Di gave business and a testimonial in the window; nothing back: listed, worth more.
        entry(7, 4, "received", "business", date(2026, 7, 1), amount=Money(100000, "GBP")),
        entry(8, 4, "received", "testimonial", date(2026, 11, 20)),
    ]
    result = not_helped_back(entries, TODAY, months=6)
    assert [u.contact_name for u in result] == ["Di", "Ann"]
    di, ann = result
    assert di.value == 5 + 2  # business 5, testimonial 2
    assert ann.value == 4 * 1.5  # a won referral
    assert di.received == 2 and di.last_received == date(2026, 11, 20)
    assert di.kinds == ("business", "testimonial")
    assert di.money == (Money(100000, "GBP"),)
    # Two months (from 23 Sep): Ann's 1 Sep referral drops out; Bob's 1 Oct advice now counts,
    # since what we gave him (1 Jul) came before it. Equal value: the longer-waiting first.
    short = not_helped_back(entries, TODAY, months=2)
    assert [(u.contact_name, u.value) for u in short] == [("Bob", 2), ("Di", 2)]
