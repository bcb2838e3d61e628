"""The ask: who exactly the speaker wants to meet, classed as specific, generic (aimed
at everyone) or none."""

from __future__ import annotations

import re

from netcoach.core.pitch.profile import Profile
from netcoach.core.pitch.sentences import Sentence
from netcoach.core.pitch.structure.findings import AskFinding, AskKind, PartFinding
from netcoach.core.pitch.structure.patterns import _Rx
from netcoach.core.pitch.structure.shared import (
    _ASK_CUE,
    _CAP_RUN,
    _before,
    _real_name,
    _span,
    _Who,
)
from netcoach.core.pitch.structure.who_help import _GENERIC_WHO, _KINDS, _NOT_PEOPLE
from netcoach.core.pitch.trade_examples import TradeExample

# -- the ask -------------------------------------------------------------------------

# Roles that name someone to ask for: "the practice manager at", "the owner of".
_ROLE = _Rx(
    r"(?i)\b(?P<role>owners?|directors?|managers?|heads? of \w+|partners?|founders?|ceos?|"
    r"md|cfo|cto|coo|fd|hr|buyers?|procurement|secretar(?:y|ies)|bursars?|administrators?|"
    r"principals?|headteachers?|head teachers?|chairs?|chairman|chairwoman|treasurers?|"
    r"co-?ordinators?|organisers?|organizers?|officers?|executives?|presidents?|"
    r"decision[- ]makers?|landlords?|team leaders?|controllers?|leads?)\b"
)
_ROLE_QUALIFIED = _Rx(
    r"(?i)\b(?:practice|office|facilities|operations|marketing|sales|finance|financial|hr|"
    r"people|it|estates|property|project|general|managing|commercial|regional|area|store|"
    r"branch|site|fleet|events|wedding|purchasing|procurement|human resources|"
    r"development|compliance|credit|safety|brand|digital|technical|practice|merchant|"
    r"restaurant|hotel|school|venue|the)\s+(?:owners?|directors?|managers?|partners?|"
    r"buyers?|administrators?|officers?|executives?|co-?ordinators?|leads?|controllers?)\b|"
    r"\b(?:owners?|directors?|managers?|heads?|partners?|founders?|ceos?|buyers?|"
    r"administrators?|officers?|secretar(?:y|ies)|bursars?|landlords?|leads?)\s+(?:at|of|in|"
    r"for|from|with)\s+(?:a|an|the|any|one|\w+)\b"
)
_GATEKEEPER = _Rx(
    r"(?i)\b(?:the person|the one|the people|someone|somebody|whoever)\s+(?:who|that)\s+"
    r"(?:orders|buys|books|runs|manages|organises|organizes|looks after|handles|arranges|"
    r"chooses|decides on|signs off|is in charge of|plans)\b[^.;!?]*\b(?:at|in|for)\s+"
    r"(?:a|an|the|any)\b"
)
_GENERIC_TARGET = _Rx(
    r"(?i)\b(?:anyone|anybody|everyone|everybody|all of you|any business(?:es)?|any "
    r"company|any companies|any one|anyone else|whoever|people|businesses|new clients|"
    r"more clients|new customers|more customers|more business|any (?:client|customer)s?)\b"
)
_NEEDS = _Rx(
    r"(?i)\b(?:someone|somebody|anyone|anybody|person|people|business(?:es)?|compan(?:y|ies)"
    r"|friend|family|client|customer)s?\s+(?:who|that|which)\s+(?:\w+\s+)?(?:needs?|wants?|"
    r"likes?|loves?|uses?|requires?|would like|would benefit|could use|could do with|is "
    r"looking for|are looking for|is interested|might need|may need)\b|\bif you need\b|"
    r"\bif you(?:'re| are) looking for\b|\bneeds? (?:a|an|some|any|help)\b"
)
# A situation narrow enough to act on, even after "anyone": it has just happened, or a
# business is at a turning point ("anyone opening a shop in the valley this year").
_TRIGGER = _Rx(
    r"(?i)\b(?:who|that|which)(?:'s|'ve|'re| has| have| is| are| had)?\s+(?:just|recently|"
    r"about to)\b|\b(?:has|have|'s|'ve) (?:just|recently) \w+|\babout to (?:open|launch|"
    r"sell|buy|retire|expand|move|relocate|hire|take on|start)\b|\b(?:has|have) inherited\b|"
    r"\bhas been refused\b|\b(?:has|have) outgrown\b|\b(?:who(?:'s| is| are)? )?(?:opening|"
    r"launching|expanding|relocating|setting up|taking on|hiring|retiring|downsizing|"
    r"outgrowing|refurbishing|rebranding|relaunching)\s+(?:a|an|their|its|his|her|new|"
    r"the|staff|more|\w+)\b"
    # a turning point with a date on it: "thinking of selling in the next year or two"
    r"|\b(?:sell|selling|retire|retiring|move|moving|open|opening|expand|expanding|buy|"
    r"buying|renew|renewing|renewal|launch|launching|hire|hiring|relocate|relocating)\b"
    r"[^.;!?]{0,40}\b(?:in the next|within the next|this year|next year|before the end of|"
    r"in the new year|is coming up|are coming up|comes up)\b"
)
_PLACE_BEFORE = _Rx(r"(?i)(?:\bin|\baround|\bacross|\bnear|\bfrom|\bthis|\bnext|\bon)\s+$")
_NOT_TARGET = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday january february march april "
    "may june july august september october november december christmas easter linkedin "
    "i i'm i'd i've".split()
)


