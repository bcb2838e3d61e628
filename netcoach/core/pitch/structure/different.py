"""How you are different: a contrast with others, not a quality claim."""

from __future__ import annotations

import re

from netcoach.core.pitch.sentences import Sentence
from netcoach.core.pitch.structure.example import _HYPOTHETICAL
from netcoach.core.pitch.structure.findings import PartFinding, Span
from netcoach.core.pitch.structure.patterns import _Rx
from netcoach.core.pitch.structure.shared import _span
from netcoach.core.pitch.trade_examples import TradeExample

# -- how you are different -----------------------------------------------------------

_CONTRAST = _Rx(
    r"(?i)\bunlike\b|\bthe only\b|\bthe one (?:firm|company|agency|florist|accountant|"
    r"person|business) (?:that|who)\b|\bno other\b|\binstead of\b|\brather than\b|"
    r"\bwhereas\b|\bsets? (?:us|me|it|them) apart\b|\bwhat makes (?:us|me|it|our \w+) "
    r"(?:different|unique|special|stand out)\b|\bwhat's different\b|\bthe difference "
    r"(?:is|with (?:us|me)|between)\b|\bdifferent (?:from|to|than)\b|\bstand(?:s)? out\b|"
    r"\buniquely\b|\bour unique\b|\bwhile (?:most|others|other|many)\b|"
    # "Most physios give you a sheet...; I film...", "other agencies... we..."
    r"^(?:\w+,? )?(?:most|other|many|a lot of|lots of) (?:other )?(?:[\w'-]+ )?[\w'-]+s\b"
    r"[^.!?]*\b(?:but|we|i|i'm|we're)\b|\bother (?:[\w'-]+ )?[\w'-]+s\b[^.!?]*\bbut\b|"
    r"\b(?:everybody|everyone|nobody|no one|no-one) else\b|\bthe other way round\b|"
    r"\bthe other way around\b|\bthe opposite\b|\bone of (?:the|only) (?:very )?few\b|"
    r"\bone of only\b|\bnot (?:the|a|an) [\w'-]+(?:est)? but\b|\bnot the [\w'-]+est\b|"
    # "every seller gets me, not a junior", "a flat fee, not a percentage"
    # and "a second translator, not just a second pair of eyes", "never the usual slots"
    r"\w,\s+(?:not|never) (?:just |only |merely )?(?:a|an|the|whoever|whatever|what|some|one|"
    r"two|once)\b|"
    # a promise with a forfeit: "there in thirty minutes or the call-out's free", "back by
    # five, or we lend you one"; a price with nothing added: "no extras", "no hidden fees"
    r"\bor (?:the [\w'-]+(?:'s| is) free|it's free|you don't pay|your money back|we (?:lend|"
    r"refund|give you|pay))\b|\bno (?:extras|hidden (?:fees|costs|charges|extras)|extra "
    r"(?:fees|costs|charges))\b|"
    r"\b(?:i|we) only (?:work with|take on|do|use|deal with|serve|work for|act for)\b|"
    r"\b(?:fixed|flat)[- ](?:fee|price|prices|fees|rate)\b|\bguarantee|\bno (?:win|fix),"
    r" no fee\b|\bfirst (?:and only )?(?:\w+ )?in (?:the|town|the country)\b|"
    r"\bthe (?:first|last) \w+ (?:who|that)\b|\b(?:we|i) (?:don't|do not|never|won't) "
    r"(?:subcontract|outsource|charge|sell|take|hide|lock|tie|make you|ask you|send|"
    r"disappear|leave|use|do|wait|lock you)\b|\bisn't an? \w+|"
    # "residents who aren't getting checked" describes people, it contrasts no one
    r"\b(?<!who )aren't \w+|"
    r"\b(?:we|i) (?:have|use|employ) (?:our|my) own\b|\bin-house\b|\bwithout the\b|"
    # "cover that the comparison sites won't touch", "no chipboard, no flat packs"
    r"\b(?:that|which|what) (?:the )?(?:[\w'-]+ ){0,2}[\w'-]+s (?:won't|don't|can't|wouldn't|"
    r"never)\b|\bno [\w-]+(?: [\w-]+)?,\s+no\b"
)
_MOST_PEOPLE = _Rx(
    r"(?i)^(?:(?:so|and|now|well),?\s+)?(?:most|many|other|a lot of|lots of)\s+(?!of you|of us)"
    r"(?:[\w'-]+\s+){0,2}?(?:[\w'-]+s|people|folk|men|women)\b"
)
_BUT_WE = _Rx(r"(?i)^(?:but\s+|whereas\s+|instead,?\s+)?(?:we|i|our|my)\b(?!'m\s+not)")
_DIFFERENT = _Rx(r"(?i)\b(?:different|differently|unique|special)\b(?P<rest>[^.!?]*)")
_COMPARE = _Rx(
    r"(?i)\b(?:cheaper|faster|quicker|better|more \w+|less \w+|lower|higher)\s+than\b"
    r"(?!\s+(?:you|people|they|most people) (?:think|expect|imagine|might))"
)
_QUALITY = _Rx(
    r"(?i)\b(?:we (?:really |genuinely |truly )?care|i (?:really |genuinely )?care|caring|"
    r"passionate|passion|great service|good service|excellent service|customer service|"
    r"friendly|reliable|professional|honest|trustworthy|trusted|quality|personal touch|"
    r"personal service|extra mile|hard[- ]working|dedicated|committed|the best)\b"
)
_YEARS = _Rx(
    r"(?i)\b(?:\d+|two|three|four|five|ten|fifteen|twenty|thirty|forty|many)\+?\s+years\b|"
    r"\bsince (?:19|20)\d\d\b|\bestablished in\b"
)
_HEDGE = _Rx(
    r"(?i)\b(?:i guess|kind of|sort of|maybe|a bit|lots of ways|many ways|i think|"
    r"probably|than some|hopefully|i suppose)\b"
)


