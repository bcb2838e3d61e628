"""The seven parts of a good pitch: the guide's questions and its strong and weak examples."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Example:
    trade: str
    strong: str
    weak: str


@dataclass(frozen=True, slots=True)
class PitchPart:
    """One of the seven parts of a good pitch, with how the guide asks for it."""

    key: str
    title: str
    question: str
    examples: tuple[Example, ...]
    about_me: bool = False


TRADES = ("Accountant", "Web developer", "Florist")

PARTS: tuple[PitchPart, ...] = (
    PitchPart(
        "intro",
        "Who you are and your business",
        "What is your name, and what is your business called and what does it do?",
        (
            Example(
                "Accountant",
                "I'm Priya Shah from Harbour Lane Accountants; we keep "
                "small firms' books straight and their tax bills low.",
                "Hi, um, I'm Priya and I sort of do accounts and things.",
            ),
            Example(
                "Web developer",
                "I'm Tom Walsh, and Pixel Foundry builds websites that "
                "bring local trades their next enquiry.",
                "I'm Tom, I'm basically a web guy, I do a bit of everything.",
            ),
            Example(
                "Florist",
                "I'm Rosa Quinn of Willow & Bloom, the florist on Mill Street "
                "who does flowers for offices and events.",
                "Rosa here. Flowers, you know, that kind of thing.",
            ),
        ),
        about_me=True,
    ),
    PitchPart(
        "who_help",
        "Who you help and how",
        "Who exactly do you help, and what do you do for them?",
        (
            Example(
                "Accountant",
                "I help owner-run firms of five to fifty people who are "
                "spending their evenings on bookkeeping.",
                "I help anyone really, everybody needs an accountant.",
            ),
            Example(
                "Web developer",
                "We help plumbers, electricians and builders turn their "
                "website into a steady source of local jobs.",
                "We can help any business that needs a website.",
            ),
            Example(
                "Florist",
                "I help office managers keep reception looking fresh every "
                "week without having to think about it.",
                "I just help people who like flowers.",
            ),
        ),
        about_me=True,
    ),
    PitchPart(
        "good_at",
        "What you are really good at",
        "What are you really good at — the one thing clients come back for?",
        (
            Example(
                "Accountant",
                "What we do best is cash-flow forecasting: owners know in "
                "March what their bank balance will be in September.",
                "We're very good at all sorts of accounting stuff.",
            ),
            Example(
                "Web developer",
                "We specialise in local search: when someone nearby types "
                "'emergency plumber', our clients come up first.",
                "I'm really good with computers.",
            ),
            Example(
                "Florist",
                "I'm known for long-lasting arrangements that still look good on a Friday.",
                "I think my flowers are quite nice, actually.",
            ),
        ),
        about_me=True,
    ),
    PitchPart(
        "different",
        "How you are different",
        "What makes you different from others who do the same?",
        (
            Example(
                "Accountant",
                "Unlike most practices, we meet every client monthly, not "
                "once a year at the deadline.",
                "We're different because we care, I guess.",
            ),
            Example(
                "Web developer",
                "Instead of charging for a site and disappearing, we are "
                "paid by results for the first six months.",
                "We're maybe a bit cheaper than some.",
            ),
            Example(
                "Florist",
                "I'm the only florist in town who collects and composts last week's flowers.",
                "We're kind of different, in lots of ways.",
            ),
        ),
    ),
    PitchPart(
        "example",
        "A short example",
        "Tell one short story of a client you helped and what changed for them.",
        (
            Example(
                "Accountant",
                "Last month a café owner found £4,000 of overpaid VAT with "
                "us and used it to hire a weekend barista.",
                "We've helped loads of people, they're all very happy.",
            ),
            Example(
                "Web developer",
                "Recently a roofer went from two enquiries a month to "
                "three a week after we rebuilt his site.",
                "Our clients basically all get more business.",
            ),
            Example(
                "Florist",
                "One client, a dental practice, told me patients comment on "
                "the flowers more than on the magazines.",
                "People just really like them, honestly.",
            ),
        ),
    ),
    PitchPart(
        "ask",
        "A specific ask",
        "Who, specifically, would you like to be introduced to this week?",
        (
            Example(
                "Accountant",
                "This week I'm looking for an introduction to the owner "
                "of a growing restaurant group.",
                "So if anyone needs an accountant, let me know.",
            ),
            Example(
                "Web developer",
                "I'd love an introduction to a builders' merchant "
                "manager who knows every trade in town.",
                "Anyone who wants a website, really.",
            ),
            Example(
                "Florist",
                "I'm looking for a referral to the office manager at any law firm on Queen Street.",
                "Maybe if you know someone who likes flowers?",
            ),
        ),
    ),
    PitchPart(
        "close",
        "A memorable close",
        "How will people remember you? End with your name and a short line.",
        (
            Example(
                "Accountant",
                "Priya Shah, Harbour Lane: numbers you can sleep on.",
                "Er, so yeah, that's about it really.",
            ),
            Example(
                "Web developer",
                "Tom Walsh, Pixel Foundry: your phone rings, not your web designer.",
                "Anyway, I think that's everything.",
            ),
            Example(
                "Florist", "Rosa Quinn, Willow & Bloom: fresh every Monday.", "Um, thanks, I guess."
            ),
        ),
    ),
)
PART_KEYS = tuple(part.key for part in PARTS)
PARTS_BY_KEY = {part.key: part for part in PARTS}


def detect_parts(text: str) -> frozenset[str]:
    """The parts the structure check finds in the script; a suggestion the user confirms or
    corrects."""
    from netcoach.core.pitch.structure import judge_structure  # it builds on PART_KEYS

    return judge_structure(text).present


def checklist(text: str, confirmed: dict[str, bool]) -> dict[str, tuple[bool, bool]]:
    """For each part: (ticked, suggested by the app). The user's choice wins over the check."""
    return checklist_from(detect_parts(text), confirmed)


def checklist_from(
    detected: frozenset[str], confirmed: dict[str, bool]
) -> dict[str, tuple[bool, bool]]:
    return {
        key: (confirmed.get(key, key in detected), key in detected and key not in confirmed)
        for key in PART_KEYS
    }


def assemble_script(answers: dict[str, str]) -> str:
    """The guide's answers in the order of a good pitch, as one paragraph."""
    pieces = (" ".join(answers.get(key, "").split()) for key in PART_KEYS)
    return " ".join(piece for piece in pieces if piece)


def replace_part(script: str, old_answer: str, new_answer: str) -> str | None:
    """The script with one part's old answer swapped for the new; None if it is not found."""
    old = old_answer.strip()
    if not old or old not in script:
        return None
    return script.replace(old, new_answer.strip(), 1)
