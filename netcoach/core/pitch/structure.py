"""The structure check: each of the seven parts judged from the script's sentences.

Every judgement carries the sentences that earned it (``evidence``), why a part is missing
or weak (``reason``) and one suggestion in a networker's words (``advice``). The ask is
also classed as specific, generic (aimed at everyone) or none.

The check listens the way a coach does, sentence by sentence: who is speaking (a name or a
business said after "I'm", "my name is", "from", "called"), who they talk about helping
and whether that is a group the room can picture, what they are hired for, whether they
draw a contrast with others, whether one real case is told, who exactly they ask to meet,
and whether the last line is something to remember them by.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Literal

from netcoach.core.pitch.parts import PART_KEYS
from netcoach.core.pitch.profile import Profile
from netcoach.core.pitch.sentences import Sentence, split_sentences
from netcoach.core.pitch.trade_examples import TradeExample, trade_example

AskKind = Literal["specific", "generic", "none"]


class _Rx:
    """A pattern compiled once, on its first use, whose answers for a piece of text are
    remembered.

    The check runs on every keystroke, and a keystroke changes one sentence: the other
    sentences' answers are looked up instead of searched again. The memory is dropped
    when it grows past a few thousand pieces of text. Compiling the check's patterns
    takes some 40 ms, so it is left to the first check rather than done at import: the
    package is imported on the way to the Today screen, which never checks a pitch."""

    __slots__ = ("_compiled", "_found", "_listed", "source")

    _LIMIT = 2048

    def __init__(self, pattern: str) -> None:
        self.source = pattern
        self._compiled: re.Pattern[str] | None = None
        self._found: dict[str, re.Match[str] | None] = {}
        self._listed: dict[str, tuple[re.Match[str], ...]] = {}

    @property
    def regex(self) -> re.Pattern[str]:
        if self._compiled is None:
            self._compiled = re.compile(_hoist_boundary(self.source))
        return self._compiled

    def search(self, text: str) -> re.Match[str] | None:
        try:
            return self._found[text]
        except KeyError:
            if len(self._found) >= self._LIMIT:
                self._found.clear()
            found = self._found[text] = self.regex.search(text)
            return found

    def finditer(self, text: str) -> tuple[re.Match[str], ...]:
        try:
            return self._listed[text]
        except KeyError:
            if len(self._listed) >= self._LIMIT:
                self._listed.clear()
            listed = self._listed[text] = tuple(self.regex.finditer(text))
            return listed

    def forget(self) -> None:
        self._found.clear()
        self._listed.clear()


def _top_level_alternatives(body: str) -> list[str]:
    """``body`` cut at its top-level ``|`` (not inside a group or a character class)."""
    parts: list[str] = []
    depth = 0
    in_class = False
    start = i = 0
    while i < len(body):
        c = body[i]
        if c == "\\":
            i += 2
            continue
        if in_class:
            in_class = c != "]"
        elif c == "[":
            in_class = True
            if body[i + 1 : i + 2] == "]":
                i += 1
        elif c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
        elif c == "|" and depth == 0:
            parts.append(body[start:i])
            start = i + 1
        i += 1
    parts.append(body[start:])
    return parts


def _hoist_boundary(pattern: str) -> str:
    """``\\bA|\\bB|C`` written as ``\\b(?:A|B)|C``: the same matches, but the engine tries
    the long list of alternatives only where a word starts, several times quicker."""
    flags = "(?i)" if pattern.startswith("(?i)") else ""
    alternatives = _top_level_alternatives(pattern[len(flags) :])
    bounded = [a[2:] for a in alternatives if a.startswith("\\b")]
    if len(bounded) < 5:
        return pattern
    others = [a for a in alternatives if not a.startswith("\\b")]
    return flags + "|".join(["\\b(?:" + "|".join(bounded) + ")", *others])


def forget_answers() -> None:
    """Drop every remembered answer (for timing the check cold)."""
    for value in globals().values():
        if isinstance(value, _Rx):
            value.forget()


@dataclass(frozen=True, slots=True)
class Span:
    """A stretch of the script, as offsets: ``text[start:end]``."""

    start: int
    end: int


@dataclass(frozen=True, slots=True)
class PartFinding:
    """One part's judgement: present or not, the sentences behind it, why, and a fix.

    A part that is missing may still carry evidence: the sentence that tried and did not
    count (a generic "anyone who needs...", a quality claim), which ``reason`` names."""

    key: str
    present: bool
    evidence: tuple[Span, ...] = ()
    weak: bool = False  # there, but a coach would ask for more (``advice`` says what)
    reason: str = ""  # why it is missing or weak; blank when it is there and strong
    advice: str | None = None  # one suggestion for a missing or weak part


@dataclass(frozen=True, slots=True)
class AskFinding:
    """What the pitch asks for: specific, generic (aimed at everyone) or none."""

    kind: AskKind
    span: Span | None = None
    text: str | None = None
    advice: str | None = None


@dataclass(frozen=True, slots=True)
class Structure:
    """The seven parts' findings, in the order of a good pitch, and the ask."""

    sentences: tuple[Sentence, ...]
    parts: dict[str, PartFinding]
    ask: AskFinding

    @property
    def present(self) -> frozenset[str]:
        return frozenset(key for key, finding in self.parts.items() if finding.present)