def _judge_different(
    texts: list[str], sentences: tuple[Sentence, ...], ex: TradeExample
) -> PartFinding:
    strong: list[Span] = []
    hedged: list[Span] = []
    tried: list[tuple[Span, str]] = []
    for i, text in enumerate(texts):
        span = _span(sentences[i])
        follow = texts[i + 1] if i + 1 < len(texts) else ""
        if _MOST_PEOPLE.search(text) and _BUT_WE.search(follow):
            # "Most people only think about their chimney when... We remind every customer..."
            strong.extend((span, _span(sentences[i + 1])))
            continue
        quality = _QUALITY.search(text)
        words = len(text.split())
        if _HYPOTHETICAL.search(text) and "imagine" in text.lower():
            continue  # "imagine if your website sounded like you instead of a robot"
        contrast = _CONTRAST.search(text)
        if contrast:
            rest = text[contrast.end() :]
            if quality and (words < 12 or (_QUALITY.search(rest) and len(rest.split()) < 12)):
                tried.append((span, "quality"))
            elif _HEDGE.search(text):
                hedged.append(span)
            else:
                strong.append(span)
            continue
        m = _DIFFERENT.search(text)
        if m:
            rest = m["rest"]
            if len(rest.split()) >= 4 and not _QUALITY.search(rest) and not _HEDGE.search(rest):
                strong.append(span)
            else:
                tried.append((span, "quality" if _QUALITY.search(rest) else "vague"))
            continue
        if _COMPARE.search(text):
            (hedged if _HEDGE.search(text) else strong).append(span)
            continue
        if quality:
            tried.append((span, "quality"))
        elif _YEARS.search(text) and re.search(r"(?i)\b(?:we|i|our|my)\b", text):
            tried.append((span, "years"))
    advice = f'Draw one contrast with how others do it: "{ex.different}."'
    if strong:
        return PartFinding("different", True, tuple(strong[:3]))
    if hedged:
        return PartFinding(
            "different",
            True,
            tuple(hedged[:1]),
            True,
            "The contrast is hedged: say it plainly, and say with whom.",
            advice,
        )
    if tried:
        span, why = tried[0]
        reason = {
            "quality": 'Caring, "great service" and quality are what everyone claims.',
            "vague": "You say you are different, but not how.",
            "years": "Years in business say how long, not how you differ.",
        }[why]
        return PartFinding("different", False, (span,), reason=reason, advice=advice)
    return PartFinding(
        "different",
        False,
        (),
        reason="Nothing sets you apart from others who do the same.",
        advice=advice,
    )
