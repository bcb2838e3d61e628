"""The pieces every part shares: who is speaking (the name and business a pitch says,
or the profile gives, and the cues around them), the words that ask for something, a
sentence's span and the words just before a place."""

from __future__ import annotations

import re
from dataclasses import dataclass

from netcoach.core.pitch.profile import Profile
from netcoach.core.pitch.sentences import Sentence
from netcoach.core.pitch.structure.findings import Span
from netcoach.core.pitch.structure.patterns import _Rx

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


# Words that ask the room for something (the ask listens for them; other parts step
# around them).
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
