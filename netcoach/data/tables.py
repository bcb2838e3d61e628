"""Peewee models over the tables the migrations create; they never leave ``netcoach.data``."""

from __future__ import annotations

from peewee import (
    AutoField,
    BooleanField,
    CompositeKey,
    DateField,
    DateTimeField,
    FloatField,
    ForeignKeyField,
    IntegerField,
    Model,
    TextField,
)

from netcoach.data.db import database


class BaseRecord(Model):
    class Meta:
        database = database


class ContactRecord(BaseRecord):
    id = AutoField()
    name = TextField()
    company = TextField(default="")
    title = TextField(default="")
    url = TextField(default="")
    how_met = TextField(default="")
    where_met = TextField(default="")
    notes = TextField(default="")
    level = IntegerField(default=1)
    cadence_days = IntegerField(null=True)
    is_advisor = BooleanField(default=False)
    archived_at = DateTimeField(null=True)
    created_at = DateTimeField()
    updated_at = DateTimeField()
    last_interaction_at = DateTimeField(null=True)
    next_due_on = DateField(null=True)
    gains_goals = TextField(default="")
    gains_accomplishments = TextField(default="")
    gains_interests = TextField(default="")
    gains_networks = TextField(default="")
    gains_skills = TextField(default="")
    # "1980-05-17", or "--05-17" without the year; blank when not known (core.important_dates)
    birthday = TextField(default="")
    anniversary = TextField(default="")

    class Meta:
        table_name = "contact"


class EmailRecord(BaseRecord):
    id = AutoField()
    contact = ForeignKeyField(ContactRecord, column_name="contact_id", on_delete="CASCADE")
    address = TextField()
    position = IntegerField(default=0)

    class Meta:
        table_name = "contact_email"


class PhoneRecord(BaseRecord):
    id = AutoField()
    contact = ForeignKeyField(ContactRecord, column_name="contact_id", on_delete="CASCADE")
    number = TextField()
    position = IntegerField(default=0)

    class Meta:
        table_name = "contact_phone"


class TagRecord(BaseRecord):
    id = AutoField()
    name = TextField(unique=True)

    class Meta:
        table_name = "tag"


class ContactTagRecord(BaseRecord):
    contact = ForeignKeyField(ContactRecord, column_name="contact_id", on_delete="CASCADE")
    tag = ForeignKeyField(TagRecord, column_name="tag_id", on_delete="CASCADE")

    class Meta:
        table_name = "contact_tag"
        primary_key = CompositeKey("contact", "tag")


class LevelChangeRecord(BaseRecord):
    id = AutoField()
    contact = ForeignKeyField(ContactRecord, column_name="contact_id", on_delete="CASCADE")
    from_level = IntegerField(null=True)
    to_level = IntegerField()
    reason = TextField()
    changed_at = DateTimeField()

    class Meta:
        table_name = "level_change"


class InteractionRecord(BaseRecord):
    id = AutoField()
    contact = ForeignKeyField(ContactRecord, column_name="contact_id", on_delete="CASCADE")
    kind = TextField()
    happened_at = DateTimeField()
    note = TextField(default="")

    class Meta:
        table_name = "interaction"


class SettingRecord(BaseRecord):
    key = TextField(primary_key=True)
    value = TextField()

    class Meta:
        table_name = "setting"


class ContactSourceRecord(BaseRecord):
    contact = ForeignKeyField(
        ContactRecord, column_name="contact_id", primary_key=True, on_delete="CASCADE"
    )
    linkedin_url = TextField(default="")
    connected_on = DateField(null=True)

    class Meta:
        table_name = "contact_source"


class ImportedFieldRecord(BaseRecord):
    """A field (or ``email:…``, ``phone:…``, ``tag:…`` item) that an import filled in."""

    contact = ForeignKeyField(ContactRecord, column_name="contact_id", on_delete="CASCADE")
    field = TextField()

    class Meta:
        table_name = "contact_imported_field"
        primary_key = CompositeKey("contact", "field")
        without_rowid = True


class OneToOneRecord(BaseRecord):
    id = AutoField()
    contact = ForeignKeyField(ContactRecord, column_name="contact_id", on_delete="CASCADE")
    starts_at = DateTimeField()
    duration_minutes = IntegerField()
    place = TextField(default="")
    objective = TextField()
    agenda = TextField(default="")
    outcome = TextField(null=True)
    notes = TextField(default="")
    learnt = TextField(default="")
    completed_at = DateTimeField(null=True)
    is_record = BooleanField(default=False)
    created_at = DateTimeField()

    class Meta:
        table_name = "one_to_one"


class EventRecord(BaseRecord):
    id = AutoField()
    name = TextField()
    kind = TextField()
    starts_at = DateTimeField()
    duration_minutes = IntegerField()
    place = TextField(default="")
    pitch = TextField(default="")
    notes = TextField(default="")
    created_at = DateTimeField()

    class Meta:
        table_name = "event"


class EventPersonRecord(BaseRecord):
    event = ForeignKeyField(EventRecord, column_name="event_id", on_delete="CASCADE")
    contact = ForeignKeyField(ContactRecord, column_name="contact_id", on_delete="CASCADE")

    class Meta:
        table_name = "event_person"
        primary_key = CompositeKey("event", "contact")


