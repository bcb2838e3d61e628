"""What you are good at: a service or skill said plainly, not "good with people"."""

from __future__ import annotations

from netcoach.core.pitch.sentences import Sentence
from netcoach.core.pitch.structure.example import _HYPOTHETICAL
from netcoach.core.pitch.structure.findings import PartFinding, Span
from netcoach.core.pitch.structure.patterns import _Rx
from netcoach.core.pitch.structure.shared import _CAP, _span
from netcoach.core.pitch.structure.who_help import _LEAD_IN
from netcoach.core.pitch.trade_examples import TradeExample

# -- what you are good at ------------------------------------------------------------

_SERVICE = _Rx(
    r"(?i)\b(?:i|we|i've|we've|i'm|we're|i'll|we'll)"
    + _LEAD_IN
    + r"\s+(?P<verb>do|design|build|install|make|create|provide|offer|supply|sell|fix|repair"
    r"|service|manage|prepare|handle|deliver|produce|write|develop|plan|organise|organize"
    r"|arrange|sort out|take care of|look after|specialise in|specialize in|specialising in"
    r"|specializing in|focus on|print|photograph|film|shoot|cater for|clean|train|coach"
    r"|teach|advise on|advise|insure|recruit|find|source|run|file|fit|rewire|renovate"
    r"|restore|decorate|paint|translate|edit|host|bake|cook|audit|set up|protect|transform"
    r"|turn|save|get|keep|bring|take|capture"
    r"|put in|put|(?:help|helping) (?:[\w'-]+\s+){1,3}?(?:with|to|get|find|grow|save|make|keep"
    r"|turn|cut|stop|win|sell|build|plan|protect|reduce|avoid|put|pass|invest|take|move|sort"
    r"|fix|feel|look|run|hire|recover|buy|understand|prepare|claim|pay|spend|work|reach)"
    r"|designing|building|installing|making|creating|providing|offering|supplying|selling"
    r"|fixing|repairing|managing|delivering|producing|writing|developing|planning|organising"
    r"|printing|cleaning|training|coaching|teaching|sourcing|finding|running|fitting"
    r"|cut|reduce|grow|improve|increase|boost|tailor|customise|customize|map|automate"
    r"|digitise|migrate|project manage|match|place|structure|draft|negotiate|value|survey"
    r"|inspect|test|treat|care for|source and)\s+(?P<what>[^.;!?]*)"
)
_SKILL = _Rx(
    r"(?i)\b(?:speciali[sz]e[sd]?\s+in|speciali[sz]ing\s+in|speciali[sz]ts?\s+in|"
    r"speciality is|specialty is|experts?\s+in|expertise\s+in|best\s+at|good\s+at|"
    r"great\s+at|brilliant\s+at|known\s+for|focus(?:es|ed)?\s+on|what\s+(?:i|we)\s+do\s+"
    r"(?:best\s+)?is|what\s+(?:i|we)\s+do\s+best|(?:our|my)\s+(?:main\s+|core\s+)?"
    r"(?:services?|products?|offer|offering|work)\s+(?:is|are|include|includes|covers?)|"
    r"provides?|offers?|experience\s+in|skilled\s+in|qualified\s+in|accredited|certified|"
    r"we're\s+the\s+people\s+(?:to\s+call\s+)?for|that's\s+what\s+(?:i|we)\s+(?:do|deal\s+with|"
    r"specialise\s+in|specialize\s+in|handle|offer|sort\s+out)[:,]?|(?:i|we)\s+can\s+(?:help\s+you\s+)?"
    r"(?:with|get|find|save|sort))\s+(?P<what>[^.;!?]*)"
)
_BUSINESS_DOES = _Rx(
    _CAP
    + r"(?:\s+(?:&\s+)?"
    + _CAP
    + r"){1,5}\s+(?:builds|designs|makes|provides|offers|installs|supplies|creates"
    r"|delivers|specialises|specializes|sells|fixes|prints|helps|runs|manages|handles)\s+\w+"
)
_FIRM_OF_KIND = _Rx(
    r"(?i)\b(?:we're|we are|i'm|i am|i run|we run|i own)\s+(?:a|an)\s+"
    r"(?P<kind>(?:[\w'-]+\s+){1,4}?)"
    r"(?:agency|firm|company|studio|consultancy|practice|business|service|shop|bakery"
    r"|brewery|clinic|provider|specialist|supplier|manufacturer|outfit|partnership)\b"
)
# Words that describe a firm without saying what it does ("a small family-run business").
_BARE_KIND = frozenset(
    """family run family-run small local independent friendly new young growing
    award-winning award winning established well-established professional big little
    boutique leading one-man one-woman two-man very really fairly quite proud
    small-sized medium-sized""".split()
)
_GOOD_WITH = _Rx(r"(?i)\b(?:good|great|brilliant)\s+with\b")
_VAGUE = _Rx(
    r"(?i)^\s*(?:(?:a|all|any|lots of|loads of|kind of|sort of)\s+)*(?:bit of everything|"
    r"everything|anything|all sorts|stuff|things|bits|whatever|it all|lots|loads|that|this|"
    r"it|so|not|you|the lot|what (?:i|we) can|pride|care|the time|time|a lot|it easy)\b|^\s*$"
)
# No object at all: "...what I do and I just love it", "what we do best".
_NO_OBJECT = _Rx(r"(?i)^\s*(?:and|but|or|well|best|what|then|there|here|too|is|was)\b|^\s*$")
_VAGUE_TAIL = _Rx(r"(?i)\b(?:stuff|things|and so on|etc|whatever|bits and bobs)\b")


