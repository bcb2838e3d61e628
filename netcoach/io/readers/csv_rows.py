"""What the CSV readers share: rows with their line numbers, cell clean-up, the header search.

A cell over 64 KB or broken quoting is refused with the line at fault.
"""

from __future__ import annotations

import csv
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from netcoach.io.text import MAX_FIELD, ImportFileError, open_text

HEADER_SEARCH_ROWS = 30
MULTI = " ::: "  # how Google joins several values in one cell


@contextmanager
def field_limit() -> Iterator[None]:
    previous = csv.field_size_limit()
    csv.field_size_limit(MAX_FIELD)
    try:
        yield
    finally:
        csv.field_size_limit(previous)


def csv_rows(path: Path, notices: list[str]) -> Iterator[tuple[int, list[str]]]:
    """(line number, cells) for every row; a cell over 64 KB or broken quoting is refused."""
    with open_text(path, notices) as handle, field_limit():
        rows = csv.reader(handle, strict=True)
        while True:
            try:
                row = next(rows)
            except StopIteration:
                return
            except csv.Error as error:
                reason = str(error)
                if "field larger" in reason:
                    reason = "a value is longer than 64 KB"
                raise ImportFileError(path, f"line {rows.line_num}", reason) from error
            yield rows.line_num, row


def header_key(cell: str) -> str:
    """A header cell as compared: no byte-order mark, spaces collapsed, case folded."""
    return " ".join(cell.replace("\ufeff", "").split()).casefold()


def clean(value: str) -> str:
    """A value with its runs of white space collapsed to one space."""
    return " ".join(value.split())
