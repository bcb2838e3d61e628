"""User text made literal Markdown, so a name can never become a link, a heading or a table."""

from __future__ import annotations

import re

from netcoach.core.text import one_line

NAME_WIDTH = 120

_MD_INLINE = re.compile(r"([\\`*_\[\]<>|~&])")
_MD_LINE_START = re.compile(r"^([#>+=-]|\d+(?=[.)]))")


def md_text(text: str, width: int = NAME_WIDTH) -> str:
    """User text as literal Markdown: one line, controls made visible, marks escaped.

    A name like ``**Ann** | [x](y)`` then reads the same in the Markdown printed by
    ``netcoach review`` and on the Review screen, and can never become a link or a table.
    """
    line = _MD_INLINE.sub(r"\\\1", one_line(text, width))
    match = _MD_LINE_START.match(line)
    if match is None:
        return line
    if match.group(1).isdigit():
        end = match.end()
        return line[:end] + "\\" + line[end:]
    return "\\" + line
