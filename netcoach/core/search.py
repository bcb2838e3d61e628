"""Turn what a person types in a search box into a safe full-text query."""

from __future__ import annotations

import re

WORD = re.compile(r"\w+", re.UNICODE)


def search_terms(text: str) -> list[str]:
    """The words in ``text``, as the search index splits them."""
    return WORD.findall(text.casefold())


def fts_query(text: str) -> str | None:
    """An FTS5 query matching every typed word as a prefix, or None when nothing was typed.

    Each word is quoted, so operators and punctuation in user text are never
    interpreted by the search engine.
    """
    terms = search_terms(text)
    if not terms:
        return None
    return " AND ".join(f'"{term}"*' for term in terms)
