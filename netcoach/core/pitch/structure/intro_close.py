"""The intro (who you are) and the close (a last line to remember you by); both listen
for the speaker's name and business."""

from __future__ import annotations

import re

from netcoach.core.pitch.profile import Profile
from netcoach.core.pitch.sentences import Sentence
from netcoach.core.pitch.structure.findings import PartFinding, Span
from netcoach.core.pitch.structure.patterns import _Rx
from netcoach.core.pitch.structure.shared import (
    _ASK_CUE,
    _BUSINESS_CUE,
    _BUSINESS_LEADS,
    _BUSINESS_NEAR,
    _BUSINESS_SUFFIX,
    _CAP_RUN,
    _JOB_TITLE,
    _NAME_CUE,
    _NAME_HERE,
    _SELF,
    _SIGN_OFF,
    _names_in,
    _real_name,
    _span,
    _Who,
    _word_in,
)
from netcoach.core.pitch.trade_examples import TradeExample


def _judge_intro(
    texts: list[str], sentences: tuple[Sentence, ...], who: _Who, ex: TradeExample, p: Profile
) -> PartFinding:
    n = len(texts)
    evidence: list[Span] = []
    name = business = False
    for i, text in enumerate(texts):
        near = i < 2 or i >= n - 2
        has_name = any(_word_in(w, text) for w in who.name_words)
        has_name = has_name or any(_real_name(m["name"]) for m in _NAME_CUE.finditer(text))
        has_name = has_name or bool(_NAME_HERE.search(text))
        asking = bool(_ASK_CUE.search(text))
        has_business = any(re.search(re.escape(w), text, re.I) for w in who.business_words)
        has_business = has_business or (
            not asking and any(_real_name(m["biz"]) for m in _BUSINESS_CUE.finditer(text))
        )
        sign_off = _SIGN_OFF.search(text) if near and not asking else None
        first = _real_name(sign_off["first"]) if sign_off else ""
        if sign_off and first:
            # "Hi, Sue, bookkeeper.", "Anna Clarke, Hawthorn Flowers", "Sparkle: you'll..."
            second = _real_name(sign_off["second"] or "")
            several = len(first.split()) > 1 or bool(sign_off["greeting"])
            tagline = sign_off.group().rstrip()[-1:] in ":\u2013\u2014-"
            suffixed = bool(_BUSINESS_SUFFIX.search(sign_off.group()))
            if suffixed or (second and several) or (tagline and not several):
                has_business = True
            if several and not _BUSINESS_SUFFIX.search(first):
                has_name = True
        # A business said by itself must be the speaker's: said with "I'm", "we're", a name,
        # or leading the sentence; not one asked for, and not in a question.
        own = has_name or bool(_SELF.search(text))
        if not has_business and not asking and not text.rstrip().endswith("?"):
            if own:
                has_business = bool(_BUSINESS_SUFFIX.search(text)) or any(
                    _real_name(m["biz"]) for m in _BUSINESS_NEAR.finditer(text)
                )
            if near and not has_business:
                has_business = bool(_BUSINESS_LEADS.search(text))
        if has_name or has_business:
            evidence.append(_span(sentences[i]))
            name, business = name or has_name, business or has_business
    me = p.name or "Sam Lee"
    firm = p.business or "Lee & Co"
    if not evidence:
        titled = any(_JOB_TITLE.search(t) for t in texts)
        reason = (
            "A job title alone doesn't say who you are: the room needs a name to ask for."
            if titled
            else "You never say your name or your business."
        )
        return PartFinding(
            "intro",
            False,
            (),
            reason=reason,
            advice=f'Open with your name and your business: "I\'m {me} from {firm}."',
        )
    if name and business:
        return PartFinding("intro", True, tuple(evidence[:2]))
    if name:
        reason = "You give your name but not your business's."
        advice = f'Add your business after your name: "I\'m {me} from {firm}."'
    else:
        reason = "You name the business but not yourself."
        advice = f'Put your own name first: "I\'m {me} from {firm}."'
    return PartFinding("intro", True, tuple(evidence[:2]), True, reason, advice)


# -- the close -----------------------------------------------------------------------

