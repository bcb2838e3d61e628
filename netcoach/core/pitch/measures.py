"""Cheap measures a peer would notice: the longest sentence, "you" against "I", repeats;
and the timing notes (too long, or a third of the minute left unused).

"We", "us", "our" and "ours" count with "I": a listener hears "we do, we offer" as the
speaker talking about themselves, just as "I do". A contraction counts with its pronoun
("I'm", "we've", "you're"). "You" inside the filler "you know" is not counted: it is not
about the listener.
"""

from __future__ import annotations

import math
from collections.abc import Collection
from dataclasses import dataclass

from netcoach.core.pitch.fillers import find_fillers
from netcoach.core.pitch.sentences import Sentence
from netcoach.core.pitch.words import DEFAULT_WPM, WORD_PATTERN, count_words
from netcoach.core.text import plural

REPEAT_THRESHOLD = 3  # a content word said this often or more is a repeat

YOU_WORDS = frozenset({"you", "your", "yours", "yourself", "yourselves"})
I_WORDS = frozenset({"i", "me", "my", "mine", "myself", "we", "us", "our", "ours", "ourselves"})

# Words that carry no content: said often in any pitch, never worth pointing out.
_STOP_WORDS = frozenset(
    """
    a about above after again against all also am an and any are aren't as at be because
    been before being below between both but by can can't cannot could couldn't did didn't
    do does doesn't doing don't down during each even ever every few for from further get
    gets got had hadn't has hasn't have haven't having he he'd he'll he's her here here's
    hers herself him himself his how how's i'd i'll i'm i've if in into is isn't it it's
    its itself just let's like make makes many may me more most much must mustn't no nor
    not now of off on once one only or other ought out over own same shan't she she'd
    she'll she's should shouldn't so some such than that that's the their theirs them
    themselves then there there's these they they'd they'll they're they've this those
    through to too under until up upon very was wasn't we'd we'll we're we've well were
    weren't what what's when when's where where's whether which while who who's whom why
    why's will with won't would wouldn't yes yet you'd you'll you're you've also really
    um umm uh er erm yeah ok okay oh so then thing things way lot lots
    """.split()
)


@dataclass(frozen=True, slots=True)
class PeerMeasures:
    """What a peer would notice: the longest sentence, who the pitch is about, repeats."""

    longest_sentence: int | None  # its index in the script's sentences; None for no text
    longest_words: int
    you_count: int  # you, your, yours (not in the filler "you know")
    i_count: int  # I, me, my, mine, and we, us, our, ours: the speaker's side
    repeated: tuple[tuple[str, int], ...]  # content words said three times or more, most first


def peer_measures(sentences: tuple[Sentence, ...]) -> PeerMeasures:
    """The measures over the script's sentences (as ``split_sentences`` gives them)."""
    longest = max(sentences, key=lambda s: count_words(s.text), default=None)
    you_count = i_count = 0
    said: dict[str, int] = {}
    shown: dict[str, dict[str, int]] = {}
    for sentence in sentences:
        filler_spans = [
            (h.start, h.end) for h in find_fillers(sentence.text) if h.phrase == "you know"
        ]
        for match in WORD_PATTERN.finditer(sentence.text):
            word = match.group().lower().replace("\u2019", "'")
            person = word.split("'", 1)[0]  # "I'm", "we've", "you're" count with I, we, you
            if person in YOU_WORDS:
                if not any(start <= match.start() < end for start, end in filler_spans):
                    you_count += 1
                continue
            if person in I_WORDS:
                i_count += 1
                continue
            if word in _STOP_WORDS or not any(c.isalpha() for c in word):
                continue
            key = _word_key(word)
            said[key] = said.get(key, 0) + 1
            forms = shown.setdefault(key, {})
            forms[word] = forms.get(word, 0) + 1
    repeated = tuple(
        (max(shown[key].items(), key=lambda form: (form[1], -len(form[0])))[0], count)
        for key, count in sorted(said.items(), key=lambda item: (-item[1], item[0]))
        if count >= REPEAT_THRESHOLD
    )
    return PeerMeasures(
        longest.index if longest else None,
        count_words(longest.text) if longest else 0,
        you_count,
        i_count,
        repeated,
    )


def _word_key(word: str) -> str:
    """One key for a word and its plural: "client" and "clients" are the same repeat."""
    if word.endswith("'s"):
        word = word[:-2]
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def measures_in_words(measures: PeerMeasures) -> tuple[str, ...]:
    """The measures as a peer would say them, one line each; nothing for an empty script."""
    if measures.longest_sentence is None:
        return ()
    lines = [
        f"Longest sentence: number {measures.longest_sentence + 1}, "
        f"{plural(measures.longest_words, 'word')}."
    ]
    you = plural(measures.you_count, "time")
    me = plural(measures.i_count, "time")
    balance = f'"You" and "your" {you}; "I", "we" and "our" {me}.'
    if measures.i_count >= 5 and measures.i_count > 2 * measures.you_count:
        balance += (
            " Most of it is about you and your business; say more about what your clients get."
        )
    lines.append(balance)
    if measures.repeated:
        repeats = ", ".join(f"{word} ({count})" for word, count in measures.repeated)
        lines.append(f"Said three times or more: {repeats}.")
    return tuple(lines)


def timing_notes(
    seconds: float,
    limit_seconds: int,
    wpm: float = DEFAULT_WPM,
    present: Collection[str] | None = None,
) -> tuple[str, ...]:
    """What to say about the length: over the limit, or more than a third of it unused.

    ``seconds`` is the script's spoken time at ``wpm`` words per minute; ``present``, the
    parts the check found, lets the note suggest a part the script lacks.
    """
    if seconds > limit_seconds:
        over = max(1, math.ceil(seconds - limit_seconds))
        words = max(1, math.ceil(over * wpm / 60))
        return (
            f"Too long by {plural(over, 'second')} for the {limit_seconds}-second limit: "
            f"cut about {plural(words, 'word')}. Keep the ask and the close; shorten the "
            "example or drop a sentence that says again what another already said.",
        )
    unused = limit_seconds - seconds
    if unused > limit_seconds / 3:
        spare = math.floor(unused)
        words = math.floor(unused * wpm / 60)
        unused_words = (
            f"All {limit_seconds} seconds are unused"
            if spare >= limit_seconds
            else f"{plural(spare, 'second')} of the {limit_seconds} are unused"
        )
        return (
            f"{unused_words} (room for about {plural(words, 'word')}): {_what_to_add(present)}.",
        )
    return ()


_WHAT_TO_ADD = (
    ("example", "add a short example of someone you helped and what changed for them"),
    ("ask", "make the ask specific: who, in which business, where"),
    ("different", "say how you are different from others in your trade"),
    ("good_at", "say what you are really good at"),
    ("close", "end with a line people will remember"),
)


def _what_to_add(present: Collection[str] | None) -> str:
    if present is None:
        return f"{_WHAT_TO_ADD[0][1]}, or {_WHAT_TO_ADD[1][1]}"
    missing = [words for key, words in _WHAT_TO_ADD if key not in present]
    if not missing:
        return "give the example more detail: the client, the problem and the result"
    return ", or ".join(missing[:2])
