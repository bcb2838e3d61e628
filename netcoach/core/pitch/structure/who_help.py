"""Who you help: whether the pitch names a group the room can picture, and the words
for kinds of people and firms the ask also uses."""

from __future__ import annotations

import re

from netcoach.core.pitch.sentences import Sentence
from netcoach.core.pitch.structure.example import _CLIENT_COUNT
from netcoach.core.pitch.structure.findings import PartFinding, Span
from netcoach.core.pitch.structure.patterns import _Rx
from netcoach.core.pitch.structure.shared import _ASK_CUE, _WINDOW, _before, _span
from netcoach.core.pitch.trade_examples import TradeExample

# -- who you help --------------------------------------------------------------------

_LEAD_IN = (
    r"(?:\s+(?:can|could|will|would|also|mainly|mostly|usually|often|generally|typically|"
    r"really|just|basically|love to|like to|primarily|specifically|particularly|especially|"
    r"have|always|currently|now|tend to|normally|only|actually|predominantly|largely|"
    r"help to|want to|aim to|exist to|are here to|am here to|are able to|am able to|"
    r"work to|try to|do|sort of|kind of|i|we|is|are|that|still|then|even|very|passionate "
    r"about|proud to|pride ourselves on))*"
)
_HELP = _Rx(
    r"(?i)\b(?:i|we|i've|we've|i'd|we'd|i'll|we'll|i'm|we're)"
    + _LEAD_IN
    + r"\s+(?:help|helping|work with|working with|support|supporting|serve|serving|"
    r"look after|looking after|advise|advising|represent|act for|cater for|cater to|"
    r"partner with|specialise in helping|specialize in helping|specialise in working with|"
    r"specialize in working with|coach|train|teach|protect|insure|guide|supply|sell to|"
    r"provide \w+ (?:for|to)|offer \w+ (?:for|to)|deal with|care for)\s+(?P<who>[^.;:!?]*)"
)
_CLIENTS_ARE = _Rx(
    r"(?i)\b(?:our|my|the) (?:clients|customers|ideal clients?|ideal customers?|typical "
    r"clients?|target (?:market|audience|clients?)|clientele|market|people (?:i|we) help)"
    r"\s+(?:are|is|tend to be|include|includes|range from|come from)\s+(?P<who>[^.;:!?]*)"
)
_IF_YOU_ARE = _Rx(
    r"(?i)\b(?:if you(?:'re| are)|are you|for anyone who(?:'s| is)|whether you(?:'re| are))"
    r"\s+(?:a|an)\s+(?P<who>[^.;:!?]*)"
)
# "If you're thinking about going it alone": the listener's own situation, narrow enough.
_IF_YOU_SITUATION = _Rx(
    r"(?i)\bif you(?:'re| are)\s+(?:thinking (?:about|of)|about to|planning|starting|"
    r"moving|struggling|fed up|tired of|worried about|stuck|selling|buying|opening|"
    r"expanding|retiring|growing)\b"
    # what has gone wrong for the listener: "if your boiler ever packs up"
    r"|\bif your (?!own\b)[\w'-]+\s+(?:ever\s+|has\s+|keeps\s+|starts\s+)?(?:lets|breaks|"
    r"aches|hurts|leaks|fails|floods|packs|stops|won't|can't|isn't|doesn't|goes|went)\b"
    # the room asked who is in a situation: "who here sits at a desk all day?"
    r"|\bwho (?:here|in the room|in this room)\s+(?:has|have|is|are|'s|\w+s)\b"
)
# Kinds of people and firms the room can picture, as a plural ("landlords", "cafés") or,
# in an ask, as one of them ("a letting agent", "a boutique hotel").
_KINDS = (
    r"owner|manager|director|founder|landlord|homeowner|home owner|tenant|famil(?:y|ie)"
    r"|parent|couple|retiree|pensioner|professional|entrepreneur|start-?up|sme|trader"
    r"|tradesm[ae]n|tradespeople|tradesperson|maker|runner|cyclist|worker|builder|plumber"
    r"|electrician|retailer|shop|restaurant|cafe|café|hotel|pub|bar|school|charit(?:y|ie)"
    r"|practice|surger(?:y|ie)|clinic|dentist|doctor|vet|solicitor|lawyer|accountant"
    r"|bookkeeper|architect|developer|farm|farmer|manufacturer|engineer|contractor"
    r"|agenc(?:y|ie)|agent|bride|student|graduate|teenager|mum|dad|carer|executive|leader"
    r"|employer|investor|buyer|seller|driver|haulier|salon|hairdresser|gym|artist"
    r"|musician|author|writer|coach|therapist|consultant|freelancer|council|universit"
    r"(?:y|ie)|college|nurser(?:y|ie)|care home|venue|winer(?:y|ie)|brewer(?:y|ie)|club"
    r"|church|office|showroom|warehouse|factor(?:y|ie)|garage|trustee|organiser|organizer"
    r"|planner|athlete|golfer|patient|adviser|advisor|broker|surveyor|estate agent"
    r"|letting agent|dental practice|law firm|startup|partnership|sole trader|caterer"
    r"|photographer|designer|florist|printer|recruiter|installer|decorator|joiner|roofer"
    r"|landscaper|gardener|mechanic|nurse|teacher|headteacher|bursar|secretar(?:y|ie)"
    r"|administrator|chef|baker|butcher|jeweller|optician|pharmac(?:y|ie)|pharmacist"
    r"|physio|chiropractor|osteopath|vet|kennel|cattery|stable|marina|holiday let"
)
_GROUPS = rf"(?:{_KINDS})s|women|men|children|kids|staff|employees|people|businesses"
_DETERMINERS_WORDS = frozenset(
    "a an the all any every kinds sorts types lots loads of really just basically mostly "
    "mainly our my their these those some many most range variety wide whole".split()
)
_SUFFIX_PEOPLE = _Rx(r"(?i)\b[a-z]{3,}(?:ers|ists|ians)\b")
_NOT_PEOPLE = frozenset(
    """others customers numbers orders answers papers letters offers matters flyers posters
    banners stickers chargers computers printers containers folders covers boilers filters
    layers powers towers corners dinners flowers waters hampers burgers lockers chapters
    registers quarters meters timbers radiators centers hours years members users
    fingers sliders headers trailers counters shelters characters ingredients shoulders
    boulders borders cylinders feathers leathers markers rivers silvers stars""".split()
)
_GROUP_CONTEXT = _Rx(
    r"(?i)\b(?:for|with|help|helping|helps|support|supporting|serve|serving|treat|treating"
    r"|clean|cleaning|advise|advising|insure|insuring|coach|coaching|train|training|teach"
    r"|represent|look after|looking after|work with|working with|on|among|like|including"
    r"|especially|mainly|mostly|usually|to|from|do|mainly do)\s+(?:(?:[\w'-]+|,)\s+)"
    r"{0,4}?$"
)
_CONTEXT_WORDS = frozenset(
    """for with help helping helps support supporting serve serving treat treating clean
    cleaning advise advising insure insuring coach coaching train training teach represent
    after work working on among like including especially mainly mostly usually are is to
    from""".split()
)
_GROUP_FOLLOW = _Rx(
    r"(?i)^\s*(?:(?:,\s*)?(?:who|whose|that|with|across|around|use us|come to us|"
    r"in (?-i:[A-Z])|in (?:the )?(?:area|town|city|region|north|south|east|west|county|"
    r"village|valley)|"
    r"call us|ask us|love it|love us|swear by us|I see|we see|I work with|we work with|"
    r"opening|starting|moving|"
    r"running|recovering|struggling|looking to|trying to|wanting to|facing|going through)\b)"
)
# The same kinds as plurals, looked up word by word (quicker than a long alternation).
_GROUP_WORDS = frozenset(
    """accountants administrators advisers advisors agencies agents architects artists
    athletes authors bakers bars bookkeepers breweries brides brokers builders bursars
    butchers buyers cafes cafés carers caterers catteries charities chefs children
    chiropractors churches clinics clubs coaches colleges consultants contractors councils
    couples cyclists dads decorators dentists designers developers directors doctors
    drivers electricians employers engineers entrepreneurs executives factories families
    farmers farms florists founders freelancers garages gardeners golfers graduates gyms
    hairdressers hauliers headteachers homeowners hotels installers investors jewellers
    joiners kennels kids landlords landscapers lawyers leaders makers managers
    manufacturers marinas mechanics men mums musicians nurseries nurses offices opticians
    organisers organizers osteopaths owners parents partnerships patients pensioners
    pharmacies pharmacists photographers physios planners plumbers practices printers
    professionals pubs recruiters restaurants retailers retirees roofers runners salons
    schools secretaries sellers shops showrooms smes solicitors stables staff start-ups
    startups students surgeries surveyors teachers teenagers tenants therapists traders
    tradesmen tradespeople trustees universities venues vets warehouses wineries women
    workers writers dogs cats horses pets puppies rescues""".split()
)
_TOKEN = _Rx(r"[\w'-]+")


