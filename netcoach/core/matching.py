"""Wants meet haves: propose introductions, each with the words and tags that matched.

Phrases are reduced to terms: lower case, common words dropped, a light stemmer, then
a synonym table maps trade words onto one term ("solicitor", "lawyer", "legal" → "law").
Known false positives of these choices: "estate" means property, so "estate planning"
meets "estate agent"; "account" means accounting, so "key account manager" meets
"accountant". Matching goes through an inverted index of distinct term sets, so the
work grows with the variety of phrases, not with the square of the number of people.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

STOPWORDS = frozenset(
    """a an the and or of in on at to for from with by about into who whom that this these
    those my our their his her its i we you they me us them need needs needed needing want
    wants wanted wanting looking look seek seeking find finding has have having had know knows
    knowing someone somebody anyone good great reliable trusted local new more some any
    contact contacts introduction introductions intro intros help helping can could would like
    is are be been being very really just also other others people person few many lot
    lots""".split()
)

# Words (before stemming) mapped to one shared term; keys are stemmed at import.
SYNONYMS: dict[str, str] = {
    **dict.fromkeys(
        "law lawyer lawyers legal solicitor solicitors attorney attorneys conveyancing".split(),
        "law",
    ),
    **dict.fromkeys(
        "accountant accountants accounting accounts account bookkeeper bookkeeping tax"
        " payroll audit".split(),
        "accounting",
    ),
    **dict.fromkeys(
        "property properties estate landlord landlords lettings letting realtor".split(),
        "property",
    ),
    **dict.fromkeys(
        "hospitality hotel hotels restaurant restaurants catering caterer cafe pub pubs".split(),
        "hospitality",
    ),
    **dict.fromkeys("web website websites developer developers ecommerce wordpress".split(), "web"),
    **dict.fromkeys(
        "marketing marketer advertising brand branding seo social".split(), "marketing"
    ),
    **dict.fromkeys(
        "recruitment recruiter recruiting hiring hire staff staffing talent".split(), "hiring"
    ),
    **dict.fromkeys(
        "investor investors investment funding finance capital angel angels loan loans".split(),
        "funding",
    ),
    **dict.fromkeys("print printer printing printed".split(), "print"),
    **dict.fromkeys("design designer designers graphic".split(), "design"),
    **dict.fromkeys("it computer computers tech technology support".split(), "it"),
    **dict.fromkeys("photo photos photographer photography".split(), "photography"),
    **dict.fromkeys("insurance insurer broker brokers".split(), "insurance"),
    **dict.fromkeys("interior interiors decorator".split(), "interiors"),
    **dict.fromkeys("architect architects architecture".split(), "architecture"),
    **dict.fromkeys("builder builders construction contractor contractors".split(), "building"),
}
PHRASES = {
    "real estate": "property",
    "estate agent": "property",
    "bed and breakfast": "hospitality",
    "web site": "website",
    "start up": "startup",
}
WORD = re.compile(r"[a-z0-9]+")
TAG_WEIGHT = 3.0
TERM_WEIGHT = 1.0


def stem(word: str) -> str:
    """A light English stemmer: plural and common verb endings only."""
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 5 and word.endswith("ing"):
        return _undouble(word[:-3])
    if len(word) > 4 and word.endswith("ed") and not word.endswith("eed"):
        return _undouble(word[:-2])
    if len(word) > 4 and word.endswith(("ches", "shes", "sses", "xes")):
        return word[:-2]
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def _undouble(word: str) -> str:
    if len(word) > 2 and word[-1] == word[-2] and word[-1] not in "lsz":
        return word[:-1]
    return word


_STEMMED_SYNONYMS = {stem(word): term for word, term in SYNONYMS.items()} | SYNONYMS


def terms(text: str) -> frozenset[str]:
    """The normalised terms of a phrase or tag."""
    lowered = text.casefold().replace("&", " and ").replace("-", " ")
    for phrase, term in PHRASES.items():
        lowered = lowered.replace(phrase, f" {term} ")
    found = set()
    for word in WORD.findall(lowered):
        if word in STOPWORDS or len(word) < 2:
            continue
        term = SYNONYMS.get(word) or _STEMMED_SYNONYMS.get(stem(word)) or stem(word)
        found.add(term)
    return frozenset(found)


@dataclass(frozen=True, slots=True)
class WantHave:
    """One want or have; ``owner_id`` None means the user ("me")."""

    id: int
    owner_id: int | None
    owner_name: str
    kind: str
    phrase: str
    tag: str = ""


@dataclass(frozen=True, slots=True)
class Match:
    """A want that meets a have, with why."""

    want: WantHave
    have: WantHave
    score: float
    shared_terms: tuple[str, ...]
    tag_matched: bool

    @property
    def why(self) -> str:
        parts = []
        if self.tag_matched:
            parts.append(f"tag “{self.want.tag or self.have.tag}”")
        if self.shared_terms:
            parts.append("words: " + ", ".join(self.shared_terms))
        return "; ".join(parts)

    @property
    def involves_me(self) -> bool:
        return self.want.owner_id is None or self.have.owner_id is None


def find_matches(
    items: Iterable[WantHave],
    per_want: int = 3,
    limit: int = 500,
    exclude: frozenset[tuple[int, int]] = frozenset(),
) -> list[Match]:
    """The best haves for each want (at most ``per_want``), overall best first.

    ``exclude`` holds (want id, have id) pairs already tracked or dismissed.
    """
    wants_by_sig: dict[tuple[frozenset[str], frozenset[str]], list[WantHave]] = defaultdict(list)
    haves_by_sig: dict[tuple[frozenset[str], frozenset[str]], list[WantHave]] = defaultdict(list)
    for item in items:
        signature = (terms(item.phrase), terms(item.tag))
        if not signature[0] and not signature[1]:
            continue
        (wants_by_sig if item.kind == "want" else haves_by_sig)[signature].append(item)
    index: dict[str, list[tuple[frozenset[str], frozenset[str]]]] = defaultdict(list)
    for signature in haves_by_sig:
        for term in signature[0] | signature[1]:
            index[term].append(signature)
    matches: list[Match] = []
    for want_sig, wants in wants_by_sig.items():
        want_words, want_tags = want_sig
        candidates: set[tuple[frozenset[str], frozenset[str]]] = set()
        for term in want_words | want_tags:
            candidates.update(index.get(term, ()))
        scored = []
        for have_sig in candidates:
            have_words, have_tags = have_sig
            shared = (want_words | want_tags) & (have_words | have_tags)
            tag_matched = bool(want_tags and have_tags and want_tags <= have_tags) or bool(
                (want_tags & have_words) or (have_tags & want_words)
            )
            score = TERM_WEIGHT * len(shared) + (TAG_WEIGHT if tag_matched else 0.0)
            scored.append((score, tuple(sorted(shared)), tag_matched, have_sig))
        scored.sort(key=lambda s: (-s[0], s[1]))
        for want in wants:
            taken = 0
            for score, shared, tag_matched, have_sig in scored:
                for have in haves_by_sig[have_sig]:
                    if have.owner_id == want.owner_id or (want.id, have.id) in exclude:
                        continue
                    matches.append(Match(want, have, score, shared, tag_matched))
                    taken += 1
                    if taken >= per_want:
                        break
                if taken >= per_want:
                    break
    matches.sort(key=lambda m: (-m.score, m.want.owner_name, m.have.owner_name, m.want.id))
    return matches[:limit]
