"""vCard 3.0: one contact as a card, with netcoach's own fields as X-NETCOACH-* properties."""

from __future__ import annotations

import re
from typing import TextIO

from netcoach.core.exports import ExportedContact, contact_uid
from netcoach.core.network import GAINS
from netcoach.data.repo import Store
from netcoach.io.exporters.lines import PRODID, escape_text, fold

# The X-NETCOACH-* property of each GAINS note.
GAINS_PROPERTIES = {
    field: "GAINS-" + field.removeprefix("gains_").upper() for field, _l, _p in GAINS
}

# Characters a vCard line cannot hold (RFC 6350 allows no control character but tab; a
# newline is written as \n): a NUL would make the file binary, so they are left out.
UNWRITABLE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")

# Anything escape_text or UNWRITABLE would change: most values have none of it.
SPECIAL = re.compile(r"[\\,;\r\n\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def card_text(value: str) -> str:
    """``value`` escaped for a vCard, without the control characters vCard cannot carry."""
    if SPECIAL.search(value) is None:
        return value
    return escape_text(UNWRITABLE.sub("", value))


def vcard(item: ExportedContact) -> str:
    """One contact as a vCard 3.0, with netcoach's own fields as X-NETCOACH-* properties.

    Everything a contact holds is written, so ``import vcard`` reads it back
    (docs: README, "Importing and exporting"); text is kept exactly, except the
    control characters vCard cannot carry.
    """
    c = item.contact
    given, _, family = c.name.rpartition(" ")
    if not given:
        given, family = family, ""
    lines = [
        "BEGIN:VCARD",
        "VERSION:3.0",
        PRODID,
        f"UID:{card_text(item.uid or contact_uid(c.id, c.created_at))}",
        f"N:{card_text(family)};{card_text(given)};;;",
        f"FN:{card_text(c.name)}",
    ]
    if c.company:
        lines.append(f"ORG:{card_text(c.company)}")
    if c.title:
        lines.append(f"TITLE:{card_text(c.title)}")
    lines.extend(f"EMAIL;TYPE=INTERNET:{card_text(e)}" for e in c.emails)
    lines.extend(f"TEL:{card_text(p)}" for p in c.phones)
    if c.url:
        lines.append(f"URL:{card_text(c.url)}")
    # vCard 3.0 has BDAY; ANNIVERSARY came with 4.0, so it goes as X-ANNIVERSARY, which
    # most address books read. A date without its year is written "--05-17".
    if c.birthday is not None:
        lines.append(f"BDAY:{c.birthday.stored()}")
    if c.anniversary is not None:
        lines.append(f"X-ANNIVERSARY:{c.anniversary.stored()}")
    if item.linkedin_url:
        lines.append(f"X-SOCIALPROFILE;TYPE=linkedin:{card_text(item.linkedin_url)}")
    if c.notes:
        lines.append(f"NOTE:{card_text(c.notes)}")
    if c.tags:
        lines.append("CATEGORIES:" + ",".join(card_text(t) for t in c.tags))
    lines.append(f"X-NETCOACH-LEVEL:{c.level}")
    extra = (
        ("URL", c.url),
        ("HOW-MET", c.how_met),
        ("WHERE-MET", c.where_met),
        ("ADVISOR", "1" if c.is_advisor else ""),
        ("CADENCE", str(c.cadence_days or "")),
        ("CONNECTED-ON", item.connected_on.isoformat() if item.connected_on else ""),
        ("CREATED", c.created_at.isoformat(sep=" ")),
        ("LAST-TOUCH", c.last_interaction_at.isoformat(sep=" ") if c.last_interaction_at else ""),
        ("ARCHIVED", item.archived_at.isoformat(sep=" ") if item.archived_at else ""),
        *((GAINS_PROPERTIES[field], getattr(c, field)) for field, _l, _p in GAINS),
    )
    lines.extend(f"X-NETCOACH-{name}:{card_text(value)}" for name, value in extra if value)
    lines.extend(f"X-NETCOACH-REASON:{reason}" for reason in c.reasons)
    for kind, phrases in (("WANT", item.wants), ("HAVE", item.haves)):
        for number, (phrase, tag) in enumerate(phrases, 1):
            if not tag:
                lines.append(f"X-NETCOACH-{kind}:{card_text(phrase)}")
                continue
            group = f"{kind.lower()}{number}"
            lines.append(f"{group}.X-NETCOACH-{kind}:{card_text(phrase)}")
            lines.append(f"{group}.X-NETCOACH-{kind}-TAG:{card_text(tag)}")
    lines.append("END:VCARD")
    return "".join(fold(line) for line in lines)


def write_vcards(store: Store, out: TextIO) -> int:
    count = 0
    for item in store.exports.iter_contacts(include_archived=True):
        out.write(vcard(item))
        count += 1
    return count
