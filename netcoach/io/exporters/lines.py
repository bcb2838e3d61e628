"""Content lines as vCard and iCalendar write them: text escaping, and folding at 75 octets."""

from __future__ import annotations

FOLD_AT = 75
CRLF = "\r\n"
PRODID = "PRODID:-//netcoach//netcoach//EN"


def escape_text(value: str) -> str:
    """RFC 6350 text escaping: backslash, newline, comma and semicolon."""
    return (
        value.replace("\\", "\\\\")
        .replace("\r\n", "\n")
        .replace("\r", "\n")
        .replace("\n", "\\n")
        .replace(",", "\\,")
        .replace(";", "\\;")
    )


def fold(line: str) -> str:
    """Fold a content line at 75 octets without splitting a UTF-8 character."""
    if len(line) <= FOLD_AT and line.isascii():
        return line + CRLF
    encoded = line.encode("utf-8")
    if len(encoded) <= FOLD_AT:
        return line + CRLF
    parts = []
    current: list[str] = []
    size = 0
    limit = FOLD_AT
    for char in line:
        width = len(char.encode("utf-8"))
        if size + width > limit:
            parts.append("".join(current))
            current, size, limit = [], 0, FOLD_AT - 1
        current.append(char)
        size += width
    parts.append("".join(current))
    return (CRLF + " ").join(parts) + CRLF
