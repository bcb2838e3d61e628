"""Contacts holding every field netcoach keeps, for vCard round trips: the seed of a
generated set, what a database holds of them, and a fixed rich set for the CLI tests."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, datetime

from netcoach.core.important_dates import ImportantDate
from netcoach.core.models import ContactDraft
from netcoach.core.network import REASONS
from netcoach.data.repo import Store

EPOCH = datetime(2000, 1, 1)


@dataclass(frozen=True, slots=True)
class Person:
    """A contact to store, with what the contact form cannot set on its own."""

    draft: ContactDraft
    tagged_wants: tuple[tuple[str, str], ...] = ()  # (phrase, tag), added beside the form's
    linkedin_url: str = ""
    connected_on: date | None = None
    touched_at: datetime | None = None
    archived: bool = False


def store_people(store: Store, people: list[Person]) -> list[int]:
    """Save ``people`` as the app would; return their ids."""
    ids = []
    for person in people:
        contact = store.add_contact(person.draft)
        for phrase, tag in person.tagged_wants:
            store.ledger.add_want_have(contact.id, "want", phrase, tag)
        if person.linkedin_url or person.connected_on:
            with store.db.connection_context(), store.db.atomic():
                store.db.execute_sql(
                    "INSERT INTO contact_source (contact_id, linkedin_url, connected_on) "
                    "VALUES (?, ?, ?)",
                    [contact.id, person.linkedin_url, person.connected_on],
                )
        if person.touched_at:
            store.log_interaction(contact.id, "coffee", "met", when=person.touched_at)
        if person.archived:
            store.contacts.set_archived(contact.id, True)
        ids.append(contact.id)
    return ids


def held(store: Store) -> list[tuple[object, ...]]:
    """Everything a vCard carries of each contact, without the local id and edit time."""
    return [
        (
            replace(item.contact, id=0, updated_at=EPOCH),
            item.linkedin_url,
            item.connected_on,
            item.uid,
            item.archived_at,
            item.wants,
            item.haves,
        )
        for item in store.exports.iter_contacts(include_archived=True)
    ]


HOSTILE = "Smith, Jones; & Co: a\\b [b]x[/b] Zoë 🎉"

RICH = [
    Person(
        ContactDraft(
            name="[@click=app.quit]x[/] Zoë, O'Brien; Jr",
            company=HOSTILE,
            title="Partner\\Owner; founder, CEO",
            emails=("zoe@x.example", "z2@y.example"),
            phones=("+44 7700 900123", "(020) 7946-0000 ext 12"),
            url="https://zoe.example/a,b;c",
            how_met="Breakfast; club, Tuesday: 7am",
            where_met="Café, town\\hall",
            notes="line one\n  indented, with; stuff: 🎉\\n not a newline\n\nlast",
            level=4,
            cadence_days=21,
            is_advisor=True,
            tags=("referral partner", "a,b", "c;d", "e\\f", "g:h"),
            reasons=("leads", "refer_to", "competitors"),
            wants=("introductions to landlords, in town", "a; b"),
            haves=("grant writing: ten years",),
            gains_goals="Open a second office; hire two",
            gains_accomplishments="Won the chamber award\nin 2025",
            gains_interests="Cycling, chess",
            gains_networks="BNI Riverside; alumni",
            gains_skills="Contracts \\ leases",
            birthday=ImportantDate(2, 29, 1984),
            anniversary=ImportantDate(6, 30),
        ),
        tagged_wants=(("commercial lawyer", "legal, property"),),
        linkedin_url="https://www.linkedin.com/in/zoe-obrien",
        connected_on=date(2024, 1, 31),
        touched_at=datetime(2026, 10, 2, 8, 15),
    ),
    Person(
        ContactDraft(
            name="Plato",
            url="https://www.linkedin.com/in/plato",
            level=2,
            birthday=ImportantDate(1, 2),
        )
    ),
    Person(
        ContactDraft(name="Maya Fraser", emails=("maya@pixel.example",), notes="n" * 65_536),
        archived=True,
    ),
    # The same name and email as the last: two people the file keeps apart by their UIDs.
    Person(ContactDraft(name="Maya Fraser", emails=("maya@pixel.example",), level=3)),
    Person(ContactDraft(name="李小龍", company="香港", reasons=tuple(k for k, _ in REASONS))),
]
