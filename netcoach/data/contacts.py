"""Contact lists that scale, level moves, archive, advisors and keep-in-touch settings.

Lists page by key (never by offset), count at most ``COUNT_CAP`` rows, and sort
through indexes, so a keystroke costs the same with fifty contacts or a million.
"""

from __future__ import annotations

import json
import os
import queue
import sqlite3
import threading
from collections.abc import Callable, Iterable
from concurrent.futures import Future
from datetime import date, datetime
from typing import TypeVar

from peewee import ConnectionContext, OperationalError, SqliteDatabase

from netcoach.core.cadence import MAX_INTERVAL_DAYS, touch_status
from netcoach.core.levels import LevelError, check_level, level_name
from netcoach.core.models import (
    ContactFilter,
    ContactPage,
    ContactRow,
    LevelChange,
    Show,
    SortOrder,
)
from netcoach.core.network import Advisor, check_reason
from netcoach.core.search import fts_query, matcher
from netcoach.data.errors import LevelMoveError, Superseded
from netcoach.data.migrations import m0009_search_order as search_order
from netcoach.data.migrations.m0009_search_order import ID_MASK, SHIFT, bucket_of, key_of
from netcoach.data.values import stored_date_or_none, stored_datetime_or_none

Clock = Callable[[], datetime]
T = TypeVar("T")
INTERVALS_SETTING = "cadence.intervals"
COUNT_CAP = 10_000
# While typing, counting stops sooner: "1,000+ matches" is all a person needs to know.
SEARCH_COUNT_CAP = 1_000
# Up to this many archived contacts, a search's count subtracts them instead of re-counting.
ARCHIVED_CHECK_LIMIT = 2_000
# A search with many matches walks the sort order this many rows at a time, at most
# SCAN_CHUNKS times per page.
SCAN_CHUNK = 400
SCAN_CHUNKS = 8
# A search with at least this many matches first looks for its page along the sort order,
# walking at most WALK_BUDGET contacts, before sorting all its matches.
WALK_MIN_MATCHES = 2_000
WALK_BUDGET = 5_000
ACTIVE = "c.archived_at IS NULL"
# The contact a search index row stands for (its key is ``bucket << 40 | id``).
MATCHED = f"c.id = (s.rowid & {ID_MASK})"
# A search in name order reads its matches in the index's order this many at a time.
READ_CHUNK = 128
COLUMNS = (
    "c.id, c.name, c.company, c.title, c.level, c.is_advisor, c.created_at, "
    "c.last_interaction_at, c.next_due_on, c.archived_at"
)
# sort order -> (key expression, direction, keyset comparison)
SORT_KEYS: dict[SortOrder, tuple[str, str, str]] = {
    SortOrder.NAME: ("c.name COLLATE NOCASE", "ASC", ">"),
    SortOrder.LAST_INTERACTION: ("coalesce(c.last_interaction_at, '')", "DESC", "<"),
    SortOrder.NEXT_DUE: ("coalesce(c.next_due_on, '9999-12-31')", "ASC", ">"),
}


