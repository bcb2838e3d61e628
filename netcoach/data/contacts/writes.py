"""Every change to a contact: add, edit, log a touch, move a level (and undo it), archive.

Call these from thread workers only; each write is one transaction.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import replace
from datetime import datetime

from netcoach.core.cadence import INTERVALS_SETTING, MAX_INTERVAL_DAYS
from netcoach.core.important_dates import stored_or_blank
from netcoach.core.levels import LevelError, change_reason, check_level, level_name
from netcoach.core.merge import RecordChanged, find_clashes, to_write
from netcoach.core.models import Contact, ContactDraft, Interaction, LevelChange
from netcoach.core.network import GAINS, check_reason
from netcoach.core.text import one_line
from netcoach.core.touches import INTERACTION_KINDS, TOUCH_NOTE_MAX
from netcoach.core.validation import normalise_draft, validate_contact
from netcoach.core.when import TOUCHED, WhenError
from netcoach.data.contacts.reads import ContactReads
from netcoach.data.errors import LevelMoveError, NotFoundError, ValidationError
from netcoach.data.tables import (
    ContactReasonRecord,
    ContactRecord,
    ContactTagRecord,
    EmailRecord,
    InteractionRecord,
    LevelChangeRecord,
    PhoneRecord,
    TagRecord,
    WantHaveRecord,
)

CHILD_FIELDS = ("emails", "phones", "tags", "reasons")


class ContactWrites(ContactReads):
    """Writes to contacts; each returns what was written, as ``core`` dataclasses."""

    def add_contact(self, draft: ContactDraft, reason: str = "Added to netcoach") -> Contact:
        """Validate and save a new contact with its first level record; one transaction."""
        draft = self._checked(draft)
        now = self._now()
        with self.db.connection_context(), self.db.atomic("IMMEDIATE"):
            record = ContactRecord.create(**_stored_fields(draft), created_at=now, updated_at=now)
            self._write_children(record.id, draft)
            self._write_phrases(record.id, draft, now)
            LevelChangeRecord.create(
                contact=record.id,
                from_level=None,
                to_level=draft.level,
                reason=reason,
                changed_at=now,
            )
        return self.get_contact(record.id)

    def update_contact(self, contact_id: int, draft: ContactDraft) -> Contact:
        """Validate and save every field of an existing contact; a level change is recorded."""
        draft = self._checked(draft)
        now = self._now()
        with self.db.connection_context(), self.db.atomic("IMMEDIATE"):
            record = ContactRecord.get_or_none(ContactRecord.id == contact_id)
            if record is None:
                raise NotFoundError(f"no contact with id {contact_id}")
            every_field = set(ContactDraft.__dataclass_fields__)
            self._write_fields(contact_id, record.level, draft, every_field, now)
        return self.get_contact(contact_id)

    def save_contact_changes(
        self, contact_id: int, opened: Mapping[str, object], changes: Mapping[str, object]
    ) -> tuple[Contact, dict[str, object]]:
        """Write only ``changes`` (field -> new value, as in ``ContactDraft``) to a contact.

        ``opened`` holds each changed field as the form opened with it. In one
        transaction the contact is read as it is now; when another copy changed one
        of these fields since (to something else than typed here), ``RecordChanged``
        lists each clash and nothing is written. Fields not in ``changes`` keep what
        the database holds. Returns the saved contact and the values the write
        replaced (for undo); a level change is recorded.
        """
        unknown = set(changes) - set(ContactDraft.__dataclass_fields__)
        if unknown:
            raise ValueError(f"not contact fields: {', '.join(sorted(unknown))}")
        now = self._now()
        with self.db.connection_context(), self.db.atomic("IMMEDIATE"):
            current = self.get_contact(contact_id).to_draft()
            values = {name: getattr(current, name) for name in ContactDraft.__dataclass_fields__}
            draft = normalise_draft(replace(current, **changes))  # type: ignore[arg-type]
            typed = {name: getattr(draft, name) for name in changes}
            clashes = find_clashes(opened, values, typed, same_contact_value)
            if clashes:
                raise RecordChanged(clashes)
            errors = {f: m for f, m in validate_contact(draft).items() if f in typed}
            if errors:
                raise ValidationError(errors)
            written = to_write(values, typed, same_contact_value)
            if written:
                self._write_fields(contact_id, current.level, draft, set(written), now)
            replaced = {name: values[name] for name in written}
        return self.get_contact(contact_id), replaced

    def _write_fields(
        self, contact_id: int, old_level: int, draft: ContactDraft, fields: set[str], now: datetime
    ) -> None:
        columns = {k: v for k, v in _stored_fields(draft).items() if k in fields}
        ContactRecord.update(**columns, updated_at=now).where(
            ContactRecord.id == contact_id
        ).execute()
        children = {
            "emails": EmailRecord,
            "phones": PhoneRecord,
            "tags": ContactTagRecord,
            "reasons": ContactReasonRecord,
        }
        for name, table in children.items():
            if name in fields:
                table.delete().where(table.contact == contact_id).execute()  # type: ignore[attr-defined]
        self._write_children(contact_id, draft, fields)
        kinds = tuple(kind for kind in ("want", "have") if f"{kind}s" in fields)
        if kinds:
            self._write_phrases(contact_id, draft, now, kinds)
        if "level" in fields and old_level != draft.level:
            LevelChangeRecord.create(
                contact=contact_id,
                from_level=old_level,
                to_level=draft.level,
                reason="Changed in the contact form",
                changed_at=now,
            )

    def log_interaction(
        self, contact_id: int, kind: str, note: str = "", when: datetime | None = None
    ) -> Interaction:
        """Record a touch with a contact, now or at ``when`` (never later than now); it resets
        their keep-in-touch clock when it is their latest touch (the database's triggers)."""
        if kind not in INTERACTION_KINDS:
            raise ValidationError({"kind": f"Unknown kind of interaction: {kind}"})
        if len(note) > TOUCH_NOTE_MAX:
            raise ValidationError(
                {"note": f"A touch's note takes at most {TOUCH_NOTE_MAX:,} characters."}
            )
        now = self.clock()
        happened = (when or now).replace(microsecond=0)
        try:
            TOUCHED.check(happened, now)
        except WhenError as error:
            raise ValidationError({"when": str(error)}) from None
        with self.db.connection_context(), self.db.atomic("IMMEDIATE"):
            if not ContactRecord.select().where(ContactRecord.id == contact_id).exists():
                raise NotFoundError(f"no contact with id {contact_id}")
            record = InteractionRecord.create(
                contact=contact_id, kind=kind, happened_at=happened, note=note
            )
        return Interaction(record.id, contact_id, kind, happened, note)

    # ---- levels ---------------------------------------------------------------------------

    def move_level(
        self, contact_id: int, to_level: int, reason: str, from_level: int | None = None
    ) -> LevelChange:
        """Move a contact to ``to_level``, recording the dated change and its reason.

        Given ``from_level`` (the level the person saw), a contact moved since by another
        copy of netcoach is refused rather than moved from somewhere else. Refusals raise
        LevelMoveError with a sentence saying why (NotFoundError for a contact no longer
        there); nothing is written then.
        """
        reason = change_reason(reason)
        if not reason:
            raise LevelMoveError("a level change needs a short reason")
        now = self._now()
        with self.db.connection_context(), self.db.atomic("IMMEDIATE"):
            name, old_level = self._name_and_level(contact_id)
            try:
                new_level = check_level(to_level)
            except LevelError as error:
                raise LevelMoveError(f"{one_line(name, 60)} cannot move: {error}") from None
            if from_level is not None and old_level != from_level:
                raise LevelMoveError(
                    f"{one_line(name, 60)} has moved since, to level {old_level} "
                    f"{level_name(old_level)}"
                )
            if new_level == old_level:
                raise LevelMoveError(
                    f"{one_line(name, 60)} is already at level {old_level} {level_name(old_level)}"
                )
            self._set_level(contact_id, new_level, now)
            cursor = self.db.execute_sql(
                "INSERT INTO level_change (contact_id, from_level, to_level, reason, changed_at) "
                "VALUES (?, ?, ?, ?, ?)",
                [contact_id, old_level, new_level, reason, now],
            )
            change_id = cursor.lastrowid
        return LevelChange(change_id, contact_id, old_level, new_level, reason, now)

    def undo_level_change(self, change: LevelChange) -> None:
        """Put the level back as it was before ``change`` and forget the change, so the
        history (and the review's count of level movements) reads as if the slip never
        happened. Refused (LevelMoveError, nothing written) once the contact has moved
        again since, even back to the same level; NotFoundError when the contact is gone."""
        contact_id, change_id = change.contact_id, change.id
        if change.from_level is None:
            raise LevelMoveError("a contact's first level is not a move to undo")
        with self.db.connection_context(), self.db.atomic("IMMEDIATE"):
            name, level = self._name_and_level(contact_id)
            latest = self.db.execute_sql(
                "SELECT id FROM level_change WHERE contact_id = ? ORDER BY id DESC LIMIT 1",
                [contact_id],
            ).fetchone()
            if level != change.to_level or latest is None or latest[0] != change_id:
                raise LevelMoveError(
                    f"{one_line(name, 60)} has moved since and is now at "
                    f"level {level} {level_name(level)}"
                )
            self._set_level(contact_id, check_level(change.from_level), self._now())
            self.db.execute_sql("DELETE FROM level_change WHERE id = ?", [change_id])

    def _name_and_level(self, contact_id: int) -> tuple[str, int]:
        found = self.db.execute_sql(
            "SELECT name, level FROM contact WHERE id = ?", [contact_id]
        ).fetchone()
        if found is None:
            raise NotFoundError(f"no contact with id {contact_id}")
        return str(found[0]), int(found[1])

    def _set_level(self, contact_id: int, level: int, now: datetime) -> None:
        self.db.execute_sql(
            "UPDATE contact SET level = ?, updated_at = ? WHERE id = ?", [level, now, contact_id]
        )

    # ---- archive and keep in touch --------------------------------------------------------

    def set_archived(self, contact_id: int, archived: bool) -> str:
        """Hide (or bring back) a contact, keeping every bit of its history; returns the name."""
        with self.db.connection_context(), self.db.atomic("IMMEDIATE"):
            found = self.db.execute_sql(
                "SELECT name FROM contact WHERE id = ?", [contact_id]
            ).fetchone()
            if found is None:
                raise LookupError(f"no contact with id {contact_id}")
            self.db.execute_sql(
                "UPDATE contact SET archived_at = ?, updated_at = ? WHERE id = ?",
                [self._now() if archived else None, self._now(), contact_id],
            )
        return str(found[0])

    def set_cadence_intervals(self, intervals: dict[int, int | None]) -> None:
        """Store the days between touches per level; every next-due date follows (trigger)."""
        clean: dict[str, int | None] = {}
        for level, days in intervals.items():
            number = check_level(level)
            if days is not None and not 1 <= int(days) <= MAX_INTERVAL_DAYS:
                raise ValueError(f"days between touches must be from 1 to {MAX_INTERVAL_DAYS}")
            clean[str(number)] = None if days is None else int(days)
        with self.db.connection_context(), self.db.atomic("IMMEDIATE"):
            self.db.execute_sql(
                "INSERT INTO setting (key, value) VALUES (?, ?) "
                "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                [INTERVALS_SETTING, json.dumps(clean, sort_keys=True)],
            )

    def _checked(self, draft: ContactDraft) -> ContactDraft:
        draft = normalise_draft(draft)
        errors = validate_contact(draft)
        if errors:
            raise ValidationError(errors)
        return draft

    def _write_children(
        self, contact_id: int, draft: ContactDraft, fields: Iterable[str] = CHILD_FIELDS
    ) -> None:
        """Insert the draft's emails, phones, tags and reasons (those named in ``fields``)."""
        fields = set(fields)
        if draft.emails and "emails" in fields:
            EmailRecord.insert_many(
                [
                    {"contact": contact_id, "address": a, "position": i}
                    for i, a in enumerate(draft.emails)
                ]
            ).execute()
        if draft.phones and "phones" in fields:
            PhoneRecord.insert_many(
                [
                    {"contact": contact_id, "number": n, "position": i}
                    for i, n in enumerate(draft.phones)
                ]
            ).execute()
        for name in dict.fromkeys(draft.tags if "tags" in fields else ()):
            tag, _ = TagRecord.get_or_create(name=name)
            ContactTagRecord.insert(contact=contact_id, tag=tag.id).on_conflict_ignore().execute()
        for reason in dict.fromkeys(draft.reasons if "reasons" in fields else ()):
            ContactReasonRecord.insert(
                contact=contact_id, reason=check_reason(reason)
            ).on_conflict_ignore().execute()

    def _write_phrases(
        self,
        contact_id: int,
        draft: ContactDraft,
        now: datetime,
        kinds: tuple[str, ...] = ("want", "have"),
    ) -> None:
        """Keep the wants and haves in step with the draft, leaving unchanged phrases alone."""
        for kind, phrases in (("want", draft.wants), ("have", draft.haves)):
            if kind not in kinds:
                continue
            wanted = {p.casefold(): p for p in phrases}
            existing = {
                r.phrase.casefold(): r.id
                for r in WantHaveRecord.select().where(
                    (WantHaveRecord.contact == contact_id) & (WantHaveRecord.kind == kind)
                )
            }
            gone = [i for folded, i in existing.items() if folded not in wanted]
            if gone:
                WantHaveRecord.delete().where(WantHaveRecord.id.in_(gone)).execute()
            for folded, phrase in wanted.items():
                if folded not in existing:
                    WantHaveRecord.create(
                        contact=contact_id, kind=kind, phrase=phrase, tag="", created_at=now
                    )


def same_contact_value(field: str, first: object, second: object) -> bool:
    """Whether two values of a contact field are the same as stored: tags, reasons, wants
    and haves are sets (tags and phrases regardless of case); the rest compare as they are."""
    if field in ("tags", "wants", "haves") and isinstance(first, tuple | list):
        assert isinstance(second, tuple | list)
        return {str(v).casefold() for v in first} == {str(v).casefold() for v in second}
    if field == "reasons" and isinstance(first, tuple | list):
        assert isinstance(second, tuple | list)
        return set(first) == set(second)
    if isinstance(first, list | tuple) and isinstance(second, list | tuple):
        return tuple(first) == tuple(second)
    return first == second


def _stored_fields(draft: ContactDraft) -> dict[str, object]:
    """The contact columns a draft sets, for both adding and editing."""
    return {
        "name": draft.name,
        "company": draft.company,
        "title": draft.title,
        "url": draft.url,
        "how_met": draft.how_met,
        "where_met": draft.where_met,
        "notes": draft.notes,
        "level": draft.level,
        "cadence_days": draft.cadence_days,
        "is_advisor": draft.is_advisor,
        **{field: getattr(draft, field) for field, _l, _p in GAINS},
        "birthday": stored_or_blank(draft.birthday),
        "anniversary": stored_or_blank(draft.anniversary),
    }
