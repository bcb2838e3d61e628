"""Filler and hedging words, and where they are in a script.

A phrase counts only where it is said as a filler or a hedge: "you know" in "we help,
you know, small firms" but not in "do you know anyone" or "if you know a baker"; "kind
of" in "we kind of help" but not in "what kind of business"; "just" in "I just help"
but not in "just in time" or "we have just opened"; "pretty" in "pretty good" but not
in "a pretty garden". Each rule looks at the word said before and the word said after.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass

FILLERS = (
    "um",
    "umm",
    "uh",
    "er",
    "erm",
    "just",
    "basically",
    "sort of",
    "kind of",
    "maybe",
    "perhaps",
    "i think",
    "i guess",
    "i feel",
    "really",
    "very",
    "pretty",
    "actually",
    "literally",
    "honestly",
    "you know",
    "so yeah",
    "quite",
    "a bit",
    "a little bit",
    "stuff",
    "and things",
    "things like that",
    "that kind of thing",
    "that sort of thing",
)
# "and things" trails off only at the end of a clause ("accounts and things."); before
# more words ("and things like that") it leaves the longer phrase to be found. So does
# "that kind of thing": in "to stop that kind of thing" it names what was just said.
_ONLY_BEFORE_PUNCTUATION = frozenset({"and things", "that kind of thing", "that sort of thing"})


def _phrase_pattern(phrase: str) -> str:
    pattern = re.escape(phrase).replace(r"\ ", r"\s+")
    if phrase in _ONLY_BEFORE_PUNCTUATION:
        pattern += r"(?=\s*(?:[^\w\s'\u2019-]|$))"
    return pattern


_FILLER_PATTERN = re.compile(
    r"(?<![\w'\u2019-])("
    + "|".join(_phrase_pattern(f) for f in sorted(FILLERS, key=len, reverse=True))
    + r")(?![\w'\u2019-])",
    re.IGNORECASE,
)

# The word said just before or after a phrase, and whether punctuation stands between.
_WORD = r"[^\W_]+(?:['\u2019][^\W_]+)*"
_PREVIOUS = re.compile(rf"({_WORD})([^\w]*)$")
_NEXT = re.compile(rf"^([^\w]*)({_WORD})")
_NEXT_TWO = re.compile(rf"^[^\w]*{_WORD}\s+({_WORD})")
_LOOK = 40  # characters looked at on either side; longer than any word said in a pitch

# "a kind of", "what sort of", "the very first", "a pretty garden": a word that points
# at a noun comes before, so the phrase is the plain words, not a hedge.
_DETERMINERS = frozenset(
    "a an the this that these those what which whatever any every each some all same "
    "one no my your his her its our their such another".split()
)
# "do you know", "if you know", "everyone you know", "what you know": a question, a
# condition or the people known, never a filler.
_BEFORE_YOU_KNOW = frozenset(
    "do did does don't didn't doesn't if whether as when once unless who whom that what "
    "how where which everyone anyone someone somebody anybody everybody people person "
    "those all of".split()  # "of": "as most of you know"
)
# "you know someone", "you know a baker", "you know what": the person knows something.
_AFTER_YOU_KNOW = frozenset(
    "someone somebody anyone anybody everyone everybody a an the any some of who whom "
    "what how where when why whether which this these those my our his her their them "
    "him me us people many lots".split()
)
# "You know when…", "You know what it's like": opening a sentence, a nudge to the room.
_YOU_KNOW_OPENERS = frozenset("when what how".split())
# "I can tell you honestly", "we answer honestly": how something is said, not a hedge.
_SAID_HONESTLY = frozenset(
    "tell told say said speak spoke answer answered talk talked you me us them him her "
    "deal dealt work trade advise".split()
)
# "we've just opened", "who'd just lost", "who's just had": recent news, not a hedge.
_HAVE = frozenset("have has had".split())
_RECENT = frozenset(
    "opened launched started moved finished completed won hired signed joined celebrated "
    "reached released published expanded passed became turned qualified graduated "
    "relocated merged had taken gone lost got become done made been begun left sold "
    "bought built found given seen come".split()
)
# "just off the high street", "just over a year": near, or about, not a hedge.
_PLACES = frozenset(
    "off outside inside round around past behind across over beyond near by under below "
    "above opposite along beside".split()
)
# Said the same after "have" and as a request: "just come along" is a hedge.
_BASE_TOO = frozenset("come become".split())
# "just the three of us", "not just one bank": only, not a hedge.
_NUMBERS = frozenset(
    "one two three four five six seven eight nine ten eleven twelve twenty couple".split()
)

# After "a pretty", the words that make it a hedge ("a pretty good year") and not a look.
_DEGREE_WORDS = frozenset(
    "convincing amazing interesting exciting challenging demanding surprising striking "
    "worrying frightening daunting tiring rewarding".split()
) | frozenset(
    "good bad big small busy simple easy quick fast hard tough sure safe new old high low "
    "long short strong solid great nice decent rare common close clear cool safe".split()
)
_DEGREE_ENDINGS = ("ly", "ful", "ous", "ive", "able", "ible", "ent", "ant", "ic", "ish", "al")


@dataclass(frozen=True, slots=True)
class FillerHit:
    """One filler or hedge: where it is (``text[start:end]``) and the phrase, lower case."""

    start: int
    end: int
    phrase: str


def find_fillers(text: str) -> list[FillerHit]:
    """Every filler or hedging word or phrase said as one, with its place in the text."""
    hits: list[FillerHit] = []
    for match in _FILLER_PATTERN.finditer(text):
        phrase = " ".join(match.group(1).lower().split())
        rule = _RULES.get(phrase)
        if rule is None or rule(_Context(text, match.start(), match.end())):
            hits.append(FillerHit(match.start(), match.end(), phrase))
    return hits


def filler_counts(hits: Iterable[FillerHit]) -> dict[str, int]:
    """How often each phrase was said, most first (then alphabetically)."""
    counts: dict[str, int] = {}
    for hit in hits:
        counts[hit.phrase] = counts.get(hit.phrase, 0) + 1
    return dict(sorted(counts.items(), key=lambda item: (-item[1], item[0])))


@dataclass(frozen=True, slots=True)
class _Context:
    """The words around one match, lower case, with curly apostrophes made straight."""

    text: str
    start: int
    end: int

    def opens_sentence(self) -> bool:
        """Whether the phrase starts its sentence (the text's, or one after . ! or ?)."""
        before = self.text[max(0, self.start - _LOOK) : self.start].rstrip(" \t\"'\u201c")
        return not before.strip() or before.endswith((".", "!", "?", "\n", "\u2026"))

    def previous(self) -> tuple[str, bool]:
        """The word before, and whether punctuation stands between it and the phrase."""
        found = _PREVIOUS.search(self.text[max(0, self.start - _LOOK) : self.start])
        if found is None:
            return "", True
        return _plain(found.group(1)), bool(found.group(2).strip())

    def next(self) -> tuple[str, bool]:
        """The word after, and whether punctuation stands between the phrase and it."""
        found = _NEXT.match(self.text[self.end : self.end + _LOOK])
        if found is None:
            return "", True
        return _plain(found.group(2)), bool(found.group(1).strip())

    def word_after_next(self) -> str:
        found = _NEXT_TWO.match(self.text[self.end : self.end + 2 * _LOOK])
        return _plain(found.group(1)) if found else ""


def _plain(word: str) -> str:
    return word.lower().replace("\u2019", "'")


def _you_know_is_filler(at: _Context) -> bool:
    before, cut_before = at.previous()
    if before in _BEFORE_YOU_KNOW and not cut_before:
        return False
    after, cut_after = at.next()
    if at.opens_sentence() and after in _YOU_KNOW_OPENERS and at.word_after_next() != "to":
        return True  # "You know when you look out…", "You know what it's like": a nudge
    return cut_after or after not in _AFTER_YOU_KNOW


def _honestly_is_filler(at: _Context) -> bool:
    before, cut_before = at.previous()
    return cut_before or before not in _SAID_HONESTLY  # "tell you honestly whether"


def _kind_of_is_filler(at: _Context) -> bool:
    before, cut = at.previous()
    return cut or before not in _DETERMINERS


def _just_is_filler(at: _Context) -> bool:
    before, cut_before = at.previous()
    if not cut_before:
        if before in _DETERMINERS or before == "not":
            return False  # "a just cause", "not just one bank"
        if before in _HAVE or before.endswith("'ve"):
            return False  # "we have just opened", "we've just won"
    after, cut_after = at.next()
    if cut_after:
        return True
    if cut_before and before and after in ("a", "an"):
        return False  # "no weigh-in, no points, just a plan": only
    if before.endswith("'d") and not cut_before and not _is_participle(after):
        return True  # "I'd just tell you", "I'd just like to say": would, a hedge
    if before.endswith("'d") and not cut_before:
        return False  # "who'd just lost": had, recent news
    if after in _PLACES:
        return False  # "just off the high street", "just outside town", "just over a year"
    if (after in _RECENT and after not in _BASE_TOO) or after.isdigit() or after in _NUMBERS:
        return False  # "we just opened a second shop", "who's just had", "just two of us"
    if before.endswith("'s") and not cut_before and after.endswith("ed"):
        return False  # "she's just moved"
    following = at.word_after_next()
    if after == "the" and (following in _NUMBERS or following.isdigit()):
        return False  # "just the three of us"
    return not (after == "in" and following == "time")


def _is_participle(word: str) -> bool:
    """Whether ``word`` is said after "had" ("lost", "opened"): "who'd just lost"."""
    return word in _RECENT or word.endswith(("ed", "en"))


def _pretty_is_filler(at: _Context) -> bool:
    after, cut_after = at.next()
    if not after or cut_after:
        return False  # "the shop is pretty."
    before, cut_before = at.previous()
    if before and not cut_before and at.text[at.start].isupper():
        return False  # a name: "Jo from Pretty Little Things"
    if not cut_before and (before in _DETERMINERS or before in {"so", "very", "really"}):
        return _sounds_like_a_degree(after)  # "a pretty good deal", not "a pretty garden"
    return True  # "pretty good", "pretty much", "pretty quickly"


def _sounds_like_a_degree(word: str) -> bool:
    """Whether ``word`` is said as an adjective or adverb ("good", "quickly"), roughly."""
    return word in _DEGREE_WORDS or word.endswith(_DEGREE_ENDINGS)


def _very_is_filler(at: _Context) -> bool:
    before, cut = at.previous()
    return cut or before not in {"the", "this", "that"}  # not "the very first", "this very day"


_RULES: dict[str, Callable[[_Context], bool]] = {
    "you know": _you_know_is_filler,
    "kind of": _kind_of_is_filler,
    "sort of": _kind_of_is_filler,
    "just": _just_is_filler,
    "pretty": _pretty_is_filler,
    "honestly": _honestly_is_filler,
    "very": _very_is_filler,
}
