"""Give and get: ledger entries, wants and haves, introductions, goals and saved reviews.

Call these from thread workers only; each method opens its own connection context,
and each write is one transaction.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from datetime import date, datetime, time, timedelta
from typing import TYPE_CHECKING

from peewee import SqliteDatabase

from netcoach.core.goals import Goal, GoalDraft, validate_goal
from netcoach.core.introductions import (
    Introduction,
    TransitionError,
    check_outcome,
    check_transition,
)
from netcoach.core.ledger import (
    KIND_WEIGHT,
    STATUS_WEIGHT,
    Balance,
    DeletedItem,
    EntryDraft,
    LedgerEntry,
    Money,
    Unreturned,
    entry_summary,
    months_before,
    validate_entry,
)
from netcoach.core.merge import merged
from netcoach.core.when import DEADLINE, WhenError
from netcoach.data.errors import NotFoundError, ValidationError
from netcoach.data.tables import (
    ContactRecord,
    GoalRecord,
    IntroductionRecord,
    LedgerEntryRecord,
    ReviewRecord,
    WantHaveRecord,
)
from netcoach.data.values import stored_date, stored_datetime, stored_datetime_or_none

if TYPE_CHECKING:  # the matcher and the review load on first use, not at start-up
    from netcoach.core.matching import Match, WantHave
    from netcoach.core.review import Period, ReviewInput

Clock = Callable[[], datetime]
MAX_PHRASE = 200
MAX_TAG = 40
# Columns copied whole between a table and its deleted_ twin, where the id is original_id.
ENTRY_COLUMNS = (
    "id",
    "contact_id",
    "direction",
    "kind",
    "happened_on",
    "status",
    "amount_minor",
    "currency",
    "note",
    "introduction_id",
    "created_at",
)
WANT_COLUMNS = ("id", "contact_id", "kind", "phrase", "tag", "created_at")


def _goal_values(draft: GoalDraft) -> dict[str, object]:
    """The goal's columns as a person sets them in the goal form."""
    return {
        "title": draft.title.strip(),
        "metric": draft.metric,
        "kind": draft.kind,
        "target": draft.target,
        "starts_on": draft.starts_on,
        "deadline": draft.deadline,
    }


def _entry_from_row(row: tuple[object, ...]) -> LedgerEntry:
    """A LedgerEntry from a row of ENTRY_COLUMNS followed by the contact's name."""
    (entry_id, contact_id, direction, kind, day, status, minor, currency, note, intro, _made) = row[
        : len(ENTRY_COLUMNS)
    ]
    return LedgerEntry(
        id=int(entry_id),  # type: ignore[arg-type]
        contact_id=int(contact_id),  # type: ignore[arg-type]
        contact_name=str(row[len(ENTRY_COLUMNS)]),
        direction=str(direction),
        kind=str(kind),
        happened_on=stored_date(day),
        status=status if isinstance(status, str) else None,
        amount=Money(int(minor), str(currency)) if minor is not None else None,  # type: ignore[arg-type]
        note=str(note),
        introduction_id=int(intro) if intro is not None else None,  # type: ignore[arg-type]
    )


class SavedReview:
    """A review as saved: the period, its headline figures and the decisions written down."""

    __slots__ = ("decisions", "figures", "id", "label", "period_end", "period_start", "saved_at")

    def __init__(
        self,
        id: int,
        label: str,
        period_start: date,
        period_end: date,
        figures: dict[str, object],
        decisions: list[dict[str, str]],
        saved_at: datetime,
    ) -> None:
        self.id = id
        self.label = label
        self.period_start = period_start
        self.period_end = period_end
        self.figures = figures
        self.decisions = decisions
        self.saved_at = saved_at


