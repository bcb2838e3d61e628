"""The DataTable netcoach's short lists build on: rich ``Text`` cells, a row cursor, stripes."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import DataTable


class TextTable(DataTable[Text]):
    """A DataTable of ``Text`` cells that starts with a row cursor and zebra stripes."""

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
