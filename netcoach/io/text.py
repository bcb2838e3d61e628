"""Opening export files as text: UTF-8 with or without a byte-order mark, UTF-16 with one
(the older Gmail "Google CSV" download), else Windows-1252."""

from __future__ import annotations

import codecs
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO, TextIO

MAX_FIELD = 64 * 1024
CHUNK = 1 << 16
# A UTF-16 file is known by its byte-order mark; Python's "utf-16" reads either order and
# drops the mark. (A UTF-32 mark starts like UTF-16's and is then refused for its NULs.)
UTF16_MARKS = {codecs.BOM_UTF16_LE: "utf-16-le", codecs.BOM_UTF16_BE: "utf-16-be"}


class ImportFileError(Exception):
    """A file that cannot be imported; the message names the file and the place at fault."""

    def __init__(self, path: Path | str, where: str, reason: str) -> None:
        self.path = str(path)
        self.where = where
        reason = " ".join(reason.split())
        self.reason = reason if len(reason) <= 200 else reason[:199] + "…"
        place = f": {where}" if where else ""
        super().__init__(f"{self.path}{place}: {reason}")


def detect_encoding(path: Path) -> str:
    """``utf-16`` when the file starts with a UTF-16 byte-order mark, ``utf-8-sig`` when
    the whole file decodes as UTF-8, else ``cp1252``.

    The file is read in chunks, so memory stays flat; a NUL byte (a NUL character in
    UTF-16), or bytes that are not text in the encoding, mean the file is refused.
    """
    decoder = codecs.getincrementaldecoder("utf-8")()
    utf8 = True
    line = 1
    try:
        handle = path.open("rb")
    except OSError as error:
        raise ImportFileError(path, "", error.strerror or str(error)) from error
    with handle:
        mark = handle.read(2)
        if mark in UTF16_MARKS:
            _check_utf16(path, handle, UTF16_MARKS[mark])
            return "utf-16"
        handle.seek(0)
        while chunk := handle.read(CHUNK):
            if b"\x00" in chunk:
                at = line + chunk[: chunk.index(b"\x00")].count(b"\n")
                raise ImportFileError(path, f"line {at}", "binary data, not a text export")
            if utf8:
                try:
                    decoder.decode(chunk)
                except UnicodeDecodeError:
                    utf8 = False
            line += chunk.count(b"\n")
        if utf8:
            try:
                decoder.decode(b"", final=True)
            except UnicodeDecodeError:
                utf8 = False
    if utf8:
        return "utf-8-sig"
    _check_cp1252(path)
    return "cp1252"


def _check_utf16(path: Path, handle: BinaryIO, order: str) -> None:
    """Decode the rest of the file (its mark read) as UTF-16 in ``order``: a NUL character,
    a lone surrogate or an odd last byte mean the file is refused, at the line at fault."""
    decoder = codecs.getincrementaldecoder(order)()
    line = 1
    while True:
        chunk = handle.read(CHUNK)
        pending = decoder.getstate()[0]
        try:
            text = decoder.decode(chunk, final=not chunk)
        except UnicodeDecodeError as error:
            before = (pending + chunk)[: error.start].decode(order, errors="replace")
            at = line + before.count("\n")
            raise ImportFileError(path, f"line {at}", "not text in UTF-16") from error
        if "\x00" in text:
            at = line + text[: text.index("\x00")].count("\n")
            raise ImportFileError(path, f"line {at}", "binary data, not a text export")
        line += text.count("\n")
        if not chunk:
            return


def _check_cp1252(path: Path) -> None:
    line = 1
    with path.open("rb") as handle:
        for raw in handle:
            try:
                raw.decode("cp1252")
            except UnicodeDecodeError as error:
                raise ImportFileError(
                    path, f"line {line}", "not text in UTF-8 or Windows-1252"
                ) from error
            line += 1


@contextmanager
def open_text(path: Path, notices: list[str]) -> Iterator[TextIO]:
    """Open ``path`` for reading with the detected encoding, noting a fallback."""
    path = Path(path)
    if path.is_dir():
        raise ImportFileError(path, "", "is a directory, not an export file")
    encoding = detect_encoding(path)
    if encoding == "cp1252":
        notices.append(f"{path.name} is not UTF-8; it was read as Windows-1252")
    with path.open("r", encoding=encoding, newline="") as handle:
        yield handle