# -- shared pieces ---------------------------------------------------------------------

# Curly quotes become straight ones; the same length, so offsets still hold.
_QUOTES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"'})

# A capitalised word, as names and businesses are written ("O'Brien", "Smith-Jones", "IT").
_CAP = r"[A-Z][\w'\u00c0-\u024f-]*"
# A run of them, joined by "&" or "and" or "of" as business names are ("Willow & Bloom").
# (at most six words, so that a script typed in capitals is not searched for ever)
_CAP_RUN = rf"{_CAP}(?:\s+(?:(?:&|and|of|the)\s+)?{_CAP}){{0,5}}"
# Words that start a sentence with a capital and are no name.
_NOT_NAMES = frozenset(
    """a an the i i'm i've i'd we we're our my me so and but or if hi hello hey morning
    good afternoon evening everyone everybody all thanks thank well um er erm uh anyway
    again remember today this that these those there here what who when where why how
    yes no just really very basically actually also now then last next one two three
    first our your you they he she it its it's let let's please as at in on of for from
    with by to like because since after before while not dear folks guys ladies
    gentlemen friends team monday tuesday wednesday thursday friday saturday sunday
    january february march april may june july august september october november
    december excited delighted happy glad pleased passionate going looking based here
    part proud new back sure currently originally still only honestly right okay ok look
    listen firstly obviously seriously quick quickly sorry yeah wow gosh imagine picture
    blocked""".split()
)
_SUFFIXES = (
    r"Ltd|Limited|LLP|PLC|Plc|Inc|LLC|Co|Company|Group|Partners|Partnership|Associates"
    r"|Accountants|Accounting|Accountancy|Solutions|Design|Designs|Studio|Studios"
    r"|Consulting|Consultancy|Consultants|Services|Agency|Media|Marketing|Digital"
    r"|Plumbing|Electrical|Electrics|Heating|Law|Legal|Solicitors|Financial|Finance"
    r"|Wealth|Insurance|Photography|Print|Printing|Press|Flowers|Florists?|Properties"
    r"|Property|Estates|Homes|Lettings|Recruitment|Technologies|Technology|Tech|IT"
    r"|Systems|Software|Bookkeeping|Coaching|Training|Events|Catering|Bakery|Kitchens"
    r"|Builders|Construction|Cleaning|Care|Dental|Clinic|Fitness|Foundry|Works|Labs"
    r"|Sons|Bank|Brewery|Garage|Motors|Interiors|Gardens|Landscapes|Roofing|Joinery"
    r"|Wellbeing|Health|Therapy|Physio|Vets|Academy|School|Translations|Logistics"
)
_BUSINESS_SUFFIX = _Rx(
    rf"(?<![\w'])(?!(?:I|We|My|Our|The|So|And|Hi|This|At)\b){_CAP_RUN}\s*"
    rf"(?:&\s*(?:Co|Sons|Partners)\b|\b(?:{_SUFFIXES})\b)"
    rf"|(?<![\w']){_CAP}\s*&\s*{_CAP}"
)
_NAME_CUE = _Rx(
    r"(?i:\b(?:i'm|im|i am|my name is|my name's|name's|this is|i'm called|call me|"
    r"it's|that's|i'm\s+\w+\s+and\s+i'm))\s+(?P<name>"
    + _CAP
    + r"(?:\s+(?:Mc|Mac|O'|de |van )?"
    + _CAP
    + r")?)"
)
_NAME_HERE = _Rx(
    r"^(?i:(?:hi|hello|hey|morning|good morning|good afternoon)[\s,!]+(?:(?:everyone|all|"
    r"everybody|folks)[\s,!]+)?)?(?P<name>" + _CAP + r"(?:\s+" + _CAP + r")?)\s+here\b"
)
# Strong cues: what follows is the person's business, wherever it is said.
_BUSINESS_CUE = _Rx(
    r"(?i:\b(?:called|named|i run|we run|i own|i founded|i set up|i started|founder of|"
    r"co-founder of|owner of|director of|director at|partner at|partner of|head of|"
    r"i work for|i work at|i'm with|here at|on behalf of|representing|my (?:business|"
    r"company|firm|practice|shop|agency|studio) is))\s+(?:the\s+)?(?P<biz>" + _CAP_RUN + ")"
)
# Weak cues: a business only near the start or end, where people introduce themselves.
_BUSINESS_NEAR = _Rx(
    r"(?i:\b(?:from|of|at|with|we are|we're|i'm part of))\s+(?:the\s+)?(?P<biz>" + _CAP_RUN + ")"
)
_BUSINESS_LEADS = _Rx(
    r"^(?:(?:So|And|Well|Now),?\s+)?(?:At\s+)?(?P<biz>"
    + _CAP
    + r"(?:\s+(?:&\s+)?"
    + _CAP
    + r"){1,5})\s+(?:is|are|helps|builds|provides|offers|makes|designs|specialises|specializes"
    r"|works|was|does|installs|supplies|creates|delivers|sells)\b"
)
# "Hi everyone, Dave Deacon, Deacon Plumbing." / "Anna Clarke, Hawthorn Flowers, we..."
_SIGN_OFF = _Rx(
    r"^(?P<greeting>(?i:(?:hi|hello|hey|morning|good morning|right|so|and|again)[\s,!]+(?:"
    r"(?:everyone|all|everybody|folks)[\s,!]+)?))?(?P<first>"
    + _CAP_RUN
    + r")\s*[,:\u2013\u2014-]\s*"
    r"(?:(?P<second>" + _CAP_RUN + r"))?"
)
_SELF = _Rx(
    r"(?i)\b(?:i'm|i am|we're|we are|i work|i run|we run|my name|this is|it's|here at|"
    r"i own|i founded|i set up)\b"
)
_JOB_TITLE = _Rx(r"(?i:\b(?:i'm|i am)\s+(?:a|an|the)\s+\w+)")


