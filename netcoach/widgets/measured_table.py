"""A DataTable whose columns are as wide as their widest cell from the first drawing on.

DataTable measures a column that sizes itself to its cells later, when idle, and
keeps the lines it has already drawn: a table drawn between adding its rows and
that measurement (as often happens when rows arrive from a worker) keeps drawing
columns as narrow as their titles ("2026  Owen Iq  supp") until the terminal is
resized. Here each column is given its width, measured in cells, as its rows are
added, so every drawing has the right widths. The table keeps its rows (a few
hundred at most) so it can lay them out again when a column has to widen.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Unpack

from rich.cells import cell_len
from rich.text import Text

from netcoach.widgets.text_table import Row, TableOptions, TextTable


def cell_width(cell: Text) -> int:
    """The cells ``cell`` takes: its widest line."""
    return max((cell_len(line) for line in cell.plain.split("\n")), default=0)


class MeasuredTable(TextTable):
    """A DataTable of ``Text`` cells under fixed titles, its columns measured as rows come."""

    def __init__(self, titles: Sequence[str], **options: Unpack[TableOptions]) -> None:
        super().__init__(**options)
        self.titles = tuple(titles)
        self.widths = tuple(cell_len(title) for title in self.titles)
        """Each column's width in cells: its title's or its widest cell's."""

    def on_mount(self) -> None:
        self._lay_out()

    def add_keyed_rows(self, rows: Iterable[Row]) -> None:
        """Add ``rows`` (cells, key), widening the columns once for all of them."""
        rows = list(rows)
        widths = self._widths_for(rows)
        self._rows.extend(rows)
        if widths != self.widths:
            self.widths = widths
            self._lay_out()
            return
        for cells, key in rows:
            super().add_row(*cells, key=key)

    def add_row(  # type: ignore[override]
        self, *cells: Text, key: str | None = None
    ) -> None:
        self.add_keyed_rows([(cells, key)])

    def clear(self, columns: bool = False) -> MeasuredTable:
        """Remove every row; the columns go back to their titles' widths."""
        self._rows.clear()
        self.widths = tuple(cell_len(title) for title in self.titles)
        if self.is_mounted:
            self._lay_out()
        return self

    def _widths_for(self, rows: Sequence[Row]) -> tuple[int, ...]:
        widths = list(self.widths)
        for cells, _key in rows:
            for index, cell in enumerate(cells):
                widths[index] = max(widths[index], cell_width(cell))
        return tuple(widths)

    def _lay_out(self) -> None:
        """Columns at ``widths``, then every kept row, the cursor where it was."""
        cursor = self.cursor_row
        super().clear(columns=True)
        for title, width in zip(self.titles, self.widths, strict=True):
            super().add_column(title, width=width)
        for cells, key in self._rows:
            super().add_row(*cells, key=key)
        if self._rows and cursor:
            self.move_cursor(row=min(cursor, len(self._rows) - 1))
