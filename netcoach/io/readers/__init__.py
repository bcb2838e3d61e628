"""Readers for LinkedIn, Google Contacts and vCard exports, one module per format.

Each reader is a generator over the open file that yields ``ImportedContact``, so a large
export is never held in memory; a problem raises ImportFileError naming the line or card
at fault. ``csv_rows`` holds what the two CSV readers share.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

from netcoach.core.imports import ImportedContact
from netcoach.io.readers.google import read_google
from netcoach.io.readers.linkedin import parse_connected_on, read_linkedin
from netcoach.io.readers.vcard import read_vcard, read_vcard_folder

__all__ = [
    "Reader",
    "parse_connected_on",
    "read_google",
    "read_linkedin",
    "read_vcard",
    "read_vcard_folder",
    "reader_for",
]

Reader = Callable[[Path, list[str]], Iterator[ImportedContact]]


def reader_for(kind: str) -> Reader:
    """The reader for ``linkedin``, ``google`` or ``vcard``."""
    readers: dict[str, Reader] = {
        "linkedin": read_linkedin,
        "google": read_google,
        "vcard": read_vcard,
    }
    try:
        return readers[kind]
    except KeyError:
        raise ValueError(f"unknown kind of import: {kind}") from None