def _real_name(found: str) -> str:
    """The name with any leading sentence word dropped; blank if nothing is left."""
    words = found.split()
    while words and words[0].lower().strip("',.") in _NOT_NAMES:
        words.pop(0)
    return " ".join(words)


def _word_in(word: str, text: str) -> bool:
    return bool(word) and re.search(rf"(?<!\w){re.escape(word)}(?!\w)", text) is not None


@dataclass(slots=True)
class _Who:
    """What the profile and the intro say about the speaker, to find them again later."""

    name_words: tuple[str, ...]
    business_words: tuple[str, ...]


def _speaker(profile: Profile | None) -> _Who:
    if profile is None:
        return _Who((), ())
    name = tuple(w for w in profile.name.translate(_QUOTES).split() if len(w) > 1)
    business = " ".join(profile.business.translate(_QUOTES).split())
    business_words: list[str] = []
    if business:
        business_words.append(business)
        distinctive = [
            w
            for w in re.findall(r"[\w'&]+", business)
            if len(w) > 3 and not re.fullmatch(_SUFFIXES, w) and w.lower() not in _NOT_NAMES
        ]
        if distinctive:
            business_words.append(distinctive[0])
    return _Who(name[:1], tuple(business_words))


def _heard(who: _Who, texts: list[str]) -> _Who:
    """The speaker as the profile gives them, plus the names they say for themselves in
    the opening and the sign-off ("Hi, Pete Lomas, Lomas Drains"), so that a name said
    again later is not taken for someone to be introduced to."""
    names = list(who.name_words)
    businesses = list(who.business_words)
    ends = texts[:2] + texts[-2:] if len(texts) > 2 else texts
    for text in ends:
        for m in _NAME_CUE.finditer(text):
            name = _real_name(m["name"])
            if name:
                names.append(name.split()[0])
        m = _SIGN_OFF.search(text)
        if m:
            for run in (m["first"], m["second"] or ""):
                run = _real_name(run)
                if run:
                    (names if len(run.split()) <= 2 else businesses).append(run.split()[0])
    for text in texts:
        for m in _BUSINESS_SUFFIX.finditer(text):
            run = _real_name(m.group())
            if run:
                businesses.append(run)
    return _Who(tuple(dict.fromkeys(names)), tuple(dict.fromkeys(businesses)))


