"""What an import reads from a file, and the rules for merging it into the network."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

# Scalar contact fields an import may fill in, in the order they are shown.
SCALAR_FIELDS = ("company", "title", "url", "how_met", "where_met", "notes")
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


@dataclass(frozen=True, slots=True)
class MergeChanges:
    """What an import adds to an existing contact; empty when nothing changes."""

    values: dict[str, str] = field(default_factory=dict)
    emails: tuple[str, ...] = ()
    phones: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    linkedin_url: str = ""
    connected_on: date | None = None

    def __bool__(self) -> bool:
        return bool(
            self.values
            or self.emails
            or self.phones
            or self.tags
            or self.linkedin_url
            or self.connected_on
        )

    def marks(self) -> list[str]:
        """The imported-field markers these changes leave behind."""
        return [
            *self.values,
            *(email_mark(e) for e in self.emails),
            *(phone_mark(p) for p in self.phones),
            *(tag_mark(t) for t in self.tags),
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


def merge(existing: ExistingContact, incoming: ImportedContact) -> MergeChanges:
    """Fill in what is blank, add what is missing; never overwrite, never undo a user's edit.

    A field an earlier import filled in and that is blank now was cleared by the
    user, so it stays blank; the same goes for a removed email, phone or tag.
    Levels, names and the advisor flag are never touched.
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
    linkedin = incoming.linkedin_url
    return MergeChanges(
        values=values,
        emails=emails,
        phones=phones,
        tags=tags,
        linkedin_url=linkedin if linkedin and not existing.linkedin_url else "",
        connected_on=incoming.connected_on if existing.connected_on is None else None,
    )


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
    parts = list(changes.values)
    if changes.emails:
        parts.append("email")
    if changes.phones:
        parts.append("phone")
    if changes.tags:
        parts.append("tags")
    if changes.linkedin_url:
        parts.append("LinkedIn profile")
    if changes.connected_on:
        parts.append("connected on")
    return "adds " + ", ".join(p.replace("_", " ") for p in parts)