# Where the ask says whom: "an introduction to ...", "a good referral for me is ...".
_ASK_TARGET = _Rx(
    r"(?i)(?=\b(?:introductions? to|introduced to|introduce (?:me|us) to|meet|meeting|looking for"
    r"|referrals? (?:to|from)|referral (?:for (?:me|us) )?(?:is|would be)|connect (?:me|us) "
    r"with|put (?:me|us) in touch with|speak to|speak with|talk to|(?:client|customer|"
    r"introduction|contact) (?:is|would be)|my ask (?:this week |today )?is|i'm after|"
    r"i'd love an?|i'd like an?|(?:you|anyone|who) knows? (?=an?\b))\s*(?P<who>[^.;!?]*))"
)
_SOLD_TO = _Rx(
    r"(?i)\b(?:you're|you are|anyone|anybody|someone|somebody|who is|who's|who are|people)"
    r"\s+(?:\w+\s+)?$"
)
_ASK_FILLER = frozenset(
    "a an the any some more new good great potential quality introduction introductions "
    "to referral referrals of really just maybe this week is today".split()
)


_HEAD_ENDS = frozenset(
    "who whose that which with in at of for on from to and or who's who'd who've".split()
)


def _target_kind(phrase: str) -> AskKind:
    """'specific' when the first words of the ask's target name no one in general."""
    words = [w for w in re.findall(r"[\w'-]+", phrase.lower())]
    while words and words[0] in _ASK_FILLER:
        words.pop(0)
    if not words or words[0] in ("me", "you", "us", "them", "it", "this", "that", "with"):
        return "generic"
    head: list[str] = []
    for word in words[:3]:
        if word in _HEAD_ENDS:
            break  # "an accountant whose clients...": the head is "accountant"
        head.append(word)
    if any(w in _GENERIC_WHO for w in head):
        return "generic"
    # The target must be someone: a kind of person or firm ("a baker", "letting agents",
    # "a dental practice"), not "a new challenge" or "premises".
    if any(_is_someone(w) for w in head):
        return "specific"
    return "generic"


_SOMEONE_ENDS = (
    "er",
    "ers",
    "or",
    "ors",
    "ist",
    "ists",
    "ian",
    "ians",
    "eur",
    "eurs",
    "ant",
    "ants",
    "ent",
    "ents",
)
_KIND_WORD = _Rx(rf"(?i)^(?:(?:{_KINDS})s?|staff|firm|firms|group|groups|chain|chains)$")


def _is_someone(word: str) -> bool:
    return bool(_KIND_WORD.search(word)) or (
        len(word) > 4 and word.endswith(_SOMEONE_ENDS) and word not in _NOT_PEOPLE
    )


_WANTED_BEFORE = _Rx(
    r"(?i)\b(?:want|wants|need|needs|buy|buys|fancy|fancies|sell|sells|selling|try|use|"
    r"uses|using)\s+(?:some\s+|any\s+|a\s+|an\s+|more\s+)?$"
)


