"""Text for people: user text made safe to show, and counts that agree with their nouns."""

from __future__ import annotations

import re

# Bidirectional controls that reorder what follows them on screen.
BIDI_CONTROLS = "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
_HIDDEN = re.compile(f"[\x00-\x08\x0b-\x1f\x7f-\x9f{BIDI_CONTROLS}]")
_HIDDEN_ONE_LINE = re.compile(f"[\x00-\x1f\x7f-\x9f{BIDI_CONTROLS}]")


def _picture(match: re.Match[str]) -> str:
    char = match.group()
    code = ord(char)
    if code < 0x20:
        return chr(0x2400 + code)  # the Control Pictures block: ␛ for escape, and so on
    if code == 0x7F:
        return "\u2421"
    return f"<U+{code:04X}>"


def visible(text: str, multiline: bool = False) -> str:
    """``text`` with every control or bidi character replaced by a visible stand-in.

    With ``multiline`` the newline and tab keep their meaning; otherwise they too
    become visible, so one record always stays on one line.
    """
    pattern = _HIDDEN if multiline else _HIDDEN_ONE_LINE
    return pattern.sub(_picture, text)


def one_line(text: str, width: int) -> str:
    """A single line of at most ``width`` characters, cut with an ellipsis, safe to show."""
    line = visible(" ".join(text.split()))
    return line if len(line) <= width else line[: max(0, width - 1)] + "…"


def noun(count: int, singular: str, plural_form: str | None = None) -> str:
    """The word that agrees with ``count``: ``singular`` for exactly one, else the plural.

    The plural is ``singular + "s"`` unless given ("entry", "entries").
    """
    if count == 1:
        return singular
    return plural_form if plural_form is not None else singular + "s"


def plural(count: int, singular: str, plural_form: str | None = None) -> str:
    """A count and its noun: '1 word', '2 words', '1,200 words', '0 entries'."""
    return f"{count:,} {noun(count, singular, plural_form)}"


def cell_width(text: str) -> int:
    """How many terminal cells ``text`` takes: wide (CJK) characters two, combining marks none."""
    from unicodedata import combining, east_asian_width

    return sum(
        0 if combining(char) else 2 if east_asian_width(char) in "WF" else 1 for char in text
    )


def fit_width(text: str, width: int) -> str:
    """One safe line of at most ``width`` cells, cut with an ellipsis; a wide character is
    never split."""
    line = visible(" ".join(text.split()))
    if cell_width(line) <= width:
        return line
    used, kept = 0, []
    for char in line:
        size = cell_width(char)
        if used + size > width - 1:
            break
        kept.append(char)
        used += size
    return "".join(kept).rstrip() + "…"
