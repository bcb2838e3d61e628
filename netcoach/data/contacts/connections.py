"""Warm connections for the reads made on every keystroke, lent to the worker that reads.

A fresh connection per worker thread starts with a cold page cache and an unparsed
schema, which costs more than the query itself on a large network (at 100,000
contacts the slowest keystrokes took 19 ms instead of 6-8). So the list reads
borrow one of a few connections kept open here, in whichever thread asks: there is
no thread of their own to hand the work to and wait for.

A read lent for a ``kind`` supersedes the earlier reads of that kind: one still
running is interrupted and raises ``Superseded``, so fast typing never queues up
the searches for letters already replaced. A connection is opened again when the
database is bound to another file or the file is replaced (a restore does that),
and one unused for ``IDLE_SECONDS`` is closed.
"""

from __future__ import annotations

import os
import sqlite3
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date, datetime

from peewee import SqliteDatabase

from netcoach.data.errors import Superseded

Clock = Callable[[], datetime]
# Connections kept open between reads: one for the list being typed in, one for another
# list read at the same time (the levels board, a contact picker).
KEPT = 2
IDLE_SECONDS = 120.0


class ReadConnections:
    """At most ``KEPT`` open read-only connections, each used by one thread at a time."""

    def __init__(self, db: SqliteDatabase) -> None:
        self.db = db
        self.lock = threading.Lock()
        self.idle: list[tuple[sqlite3.Connection, tuple[object, ...], float]] = []
        self.turns: dict[str, int] = {}
        self.running: dict[str, tuple[int, sqlite3.Connection]] = {}

    def _where(self) -> tuple[object, ...]:
        """The file the database is bound to, down to its inode (a restore replaces it)."""
        path = self.db.database
        try:
            stat = os.stat(path)
        except (OSError, TypeError, ValueError):
            return (path,)
        return (path, stat.st_dev, stat.st_ino)

    def _open(self) -> sqlite3.Connection:
        from netcoach.data.db import BUSY_TIMEOUT_MS, PRAGMAS

        connection = sqlite3.connect(
            self.db.database,
            timeout=BUSY_TIMEOUT_MS / 1000,
            isolation_level=None,
            check_same_thread=False,
            **self.db.connect_params,
        )
        connection.execute(f"PRAGMA busy_timeout = {int(BUSY_TIMEOUT_MS)}")
        connection.execute(f"PRAGMA cache_size = {int(PRAGMAS['cache_size'])}")
        connection.execute("PRAGMA query_only = 1")
        return connection

    def _take(self, where: tuple[object, ...]) -> sqlite3.Connection | None:
        """An idle connection to ``where``, closing those to another file or idle too long."""
        now = time.monotonic()
        found: sqlite3.Connection | None = None
        kept = []
        for connection, bound, since in self.idle:
            if bound != where or now - since >= IDLE_SECONDS:
                connection.close()
            elif found is None:
                found = connection
            else:
                kept.append((connection, bound, since))
        self.idle = kept
        return found

    @contextmanager
    def lend(self, kind: str | None = None) -> Iterator[sqlite3.Connection]:
        """A connection for one read in this thread; given ``kind``, stop the older of it."""
        with self.lock:
            turn = 0
            if kind is not None:
                turn = self.turns[kind] = self.turns.get(kind, 0) + 1
                older = self.running.get(kind)
                if older is not None:
                    # Stops only a statement running now; SQLite forgets it before the next.
                    older[1].interrupt()
            where = self._where()
            connection = self._take(where)
        if connection is None:
            connection = self._open()
        with self.lock:
            if kind is not None:
                self.running[kind] = (turn, connection)
        try:
            yield connection
        except sqlite3.OperationalError as error:
            if "interrupted" in str(error) and kind is not None and self.turns[kind] != turn:
                raise Superseded from error
            raise
        finally:
            with self.lock:
                if kind is not None and self.running.get(kind, (None,))[0] == turn:
                    del self.running[kind]
                if len(self.idle) < KEPT and not connection.in_transaction:
                    self.idle.append((connection, where, time.monotonic()))
                else:
                    connection.close()

    def close(self) -> None:
        """Close every idle connection (the ones lent now close when given back)."""
        with self.lock:
            for connection, _where, _since in self.idle:
                connection.close()
            self.idle = []


class ContactsBase:
    """What every contacts repository holds: the database, the clock, the warm readers."""

    def __init__(self, db: SqliteDatabase, clock: Clock = datetime.now) -> None:
        self.db = db
        self.clock = clock
        self.readers = ReadConnections(db)

    def today(self) -> date:
        return self.clock().date()

    def _now(self) -> datetime:
        return self.clock().replace(microsecond=0)
