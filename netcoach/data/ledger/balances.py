"""Balances: what was given and received per contact, and who is still owed a good turn.

These are grouped in SQL so a large ledger is not read entry by entry.
"""

from __future__ import annotations

from netcoach.core.ledger import (
    KIND_WEIGHT,
    STATUS_WEIGHT,
    Balance,
    Money,
    Unreturned,
    months_before,
)
from netcoach.data.ledger.base import LedgerBase
from netcoach.data.tables import ContactRecord
from netcoach.data.values import stored_date


def value_sql() -> str:
    """``entry_value`` as an SQL expression over a ledger_entry row."""
    kind_weight = " ".join(f"WHEN '{k}' THEN {w}" for k, w in KIND_WEIGHT.items())
    status_weight = " ".join(
        f"WHEN '{k}' THEN {w}" for k, w in STATUS_WEIGHT.items() if k is not None
    )
    return f"(CASE kind {kind_weight} ELSE 1 END) * (CASE status {status_weight} ELSE 1 END)"


class BalancesRepo(LedgerBase):
    """Given against received per contact, and who helped you that you have not helped back."""

    def balances(self, limit: int = 200, contact_id: int | None = None) -> list[Balance]:
        """Given and received by kind per contact (money by currency), most exchanges first."""
        with self.db.connection_context():
            where = "WHERE e.contact_id = ?" if contact_id is not None else ""
            params: list[object] = [contact_id] if contact_id is not None else []
            top = self.db.execute_sql(
                f"SELECT e.contact_id FROM ledger_entry e {where} "
                "GROUP BY e.contact_id ORDER BY count(*) DESC, e.contact_id LIMIT ?",
                [*params, limit],
            ).fetchall()
            ids = [row[0] for row in top]
            if not ids:
                return []
            marks = ",".join("?" * len(ids))
            rows = self.db.execute_sql(
                "SELECT e.contact_id, e.direction, e.kind, count(*), e.currency, "
                "sum(e.amount_minor) FROM ledger_entry e "
                f"WHERE e.contact_id IN ({marks}) "
                "GROUP BY e.contact_id, e.direction, e.kind, e.currency",
                ids,
            ).fetchall()
            names = dict(
                ContactRecord.select(ContactRecord.id, ContactRecord.name)
                .where(ContactRecord.id.in_(ids))
                .tuples()
            )
        tallies: dict[int, Balance] = {
            cid: Balance(cid, names.get(cid, f"#{cid}"), {}, {}, {}, {}) for cid in ids
        }
        for cid, direction, kind, count, currency, minor in rows:
            balance = tallies[cid]
            counts = balance.given if direction == "given" else balance.received
            counts[kind] = counts.get(kind, 0) + count
            if currency and minor is not None:
                money = balance.given_money if direction == "given" else balance.received_money
                money[currency] = money.get(currency, 0) + minor
        return [tallies[cid] for cid in ids]

    def not_helped_back(self, months: int = 6) -> list[Unreturned]:
        """Who gave you something in the last ``months`` with nothing given to them since.

        The rule of ``netcoach.core.ledger.not_helped_back``, grouped in SQL so a large
        ledger is not read entry by entry.
        """
        return self.not_helped_back_first(months, limit=None)[0]

    def not_helped_back_first(
        self, months: int = 6, limit: int | None = 8
    ) -> tuple[list[Unreturned], int]:
        """The first ``limit`` of ``not_helped_back`` (all when None) and how many there are.

        Ordered in SQL as the core rule orders them (most worth first, then the longest
        waiting, then by name), so Today reads only the rows it shows.
        """
        today = self.today()
        bounds = (months_before(today, months).isoformat(), today.isoformat())
        with self.db.connection_context():
            # In the order of the covering index ledger_entry_person, so SQLite groups as it
            # reads instead of sorting the entries; the kinds are read afterwards, for the
            # people shown only (collecting them for everyone was a quarter of the time).
            rows = self.db.execute_sql(
                "SELECT r.contact_id, c.name, r.n, r.worth, r.last_on, count(*) OVER () FROM ("
                f"SELECT contact_id, count(*) AS n, sum({value_sql()}) AS worth, "
                "min(happened_on) AS first_on, max(happened_on) AS last_on "
                "FROM ledger_entry INDEXED BY ledger_entry_person "
                "WHERE direction = 'received' AND happened_on BETWEEN ? AND ? "
                "GROUP BY contact_id) AS r JOIN contact c ON c.id = r.contact_id "
                "WHERE NOT EXISTS (SELECT 1 FROM ledger_entry g WHERE g.contact_id = r.contact_id "
                "AND g.direction = 'given' AND g.happened_on >= r.first_on) "
                "ORDER BY r.worth DESC, r.last_on, c.name, r.contact_id LIMIT ?",
                [*bounds, -1 if limit is None else limit],
            ).fetchall()
            total = rows[0][-1] if rows else 0
            ids = [row[0] for row in rows]
            money: dict[int, list[Money]] = {}
            kinds: dict[int, set[str]] = {}
            if ids:
                # Only the people shown, unless every one of them is.
                shown = [] if limit is None else ids
                only = f"AND contact_id IN ({','.join('?' * len(shown))}) " if shown else ""
                for cid, kind in self.db.execute_sql(
                    "SELECT DISTINCT contact_id, kind FROM ledger_entry "
                    f"WHERE direction = 'received' AND happened_on BETWEEN ? AND ? {only}",
                    [*bounds, *shown],
                ):
                    kinds.setdefault(cid, set()).add(kind)
                for cid, currency, minor in self.db.execute_sql(
                    "SELECT contact_id, currency, sum(amount_minor) FROM ledger_entry "
                    "WHERE direction = 'received' AND currency IS NOT NULL "
                    f"AND happened_on BETWEEN ? AND ? {only}GROUP BY contact_id, currency "
                    "ORDER BY contact_id, currency",
                    [*bounds, *shown],
                ):
                    money.setdefault(cid, []).append(Money(minor, currency))
        people = [
            Unreturned(
                contact_id=cid,
                contact_name=name,
                value=float(worth),
                received=count,
                last_received=stored_date(last_on),
                kinds=tuple(sorted(kinds.get(cid, ()))),
                money=tuple(money.get(cid, ())),
            )
            for cid, name, count, worth, last_on, _total in rows
        ]
        return people, total
