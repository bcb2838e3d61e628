"""Contact lists and search-as-you-type: pages of rows, the levels board, counts per level.

Every read here runs on a warm connection lent by ``connections.ReadConnections`` in
the worker thread that asks; ``search_paths`` holds the ways a page is read.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from dataclasses import replace
from datetime import datetime

from peewee import SqliteDatabase

from netcoach.core.levels import LEVELS, check_level
from netcoach.core.models import ContactFilter, ContactPage, ContactRow, Show, SortOrder
from netcoach.core.network import check_reason
from netcoach.core.search import fts_query, matcher, narrows
from netcoach.data.contacts import search_paths as paths
from netcoach.data.contacts.connections import Clock, ContactsBase
from netcoach.data.contacts.rows import COLUMNS, row_from

# The kind of read a list's first page is: a newer one stops the one still running.
LIST_READ = "contacts-list"


class ContactSearch(ContactsBase):
    """Pages of the contact list as filtered and searched, the board, and counts per level."""

    def __init__(self, db: SqliteDatabase, clock: Clock = datetime.now) -> None:
        super().__init__(db, clock)
        # kind of read -> the last first page's filter, its first row's key, and the
        # connection and data version it was read with
        self._first_rows: dict[
            str, tuple[ContactFilter, tuple[str, int], sqlite3.Connection, int]
        ] = {}

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
        with self.readers.lend(kind) as conn:
            start = (
                None if after is not None or kind is None else self._narrowed(conn, kind, wanted)
            )
            found, first = self._read(conn, wanted, after, limit, count, start)
            if kind is not None and after is None:
                self._remember_first(conn, kind, wanted, first)
            return found

    def _narrowed(
        self, conn: sqlite3.Connection, kind: str, wanted: ContactFilter
    ) -> tuple[str, int] | None:
        """Where the first page of ``wanted`` can start looking, when it narrows the last
        search of this ``kind``: at that search's first row, since its matches are all
        among that search's (one more letter typed), with nothing written in between."""
        last = self._first_rows.get(kind)
        if last is None:
            return None
        before, first, connection, version = last
        if (
            connection is not conn
            or version != _data_version(conn)
            or replace(before, search=wanted.search) != wanted
            or not narrows(wanted.search, before.search)
        ):
            return None
        key, contact_id = first
        # Just before the first row, in the direction of the sort.
        step = -1 if paths.SORT_KEYS[wanted.sort][1] == "ASC" else 1
        return key, contact_id + step

    def _remember_first(
        self,
        conn: sqlite3.Connection,
        kind: str,
        wanted: ContactFilter,
        first: tuple[str, int] | None,
    ) -> None:
        if first is not None and fts_query(wanted.search) is not None:
            self._first_rows[kind] = (wanted, first, conn, _data_version(conn))
        else:
            self._first_rows.pop(kind, None)

    def board(self, limits: dict[int, int]) -> tuple[dict[int, int], dict[int, ContactPage]]:
        """The levels board in one read: active contacts per level, and the first
        ``limits[level]`` contacts of each level by name."""
        with self.readers.lend() as conn:
            pages = {
                level: self._page(conn, ContactFilter(level=level), None, limit, False)
                for level, limit in limits.items()
            }
            return self._level_counts(conn), pages

    def level_counts(self) -> dict[int, int]:
        """How many active contacts are at each level, 1 to 5 (0 where none)."""
        with self.readers.lend() as conn:
            return self._level_counts(conn)

    def _level_counts(self, conn: sqlite3.Connection) -> dict[int, int]:
        counts = dict.fromkeys((level.number for level in LEVELS), 0)
        for level, number in conn.execute(
            "SELECT level, count(*) FROM contact INDEXED BY contact_active_level_name "
            "WHERE archived_at IS NULL GROUP BY level"
        ):
            counts[level] = number
        return counts

    def rows(self, ids: Iterable[int]) -> list[ContactRow]:
        """Rows for these contacts, in this order (Today's list; it also warms a reader)."""
        wanted = list(ids)
        if not wanted:
            return []
        marks = ", ".join("?" for _ in wanted)
        with self.readers.lend() as conn:
            found = {
                values[0]: values
                for values in conn.execute(
                    f"SELECT {COLUMNS} FROM contact c WHERE c.id IN ({marks})", wanted
                )
            }
        today, now = self.today(), self._now()
        return [row_from(found[i], today, now) for i in wanted if i in found]

    def overdue(self, limit: int = 8) -> tuple[list[ContactRow], int]:
        """The most overdue contacts, highest levels first, and how many are overdue in all."""
        today = self.today().isoformat()
        with self.readers.lend() as conn:
            total = conn.execute(
                "SELECT count(*) FROM contact INDEXED BY contact_active_level_due "
                "WHERE archived_at IS NULL AND next_due_on IS NOT NULL AND next_due_on < ?",
                [today],
            ).fetchone()[0]
            ids: list[int] = []
            for level in range(5, 0, -1):
                if len(ids) >= limit:
                    break
                ids += [
                    row[0]
                    for row in conn.execute(
                        "SELECT id FROM contact INDEXED BY contact_active_level_due "
                        "WHERE archived_at IS NULL AND next_due_on IS NOT NULL AND level = ? "
                        "AND next_due_on < ? ORDER BY next_due_on, id LIMIT ?",
                        [level, today, limit - len(ids)],
                    )
                ]
        return self.rows(ids), int(total)

    def named(self, name: str, limit: int = 20) -> list[ContactRow]:
        """The active contacts whose whole name is ``name`` (ignoring case and spacing): the
        exact match a search by name prefers."""
        wanted = " ".join(name.split())
        with self.readers.lend() as conn:
            ids = [
                row[0]
                for row in conn.execute(
                    "SELECT id FROM contact WHERE archived_at IS NULL AND name = ? COLLATE NOCASE "
                    "ORDER BY id LIMIT ?",
                    [wanted, limit],
                )
            ]
        return self.rows(ids)

    def row(self, contact_id: int) -> ContactRow | None:
        found = self.rows([contact_id])
        return found[0] if found else None

    def tags(self) -> list[str]:
        with self.readers.lend() as conn:
            return [row[0] for row in conn.execute("SELECT name FROM tag ORDER BY name")]

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

    def _page(
        self,
        conn: sqlite3.Connection,
        wanted: ContactFilter,
        after: tuple[str, int] | None,
        limit: int,
        count: bool,
    ) -> ContactPage:
        return self._read(conn, wanted, after, limit, count)[0]

    def _read(
        self,
        conn: sqlite3.Connection,
        wanted: ContactFilter,
        after: tuple[str, int] | None,
        limit: int,
        count: bool,
        start: tuple[str, int] | None = None,
    ) -> tuple[ContactPage, tuple[str, int] | None]:
        """The work of ``page``, on a lent connection, and the key of the page's first row.

        ``start``, for a first page only, is a key no row of the page comes before.

        A search with few matches starts from the index's matches and sorts them; one
        with many walks the sort order in chunks and keeps the rows that match, so
        neither costs more than a few thousand rows however large the network.
        """
        where, params = self._filters(wanted)
        match = fts_query(wanted.search)
        total: int | None = None
        capped = False
        if match is None:
            if count and after is None:
                total = paths.capped(
                    conn,
                    f"SELECT 1 FROM contact c WHERE {' AND '.join(where)}",
                    params,
                    paths.COUNT_CAP,
                )
            fetched, more = paths.walk(conn, wanted.sort, where, params, after, limit)
        elif wanted.sort is SortOrder.NAME and where == [paths.ACTIVE] and paths.in_order(conn):
            where.insert(0, "s.contact_search MATCH ?")
            params.insert(0, match)
            count_to = paths.SEARCH_COUNT_CAP if count and after is None else 0
            found = paths.in_name_order(conn, where, params, after, limit, count_to)
            assert found is not None
            fetched, more, seen = found
            if count_to:
                total = seen
        elif (
            wanted.sort is SortOrder.NAME
            and wanted.show is not Show.ARCHIVED
            and paths.in_order(conn)
            and (found := paths.in_name_order(conn, where, params, after, limit, match=match))
        ):
            # Other filters may keep few of many matches, so only the first
            # WALK_BUDGET matches are read; past them, the paths below take over
            # (as they do for the archived, usually few, from the start).
            fetched, more, _seen = found
            if count and after is None:
                drive_limit = paths.drive_limit(conn)
                matches = paths.capped(
                    conn,
                    "SELECT 1 FROM contact_search WHERE contact_search MATCH ?",
                    [match],
                    drive_limit,
                )
                if matches <= drive_limit:
                    total = paths.capped(
                        conn,
                        f"SELECT 1 FROM contact_search s CROSS JOIN contact c ON {paths.MATCHED} "
                        f"WHERE s.contact_search MATCH ? AND {' AND '.join(where)}",
                        [match, *params],
                        paths.SEARCH_COUNT_CAP,
                    )
        else:
            drive_limit = paths.drive_limit(conn)
            match_cap = max(paths.COUNT_CAP, drive_limit)
            matches = paths.capped(
                conn,
                "SELECT 1 FROM contact_search WHERE contact_search MATCH ?",
                [match],
                match_cap,
            )
            only_active = where == ["c.archived_at IS NULL"]
            if count and after is None and only_active:
                total = paths.active_matches(conn, match, matches, match_cap)
            if matches <= drive_limit and "c.archived_at IS NULL" in where:
                matching = ["s.contact_search MATCH ?", *where]
                if count and after is None and total is None:
                    total = paths.capped(
                        conn,
                        "SELECT 1 FROM contact_search s CROSS JOIN contact c "
                        "INDEXED BY contact_active_by_id "
                        f"ON {paths.MATCHED} WHERE {' AND '.join(matching)}",
                        [match, *params],
                        paths.SEARCH_COUNT_CAP,
                    )
                found = None
                # A search narrowing the last one starts at its first row, so the walk
                # along the order skips the contacts before it.
                begin = after if start is None else start
                if matches >= paths.WALK_MIN_MATCHES:
                    found = paths.walk_order(
                        conn, wanted.sort, where, params, match, begin, limit, matches
                    )
                if found is None:
                    found = paths.walk_matches(
                        conn, wanted.sort, matching, [match, *params], begin, limit
                    )
                fetched, more = found
            elif matches <= drive_limit:
                where.insert(0, "s.contact_search MATCH ?")
                params.insert(0, match)
                if count and after is None:
                    total = paths.capped(
                        conn,
                        "SELECT 1 FROM contact_search s CROSS JOIN contact c "
                        f"ON {paths.MATCHED} WHERE {' AND '.join(where)}",
                        params,
                        paths.SEARCH_COUNT_CAP,
                    )
                fetched, more = paths.walk(
                    conn, wanted.sort, where, params, after, limit, from_matches=True
                )
            else:
                fetched, more, complete = paths.scan(
                    conn, wanted.sort, where, params, after, limit, matcher(wanted.search)
                )
                if not complete:
                    # The matches sit far along the sort order: sort them all instead.
                    fetched, more = paths.walk_matches(
                        conn,
                        wanted.sort,
                        ["s.contact_search MATCH ?", *where],
                        [match, *params],
                        after,
                        limit,
                    )
        if total is not None:
            cap = paths.COUNT_CAP if match is None else paths.SEARCH_COUNT_CAP
            capped = total > cap
            total = min(total, cap)
        today, now = self.today(), self._now()
        rows = tuple(row_from(values, today, now) for values in fetched)
        last_key = (str(fetched[-1][10]), int(fetched[-1][0])) if fetched else after
        first_key = (str(fetched[0][10]), int(fetched[0][0])) if fetched else None
        found = ContactPage(
            rows=rows,
            total=total if total is not None else -1,
            offset=0,
            after=last_key,
            more=more,
            capped=capped,
        )
        return found, first_key


def _data_version(conn: sqlite3.Connection) -> int:
    """A number that changes whenever another connection commits to the database."""
    return int(conn.execute("PRAGMA data_version").fetchone()[0])