class FollowUpRecord(BaseRecord):
    id = AutoField()
    contact = ForeignKeyField(ContactRecord, column_name="contact_id", on_delete="CASCADE")
    one_to_one = ForeignKeyField(
        OneToOneRecord, column_name="one_to_one_id", null=True, on_delete="CASCADE"
    )
    event = ForeignKeyField(EventRecord, column_name="event_id", null=True, on_delete="CASCADE")
    what = TextField()
    owner = TextField()
    due_on = DateField(null=True)
    done_at = DateTimeField(null=True)
    created_at = DateTimeField()

    class Meta:
        table_name = "follow_up"


class PitchRecord(BaseRecord):
    id = AutoField()
    name = TextField()
    limit_seconds = IntegerField(default=60)
    is_next = BooleanField(default=False)
    next_event_on = DateField(null=True)
    created_at = DateTimeField()
    updated_at = DateTimeField()
    archived_at = DateTimeField(null=True)

    class Meta:
        table_name = "pitch"


class PitchVersionRecord(BaseRecord):
    id = AutoField()
    pitch = ForeignKeyField(PitchRecord, column_name="pitch_id", on_delete="CASCADE")
    number = IntegerField()
    script = TextField(default="")
    parts = TextField(default="{}")
    word_count = IntegerField(default=0)
    created_at = DateTimeField()

    class Meta:
        table_name = "pitch_version"


class RehearsalRecord(BaseRecord):
    id = AutoField()
    pitch = ForeignKeyField(PitchRecord, column_name="pitch_id", on_delete="CASCADE")
    version = ForeignKeyField(PitchVersionRecord, column_name="version_id", on_delete="CASCADE")
    duration_seconds = FloatField()
    limit_seconds = IntegerField()
    word_count = IntegerField(default=0)
    rating = IntegerField()
    note = TextField(default="")
    rehearsed_at = DateTimeField()

    class Meta:
        table_name = "rehearsal"


class ProfileRecord(BaseRecord):
    key = TextField(primary_key=True)
    value = TextField()
    updated_at = DateTimeField()

    class Meta:
        table_name = "profile"


class ContactReasonRecord(BaseRecord):
    contact = ForeignKeyField(ContactRecord, column_name="contact_id", on_delete="CASCADE")
    reason = TextField()

    class Meta:
        table_name = "contact_reason"
        primary_key = CompositeKey("contact", "reason")
        without_rowid = True


class WantHaveRecord(BaseRecord):
    id = AutoField()
    contact = ForeignKeyField(
        ContactRecord, column_name="contact_id", null=True, on_delete="CASCADE"
    )
    kind = TextField()
    phrase = TextField()
    tag = TextField(default="")
    created_at = DateTimeField()

    class Meta:
        table_name = "want_have"


class IntroductionRecord(BaseRecord):
    id = AutoField()
    first_contact = ForeignKeyField(
        ContactRecord, column_name="first_contact_id", on_delete="CASCADE"
    )
    second_contact = ForeignKeyField(
        ContactRecord, column_name="second_contact_id", on_delete="CASCADE"
    )
    want = ForeignKeyField(WantHaveRecord, column_name="want_id", null=True, on_delete="SET NULL")
    have = ForeignKeyField(WantHaveRecord, column_name="have_id", null=True, on_delete="SET NULL")
    reason = TextField(default="")
    state = TextField(default="suggested")
    outcome = TextField(null=True)
    introduced_on = DateField(null=True)
    created_at = DateTimeField()
    updated_at = DateTimeField()

    class Meta:
        table_name = "introduction"


class LedgerEntryRecord(BaseRecord):
    id = AutoField()
    contact = ForeignKeyField(ContactRecord, column_name="contact_id", on_delete="CASCADE")
    direction = TextField()
    kind = TextField()
    happened_on = DateField()
    status = TextField(null=True)
    amount_minor = IntegerField(null=True)
    currency = TextField(null=True)
    note = TextField(default="")
    introduction = ForeignKeyField(
        IntroductionRecord, column_name="introduction_id", null=True, on_delete="SET NULL"
    )
    created_at = DateTimeField()

    class Meta:
        table_name = "ledger_entry"


class DeletedLedgerEntryRecord(LedgerEntryRecord):
    """A deleted ledger entry, kept to be put back (moved with SQL in ``data.ledger.trash``)."""

    original_id = IntegerField()
    deleted_at = DateTimeField()

    class Meta:
        table_name = "deleted_ledger_entry"


class DeletedWantHaveRecord(WantHaveRecord):
    """A deleted want or have, with the introductions (comma-separated ids) that named it."""

    original_id = IntegerField()
    want_of = TextField(default="")
    have_of = TextField(default="")
    deleted_at = DateTimeField()

    class Meta:
        table_name = "deleted_want_have"


class GoalRecord(BaseRecord):
    id = AutoField()
    title = TextField()
    metric = TextField()
    kind = TextField(null=True)
    target = IntegerField()
    starts_on = DateField()
    deadline = DateField()
    manual_progress = IntegerField(default=0)
    created_at = DateTimeField()
    archived_at = DateTimeField(null=True)

    class Meta:
        table_name = "goal"


class ReviewRecord(BaseRecord):
    id = AutoField()
    label = TextField()
    period_start = DateField()
    period_end = DateField()
    figures = TextField()
    decisions = TextField(default="[]")
    saved_at = DateTimeField()

    class Meta:
        table_name = "review"


def table_records() -> list[type[BaseRecord]]:
    """Every model in this module, one per table; the deleted copies subclass the live ones."""
    return [
        value
        for value in globals().values()
        if isinstance(value, type) and issubclass(value, BaseRecord) and value is not BaseRecord
    ]