class Reader:
    """One long-lived thread with its own open connection, for the reads made on every keystroke.

    A fresh connection per worker thread starts with a cold page cache and an
    unparsed schema, which costs more than the query itself on a large network.
    The thread ends, closing its connection, after ``IDLE_SECONDS`` without work,
    and reconnects when the database is bound to another file or the file is replaced.

    A read given a ``kind`` supersedes the earlier reads of that kind: one still
    waiting is skipped and one running is interrupted, and both raise ``Superseded``.
    """

    IDLE_SECONDS = 120.0

    def __init__(self, db: SqliteDatabase) -> None:
        self.db = db
        self.jobs: queue.Queue[tuple[Future[object], Callable[[], object], str | None, int]] = (
            queue.Queue()
        )
        self.lock = threading.Lock()
        self.thread: threading.Thread | None = None
        self.turns: dict[str, int] = {}
        self.running: tuple[str | None, int] | None = None
        self.connection: sqlite3.Connection | None = None

    def run(self, job: Callable[[], T], kind: str | None = None) -> T:
        """Run ``job`` on the reader thread and return its result (or raise its error)."""
        future: Future[object] = Future()
        with self.lock:
            turn = 0
            if kind is not None:
                turn = self.turns[kind] = self.turns.get(kind, 0) + 1
                if self.running is not None and self.running[0] == kind and self.connection:
                    # Stops only a statement running now; SQLite forgets it before the next.
                    self.connection.interrupt()
            if self.thread is None:
                self.thread = threading.Thread(
                    target=self._loop, name="netcoach-reader", daemon=True
                )
                self.thread.start()
            self.jobs.put((future, job, kind, turn))
        return future.result()  # type: ignore[return-value]

    def _stale(self, kind: str | None, turn: int) -> bool:
        return kind is not None and self.turns.get(kind) != turn

    def _where(self) -> tuple[object, ...]:
        """The file the database is bound to, down to its inode (a restore replaces it)."""
        path = self.db.database
        try:
            stat = os.stat(path)
        except (OSError, TypeError, ValueError):
            return (path,)
        return (path, stat.st_dev, stat.st_ino)

    def _loop(self) -> None:
        context: ConnectionContext | None = None
        bound: object = None
        try:
            while True:
                try:
                    future, job, kind, turn = self.jobs.get(timeout=self.IDLE_SECONDS)
                except queue.Empty:
                    with self.lock:
                        if self.jobs.empty():
                            self.thread = None
                            return
                    continue
                try:
                    where = self._where()
                    if context is None or bound != where:
                        if context is not None:
                            context.__exit__(None, None, None)
                        context = None
                        fresh = self.db.connection_context()
                        fresh.__enter__()
                        context, bound = fresh, where
                        self.connection = self.db.connection()
                    with self.lock:
                        if self._stale(kind, turn):
                            raise Superseded
                        self.running = (kind, turn)
                    try:
                        future.set_result(job())
                    except (OperationalError, sqlite3.OperationalError) as error:
                        if "interrupted" in str(error) and self._stale(kind, turn):
                            raise Superseded from error
                        raise
                    finally:
                        with self.lock:
                            self.running = None
                except BaseException as error:
                    future.set_exception(error)
        finally:
            self.connection = None
            if context is not None:
                context.__exit__(None, None, None)


