"""Fit text into terminal cells: CJK characters and most emoji take two cells, not one."""

from __future__ import annotations

from rich.cells import cell_len, get_character_cell_size

ELLIPSIS = "…"


def crop_cells(text: str, width: int) -> str:
    """``text`` cut to at most ``width`` cells, ending with "…" when cut.

    A wide character is never split: when only half of it would fit, it is left
    out and the line is one cell shorter. A space before the "…" is dropped.
    """
    if width <= 0:
        return ""
    if cell_len(text) <= width:
        return text
    room = width - 1
    used = 0
    for index, char in enumerate(text):
        size = get_character_cell_size(char)
        if used + size > room:
            return text[:index].rstrip() + ELLIPSIS
        used += size
    return text + ELLIPSIS


def fit_cells(text: str, width: int) -> str:
    """``text`` cropped (with "…") or padded with spaces to exactly ``width`` cells."""
    cropped = crop_cells(text, width)
    return cropped + " " * max(0, width - cell_len(cropped))
