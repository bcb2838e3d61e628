"""The form pieces the pitch editor imports under their old name.

They live in ``netcoach.screens.forms`` (``clash``); import them from there.
"""

from netcoach.screens.forms.clash import ClashModal, ClashView

__all__ = ["ClashModal", "ClashView"]
