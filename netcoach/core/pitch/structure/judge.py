"""The whole check: a script's sentences (a run-on one cut at its turns into clauses)
judged part by part."""

from __future__ import annotations

from dataclasses import replace

from netcoach.core.pitch.parts import PART_KEYS
from netcoach.core.pitch.profile import Profile
from netcoach.core.pitch.sentences import Sentence, split_sentences
from netcoach.core.pitch.structure.ask import _judge_ask
from netcoach.core.pitch.structure.different import _judge_different
from netcoach.core.pitch.structure.example import _judge_example
from netcoach.core.pitch.structure.findings import Structure
from netcoach.core.pitch.structure.good_at import _judge_good_at
from netcoach.core.pitch.structure.intro_close import _judge_close, _judge_intro
from netcoach.core.pitch.structure.patterns import _Rx
from netcoach.core.pitch.structure.shared import _QUOTES, _heard, _speaker
from netcoach.core.pitch.structure.who_help import _judge_who_help
from netcoach.core.pitch.trade_examples import trade_example

# -- the whole check -----------------------------------------------------------------


def judge_structure(text: str, profile: Profile | None = None) -> Structure:
    """Judge each part of ``text`` from its sentences (``profile`` helps: name, business)."""
    sentences = split_sentences(text)
    texts, units = _clauses(sentences)
    p = profile or Profile()
    own = _speaker(profile)
    who = _heard(own, texts)
    ex = trade_example(p.trade)
    ask_part, ask = _judge_ask(texts, units, who, ex, p)
    parts = {
        "intro": _judge_intro(texts, units, own, ex, p),
        "who_help": _judge_who_help(texts, units, ex),
        "good_at": _judge_good_at(texts, units, ex),
        "different": _judge_different(texts, units, ex),
        "example": _judge_example(texts, units, ex),
        "ask": ask_part,
        "close": _judge_close(texts, units, who, ex, p),
    }
    # Two clauses of one run-on sentence are one piece of evidence.
    found = {
        key: replace(parts[key], evidence=tuple(dict.fromkeys(parts[key].evidence)))
        for key in PART_KEYS
    }
    return Structure(sentences, found, ask)


# Where a run-on sentence ("...and last week one of our clients... and a good referral for
# me would be...") turns to its next point; it is judged clause by clause.
_TURN = _Rx(
    r"(?i)(?:,\s*|\s+)(?=(?:and so|and then|and|so|but|because|then|anyway)\s+(?:i|i'm|i've|"
    r"we|we're|we've|my|our|a|an|one|last|if|what|this|unlike|recently|thanks|thank|"
    r"please|it's|they|he|she)\b)|,\s+(?=(?:last|one of|a good referral|if you|this week|"
    r"my ask|recently|unlike|what i|what we|who i'd|what makes)\b)"
    r"|,\s+(?=(?:so|yeah|anyway|um|er|erm|right|ok|okay|honestly|basically),?\s)"
)
_RUN_ON_WORDS = 40


def _clauses(sentences: tuple[Sentence, ...]) -> tuple[list[str], tuple[Sentence, ...]]:
    """Each sentence's text, a run-on one cut into its clauses; beside each piece, the
    sentence it belongs to (whose span is the evidence)."""
    texts: list[str] = []
    owners: list[Sentence] = []
    for sentence in sentences:
        text = sentence.text.translate(_QUOTES)
        if len(text.split()) <= _RUN_ON_WORDS:
            texts.append(text)
            owners.append(sentence)
            continue
        pieces: list[str] = []
        start = 0
        for m in _TURN.finditer(text):
            piece = text[start : m.start()]
            if len(piece.split()) >= 4:
                pieces.append(piece)
                start = m.end()
        pieces.append(text[start:])
        for piece in pieces:
            texts.append(piece.strip())
            owners.append(sentence)
    return texts, tuple(owners)
