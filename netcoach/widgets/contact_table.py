"""A fast, virtual list of contacts: one pre-built line per row, drawn only when visible.

DataTable measures and renders every cell through Rich on each change; a
contact list repaints on every keystroke of a search, so this widget keeps a
plain line per row and draws only the rows on screen.
"""

from __future__ import annotations

from typing import ClassVar

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

from netcoach.widgets.keys import Browsing
from netcoach.widgets.virtual import set_virtual_size

GAP = 1


class ContactTable(Browsing, ScrollView, can_focus=True):
    """Rows of plain-text cells with a cursor; cells are ``rich.text.Text`` with one style.

    | Key | Action |
    | --- | --- |
    | up / down | Move the cursor |
    | pageup / pagedown / home / end | Move further |
    | enter | Post ``Selected`` for the row under the cursor |
    """

    PLACE = "Contacts list"  # how the help screen names it
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("up", "cursor(-1)", "Up", id="table.up", show=False),
        Binding("down", "cursor(1)", "Down", id="table.down", show=False),
        Binding("pageup", "page(-1)", "Page up", id="table.page-up", show=False),
        Binding("pagedown", "page(1)", "Page down", id="table.page-down", show=False),
        Binding("home", "edge(0)", "First", id="table.first", show=False),
        Binding("end", "edge(1)", "Last", id="table.last", show=False),
        Binding("enter", "select", "Open", id="table.select", show=False),
    ]

    COMPONENT_CLASSES: ClassVar[set[str]] = {"contact-table--cursor"}

    DEFAULT_CSS = """
    ContactTable {
        height: 1fr;
        background: $surface;
        & > .contact-table--cursor {
            background: $primary 30%;
        }
        &:focus > .contact-table--cursor {
            background: $accent 50%;
            text-style: bold;
        }
    }
    """

    cursor_row: reactive[int] = reactive(0)
    """Index of the highlighted row."""

    class Highlighted(Message):
        """The cursor moved to ``row_index`` (the row of contact ``row_id``)."""

        def __init__(self, table: ContactTable, row_index: int, row_id: int) -> None:
            super().__init__()
            self.table = table
            self.row_index = row_index
            self.row_id = row_id

        @property
        def control(self) -> ContactTable:
            return self.table

    class Selected(Message):
        """Enter or a second click on the row of contact ``row_id``."""

        def __init__(self, table: ContactTable, row_id: int) -> None:
            super().__init__()
            self.table = table
            self.row_id = row_id

        @property
        def control(self) -> ContactTable:
            return self.table

    def __init__(
        self,
        widths: tuple[int, ...],
        *,
        name: str | None = None,
        id: str | None = None,
        classes: str | None = None,
    ) -> None:
        super().__init__(name=name, id=id, classes=classes)
        self.widths = widths
        self._ids: list[int] = []
        self._cells: list[tuple[Text, ...]] = []
        self._strips: dict[int, Strip] = {}

    @property
    def row_count(self) -> int:
        return len(self._ids)

    def header(self, titles: tuple[str, ...]) -> str:
        """The column titles laid out like the rows, for a label above the table."""
        return "".join(
            title[:width].ljust(width + GAP)
            for title, width in zip(titles, self.widths, strict=True)
        )

    def clear(self) -> None:
        self.replace_rows([])

    def add_rows(self, rows: list[tuple[int, tuple[Text, ...]]]) -> None:
        for row_id, cells in rows:
            self._ids.append(row_id)
            self._cells.append(cells)
        self._resize()

    def replace_rows(self, rows: list[tuple[int, tuple[Text, ...]]]) -> None:
        """Show ``rows`` instead of the rows shown, with the cursor on the first (one repaint)."""
        self._ids = [row_id for row_id, _cells in rows]
        self._cells = [cells for _row_id, cells in rows]
        self.set_reactive(ContactTable.cursor_row, 0)
        self._resize()

    def get_row_at(self, index: int) -> tuple[Text, ...]:
        return self._cells[index]

    def row_id_at(self, index: int) -> int | None:
        return self._ids[index] if 0 <= index < len(self._ids) else None

    def index_of(self, row_id: int) -> int | None:
        try:
            return self._ids.index(row_id)
        except ValueError:
            return None

    def move_cursor(self, row: int) -> None:
        self.cursor_row = max(0, min(row, self.row_count - 1))

    def _resize(self) -> None:
        width = sum(self.widths) + GAP * len(self.widths)
        self._strips.clear()
        set_virtual_size(self, Size(width, len(self._ids)))

    def validate_cursor_row(self, row: int) -> int:
        return max(0, min(row, max(0, self.row_count - 1)))

    def watch_cursor_row(self, old: int, new: int) -> None:
        self._strips.pop(old, None)
        self._strips.pop(new, None)
        self.refresh()
        top = self.scroll_offset.y
        height = self.scrollable_content_region.height
        if new < top:
            self.scroll_to(y=new, animate=False)
        elif height and new >= top + height:
            self.scroll_to(y=new - height + 1, animate=False)
        row_id = self.row_id_at(new)
        if row_id is not None:
            self.post_message(self.Highlighted(self, new, row_id))

    class NearEnd(Message):
        """Scrolling reached the last rows loaded: time to load more."""

        def __init__(self, widget: ContactTable) -> None:
            super().__init__()
            self.widget = widget

        @property
        def control(self) -> ContactTable:
            return self.widget

    def watch_scroll_y(self, old: float, new: float) -> None:
        super().watch_scroll_y(old, new)
        visible = self.scrollable_content_region.height
        if new > old and (new + visible) // 1 >= self.row_count - 10:
            self.post_message(self.NearEnd(self))

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._strips.clear()

    def render_line(self, y: int) -> Strip:
        index = y + self.scroll_offset.y
        width = self.scrollable_content_region.width
        base = self.rich_style
        if index >= len(self._ids):
            return Strip.blank(width, base)
        strip = self._strips.get(index)
        if strip is None:
            strip = self._render_row(index, base)
            self._strips[index] = strip
        return strip.crop_extend(self.scroll_offset.x, self.scroll_offset.x + width, base)

    def _render_row(self, index: int, base: Style) -> Strip:
        if index == self.cursor_row:
            base = base + self.get_component_rich_style("contact-table--cursor")
        segments = []
        for cell, width in zip(self._cells[index], self.widths, strict=True):
            plain = cell.plain
            if len(plain) > width:
                plain = plain[: max(0, width - 1)] + "…"
            style = base + Style.parse(str(cell.style)) if cell.style else base
            segments.append(Segment(plain.ljust(width), style))
            segments.append(Segment(" " * GAP, base))
        return Strip(segments)

    # ---- keys and mouse --------------------------------------------------------------------

    def action_cursor(self, step: int) -> None:
        self.move_cursor(self.cursor_row + step)

    def action_page(self, step: int) -> None:
        self.move_cursor(self.cursor_row + step * max(1, self.scrollable_content_region.height))

    def action_edge(self, end: int) -> None:
        self.move_cursor(self.row_count - 1 if end else 0)

    def action_select(self) -> None:
        row_id = self.row_id_at(self.cursor_row)
        if row_id is not None:
            self.post_message(self.Selected(self, row_id))

    def on_click(self, event: events.Click) -> None:
        index = event.y + self.scroll_offset.y
        if 0 <= index < self.row_count:
            if index == self.cursor_row:
                self.action_select()
            else:
                self.move_cursor(index)