def _names_in(text: str, who: _Who) -> tuple[bool, bool]:
    """Whether ``text`` says a person's name and a business name (by cue or profile)."""
    has_name = any(_word_in(w, text) for w in who.name_words)
    has_name = has_name or any(_real_name(m["name"]) for m in _NAME_CUE.finditer(text))
    has_name = has_name or bool(_NAME_HERE.search(text))
    has_business = any(re.search(re.escape(w), text, re.I) for w in who.business_words)
    has_business = has_business or bool(_BUSINESS_SUFFIX.search(text))
    has_business = has_business or any(_real_name(m["biz"]) for m in _BUSINESS_CUE.finditer(text))
    return has_name, has_business


# How far before or after a word the patterns that look beside it read: a few words.
_WINDOW = 80


def _before(text: str, end: int) -> str:
    return text[max(0, end - _WINDOW) : end]


def _span(sentence: Sentence) -> Span:
    return Span(sentence.start, sentence.end)


# -- who you are ---------------------------------------------------------------------


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


# -- the ask -------------------------------------------------------------------------

_ASK_CUE = _Rx(
    r"(?i)\blooking for\b|\bintroductions? to\b|\bintroduce (?:me|us)\b|\bintroduced to\b|"
    r"\ban introduction\b|\b(?:a|good|great|ideal|perfect|best|my|any|the) referrals?\b|"
    r"\breferrals? (?:to|for|from you)\b|\b(?:if|do|does|might|may|would) (?:you|anyone|"
    r"anybody|any of you|someone) (?:\w+ )?know\b|\b(?:anyone|anybody|someone|somebody) "
    r"(?:here )?(?:who|that) (?:knows|needs|wants|is looking|would like|has)\b|"
    r"^(?:so,? |and |really,? )?(?:anyone|anybody|everyone) (?:who|that)\b|"
    # "Who knows a baker?" (but "I'm the one who knows knots" asks nothing)
    r"^(?:so,? |and |now,? )?who (?:here |in the room )?knows (?:a|an|any|someone|somebody|"
    r"anyone|anybody|of)\b|"
    r"^(?:so,? |and )?(?:does )?(?:anyone|anybody) (?:want|wants|need|needs|fancy|fancies|"
    r"interested)\b|"
    r"\bconnect (?:me|us)\b|\bput (?:me|us) in touch\b|\b(?:i'd|i would|we'd|we would|i'd "
    r"really|i would really) (?:love|like|welcome|appreciate|value) (?:to (?:meet|talk to|"
    r"speak to|speak with|be introduced|be connected|connect with|hear from|get in front of"
    r"|chat with)|an?\b|any\b|introductions?)|\bmy ask\b|\b(?:this|today's|the) ask\b|"
    r"\bi'm after\b|\b(?:i|we) want to (?:meet|speak|talk)\b|\b(?:looking|hoping|keen|"
    r"wanting) to (?:meet|connect with|speak to|speak with|talk to|be introduced|get in front"
    r" of|hear from)\b|\bi(?:'m| am) (?:keen|hoping)"
    r" to (?:meet|speak|talk)\b|\bsend (?:them|people|anyone|him|her) (?:my|our) way\b|"
    r"\bpass (?:on )?my (?:details|name|card|number)\b|\blet me know\b|\bget in touch\b|"
    r"\bgive (?:me|us) a (?:call|ring|shout|bell)\b|\bcome and (?:see|talk to) (?:me|us)\b|"
    r"\b(?:my|our) ideal (?:client|customer|referral|introduction|contact)\b|"
    r"\bif (?:anyone|anybody|any of you)(?:'s| has| have| wants?| needs?| is| are| knows?)\b|"
    r"\bthink of (?:me|us)\b|\b(?:have|grab) a (?:chat|word|coffee) with (?:me|us)\b|"
    r"\b(?:bring|send) (?:them|it|him|her|people) (?:to|over to) (?:me|us)\b|"
    r"\b(?:come and )?(?:find|grab|catch) me\b|\byou know what to do\b|\bwho (?:would|"
    r"could|might) (?:benefit|use|need)\b|\bkeep an (?:eye|ear) out\b|\bif you (?:hear|come "
    r"across|meet|speak to|know of|have any)\b|\bplease (?:introduce|refer|recommend|think "
    r"of|send|pass|connect)\b|\bspeak to me\b|\bcall me\b|\btalk to me\b|\bwho (?:i'd|i "
    r"would|we'd) (?:like|love) to meet\b|\bthink of (?:me|us) (?:when|if)\b"
)
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


