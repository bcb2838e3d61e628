"""A fast, virtual list of contacts: one pre-built line per row, drawn only when visible.

DataTable measures and renders every cell through Rich on each change; a
contact list repaints on every keystroke of a search, so this widget keeps a
plain line per row and draws only the rows on screen.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
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

from netcoach.textual_compat import set_virtual_size
from netcoach.widgets.cells import fit_cells
from netcoach.widgets.keys import Browsing

GAP = 1


@dataclass(frozen=True, slots=True)
class TableColumn:
    """A column: its title, the cells it needs, and its rank when room is short."""

    title: str
    width: int
    """Cells the column needs to be shown at all."""
    priority: int
    """1 is kept longest; when the columns do not all fit, the highest numbers go first."""
    grow: int = 0
    """Its share of the cells left over once the shown columns have their width."""
    most: int = 0
    """The most cells it grows to (0: as wide as its share)."""


def column_widths(columns: Sequence[TableColumn], room: int, gap: int = GAP) -> tuple[int, ...]:
    """Each column's width in ``room`` cells, 0 for a hidden one.

    Columns are taken in order of priority while they fit (with ``gap`` cells after each);
    the first that does not fit is hidden with every column ranked after it, so
    which columns show depends only on the width and the ranks. The cells left over
    go to the growing columns, in proportion to ``grow``.
    """
    order = sorted(range(len(columns)), key=lambda i: columns[i].priority)
    widths = [0] * len(columns)
    used = 0
    for index in order:
        need = columns[index].width + gap
        if used + need > room and any(widths):
            break
        widths[index] = columns[index].width
        used += need
    spare = max(0, room - used)
    while spare > 0:
        growing = [
            i
            for i, column in enumerate(columns)
            if widths[i] and column.grow and (not column.most or widths[i] < column.most)
        ]
        if not growing:
            break
        total = sum(columns[i].grow for i in growing)
        given = 0
        for i in growing:
            share = max(1, spare * columns[i].grow // total)
            if columns[i].most:
                share = min(share, columns[i].most - widths[i])
            share = min(share, spare - given)
            widths[i] += share
            given += share
        spare -= given
        if given == 0:
            break
    return tuple(widths)


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
        /* Room for the scrollbar is kept, so the columns fit the same with or without it. */
        scrollbar-gutter: stable;
        overflow-x: hidden;
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

    class ColumnsChanged(Message):
        """The width changed which columns show or how wide they are: redraw the header."""

        def __init__(self, table: ContactTable) -> None:
            super().__init__()
            self.table = table

        @property
        def control(self) -> ContactTable:
            return self.table

    def __init__(
        self,
        columns: Sequence[TableColumn],
        *,
        name: str | None = None,
        id: str | None = None,
        classes: str | None = None,
    ) -> None:
        super().__init__(name=name, id=id, classes=classes)
        self.columns = tuple(columns)
        self.widths = tuple(column.width for column in self.columns)
        """Each column's width as drawn now; 0 for a column hidden for want of room."""
        self._ids: list[int] = []
        self._cells: list[tuple[Text, ...]] = []
        self._strips: dict[int, Strip] = {}

    @property
    def row_count(self) -> int:
        return len(self._ids)

    @property
    def shown_titles(self) -> tuple[str, ...]:
        return tuple(c.title for c, width in zip(self.columns, self.widths, strict=True) if width)

    def header(self) -> str:
        """The titles of the columns shown, laid out like the rows, for a label above."""
        return "".join(
            fit_cells(column.title, width) + " " * GAP
            for column, width in zip(self.columns, self.widths, strict=True)
            if width
        )

    def on_resize(self) -> None:
        self._fit_columns()

    def _fit_columns(self) -> None:
        room = self.scrollable_content_region.width
        if room <= 0:
            return
        widths = column_widths(self.columns, room)
        if widths != self.widths:
            self.widths = widths
            self._resize()
            self.post_message(self.ColumnsChanged(self))

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
        width = sum(width + GAP for width in self.widths if width)
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
            if not width:
                continue
            style = base + Style.parse(str(cell.style)) if cell.style else base
            segments.append(Segment(fit_cells(cell.plain, width), style))
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