class LedgerRepo:
    """What was given and received, wants and haves, introductions, goals and reviews."""

    def __init__(self, db: SqliteDatabase, clock: Clock = datetime.now) -> None:
        self.db = db
        self.clock = clock

    def today(self) -> date:
        return self.clock().date()

    # ---- ledger entries ------------------------------------------------------------------

    def add_entry(self, draft: EntryDraft) -> LedgerEntry:
        """Save one give or get; it also resets the contact's keep-in-touch clock."""
        errors = validate_entry(draft, self.today())
        if errors:
            raise ValidationError(errors)
        with self.db.connection_context(), self.db.atomic("IMMEDIATE"):
            contact = ContactRecord.get_or_none(ContactRecord.id == draft.contact_id)
            if contact is None:
                raise NotFoundError(f"no contact with id {draft.contact_id}")
            record = self._insert_entry(draft, None)
        return self._entry(record, contact.name)

    def _insert_entry(self, draft: EntryDraft, introduction_id: int | None) -> LedgerEntryRecord:
        now = self.clock().replace(microsecond=0)
        record = LedgerEntryRecord.create(
            contact=draft.contact_id,
            direction=draft.direction,
            kind=draft.kind,
            happened_on=draft.happened_on,
            status=draft.status,
            amount_minor=draft.amount.minor if draft.amount else None,
            currency=draft.amount.currency if draft.amount else None,
            note=draft.note.strip(),
            introduction=introduction_id,
            created_at=now,
        )
        touched = (
            now if draft.happened_on == now.date() else datetime.combine(draft.happened_on, time())
        )
        if touched <= now:
            ContactRecord.update(last_interaction_at=touched).where(
                (ContactRecord.id == draft.contact_id)
                & (
                    ContactRecord.last_interaction_at.is_null()
                    | (ContactRecord.last_interaction_at < touched)
                )
            ).execute()
        return record

    def delete_entry(self, entry_id: int) -> LedgerEntry:
        """Delete one entry and return it. Deleting is soft: the entry moves to the
        deleted entries, whole, and ``restore_entry`` puts it back."""
        with self.db.connection_context(), self.db.atomic("IMMEDIATE"):
            record = self._entry_query().where(LedgerEntryRecord.id == entry_id).first()
            if record is None:
                raise NotFoundError(f"no ledger entry with id {entry_id}")
            self._move_to_trash("ledger_entry", "deleted_ledger_entry", ENTRY_COLUMNS, entry_id)
            LedgerEntryRecord.delete().where(LedgerEntryRecord.id == entry_id).execute()
        return self._entry(record, record.contact.name)

    def restore_entry(self, entry_id: int) -> None:
        """Put back the entry with this id deleted last, as it was (with its id, unless a
        newer entry has taken it since)."""
        with self.db.connection_context(), self.db.atomic("IMMEDIATE"):
            deletion = self._last_deletion("deleted_ledger_entry", entry_id)
            self._move_back("deleted_ledger_entry", "ledger_entry", ENTRY_COLUMNS, deletion)

    def deleted(self, limit: int = 200) -> list[DeletedItem]:
        """Deleted entries and wants/haves, most recently deleted first."""
        originals = ["d.original_id", *(f"d.{c}" for c in ENTRY_COLUMNS[1:])]
        with self.db.connection_context():
            entries = self.db.execute_sql(
                f"SELECT d.id, {', '.join(originals)}, c.name, d.deleted_at "
                "FROM deleted_ledger_entry d JOIN contact c ON c.id = d.contact_id "
                "ORDER BY d.deleted_at DESC, d.id DESC LIMIT ?",
                [limit],
            ).fetchall()
            wants = self.db.execute_sql(
                "SELECT d.id, coalesce(c.name, 'Me'), d.kind, d.phrase, d.tag, d.deleted_at "
                "FROM deleted_want_have d LEFT JOIN contact c ON c.id = d.contact_id "
                "ORDER BY d.deleted_at DESC, d.id DESC LIMIT ?",
                [limit],
            ).fetchall()
        items = [
            DeletedItem(
                "entry",
                row[0],
                row[-2],
                entry_summary(_entry_from_row(row[1:])),
                stored_datetime(row[-1]),
            )
            for row in entries
        ]
        items += [
            DeletedItem(
                "want_have",
                deletion,
                name,
                f"{kind}: {phrase}" + (f" #{tag}" if tag else ""),
                stored_datetime(deleted_at),
            )
            for deletion, name, kind, phrase, tag, deleted_at in wants
        ]
        items.sort(key=lambda item: item.deleted_at, reverse=True)
        return items[:limit]

    def restore_deleted(self, item: DeletedItem) -> None:
        """Put back one item listed by ``deleted``."""
        with self.db.connection_context(), self.db.atomic("IMMEDIATE"):
            if item.what == "entry":
                self._move_back("deleted_ledger_entry", "ledger_entry", ENTRY_COLUMNS, item.id)
            else:
                self._put_want_have_back(item.id)

    def _stamp(self) -> str:
        return self.clock().replace(microsecond=0).isoformat(sep=" ")

    def _move_to_trash(
        self,
        table: str,
        trash: str,
        columns: tuple[str, ...],
        item_id: int,
        kept: dict[str, str] | None = None,
    ) -> None:
        """Copy one row of ``table`` into ``trash``, with values for trash-only columns."""
        kept = kept or {}
        names = ", ".join(columns[1:])
        extra = "".join(f", {name}" for name in kept)
        marks = ", ?" * len(kept)
        self.db.execute_sql(
            f"INSERT INTO {trash} (original_id, {names}{extra}, deleted_at) "
            f"SELECT id, {names}{marks}, ? FROM {table} WHERE id = ?",
            [*kept.values(), self._stamp(), item_id],
        )

    def _last_deletion(self, trash: str, original_id: int) -> int:
        found = self.db.execute_sql(
            f"SELECT id FROM {trash} WHERE original_id = ? ORDER BY id DESC LIMIT 1",
            [original_id],
        ).fetchone()
        if found is None:
            raise NotFoundError(f"nothing deleted with id {original_id} to put back")
        return int(found[0])

    def _move_back(self, trash: str, table: str, columns: tuple[str, ...], deletion: int) -> int:
        """Move one deletion from ``trash`` back into ``table``; returns its id there."""
        found = self.db.execute_sql(
            f"SELECT original_id FROM {trash} WHERE id = ?", [deletion]
        ).fetchone()
        if found is None:
            raise NotFoundError(f"nothing deleted with number {deletion} to put back")
        original_id = int(found[0])
        taken = self.db.execute_sql(f"SELECT 1 FROM {table} WHERE id = ?", [original_id]).fetchone()
        names = ", ".join(columns[1:])
        # The item keeps its id unless a newer row has taken it; then it gets a new one.
        with_id = ("id, ", "original_id, ") if taken is None else ("", "")
        cursor = self.db.execute_sql(
            f"INSERT INTO {table} ({with_id[0]}{names}) "
            f"SELECT {with_id[1]}{names} FROM {trash} WHERE id = ?",
            [deletion],
        )
        self.db.execute_sql(f"DELETE FROM {trash} WHERE id = ?", [deletion])
        return original_id if taken is None else int(cursor.lastrowid)

    @staticmethod
    def _entry(record: LedgerEntryRecord, name: str) -> LedgerEntry:
        return LedgerEntry(
            id=record.id,
            contact_id=record.contact_id,
            contact_name=name,
            direction=record.direction,
            kind=record.kind,
            happened_on=stored_date(record.happened_on),
            status=record.status,
            amount=(
                Money(record.amount_minor, record.currency)
                if record.amount_minor is not None
                else None
            ),
            note=record.note,
            introduction_id=record.introduction_id,
        )

    def _entry_query(self):  # type: ignore[no-untyped-def]
        return LedgerEntryRecord.select(
            LedgerEntryRecord, ContactRecord.id, ContactRecord.name
        ).join(ContactRecord, on=(LedgerEntryRecord.contact == ContactRecord.id))

    def list_entries(
        self, offset: int = 0, limit: int = 200, contact_id: int | None = None
    ) -> tuple[list[LedgerEntry], int]:
        """A page of entries, newest first, and how many there are in all."""
        with self.db.connection_context():
            query = self._entry_query()
            if contact_id is not None:
                query = query.where(LedgerEntryRecord.contact == contact_id)
            total = query.count()
            records = (
                query.order_by(LedgerEntryRecord.happened_on.desc(), LedgerEntryRecord.id.desc())
                .offset(max(0, offset))
                .limit(limit)
            )
            return [self._entry(r, r.contact.name) for r in records], total

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
            rows = self.db.execute_sql(
                "SELECT r.contact_id, c.name, r.n, r.worth, r.last_on, r.kinds, "
                "count(*) OVER () FROM ("
                f"SELECT contact_id, count(*) AS n, sum({self._value_sql()}) AS worth, "
                "min(happened_on) AS first_on, max(happened_on) AS last_on, "
                "group_concat(DISTINCT kind) AS kinds FROM ledger_entry "
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
            if ids:
                # Only the people shown, unless every one of them is.
                shown = [] if limit is None else ids
                only = f"AND contact_id IN ({','.join('?' * len(shown))}) " if shown else ""
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
                kinds=tuple(sorted(set(kinds.split(",")))),
                money=tuple(money.get(cid, ())),
            )
            for cid, name, count, worth, last_on, kinds, _total in rows
        ]
        return people, total

    @staticmethod
    def _value_sql() -> str:
        """``entry_value`` as an SQL expression over a ledger_entry row."""
        kind_weight = " ".join(f"WHEN '{k}' THEN {w}" for k, w in KIND_WEIGHT.items())
        status_weight = " ".join(
            f"WHEN '{k}' THEN {w}" for k, w in STATUS_WEIGHT.items() if k is not None
        )
        return f"(CASE kind {kind_weight} ELSE 1 END) * (CASE status {status_weight} ELSE 1 END)"

    # ---- wants and haves -----------------------------------------------------------------

    def wants_haves(self, contact_id: int | None = None) -> list[WantHave]:
        """The wants and haves of one contact, or of the user when ``contact_id`` is None."""
        from netcoach.core.matching import WantHave

        with self.db.connection_context():
            query = WantHaveRecord.select().where(
                WantHaveRecord.contact.is_null()
                if contact_id is None
                else WantHaveRecord.contact == contact_id
            )
            return [
                WantHave(r.id, contact_id, "Me", r.kind, r.phrase, r.tag)
                for r in query.order_by(WantHaveRecord.kind.desc(), WantHaveRecord.id)
            ]

    def add_want_have(
        self, contact_id: int | None, kind: str, phrase: str, tag: str = ""
    ) -> WantHave:
        from netcoach.core.matching import WantHave

        phrase = " ".join(phrase.split())
        tag = " ".join(tag.split())
        errors = {}
        if kind not in ("want", "have"):
            errors["kind"] = "Choose want or have."
        if not phrase:
            errors["phrase"] = "Write a short phrase, like “needs a commercial property lawyer”."
        elif len(phrase) > MAX_PHRASE:
            errors["phrase"] = f"Keep it under {MAX_PHRASE} characters."
        if len(tag) > MAX_TAG:
            errors["tag"] = f"A tag is at most {MAX_TAG} characters."
        if errors:
            raise ValidationError(errors)
        with self.db.connection_context(), self.db.atomic("IMMEDIATE"):
            record = WantHaveRecord.create(
                contact=contact_id,
                kind=kind,
                phrase=phrase,
                tag=tag,
                created_at=self.clock().replace(microsecond=0),
            )
        return WantHave(record.id, contact_id, "Me", kind, phrase, tag)

    def delete_want_have(self, item_id: int) -> WantHave:
        """Delete one want or have and return it. Deleting is soft: it moves to the
        deleted items with the introductions that named it, and
        ``restore_want_have`` puts it back and links them again."""
        from netcoach.core.matching import WantHave

        with self.db.connection_context(), self.db.atomic("IMMEDIATE"):
            record = WantHaveRecord.get_or_none(WantHaveRecord.id == item_id)
            if record is None:
                raise NotFoundError(f"no want or have with id {item_id}")
            named_by = {
                f"{side}_of": ",".join(
                    str(row[0])
                    for row in self.db.execute_sql(
                        f"SELECT id FROM introduction WHERE {side}_id = ?", [item_id]
                    )
                )
                for side in ("want", "have")
            }
            self._move_to_trash("want_have", "deleted_want_have", WANT_COLUMNS, item_id, named_by)
            WantHaveRecord.delete().where(WantHaveRecord.id == item_id).execute()
        return WantHave(record.id, record.contact_id, "", record.kind, record.phrase, record.tag)

    def restore_want_have(self, item_id: int) -> None:
        """Put back the want or have with this id deleted last, linked again to the
        introductions that named it."""
        with self.db.connection_context(), self.db.atomic("IMMEDIATE"):
            self._put_want_have_back(self._last_deletion("deleted_want_have", item_id))

    def _put_want_have_back(self, deletion: int) -> None:
        links = self.db.execute_sql(
            "SELECT want_of, have_of FROM deleted_want_have WHERE id = ?", [deletion]
        ).fetchone()
        new_id = self._move_back("deleted_want_have", "want_have", WANT_COLUMNS, deletion)
        for side, ids in zip(("want", "have"), links or ("", ""), strict=True):
            for intro in filter(None, ids.split(",")):
                self.db.execute_sql(
                    f"UPDATE introduction SET {side}_id = ? WHERE id = ? AND {side}_id IS NULL",
                    [new_id, int(intro)],
                )

    def all_wants_haves(self) -> list[WantHave]:
        """Every want and have of the user and of contacts not archived."""
        from netcoach.core.matching import WantHave

        with self.db.connection_context():
            rows = self.db.execute_sql(
                "SELECT w.id, w.contact_id, coalesce(c.name, 'Me'), w.kind, w.phrase, w.tag "
                "FROM want_have w LEFT JOIN contact c ON c.id = w.contact_id "
                "WHERE w.contact_id IS NULL OR c.archived_at IS NULL"
            ).fetchall()
        return [WantHave(*row) for row in rows]

    def suggestions(self, limit: int = 300) -> list[Match]:
        """Wants meeting haves, leaving out pairs already tracked or dismissed."""
        from netcoach.core.matching import find_matches

        items = self.all_wants_haves()
        with self.db.connection_context():
            tracked = frozenset(
                (w, h)
                for w, h in IntroductionRecord.select(
                    IntroductionRecord.want, IntroductionRecord.have
                ).tuples()
                if w is not None and h is not None
            )
        return find_matches(items, exclude=tracked, limit=limit)

    # ---- introductions -------------------------------------------------------------------

    def start_introduction(self, match: Match, dismissed: bool = False) -> Introduction:
        """Track a suggested introduction between the contact who wants and the one who has.

        ``dismissed`` records a suggestion that is not worth making, so it is not offered again.
        """
        first, second = match.want.owner_id, match.have.owner_id
        if first is None or second is None:
            raise ValidationError(
                {"introduction": "That match involves you: ask or offer directly instead."}
            )
        now = self.clock().replace(microsecond=0)
        with self.db.connection_context(), self.db.atomic("IMMEDIATE"):
            record = IntroductionRecord.create(
                first_contact=first,
                second_contact=second,
                want=match.want.id,
                have=match.have.id,
                reason=f"{match.want.phrase} ↔ {match.have.phrase} ({match.why})",
                state="dismissed" if dismissed else "suggested",
                created_at=now,
                updated_at=now,
            )
        return self.get_introduction(record.id)

    def get_introduction(self, introduction_id: int) -> Introduction:
        found = self.introductions(introduction_id=introduction_id)
        if not found:
            raise NotFoundError(f"no introduction with id {introduction_id}")
        return found[0]

    def introductions(
        self, include_closed: bool = True, introduction_id: int | None = None, limit: int = 500
    ) -> list[Introduction]:
        first = ContactRecord.alias()
        second = ContactRecord.alias()
        with self.db.connection_context():
            query = (
                IntroductionRecord.select(
                    IntroductionRecord, first.name.alias("first_name"), second.name.alias("sn")
                )
                .join(first, on=(IntroductionRecord.first_contact == first.id))
                .switch(IntroductionRecord)
                .join(second, on=(IntroductionRecord.second_contact == second.id))
            )
            if introduction_id is not None:
                query = query.where(IntroductionRecord.id == introduction_id)
            elif not include_closed:
                query = query.where(IntroductionRecord.state != "dismissed")
            rows = query.order_by(
                IntroductionRecord.updated_at.desc(), IntroductionRecord.id.desc()
            )
            return [
                Introduction(
                    id=r.id,
                    first_id=r.first_contact_id,
                    first_name=r.first_name,
                    second_id=r.second_contact_id,
                    second_name=r.sn,
                    reason=r.reason,
                    state=r.state,
                    outcome=r.outcome,
                    introduced_on=stored_date(r.introduced_on) if r.introduced_on else None,
                )
                for r in rows.objects().limit(limit)
            ]

    def move_introduction(self, introduction_id: int, state: str) -> Introduction:
        """Move an introduction one step; making it records an introduction given to both."""
        today = self.today()
        with self.db.connection_context(), self.db.atomic("IMMEDIATE"):
            record = IntroductionRecord.get_or_none(IntroductionRecord.id == introduction_id)
            if record is None:
                raise NotFoundError(f"no introduction with id {introduction_id}")
            try:
                check_transition(record.state, state)
            except TransitionError as error:
                raise ValidationError({"state": str(error)}) from error
            changes: dict[object, object] = {
                IntroductionRecord.state: state,
                IntroductionRecord.updated_at: self.clock().replace(microsecond=0),
            }
            if state == "introduced":
                changes[IntroductionRecord.introduced_on] = today
                for contact_id in (record.first_contact_id, record.second_contact_id):
                    self._insert_entry(
                        EntryDraft(
                            contact_id=contact_id,
                            direction="given",
                            kind="introduction",
                            happened_on=today,
                            note="Introduction made",
                        ),
                        record.id,
                    )
            IntroductionRecord.update(changes).where(
                IntroductionRecord.id == introduction_id
            ).execute()
        return self.get_introduction(introduction_id)

    def record_outcome(self, introduction_id: int, outcome: str) -> Introduction:
        with self.db.connection_context(), self.db.atomic("IMMEDIATE"):
            record = IntroductionRecord.get_or_none(IntroductionRecord.id == introduction_id)
            if record is None:
                raise NotFoundError(f"no introduction with id {introduction_id}")
            try:
                check_outcome(record.state, outcome)
            except TransitionError as error:
                raise ValidationError({"outcome": str(error)}) from error
            IntroductionRecord.update(
                outcome=outcome, updated_at=self.clock().replace(microsecond=0)
            ).where(IntroductionRecord.id == introduction_id).execute()
        return self.get_introduction(introduction_id)

    # ---- optional tables from other areas -------------------------------------------------

    def optional_activity(
        self, start: date | None = None, end: date | None = None
    ) -> tuple[
        tuple[tuple[datetime, int, str | None], ...] | None,
        tuple[tuple[datetime, int], ...] | None,
        dict[str, int] | None,
    ]:
        """One-to-ones, events and reasons-to-network counts, or None where not recorded.

        These tables belong to other parts of netcoach; they are read only when present.
        Every row in the days is returned: which were held is ``core.meetings.tally_time``'s
        to decide, so the review and the One-to-ones tab count by the same rule.
        """
        tables = {
            row[0]
            for row in self.db.execute_sql(
                "SELECT name FROM sqlite_master WHERE type = 'table' "
                "AND name IN ('one_to_one', 'event', 'contact_reason')"
            )
        }
        low = (start or date.min).isoformat()
        high = ((end or date(9998, 12, 31)) + timedelta(days=1)).isoformat()
        one_to_ones = events = reasons = None
        if "one_to_one" in tables:
            one_to_ones = tuple(
                (moment, int(d or 0), o)
                for s, d, o in self.db.execute_sql(
                    "SELECT starts_at, duration_minutes, outcome FROM one_to_one "
                    "WHERE starts_at >= ? AND starts_at < ?",
                    (low, high),
                )
                if (moment := stored_datetime_or_none(s)) is not None
            )
        if "event" in tables:
            events = tuple(
                (moment, int(d or 0))
                for s, d in self.db.execute_sql(
                    "SELECT starts_at, duration_minutes FROM event "
                    "WHERE starts_at >= ? AND starts_at < ?",
                    (low, high),
                )
                if (moment := stored_datetime_or_none(s)) is not None
            )
        if "contact_reason" in tables:
            reasons = dict(
                self.db.execute_sql(
                    "SELECT r.reason, count(DISTINCT r.contact_id) FROM contact_reason r "
                    "JOIN contact c ON c.id = r.contact_id WHERE c.archived_at IS NULL "
                    "GROUP BY r.reason"
                ).fetchall()
            )
        return one_to_ones, events, reasons

    # ---- goals ---------------------------------------------------------------------------

    def _goal_errors(self, draft: GoalDraft) -> dict[str, str]:
        errors = validate_goal(draft)
        try:
            DEADLINE.check(datetime.combine(draft.deadline, time()), self.clock())
        except WhenError as error:
            errors.setdefault("deadline", str(error))
        return errors

    def add_goal(self, draft: GoalDraft) -> Goal:
        errors = self._goal_errors(draft)
        if errors:
            raise ValidationError(errors)
        with self.db.connection_context(), self.db.atomic("IMMEDIATE"):
            record = GoalRecord.create(
                **_goal_values(draft), created_at=self.clock().replace(microsecond=0)
            )
        return next(g for g in self.goals() if g.id == record.id)

    def update_goal(self, goal_id: int, draft: GoalDraft) -> Goal:
        """Change what a goal is (its progress kept by hand stays); returns it as it now is."""
        errors = self._goal_errors(draft)
        if errors:
            raise ValidationError(errors)
        with self.db.connection_context(), self.db.atomic("IMMEDIATE"):
            changed = (
                GoalRecord.update(**_goal_values(draft))
                .where((GoalRecord.id == goal_id) & GoalRecord.archived_at.is_null())
                .execute()
            )
            if not changed:
                raise NotFoundError(f"no goal with id {goal_id}")
        return next(g for g in self.goals() if g.id == goal_id)

    def save_goal_changes(
        self, goal_id: int, opened: Mapping[str, object], changes: Mapping[str, object]
    ) -> Goal:
        """Write only ``changes`` (fields of ``GoalDraft``) to a goal; a field another copy
        changed since the form opened and changed here too raises ``RecordChanged``."""
        with self.db.connection_context(), self.db.atomic("IMMEDIATE"):
            record = GoalRecord.get_or_none(
                (GoalRecord.id == goal_id) & GoalRecord.archived_at.is_null()
            )
            if record is None:
                raise NotFoundError(f"no goal with id {goal_id}")
            current: dict[str, object] = {
                "title": record.title,
                "metric": record.metric,
                "target": record.target,
                "starts_on": stored_date(record.starts_on),
                "deadline": stored_date(record.deadline),
                "kind": record.kind,
            }
            values = merged(opened, current, changes)
            return self.update_goal(goal_id, GoalDraft(**values))  # type: ignore[arg-type]

    def set_goal_progress(self, goal_id: int, progress: int) -> None:
        if not 0 <= progress <= 1_000_000:
            raise ValidationError({"progress": "Progress is a whole number from 0."})
        with self.db.connection_context(), self.db.atomic("IMMEDIATE"):
            GoalRecord.update(manual_progress=progress).where(GoalRecord.id == goal_id).execute()

    def goals(self, include_archived: bool = False) -> list[Goal]:
        """Every goal with its progress, computed from the data where the goal is tied to it."""
        with self.db.connection_context():
            query = GoalRecord.select()
            if not include_archived:
                query = query.where(GoalRecord.archived_at.is_null())
            records = list(query.order_by(GoalRecord.deadline, GoalRecord.id))
            return [
                Goal(
                    id=r.id,
                    title=r.title,
                    metric=r.metric,
                    kind=r.kind,
                    target=r.target,
                    starts_on=stored_date(r.starts_on),
                    deadline=stored_date(r.deadline),
                    progress=self._progress(r),
                )
                for r in records
            ]

    def _progress(self, goal: GoalRecord) -> int | None:
        start, end = stored_date(goal.starts_on), stored_date(goal.deadline)
        if goal.metric == "manual":
            return int(goal.manual_progress)
        if goal.metric in ("given", "received"):
            query = LedgerEntryRecord.select().where(
                (LedgerEntryRecord.direction == goal.metric)
                & (LedgerEntryRecord.happened_on.between(start, end))
            )
            if goal.kind:
                query = query.where(LedgerEntryRecord.kind == goal.kind)
            return int(query.count())
        if goal.metric == "introductions":
            return int(
                IntroductionRecord.select()
                .where(
                    (IntroductionRecord.state == "introduced")
                    & IntroductionRecord.introduced_on.between(start, end)
                )
                .count()
            )
        if goal.metric == "level4_contacts":
            return int(
                ContactRecord.select()
                .where((ContactRecord.level >= 4) & ContactRecord.archived_at.is_null())
                .count()
            )
        if goal.metric == "one_to_ones":
            from netcoach.core.meetings import tally_time

            one_to_ones, _events, _reasons = self.optional_activity(start, end)
            if one_to_ones is None:
                return None
            return tally_time(one_to_ones, (), self.clock(), start, end).held
        return None

    # ---- review --------------------------------------------------------------------------

    def review_input(self, period: Period) -> ReviewInput:
        """Everything the review of ``period`` needs, in one pass over the database."""
        from netcoach.core.review import ReviewInput

        start, end = period.start, period.end
        bounds = (start.isoformat(), end.isoformat())
        value = self._value_sql()
        with self.db.connection_context():
            # By day, in the order of the covering index ledger_entry_day, so SQLite groups
            # as it reads instead of sorting every entry; the days are folded into months here.
            months: dict[tuple[str, str, str, str | None, str | None], list[int | None]] = {}
            for day, direction, kind, status, currency, count, minor in self.db.execute_sql(
                "SELECT happened_on, direction, kind, status, currency, count(*), "
                "sum(amount_minor) FROM ledger_entry WHERE happened_on BETWEEN ? AND ? "
                "GROUP BY happened_on, direction, kind, status, currency",
                bounds,
            ):
                total = months.setdefault((direction, kind, day[:7], status, currency), [0, None])
                total[0] = (total[0] or 0) + count
                if minor is not None:
                    total[1] = (total[1] or 0) + minor
            totals = tuple((*key, int(t[0] or 0), t[1]) for key, t in months.items())
            # In the order of the covering index ledger_entry_person (migration 8), so the
            # groups come out as SQLite reads them; the planner would otherwise sort them.
            people = []
            names: dict[int, str] = {}
            for cid, name, direction, count, worth in self.db.execute_sql(
                "SELECT g.contact_id, c.name, g.direction, g.n, g.worth FROM ("
                f"SELECT contact_id, direction, count(*) AS n, sum({value}) AS worth "
                "FROM ledger_entry INDEXED BY ledger_entry_person "
                "WHERE happened_on BETWEEN ? AND ? "
                "GROUP BY contact_id, direction) AS g JOIN contact c ON c.id = g.contact_id",
                bounds,
            ):
                people.append((cid, direction, count, float(worth)))
                names[cid] = name
            advisors = dict(
                ContactRecord.select(ContactRecord.id, ContactRecord.name)
                .where(ContactRecord.is_advisor & ContactRecord.archived_at.is_null())
                .tuples()
            )
            names.update(advisors)
            changes = tuple(
                self.db.execute_sql(
                    "SELECT contact_id, from_level, to_level FROM level_change "
                    "WHERE changed_at >= ? AND changed_at < ?",
                    (start.isoformat(), (end + timedelta(days=1)).isoformat()),
                ).fetchall()
            )
            one_to_ones, events, reasons = self.optional_activity(start, end)
        goals = tuple(g for g in self.goals() if g.starts_on <= end and g.deadline >= start)
        return ReviewInput(
            period=period,
            totals=totals,
            people=tuple(people),
            names=names,
            advisor_ids=frozenset(advisors),
            level_changes=changes,
            one_to_ones=one_to_ones,
            events=events,
            now=self.clock().replace(microsecond=0),
            goals=goals,
            reasons=reasons,
        )

    def save_review(
        self, period: Period, figures: dict[str, object], decisions: list[dict[str, str]]
    ) -> SavedReview:
        with self.db.connection_context(), self.db.atomic("IMMEDIATE"):
            record = ReviewRecord.create(
                label=period.label,
                period_start=period.start,
                period_end=period.end,
                figures=json.dumps(figures, sort_keys=True, default=str),
                decisions=json.dumps(decisions),
                saved_at=self.clock().replace(microsecond=0),
            )
        return self._review(record)

    def saved_reviews(self, limit: int = 20) -> list[SavedReview]:
        with self.db.connection_context():
            return [
                self._review(r)
                for r in ReviewRecord.select()
                .order_by(ReviewRecord.saved_at.desc(), ReviewRecord.id.desc())
                .limit(limit)
            ]

    def saved_review_of(self, period: Period) -> SavedReview | None:
        """The latest saved review of exactly this period."""
        with self.db.connection_context():
            record = (
                ReviewRecord.select()
                .where(
                    (ReviewRecord.period_start == period.start)
                    & (ReviewRecord.period_end == period.end)
                )
                .order_by(ReviewRecord.saved_at.desc(), ReviewRecord.id.desc())
                .first()
            )
            return self._review(record) if record else None

    def previous_review(self, before: date) -> SavedReview | None:
        """The latest saved review of a period that ended before ``before``."""
        with self.db.connection_context():
            record = (
                ReviewRecord.select()
                .where(ReviewRecord.period_end < before)
                .order_by(ReviewRecord.period_end.desc(), ReviewRecord.saved_at.desc())
                .first()
            )
            return self._review(record) if record else None

    @staticmethod
    def _review(record: ReviewRecord) -> SavedReview:
        try:
            figures = json.loads(record.figures)
            decisions = json.loads(record.decisions)
        except ValueError:
            figures, decisions = {}, []
        return SavedReview(
            id=record.id,
            label=record.label,
            period_start=stored_date(record.period_start),
            period_end=stored_date(record.period_end),
            figures=figures if isinstance(figures, dict) else {},
            decisions=decisions if isinstance(decisions, list) else [],
            saved_at=record.saved_at,
        )
