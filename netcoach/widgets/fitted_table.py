"""A DataTable for short lists whose columns fit the width, dropping the least needed first.

DataTable keeps its columns' widths whatever the room, so a narrow terminal cuts
the last columns off by chance. This one is given each column's width, rank and
share of spare room (``TableColumn``), and on every resize shows the columns that
fit, ranked first, as wide as the room allows. It keeps its rows (a few dozen at
most: Today's cards) so it can lay them out again.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Unpack

from rich.text import Text

from netcoach.widgets.contact_table import TableColumn, column_widths
from netcoach.widgets.text_table import TableOptions, TextTable


class FittedTable(TextTable):
    """A DataTable of ``TableColumn`` columns; ``add_row`` takes a cell for every column."""

    def __init__(self, columns: Sequence[TableColumn], **options: Unpack[TableOptions]) -> None:
        super().__init__(**options)
        self.specs = tuple(columns)
        self.widths: tuple[int, ...] = ()
        """Each column's width as shown; 0 for a column left out for want of room (negative
        before the table has been laid out: shown at that width, nothing cut)."""

    @property
    def shown_titles(self) -> tuple[str, ...]:
        shown = zip(self.specs, self.widths, strict=True)
        return tuple(spec.title for spec, width in shown if width)

    def on_mount(self) -> None:
        self._fit()

    def on_resize(self) -> None:
        self._fit()

    def on_show(self) -> None:
        self._fit()

    def _fit(self) -> None:
        room = self.scrollable_content_region.width
        if room <= 0 and self.widths:
            return  # hidden for now: laid out again when shown
        if room <= 0:
            # Not laid out yet: every column, nothing cut, until the room is known.
            widths = tuple(-spec.width for spec in self.specs)
        else:
            widths = column_widths(self.specs, room, gap=2 * self.cell_padding)
        if widths == self.widths:
            return
        self.widths = widths
        cursor = self.cursor_row
        super().clear(columns=True)
        for spec, width in zip(self.specs, widths, strict=True):
            if width:
                super().add_column(spec.title, width=abs(width))
        for cells, key in self._rows:
            super().add_row(*self._shown(cells), key=key)
        if self._rows:
            self.move_cursor(row=min(cursor, len(self._rows) - 1))

    def _shown(self, cells: Sequence[Text]) -> list[Text]:
        """The cells of the columns shown, each set to end with "…" when cut to its column."""
        shown = []
        for cell, width in zip(cells, self.widths, strict=True):
            if width:
                if 0 < width < cell.cell_len:
                    cell = cell.copy()
                    cell.no_wrap = True
                    cell.overflow = "ellipsis"
                shown.append(cell)
        return shown

    def add_row(  # type: ignore[override]
        self, *cells: Text, key: str | None = None
    ) -> object:
        self._rows.append((cells, key))
        return super().add_row(*self._shown(cells), key=key)

    def clear(self, columns: bool = False) -> FittedTable:
        self._rows.clear()
        super().clear(columns=columns)
        if columns:
            self.widths = ()
        return self
