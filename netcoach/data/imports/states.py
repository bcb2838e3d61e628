"""What an import compares a matched record against: a contact's fields, items and marks."""

from __future__ import annotations

from peewee import SqliteDatabase

from netcoach.core.imports import SCALAR_FIELDS, ExistingContact, email_key, phone_key
from netcoach.data.values import stored_date


def load_states(db: SqliteDatabase, ids: set[int]) -> dict[int, ExistingContact]:
    """The current fields, items and import marks of the contacts in ``ids``."""
    if not ids:
        return {}
    marks = ",".join("?" * len(ids))
    params = list(ids)

    def grouped(sql: str) -> dict[int, list[str]]:
        found: dict[int, list[str]] = {}
        for contact_id, value in db.execute_sql(sql.format(marks), params):
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
    for contact_id, kind, phrase in db.execute_sql(
        f"SELECT contact_id, kind, phrase FROM want_have WHERE contact_id IN ({marks})", params
    ):
        phrases.setdefault((contact_id, kind), set()).add(phrase.casefold())
    sources = {
        contact_id: (url, connected)
        for contact_id, url, connected in db.execute_sql(
            "SELECT contact_id, linkedin_url, connected_on FROM contact_source "
            f"WHERE contact_id IN ({marks})",
            params,
        )
    }
    columns = ", ".join(SCALAR_FIELDS)
    states = {}
    for row in db.execute_sql(
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
            connected_on=stored_date(connected) if connected else None,
            imported=frozenset(imported.get(contact_id, [])),
            reasons=frozenset(reasons.get(contact_id, [])),
            wants=frozenset(phrases.get((contact_id, "want"), ())),
            haves=frozenset(phrases.get((contact_id, "have"), ())),
        )
    return states
