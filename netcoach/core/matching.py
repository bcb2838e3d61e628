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
from itertools import combinations

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
CANDIDATES = 24
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


_WORD_TERMS: dict[str, str | None] = {}


def _word_term(word: str) -> str | None:
    """The term for one lower-case word, or None for filler; remembered once worked out."""
    term = _WORD_TERMS.get(word, "")
    if term != "":
        return term
    if word in STOPWORDS or len(word) < 2:
        found = None
    else:
        stemmed = stem(word)
        found = SYNONYMS.get(word) or _STEMMED_SYNONYMS.get(stemmed) or stemmed
    if len(_WORD_TERMS) < 200_000:
        _WORD_TERMS[word] = found
    return found


def terms(text: str) -> frozenset[str]:
    """The normalised terms of a phrase or tag."""
    if not text:
        return frozenset()
    lowered = text.casefold().replace("&", " and ").replace("-", " ")
    for phrase, term in PHRASES.items():
        if phrase in lowered:
            lowered = lowered.replace(phrase, f" {term} ")
    found = {_word_term(word) for word in WORD.findall(lowered)}
    found.discard(None)
    return frozenset(found)  # type: ignore[arg-type]


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


Signature = tuple[frozenset[str], frozenset[str]]


def find_matches(
    items: Iterable[WantHave],
    per_want: int = 3,
    limit: int = 500,
    exclude: frozenset[tuple[int, int]] = frozenset(),
) -> list[Match]:
    """The best haves for each want (at most ``per_want``), overall best first.

    People who wrote the same terms share one signature. Haves are indexed by each term
    and by each pair of terms; a want looks up the pairs it shares first (the closest
    matches), then single terms, rarest first, and scores at most ``CANDIDATES`` haves.
    ``exclude`` holds (want id, have id) pairs already tracked or dismissed.
    """
    cache: dict[str, frozenset[str]] = {}

    def cached(text: str) -> frozenset[str]:
        found = cache.get(text)
        if found is None:
            found = cache[text] = terms(text)
        return found

    wants_by_sig: dict[Signature, list[WantHave]] = defaultdict(list)
    haves_by_sig: dict[Signature, list[WantHave]] = defaultdict(list)
    for item in items:
        signature = (cached(item.phrase), cached(item.tag))
        if signature[0] or signature[1]:
            (wants_by_sig if item.kind == "want" else haves_by_sig)[signature].append(item)
    haves = list(haves_by_sig.items())
    have_terms = [words | tags for (words, tags), _members in haves]
    single: dict[str, list[int]] = defaultdict(list)
    pairs: dict[tuple[str, str], list[int]] = defaultdict(list)
    for index, all_terms in enumerate(have_terms):
        ordered = sorted(all_terms)
        for term in ordered:
            single[term].append(index)
        for pair in combinations(ordered, 2):
            pairs[pair].append(index)
    have_words = [words for (words, _tags), _members in haves]
    have_tags = [tags for (_words, tags), _members in haves]
    buckets: dict[float, list[tuple[WantHave, WantHave]]] = defaultdict(list)
    floor = -1.0  # scores below this cannot reach the best ``limit`` any more
    for (want_words, want_tags), wants in wants_by_sig.items():
        want_all = want_words | want_tags
        if TERM_WEIGHT * len(want_all) + TAG_WEIGHT < floor:
            continue
        ordered = sorted(want_all)
        seen: dict[int, None] = {}
        for pair in combinations(ordered, 2):
            for index in pairs.get(pair, ())[: CANDIDATES - len(seen)]:
                seen[index] = None
            if len(seen) >= CANDIDATES:
                break
        if len(seen) < CANDIDATES:
            for term in sorted(ordered, key=lambda t: len(single.get(t, ()))):
                for index in single.get(term, ())[: CANDIDATES - len(seen)]:
                    seen[index] = None
                if len(seen) >= CANDIDATES:
                    break
        scored = []
        for index in seen:
            tags = have_tags[index]
            tag_matched = bool(want_tags or tags) and bool(
                (want_tags and want_tags <= tags)
                or (want_tags & have_words[index])
                or (tags & want_words)
            )
            score = TERM_WEIGHT * len(want_all & have_terms[index]) + (
                TAG_WEIGHT if tag_matched else 0.0
            )
            scored.append((-score, index))
        scored.sort()
        if not scored or -scored[0][0] < floor:
            continue
        added = False
        for want in wants:
            taken = 0
            for negative, index in scored:
                if -negative < floor:
                    break
                for have in haves[index][1]:
                    if have.owner_id == want.owner_id or (want.id, have.id) in exclude:
                        continue
                    buckets[-negative].append((want, have))
                    added = True
                    taken += 1
                    if taken >= per_want:
                        break
                if taken >= per_want:
                    break
        if added:
            floor = _floor(buckets, limit)
    best: list[Match] = []
    for score in sorted(buckets, reverse=True):
        pairs_at = sorted(
            buckets[score], key=lambda p: (p[0].owner_name, p[1].owner_name, p[0].id, p[1].id)
        )
        for want, have in pairs_at[: limit - len(best)]:
            best.append(_explain(want, have, score))
        if len(best) >= limit:
            break
    return best


def _floor(buckets: dict[float, list[tuple[WantHave, WantHave]]], limit: int) -> float:
    """The lowest score still able to make the best ``limit``."""
    total = 0
    for score in sorted(buckets, reverse=True):
        total += len(buckets[score])
        if total >= limit:
            return score
    return -1.0


def _explain(want: WantHave, have: WantHave, score: float) -> Match:
    """The match with the shared terms and whether the tags met, worked out for the few kept."""
    want_words, want_tags = terms(want.phrase), terms(want.tag)
    have_words, have_tags = terms(have.phrase), terms(have.tag)
    tag_matched = bool(
        (want_tags and want_tags <= have_tags)
        or (want_tags & have_words)
        or (have_tags & want_words)
    )
    shared = tuple(sorted((want_words | want_tags) & (have_words | have_tags)))
    return Match(want, have, score, shared, tag_matched)
