"""The check's patterns: compiled on their first use, not at import, each remembering
its answers for the sentences it has read (``forget_answers`` drops them all)."""

from __future__ import annotations

import re


class _Rx:
    """A pattern compiled once, on its first use, whose answers for a piece of text are
    remembered.

    The check runs on every keystroke, and a keystroke changes one sentence: the other
    sentences' answers are looked up instead of searched again. The memory is dropped
    when it grows past a few thousand pieces of text. Compiling the check's patterns
    takes some 40 ms, so it is left to the first check rather than done at import: the
    package is imported on the way to the Today screen, which never checks a pitch."""

    __slots__ = ("_compiled", "_found", "_listed", "source")

    _LIMIT = 2048

    def __init__(self, pattern: str) -> None:
        self.source = pattern
        EVERY_PATTERN.append(self)
        self._compiled: re.Pattern[str] | None = None
        self._found: dict[str, re.Match[str] | None] = {}
        self._listed: dict[str, tuple[re.Match[str], ...]] = {}

    @property
    def regex(self) -> re.Pattern[str]:
        if self._compiled is None:
            self._compiled = re.compile(_hoist_boundary(self.source))
        return self._compiled

    def search(self, text: str) -> re.Match[str] | None:
        try:
            return self._found[text]
        except KeyError:
            if len(self._found) >= self._LIMIT:
                self._found.clear()
            found = self._found[text] = self.regex.search(text)
            return found

    def finditer(self, text: str) -> tuple[re.Match[str], ...]:
        try:
            return self._listed[text]
        except KeyError:
            if len(self._listed) >= self._LIMIT:
                self._listed.clear()
            listed = self._listed[text] = tuple(self.regex.finditer(text))
            return listed

    def forget(self) -> None:
        self._found.clear()
        self._listed.clear()


def _top_level_alternatives(body: str) -> list[str]:
    """``body`` cut at its top-level ``|`` (not inside a group or a character class)."""
    parts: list[str] = []
    depth = 0
    in_class = False
    start = i = 0
    while i < len(body):
        c = body[i]
        if c == "\\":
            i += 2
            continue
        if in_class:
            in_class = c != "]"
        elif c == "[":
            in_class = True
            if body[i + 1 : i + 2] == "]":
                i += 1
        elif c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
        elif c == "|" and depth == 0:
            parts.append(body[start:i])
            start = i + 1
        i += 1
    parts.append(body[start:])
    return parts


def _hoist_boundary(pattern: str) -> str:
    """``\\bA|\\bB|C`` written as ``\\b(?:A|B)|C``: the same matches, but the engine tries
    the long list of alternatives only where a word starts, several times quicker."""
    flags = "(?i)" if pattern.startswith("(?i)") else ""
    alternatives = _top_level_alternatives(pattern[len(flags) :])
    bounded = [a[2:] for a in alternatives if a.startswith("\\b")]
    if len(bounded) < 5:
        return pattern
    others = [a for a in alternatives if not a.startswith("\\b")]
    return flags + "|".join(["\\b(?:" + "|".join(bounded) + ")", *others])


# Every pattern the check has, in the order its modules made them.
EVERY_PATTERN: list[_Rx] = []


def forget_answers() -> None:
    """Drop every remembered answer (for timing the check cold)."""
    for value in EVERY_PATTERN:
        value.forget()