_SPLIT_ORDER = ("close", "ask", "intro", "example", "different", "who_help", "good_at")


def split_parts(text: str, profile: Profile | None = None) -> dict[str, str]:
    """The script cut into the guide's seven answers (a sentence goes to one part at most);
    a part the script lacks is blank. For opening the guide on a pitch that exists.

    A sentence that is evidence for several parts goes to one of them, so that as many
    parts as can have an answer; one that is evidence for none stays with the sentence
    before it, so no words are lost."""
    structure = judge_structure(text, profile)
    owner: dict[int, str] = {}
    # Each part found claims one sentence of its own, the close and the ask first (they
    # are the narrowest); then the rest of what was found goes to the first part that
    # found it; last, a sentence that only tried (a generic ask, a last line that is no
    # close) goes to the part it tried for.
    parts = structure.parts
    found = [key for key in _SPLIT_ORDER if parts[key].present]
    for key in found:
        free = [span for span in parts[key].evidence if span.start not in owner]
        if free:
            owner[free[0].start] = key
    for key in [*found, *(k for k in _SPLIT_ORDER if k not in found)]:
        for span in parts[key].evidence:
            owner.setdefault(span.start, key)
    answers: dict[str, list[str]] = {key: [] for key in PART_KEYS}
    current: str | None = None
    pending: list[str] = []
    for sentence in structure.sentences:
        key = owner.get(sentence.start)
        if key is None:
            if current is None:
                pending.append(sentence.text)
            else:
                answers[current].append(sentence.text)
            continue
        current = key
        answers[key].extend(pending)
        pending = []
        answers[key].append(sentence.text)
    if pending:
        answers[PART_KEYS[0]].extend(pending)
    return {key: " ".join(pieces) for key, pieces in answers.items()}
