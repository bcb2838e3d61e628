"""Checks on what a person types, returning messages to show beside each field."""

from __future__ import annotations

import re
from dataclasses import replace

from netcoach.core.cadence import MAX_INTERVAL_DAYS, parse_days
from netcoach.core.important_dates import (
    HINT,
    ImportantDate,
    ImportantDateError,
    parse_important_date,
)
from netcoach.core.levels import LevelError, check_level
from netcoach.core.models import ContactDraft
from netcoach.core.network import MAX_PHRASE_LENGTH, REASON_LABELS
from netcoach.core.touches import INTERACTION_KINDS as INTERACTION_KINDS

EMAIL_PATTERN = re.compile(r"^[^@\s<>(),;:\"\[\]]+@[^@\s<>(),;:\"\[\]]+\.[^@\s<>(),;:\"\[\].]{2,}$")
LIST_SEPARATORS = re.compile(r"[,;\n]+")

# How much text each kind of field takes, in characters. The forms stop typing here and
# say so beside the field; the repositories refuse longer text from anywhere else.
NAME_MAX = 200  # a name, a title, a company, a place, an objective, an event's name
LINE_MAX = 200  # any other one-line answer: how you met, the pitch used, a follow-up
PHRASE_MAX = MAX_PHRASE_LENGTH  # one want or have
TAG_MAX = 40
LIST_MAX = 2_000  # several values typed in one field: emails, phones, tags, wants, haves
URL_MAX = 2_000
NOTE_MAX = 65_536  # notes, agendas, what was learnt: 64 KB
ENTRY_NOTE_MAX = 500  # the one-line note on a give or get
DATE_TEXT_MAX = 80  # "next tuesday at 7:30pm" and the like
NUMBER_TEXT_MAX = 12  # a count of days or seconds, with room for spaces
SEARCH_MAX = 200  # what is typed in a search box
PERIOD_TEXT_MAX = 40  # "2026-01-01..2026-03-31" and the like
PATH_MAX = 4_096  # a file's path

# The words for a full field: "Names are at most 200 characters."
LIMIT_WORDS: dict[str, tuple[str, int]] = {
    "name": ("Names", NAME_MAX),
    "company": ("Company names", NAME_MAX),
    "title": ("Titles", NAME_MAX),
    "place": ("Places", NAME_MAX),
    "objective": ("Objectives", NAME_MAX),
    "goal": ("Goals", NAME_MAX),
    "line": ("Answers here", LINE_MAX),
    "list": ("Lists here", LIST_MAX),
    "url": ("Web addresses", URL_MAX),
    "note": ("Notes", NOTE_MAX),
    "entry-note": ("Notes on an entry", ENTRY_NOTE_MAX),
    "date": ("Dates", DATE_TEXT_MAX),
    "number": ("Numbers here", NUMBER_TEXT_MAX),
    "search": ("Searches", SEARCH_MAX),
    "period": ("Periods", PERIOD_TEXT_MAX),
    "path": ("File paths", PATH_MAX),
}


def limit_message(kind: str) -> str:
    """What to say beside a full field of ``kind`` (a key of LIMIT_WORDS)."""
    words, limit = LIMIT_WORDS[kind]
    return f"{words} are at most {limit:,} characters."


def check_lengths(values: dict[str, tuple[str, str]]) -> dict[str, str]:
    """{field: message} for each value longer than its kind allows.

    ``values`` maps a field to (kind, text); kinds are the keys of LIMIT_WORDS.
    """
    return {
        field: limit_message(kind)
        for field, (kind, text) in values.items()
        if len(text) > LIMIT_WORDS[kind][1]
    }


def split_list(text: str) -> tuple[str, ...]:
    """Split a comma, semicolon or newline separated field into trimmed, distinct values."""
    seen: dict[str, None] = {}
    for part in LIST_SEPARATORS.split(text):
        value = part.strip()
        if value and value.casefold() not in {k.casefold() for k in seen}:
            seen[value] = None
    return tuple(seen)


# The Tags field: tags separated by commas (or semicolons); a tag that holds a comma,
# a semicolon or a double quote is written in double quotes, with "" for a quote inside.
TAG_SEPARATORS = frozenset(",;")
TAGS_HINT = 'Separate with commas; a tag with , or ; goes in "double quotes"'


def format_tags(tags: tuple[str, ...], separator: str = ", ") -> str:
    """The Tags field's text for ``tags``; ``parse_tags`` reads it back to the same tags."""
    return separator.join(_quoted_tag(tag) for tag in tags)