def _group_words(text: str) -> list[re.Match[str]]:
    return [m for m in _TOKEN.finditer(text) if m.group().lower() in _GROUP_WORDS]


_ONE_OF_A_KIND = _Rx(rf"(?i)\b(?:a|an|any)\s+(?:[\w'-]+\s+){{0,3}}?(?:{_KINDS})\b")
# "haulage and logistics firms", "companies in Manchester": a plain word made a group.
_ORG = _Rx(
    r"(?i)\b(?P<mods>(?:[\w'-]+\s+(?:(?:and|&)\s+)?){0,3})(?P<org>firms|companies|businesses|"
    r"organisations|organizations|brands|practices|teams|clients|customers|people)\b"
)
_ONE_ORG = _Rx(
    r"(?i)\b(?:a|an|any)\s+(?P<mods>(?:[\w'-]+\s+){1,3}?)(?:firm|company|business|brand"
    r"|organisation|organization|group)\b"
)
# Praise picks out no one: every firm would call itself "ambitious" or "forward-thinking".
_PRAISE = frozenset(
    """ambitious forward-thinking innovative successful great amazing brilliant wonderful
    lovely fantastic progressive dynamic exciting inspiring like-minded""".split()
)
_NOT_MODIFIERS = (
    frozenset(
        """of for with to and the our my your their these those all any many most some other such
    a an lot lots loads more new own other's its bare""".split()
    )
    | _PRAISE
    | _DETERMINERS_WORDS
)
_SUFFIX_CONTEXT = _Rx(
    r"(?i)\b(?:for|help|helping|helps|serve|serving|treat|treating|coach|coaching|train|"
    r"training|work with|working with|like|including)\s+(?:(?:[\w'-]+|,)\s+){0,4}?$"
)
_NEED_BEFORE = _Rx(r"(?i)\b(?:needs?|wants?|looking for|need of|after)\s+$")
_ROLE_AT_A_KIND = _Rx(
    r"(?i)\b(?:owners?|directors?|managers?|heads?|partners?|founders?|buyers?|"
    r"administrators?|officers?|secretar(?:y|ies)|bursars?|leads?|coordinators?)\s+(?:at|of|"
    r"in|for)\s+(?:a|an|any)\s+\w+"
)
_OURS_BEFORE = _Rx(r"(?i)\b(?:our|my)\s+(?:own\s+)?$")
_RIVALS_BEFORE = _Rx(
    r"(?i)\b(?:most|other|unlike|than|many|lots of|a lot of|the other|some|plenty of|"
    r"everybody else in|everyone else in)\s+(?:[\w'-]+\s+){0,1}$"
)
_WHOSE = _Rx(
    r"(?i)\b(?:people|anyone|anybody|someone|somebody|those|folk|folks|businesses|firms|"
    r"companies|clients|customers)\s+(?:whose|who(?:'ve| have| are|'re)?\s+(?:just|recently|"
    r"been|got|lost|stuck|struggling|left|gone|never|always|still|already|spending|"
    r"recovering|moving|retiring)|(?:opening|starting|moving|recovering|running|selling|"
    r"buying|retiring|expanding)\b)"
    # defined by what they are doing now: "who do you know who's exporting for the first
    # time" (wanting or looking for something defines no one)
    r"|\b(?:anyone|anybody|someone|somebody|people|know)\s+who(?:'s| is| are|'re)\s+"
    r"(?!looking|wanting|needing|hoping|thinking|willing|going|getting|having|doing|planning|moving)[a-z]{3,}ing\b"
)
# Plural nouns for groups of people or firms that can be pictured.
_GROUPS = (
    r"owners|managers|directors|founders|landlords|homeowners|home owners|tenants|families"
    r"|parents|couples|retirees|pensioners|professionals|entrepreneurs|start-?ups|smes"
    r"|sole traders|traders|tradespeople|trades|builders|plumbers|electricians|retailers"
    r"|shops|restaurants|cafes|cafés|hotels|pubs|bars|schools|charities|practices|surgeries"
    r"|clinics|dentists|doctors|vets|solicitors|lawyers|accountants|architects|developers"
    r"|farmers|manufacturers|engineers|contractors|agencies|agents|estate agents|brides"
    r"|students|graduates|teenagers|women|men|mums|dads|carers|executives|leaders|teams"
    r"|employers|employees|staff|investors|buyers|sellers|first-time buyers|drivers"
    r"|hauliers|salons|hairdressers|gyms|artists|musicians|authors|writers|coaches"
    r"|therapists|consultants|freelancers|councils|universities|colleges|nurseries"
    r"|care homes|venues|wineries|breweries|golf clubs|clubs|churches|firms|companies"
    r"|organisations|organizations|businesses|people|individuals|clients|customers"
)
_GENERIC_WHO = frozenset(
    """people person anyone anybody everyone everybody someone somebody clients client
    customers customer businesses business companies company organisations organizations
    organisation organization firms firm individuals folks others them you your all any
    every everything anything things those sorts kinds types kind sort type lots lot many
    most range variety wide whole loads of really just basically mostly mainly other
    different various all sorts of""".split()
)
_DETERMINERS = frozenset(
    "a an the all any every kinds sorts types lots loads of really just basically mostly "
    "mainly our my their these those some many most range variety wide whole".split()
)
_WEAK_RELATIVE = _Rx(
    r"(?i)^\s*(?:,\s*)?(?:who|that|which)\s+(?:\w+\s+)?(?:needs?|wants?|likes?|loves?|uses?|"
    r"requires?|would like|would benefit|could use|is looking for|are looking for)\b"
    r"|^\s*(?:really|,|\.|$)|^\s*(?:grow|get|do|make|with their|to)\b"
)
_QUALIFIER = _Rx(
    r"(?i)^\s*(?:,\s*)?(?:(?:who|that|which)\s+\w+|in\s+\w+|across\s+\w+|with\s+\w+|from\s+\w+"
    r"|of\s+\w+|around\s+\w+|struggling|looking to|trying to|wanting to|facing|going through"
    r"|based in|aged|over\s+\d|under\s+\d)"
)