def _named_target(text: str, own: _Who) -> bool:
    """A person or a company named mid-sentence that is not the speaker's own."""
    for m in re.finditer(_CAP_RUN, text):
        if m.start() == 0 or _before(text, m.start()).rstrip().endswith((".", "!", "?", ":", '"')):
            continue
        run = _real_name(m.group())
        first = run.split()[0].lower() if run else ""
        if not run or first in _NOT_TARGET or first.startswith("i'"):
            continue  # "I'll sort you out": the speaker, in any contraction, is no target
        if _PLACE_BEFORE.search(_before(text, m.start())):
            continue
        if any(re.search(re.escape(w), run, re.I) for w in own.name_words + own.business_words):
            continue
        if re.search(r"(?i)\b(?:i'm|i am|my name is|from|called)\s+$", _before(text, m.start())):
            continue
        if _WANTED_BEFORE.search(_before(text, m.start())):
            continue  # "anyone want some Tupperware?": what is sold, not whom to meet
        return True
    return False


# A role at a kind of business, said as where someone works: "anyone who works in a care
# home", "someone who works at a vet's practice". A workplace anyone might have ("an
# office", "from home") is no kind of business.
_WORKS_AT_A_KIND = _Rx(
    r"(?i)\b(?:who|that)\s+(?:works?|is working|'s working)\s+(?:in|at|for)\s+(?:a|an|one"
    r"\s+of\s+the)\s+(?:[\w'-]+\s+){0,2}?(?:care homes?|schools?|practices?|surger(?:y|ies)|"
    r"clinics?|hotels?|restaurants?|pubs?|charit(?:y|ies)|councils?|nurser(?:y|ies)|"
    r"universit(?:y|ies)|colleges?|agenc(?:y|ies)|law firms?|factor(?:y|ies)|garages?|"
    r"salons?|gyms?|venues?|pharmac(?:y|ies)|kennels?|brewer(?:y|ies)|hospitals?|hospices?)\b"
)


def _ask_kind(text: str, own: _Who) -> AskKind:
    """'specific' for someone the room can name, else 'generic'."""
    if _ROLE_QUALIFIED.search(text) or _GATEKEEPER.search(text) or _named_target(text, own):
        return "specific"
    if _WORKS_AT_A_KIND.search(text):
        return "specific"
    if _TRIGGER.search(text):
        return "specific"
    if _NEEDS.search(text):
        return "generic"
    if _GENERIC_TARGET.search(text):
        return "generic"
    for m in _ASK_TARGET.finditer(text):
        if _SOLD_TO.search(_before(text, m.start())):
            continue  # "if you're looking for a plumber": the room is being sold to
        if _target_kind(m["who"]) == "specific":
            return "specific"
    return "generic"


# "Don't panic, call Pete.": a call to the whole room, by the speaker's own name.
_CALL_NAME = _Rx(r"\b[Cc]all (?:me|us|[A-Z][a-z]+)\b")


def _judge_ask(
    texts: list[str], sentences: tuple[Sentence, ...], who: _Who, ex: TradeExample, p: Profile
) -> tuple[PartFinding, AskFinding]:
    wanted = " ".join(p.ideal_referral.split()).rstrip(".")
    if wanted and not re.match(r"(?i)(?:an? )?(?:introduction|referral)", wanted):
        wanted = f"an introduction to {wanted}"
    example = f"This week I'd like {wanted or ex.ask}"
    advice_narrow = f'Ask for one kind of person the room can name: "{example}."'
    specific: list[int] = []
    generic: list[int] = []
    for i, text in enumerate(texts):
        if not (_ASK_CUE.search(text) or _CALL_NAME.search(text)):
            continue
        # "If you're looking for a plumber, call me" is the room being sold to, not asked.
        (specific if _ask_kind(text, who) == "specific" else generic).append(i)
    if specific:
        i = specific[0]
        span = _span(sentences[i])
        ask = AskFinding("specific", span, sentences[i].text)
        return PartFinding("ask", True, tuple(_span(sentences[j]) for j in specific[:2])), ask
    if generic:
        i = generic[-1]
        span = _span(sentences[i])
        reason = 'Aimed at everyone: "anyone who needs..." leaves nobody in particular in mind.'
        ask = AskFinding("generic", span, sentences[i].text, advice_narrow)
        return PartFinding("ask", False, (span,), reason=reason, advice=advice_narrow), ask
    advice = f'End with one ask the room can act on: "{example}."'
    ask = AskFinding("none", advice=advice)
    finding = PartFinding(
        "ask", False, (), reason="No ask: the room doesn't know who to introduce.", advice=advice
    )
    return finding, ask
