"""The DataTable netcoach's short lists build on: rich ``Text`` cells, a row cursor, stripes."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TypedDict

from rich.text import Text
from textual.widgets import DataTable

Row = tuple[Sequence[Text], str | None]
"""A row as added: its cells and its key."""


class TableOptions(TypedDict, total=False):
    """The keywords a ``TextTable`` takes besides its columns."""

    id: str | None
    classes: str | None
    cursor_type: str
    zebra_stripes: bool


class TextTable(DataTable[Text]):
    """A DataTable of ``Text`` cells that starts with a row cursor and zebra stripes.

    It keeps the rows added to it in ``_rows``, for a subclass to lay them out again.
    """

    def __init__(
        self,
        *,
        id: str | None = None,
        classes: str | None = None,
        cursor_type: str = "row",
        zebra_stripes: bool = True,
    ) -> None:
        super().__init__(
            id=id,
            classes=classes,
            cursor_type=cursor_type,  # type: ignore[arg-type]
            zebra_stripes=zebra_stripes,
        )
        self._rows: list[Row] = []
