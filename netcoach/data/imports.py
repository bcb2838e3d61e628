"""Bringing imported contacts into the network: one transaction, bulk inserts, merge by identity.

The same LinkedIn profile or the same email address is the same person. A
matched contact only gets what it lacks (see ``netcoach.core.imports.merge``);
everything else is created. The whole import is one transaction, so a file
that turns out to be unreadable half-way leaves the database as it was.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import replace
from datetime import date, datetime

from peewee import SqliteDatabase, chunked

from netcoach.core.cadence import MAX_INTERVAL_DAYS
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
from netcoach.core.network import GAINS, REASON_LABELS
from netcoach.core.text import noun, plural
from netcoach.core.validation import (
    LINE_MAX,
    NAME_MAX,
    NOTE_MAX,
    PHRASE_MAX,
    TAG_MAX,
    URL_MAX,
    looks_like_email,
    phone_problem,
    url_problem,
)
from netcoach.data.bulk_index import BulkSearchIndex
from netcoach.data.tables import (
    ContactReasonRecord,
    ContactRecord,
    ContactTagRecord,
    EmailRecord,
    ImportedFieldRecord,
    LevelChangeRecord,
    PhoneRecord,
    TagRecord,
    WantHaveRecord,
)
from netcoach.data.values import stored_datetime

Clock = Callable[[], datetime]
Progress = Callable[[int], None]
CHUNK = 500
LEVEL_OR_NONE = (None, 1, 2, 3, 4, 5)
INSERT_BATCH = 400
SOURCE_UPSERT = (
    "INSERT INTO contact_source (contact_id, linkedin_url, connected_on) VALUES (?, ?, ?) "
    "ON CONFLICT (contact_id) DO UPDATE SET "
    "linkedin_url = CASE WHEN contact_source.linkedin_url = '' "
    "THEN excluded.linkedin_url ELSE contact_source.linkedin_url END, "
    "connected_on = coalesce(contact_source.connected_on, excluded.connected_on)"
)
CONTACT_FIELDS = (
    "id",
    "name",
    *SCALAR_FIELDS,
    "level",
    "cadence_days",
    "is_advisor",
    "created_at",
    "updated_at",
    "last_interaction_at",
    "archived_at",
)
TEXT_LIMITS = {
    "name": NAME_MAX,
    "company": NAME_MAX,
    "title": NAME_MAX,
    "how_met": LINE_MAX,
    "where_met": NAME_MAX,
    "url": URL_MAX,
    "notes": NOTE_MAX,
    **{field: NOTE_MAX for field, _label, _prompt in GAINS},
}


class _DryRun(Exception):
    def __init__(self, summary: ImportSummary) -> None:
        super().__init__("dry run")
        self.summary = summary


class ImportRepo:
    """Runs imports against the database; call from a thread worker or the command line."""

    def __init__(self, db: SqliteDatabase, clock: Clock = datetime.now) -> None:
        self.db = db
        self.clock = clock

    def run(
        self,
        records: Iterable[ImportedContact],
        source: str,
        *,
        dry_run: bool = False,
        progress: Progress | None = None,
        preview_limit: int = 0,
        notices: list[str] | None = None,
    ) -> ImportSummary:
        """Import ``records`` in one transaction; with ``dry_run`` roll it back and only count.

        Any exception raised while reading ``records`` rolls back everything.
        """
        now = self.clock().replace(microsecond=0)
        with self.db.connection_context():
            try:
                with self.db.atomic("IMMEDIATE"):
                    run = _ImportRun(self.db, now, source, preview_limit)
                    for chunk in chunked(records, CHUNK):
                        run.process(chunk)
                        if progress is not None:
                            progress(run.seen)
                    run.finish()
                    summary = run.summary(notices or [])
                    if dry_run:
                        raise _DryRun(summary)
            except _DryRun as finished:
                summary = finished.summary
        return summary


class _ImportRun:
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
        self.dropped_emails = 0
        self.dropped_phones = 0
        self.dropped_urls = 0
        self.dropped_reasons = 0
        self.shortened = 0
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
        chunk = [self.cleaned(record) for record in chunk]
        states = self.load_states({cid for r in chunk if (cid := self.match(r)) is not None})
        batch = _Batch()
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

    def cleaned(self, record: ImportedContact) -> ImportedContact:
        """The record as the contact form would accept it: bad emails, URLs and numbers left out."""
        record = self.within_limits(record)
        emails = tuple(e.strip() for e in record.emails if looks_like_email(e.strip()))
        self.dropped_emails += len([e for e in record.emails if e.strip()]) - len(emails)
        phones = tuple(p.strip() for p in record.phones if p.strip() and not phone_problem(p))
        self.dropped_phones += len([p for p in record.phones if p.strip()]) - len(phones)
        url = record.url.strip()
        if url_problem(url):
            self.dropped_urls += 1
            url = ""
        name = " ".join(record.name.split())
        cadence = record.cadence_days
        reasons = tuple(r for r in record.reasons if r in REASON_LABELS)
        self.dropped_reasons += len(record.reasons) - len(reasons)
        tidy = (
            reasons == record.reasons
            and emails == record.emails
            and name == record.name
            and record.level in LEVEL_OR_NONE
            and (cadence is None or 1 <= cadence <= MAX_INTERVAL_DAYS)
            and url == record.url
            and phones == record.phones
            and not any(not t or t != t.strip() for t in record.tags)
        )
        if tidy:
            return record
        return replace(
            record,
            name=name,
            emails=emails,
            phones=phones,
            url=url,
            notes=record.notes.rstrip(),
            tags=tuple(t.strip() for t in record.tags if t.strip()),
            reasons=reasons,
            level=record.level if record.level in LEVEL_OR_NONE else None,
            cadence_days=cadence if cadence and 1 <= cadence <= MAX_INTERVAL_DAYS else None,
        )

    def within_limits(self, record: ImportedContact) -> ImportedContact:
        """The record with each text cut to what the contact form takes (counted for the note)."""
        long = {f: n for f, n in TEXT_LIMITS.items() if len(getattr(record, f)) > n}
        long_tags = any(len(t) > TAG_MAX for t in record.tags)
        phrases = (*record.wants, *record.haves)
        long_phrases = any(len(p) > PHRASE_MAX or len(t) > TAG_MAX for p, t in phrases)
        if not long and not long_tags and not long_phrases:
            return record
        self.shortened += 1
        cut = {f: getattr(record, f)[:n].rstrip() for f, n in long.items()}
        return replace(
            record,
            tags=tuple(t[:TAG_MAX] for t in record.tags),
            wants=tuple((p[:PHRASE_MAX].rstrip(), t[:TAG_MAX]) for p, t in record.wants),
            haves=tuple((p[:PHRASE_MAX].rstrip(), t[:TAG_MAX]) for p, t in record.haves),
            **cut,
        )

    def show(self, record: ImportedContact, action: str, detail: str) -> None:
        if len(self.preview) < self.preview_limit:
            self.preview.append(PreviewRow(record.where, action, record.name, detail))

    def create(self, record: ImportedContact, batch: _Batch) -> ExistingContact:
        contact_id = self.next_id
        self.next_id += 1
        level = record.level or 1
        values = [record.scalar(name) for name in SCALAR_FIELDS]
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
        batch: _Batch,
        reasons: tuple[str, ...],
        wants: tuple[tuple[str, str], ...],
        haves: tuple[tuple[str, str], ...],
    ) -> None:
        """Queue the reasons to network, wants and haves that a vCard brought."""
        batch.reasons.extend((contact_id, reason) for reason in reasons)
        for kind, phrases in (("want", wants), ("have", haves)):
            batch.phrases.extend((contact_id, kind, p, t, self.stamp) for p, t in phrases)

    def change(
        self, state: ExistingContact, changes: MergeChanges, batch: _Batch
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
        if not ids:
            return {}
        marks = ",".join("?" * len(ids))
        params = list(ids)

        def grouped(sql: str) -> dict[int, list[str]]:
            found: dict[int, list[str]] = {}
            for contact_id, value in self.db.execute_sql(sql.format(marks), params):
                found.setdefault(contact_id, []).append(value)
            return found

        emails = grouped("SELECT contact_id, address FROM contact_email WHERE contact_id IN ({})")
        phones = grouped("SELECT contact_id, number FROM contact_phone WHERE contact_id IN ({})")
        tags = grouped(
            "SELECT ct.contact_id, t.name FROM contact_tag ct JOIN tag t ON t.id = ct.tag_id "
            "WHERE ct.contact_id IN ({})"
        )
        imported = grouped(
            "SELECT contact_id, field FROM contact_imported_field WHERE contact_id IN ({})"
        )
        reasons = grouped("SELECT contact_id, reason FROM contact_reason WHERE contact_id IN ({})")
        phrases: dict[tuple[int, str], set[str]] = {}
        for contact_id, kind, phrase in self.db.execute_sql(
            f"SELECT contact_id, kind, phrase FROM want_have WHERE contact_id IN ({marks})", params
        ):
            phrases.setdefault((contact_id, kind), set()).add(phrase.casefold())
        sources = {
            contact_id: (url, connected)
            for contact_id, url, connected in self.db.execute_sql(
                "SELECT contact_id, linkedin_url, connected_on FROM contact_source "
                f"WHERE contact_id IN ({marks})",
                params,
            )
        }
        columns = ", ".join(SCALAR_FIELDS)
        states = {}
        for row in self.db.execute_sql(
            f"SELECT id, name, {columns} FROM contact WHERE id IN ({marks})", params
        ):
            contact_id, name, *values = row
            url, connected = sources.get(contact_id, ("", None))
            states[contact_id] = ExistingContact(
                id=contact_id,
                name=name,
                values=dict(zip(SCALAR_FIELDS, values, strict=True)),
                emails=frozenset(email_key(e) for e in emails.get(contact_id, [])),
                phones=frozenset(phone_key(p) for p in phones.get(contact_id, [])),
                tags=frozenset(t.casefold() for t in tags.get(contact_id, [])),
                linkedin_url=url,
                connected_on=date.fromisoformat(connected) if connected else None,
                imported=frozenset(imported.get(contact_id, [])),
                reasons=frozenset(reasons.get(contact_id, [])),
                wants=frozenset(phrases.get((contact_id, "want"), ())),
                haves=frozenset(phrases.get((contact_id, "have"), ())),
            )
        return states

    def summary(self, notices: list[str]) -> ImportSummary:
        extra = []
        if self.shortened:
            extra.append(
                f"{plural(self.shortened, 'record')} had text longer "
                "than the form takes, cut to fit (names 200 characters, notes 64 KB)"
            )
        if self.dropped_emails:
            extra.append(
                f"{plural(self.dropped_emails, 'value')} that "
                + noun(
                    self.dropped_emails,
                    "is not an email address was",
                    "are not email addresses were",
                )
                + " left out"
            )
        if self.dropped_phones:
            extra.append(
                f"{plural(self.dropped_phones, 'value')} that "
                + noun(
                    self.dropped_phones,
                    "is not a phone number was",
                    "are not phone numbers were",
                )
                + " left out"
            )
        if self.dropped_urls:
            extra.append(
                f"{plural(self.dropped_urls, 'value')} that "
                + noun(
                    self.dropped_urls,
                    "is not a web address was",
                    "are not web addresses were",
                )
                + " left out (only http://, https:// or a bare domain is kept)"
            )
        if self.dropped_reasons:
            extra.append(
                f"{plural(self.dropped_reasons, 'reason to network', 'reasons to network')} "
                f"netcoach does not know {noun(self.dropped_reasons, 'was', 'were')} left out"
            )
        return ImportSummary(
            imported=self.imported,
            updated=self.updated,
            skipped=self.skipped,
            notices=(*notices, *extra),
            preview=tuple(self.preview),
        )


class _Batch:
    """Rows gathered for one chunk, written with bulk inserts."""

    def __init__(self) -> None:
        self.contacts: list[tuple[object, ...]] = []
        self.levels: list[tuple[object, ...]] = []
        self.emails: list[tuple[object, ...]] = []
        self.phones: list[tuple[object, ...]] = []
        self.tags: list[tuple[object, ...]] = []
        self.sources: list[tuple[object, ...]] = []
        self.marks: list[tuple[object, ...]] = []
        self.reasons: list[tuple[object, ...]] = []
        self.phrases: list[tuple[object, ...]] = []
        self.updates: dict[int, dict[str, str]] = {}

    def flush(self, db: SqliteDatabase, now: datetime, search: BulkSearchIndex) -> None:
        _insert(db, ContactRecord, CONTACT_FIELDS, self.contacts)
        first_new = self.contacts[0][0] if self.contacts else None
        if not search.handles_children and first_new is not None:
            search.index_new(first_new, self.contacts[-1][0])
        _insert(
            db,
            LevelChangeRecord,
            ("contact_id", "from_level", "to_level", "reason", "changed_at"),
            self.levels,
        )
        _insert(db, EmailRecord, ("contact_id", "address", "position"), self.emails)
        _insert(db, PhoneRecord, ("contact_id", "number", "position"), self.phones)
        _insert(db, ContactTagRecord, ("contact_id", "tag_id"), self.tags, ignore=True)
        _insert(db, ImportedFieldRecord, ("contact_id", "field"), self.marks, ignore=True)
        _insert(db, ContactReasonRecord, ("contact_id", "reason"), self.reasons, ignore=True)
        _insert(
            db,
            WantHaveRecord,
            ("contact_id", "kind", "phrase", "tag", "created_at"),
            self.phrases,
        )
        if search.handles_children:
            if first_new is not None:
                search.index_new(first_new, self.contacts[-1][0])
            search.refresh(
                cid
                for cid, *_rest in (*self.emails, *self.tags)
                if first_new is None or cid < first_new  # type: ignore[operator]
            )
        if self.sources:
            db.cursor().executemany(
                SOURCE_UPSERT,
                [(cid, url, on.isoformat() if on else None) for cid, url, on in self.sources],
            )
        for contact_id, values in self.updates.items():
            ContactRecord.update(**values, updated_at=now).where(
                ContactRecord.id == contact_id
            ).execute()


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


def _insert(
    db: SqliteDatabase,
    model: type,
    columns: tuple[str, ...],
    rows: list[tuple[object, ...]],
    ignore: bool = False,
) -> None:
    """Bulk-insert ``rows`` into the model's table with one prepared statement.

    Peewee's ``insert_many`` spends most of an import building SQL text, so the
    statement is prepared once and run over every row of the chunk.
    """
    if not rows:
        return
    table = model._meta.table_name  # type: ignore[attr-defined]
    verb = "INSERT OR IGNORE" if ignore else "INSERT"
    sql = f"{verb} INTO {table} ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})"
    db.cursor().executemany(sql, rows)
