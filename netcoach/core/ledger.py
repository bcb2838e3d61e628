"""Give and get: ledger kinds, money, entry checks, balances and who to help back."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal, InvalidOperation

from netcoach.core.validation import ENTRY_NOTE_MAX, limit_message

DIRECTIONS = ("given", "received")
KINDS = ("referral", "introduction", "advice", "testimonial", "business", "support")
REFERRAL_STATUSES = ("open", "won", "lost")
MAX_AMOUNT = Decimal(10) ** 12

# ISO 4217 codes netcoach knows, with their number of minor-unit digits.
CURRENCY_DIGITS: dict[str, int] = {
    **dict.fromkeys(
        (
            "AED AUD BDT BGN BRL CAD CHF CNY COP CZK DKK EGP EUR GBP GHS HKD HUF IDR ILS INR KES "
            "MAD MXN MYR NGN NOK NZD PEN PHP PKR PLN QAR RON RSD RUB SAR SEK SGD THB TRY TWD UAH "
            "USD ZAR"
        ).split(),
        2,
    ),
    **dict.fromkeys("CLP ISK JPY KRW VND".split(), 0),
    **dict.fromkeys("BHD JOD KWD OMR TND".split(), 3),
}

# How much a kind of help weighs when ranking who helped most; business also by amount.
KIND_WEIGHT = {
    "business": 5,
    "referral": 4,
    "introduction": 3,
    "testimonial": 2,
    "advice": 2,
    "support": 1,
}
STATUS_WEIGHT = {None: 1.0, "open": 1.0, "won": 1.5, "lost": 0.5}


@dataclass(frozen=True, slots=True)
class Money:
    """An amount in one currency, held in minor units so sums are exact."""

    minor: int
    currency: str

    @property
    def amount(self) -> Decimal:
        return Decimal(self.minor).scaleb(-CURRENCY_DIGITS.get(self.currency, 2))

    def __str__(self) -> str:
        digits = CURRENCY_DIGITS.get(self.currency, 2)
        return f"{self.currency} {self.amount:,.{digits}f}"


def parse_amount(text: str, currency: str) -> tuple[Money | None, str | None]:
    """Read an amount typed for ``currency``; returns (money, error message)."""
    code = currency.strip().upper()
    if code not in CURRENCY_DIGITS:
        return None, f"“{currency.strip()}” is not a currency code netcoach knows (e.g. GBP, EUR)."
    raw = text.strip().replace(",", "").replace("_", "")
    if not raw:
        return None, "Enter an amount for business received or given."
    try:
        value = Decimal(raw)
    except InvalidOperation:
        return None, "The amount must be a number, like 1200 or 1200.50."
    if not value.is_finite():
        return None, "The amount must be a number, like 1200 or 1200.50."
    if value < 0:
        return None, "The amount cannot be negative."
    if value > MAX_AMOUNT:
        return None, "That amount is too large to be real (over 1,000,000,000,000)."
    digits = CURRENCY_DIGITS[code]
    scaled = value.scaleb(digits)
    if scaled != scaled.to_integral_value():
        if not digits:
            return None, f"{code} takes whole amounts, with no decimal places."
        return None, f"{code} has {digits} decimal places at most."
    return Money(int(scaled), code), None


def parse_day(text: str) -> tuple[date | None, str | None]:
    """Read an ISO date (YYYY-MM-DD)."""
    try:
        return date.fromisoformat(text.strip()), None
    except ValueError:
        return None, "Use a date like 2026-11-23."


@dataclass(frozen=True, slots=True)
class EntryDraft:
    """What a person typed for one give or get, before it is saved."""

    contact_id: int | None
    direction: str
    kind: str
    happened_on: date
    status: str | None = None
    amount: Money | None = None
    note: str = ""


def validate_entry(draft: EntryDraft, today: date) -> dict[str, str]:
    """Return {field: message} for every problem; empty means the entry can be saved."""
    errors: dict[str, str] = {}
    if draft.contact_id is None:
        errors["contact"] = "Choose who you gave to or received from."
    if draft.direction not in DIRECTIONS:
        errors["direction"] = "Choose given or received."
    if draft.kind not in KINDS:
        errors["kind"] = "Choose what kind of help it was."
    if draft.kind == "referral" and draft.status not in REFERRAL_STATUSES:
        errors["status"] = "A referral is open, won or lost."
    if draft.kind != "referral" and draft.status is not None:
        errors["status"] = "Only referrals have a status."
    if draft.kind == "business" and draft.amount is None:
        errors["amount"] = "Business needs an amount and a currency."
    if draft.amount is not None:
        if draft.amount.currency not in CURRENCY_DIGITS:
            errors["currency"] = "Unknown currency code."
        elif not 0 <= draft.amount.amount <= MAX_AMOUNT:
            errors["amount"] = "The amount must be from 0 to 1,000,000,000,000."
    if (draft.happened_on - today).days > 366:
        errors["happened_on"] = "That date is more than a year ahead."
    elif draft.happened_on.year < 1900:
        errors["happened_on"] = "The earliest date is 1 Jan 1900: check the year."
    if len(draft.note) > ENTRY_NOTE_MAX:
        errors["note"] = limit_message("entry-note")
    return errors


@dataclass(frozen=True, slots=True)
class LedgerEntry:
    """One thing given or received."""

    id: int
    contact_id: int
    contact_name: str
    direction: str
    kind: str
    happened_on: date
    status: str | None
    amount: Money | None
    note: str
    introduction_id: int | None = None


@dataclass(frozen=True, slots=True)
class DeletedItem:
    """A ledger entry or a want/have that was deleted; it is kept so it can be put back."""

    what: str  # "entry" or "want_have"
    id: int  # the number of the deletion, not the id the item had
    contact_name: str  # "Me" for your own wants and haves
    summary: str
    deleted_at: datetime


def entry_summary(entry: LedgerEntry) -> str:
    """One line about an entry: "gave a referral (won) on 3 Mar 2026"."""
    verb = "gave" if entry.direction == "given" else "got"
    status = f" ({entry.status})" if entry.status else ""
    money = f" {entry.amount}" if entry.amount else ""
    return f"{verb} {entry.kind}{status}{money} on {entry.happened_on:%d %b %Y}"


def entry_value(kind: str, status: str | None) -> float:
    """The weight of one entry when ranking who helped most."""
    return KIND_WEIGHT.get(kind, 1) * STATUS_WEIGHT.get(status, 1.0)


@dataclass(frozen=True, slots=True)
class Balance:
    """Given and received with one contact, by kind, and business by currency."""

    contact_id: int
    contact_name: str
    given: dict[str, int] = field(default_factory=dict)
    received: dict[str, int] = field(default_factory=dict)
    given_money: dict[str, int] = field(default_factory=dict)
    received_money: dict[str, int] = field(default_factory=dict)

    @property
    def given_total(self) -> int:
        return sum(self.given.values())

    @property
    def received_total(self) -> int:
        return sum(self.received.values())

    @property
    def balance(self) -> int:
        """Positive when you have given more than you received."""
        return self.given_total - self.received_total


def balances(entries: Iterable[LedgerEntry]) -> list[Balance]:
    """Per contact: counts given and received by kind, and money by currency, most active first."""
    given: dict[int, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    received: dict[int, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    given_money: dict[int, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    received_money: dict[int, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    names: dict[int, str] = {}
    for entry in entries:
        names[entry.contact_id] = entry.contact_name
        side = given if entry.direction == "given" else received
        side[entry.contact_id][entry.kind] += 1
        if entry.amount is not None:
            money = given_money if entry.direction == "given" else received_money
            money[entry.contact_id][entry.amount.currency] += entry.amount.minor
    result = [
        Balance(
            contact_id=cid,
            contact_name=name,
            given=dict(given.get(cid, {})),
            received=dict(received.get(cid, {})),
            given_money=dict(given_money.get(cid, {})),
            received_money=dict(received_money.get(cid, {})),
        )
        for cid, name in names.items()
    ]
    result.sort(key=lambda b: (-(b.given_total + b.received_total), b.contact_name, b.contact_id))
    return result


@dataclass(frozen=True, slots=True)
class Unreturned:
    """Someone who helped you recently while you have not helped them since."""

    contact_id: int
    contact_name: str
    value: float
    received: int
    last_received: date
    kinds: tuple[str, ...]
    money: tuple[Money, ...] = ()


def months_before(day: date, months: int) -> date:
    """The same day ``months`` earlier, clamped to the end of a shorter month."""
    index = day.year * 12 + day.month - 1 - months
    year, month = divmod(index, 12)
    month += 1
    for candidate in (day.day, 30, 29, 28):
        try:
            return date(year, month, min(day.day, candidate))
        except ValueError:
            continue
    return date(year, month, 28)


def not_helped_back(
    entries: Iterable[LedgerEntry], today: date, months: int = 6
) -> list[Unreturned]:
    """Contacts who gave you something in the last ``months`` with nothing given to them since.

    "Since" is counted from the first thing they gave you in the window: anything you gave
    them on or after that day counts as helping back. Most valuable first.
    """
    since = months_before(today, months)
    first_received: dict[int, date] = {}
    last_given: dict[int, date] = {}
    window: dict[int, list[LedgerEntry]] = defaultdict(list)
    for entry in entries:
        if entry.direction == "received" and since <= entry.happened_on <= today:
            window[entry.contact_id].append(entry)
            known = first_received.get(entry.contact_id)
            if known is None or entry.happened_on < known:
                first_received[entry.contact_id] = entry.happened_on
        elif entry.direction == "given":
            known = last_given.get(entry.contact_id)
            if known is None or entry.happened_on > known:
                last_given[entry.contact_id] = entry.happened_on
    result = []
    for cid, got in window.items():
        gave = last_given.get(cid)
        if gave is not None and gave >= first_received[cid]:
            continue
        money: dict[str, int] = defaultdict(int)
        for entry in got:
            if entry.amount is not None:
                money[entry.amount.currency] += entry.amount.minor
        result.append(
            Unreturned(
                contact_id=cid,
                contact_name=got[0].contact_name,
                value=sum(entry_value(e.kind, e.status) for e in got),
                received=len(got),
                last_received=max(e.happened_on for e in got),
                kinds=tuple(sorted({e.kind for e in got})),
                money=tuple(Money(m, c) for c, m in sorted(money.items())),
            )
        )
    result.sort(key=lambda u: (-u.value, u.last_received, u.contact_name))
    return result


def money_text(totals: dict[str, int]) -> str:
    """Amounts per currency, never summed across currencies."""
    if not totals:
        return "—"
    return ", ".join(str(Money(minor, code)) for code, minor in sorted(totals.items()))


def kinds_text(counts: dict[str, int]) -> str:
    """'2 referral, 1 advice' in the order of KINDS."""
    parts = [f"{counts[k]} {k}" for k in KINDS if counts.get(k)]
    return ", ".join(parts) if parts else "—"