class ContactRepo:
    """Reads and writes for the contacts list, the levels board, advisors and cadence."""

    def __init__(self, db: SqliteDatabase, clock: Clock = datetime.now) -> None:
        self.db = db
        self.clock = clock
        self.reader = Reader(db)

    def today(self) -> date:
        return self.clock().date()

    def _now(self) -> datetime:
        return self.clock().replace(microsecond=0)

    # ---- lists ----------------------------------------------------------------------------

    def row_from(self, values: tuple, today: date | None = None) -> ContactRow:
        (cid, name, company, title, level, advisor, created, last, due, archived) = values
        created_at = stored_datetime_or_none(created) or self._now()
        last_at = stored_datetime_or_none(last)
        due_on = stored_date_or_none(due)
        return ContactRow(
            id=cid,
            name=name,
            company=company,
            title=title,
            level=level,
            is_advisor=bool(advisor),
            last_touch=last_at or created_at,
            last_interaction_at=last_at,
            next_due=due_on,
            status=touch_status(due_on, today or self.today()),
            archived=archived is not None,
        )

    def _filters(self, wanted: ContactFilter) -> tuple[list[str], list[object]]:
        where: list[str] = []
        params: list[object] = []
        if wanted.show is Show.ARCHIVED:
            where.append("c.archived_at IS NOT NULL")
        else:
            where.append("c.archived_at IS NULL")
        if wanted.level is not None:
            where.append("c.level = ?")
            params.append(check_level(wanted.level))
        if wanted.show is Show.OVERDUE:
            where.append("c.next_due_on < ?")
            params.append(self.today().isoformat())
        if wanted.show is Show.ADVISORS:
            where.append("c.is_advisor = 1")
        if wanted.tag:
            where.append(
                "EXISTS (SELECT 1 FROM contact_tag ct JOIN tag t ON t.id = ct.tag_id "
                "WHERE ct.contact_id = c.id AND t.name = ?)"
            )
            params.append(wanted.tag)
        if wanted.reason:
            where.append(
                "EXISTS (SELECT 1 FROM contact_reason r WHERE r.contact_id = c.id AND r.reason = ?)"
            )
            params.append(check_reason(wanted.reason))
        return where, params

    def page(
        self,
        wanted: ContactFilter,
        after: tuple[str, int] | None = None,
        limit: int = 100,
        count: bool = True,
        kind: str | None = None,
    ) -> ContactPage:
        """One page of the list ``wanted`` describes, continuing after the ``after`` key.

        Given a ``kind``, a later page of that kind stops this one (``Superseded``).
        """
        return self.reader.run(lambda: self._page(wanted, after, limit, count), kind)

    def _page(
        self,
        wanted: ContactFilter,
        after: tuple[str, int] | None,
        limit: int,
        count: bool,
    ) -> ContactPage:
        """The work of ``page``, on the reader thread.

        A search with few matches starts from the index's matches and sorts them; one
        with many walks the sort order in chunks and keeps the rows that match, so
        neither costs more than a few thousand rows however large the network.
        """
        where, params = self._filters(wanted)
        match = fts_query(wanted.search)
        total: int | None = None
        capped = False
        with self.db.connection_context():
            if match is None:
                if count and after is None:
                    total = self._capped(
                        f"SELECT 1 FROM contact c WHERE {' AND '.join(where)}", params, COUNT_CAP
                    )
                fetched, more = self._walk(wanted.sort, where, params, after, limit)
            elif wanted.sort is SortOrder.NAME and where == [ACTIVE] and self._in_order():
                where.insert(0, "s.contact_search MATCH ?")
                params.insert(0, match)
                count_to = SEARCH_COUNT_CAP if count and after is None else 0
                found = self._in_name_order(where, params, after, limit, count_to)
                assert found is not None
                fetched, more, seen = found
                if count_to:
                    total = seen
            elif (
                wanted.sort is SortOrder.NAME
                and wanted.show is not Show.ARCHIVED
                and self._in_order()
                and (found := self._in_name_order(where, params, after, limit, match=match))
            ):
                # Other filters may keep few of many matches, so only the first
                # WALK_BUDGET matches are read; past them, the paths below take over
                # (as they do for the archived, usually few, from the start).
                fetched, more, _seen = found
                if count and after is None:
                    drive_limit = self._drive_limit()
                    matches = self._capped(
                        "SELECT 1 FROM contact_search WHERE contact_search MATCH ?",
                        [match],
                        drive_limit,
                    )
                    if matches <= drive_limit:
                        total = self._capped(
                            f"SELECT 1 FROM contact_search s CROSS JOIN contact c ON {MATCHED} "
                            f"WHERE s.contact_search MATCH ? AND {' AND '.join(where)}",
                            [match, *params],
                            SEARCH_COUNT_CAP,
                        )
            else:
                drive_limit = self._drive_limit()
                match_cap = max(COUNT_CAP, drive_limit)
                matches = self._capped(
                    "SELECT 1 FROM contact_search WHERE contact_search MATCH ?", [match], match_cap
                )
                only_active = where == ["c.archived_at IS NULL"]
                if count and after is None and only_active:
                    total = self._active_matches(match, matches, match_cap)
                if matches <= drive_limit and "c.archived_at IS NULL" in where:
                    matching = ["s.contact_search MATCH ?", *where]
                    if count and after is None and total is None:
                        total = self._capped(
                            "SELECT 1 FROM contact_search s CROSS JOIN contact c "
                            "INDEXED BY contact_active_by_id "
                            f"ON {MATCHED} WHERE {' AND '.join(matching)}",
                            [match, *params],
                            SEARCH_COUNT_CAP,
                        )
                    found = None
                    if matches >= WALK_MIN_MATCHES:
                        found = self._walk_order(wanted.sort, where, params, match, after, limit)
                    if found is None:
                        found = self._walk_matches(
                            wanted.sort, matching, [match, *params], after, limit
                        )
                    fetched, more = found
                elif matches <= drive_limit:
                    where.insert(0, "s.contact_search MATCH ?")
                    params.insert(0, match)
                    if count and after is None:
                        total = self._capped(
                            "SELECT 1 FROM contact_search s CROSS JOIN contact c "
                            f"ON {MATCHED} WHERE {' AND '.join(where)}",
                            params,
                            SEARCH_COUNT_CAP,
                        )
                    fetched, more = self._walk(
                        wanted.sort, where, params, after, limit, from_matches=True
                    )
                else:
                    fetched, more, complete = self._scan(
                        wanted.sort, where, params, after, limit, matcher(wanted.search)
                    )
                    if not complete:
                        # The matches sit far along the sort order: sort them all instead.
                        fetched, more = self._walk_matches(
                            wanted.sort,
                            ["s.contact_search MATCH ?", *where],
                            [match, *params],
                            after,
                            limit,
                        )
        if total is not None:
            cap = COUNT_CAP if match is None else SEARCH_COUNT_CAP
            capped = total > cap
            total = min(total, cap)
        today = self.today()
        rows = tuple(self.row_from(values[:10], today) for values in fetched)
        last_key = (str(fetched[-1][10]), int(fetched[-1][0])) if fetched else after
        return ContactPage(
            rows=rows,
            total=total if total is not None else -1,
            offset=0,
            after=last_key,
            more=more,
            capped=capped,
        )

    def _in_name_order(
        self,
        where: list[str],
        params: list[object],
        after: tuple[str, int] | None,
        limit: int,
        count_to: int = 0,
        match: str | None = None,
    ) -> tuple[list[tuple], bool, int] | None:
        """A search's page in name order, read from its first matches in the index's order.

        The index holds contacts bucket by bucket in name order (migration 9), so
        the page is among the matches read until ``limit`` + 1 are found and the
        bucket of the last one is complete; only those are sorted. Returns the rows,
        whether more follow, and how many matches were read: all of them, or more
        than ``count_to`` when there are more than that.

        Given ``match``, ``where`` holds only the filters and at most WALK_BUDGET
        of the index's matches are read; None when the page is not complete by then.
        """
        key = SORT_KEYS[SortOrder.NAME][0]
        conditions = list(where)
        values = list(params)
        matches_from = "contact_search s"
        start = ""
        if after is not None:
            conditions.append(f"({key}, c.id) > (?, ?)")
            start = f"s.rowid >= ({bucket_of('?', '?')} << {SHIFT})"
        if match is None:
            if start:
                conditions.append(start)
            starts: list[object] = []
        else:
            matches_from = (
                "(SELECT rowid FROM contact_search s WHERE s.contact_search MATCH ? "
                f"{'AND ' + start if start else ''} ORDER BY s.rowid LIMIT ?) s"
            )
            starts = [match, *(after if start else ()), WALK_BUDGET]
        if after is not None:
            values += [after[0], after[1]]
            if match is None:
                values += [after[0], after[1]]
        cursor = self.db.execute_sql(
            f"SELECT s.rowid >> {SHIFT}, c.id FROM {matches_from} "
            f"CROSS JOIN contact c ON {MATCHED} WHERE {' AND '.join(conditions)} "
            "ORDER BY s.rowid",
            [*starts, *values],
        )
        ids: list[int] = []
        last_bucket: int | None = None
        page_done = False
        seen = 0
        try:
            while not (page_done and seen > count_to) and (chunk := cursor.fetchmany(READ_CHUNK)):
                for bucket, contact_id in chunk:
                    seen += 1
                    if not page_done:
                        if len(ids) > limit and bucket != last_bucket:
                            page_done = True
                        else:
                            if len(ids) <= limit:
                                last_bucket = bucket
                            ids.append(contact_id)
                    if page_done and seen > count_to:
                        break
        finally:
            cursor.close()
        if match is not None and not page_done:
            return None
        if not ids:
            return [], False, seen
        marks = ", ".join("?" for _ in ids)
        fetched = self.db.execute_sql(
            f"SELECT {COLUMNS}, {key} FROM contact c WHERE c.id IN ({marks}) "
            f"ORDER BY {key}, c.id LIMIT ?",
            [*ids, limit + 1],
        ).fetchall()
        return fetched[:limit], len(fetched) > limit, seen

    def _active_matches(self, match: str, matches: int, match_cap: int) -> int | None:
        """How many active contacts match, from the index's count less the archived matches.

        None when too many contacts are archived for that to be cheap.
        """
        if matches > match_cap:
            return matches
        archived = self._capped(
            "SELECT 1 FROM contact INDEXED BY contact_archived_name WHERE archived_at IS NOT NULL",
            [],
            ARCHIVED_CHECK_LIMIT,
        )
        if archived > ARCHIVED_CHECK_LIMIT:
            return None
        if archived == 0:
            return matches
        archived_matches = self.db.execute_sql(
            "SELECT count(*) FROM contact_search WHERE contact_search MATCH ? "
            f"AND (rowid & {ID_MASK}) IN "
            "(SELECT id FROM contact INDEXED BY contact_archived_name "
            "WHERE archived_at IS NOT NULL)",
            [match],
        ).fetchone()[0]
        return matches - int(archived_matches)

    def _in_order(self) -> bool:
        """True when the index's name order is fine enough to read a page along it.

        A large network whose contacts mostly came after the order was laid (until
        ``netcoach doctor`` lays it again) is searched as before migration 9.
        """
        biggest, buckets = self.db.execute_sql(
            "SELECT (SELECT max(id) FROM contact), (SELECT max(bucket) FROM contact_search_order)"
        ).fetchone()
        return (biggest or 0) < search_order.ORDER_FROM or (
            buckets or 0
        ) * search_order.BUCKET_SIZE * 4 >= biggest

    def _drive_limit(self) -> int:
        """How many matches are cheaper to sort than to find by walking the sort order."""
        biggest = self.db.execute_sql("SELECT max(id) FROM contact").fetchone()[0] or 0
        return max(1_000, int((1_600 * biggest) ** 0.5))

    def _walk(
        self,
        sort: SortOrder,
        where: list[str],
        params: list[object],
        after: tuple[str, int] | None,
        limit: int,
        from_matches: bool = False,
        extra_columns: str = "",
    ) -> tuple[list[tuple], bool]:
        key, direction, compare = SORT_KEYS[sort]
        conditions = list(where)
        values = list(params)
        if after is not None:
            conditions.append(f"({key}, c.id) {compare} (?, ?)")
            values += [after[0], after[1]]
        source = (
            f"contact_search s CROSS JOIN contact c ON {MATCHED}" if from_matches else "contact c"
        )
        if extra_columns:
            source += f" CROSS JOIN contact_search s ON s.rowid = {key_of('c.name', 'c.id')}"
        sql = (
            f"SELECT {COLUMNS}, {key}{extra_columns} FROM {source} "
            f"WHERE {' AND '.join(conditions)} "
            f"ORDER BY {key} {direction}, c.id {direction} LIMIT ?"
        )
        fetched = self.db.execute_sql(sql, [*values, limit + 1]).fetchall()
        return fetched[:limit], len(fetched) > limit

    def _walk_order(
        self,
        sort: SortOrder,
        where: list[str],
        params: list[object],
        match: str,
        after: tuple[str, int] | None,
        limit: int,
    ) -> tuple[list[tuple], bool] | None:
        """Walk the sort order's index, keeping contacts among the search's matches.

        The matches' ids are gathered once into a temporary index and each contact
        along the sort order is looked up in it, so a page needs only the rows up to
        its last match rather than sorting every match. None when the page is not
        complete within ``WALK_BUDGET`` rows (the matches sit far along the order).
        """
        key, direction, compare = SORT_KEYS[sort]
        conditions = list(where)
        values = list(params)
        if after is not None:
            conditions.append(f"({key}, c.id) {compare} (?, ?)")
            values += [after[0], after[1]]
        # The inner walk is a co-routine read in its own order, so the outer LIMIT
        # stops it at the page's last match.
        ordered = self.db.execute_sql(
            f"SELECT id, k FROM (SELECT c.id AS id, {key} AS k FROM contact c "
            f"WHERE {' AND '.join(conditions)} "
            f"ORDER BY {key} {direction}, c.id {direction} LIMIT ?) "
            f"WHERE id IN (SELECT rowid & {ID_MASK} FROM contact_search "
            "WHERE contact_search MATCH ?) "
            "LIMIT ?",
            [*values, WALK_BUDGET, match, limit + 1],
        ).fetchall()
        if len(ordered) <= limit:
            return None
        return self._rows_in_order(ordered, limit), True

    def _rows_in_order(self, ordered: list[tuple], limit: int) -> list[tuple]:
        """The list columns of the first ``limit`` of ``ordered`` (id, sort key), in that order."""
        ids = [row[0] for row in ordered[:limit]]
        if not ids:
            return []
        marks = ", ".join("?" for _ in ids)
        found = {
            row[0]: row
            for row in self.db.execute_sql(
                f"SELECT {COLUMNS} FROM contact c WHERE c.id IN ({marks})", ids
            )
        }
        keys = {row[0]: row[1] for row in ordered}
        return [(*found[i], keys[i]) for i in ids if i in found]

    def _walk_matches(
        self,
        sort: SortOrder,
        where: list[str],
        params: list[object],
        after: tuple[str, int] | None,
        limit: int,
    ) -> tuple[list[tuple], bool]:
        """Sort the search's active matches through a narrow covering index, then fetch a page."""
        key, direction, compare = SORT_KEYS[sort]
        conditions = list(where)
        values = list(params)
        if after is not None:
            conditions.append(f"({key}, c.id) {compare} (?, ?)")
            values += [after[0], after[1]]
        ordered = self.db.execute_sql(
            f"SELECT c.id, {key} FROM contact_search s CROSS JOIN contact c "
            f"INDEXED BY contact_active_by_id ON {MATCHED} "
            f"WHERE {' AND '.join(conditions)} "
            f"ORDER BY {key} {direction}, c.id {direction} LIMIT ?",
            [*values, limit + 1],
        ).fetchall()
        return self._rows_in_order(ordered, limit), len(ordered) > limit

    def _scan(
        self,
        sort: SortOrder,
        where: list[str],
        params: list[object],
        after: tuple[str, int] | None,
        limit: int,
        matches: Callable[[Iterable[str]], bool],
    ) -> tuple[list[tuple], bool, bool]:
        """Walk the sort order in chunks, keeping rows whose indexed text matches.

        Returns the rows, whether more may follow, and whether the walk finished
        within SCAN_CHUNKS chunks (when not, the caller sorts the matches instead).
        """
        kept: list[tuple] = []
        position = after
        for _ in range(SCAN_CHUNKS):
            chunk, more = self._walk(
                sort,
                where,
                params,
                position,
                SCAN_CHUNK,
                extra_columns=", s.name, s.company, s.title, s.emails, s.tags, s.notes",
            )
            for values in chunk:
                if matches(str(text) for text in values[11:]):
                    kept.append(values[:11])
                    if len(kept) > limit:
                        return kept[:limit], True, True
            if not more or not chunk:
                return kept, False, True
            position = (str(chunk[-1][10]), int(chunk[-1][0]))
        return kept, True, False

    def _capped(self, select: str, params: list[object], cap: int) -> int:
        row = self.db.execute_sql(
            f"SELECT count(*) FROM ({select} LIMIT ?)", [*params, cap + 1]
        ).fetchone()
        return int(row[0])

    def tags(self) -> list[str]:
        with self.db.connection_context():
            return [row[0] for row in self.db.execute_sql("SELECT name FROM tag ORDER BY name")]

    def row(self, contact_id: int) -> ContactRow | None:
        with self.db.connection_context():
            found = self.db.execute_sql(
                f"SELECT {COLUMNS} FROM contact c WHERE c.id = ?", [contact_id]
            ).fetchone()
        return self.row_from(found) if found else None

    # ---- levels ---------------------------------------------------------------------------

    def level_counts(self) -> dict[int, int]:
        return self.reader.run(self._level_counts)

    def board(self, limits: dict[int, int]) -> tuple[dict[int, int], dict[int, ContactPage]]:
        """The levels board in one read: active contacts per level, and the first
        ``limits[level]`` contacts of each level by name.

        One job on the reader thread rather than one per column: while the screen is
        being built, every hand-over between threads waits for the interpreter lock.
        """

        def read() -> tuple[dict[int, int], dict[int, ContactPage]]:
            pages = {
                level: self._page(ContactFilter(level=level), None, limit, False)
                for level, limit in limits.items()
            }
            return self._level_counts(), pages

        return self.reader.run(read)

    def _level_counts(self) -> dict[int, int]:
        counts = dict.fromkeys(range(1, 6), 0)
        with self.db.connection_context():
            for level, number in self.db.execute_sql(
                "SELECT level, count(*) FROM contact INDEXED BY contact_active_level_name "
                "WHERE archived_at IS NULL GROUP BY level"
            ):
                counts[level] = number
        return counts

    def move_level(self, contact_id: int, step: int, reason: str) -> LevelChange:
        """Move a contact one level up (+1) or down (-1), recording the date and the reason."""
        if step not in (1, -1):
            raise LevelMoveError("a contact moves one level at a time")
        reason = " ".join(reason.split())
        if not reason:
            raise LevelMoveError("a level change needs a short reason")
        now = self._now()
        with self.db.connection_context(), self.db.atomic("IMMEDIATE"):
            found = self.db.execute_sql(
                "SELECT level, name FROM contact WHERE id = ?", [contact_id]
            ).fetchone()
            if found is None:
                raise LevelMoveError(f"no contact with id {contact_id}")
            old_level, name = found
            try:
                new_level = check_level(old_level + step)
            except LevelError:
                where = "top" if step > 0 else "first"
                raise LevelMoveError(
                    f"{name[:60]} is already at the {where} level, {level_name(old_level)}"
                ) from None
            self.db.execute_sql(
                "UPDATE contact SET level = ?, updated_at = ? WHERE id = ?",
                [new_level, now, contact_id],
            )
            cursor = self.db.execute_sql(
                "INSERT INTO level_change (contact_id, from_level, to_level, reason, changed_at) "
                "VALUES (?, ?, ?, ?, ?)",
                [contact_id, old_level, new_level, reason, now],
            )
            change_id = cursor.lastrowid
        return LevelChange(change_id, contact_id, old_level, new_level, reason, now)

    def undo_level_change(self, change: LevelChange) -> None:
        """Put the level back as it was before ``change`` and forget the change."""
        if change.from_level is None:
            return
        with self.db.connection_context(), self.db.atomic("IMMEDIATE"):
            self.db.execute_sql(
                "UPDATE contact SET level = ?, updated_at = ? WHERE id = ?",
                [check_level(change.from_level), self._now(), change.contact_id],
            )
            self.db.execute_sql("DELETE FROM level_change WHERE id = ?", [change.id])

    # ---- archive --------------------------------------------------------------------------

    def set_archived(self, contact_id: int, archived: bool) -> str:
        """Hide (or bring back) a contact, keeping every bit of its history; returns the name."""
        with self.db.connection_context(), self.db.atomic("IMMEDIATE"):
            found = self.db.execute_sql(
                "SELECT name FROM contact WHERE id = ?", [contact_id]
            ).fetchone()
            if found is None:
                raise LookupError(f"no contact with id {contact_id}")
            self.db.execute_sql(
                "UPDATE contact SET archived_at = ?, updated_at = ? WHERE id = ?",
                [self._now() if archived else None, self._now(), contact_id],
            )
        return str(found[0])

    # ---- advisors -------------------------------------------------------------------------

    def advisors(self, limit: int = 200) -> list[Advisor]:
        """The informal board: active contacts flagged as advisors, highest level first."""
        with self.db.connection_context():
            return [
                Advisor(cid, name, company, level, stored_datetime_or_none(last))
                for cid, name, company, level, last in self.db.execute_sql(
                    "SELECT id, name, company, level, last_interaction_at FROM contact "
                    "WHERE is_advisor = 1 AND archived_at IS NULL "
                    "ORDER BY level DESC, name COLLATE NOCASE, id LIMIT ?",
                    [limit],
                )
            ]

    # ---- keep in touch --------------------------------------------------------------------

    def set_cadence_intervals(self, intervals: dict[int, int | None]) -> None:
        """Store the days between touches per level; every next-due date follows (trigger)."""
        clean: dict[str, int | None] = {}
        for level, days in intervals.items():
            number = check_level(level)
            if days is not None and not 1 <= int(days) <= MAX_INTERVAL_DAYS:
                raise ValueError(f"days between touches must be from 1 to {MAX_INTERVAL_DAYS}")
            clean[str(number)] = None if days is None else int(days)
        with self.db.connection_context(), self.db.atomic("IMMEDIATE"):
            self.db.execute_sql(
                "INSERT INTO setting (key, value) VALUES (?, ?) "
                "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                [INTERVALS_SETTING, json.dumps(clean, sort_keys=True)],
            )

    def rows(self, ids: Iterable[int]) -> list[ContactRow]:
        """Rows for these contacts, in this order (Today's list; it also warms the reader)."""
        wanted = list(ids)
        return self.reader.run(lambda: self._rows_for(wanted))

    def _rows_for(self, wanted: list[int]) -> list[ContactRow]:
        if not wanted:
            return []
        marks = ", ".join("?" for _ in wanted)
        with self.db.connection_context():
            found = {
                values[0]: values
                for values in self.db.execute_sql(
                    f"SELECT {COLUMNS} FROM contact c WHERE c.id IN ({marks})", wanted
                )
            }
        today = self.today()
        return [self.row_from(found[i], today) for i in wanted if i in found]
