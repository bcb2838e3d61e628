"""Turn what a person types in a search box into a safe full-text query."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

WORD = re.compile(r"\w+", re.UNICODE)
TOKEN = re.compile(r"[^\W_]+", re.UNICODE)


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


def fold(text: str) -> str:
    """Lower case without diacritics, as the search index folds words."""
    import unicodedata

    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def matcher(text: str) -> Callable[[Iterable[str]], bool]:
    """A check that some word of the given texts starts with each typed word.

    It agrees with ``fts_query`` on the index, for lists that walk rows in
    their own order instead of asking the index for every match.
    """
    terms = [fold(term) for term in search_terms(text)]

    def matches(texts: Iterable[str]) -> bool:
        joined = " ".join(texts)
        folded = joined.lower() if joined.isascii() else fold(joined)
        if not all(term in folded for term in terms):
            return False
        words = TOKEN.findall(folded)
        return all(any(word.startswith(term) for word in words) for term in terms)

    return matches


def narrows(text: str, before: str) -> bool:
    """True when everything ``text`` matches is also matched by ``before``.

    So it is when each word of ``before`` begins some word of ``text`` (typing one more
    letter, or one more word): the search only narrows.
    """
    earlier = search_terms(before)
    words = search_terms(text)
    return bool(earlier) and all(any(w.startswith(t) for w in words) for t in earlier)