def _group_kind(phrase: str) -> str:
    """'group' for a described group, 'generic' for anyone at all, '' for no group."""
    words = re.findall(r"[\w'&-]+", phrase.lower())
    i = 0
    while i < len(words) and (words[i] in _DETERMINERS or words[i] in _PRAISE):
        i += 1
    if i >= len(words):
        return "generic" if words else ""
    head = words[i]
    if head in ("you", "your", "them", "us", "me", "it", "this", "that", "with"):
        return "generic"
    if head not in _GENERIC_WHO:
        return "group"
    # "people who are spending their evenings on bookkeeping", "firms in Leeds"
    rest = phrase.lower().split(head, 1)[1] if head in phrase.lower() else ""
    if _WEAK_RELATIVE.search(rest):
        return "generic"
    if _QUALIFIER.search(rest):
        return "group"
    return "generic"


def _described_group(text: str, asking: bool) -> bool:
    """Whether ``text`` names a kind of person or firm the room can picture: a plural
    where clients are spoken of ("for makers", "landlords who..."), one of a kind in an
    ask ("a letting agent with..."), or people defined by their situation."""
    if _WHOSE.search(text) or _IF_YOU_SITUATION.search(text):
        return True
    for m in _group_words(text):
        before, after = _before(text, m.start()), text[m.end() : m.end() + _WINDOW]
        if _RIVALS_BEFORE.search(before) or _NEED_BEFORE.search(before):
            continue  # "most physios": the competition; "needs a plumber": the speaker
        if _OURS_BEFORE.search(before):
            continue  # "our staff", "my team": the speaker's own people
        if m.group()[0].isupper() and before.strip():
            continue  # "from Harbour Lane Accountants": part of a business's name
        if asking or _GROUP_CONTEXT.search(before) or _GROUP_FOLLOW.search(after):
            return True
    for m in _SUFFIX_PEOPLE.finditer(text):
        if m.group().lower() in _NOT_PEOPLE or (m.group()[0].isupper() and m.start() > 0):
            continue
        before, after = _before(text, m.start()), text[m.end() : m.end() + _WINDOW]
        if _RIVALS_BEFORE.search(before):
            continue
        if _SUFFIX_CONTEXT.search(before) or _GROUP_FOLLOW.search(after):
            return True
    for m in _ORG.finditer(text):
        mods = m["mods"].lower().split()
        # Only the words after "for", "with", "help"... describe the firms.
        cut = max((j for j, w in enumerate(mods) if w in _CONTEXT_WORDS), default=-1)
        mods = mods[cut + 1 :]
        described = bool(mods) and mods[-1] not in _NOT_MODIFIERS and mods[-1] not in _GENERIC_WHO
        before = _before(text, m.start("org"))
        if _RIVALS_BEFORE.search(before):
            continue
        qualified = _GROUP_FOLLOW.search(
            text[m.end() : m.end() + _WINDOW]
        ) and not _WEAK_RELATIVE.search(text[m.end() : m.end() + _WINDOW])
        if (described and (asking or _GROUP_CONTEXT.search(before))) or (
            qualified and m["org"].lower() not in ("people", "clients", "customers")
        ):
            return True
    if not asking:
        return False
    if _ROLE_AT_A_KIND.search(text):
        return True  # "the fleet manager at a company with a few vans"
    for m in _ONE_OF_A_KIND.finditer(text):
        if not _NEED_BEFORE.search(_before(text, m.start())):
            return True
    for m in _ONE_ORG.finditer(text):
        mods = m["mods"].lower().split()
        if mods and mods[-1] not in _NOT_MODIFIERS and mods[-1] not in _GENERIC_WHO:
            return True
    return False


