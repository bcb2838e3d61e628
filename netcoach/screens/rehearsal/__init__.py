"""Rehearse: a big timer with signal colours backed by words, and the script as a teleprompter.

- ``screen``: ``RehearsalScreen``, its keys and layout, the pitch it reads, and
  ``open_rehearsal``.
- ``clock``: ``RehearsalClock``, the timer, its digits and signal, and the teleprompter.
- ``saving``: ``RehearsalSaving``, logging a rehearsal, keeping one that failed, quitting.
- ``save_modal``: ``RehearsalSaveModal``, the rating and note asked for at the end.
"""

from netcoach.screens.rehearsal.save_modal import RatingSet, RehearsalSaveModal
from netcoach.screens.rehearsal.screen import RehearsalScreen, open_rehearsal

__all__ = ["RatingSet", "RehearsalSaveModal", "RehearsalScreen", "open_rehearsal"]
