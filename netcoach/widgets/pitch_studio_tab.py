"""What every tab of the Pitch studio is: a ``StudioTab`` shown the studio's latest data.

The tabs themselves are ``netcoach.widgets.pitch_tabs.PitchTabs``; the Structure tab is
in ``netcoach.widgets.pitch_structure_tab``, the others beside ``PitchTabs``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.containers import Vertical

if TYPE_CHECKING:
    from netcoach.widgets.pitch_tabs import PitchTabs

Checklist = dict[str, tuple[bool, bool]]
"""For each part: (ticked, and whether the tick is the person's own rather than the check's)."""


class StudioTab(Vertical):
    """What one tab shows; told the studio's latest data with ``show``."""

    ready = False
    """True once every widget of the tab is mounted (shown data before would be lost)."""

    def on_mount(self) -> None:
        # Textual calls each class's own on_mount, a subclass's first: its columns are set;
        # the widgets inside its containers are mounted by the next refresh.
        self.call_after_refresh(self._ready)

    def studio_tabs(self) -> PitchTabs:
        """The tabs this tab is in, which hold what it shows."""
        # Imported here: PitchTabs is made of the tabs, so its module imports this one.
        from netcoach.widgets.pitch_tabs import PitchTabs

        return self.query_ancestor(PitchTabs)

    def _ready(self) -> None:
        self.ready = True
        self.show(self.studio_tabs())

    def show(self, tabs: PitchTabs) -> None:
        """Show what ``tabs`` holds now."""
