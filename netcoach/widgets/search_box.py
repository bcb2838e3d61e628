"""A one-line search box whose typing repaints only itself, with ↓ into its results.

The box has a fixed size (``width: 100%``, ``height: 3`` or one line when compact),
so its text never moves anything else, and a change of text repaints it without a
layout of the screen (``textual_compat.virtual_size_without_layout``).
"""

from __future__ import annotations

from typing import Any, ClassVar

from textual.binding import Binding, BindingType
from textual.geometry import Size
from textual.message import Message
from textual.reactive import Reactive
from textual.widgets import Input

from netcoach.core.validation import SEARCH_MAX
from netcoach.textual_compat import virtual_size_without_layout


class SearchBox(Input):
    """An ``Input`` for search-as-you-type; a change of text costs a repaint, not a layout.

    | Key | Action |
    | --- | --- |
    | down | Post ``ToResults``: the person steps into the results |
    | enter | Post ``Submitted`` (as every ``Input``): open the highlighted result |
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("down", "to_results", "Results", id="search.results", show=False),
    ]

    virtual_size: Reactive[Size] = virtual_size_without_layout()

    class ToResults(Message):
        """↓ in the box: move to the results, on the highlighted one."""

        def __init__(self, search_box: SearchBox) -> None:
            super().__init__()
            self.search_box = search_box

        @property
        def control(self) -> SearchBox:
            return self.search_box

    def __init__(self, value: str | None = None, **kwargs: Any) -> None:
        # A search is a few words: a pasted page stops at SEARCH_MAX characters.
        kwargs.setdefault("max_length", SEARCH_MAX)
        super().__init__(value, **kwargs)

    def action_to_results(self) -> None:
        self.post_message(self.ToResults(self))
