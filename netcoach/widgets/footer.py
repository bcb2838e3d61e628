"""Textual's Footer, rebuilt only when the keys it shows change.

The stock footer recomposes (removes and mounts every key) each time the
screen's bindings may have changed: on every focus change and every screen
switch. That holds all painting for tens of milliseconds while it mounts and
leaves its old keys for the garbage collector, even when the keys are the same.
"""

from __future__ import annotations

from collections.abc import Iterable

from textual.app import ComposeResult
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Footer as TextualFooter
from textual.widgets._footer import FooterKey


def _shown(screen: Screen) -> tuple[tuple[object, ...], ...]:
    """What the footer draws for ``screen``: each shown key, its text and whether it is enabled."""
    app = screen.app
    return (
        *(
            (
                key,
                binding.action,
                binding.description,
                app.get_key_display(binding),
                binding.group,
                enabled,
                tooltip,
            )
            for key, (_node, binding, enabled, tooltip) in screen.active_bindings.items()
            if binding.show or key == app.COMMAND_PALETTE_BINDING
        ),
    )


class Footer(TextualFooter):
    """A footer that skips rebuilding itself when its keys are the ones already shown."""

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self._keys_shown: tuple[tuple[object, ...], ...] | None = None

    def compose(self) -> ComposeResult:
        """Textual's keys, each told up front whether the footer is compact.

        A key starts out compact and is switched to the footer's setting once
        mounted, restyling itself twice on the way; with a dozen keys that was a
        tenth of the time to Today's first frame.
        """
        for widget in super().compose():
            self._preset_compact((widget, *getattr(widget, "_pending_children", ())))
            yield widget

    def _preset_compact(self, widgets: Iterable[Widget]) -> None:
        for widget in widgets:
            if isinstance(widget, FooterKey):
                widget.set_reactive(FooterKey.compact, self.compact)
                widget.set_class(self.compact, "-compact", update=False)

    def bindings_changed(self, screen: Screen) -> None:
        current = self.is_attached and screen is self.screen and screen.app.app_focus
        if not current:
            super().bindings_changed(screen)
            return
        shown = _shown(screen)
        if shown == self._keys_shown:
            return
        self._keys_shown = shown
        super().bindings_changed(screen)