_THANKS_ONLY = _Rx(
    r"^[\s,.!-]*(?i:(?:um|er|erm|uh|so|and|well|ok|okay|right|yeah|anyway)[\s,.!-]+)*"
    r"(?i:thank you|thanks|cheers|ta|many thanks)(?-i:(?:[\s,.!-]+[a-z']+){0,5})[\s,.!-]*$"
)
_TRAILING = _Rx(
    r"(?i)\bthat'?s (?:about )?(?:it|all|everything)\b|\bso yeah\b|^\W*anyway\b|\bi guess\b|"
    r"\bi think that'?s\b|\bthat'?s me really\b|\band so on\b|\betc\.?$|\bor whatever\b|"
    r"\bi'?ll (?:leave it|stop) there\b|\bthat'?s (?:my|the) (?:pitch|minute)\b|"
    r"\bany questions\b|\b(?:haha|lol|just kidding|only joking)\b|\.\.\.$"
)
_HOOK = _Rx(
    r"(?i)\bremember\b|\bthink of\b|\bwhen you think\b|\bif you (?:only )?remember\b|"
    r"\bthink \w+,? think\b|[:\u2013\u2014]|\s-\s|\bthe (?:\w+ )?(?:who|that) "
    r"(?:\w+ ){0,4}\w+\b"
)
_LEADING_NAMES = _Rx(
    r"^(?:(?:So|And|Again|Remember|Once again),?\s+)?(?P<name>"
    + _CAP_RUN
    + r")\s*[,:\u2013\u2014-]"
)
_FIRST_PERSON = _Rx(r"(?i)\b(?:i|we|my|our|me|us|you|your)\b")


def _close_signal(text: str, who: _Who) -> tuple[bool, bool]:
    """Whether a last line is a close: (said who you are, has a hook)."""
    has_name, has_business = _names_in(text, who)
    if not (has_name or has_business):
        m = _LEADING_NAMES.search(text)
        has_name = bool(m and _real_name(m["name"]))
    named = has_name or has_business
    hook = bool(_HOOK.search(text))
    return named, hook


def _judge_close(
    texts: list[str], sentences: tuple[Sentence, ...], who: _Who, ex: TradeExample, p: Profile
) -> PartFinding:
    me = p.name or "Sam Lee"
    firm = p.business or "Lee & Co"
    advice = f'End on your name, your business and a short line: "{me}, {firm}: {ex.hook}."'
    n = len(texts)
    candidates = [i for i in range(n - 1, max(-1, n - 3), -1)]
    if n > 1:
        candidates = [i for i in candidates if i > 0]
    tried: int | None = None
    for rank, i in enumerate(candidates):
        text = texts[i]
        if _THANKS_ONLY.search(text):
            tried = i if tried is None else tried
            continue
        words = text.split()
        if len(words) > 30:
            text = " ".join(words[-20:])
        if text.rstrip().endswith("?") or _TRAILING.search(text):
            tried = i if tried is None else tried
            if rank == 0:
                break
            continue
        named, hook = _close_signal(text, who)
        if _ASK_CUE.search(text) and not (named and hook):
            if rank == 0 and not named:
                break
            continue
        short = len(words) <= 6 and not _FIRST_PERSON.search(text)
        if named and (hook or len(words) <= 16):
            weak = not hook and not any(w.lower() in ("again", "remember") for w in words)
            if n == 1 and not hook:
                continue
            if weak:
                return PartFinding(
                    "close",
                    True,
                    (_span(sentences[i]),),
                    True,
                    "You end on your name, but with nothing to remember you by.",
                    advice,
                )
            return PartFinding("close", True, (_span(sentences[i]),))
        joke = i > 0 and texts[i - 1].rstrip().endswith("?")  # a punchline
        plain = not _FIRST_PERSON.search(text.split(":")[0])
        if hook and len(words) <= 16 and plain and not joke:
            return PartFinding("close", True, (_span(sentences[i]),))
        if short and n > 2 and rank == 0 and not joke:
            return PartFinding(
                "close",
                True,
                (_span(sentences[i]),),
                True,
                "A short last line; say your name with it so they know whose it is.",
                advice,
            )
        if rank == 0:
            tried = i if tried is None else tried
    if tried is not None:
        text = texts[tried]
        if text.rstrip().endswith("?"):
            reason = "The pitch ends on a question; end on a line they'll remember you by."
        elif _THANKS_ONLY.search(text):
            reason = '"Thanks" is manners, not a close: they need a line to remember you by.'
        elif _TRAILING.search(text):
            reason = "The pitch trails off at the end instead of closing."
        else:
            reason = "The last line is not a close: nothing to remember you by."
        return PartFinding("close", False, (_span(sentences[tried]),), reason=reason, advice=advice)
    return PartFinding(
        "close", False, (), reason="No closing line to remember you by.", advice=advice
    )
