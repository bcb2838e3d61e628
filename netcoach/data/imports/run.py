"""One import run: the identity indexes, matching, creating and merging, a chunk at a time.

The same card (UID), LinkedIn profile or email address is the same person; a matched
contact only gets what it lacks (see ``netcoach.core.imports.merge``).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import datetime
from operator import attrgetter

from peewee import SqliteDatabase

from netcoach.core.exports import UID_MARK, contact_uid
from netcoach.core.imports import (
    SCALAR_FIELDS,
    ExistingContact,
    ImportedContact,
    ImportSummary,
    MergeChanges,
    PreviewRow,
    describe_changes,
    email_key,
    email_mark,
    merge,
    normalise_linkedin,
    phone_key,
    phone_mark,
    phrase_mark,
    reason_mark,
    tag_mark,
)
from netcoach.data.bulk_index import BulkSearchIndex
from netcoach.data.imports.batch import Batch
from netcoach.data.imports.cleaning import Cleaner
from netcoach.data.imports.states import load_states
from netcoach.data.tables import TagRecord
from netcoach.data.values import stored_datetime

CHUNK = 500
SCALARS = attrgetter(*SCALAR_FIELDS)  # a record's scalar fields, in column order


class ImportRun:
    """The state of one import: identity indexes and counts, flushed a chunk at a time."""

    def __init__(self, db: SqliteDatabase, now: datetime, source: str, preview_limit: int) -> None:
        self.db = db
        self.now = now
        self.stamp = now.isoformat(sep=" ")  # as peewee stores a DateTimeField
        self.reason = f"Imported from {source}"
        self.source = source
        self.preview_limit = preview_limit
        self.preview: list[PreviewRow] = []
        self.imported = self.updated = self.skipped = self.seen = 0
        self.cleaner = Cleaner()
        # A card's UID names its contact: the UID of every contact (netcoach's own, or the
        # one its card brought), read when the first card with a UID comes.
        self.by_uid: dict[str, int] | None = None
        self.uid_in_file: dict[int, str] = {}  # contact → the UID of the card it came from
        self.by_email: dict[str, int] = {}
        self.by_linkedin: dict[str, int] = {}
        for address, contact_id in db.execute_sql("SELECT address, contact_id FROM contact_email"):
            self.by_email.setdefault(email_key(address), contact_id)
        for url, contact_id in db.execute_sql(
            "SELECT linkedin_url, contact_id FROM contact_source WHERE linkedin_url <> '' "
            "UNION ALL SELECT url, id FROM contact WHERE url LIKE '%linkedin.com/%'"
        ):
            key = normalise_linkedin(url)
            if key:
                self.by_linkedin.setdefault(key, contact_id)
        self.by_name: dict[str, int] = {}
        for contact_id, name in db.execute_sql("SELECT id, name FROM contact ORDER BY id"):
            self.by_name.setdefault(" ".join(name.split()).casefold(), contact_id)
        self.next_id = (db.execute_sql("SELECT max(id) FROM contact").fetchone()[0] or 0) + 1
        self.search = BulkSearchIndex(db)
        self.tag_ids: dict[str, int] = {}  # exact spelling, then casefolded
        for tag_id, name in db.execute_sql("SELECT id, name FROM tag ORDER BY id"):
            self.tag_ids[name] = tag_id
            self.tag_ids.setdefault(name.casefold(), tag_id)

    def match(self, record: ImportedContact) -> int | None:
        """The same card (UID); then the same LinkedIn profile or email; failing those, the
        same name when that is all. Two cards of one file with different UIDs stay two."""
        if not record.uid:
            return self.match_person(record)
        found = self.uids().get(record.uid)
        if found is not None:
            return found
        found = self.match_person(record)
        if found is not None and self.uid_in_file.get(found, record.uid) != record.uid:
            return None
        return found

    def uids(self) -> dict[str, int]:
        if self.by_uid is None:
            self.by_uid = {
                contact_uid(contact_id, stored_datetime(created)): contact_id
                for contact_id, created in self.db.execute_sql("SELECT id, created_at FROM contact")
            }
            for contact_id, field in self.db.execute_sql(
                "SELECT contact_id, field FROM contact_imported_field WHERE field LIKE ?",
                [UID_MARK + "%"],
            ):
                self.by_uid[field.removeprefix(UID_MARK)] = contact_id
        return self.by_uid

    def match_person(self, record: ImportedContact) -> int | None:
        linkedin = record.linkedin_url
        if linkedin and linkedin in self.by_linkedin:
            return self.by_linkedin[linkedin]
        for address in record.emails:
            found = self.by_email.get(email_key(address))
            if found is not None:
                return found
        if not linkedin and not record.emails and record.name:
            return self.by_name.get(record.name.casefold())
        return None

    def process(self, chunk: list[ImportedContact]) -> None:
        chunk = [self.cleaner.cleaned(record) for record in chunk]
        states = self.load_states({cid for r in chunk if (cid := self.match(r)) is not None})
        batch = Batch()
        for record in chunk:
            self.seen += 1
            contact_id = self.match(record)
            if contact_id is None:
                if not record.name:
                    self.skipped += 1
                    self.show(record, "skip", "no name (a deleted account?)")
                    continue
                created = self.create(record, batch)
                states[created.id] = created
                self.remember_uid(record, created.id)
                self.imported += 1
                self.show(
                    record, "create", " · ".join(filter(None, (record.company, record.title)))
                )
                continue
            if contact_id not in states:  # matched through a key added earlier in this chunk
                states.update(self.load_states({contact_id}))
            state = states[contact_id]
            self.remember_uid(record, contact_id)
            changes = merge(state, record)
            if not changes:
                self.skipped += 1
                self.show(record, "skip", "already up to date")
                continue
            states[contact_id] = self.change(state, changes, batch)
            self.updated += 1
            self.show(record, "update", describe_changes(changes))
        batch.flush(self.db, self.now, self.search)

    def remember_uid(self, record: ImportedContact, contact_id: int) -> None:
        if record.uid:
            self.uid_in_file.setdefault(contact_id, record.uid)
            self.uids().setdefault(record.uid, contact_id)

    def finish(self) -> None:
        """Put back the per-row search trigger that bulk indexing stood in for."""
        self.search.restore()

    def show(self, record: ImportedContact, action: str, detail: str) -> None:
        if len(self.preview) < self.preview_limit:
            self.preview.append(PreviewRow(record.where, action, record.name, detail))

    def create(self, record: ImportedContact, batch: Batch) -> ExistingContact:
        contact_id = self.next_id
        self.next_id += 1
        level = record.level or 1
        values = list(map(str, SCALARS(record)))
        batch.contacts.append(
            (
                contact_id,
                record.name,
                *values,
                level,
                record.cadence_days,
                int(record.is_advisor),
                _stored(record.created_at) or self.stamp,
                self.stamp,
                _stored(record.last_interaction_at),
                _stored(record.archived_at),
            )
        )
        batch.levels.append((contact_id, None, level, self.reason, self.stamp))
        self.by_name.setdefault(record.name.casefold(), contact_id)
        marks = [name for name, value in zip(SCALAR_FIELDS, values, strict=True) if value]
        emails = _distinct(record.emails, email_key)
        phones = _distinct(record.phones, phone_key)
        tags = _distinct(record.tags, str.casefold)
        for position, address in enumerate(emails.values()):
            batch.emails.append((contact_id, address, position))
            self.by_email.setdefault(email_key(address), contact_id)
            marks.append(email_mark(address))
        for position, number in enumerate(phones.values()):
            batch.phones.append((contact_id, number, position))
            marks.append(phone_mark(number))
        for tag in tags.values():
            batch.tags.append((contact_id, self.tag_id(tag)))
            marks.append(tag_mark(tag))
        reasons = tuple(dict.fromkeys(record.reasons))
        wants = _distinct_phrases(record.wants)
        haves = _distinct_phrases(record.haves)
        self.add_extras(contact_id, batch, reasons, wants, haves)
        marks.extend(reason_mark(r) for r in reasons)
        marks.extend(phrase_mark("want", p) for p, _tag in wants)
        marks.extend(phrase_mark("have", p) for p, _tag in haves)
        if record.uid and record.uid not in self.uids():
            marks.append(UID_MARK + record.uid)
        if record.linkedin_url or record.connected_on:
            batch.sources.append((contact_id, record.linkedin_url, record.connected_on))
            if record.linkedin_url:
                self.by_linkedin.setdefault(record.linkedin_url, contact_id)
        batch.marks.extend((contact_id, mark) for mark in marks)
        return ExistingContact(
            id=contact_id,
            name=record.name,
            values=dict(zip(SCALAR_FIELDS, values, strict=True)),
            emails=frozenset(emails),
            phones=frozenset(phones),
            tags=frozenset(tags),
            linkedin_url=record.linkedin_url,
            connected_on=record.connected_on,
            imported=frozenset(marks),
            reasons=frozenset(reasons),
            wants=frozenset(p.casefold() for p, _tag in wants),
            haves=frozenset(p.casefold() for p, _tag in haves),
        )

    def add_extras(
        self,
        contact_id: int,
        batch: Batch,
        reasons: tuple[str, ...],
        wants: tuple[tuple[str, str], ...],
        haves: tuple[tuple[str, str], ...],
    ) -> None:
        """Queue the reasons to network, wants and haves that a vCard brought."""
        if not (reasons or wants or haves):
            return
        batch.reasons.extend((contact_id, reason) for reason in reasons)
        for kind, phrases in (("want", wants), ("have", haves)):
            batch.phrases.extend((contact_id, kind, p, t, self.stamp) for p, t in phrases)

    def change(
        self, state: ExistingContact, changes: MergeChanges, batch: Batch
    ) -> ExistingContact:
        contact_id = state.id
        if changes.values:
            batch.updates.setdefault(contact_id, {}).update(changes.values)
        for position, address in enumerate(changes.emails, start=len(state.emails)):
            batch.emails.append((contact_id, address, position))
            self.by_email.setdefault(email_key(address), contact_id)
        for position, number in enumerate(changes.phones, start=len(state.phones)):
            batch.phones.append((contact_id, number, position))
        for tag in changes.tags:
            batch.tags.append((contact_id, self.tag_id(tag)))
        self.add_extras(contact_id, batch, changes.reasons, changes.wants, changes.haves)
        if changes.linkedin_url or changes.connected_on:
            batch.sources.append((contact_id, changes.linkedin_url, changes.connected_on))
            if changes.linkedin_url:
                self.by_linkedin.setdefault(changes.linkedin_url, contact_id)
        marks = changes.marks()
        batch.marks.extend((contact_id, mark) for mark in marks)
        return replace(
            state,
            values={**state.values, **changes.values},
            emails=state.emails | {email_key(e) for e in changes.emails},
            phones=state.phones | {phone_key(p) for p in changes.phones},
            tags=state.tags | {t.casefold() for t in changes.tags},
            linkedin_url=state.linkedin_url or changes.linkedin_url,
            connected_on=state.connected_on or changes.connected_on,
            imported=state.imported | set(marks),
            reasons=state.reasons | set(changes.reasons),
            wants=state.wants | {p.casefold() for p, _tag in changes.wants},
            haves=state.haves | {p.casefold() for p, _tag in changes.haves},
        )

    def tag_id(self, name: str) -> int:
        """The tag spelt exactly so, else one that differs only in case, else a new one."""
        found = self.tag_ids.get(name)
        if found is None:
            found = self.tag_ids.get(name.casefold())
        if found is None:
            TagRecord.insert(name=name).on_conflict_ignore().execute()
            found = TagRecord.get(TagRecord.name == name).id
            self.tag_ids[name] = found
            self.tag_ids.setdefault(name.casefold(), found)
        return found

    def load_states(self, ids: set[int]) -> dict[int, ExistingContact]:
        """The current fields, items and import marks of the contacts in ``ids``."""
        return load_states(self.db, ids)

    def summary(self, notices: list[str]) -> ImportSummary:
        """The counts, the notices of the readers and of the cleaning, and the preview."""
        return ImportSummary(
            imported=self.imported,
            updated=self.updated,
            skipped=self.skipped,
            notices=(*notices, *self.cleaner.notices()),
            preview=tuple(self.preview),
        )


def _distinct_phrases(phrases: tuple[tuple[str, str], ...]) -> tuple[tuple[str, str], ...]:
    found: dict[str, tuple[str, str]] = {}
    for phrase, tag in phrases:
        if phrase.strip():
            found.setdefault(phrase.casefold(), (phrase, tag))
    return tuple(found.values())


def _stored(value: datetime | None) -> str | None:
    """A date and time as peewee stores a DateTimeField."""
    return value.isoformat(sep=" ") if value else None


def _distinct(items: tuple[str, ...], key: Callable[[str], str]) -> dict[str, str]:
    found: dict[str, str] = {}
    for item in items:
        found.setdefault(key(item), item)
    found.pop("", None)
    return found
