"""The one-minute pitch: counting, timing, structure, filler words, versions and the timer."""

from __future__ import annotations

import difflib
import re
import statistics
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from enum import Enum

from netcoach.core.text import plural

DEFAULT_WPM = 130
MIN_WPM = 60
MAX_WPM = 260
DEFAULT_LIMIT_SECONDS = 60
MIN_LIMIT_SECONDS = 15
MAX_LIMIT_SECONDS = 180
MIN_CALIBRATION_SECONDS = 5.0
CALIBRATION_SAMPLES = 5

# A word is a run of letters or digits, joined by hyphens, apostrophes, or the dots and
# commas inside numbers and abbreviations ("well-known", "don't", "1,000", "3.5", "e.g").
WORD_PATTERN = re.compile(r"[^\W_]+(?:[-'\u2019.,][^\W_]+)*")


def count_words(text: str) -> int:
    """How many spoken words the text has; punctuation on its own is not a word."""
    return sum(1 for _ in WORD_PATTERN.finditer(text))


def estimate_seconds(words: int, wpm: float = DEFAULT_WPM) -> float:
    """Seconds it takes to say ``words`` at ``wpm`` words per minute."""
    if words <= 0:
        return 0.0
    return words * 60.0 / max(1.0, wpm)


def format_duration(seconds: float) -> str:
    """``m:ss`` for a non-negative number of seconds (rounded down)."""
    whole = max(0, int(seconds))
    return f"{whole // 60}:{whole % 60:02d}"


# ---- structure ---------------------------------------------------------------------------


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
    cues: tuple[str, ...]
    examples: tuple[Example, ...]
    about_me: bool = False


TRADES = ("Accountant", "Web developer", "Florist")

PARTS: tuple[PitchPart, ...] = (
    PitchPart(
        "intro",
        "Who you are and your business",
        "What is your name, and what is your business called and what does it do?",
        (
            r"\bmy name is\b",
            r"\bi'?m\b",
            r"\bi am\b",
            r"\bi run\b",
            r"\bi own\b",
            r"\bfounder\b",
            r"\bmy (?:business|company|firm|practice|shop)\b",
            r"\bi work (?:at|for)\b",
        ),
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
            r"\b(?:i|we) help\b",
            r"\bwho (?:help|need|want)",
            r"\bclients?\b",
            r"\bcustomers?\b",
            r"\bwork with\b",
            r"\bfor (?:small|local|busy|growing)\b",
            r"\bserve\b",
        ),
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
            r"\bspeciali[sz]",
            r"\bexpert",
            r"\bbest at\b",
            r"\b(?:really )?good at\b",
            r"\bknown for\b",
            r"\bfocus on\b",
            r"\bexperience in\b",
        ),
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
            r"\bunlike\b",
            r"\bdifferent\b",
            r"\bthe only\b",
            r"\bunique",
            r"\bwhat sets\b",
            r"\binstead of\b",
            r"\brather than\b",
            r"\bno other\b",
        ),
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
            r"\bfor (?:example|instance)\b",
            r"\brecently\b",
            r"\blast (?:week|month|year)\b",
            r"\bone (?:client|customer)\b",
            r"\bthis (?:week|month|year)\b",
            r"\bhelped a\b",
        ),
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
            r"\blooking for\b",
            r"\bintroduc(?:tion|e me)\b",
            r"\breferral",
            r"\bwho knows\b",
            r"\bif you know\b",
            r"\bconnect me\b",
            r"\bput me in touch\b",
            r"\bi'?d love to meet\b",
            r"\bmy ask\b",
        ),
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
            r"\bremember\b",
            r"\bthank you\b",
            r"\bthanks\b",
            r"\bthat'?s (?:me|us)\b",
            r"\bonce again\b",
            r"\bagain,? (?:i'?m|my name)\b",
        ),
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
_CUE_PATTERNS = {part.key: re.compile("|".join(part.cues), re.IGNORECASE) for part in PARTS}


def detect_parts(text: str) -> frozenset[str]:
    """The parts whose cues appear in the script; a suggestion the user confirms or corrects."""
    normalised = text.replace("\u2019", "'")
    return frozenset(key for key, pattern in _CUE_PATTERNS.items() if pattern.search(normalised))


def checklist(text: str, confirmed: dict[str, bool]) -> dict[str, tuple[bool, bool]]:
    """For each part: (ticked, suggested by the app). The user's choice wins over a cue."""
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


