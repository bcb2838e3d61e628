"""The Give & get screen (key ``g``): the ledger and the exchanges worth making next.

- ``screen``: ``LedgerScreen``, the six tabs, the keys routed to the tab on view, the
  header and the forms it opens.
- ``pane``: ``GiveGetPane``, a tab that reads its rows when shown and makes its own
  changes (a ``netcoach.widgets.list_pane.ListPane``).
- ``ledger_panes``: the entries, the balances and who to help back.
- ``exchange_panes``: my wants and haves, introductions and goals.
- ``rows``: each table's columns, and the cells of its rows.
"""

from netcoach.screens.give_get.screen import LedgerScreen

__all__ = ["LedgerScreen"]