# The listener's problem put as a question: "Blocked?", "Receipts in a shoebox?",
# "Are you paying too much for your energy?"
_PROBLEM_QUESTION = _Rx(
    r"(?i)^(?:(?:so|and|right|now),?\s+)?(?:are|do|does|is|have|has|did)\s+(?:you|your\s+\w+)"
    r"\b[^?]*\b(?:too much|too long|struggl\w*|fed up|tired of|worried|stuck|losing|wasting|"
    r"behind|drowning|dread\w*|hate|spend(?:ing)? (?:hours|too)|paying (?:too|more|over)|"
    r"keep(?:ing)? (?:losing|missing|forgetting)|overwhelmed|missing out|leaking)\b[^?]*\?\s*$"
)
_SHORT_QUESTION = _Rx(
    r"(?i)^(?!(?:who|what|why|how|when|where|which|any|anyone|anybody|right|ok|okay|really|"
    r"yes|no|so|isn't|aren't|don't|didn't|eh|huh)\b)[\w'-]+(?:\s+[\w'-]+){0,4}\?\s*$"
)


def _judge_who_help(
    texts: list[str], sentences: tuple[Sentence, ...], ex: TradeExample
) -> PartFinding:
    found: list[Span] = []
    tried: list[tuple[Span, str]] = []
    for i, text in enumerate(texts):
        if _PROBLEM_QUESTION.search(text) or (i < 3 and _SHORT_QUESTION.search(text)):
            found.append(_span(sentences[i]))
            continue
        if _CLIENT_COUNT.search(text):
            continue  # "we've helped 300 families" counts clients, it describes no one
        kinds: list[tuple[str, str]] = []
        for pattern in (_HELP, _CLIENTS_ARE, _IF_YOU_ARE):
            for m in pattern.finditer(text):
                kinds.append((_group_kind(m["who"]), m["who"]))
        asking = bool(_ASK_CUE.search(text))
        if any(kind == "group" for kind, _ in kinds) or _described_group(text, asking):
            found.append(_span(sentences[i]))
        elif kinds and any(kind == "generic" for kind, _ in kinds):
            phrase = next(p for kind, p in kinds if kind == "generic")
            tried.append((_span(sentences[i]), " ".join(phrase.split()[:5])))
    advice = f'Name one group and the problem they have: "{ex.who}."'
    if found:
        return PartFinding("who_help", True, tuple(found[:3]))
    if tried:
        span, phrase = tried[0]
        return PartFinding(
            "who_help",
            False,
            (span,),
            reason=f'"{phrase}" could be anyone: the room can\'t picture who to send you.',
            advice=advice,
        )
    return PartFinding("who_help", False, (), reason="You don't say who you help.", advice=advice)