# ---- filler and hedging words ------------------------------------------------------------

FILLERS = (
    "um",
    "umm",
    "uh",
    "er",
    "erm",
    "just",
    "basically",
    "sort of",
    "kind of",
    "maybe",
    "perhaps",
    "i think",
    "i guess",
    "i feel",
    "really",
    "very",
    "actually",
    "literally",
    "honestly",
    "you know",
    "quite",
    "a bit",
    "stuff",
    "things like that",
)
_FILLER_PATTERN = re.compile(
    r"(?<![\w'\u2019-])("
    + "|".join(re.escape(f).replace(r"\ ", r"\s+") for f in sorted(FILLERS, key=len, reverse=True))
    + r")(?![\w'\u2019-])",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class FillerHit:
    start: int
    end: int
    phrase: str


def find_fillers(text: str) -> list[FillerHit]:
    """Every filler or hedging word or phrase, with its place in the text."""
    return [
        FillerHit(m.start(), m.end(), " ".join(m.group(1).lower().split()))
        for m in _FILLER_PATTERN.finditer(text)
    ]


def filler_counts(hits: Iterable[FillerHit]) -> dict[str, int]:
    counts: dict[str, int] = {}
    for hit in hits:
        counts[hit.phrase] = counts.get(hit.phrase, 0) + 1
    return dict(sorted(counts.items(), key=lambda item: (-item[1], item[0])))


# ---- what the editor shows ---------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ScriptStats:
    words: int
    seconds: float
    limit_seconds: int
    wpm: float

    @property
    def over_by(self) -> float:
        return max(0.0, self.seconds - self.limit_seconds)

    @property
    def is_over(self) -> bool:
        return self.seconds > self.limit_seconds

    def summary(self) -> str:
        base = (
            f"{plural(self.words, 'word')} · about {format_duration(round(self.seconds))} "
            f"at {round(self.wpm)} wpm · limit {format_duration(self.limit_seconds)}"
        )
        if self.is_over:
            return f"{base} · TOO LONG by {format_duration(round(self.over_by) or 1)}"
        return base


def script_stats(text: str, limit_seconds: int, wpm: float = DEFAULT_WPM) -> ScriptStats:
    words = count_words(text)
    return ScriptStats(words, estimate_seconds(words, wpm), limit_seconds, wpm)


@dataclass(frozen=True, slots=True)
class ScriptAnalysis:
    """Everything the editor shows about a script, computed in one pass."""

    stats: ScriptStats
    detected: frozenset[str]
    filler_total: int
    filler_counts: dict[str, int]
    preview_hits: tuple[FillerHit, ...]

    def filler_summary(self) -> str:
        if not self.filler_total:
            return "No filler or hedging words."
        listed = ", ".join(
            f"{phrase} x{n}" if n > 1 else phrase for phrase, n in self.filler_counts.items()
        )
        return f"{plural(self.filler_total, 'filler/hedging word')}: {listed}"


def analyse_script(
    text: str,
    limit_seconds: int,
    wpm: float,
    preview_chars: int = 6_000,
) -> ScriptAnalysis:
    """Counts, structure and fillers; the filler places only within the first ``preview_chars``."""
    hits = find_fillers(text)
    return ScriptAnalysis(
        stats=script_stats(text, limit_seconds, wpm),
        detected=detect_parts(text),
        filler_total=len(hits),
        filler_counts=filler_counts(hits),
        preview_hits=tuple(h for h in hits if h.end <= preview_chars),
    )


def parse_limit(text: str) -> tuple[int | None, str | None]:
    """Read a time limit in seconds (15 to 180). Returns (seconds, error)."""
    value = text.strip().removesuffix("s").strip()
    if not value:
        return None, f"Give a time limit from {MIN_LIMIT_SECONDS} to {MAX_LIMIT_SECONDS} seconds."
    if not value.isdigit():
        return None, "The time limit is a whole number of seconds, for example 60."
    seconds = int(value)
    if not MIN_LIMIT_SECONDS <= seconds <= MAX_LIMIT_SECONDS:
        return None, (
            f"The time limit must be from {MIN_LIMIT_SECONDS} to {MAX_LIMIT_SECONDS} seconds."
        )
    return seconds, None


def parse_event_day(text: str) -> tuple[date | None, str | None]:
    """Read an optional event date as YYYY-MM-DD; blank means no event. Returns (day, error)."""
    value = text.strip()
    if not value:
        return None, None
    try:
        return date.fromisoformat(value), None
    except ValueError:
        return None, "Write the event date as YYYY-MM-DD, or leave it blank."


def is_last_minute(event_day: date | None, today: date) -> bool:
    """True on the day of the event the pitch is marked for: the day not to change it."""
    return event_day is not None and event_day == today


LAST_MINUTE_REASON = (
    "This is the pitch for today's event. A pitch changed on the day is rarely better: "
    "you have rehearsed the old one. Save the change anyway? (The previous version is kept.)"
)


# ---- versions side by side ---------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class DiffSegment:
    text: str
    kind: str  # "same", "removed" (only on the left), "added" (only on the right)


def diff_words(old: str, new: str) -> tuple[list[DiffSegment], list[DiffSegment]]:
    """Two versions word by word: the left side marks what was removed, the right what was added."""
    left_tokens = re.findall(r"\S+\s*", old)
    right_tokens = re.findall(r"\S+\s*", new)
    matcher = difflib.SequenceMatcher(
        a=[t.strip() for t in left_tokens], b=[t.strip() for t in right_tokens], autojunk=False
    )
    left: list[DiffSegment] = []
    right: list[DiffSegment] = []
    for op, a0, a1, b0, b1 in matcher.get_opcodes():
        if op == "equal":
            left.append(DiffSegment("".join(left_tokens[a0:a1]), "same"))
            right.append(DiffSegment("".join(right_tokens[b0:b1]), "same"))
            continue
        if a1 > a0:
            left.append(DiffSegment("".join(left_tokens[a0:a1]), "removed"))
        if b1 > b0:
            right.append(DiffSegment("".join(right_tokens[b0:b1]), "added"))
    return left, right


# ---- speaking rate -----------------------------------------------------------------------


def implied_wpm(words: int, duration_seconds: float) -> float | None:
    """The speaking rate a rehearsal implies; None when it is too short to tell."""
    if words <= 0 or duration_seconds < MIN_CALIBRATION_SECONDS:
        return None
    return words * 60.0 / duration_seconds


def calibrated_wpm(samples: Sequence[tuple[int, float]], default: float = DEFAULT_WPM) -> float:
    """The user's rate: the median of the most recent usable rehearsals, within sane bounds.

    ``samples`` are (word count, duration in seconds), newest first.
    """
    rates = [r for w, d in samples if (r := implied_wpm(w, d)) is not None]
    rates = rates[:CALIBRATION_SAMPLES]
    if not rates:
        return default
    return min(MAX_WPM, max(MIN_WPM, statistics.median(rates)))


# ---- the rehearsal timer -----------------------------------------------------------------


class Signal(Enum):
    READY = "READY"
    SPEAKING = "SPEAKING"
    HALF = "HALF TIME"
    WRAP_UP = "WRAP UP"
    TIME = "TIME"
    OVER = "OVER"


def signal_for(elapsed: float, limit_seconds: float) -> Signal:
    """Green from half the limit, amber from three quarters, red at the limit, over after."""
    if elapsed <= 0:
        return Signal.READY
    if elapsed >= limit_seconds + 1:
        return Signal.OVER
    if elapsed >= limit_seconds:
        return Signal.TIME
    if elapsed >= limit_seconds * 0.75:
        return Signal.WRAP_UP
    if elapsed >= limit_seconds / 2:
        return Signal.HALF
    return Signal.SPEAKING


def signal_label(elapsed: float, limit_seconds: float) -> str:
    """The words that back the colour, e.g. "WRAP UP" or "OVER +0:07"."""
    signal = signal_for(elapsed, limit_seconds)
    if signal is Signal.OVER:
        return f"OVER +{format_duration(elapsed - limit_seconds)}"
    return signal.value


@dataclass(frozen=True, slots=True)
class TimerState:
    """A stopwatch as data: time banked from earlier runs, and when the current run began."""

    banked: float = 0.0
    running_since: float | None = None

    @property
    def running(self) -> bool:
        return self.running_since is not None

    def elapsed(self, now: float) -> float:
        if self.running_since is None:
            return self.banked
        return self.banked + max(0.0, now - self.running_since)

    def start(self, now: float) -> TimerState:
        return self if self.running else TimerState(self.banked, now)

    def pause(self, now: float) -> TimerState:
        return TimerState(self.elapsed(now), None) if self.running else self


class RehearsalTimer:
    """A stopwatch over an injectable monotonic clock; elapsed time never comes from ticks."""

    def __init__(
        self, limit_seconds: int = DEFAULT_LIMIT_SECONDS, clock: Callable[[], float] | None = None
    ) -> None:
        self.limit_seconds = limit_seconds
        self.clock = clock or time.monotonic
        self.state = TimerState()

    @property
    def running(self) -> bool:
        return self.state.running

    def elapsed(self) -> float:
        return self.state.elapsed(self.clock())

    def start(self) -> None:
        self.state = self.state.start(self.clock())

    def pause(self) -> None:
        self.state = self.state.pause(self.clock())

    def toggle(self) -> None:
        if self.running:
            self.pause()
        else:
            self.start()

    def reset(self) -> None:
        self.state = TimerState()

    def signal(self) -> Signal:
        return signal_for(self.elapsed(), self.limit_seconds)


def teleprompter_word(elapsed: float, wpm: float, total_words: int) -> int:
    """Which word the speaker should be on after ``elapsed`` seconds at ``wpm``."""
    if total_words <= 0:
        return 0
    return min(total_words, int(elapsed * wpm / 60.0))


# ---- the data the screens show -----------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Pitch:
    id: int
    name: str
    limit_seconds: int
    is_next: bool
    next_event_on: date | None
    created_at: datetime
    updated_at: datetime
    current_version: int = 0
    word_count: int = 0
    # The day it will be given: its own event date or, for the pitch to use next, the
    # next planned event's day.
    event_day: date | None = None


@dataclass(frozen=True, slots=True)
class PitchVersion:
    id: int
    pitch_id: int
    number: int
    script: str
    parts: dict[str, bool] = field(default_factory=dict)
    created_at: datetime | None = None


@dataclass(frozen=True, slots=True)
class Rehearsal:
    id: int
    pitch_id: int
    version_id: int
    version_number: int
    duration_seconds: float
    limit_seconds: int
    word_count: int
    rating: int
    note: str
    rehearsed_at: datetime

    @property
    def wpm(self) -> float | None:
        return implied_wpm(self.word_count, self.duration_seconds)


@dataclass(frozen=True, slots=True)
class RehearsalStats:
    count: int
    average_seconds: float
    best_seconds: float
    limit_seconds: int
    wpm: float | None

    def summary(self) -> str:
        if not self.count:
            return "No rehearsals yet."
        best = "best " + format_duration(round(self.best_seconds))
        rate = f" · you speak at about {round(self.wpm)} wpm" if self.wpm else ""
        return (
            f"{plural(self.count, 'rehearsal')} · average "
            f"{format_duration(round(self.average_seconds))} · {best} · limit "
            f"{format_duration(self.limit_seconds)}{rate}"
        )


def rehearsal_stats(rehearsals: Sequence[Rehearsal], limit_seconds: int) -> RehearsalStats:
    """Average, best (closest to the limit without going over, else the shortest) and rate."""
    if not rehearsals:
        return RehearsalStats(0, 0.0, 0.0, limit_seconds, None)
    durations = [r.duration_seconds for r in rehearsals]
    within = [d for d in durations if d <= limit_seconds]
    best = max(within) if within else min(durations)
    samples = [(r.word_count, r.duration_seconds) for r in rehearsals]
    rates = [r for w, d in samples if (r := implied_wpm(w, d)) is not None]
    return RehearsalStats(
        count=len(rehearsals),
        average_seconds=statistics.fmean(durations),
        best_seconds=best,
        limit_seconds=limit_seconds,
        wpm=calibrated_wpm(samples) if rates else None,
    )


@dataclass(frozen=True, slots=True)
class PitchDetail:
    """One pitch with its versions (newest first), current script and rehearsals (newest first)."""

    pitch: Pitch
    current: PitchVersion | None
    versions: tuple[PitchVersion, ...]
    rehearsals: tuple[Rehearsal, ...]
    wpm: float = DEFAULT_WPM


@dataclass(frozen=True, slots=True)
class AboutMe:
    """The user's own answers about themselves, from the pitch guide, for any screen to use."""

    business: str = ""
    who_i_help: str = ""
    good_at: str = ""


@dataclass(frozen=True, slots=True)
class PitchCard:
    """What the Today screen shows about the pitch to use next."""

    pitch_id: int
    name: str
    words: int
    seconds: float
    limit_seconds: int
    next_event_on: date | None
    rehearsals: int
