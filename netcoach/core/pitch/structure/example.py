"""A short example: one real case told, not a hypothetical or a client count."""

from __future__ import annotations

from netcoach.core.pitch.sentences import Sentence
from netcoach.core.pitch.structure.findings import PartFinding, Span
from netcoach.core.pitch.structure.patterns import _Rx
from netcoach.core.pitch.structure.shared import _ASK_CUE, _span
from netcoach.core.pitch.trade_examples import TradeExample

# -- a short example -----------------------------------------------------------------

_HYPOTHETICAL = _Rx(
    r"(?i)\b(?:imagine|picture this|picture (?:a|yourself)|suppose|say you|let's say|"
    r"if you|if your|what if|think about|whether you|when you|you might|you could|"
    r"you may|would you|wouldn't it)\b"
)
_CLIENT_COUNT = _Rx(
    r"(?i)\b(?:helped|worked with|served|supported|have|had|work with|help|treated|seen|"
    r"looked after|trained|coached|insured|advised|placed|housed)\s+(?:over|more than|"
    r"around|about|nearly|almost|well over|literally|just over)?\s*(?:\d[\d,]*\+?|hundreds|"
    r"thousands|loads|lots|dozens|many|countless|so many|(?:(?:one|two|three|four|five|six|"
    r"seven|eight|nine|ten|twenty|thirty|forty|fifty|a few|several)\s+)?(?:hundred|"
    r"thousand)s?)\s+(?:of\s+)?(?:\w+\s+)?(?:clients|patients|landlords|"
    r"customers|people|businesses|families|companies|firms|homes|students|couples)\b"
)
_SINGULAR_CASE = _Rx(
    r"(?i)\bfor (?:example|instance)\b|\bone (?:of (?:my|our) )?(?:clients?|customers?)\b|"
    r"\b(?:a|one) (?:recent |new |local )?(?:client|customer) (?:of (?:mine|ours))?\b|"
    r"\bcase study\b|\bjust (?:helped|finished|completed|delivered)\b|\b(?:we|i) "
    r"(?:recently |just )?(?:helped|worked with|worked for|did|built|designed|installed|"
    r"fitted|rewired|sold|found|saved|took on|met|\w+ed) (?:a|an|one|the|two|three)\b|"
    r"\b(?:a|an|one) (?:[\w'-]+ ){0,3}?(?:came to|called|rang|asked|contacted|approached|"
    r"got in touch|emailed|phoned|"
    r"hired|found|went from|told|was|had|needed|wanted|said)\b|\bwe had a\b|\bi had a\b|"
    r"\bthere was a\b|\bi met a\b|\bstory\b"
)
_TIME_CASE = _Rx(
    r"(?i)\brecently\b|\blast (?:week|month|year|summer|winter|spring|autumn|christmas|"
    r"quarter|monday|tuesday|wednesday|thursday|friday|saturday|sunday|time|night)\b|"
    r"\byesterday\b|\b(?:a|a few|couple of|\w+) (?:weeks|months|days|years) ago\b|"
    r"\bearlier this (?:week|month|year)\b|\bin (?:january|february|march|april|may|june|"
    r"july|august|september|october|november|december)\b|\bin the (?:spring|summer|autumn|"
    r"winter|new year)\b|\bover (?:christmas|the summer|the winter)\b"
)
# The speaker's own life ("five years ago I was made redundant"), not a case of the work.
_OWN_STORY = _Rx(
    r"(?i)^(?:[\w'-]+,? ){0,5}?i (?:was|were|got|left|lost|started|decided|became|quit|"
    r"set up|had|went|moved|retrained|trained|joined|realised|realized|thought|began)\b"
)
_THIRD_PARTY = _Rx(
    r"(?i)\b(?:client|customer|she|he|they|her|his|their|them|him|owner|couple|family|"
    r"patient|tenant|landlord)\b"
)
_DETAIL = _Rx(
    r"(?i)\d|£|\$|€|%|\b(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
    r"fifteen|twenty|thirty|forty|fifty|hundred|thousand|half|double|doubled|tripled|"
    r"trebled|saved|saving|increased|grew|won|cut|reduced|halved|went from|now (?:has|have|"
    r"gets|get|runs|run|sells|is|are)|told (?:me|us)|said|thanks to|so (?:that|they|she|he)|"
    r"within|in time|by (?:monday|friday|the)|first time|no longer|back on|result|"
    r"delighted|thrilled|over the moon|came back|recommended|booked|sold|signed|hired|"
    r"launched|opened|passed|avoided|recovered|found|says|told|tells|rose|went up|up by|"
    r"a third|a quarter|twice|fewer|again|overnight|same day|hours|days|weeks|by lunchtime|"
    r"on (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)|wrote|sent (?:me|us)|"
    r"thanked|emailed|rang|cried|exactly)\b"
    # a place or a name said in the middle of the case: "a retired teacher in Otley"
    r"|(?<=[a-z,] )(?-i:(?!I\b)[A-Z][a-z]+)"
)


def _judge_example(
    texts: list[str], sentences: tuple[Sentence, ...], ex: TradeExample
) -> PartFinding:
    strong: list[Span] = []
    weak: list[Span] = []
    tried: list[tuple[Span, str]] = []
    for i, text in enumerate(texts):
        span = _span(sentences[i])
        if _HYPOTHETICAL.search(text) and not _TIME_CASE.search(text):
            if _SINGULAR_CASE.search(text) or "imagine" in text.lower():
                tried.append((span, "hypothetical"))
            continue
        if _ASK_CUE.search(text):
            continue  # "this week I'm looking for...": the ask, not a case
        if _OWN_STORY.search(text) and not _THIRD_PARTY.search(text):
            continue
        singular = _SINGULAR_CASE.search(text)
        timed = _TIME_CASE.search(text)
        if _CLIENT_COUNT.search(text) and not (singular and timed):
            tried.append((span, "count"))
            continue
        if not (singular or timed):
            continue
        follow = texts[i + 1] if i + 1 < len(texts) else ""
        if _DETAIL.search(text):
            strong.append(span)
        elif follow and _DETAIL.search(follow) and not _HYPOTHETICAL.search(follow):
            strong.extend((span, _span(sentences[i + 1])))
        elif singular:
            weak.append(span)
    advice = f'Tell one short story with a detail or a result: "{ex.story}."'
    if strong:
        return PartFinding("example", True, tuple(strong[:3]))
    if weak:
        return PartFinding(
            "example",
            False,
            tuple(weak[:1]),
            reason="The case has no detail or result: what changed for them?",
            advice=advice,
        )
    if tried:
        span, why = tried[0]
        reason = {
            "hypothetical": "That is a what-if, not something that happened to a client.",
            "count": "A count of clients is not a story: tell one of them.",
        }[why]
        return PartFinding("example", False, (span,), reason=reason, advice=advice)
    return PartFinding(
        "example", False, (), reason="No real case: one client and what changed.", advice=advice
    )
