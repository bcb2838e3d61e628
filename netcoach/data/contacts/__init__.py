"""Contacts: the one path from a screen to the contact tables and back.

- ``search.py``: the contact list and search-as-you-type (pages by key), the levels
  board, counts per level, Today's overdue list; ``search_paths.py`` holds the ways
  a page is read, each cheap for one shape of search.
- ``reads.py``: one contact and its details (emails, tags, history, touches), advisors,
  the keep-in-touch intervals.
- ``writes.py``: add, edit, log a touch, move a level and undo the move, archive.
- ``identify.py``: Today's Identify decision (met in person, still at level 1 a month on).
- ``rows.py``: the one mapping from stored columns to a list row.
- ``connections.py``: the warm connections list reads borrow, in the worker that reads.

Every method returns ``core`` dataclasses and must run in a thread worker.
"""

from __future__ import annotations

from netcoach.data.contacts.identify import IdentifyDecisions
from netcoach.data.contacts.search import ContactSearch
from netcoach.data.contacts.writes import ContactWrites


class ContactRepo(ContactSearch, ContactWrites, IdentifyDecisions):
    """Every contact read and write, on one database and one set of warm readers."""


__all__ = ["ContactRepo"]
