"""What an import reads from a file, and the rules for merging it into the network."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime

from netcoach.core.network import GAINS

# Scalar contact fields an import may fill in, in the order they are shown.
SCALAR_FIELDS = (
    "company",
    "title",
    "url",
    "how_met",
    "where_met",
    "notes",
    *(field for field, _label, _prompt in GAINS),
    "birthday",
    "anniversary",
)
LINKEDIN_PROFILE = re.compile(
    r"^(?:https?://)?(?:[\w-]+\.)?linkedin\.com/(in|pub)/([^/?#\s]+)", re.I
)


@dataclass(frozen=True, slots=True)
class ImportedContact:
    """One person as read from an export file, before it is matched against the network."""

    name: str
    company: str = ""
    title: str = ""
    emails: tuple[str, ...] = ()
    phones: tuple[str, ...] = ()
    url: str = ""
    linkedin_url: str = ""  # canonical, as normalise_linkedin returns it
    connected_on: date | None = None
    how_met: str = ""
    where_met: str = ""
    notes: str = ""
    tags: tuple[str, ...] = ()
    level: int | None = None
    cadence_days: int | None = None
    is_advisor: bool = False
    where: str = ""  # "line 12" or "card 3": where the record is in its file
    # What only a vCard carries (netcoach's own X-NETCOACH-* properties, and a card's UID).
    uid: str = ""
    reasons: tuple[str, ...] = ()
    wants: tuple[tuple[str, str], ...] = ()  # (phrase, tag)
    haves: tuple[tuple[str, str], ...] = ()
    gains_goals: str = ""
    gains_accomplishments: str = ""
    gains_interests: str = ""
    gains_networks: str = ""
    gains_skills: str = ""
    created_at: datetime | None = None
    last_interaction_at: datetime | None = None
    archived_at: datetime | None = None
    # As the file wrote it; the import keeps it as core.important_dates stores it, or
    # leaves it out with a note when it is not a day of the year.
    birthday: str = ""
    anniversary: str = ""

    def scalar(self, name: str) -> str:
        return str(getattr(self, name))


@dataclass(frozen=True, slots=True)
class ExistingContact:
    """What the merge needs to know about a contact already in the network."""

    id: int
    name: str
    values: dict[str, str]
    emails: frozenset[str]
    phones: frozenset[str]
    tags: frozenset[str]
    linkedin_url: str
    connected_on: date | None
    imported: frozenset[str]
    reasons: frozenset[str] = frozenset()
    wants: frozenset[str] = frozenset()  # casefolded phrases
    haves: frozenset[str] = frozenset()


# What a merge adds besides scalar values (MergeChanges' other fields), in order, each with
# the words describe_changes shows for it.
ADDED_NAMES = {
    "emails": "email",
    "phones": "phone",
    "tags": "tags",
    "linkedin_url": "LinkedIn profile",
    "connected_on": "connected on",
    "reasons": "reasons",
    "wants": "wants",
    "haves": "haves",
}


@dataclass(frozen=True, slots=True)
class MergeChanges:
    """What an import adds to an existing contact; empty when nothing changes."""

    values: dict[str, str] = field(default_factory=dict)
    emails: tuple[str, ...] = ()
    phones: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    linkedin_url: str = ""
    connected_on: date | None = None
    reasons: tuple[str, ...] = ()
    wants: tuple[tuple[str, str], ...] = ()
    haves: tuple[tuple[str, str], ...] = ()

    def __bool__(self) -> bool:
        return bool(self.values) or any(getattr(self, name) for name in ADDED_NAMES)

    def marks(self) -> list[str]:
        """The imported-field markers these changes leave behind."""
        return [
            *self.values,
            *(email_mark(e) for e in self.emails),
            *(phone_mark(p) for p in self.phones),
            *(tag_mark(t) for t in self.tags),
            *(reason_mark(r) for r in self.reasons),
            *(phrase_mark("want", p) for p, _tag in self.wants),
            *(phrase_mark("have", p) for p, _tag in self.haves),
        ]


@dataclass(frozen=True, slots=True)
class PreviewRow:
    """One record of the file and what the import does with it."""

    where: str
    action: str  # "create", "update" or "skip"
    name: str
    detail: str


@dataclass(frozen=True, slots=True)
class ImportSummary:
    imported: int
    updated: int
    skipped: int
    notices: tuple[str, ...] = ()
    preview: tuple[PreviewRow, ...] = ()

    @property
    def line(self) -> str:
        return f"imported {self.imported}, updated {self.updated}, skipped {self.skipped}"


def normalise_linkedin(url: str) -> str:
    """The canonical form of a LinkedIn profile address, or "" when it is not one."""
    match = LINKEDIN_PROFILE.match(url.strip())
    if not match:
        return ""
    return f"https://www.linkedin.com/{match.group(1).lower()}/{match.group(2).lower()}"


def email_key(address: str) -> str:
    return address.strip().casefold()


def phone_key(number: str) -> str:
    return "".join(ch for ch in number if ch.isdigit() or ch == "+")


def email_mark(address: str) -> str:
    return f"email:{email_key(address)}"


def phone_mark(number: str) -> str:
    return f"phone:{phone_key(number)}"


def tag_mark(tag: str) -> str:
    return f"tag:{tag.casefold()}"


def reason_mark(reason: str) -> str:
    return f"reason:{reason}"


def phrase_mark(kind: str, phrase: str) -> str:
    return f"{kind}:{phrase.casefold()}"


def merge(existing: ExistingContact, incoming: ImportedContact) -> MergeChanges:
    """Fill in what is blank, add what is missing; never overwrite, never undo a user's edit.

    A field an earlier import filled in and that is blank now was cleared by the
    user, so it stays blank; the same goes for a removed email, phone, tag, reason,
    want or have. Levels, names, the advisor flag, the keep-in-touch days and the
    archived state are never touched.
    """
    values = {
        name: incoming.scalar(name)
        for name in SCALAR_FIELDS
        if incoming.scalar(name)
        and not existing.values.get(name, "")
        and name not in existing.imported
    }
    emails = _missing(incoming.emails, existing.emails, email_key, email_mark, existing.imported)
    phones = _missing(incoming.phones, existing.phones, phone_key, phone_mark, existing.imported)
    tags = _missing(incoming.tags, existing.tags, str.casefold, tag_mark, existing.imported)
    reasons = _missing(incoming.reasons, existing.reasons, str, reason_mark, existing.imported)
    linkedin = incoming.linkedin_url
    return MergeChanges(
        values=values,
        emails=emails,
        phones=phones,
        tags=tags,
        linkedin_url=linkedin if linkedin and not existing.linkedin_url else "",
        connected_on=incoming.connected_on if existing.connected_on is None else None,
        reasons=reasons,
        wants=_missing_phrases("want", incoming.wants, existing.wants, existing.imported),
        haves=_missing_phrases("have", incoming.haves, existing.haves, existing.imported),
    )


def _missing_phrases(
    kind: str,
    phrases: tuple[tuple[str, str], ...],
    present: frozenset[str],
    imported: frozenset[str],
) -> tuple[tuple[str, str], ...]:
    seen = set(present)
    added = []
    for phrase, tag in phrases:
        key = phrase.casefold()
        if not key or key in seen or phrase_mark(kind, phrase) in imported:
            continue
        seen.add(key)
        added.append((phrase, tag))
    return tuple(added)


def _missing(
    items: tuple[str, ...],
    present: frozenset[str],
    key: object,
    mark: object,
    imported: frozenset[str],
) -> tuple[str, ...]:
    assert callable(key) and callable(mark)
    seen = set(present)
    added = []
    for item in items:
        item_key = key(item)
        if not item_key or item_key in seen or mark(item) in imported:
            continue
        seen.add(item_key)
        added.append(item)
    return tuple(added)


def describe_changes(changes: MergeChanges) -> str:
    """What ``changes`` adds, as an import shows it: "adds title, email, tags"."""
    added = (shown for name, shown in ADDED_NAMES.items() if getattr(changes, name))
    parts = [*changes.values, *added]
    return "adds " + ", ".join(part.replace("_", " ") for part in parts)
