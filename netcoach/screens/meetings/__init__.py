"""The One-to-ones screen (key ``o``): one-to-ones, events and follow-ups, a page at a time.

- ``screen``: ``MeetingsScreen``, the tabs, the keys, the headline figures and the
  forms it opens.
- ``pane``: ``MeetingsPane``, a tab's status line and table, read a page at a time
  (a ``netcoach.widgets.list_pane.ListPane``).
- ``lists``: the three panes, ``OneToOnesPane``, ``EventsPane`` and ``FollowUpsPane``.
- ``rows``: the columns, and the words and colours in their cells.
"""

from netcoach.screens.meetings.rows import outcome_text
from netcoach.screens.meetings.screen import MeetingsScreen

__all__ = ["MeetingsScreen", "outcome_text"]
