"""A virtual column of cards for the levels board: fixed-height cards, drawn only when visible.

OptionList tags every line for mouse handling and wraps every prompt; five
columns of it repaint slowly. Here each card is an item (a contact row) that a
``format_card`` function turns into a few one-line ``Text`` values for the
column's width, only when the card comes into view.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, ClassVar

from rich.cells import cell_len
from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual import events
from textual.binding import Binding, BindingType
from textual.geometry import Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from netcoach.textual_compat import set_virtual_size
from netcoach.widgets.cells import crop_cells
from netcoach.widgets.keys import Browsing

CARD_LINES = 3
CARD_HEIGHT = CARD_LINES + 1
# Text width a card is formatted for before the column has been laid out.
UNLAID_WIDTH = 15

CardLines = tuple[Text, ...]
CardFormatter = Callable[[Any, int], CardLines]


class CardList(Browsing, ScrollView, can_focus=True):
    """Cards of ``CARD_LINES`` lines with a blank line between them and a cursor.

    | Key | Action |
    | --- | --- |
    | up / down | Previous or next card |
    | pageup / pagedown / home / end | Move further |
    | enter | Post ``Selected`` for the card under the cursor |
    """

    PLACE = "Levels board column"  # how the help screen names it
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("up", "cursor(-1)", "Up", id="cards.up", show=False),
        Binding("down", "cursor(1)", "Down", id="cards.down", show=False),
        Binding("pageup", "page(-1)", "Page up", id="cards.page-up", show=False),
        Binding("pagedown", "page(1)", "Page down", id="cards.page-down", show=False),
        Binding("home", "edge(0)", "First", id="cards.first", show=False),
        Binding("end", "edge(1)", "Last", id="cards.last", show=False),
        Binding("enter", "select", "Open", id="cards.select", show=False),
    ]

    COMPONENT_CLASSES: ClassVar[set[str]] = {"card-list--cursor"}

    DEFAULT_CSS = """
    CardList {
        height: 1fr;
        background: $surface;
        /* The scrollbar has a gutter of its own: it never covers a card, and cards keep
           their width whether it shows or not. */
        scrollbar-gutter: stable;
        scrollbar-size-vertical: 1;
        overflow-x: hidden;
        & > .card-list--cursor {
            background: $primary 25%;
        }
        &:focus > .card-list--cursor {
            background: $accent 40%;
        }
    }
    """

    cursor: reactive[int] = reactive(0)
    """Index of the highlighted card."""

    class Highlighted(Message):
        def __init__(self, cards: CardList, index: int, card_id: int) -> None:
            super().__init__()
            self.cards = cards
            self.index = index
            self.card_id = card_id

        @property
        def control(self) -> CardList:
            return self.cards

    class Selected(Message):
        def __init__(self, cards: CardList, card_id: int) -> None:
            super().__init__()
            self.cards = cards
            self.card_id = card_id

        @property
        def control(self) -> CardList:
            return self.cards

    def __init__(
        self,
        format_card: CardFormatter,
        *,
        name: str | None = None,
        id: str | None = None,
        classes: str | None = None,
    ) -> None:
        super().__init__(name=name, id=id, classes=classes)
        self.format_card = format_card
        self._ids: list[int] = []
        self._items: list[object] = []
        self._formatted: dict[int, CardLines] = {}
        self._formatted_width = 0
        self._strips: dict[int, Strip] = {}
        self._base_style: Style | None = None

    @property
    def card_count(self) -> int:
        return len(self._ids)

    def clear(self) -> None:
        self.replace_cards([])

    def replace_cards(self, cards: Sequence[tuple[int, object]]) -> None:
        """Show ``cards`` (id, item) instead of those shown, cursor on the first (one repaint)."""
        self._ids = [card_id for card_id, _item in cards]
        self._items = [item for _card_id, item in cards]
        self._formatted.clear()
        self.set_reactive(CardList.cursor, 0)
        self._resize()

    def add_cards(self, cards: Sequence[tuple[int, object]]) -> None:
        for card_id, item in cards:
            self._ids.append(card_id)
            self._items.append(item)
        self._resize()

    def id_at(self, index: int) -> int | None:
        return self._ids[index] if 0 <= index < len(self._ids) else None

    def index_of(self, card_id: int) -> int | None:
        try:
            return self._ids.index(card_id)
        except ValueError:
            return None

    def card_at(self, index: int) -> CardLines:
        """The lines of card ``index`` as drawn at the column's present width."""
        width = self.scrollable_content_region.width - 2
        if width <= 0:
            width = UNLAID_WIDTH
        if width != self._formatted_width:
            self._formatted.clear()
            self._formatted_width = width
        lines = self._formatted.get(index)
        if lines is None:
            lines = self._formatted[index] = self.format_card(self._items[index], width)
        return lines

    def move_cursor(self, index: int) -> None:
        self.cursor = index

    def _resize(self) -> None:
        self._strips.clear()
        set_virtual_size(
            self, Size(self.scrollable_content_region.width, len(self._ids) * CARD_HEIGHT)
        )

    def validate_cursor(self, index: int) -> int:
        return max(0, min(index, max(0, self.card_count - 1)))

    def watch_cursor(self, old: int, new: int) -> None:
        for line in range(CARD_LINES):
            self._strips.pop(old * CARD_HEIGHT + line, None)
            self._strips.pop(new * CARD_HEIGHT + line, None)
        self.refresh()
        top = self.scroll_offset.y
        height = self.scrollable_content_region.height
        first, last = new * CARD_HEIGHT, new * CARD_HEIGHT + CARD_LINES - 1
        if first < top:
            self.scroll_to(y=first, animate=False)
        elif height and last >= top + height:
            self.scroll_to(y=last - height + 1, animate=False)
        card_id = self.id_at(new)
        if card_id is not None:
            self.post_message(self.Highlighted(self, new, card_id))

    class NearEnd(Message):
        """Scrolling reached the last rows loaded: time to load more."""

        def __init__(self, widget: CardList) -> None:
            super().__init__()
            self.widget = widget

        @property
        def control(self) -> CardList:
            return self.widget

    def watch_scroll_y(self, old: float, new: float) -> None:
        super().watch_scroll_y(old, new)
        visible = self.scrollable_content_region.height
        if new > old and (new + visible) // CARD_HEIGHT >= self.card_count - 10:
            self.post_message(self.NearEnd(self))

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._strips.clear()
        self._base_style = None

    def on_resize(self) -> None:
        # Cards are drawn for the width they have: a wider column shows more of each name.
        self._resize()

    def render_line(self, y: int) -> Strip:
        line = y + self.scroll_offset.y
        width = self.scrollable_content_region.width
        # The widget's style blends every ancestor's background: worked out once, not per line.
        base = self._base_style
        if base is None:
            base = self._base_style = self.rich_style
        index, offset = divmod(line, CARD_HEIGHT)
        if index >= len(self._ids) or offset == CARD_LINES:
            return Strip.blank(width, base)
        strip = self._strips.get(line)
        if strip is None:
            style = base
            if index == self.cursor:
                style = base + self.get_component_rich_style("card-list--cursor")
            strip = self._render_line(self.card_at(index)[offset], width, style)
            self._strips[line] = strip
        return strip

    def _render_line(self, text: Text, width: int, base: Style) -> Strip:
        """One card line: a space each side, the text cut to the cells between them."""
        segments = [Segment(" ", base)]
        used = 1
        for span_text, span_style in _runs(text):
            room = width - used - 1
            if room <= 0:
                break
            if cell_len(span_text) > room:
                span_text = crop_cells(span_text, room)
            segments.append(Segment(span_text, base + span_style if span_style else base))
            used += cell_len(span_text)
        segments.append(Segment(" " * max(0, width - used), base))
        return Strip(segments, width)

    # ---- keys and mouse --------------------------------------------------------------------

    def action_cursor(self, step: int) -> None:
        self.move_cursor(self.cursor + step)

    def action_page(self, step: int) -> None:
        per_page = max(1, self.scrollable_content_region.height // CARD_HEIGHT)
        self.move_cursor(self.cursor + step * per_page)

    def action_edge(self, end: int) -> None:
        self.move_cursor(self.card_count - 1 if end else 0)

    def action_select(self) -> None:
        card_id = self.id_at(self.cursor)
        if card_id is not None:
            self.post_message(self.Selected(self, card_id))

    def on_click(self, event: events.Click) -> None:
        index, offset = divmod(event.y + self.scroll_offset.y, CARD_HEIGHT)
        if offset == CARD_LINES or not 0 <= index < self.card_count:
            return
        if index == self.cursor and self.has_focus:
            self.action_select()
        else:
            self.move_cursor(index)
            self.focus()


def _runs(text: Text) -> list[tuple[str, Style | None]]:
    """The text cut into runs of one style (a card line has a handful of spans)."""
    plain = text.plain
    base = Style.parse(str(text.style)) if text.style else None
    if not text.spans:
        return [(plain, base)]
    runs: list[tuple[str, Style | None]] = []
    position = 0
    for span in sorted(text.spans, key=lambda s: s.start):
        if span.start > position:
            runs.append((plain[position : span.start], base))
        style = Style.parse(str(span.style)) if isinstance(span.style, str) else span.style
        runs.append((plain[span.start : span.end], base + style if base else style))
        position = max(position, span.end)
    if position < len(plain):
        runs.append((plain[position:], base))
    return runs