def _quoted_tag(tag: str) -> str:
    needs_quotes = (
        any(ch in TAG_SEPARATORS or ch == '"' for ch in tag) or tag != tag.strip() or not tag
    )
    return '"' + tag.replace('"', '""') + '"' if needs_quotes else tag


def parse_tags(text: str) -> tuple[str, ...]:
    """Read the Tags field: distinct tags (by case), trimmed, in the order typed.

    A part starting with a double quote runs to the closing quote, commas, semicolons
    and all (``""`` inside is one quote); a quote never closed runs to the end. A quote
    inside an unquoted tag is part of it (``6" pipes``). Newlines separate too.
    """
    tags: dict[str, str] = {}
    position, end = 0, len(text)
    while position <= end:
        while position < end and text[position] in " \t":
            position += 1
        if position < end and text[position] == '"':
            tag, position = _read_quoted(text, position + 1)
            rest_end = _next_separator(text, position)
            tag = (tag + text[position:rest_end].rstrip()).strip()
        else:
            rest_end = _next_separator(text, position)
            tag = text[position:rest_end].strip()
        if tag and tag.casefold() not in tags:
            tags[tag.casefold()] = tag
        position = rest_end + 1
    return tuple(tags.values())


def parse_phrases(text: str) -> tuple[str, ...]:
    """Read a Wants or Haves field as the Tags field is read, spaces inside a phrase made one.

    A phrase with a comma or semicolon in it ("architects, surveyors") is shown in
    double quotes by ``format_tags``, so saving the form unchanged keeps it whole.
    """
    phrases: dict[str, str] = {}
    for part in parse_tags(text):
        phrase = " ".join(part.split())
        if phrase and phrase.casefold() not in phrases:
            phrases[phrase.casefold()] = phrase
    return tuple(phrases.values())


def _read_quoted(text: str, position: int) -> tuple[str, int]:
    """The quoted text starting at ``position`` (after the quote) and where it ends."""
    parts: list[str] = []
    while position < len(text):
        quote = text.find('"', position)
        if quote < 0:
            break
        parts.append(text[position:quote])
        if text.startswith('""', quote):
            parts.append('"')
            position = quote + 2
            continue
        return "".join(parts), quote + 1
    parts.append(text[position:])
    return "".join(parts), len(text)


def _next_separator(text: str, position: int) -> int:
    for index in range(position, len(text)):
        if text[index] in TAG_SEPARATORS or text[index] == "\n":
            return index
    return len(text)


def looks_like_email(address: str) -> bool:
    return bool(EMAIL_PATTERN.match(address))


# A phone number: digits and phone punctuation, then perhaps an extension ("ext 12", "x12").
PHONE_EXTENSION = re.compile(r"\s*(?:ext\.?|x)\s*\d+$", re.IGNORECASE)
PHONE_PUNCTUATION = frozenset("+()-. ")
PHONE_ADVICE = "use digits, spaces and + ( ) -"
# A web address without a scheme: a dotted host, perhaps a port, then a path.
BARE_ADDRESS = re.compile(r"^[^\s/:@?#.]+(?:\.[^\s/:@?#.]+)+(?::\d+)?(?:[/?#]\S*)?$")
WEB_ADDRESS = re.compile(r"^https?://[^\s/:@?#]+(?::\d*)?(?:[/?#]\S*)?$", re.IGNORECASE)
SCHEME = re.compile(r"^([a-z][a-z0-9+.\-]*):", re.IGNORECASE)


def _quoted(text: str, limit: int = 40) -> str:
    """``text`` in quotes for a message, cut short if it is long."""
    shown = text if len(text) <= limit else text[: limit - 1] + "…"
    return f"'{shown}'"


def phone_problem(number: str) -> str | None:
    """What is wrong with a phone number, or None when it can be saved."""
    text = number.strip()
    body = PHONE_EXTENSION.sub("", text)
    if any(ch.isalpha() for ch in body):
        return f"Phone {_quoted(text)} has letters; {PHONE_ADVICE}."
    odd = [ch for ch in body if not (ch in PHONE_PUNCTUATION or (ch.isascii() and ch.isdigit()))]
    if odd:
        return f"Phone {_quoted(text)} has {_quoted(odd[0])}; {PHONE_ADVICE}."
    if not any(ch.isdigit() for ch in body):
        return f"Phone {_quoted(text)} has no digits."
    return None


