"""Bringing imported contacts into the network: one transaction, bulk inserts, merge by identity.

The same LinkedIn profile or the same email address is the same person. A
matched contact only gets what it lacks (see ``netcoach.core.imports.merge``);
everything else is created. The whole import is one transaction, so a file
that turns out to be unreadable half-way leaves the database as it was.

The package, one module per step:

- ``importer``: ``ImportRepo``, one transaction per import (rolled back for a dry run).
- ``run``: one run's identity indexes, matching, creating and merging.
- ``cleaning``: each record made what the contact form would accept, with counts.
- ``states``: the current state of matched contacts, to merge against.
- ``batch``: a chunk's rows, written with prepared bulk inserts.
"""

from __future__ import annotations

from netcoach.data.imports.importer import ImportRepo

__all__ = ["ImportRepo"]