# Any present-tense verb of the speaker's with an object, as a last resort: "we rebuild
# sites for dentists", "I'm still doing the bookkeeping". Verbs of being, feeling and
# saying are not services, nor a past tense (a story implies a service, it does not say it).
_ANY_SERVICE = _Rx(
    r"(?i)\b(?:i|we)(?P<be>'m|'re| am| are)?(?:\s+(?:also|mainly|mostly|still|just|now|"
    r"usually|often|basically|really|actually|only|then|can|will|'ll))*\s+"
    r"(?P<verb>(?-i:[a-z]+))\s+(?P<what>[^.;!?]*)"
)
_NOT_SERVICE_VERBS = frozenset(
    """am are is was were be been being have has had having think thought know knew love
    like want wanted need needed believe feel felt hope guess mean meant go going went
    see saw say said met meet will would can could should shall may might must also just
    really actually do did does done don't didn't can't won't wouldn't couldn't isn't
    aren't wasn't haven't hasn't get got getting come came coming look looking try trying
    tried wish wonder reckon suppose enjoy enjoyed started start decided moved left lost
    live lived grew joined heard hear remember forget forgot promise tend used ask asked
    tell told let make made take took give gave find found put keep kept call called
    work worked spend spent started set sat stood ran run been not never always sort
    kind bit all speak talk chat help helping""".split()
)


# A menu of services said without a verb: "Boilers, radiators, power flushes." Three or
# more short items, most starting in lower case (not a string of names), none a pronoun
# or a quality claim ("good honest work, fair prices" sells nothing in particular).
_LIST_ITEM_CUT = _Rx(r"\s*(?:,|\band\b|&)\s*")
_NOT_MENU_WORDS = frozenset(
    """i we you me us my our your he she they it this that there here is are was were am
    be been do does did have has had can will would so um er yeah well right hi hello
    morning afternoon evening everyone all good great honest fair friendly reliable fast
    quick cheap cheapest prices price quality service care caring professional value
    experience years whatever anything everything really just""".split()
)


def _service_menu(text: str) -> bool:
    items = [i for i in _LIST_ITEM_CUT.regex.split(text.strip().rstrip(".!")) if i]
    if len(items) < 3:
        return False
    menu = items[:3]
    if any(len(i.split()) > 3 for i in menu):
        return False
    if sum(1 for i in menu[1:] if i[:1].islower()) < 2:
        return False
    return not any(w.lower() in _NOT_MENU_WORDS for i in menu for w in i.split())


def _judge_good_at(
    texts: list[str], sentences: tuple[Sentence, ...], ex: TradeExample
) -> PartFinding:
    strong: list[Span] = []
    weak: list[Span] = []
    for i, text in enumerate(texts):
        whats = [m["what"] for m in _SERVICE.finditer(text)]
        whats += [m["what"] for m in _SKILL.finditer(text)]
        # "What I do is, I set up the policy": the service comes after the lead-in
        whats += [m["what"] for w in whats if _NO_OBJECT.search(w) for m in _SERVICE.finditer(w)]
        whats = [w for w in whats if not _NO_OBJECT.search(w)]
        concrete = [w for w in whats if not _VAGUE.search(w) and not _VAGUE_TAIL.search(w)]
        if not concrete and not _HYPOTHETICAL.search(text):
            for m in _ANY_SERVICE.finditer(text):
                verb = m["verb"].lower()
                if verb in _NOT_SERVICE_VERBS or verb.endswith("ed"):
                    continue
                if m["be"] and not verb.endswith("ing"):
                    continue  # "I'm an estate agent", "I'm in cyber security"
                if verb.endswith("ing") and verb != "doing" and verb[:-3] in _NOT_SERVICE_VERBS:
                    continue
                if not _VAGUE.search(m["what"]) and not _VAGUE_TAIL.search(m["what"]):
                    concrete.append(m["what"])
        kinds = [m["kind"].lower().split() for m in _FIRM_OF_KIND.finditer(text)]
        described = any(any(w not in _BARE_KIND for w in kind) for kind in kinds)
        if concrete or described or _BUSINESS_DOES.search(text) or _service_menu(text):
            strong.append(_span(sentences[i]))
        elif whats or _GOOD_WITH.search(text):
            weak.append(_span(sentences[i]))
    advice = f'Say what you are hired for, in one line: "{ex.service}."'
    if strong:
        return PartFinding("good_at", True, tuple(strong[:3]))
    if weak:
        return PartFinding(
            "good_at",
            True,
            tuple(weak[:1]),
            True,
            "What you do stays vague: the room can't tell what to send you.",
            advice,
        )
    return PartFinding(
        "good_at",
        False,
        (),
        reason="You don't say what you are hired for: a service, a product or a result.",
        advice=advice,
    )
