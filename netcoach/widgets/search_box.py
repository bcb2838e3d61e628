"""A one-line search box whose typing repaints only itself.

``Input`` records the width of its text as its virtual size on every change,
and that size is declared to need a layout, so each keystroke reflowed the
whole screen. The box has a fixed size (``width: 100%``, ``height: 3`` or one
line when compact), so its text never moves anything else: here the same
reactive only repaints.
"""

from __future__ import annotations

from textual.geometry import Size
from textual.reactive import Reactive
from textual.widgets import Input


class SearchBox(Input):
    """An ``Input`` for search-as-you-type; a change of text costs a repaint, not a layout."""

    virtual_size: Reactive[Size] = Reactive(Size(0, 0), layout=False)
