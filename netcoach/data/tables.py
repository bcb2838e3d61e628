"""Peewee models over the tables the migrations create; they never leave ``netcoach.data``."""

from __future__ import annotations

from peewee import (
    AutoField,
    BooleanField,
    CompositeKey,
    DateField,
    DateTimeField,
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
