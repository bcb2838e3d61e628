"""The ways a contact list's page is read, each cheap for one shape of search.

Lists page by key (never by offset), count at most ``COUNT_CAP`` rows, and sort
through indexes, so a keystroke costs the same with fifty contacts or a million.
``search.py`` chooses among these paths; each takes the connection to read on.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterable

from netcoach.core.models import SortOrder
from netcoach.data.contacts.rows import COLUMNS
from netcoach.data.migrations import m0009_search_order as search_order
from netcoach.data.migrations.m0009_search_order import ID_MASK, SHIFT, bucket_of, key_of

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
# A walk along the sort order goes up to WALK_PER_MATCH rows per match of the search, at
# most WALK_ROWS (at 1,000,000 contacts walking 20,000 rows costs about what sorting
# 5,000 matches does).
WALK_PER_MATCH = 1
WALK_ROWS = 20_000
ACTIVE = "c.archived_at IS NULL"
# The contact a search index row stands for (its key is ``bucket << 40 | id``).
MATCHED = f"c.id = (s.rowid & {ID_MASK})"
# A search in name order reads its matches in the index's order this many at a time.
READ_CHUNK = 128
# sort order -> (key expression, direction, keyset comparison)
SORT_KEYS: dict[SortOrder, tuple[str, str, str]] = {
    SortOrder.NAME: ("c.name COLLATE NOCASE", "ASC", ">"),
    SortOrder.LAST_INTERACTION: ("coalesce(c.last_interaction_at, '')", "DESC", "<"),
    SortOrder.NEXT_DUE: ("coalesce(c.next_due_on, '9999-12-31')", "ASC", ">"),
}


def in_name_order(
    conn: sqlite3.Connection,
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
    cursor = conn.execute(
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
    fetched = conn.execute(
        f"SELECT {COLUMNS}, {key} FROM contact c WHERE c.id IN ({marks}) "
        f"ORDER BY {key}, c.id LIMIT ?",
        [*ids, limit + 1],
    ).fetchall()
    return fetched[:limit], len(fetched) > limit, seen


def active_matches(
    conn: sqlite3.Connection, match: str, matches: int, match_cap: int
) -> int | None:
    """How many active contacts match, from the index's count less the archived matches.

    None when too many contacts are archived for that to be cheap.
    """
    if matches > match_cap:
        return matches
    archived = capped(
        conn,
        "SELECT 1 FROM contact INDEXED BY contact_archived_name WHERE archived_at IS NOT NULL",
        [],
        ARCHIVED_CHECK_LIMIT,
    )
    if archived > ARCHIVED_CHECK_LIMIT:
        return None
    if archived == 0:
        return matches
    archived_matches = conn.execute(
        "SELECT count(*) FROM contact_search WHERE contact_search MATCH ? "
        f"AND (rowid & {ID_MASK}) IN "
        "(SELECT id FROM contact INDEXED BY contact_archived_name "
        "WHERE archived_at IS NOT NULL)",
        [match],
    ).fetchone()[0]
    return matches - int(archived_matches)


def in_order(conn: sqlite3.Connection) -> bool:
    """True when the index's name order is fine enough to read a page along it.

    A large network whose contacts mostly came after the order was laid (until
    ``netcoach doctor`` lays it again) is searched as before migration 9.
    """
    biggest, buckets = conn.execute(
        "SELECT (SELECT max(id) FROM contact), (SELECT max(bucket) FROM contact_search_order)"
    ).fetchone()
    return (biggest or 0) < search_order.ORDER_FROM or (
        buckets or 0
    ) * search_order.BUCKET_SIZE * 4 >= biggest


def drive_limit(conn: sqlite3.Connection) -> int:
    """How many matches are cheaper to sort than to find by walking the sort order."""
    biggest = conn.execute("SELECT max(id) FROM contact").fetchone()[0] or 0
    return max(1_000, int((1_600 * biggest) ** 0.5))


def after_key(
    sort: SortOrder, where: list[str], params: list[object], after: tuple[str, int] | None
) -> tuple[list[str], list[object]]:
    """The conditions and their values for the rows of ``sort`` order past ``after``."""
    conditions, values = list(where), list(params)
    if after is not None:
        key, _direction, compare = SORT_KEYS[sort]
        # The first, looser condition lets SQLite seek the index to the key; a row value
        # alone makes it scan from the start.
        conditions.append(f"{key} {compare}= ? AND ({key}, c.id) {compare} (?, ?)")
        values += [after[0], after[0], after[1]]
    return conditions, values


def walk(
    conn: sqlite3.Connection,
    sort: SortOrder,
    where: list[str],
    params: list[object],
    after: tuple[str, int] | None,
    limit: int,
    from_matches: bool = False,
    extra_columns: str = "",
) -> tuple[list[tuple], bool]:
    key, direction = SORT_KEYS[sort][:2]
    conditions, values = after_key(sort, where, params, after)
    source = f"contact_search s CROSS JOIN contact c ON {MATCHED}" if from_matches else "contact c"
    if extra_columns:
        source += f" CROSS JOIN contact_search s ON s.rowid = {key_of('c.name', 'c.id')}"
    sql = (
        f"SELECT {COLUMNS}, {key}{extra_columns} FROM {source} "
        f"WHERE {' AND '.join(conditions)} "
        f"ORDER BY {key} {direction}, c.id {direction} LIMIT ?"
    )
    fetched = conn.execute(sql, [*values, limit + 1]).fetchall()
    return fetched[:limit], len(fetched) > limit


def walk_order(
    conn: sqlite3.Connection,
    sort: SortOrder,
    where: list[str],
    params: list[object],
    match: str,
    after: tuple[str, int] | None,
    limit: int,
    matches: int,
) -> tuple[list[tuple], bool] | None:
    """Walk the sort order's index, keeping contacts among the search's ``matches`` matches.

    The matches' ids are gathered once into a temporary index and each contact
    along the sort order is looked up in it, so a page needs only the rows up to
    its last match rather than sorting every match. None when the page is not
    complete within ``walk_rows(matches)`` rows (the matches sit far along the order).
    """
    key, direction = SORT_KEYS[sort][:2]
    conditions, values = after_key(sort, where, params, after)
    # The inner walk is a co-routine read in its own order, so the outer LIMIT
    # stops it at the page's last match.
    ordered = conn.execute(
        f"SELECT id, k FROM (SELECT c.id AS id, {key} AS k FROM contact c "
        f"WHERE {' AND '.join(conditions)} "
        f"ORDER BY {key} {direction}, c.id {direction} LIMIT ?) "
        f"WHERE id IN (SELECT rowid & {ID_MASK} FROM contact_search "
        "WHERE contact_search MATCH ?) "
        "LIMIT ?",
        [*values, walk_rows(matches), match, limit + 1],
    ).fetchall()
    if len(ordered) <= limit:
        return None
    return rows_in_order(conn, ordered, limit), True


def walk_rows(matches: int) -> int:
    """How far a walk along the sort order goes for a search with ``matches`` matches,
    well short of what sorting them all would cost."""
    return max(WALK_BUDGET, min(WALK_ROWS, matches * WALK_PER_MATCH))


def rows_in_order(conn: sqlite3.Connection, ordered: list[tuple], limit: int) -> list[tuple]:
    """The list columns of the first ``limit`` of ``ordered`` (id, sort key), in that order."""
    ids = [row[0] for row in ordered[:limit]]
    if not ids:
        return []
    marks = ", ".join("?" for _ in ids)
    found = {
        row[0]: row
        for row in conn.execute(f"SELECT {COLUMNS} FROM contact c WHERE c.id IN ({marks})", ids)
    }
    keys = {row[0]: row[1] for row in ordered}
    return [(*found[i], keys[i]) for i in ids if i in found]


def walk_matches(
    conn: sqlite3.Connection,
    sort: SortOrder,
    where: list[str],
    params: list[object],
    after: tuple[str, int] | None,
    limit: int,
) -> tuple[list[tuple], bool]:
    """Sort the search's active matches through a narrow covering index, then fetch a page."""
    key, direction = SORT_KEYS[sort][:2]
    conditions, values = after_key(sort, where, params, after)
    ordered = conn.execute(
        f"SELECT c.id, {key} FROM contact_search s CROSS JOIN contact c "
        f"INDEXED BY contact_active_by_id ON {MATCHED} "
        f"WHERE {' AND '.join(conditions)} "
        f"ORDER BY {key} {direction}, c.id {direction} LIMIT ?",
        [*values, limit + 1],
    ).fetchall()
    return rows_in_order(conn, ordered, limit), len(ordered) > limit


def scan(
    conn: sqlite3.Connection,
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
        chunk, more = walk(
            conn,
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


def capped(conn: sqlite3.Connection, select: str, params: list[object], cap: int) -> int:
    row = conn.execute(f"SELECT count(*) FROM ({select} LIMIT ?)", [*params, cap + 1]).fetchone()
    return int(row[0])
