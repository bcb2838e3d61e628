"""Small shared renderers for contact facts: level names and keep-in-touch status in words."""

from __future__ import annotations

from datetime import date, datetime

from rich.text import Text

from netcoach.core.cadence import TouchStatus
from netcoach.core.levels import level_name
from netcoach.core.text import visible
from netcoach.core.when.words import day_in_words
from netcoach.widgets.cells import crop_cells

STATUS_STYLE = {
    TouchStatus.OK: "green",
    TouchStatus.DUE_SOON: "yellow",
    TouchStatus.OVERDUE: "bold red",
    TouchStatus.NONE: "dim",
}


def status_text(status: TouchStatus) -> Text:
    """The status in words and colour, so it reads on a monochrome terminal too."""
    return Text(status.value, style=STATUS_STYLE[status])


def level_text(level: int) -> Text:
    return Text(f"{level} {level_name(level)}")


def when_text(moment: datetime | date | None, today: date) -> str:
    """A calm relative date: 'today', '3 days ago', 'in 5 days', or the date itself."""
    return day_in_words(moment, today)


def clip(text: str, width: int) -> str:
    """One line of at most ``width`` cells, with an ellipsis when cut; controls shown."""
    return crop_cells(visible(" ".join(text.split())), width)
