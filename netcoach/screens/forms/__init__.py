"""The pieces every form screen is built from, one concept a module.

- ``base``: ``DraftFormScreen``, what a form subclasses: the check-then-write save,
  saving only the fields that changed.
- ``guard``: ``FormGuard``, leaving with changes asks first, a failed save or load is
  said in the form.
- ``drafts``: ``KeepsDraft``, what the form held when it opened, whether it changed,
  and the draft kept on disk while it is typed in (``DraftOfferModal`` offers it back).
- ``leaving``: ``LeaveFormModal`` (Save / Discard / Keep editing) and
  ``ask_before_quit`` for every screen with changes when netcoach closes.
- ``clash``: ``ClashModal``, choosing field by field when another copy saved first.
- ``fields``: every field's value as plain data, and back.
- ``errors``: the lines shown when a save or a load failed.
- ``rows``: a field's labelled row and the message line under it.
- ``times``: the start and length fields one-to-ones and events share.

Import what a form needs from here: ``from netcoach.screens.forms import DraftFormScreen``.
"""

from netcoach.screens.forms.base import DraftFormScreen
from netcoach.screens.forms.clash import ClashModal, ClashView
from netcoach.screens.forms.drafts import DraftOfferModal, KeepsDraft
from netcoach.screens.forms.errors import LoadFailure, SaveFailure
from netcoach.screens.forms.guard import FormGuard
from netcoach.screens.forms.leaving import LeaveFormModal, ask_before_quit

__all__ = [
    "ClashModal",
    "ClashView",
    "DraftFormScreen",
    "DraftOfferModal",
    "FormGuard",
    "KeepsDraft",
    "LeaveFormModal",
    "LoadFailure",
    "SaveFailure",
    "ask_before_quit",
]
