"""Checks on what a person types, returning messages to show beside each field."""

from __future__ import annotations

import re
from dataclasses import replace

from netcoach.core.cadence import MAX_INTERVAL_DAYS
from netcoach.core.levels import LevelError, check_level
from netcoach.core.models import ContactDraft
from netcoach.core.network import MAX_PHRASE_LENGTH, REASON_LABELS

EMAIL_PATTERN = re.compile(r"^[^@\s<>(),;:\"\[\]]+@[^@\s<>(),;:\"\[\]]+\.[^@\s<>(),;:\"\[\].]{2,}$")
LIST_SEPARATORS = re.compile(r"[,;\n]+")
INTERACTION_KINDS = ("call", "email", "coffee", "meeting", "message", "event")


def split_list(text: str) -> tuple[str, ...]:
    """Split a comma, semicolon or newline separated field into trimmed, distinct values."""
    seen: dict[str, None] = {}
    for part in LIST_SEPARATORS.split(text):
        value = part.strip()
        if value and value.casefold() not in {k.casefold() for k in seen}:
            seen[value] = None
    return tuple(seen)


def looks_like_email(address: str) -> bool:
    return bool(EMAIL_PATTERN.match(address))


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
    if draft.url and any(ch.isspace() for ch in draft.url.strip()):
        errors["url"] = "A web address cannot contain spaces."
    unknown = [r for r in draft.reasons if r not in REASON_LABELS]
    if unknown:
        errors["reasons"] = f"Not a reason to network: {unknown[0][:40]}"
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
    value = text.strip()
    if not value:
        return None, None
    if not value.isdigit():
        return None, "Keep-in-touch days must be a whole number, or blank for the level default."
    days = int(value)
    if not 1 <= days <= MAX_INTERVAL_DAYS:
        return None, f"Keep-in-touch days must be from 1 to {MAX_INTERVAL_DAYS}."
    return days, None