def url_problem(url: str) -> str | None:
    """What is wrong with a web address, or None when it can be saved (blank is fine)."""
    text = url.strip()
    if not text:
        return None
    if WEB_ADDRESS.match(text) or BARE_ADDRESS.match(text):  # neither allows a space
        return None
    if any(ch.isspace() for ch in text):
        return "A web address cannot contain spaces."
    scheme = SCHEME.match(text)
    if scheme and scheme.group(1).lower() in ("http", "https"):
        return f"Web address {_quoted(text)} has no site after {scheme.group(1).lower()}://."
    if scheme:
        return (
            f"Web address {_quoted(text)} starts with {scheme.group(1).lower()}:; "
            "use an http:// or https:// address."
        )
    return (
        f"Web address {_quoted(text)} is not a web address; "
        "use https://… or a domain such as example.com."
    )


def normalise_draft(draft: ContactDraft) -> ContactDraft:
    """Trim the one-line fields; notes keep their inner layout."""
    return replace(
        draft,
        name=" ".join(draft.name.split()),
        company=draft.company.strip(),
        title=draft.title.strip(),
        emails=tuple(e.strip() for e in draft.emails if e.strip()),
        phones=tuple(p.strip() for p in draft.phones if p.strip()),
        url=draft.url.strip(),
        how_met=draft.how_met.strip(),
        where_met=draft.where_met.strip(),
        notes=draft.notes.rstrip(),
        tags=tuple(t.strip() for t in draft.tags if t.strip()),
    )


def validate_contact(draft: ContactDraft) -> dict[str, str]:
    """Return {field: message} for every problem; an empty dict means the draft can be saved."""
    errors: dict[str, str] = {}
    if not draft.name.strip():
        errors["name"] = "A name is required."
    bad = [e for e in draft.emails if not looks_like_email(e.strip())]
    if bad:
        errors["emails"] = f"Not an email address: {bad[0]}"
    try:
        check_level(draft.level)
    except LevelError as error:
        errors["level"] = str(error).capitalize() + "."
    if draft.cadence_days is not None and not 1 <= draft.cadence_days <= MAX_INTERVAL_DAYS:
        errors["cadence_days"] = f"Keep-in-touch days must be from 1 to {MAX_INTERVAL_DAYS}."
    phone_problems = [p for p in map(phone_problem, draft.phones) if p]
    if phone_problems:
        errors["phones"] = phone_problems[0]
    problem = url_problem(draft.url)
    if problem:
        errors["url"] = problem
    unknown = [r for r in draft.reasons if r not in REASON_LABELS]
    if unknown:
        errors["reasons"] = f"Not a reason to network: {unknown[0][:40]}"
    lengths = check_lengths(
        {
            "name": ("name", draft.name),
            "company": ("company", draft.company),
            "title": ("title", draft.title),
            "url": ("url", draft.url),
            "how_met": ("line", draft.how_met),
            "where_met": ("place", draft.where_met),
            "notes": ("note", draft.notes),
            "emails": ("list", ", ".join(draft.emails)),
            "phones": ("list", ", ".join(draft.phones)),
            "tags": ("list", ", ".join(draft.tags)),
        }
    )
    for field, message in lengths.items():
        errors.setdefault(field, message)
    long_tags = [t for t in draft.tags if len(t) > TAG_MAX]
    if long_tags:
        errors.setdefault("tags", f"A tag is at most {TAG_MAX} characters.")
    for field, label in (("birthday", "A birthday"), ("anniversary", "An anniversary")):
        value = getattr(draft, field)
        if value is not None and not isinstance(value, ImportantDate):
            errors[field] = f"{label} is a day and month, e.g. 17 May ({HINT})."
    for field, phrases in (("wants", draft.wants), ("haves", draft.haves)):
        long = [p for p in phrases if len(p) > MAX_PHRASE_LENGTH]
        if long:
            errors[field] = (
                f"Keep each phrase short (at most {MAX_PHRASE_LENGTH} characters); "
                "separate phrases with commas."
            )
    return errors


def parse_cadence(text: str) -> tuple[int | None, str | None]:
    """Read the keep-in-touch field: blank means the level's default. Returns (days, error)."""
    return parse_days(text, "Keep-in-touch days", "the level default")


def parse_day_of_year(text: str) -> tuple[ImportantDate | None, str | None]:
    """Read a birthday or anniversary field: blank means none. Returns (date, error)."""
    if not text.strip():
        return None, None
    try:
        return parse_important_date(text), None
    except ImportantDateError as error:
        return None, str(error)
